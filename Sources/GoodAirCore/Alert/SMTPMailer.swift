import CCurl
import Foundation

/// Sends mail over SMTP with libcurl: `smtp://` with STARTTLS when offered (or required),
/// `smtps://`, AUTH (libcurl picks PLAIN or LOGIN among what the server offers), several
/// recipients, certificate verification against the system's CAs or ``SMTPSettings/caFile``, and
/// a timeout. The transfer runs on a thread of its own (libcurl blocks), signals off.
///
/// The password goes to libcurl and nowhere else: libcurl's messages are redacted before they
/// become an ``AlertError``, and nothing is logged here.
///
/// ```swift
/// let mailer = SMTPMailer(settings: settings)
/// try await mailer.send(message)
/// ```
public struct SMTPMailer: MailTransport {
    public let settings: SMTPSettings

    public init(settings: SMTPSettings) {
        self.settings = settings
        _ = Self.globalInit
    }

    private static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    public func send(_ message: MailMessage) async throws {
        let settings = settings
        try await BlockingWork.run { try SMTPTransfer.perform(message, settings: settings) }
    }
}

/// One blocking SMTP transfer with libcurl.
enum SMTPTransfer {
    /// The bytes libcurl reads for DATA.
    final class Source {
        let bytes: [UInt8]
        var offset = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    static func perform(_ message: MailMessage, settings: SMTPSettings) throws {
        guard let handle = curl_easy_init() else { throw AlertError.delivery(reason: "libcurl could not create a handle", smtpCode: nil) }
        defer { curl_easy_cleanup(handle) }
        let source = Source(message.rendered())
        let sourcePointer = Unmanaged.passUnretained(source).toOpaque()
        var recipients: UnsafeMutablePointer<curl_slist>?
        for address in message.to { recipients = curl_slist_append(recipients, "<\(address.address)>") }
        defer { curl_slist_free_all(recipients) }
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let useSSL = settings.startTLS == .required ? CURLUSESSL_ALL : CURLUSESSL_TRY

        let code: CURLcode = errorBuffer.withUnsafeMutableBufferPointer { errorPointer in
            goodair_curl_setopt_string(handle, CURLOPT_URL, settings.url)
            goodair_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
            goodair_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, max(1, Int(settings.timeout * 1000)))
            goodair_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, max(1, Int(min(settings.timeout, 10) * 1000)))
            goodair_curl_setopt_long(handle, CURLOPT_USE_SSL, Int(useSSL.rawValue))
            if let caFile = settings.caFile { goodair_curl_setopt_string(handle, CURLOPT_CAINFO, caFile) }
            if let user = settings.user {
                goodair_curl_setopt_string(handle, CURLOPT_USERNAME, user)
                goodair_curl_setopt_string(handle, CURLOPT_PASSWORD, settings.password.reveal())
            }
            goodair_curl_setopt_string(handle, CURLOPT_MAIL_FROM, "<\(message.from.address)>")
            goodair_curl_setopt_slist(handle, CURLOPT_MAIL_RCPT, recipients)
            goodair_curl_setopt_long(handle, CURLOPT_UPLOAD, 1)
            goodair_curl_setopt_callback(handle, CURLOPT_READFUNCTION, readBody)
            goodair_curl_setopt_pointer(handle, CURLOPT_READDATA, sourcePointer)
            goodair_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorPointer.baseAddress)
            return curl_easy_perform(handle)
        }
        guard code == CURLE_OK else {
            var reply = 0
            goodair_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &reply)
            let detail = String(decoding: errorBuffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let text = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            let redacted = Redactor([settings.password]).redact("\(settings.url): \(text)")
            throw AlertError.delivery(reason: redacted, smtpCode: reply > 0 ? reply : nil)
        }
    }

    private static let readBody: goodair_curl_data_callback = { buffer, size, count, user in
        let source = Unmanaged<Source>.fromOpaque(user!).takeUnretainedValue()
        guard let buffer else { return 0 }
        let n = min(size * count, source.bytes.count - source.offset)
        guard n > 0 else { return 0 }
        source.bytes.withUnsafeBufferPointer { bytes in
            UnsafeMutableRawPointer(buffer).copyMemory(from: bytes.baseAddress! + source.offset, byteCount: n)
        }
        source.offset += n
        return n
    }
}
