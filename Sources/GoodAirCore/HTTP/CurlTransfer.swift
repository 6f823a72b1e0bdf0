import CCurl

/// One blocking libcurl transfer: sets the options, collects body and headers, maps errors.
enum CurlTransfer {
    /// Accumulates what libcurl hands to the callbacks.
    final class Sink {
        var body: [UInt8] = []
        var headers: [String: String] = [:]
        let limit: Int
        init(limit: Int) { self.limit = limit }
    }

    static func perform(_ request: HTTPRequest, limit: Int, userAgent: String) throws -> HTTPResponse {
        guard let handle = curl_easy_init() else {
            throw HTTPTransportError(kind: .network, message: "libcurl could not create a handle")
        }
        defer { curl_easy_cleanup(handle) }
        let sink = Sink(limit: limit)
        let sinkPointer = Unmanaged.passUnretained(sink).toOpaque()
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        var headerList: UnsafeMutablePointer<curl_slist>?
        for (name, value) in request.headers.sorted(by: { $0.key < $1.key }) {
            headerList = curl_slist_append(headerList, "\(name): \(value)")
        }
        defer { curl_slist_free_all(headerList) }

        let code: CURLcode = errorBuffer.withUnsafeMutableBufferPointer { errorPointer in
            goodair_curl_setopt_string(handle, CURLOPT_URL, request.url)
            goodair_curl_setopt_long(handle, CURLOPT_HTTPGET, 1)
            if let body = request.body {
                goodair_curl_setopt_long(handle, CURLOPT_POST, 1)
                goodair_curl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, body.count)
                // Copied by libcurl at once: the buffer need not outlive this call (never empty, so
                // its address is never nil; the size above says how much of it is sent).
                _ = (body.isEmpty ? [0] : body).withUnsafeBytes {
                    goodair_curl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: $0.baseAddress))
                }
            }
            goodair_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
            goodair_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, max(1, Int(request.timeout * 1000)))
            goodair_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, max(1, Int(min(request.timeout, 10) * 1000)))
            // No redirects: the query holds the API key, and a 3xx is not what the APIs answer.
            goodair_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)
            goodair_curl_setopt_string(handle, CURLOPT_USERAGENT, userAgent)
            goodair_curl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")
            goodair_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList)
            goodair_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorPointer.baseAddress)
            goodair_curl_setopt_callback(handle, CURLOPT_WRITEFUNCTION, writeBody)
            goodair_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, sinkPointer)
            goodair_curl_setopt_callback(handle, CURLOPT_HEADERFUNCTION, writeHeader)
            goodair_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, sinkPointer)
            return curl_easy_perform(handle)
        }
        guard code == CURLE_OK else {
            let detail = String(decoding: errorBuffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let message = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            let kind: HTTPTransportError.Kind = code == CURLE_OPERATION_TIMEDOUT ? .timeout : .network
            if code == CURLE_WRITE_ERROR && sink.body.count > sink.limit {
                throw HTTPTransportError(kind: .network, message: "response body larger than \(sink.limit) bytes")
            }
            throw HTTPTransportError(kind: kind, message: message)
        }
        var status = 0
        goodair_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return HTTPResponse(status: status, headers: sink.headers, body: sink.body)
    }

    private static let writeBody: goodair_curl_data_callback = { data, size, count, user in
        let sink = Unmanaged<Sink>.fromOpaque(user!).takeUnretainedValue()
        let n = size * count
        guard let data else { return 0 }
        sink.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: n))
        return sink.body.count > sink.limit ? 0 : n
    }

    private static let writeHeader: goodair_curl_data_callback = { data, size, count, user in
        let sink = Unmanaged<Sink>.fromOpaque(user!).takeUnretainedValue()
        let n = size * count
        guard let data else { return 0 }
        let line = String(decoding: UnsafeRawBufferPointer(start: data, count: n), as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            sink.headers.removeAll()   // a new response (after a redirect or 100-continue)
        } else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
            sink.headers[name] = value
        }
        return n
    }
}
