import GoodAirCore

/// The dashboard's HTML frame: a plain page in French, like the reports, with its style inline
/// (the content security policy allows nothing else) and no script.
enum DashboardPage {
    static func escape(_ text: String) -> String { DashboardChart.escape(text) }

    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) — GoodAir</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:0;color:#1d1d1d;background:#fafafa}
        header{display:flex;justify-content:space-between;align-items:center;padding:.6rem 1.2rem;background:#0b3d5c;color:#fff}
        header a{color:#fff}
        header button{color:#fff;background:transparent;border:1px solid #fff;border-radius:4px;padding:.2rem .6rem;cursor:pointer}
        main{max-width:960px;margin:1rem auto;padding:0 1rem}
        form.inline{display:inline}
        table{border-collapse:collapse;margin:.5rem 0}
        td,th{border-bottom:1px solid #ddd;padding:.25rem .6rem;text-align:left}
        td.n{text-align:right;font-variant-numeric:tabular-nums}
        .box{background:#fff;border:1px solid #ddd;border-radius:6px;padding:1rem;margin:1rem 0}
        .error{color:#a00}
        </style></head>
        <body>\(body)</body></html>
        """
    }

    /// A page with one message (a missing report, say).
    static func message(_ text: String) -> String {
        page(title: "GoodAir", body: "<main><p>\(escape(text))</p><p><a href=\"/\">Tableau de bord</a></p></main>")
    }
}
