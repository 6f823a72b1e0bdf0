/// The reports' stylesheet, inlined in every page: readable type, high-contrast text, tables and
/// charts that fit a laptop screen and print on A4.
enum ReportStyle {
    static let css = """
    :root { color-scheme: light; }
    body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1a1a1a;
      background: #fff; margin: 0; line-height: 1.45; }
    header, main, footer { max-width: 960px; margin: 0 auto; padding: 0 16px; }
    nav { display: flex; gap: 18px; padding: 12px 0; border-bottom: 1px solid #ccc; font-size: 0.95rem; }
    nav a { color: #0b5394; }
    nav span { font-weight: 600; }
    h1 { font-size: 1.7rem; margin: 18px 0 2px; }
    h2 { font-size: 1.35rem; margin: 34px 0 8px; border-bottom: 2px solid #0072B2; padding-bottom: 3px; }
    h3 { font-size: 1.1rem; margin: 24px 0 6px; }
    .subtitle { color: #444; margin-top: 0; }
    .note { background: #f3f6fa; border-left: 4px solid #0072B2; padding: 8px 12px; }
    .warning { background: #fff6e5; border-left: 4px solid #E69F00; padding: 8px 12px; }
    figure { margin: 12px 0 20px; }
    .chart svg { max-width: 100%; height: auto; display: block; }
    figcaption { font-size: 0.9rem; color: #333; margin-top: 4px; }
    .tablewrap { overflow-x: auto; }
    table { border-collapse: collapse; font-size: 0.88rem; margin: 8px 0 16px; }
    caption { text-align: left; font-weight: 600; padding: 4px 0; }
    th, td { border: 1px solid #d0d0d0; padding: 3px 7px; text-align: left; vertical-align: top; }
    thead th { background: #eef2f7; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    article.event { border: 1px solid #d0d0d0; border-radius: 6px; padding: 4px 14px 8px; margin: 14px 0; }
    article.event h3 { margin-top: 10px; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 6px 0; font-size: 0.92rem; }
    dl.facts dt { font-weight: 600; }
    dl.facts dd { margin: 0; }
    .tag { display: inline-block; font-size: 0.78rem; padding: 1px 7px; border-radius: 9px; background: #eee; margin-right: 6px; }
    .tag.alert { background: #B00020; color: #fff; }
    .tag.information { background: #E69F00; color: #000; }
    .tag.guideline { background: #56B4E9; color: #000; }
    .tag.heat { background: #D55E00; color: #fff; }
    .tag.anomaly { background: #CC79A7; color: #000; }
    .grid-2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 12px; }
    footer { font-size: 0.82rem; color: #555; border-top: 1px solid #ccc; margin-top: 30px; }
    svg text { font-family: system-ui, "DejaVu Sans", sans-serif; }
    svg .tick { font-size: 10.5px; fill: #333; }
    svg .tick.minor { fill: #888; }
    svg .ptitle { font-size: 12px; font-weight: 600; fill: #1a1a1a; }
    svg .legend { font-size: 11px; fill: #1a1a1a; }
    svg .reflabel { font-size: 10.5px; font-weight: 600; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
    svg .grid { stroke: #e3e3e3; stroke-width: 1; }
    svg .axis { stroke: #555; stroke-width: 1; }
    svg .shade { fill: #F0E442; fill-opacity: 0.35; }
    svg .colhead, svg .rowhead { font-size: 12px; font-weight: 600; fill: #1a1a1a; }
    svg .cellvalue { font-size: 14px; font-weight: 700; }
    svg .celldetail { font-size: 10px; }
    svg .nocell { fill: #f4f4f4; }
    svg .axistitle { font-size: 11.5px; fill: #1a1a1a; }
    @media print { nav { display: none; } article.event, figure { break-inside: avoid; } }
    """
}
