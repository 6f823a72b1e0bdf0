import Foundation
import GoodAirCore
@testable import GoodAirDashboard
import GoodAirTesting
import HummingbirdBcrypt
import Testing

/// The dashboard's users file: outside the lake, bcrypt hashes only, errors that name the line.
@Suite("Dashboard users")
struct DashboardUsersTests {
    static let password = DashboardTests.password

    @Test("the users file: outside the lake, name:bcrypt-hash lines, errors with their line; add keeps it mode 600")
    func usersFile() async throws {
        let lake = try TemporaryLake()
        defer { lake.remove() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("goodair-users-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("users")
        try DashboardUsers.add(name: "marie", password: Self.password, to: file, lake: lake.lake, cost: 4)
        try DashboardUsers.add(name: "paul", password: Self.password, to: file, lake: lake.lake, cost: 4)
        try DashboardUsers.add(name: "marie", password: "un autre mot de passe", to: file, lake: lake.lake, cost: 4)
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let users = try DashboardUsers.load(from: file, lake: lake.lake)
        #expect(users.names == ["marie", "paul"])
        #expect(users.verify(name: "marie", password: "un autre mot de passe") && !users.verify(name: "marie", password: Self.password))
        #expect(users.verify(name: "paul", password: Self.password) && !users.verify(name: "nobody", password: Self.password))
        #expect(!(try String(contentsOf: file, encoding: .utf8)).contains(Self.password))

        #expect(throws: DashboardError.weakPassword(minimum: 12)) { try DashboardUsers.add(name: "jo", password: "court", to: file, lake: lake.lake) }
        #expect(throws: DashboardError.badUserName("Jo Doe")) { try DashboardUsers.add(name: "Jo Doe", password: Self.password, to: file, lake: lake.lake) }
        let inside = lake.root.appendingPathComponent("users")
        #expect(throws: DashboardError.usersFileInLake(path: inside.path)) { try DashboardUsers.add(name: "jo", password: Self.password, to: inside, lake: lake.lake) }
        try AtomicFile.write(Array("jo:\(Bcrypt.hash("x", cost: 4))\n".utf8), to: inside)
        #expect(throws: DashboardError.usersFileInLake(path: inside.path)) { try DashboardUsers.load(from: inside, lake: lake.lake) }

        let broken = folder.appendingPathComponent("broken")
        for (text, line, reason) in [("# comment\nmarie\n", 2, "not name:bcrypt-hash"),
                                     ("marie:secret\n", 1, "the hash is not bcrypt ($2a$, $2b$ or $2y$, 60 characters)"),
                                     ("marie:\(Bcrypt.hash("x", cost: 4))\n\nmarie:\(Bcrypt.hash("y", cost: 4))\n", 3, "marie is listed twice")] {
            try AtomicFile.write(Array(text.utf8), to: broken)
            #expect(throws: DashboardError.malformedUsersFile(path: broken.path, line: line, reason: reason)) {
                try DashboardUsers.load(from: broken, lake: lake.lake)
            }
        }
        try AtomicFile.write(Array("# nobody yet\n".utf8), to: broken)
        #expect(throws: DashboardError.noUsers(path: broken.path)) { try DashboardUsers.load(from: broken, lake: lake.lake) }
        #expect(throws: DashboardError.unreadableUsersFile(path: folder.appendingPathComponent("none").path)) {
            try DashboardUsers.load(from: folder.appendingPathComponent("none"), lake: lake.lake)
        }
    }
}
