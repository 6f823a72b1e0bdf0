import Foundation
import GoodAirCore

/// A real SMTP server for tests: `scripts/smtp-sink.py` (Python, aiosmtpd) on a free loopback
/// port, run with the interpreter named by `GOODAIR_PYTHON` (the Makefile sets it to the venv's).
/// Each message it accepts is read back as a ``ReceivedMail``, decoded by Python's own e-mail
/// package: an independent check of what GoodAir encodes.
///
/// ```swift
/// @Test(.enabled(if: SMTPSink.isConfigured, "GOODAIR_PYTHON is not set"))
/// func sends() async throws {
///     let sink = try await SMTPSink.start()
///     defer { sink.stop() }
///     … send to sink.url …
///     let mails = try sink.received()
/// }
/// ```
public final class SMTPSink: @unchecked Sendable {
    /// How the server behaves.
    public struct Options: Sendable {
        /// Offer STARTTLS (or TLS from the start with ``implicitTLS``) with this certificate.
        public var certificate: SelfSignedCertificate?
        public var requireStartTLS = false
        /// TLS from the first byte (`smtps://`); needs ``certificate``.
        public var implicitTLS = false
        /// Require AUTH with these credentials.
        public var user: String?
        public var password: String?
        /// Answer DATA with this code (451: try later) instead of accepting.
        public var refuse: Int?
        public init(certificate: SelfSignedCertificate? = nil, requireStartTLS: Bool = false, implicitTLS: Bool = false,
                    user: String? = nil, password: String? = nil, refuse: Int? = nil) {
            self.certificate = certificate
            self.requireStartTLS = requireStartTLS
            self.implicitTLS = implicitTLS
            self.user = user
            self.password = password
            self.refuse = refuse
        }
    }

    /// The variable naming the Python interpreter that has aiosmtpd.
    public static let pythonVariable = "GOODAIR_PYTHON"
    /// The interpreter, when `GOODAIR_PYTHON` is set.
    public static var python: String? {
        ProcessInfo.processInfo.environment[pythonVariable].flatMap { $0.isEmpty ? nil : $0 }
    }
    /// Whether tests against the sink can run. When `GOODAIR_PYTHON` is set but aiosmtpd is
    /// missing, ``start(_:)`` throws: such a test fails rather than passing silently.
    public static var isConfigured: Bool { python != nil }

    public let port: Int
    /// Where the received `.eml` and `.json` files are.
    public let folder: URL
    private let process: Process
    private let workspace: URL

    /// `smtp://127.0.0.1:<port>` (`smtps://` for ``Options/implicitTLS``).
    public let url: String

    private init(port: Int, folder: URL, workspace: URL, process: Process, implicitTLS: Bool) {
        self.port = port
        self.folder = folder
        self.workspace = workspace
        self.process = process
        url = "\(implicitTLS ? "smtps" : "smtp")://127.0.0.1:\(port)"
    }

