import ArgumentParser
import Foundation
import GoodAirCore
import GoodAirDashboard

extension GoodAir {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the authenticated dashboard and data API.",
            discussion: """
            Nobody gets anything but the login page before logging in; every export is audited in
            _state/audit/exports.jsonl. Users are in a file outside the lake (--users, or
            GOODAIR_DASHBOARD_USERS) of name:bcrypt-hash lines; add one, or change a password, with
              goodair serve --users /etc/goodair/users --add-user marie   (the password on standard input)
            Listens on 127.0.0.1 by default: put it behind an HTTPS reverse proxy for the lab's network.
            Routes: / (dashboard), /api/cities, /api/series, /api/latest, /export/series.csv, /reports/…
            (details in docs/dashboard.md).
            """
        )

        @OptionGroup var options: LakeOptions

        @Option(help: "Port to listen on (0: any free port).")
        var port: Int = 8080

        @Option(help: "Address to bind.")
        var host: String = "127.0.0.1"

        @Option(help: ArgumentHelp("The users file (default: $GOODAIR_DASHBOARD_USERS).", valueName: "file"))
        var users: String?

        @Option(help: ArgumentHelp("Add this user to the users file (or change its password), reading the password from standard input, then exit.", valueName: "name"))
        var addUser: String?

        @Option(help: "Hours a login lasts.")
        var sessionHours: Double = 12

        @Flag(help: "Send the session cookie without Secure, for a plain-HTTP test setup only.")
        var insecureCookies = false

        func run() async throws {
            let lake = try options.resolvedLake()
            guard let path = users ?? options.environment.value("GOODAIR_DASHBOARD_USERS") else { throw DashboardError.noUsersFile }
            let file = URL(fileURLWithPath: path)
            if let name = addUser {
                let password = Self.readPassword(prompt: "password for \(name): ")
                try DashboardUsers.add(name: name, password: password, to: file, lake: lake)
                print("\(name) can log in (users file \(path))")
                return
            }
            guard (0...65535).contains(port) else { throw ValidationError("--port must be 0…65535") }
            guard sessionHours > 0, sessionHours <= 720 else { throw ValidationError("--session-hours must be more than 0 and at most 720 (30 days)") }
            let logger = try options.logger(label: "goodair.serve")
            let dashboard = try Dashboard(lake: lake, users: try DashboardUsers.load(from: file, lake: lake),
                                          sessionLifetime: sessionHours * 3600, secureCookies: !insecureCookies,
                                          clock: try options.clock(), logger: logger)
            let server = try await DashboardServer.start(dashboard, host: host, port: port, logger: logger)
            print("GoodAir dashboard on \(server.baseURL) (lake \(lake.relativeDisplay(lake.root)); Ctrl-C to stop)")
            fflush(nil)
            try await server.wait()
        }

        /// A line of standard input; on a terminal, asked for with `prompt` on standard error and
        /// not echoed.
        static func readPassword(prompt: String) -> String {
            guard isatty(STDIN_FILENO) == 1 else { return readLine(strippingNewline: true) ?? "" }
            FileHandle.standardError.write(Data(prompt.utf8))
            var saved = termios()
            tcgetattr(STDIN_FILENO, &saved)
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
            defer {
                tcsetattr(STDIN_FILENO, TCSANOW, &saved)
                FileHandle.standardError.write(Data("\n".utf8))
            }
            return readLine(strippingNewline: true) ?? ""
        }
    }
}
