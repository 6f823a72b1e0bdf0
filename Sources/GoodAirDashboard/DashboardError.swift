/// Why the dashboard cannot start, or a user cannot be added. Messages name the file and the line;
/// they never hold a password or a hash.
public enum DashboardError: Error, Equatable, CustomStringConvertible {
    /// No users file was given (`--users` or `GOODAIR_DASHBOARD_USERS`).
    case noUsersFile
    /// The users file cannot be read.
    case unreadableUsersFile(path: String)
    /// The users file lies inside the lake, where no credential may be (LAKE.md §7).
    case usersFileInLake(path: String)
    /// A line of the users file is not `name:bcrypt-hash`.
    case malformedUsersFile(path: String, line: Int, reason: String)
    /// The users file names nobody: nobody could log in.
    case noUsers(path: String)
    /// A user name that is not 1–64 of `a-z 0-9 . _ -`.
    case badUserName(String)
    /// A password too short to keep the lab's data.
    case weakPassword(minimum: Int)
    /// The server could not listen.
    case cannotStart(String)

    public var description: String {
        switch self {
        case .noUsersFile:
            return "no users file: give --users FILE or GOODAIR_DASHBOARD_USERS (add a user with goodair serve --users FILE --add-user NAME)"
        case .unreadableUsersFile(let path): return "\(path): cannot read the users file"
        case .usersFileInLake(let path):
            return "\(path): the users file is inside the lake; credentials never go in the lake (LAKE.md §7): keep it outside, e.g. /etc/goodair/users"
        case .malformedUsersFile(let path, let line, let reason): return "\(path):\(line): \(reason)"
        case .noUsers(let path): return "\(path): no user, so nobody could log in (add one with goodair serve --users \(path) --add-user NAME)"
        case .badUserName(let name): return "user name '\(name.prefix(64))': use 1 to 64 of a-z, 0-9, '.', '_' and '-'"
        case .weakPassword(let minimum): return "the password is too short: \(minimum) characters at least"
        case .cannotStart(let why): return "the dashboard could not start: \(why)"
        }
    }
}