    /// Starts the server and waits until it listens.
    public static func start(_ options: Options = Options()) async throws -> SMTPSink {
        guard let python else { throw SMTPSinkError("\(pythonVariable) is not set") }
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("goodair-smtp-\(UUID().uuidString.prefix(8))")
        let folder = workspace.appendingPathComponent("mails", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var arguments = [Fixtures.repositoryRoot.appendingPathComponent("scripts/smtp-sink.py").path, "--dir", folder.path]
        if let certificate = options.certificate {
            arguments += ["--starttls-cert", certificate.certificate.path, "--starttls-key", certificate.key.path]
        }
        if options.requireStartTLS { arguments.append("--require-starttls") }
        if options.implicitTLS { arguments.append("--implicit-tls") }
        if let user = options.user { arguments += ["--auth-user", user, "--auth-password", options.password ?? ""] }
        if let code = options.refuse { arguments += ["--refuse", "\(code)"] }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = arguments
        let stdout = Pipe()
        process.standardOutput = stdout
        let errorFile = workspace.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        do { try process.run() } catch { throw SMTPSinkError("cannot run \(python): \(error)") }
        let line = try await BlockingWork.run { () -> String in
            var bytes: [UInt8] = []
            while !bytes.contains(0x0A) {
                let chunk = stdout.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                bytes += chunk
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        guard line.hasPrefix("PORT "), let port = Int(line.dropFirst(5).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.waitUntilExit()
            let stderr = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
            throw SMTPSinkError("the SMTP sink did not start (is aiosmtpd installed for \(python)? pip install -r Tests/python/requirements.txt): "
                                + stderr.suffix(600))
        }
        return SMTPSink(port: port, folder: folder, workspace: workspace, process: process, implicitTLS: options.implicitTLS)
    }

    /// Every message accepted so far, in order.
    public func received() throws -> [ReceivedMail] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { name in
            let json = try Data(contentsOf: folder.appendingPathComponent(name))
            let eml = try Data(contentsOf: folder.appendingPathComponent(name.replacingOccurrences(of: ".json", with: ".eml")))
            return try ReceivedMail(envelopeJSON: json, raw: eml)
        }
    }

    /// From now on, answer DATA with `code` (e.g. 451), or accept again with nil.
    public func refuse(_ code: Int?) throws {
        let control = folder.appendingPathComponent("_refuse")
        if let code { try AtomicFile.write(string: "\(code)\n", to: control) } else { try? FileManager.default.removeItem(at: control) }
    }

    /// Stops the server and removes its files (kept, for a look, when `GOODAIR_SMTP_SINK_KEEP` is set).
    public func stop() {
        if process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(5)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        if ProcessInfo.processInfo.environment["GOODAIR_SMTP_SINK_KEEP"] == nil { try? FileManager.default.removeItem(at: workspace) }
    }
}

/// A message the sink accepted: the envelope, the raw text, and Python's decoding of it.
public struct ReceivedMail: Sendable {
    public let mailFrom: String
    public let recipients: [String]
    /// The user that authenticated, nil without AUTH.
    public let authenticatedUser: String?
    /// Whether the session was encrypted (STARTTLS or implicit TLS).
    public let tls: Bool
    /// The message as received.
    public let raw: String
    /// Decoded by Python's `email` package (RFC 2047 subject, quoted-printable body).
    public let subject: String
    public let from: String
    public let to: String
    public let date: String
    public let messageID: String
    public let body: String
    public let charset: String?
    public let transferEncoding: String?
    /// Defects Python's parser found in the message; empty for a well-formed one.
    public let defects: [String]

    init(envelopeJSON: Data, raw: Data) throws {
        guard let record = try JSONSerialization.jsonObject(with: envelopeJSON) as? [String: Any],
              let message = record["message"] as? [String: Any] else { throw SMTPSinkError("bad envelope JSON") }
        mailFrom = record["mail_from"] as? String ?? ""
        recipients = record["rcpt_tos"] as? [String] ?? []
        authenticatedUser = record["authenticated_user"] as? String
        tls = record["tls"] as? Bool ?? false
        self.raw = String(decoding: raw, as: UTF8.self)
        subject = message["subject"] as? String ?? ""
        from = message["from"] as? String ?? ""
        to = message["to"] as? String ?? ""
        date = message["date"] as? String ?? ""
        messageID = message["message_id"] as? String ?? ""
        body = message["body"] as? String ?? ""
        charset = message["charset"] as? String
        transferEncoding = message["transfer_encoding"] as? String
        defects = message["defects"] as? [String] ?? []
    }
}

/// A certificate and key for `127.0.0.1` and `localhost`, made with `openssl req -x509` in a
/// fresh folder (valid one day): the CA file a client is told to trust.
public struct SelfSignedCertificate: Sendable {
    public let certificate: URL
    public let key: URL

    public static func make() throws -> SelfSignedCertificate {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("goodair-cert-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let result = SelfSignedCertificate(certificate: folder.appendingPathComponent("cert.pem"), key: folder.appendingPathComponent("key.pem"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                             "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                             "-keyout", result.key.path, "-out", result.certificate.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw SMTPSinkError("openssl req -x509 failed (is openssl installed?)") }
        return result
    }

    /// Removes the files.
    public func remove() { try? FileManager.default.removeItem(at: certificate.deletingLastPathComponent()) }
}

/// Why the sink could not start or be read.
public struct SMTPSinkError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
