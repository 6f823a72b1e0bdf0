import Foundation
import GoodAirCore
import HummingbirdBcrypt

/// Who may log in to the dashboard: a users file of `name:bcrypt-hash` lines (`#` starts a
/// comment), as `htpasswd -B` writes them, kept outside the lake with mode 600. Passwords are
/// never stored, only their bcrypt hashes.
///
/// ```swift
/// let users = try DashboardUsers.load(from: URL(fileURLWithPath: "/etc/goodair/users"), lake: lake)
/// users.verify(name: "marie", password: typed)   // true or false, in about the same time
/// ```
public struct DashboardUsers: Sendable {
    /// bcrypt hashes by user name.
    private let hashes: [String: String]
    /// Checked against when the name is unknown, so an unknown name costs what a wrong password
    /// costs and timing does not tell which names exist.
    private let decoy: String

    /// The bcrypt cost `add` uses: 12 (about a quarter of a second here, once per login).
    public static let cost: UInt8 = 12
    /// The shortest password `add` accepts.
    public static let minimumPasswordLength = 12

    public var names: [String] { hashes.keys.sorted() }

    init(hashes: [String: String]) {
        self.hashes = hashes
        // The highest cost of the file: an unknown name then never answers faster than a known one.
        let cost = hashes.values.compactMap { UInt8($0.split(separator: "$").dropFirst().first ?? "") }.max() ?? Self.cost
        decoy = Bcrypt.hash(UUID().uuidString, cost: cost)
    }

    /// Reads the users file.
    /// - Throws: ``DashboardError`` naming the file (and the line) when it is unreadable, inside
    ///   `lake`, malformed or empty.
    public static func load(from file: URL, lake: Lake) throws -> DashboardUsers {
        guard !isInside(file, lake: lake) else { throw DashboardError.usersFileInLake(path: file.path) }
        guard let data = FileManager.default.contents(atPath: file.path) else { throw DashboardError.unreadableUsersFile(path: file.path) }
        var hashes: [String: String] = [:]
        for (index, raw) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw DashboardError.malformedUsersFile(path: file.path, line: index + 1, reason: "not name:bcrypt-hash")
            }
            let name = String(line[..<colon]), hash = String(line[line.index(after: colon)...])
            guard isValid(name: name) else { throw DashboardError.malformedUsersFile(path: file.path, line: index + 1, reason: "bad user name") }
            guard isBcrypt(hash) else {
                throw DashboardError.malformedUsersFile(path: file.path, line: index + 1, reason: "the hash is not bcrypt ($2a$, $2b$ or $2y$, 60 characters)")
            }
            guard hashes[name] == nil else { throw DashboardError.malformedUsersFile(path: file.path, line: index + 1, reason: "\(name) is listed twice") }
            hashes[name] = hash
        }
        guard !hashes.isEmpty else { throw DashboardError.noUsers(path: file.path) }
        return DashboardUsers(hashes: hashes)
    }

    /// Whether `name` is a user of the file.
    public func knows(_ name: String) -> Bool { hashes[name] != nil }

    /// Whether `password` is the password of `name`.
    public func verify(name: String, password: String) -> Bool {
        let known = hashes[name]
        let matches = Bcrypt.verify(password, hash: known ?? decoy)
        return known != nil && matches
    }

    /// Adds `name` to the users file (or changes its password), creating the file with mode 600.
    /// The file is rewritten atomically; other lines stay as they were.
    public static func add(name: String, password: String, to file: URL, lake: Lake, cost: UInt8 = cost) throws {
        guard isValid(name: name) else { throw DashboardError.badUserName(name) }
        guard password.count >= minimumPasswordLength else { throw DashboardError.weakPassword(minimum: minimumPasswordLength) }
        guard !isInside(file, lake: lake) else { throw DashboardError.usersFileInLake(path: file.path) }
        var lines = FileManager.default.contents(atPath: file.path).map { String(decoding: $0, as: UTF8.self).split(separator: "\n").map(String.init) } ?? []
        lines.removeAll { $0.hasPrefix(name + ":") }
        lines.append("\(name):\(Bcrypt.hash(password, cost: cost))")
        try AtomicFile.write(Array((lines.joined(separator: "\n") + "\n").utf8), to: file, mode: 0o600)
    }

    /// Whether `file` (which need not exist yet) lies in `lake`, symbolic links followed.
    static func isInside(_ file: URL, lake: Lake) -> Bool {
        let path = file.standardizedFileURL.deletingLastPathComponent().resolvingSymlinksInPath()
            .appendingPathComponent(file.lastPathComponent).resolvingSymlinksInPath().path
        let root = lake.root.resolvingSymlinksInPath().path
        return path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    static func isValid(name: String) -> Bool {
        (1...64).contains(name.utf8.count)
            && name.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
    }

    static func isBcrypt(_ hash: String) -> Bool {
        hash.utf8.count == 60 && (hash.hasPrefix("$2a$") || hash.hasPrefix("$2b$") || hash.hasPrefix("$2y$"))
    }
}
