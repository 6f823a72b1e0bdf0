/// The byte writer behind ``LineageEvent/jsonLine()``.
struct LineageJSON {
    var bytes: [UInt8] = []
    /// One bit per open object or array, the innermost lowest: set while it has no value yet.
    /// (Events nest a dozen levels at most; a plain integer keeps this out of the heap.)
    private var first: UInt64 = 1

    mutating func open() { separate(); bytes.append(0x7B); first = first << 1 | 1 }
    mutating func close() { bytes.append(0x7D); first >>= 1 }
    mutating func key(_ name: String) { separate(); raw(name); bytes.append(0x3A); first |= 1 }

    mutating func list<T>(_ items: [T], _ body: (inout LineageJSON, T) -> Void) {
        separate()
        bytes.append(0x5B)
        first = first << 1 | 1
        for item in items { body(&self, item) }
        bytes.append(0x5D)
        first >>= 1
    }

    /// A list of files, `{"bytes":…,"path":…,"sha256":…}` each: the bulk of a curation event.
    mutating func files(_ files: [LineageFile]) {
        separate()
        bytes.append(0x5B)
        first = first << 1 | 1
        files.withUnsafeBufferPointer { files in
            // One growth for the whole list (a curation batch lists thousands of files).
            var size = 0
            for index in files.indices { size &+= files[index].path.utf8.count &+ (files[index].sha256?.utf8.count ?? 0) &+ 48 }
            bytes.reserveCapacity(bytes.count &+ size)
            for index in files.indices {
                separate()
                bytes.append(contentsOf: Self.bytesKey)
                appendInt(files[index].bytes)
                bytes.append(contentsOf: Self.pathKey)
                raw(files[index].path)
                if let sha = files[index].sha256 {
                    bytes.append(contentsOf: Self.shaKey)
                    raw(sha)
                }
                bytes.append(0x7D)
            }
        }
        bytes.append(0x5D)
        first >>= 1
    }

    private static let bytesKey = Array(#"{"bytes":"#.utf8)
    private static let pathKey = Array(#","path":"#.utf8)
    private static let shaKey = Array(#","sha256":"#.utf8)

    mutating func string(_ text: String) {
        separate()
        raw(text)
    }

    /// `text` as a JSON string, escaped.
    private mutating func raw(_ text: String) {
        bytes.append(0x22)
        // Paths and checksums, nearly every string here: nothing to escape, copied whole.
        let plain = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            for byte in utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if plain == true {
            bytes.append(0x22)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case 0x22: bytes += [0x5C, 0x22]
            case 0x5C: bytes += [0x5C, 0x5C]
            case 0x0A: bytes += [0x5C, 0x6E]
            case 0x0D: bytes += [0x5C, 0x72]
            case 0x09: bytes += [0x5C, 0x74]
            case 0..<0x20: bytes += Array("\\u00".utf8) + [Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 15)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
    }

    mutating func int(_ value: Int) {
        separate()
        appendInt(value)
    }

    private mutating func appendInt(_ value: Int) {
        if value < 0 { bytes.append(0x2D) }
        // Digits from the last, into a buffer on the stack (reversing a slice of `bytes` in place
        // made a copy of the slice every time).
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var magnitude = value.magnitude
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start...]))
        }
    }

    mutating func bool(_ value: Bool) { separate(); bytes += Array((value ? "true" : "false").utf8) }

    private static let hex = Array("0123456789abcdef".utf8)

    /// A comma before every value but the first of its object or array; none right after a key.
    private mutating func separate() {
        if first & 1 != 0 { first &= ~1 } else { bytes.append(0x2C) }
    }

    mutating func base(_ producer: String, _ schemaURL: String) {
        key("_producer"); string(producer)
        key("_schemaURL"); string(schemaURL)
    }

    mutating func counts(_ counts: [String: Int]) {
        open()
        for name in counts.keys.sorted() { key(name); int(counts[name]!) }
        close()
    }

    mutating func dataset(_ dataset: LineageEvent.Dataset) {
        open()
        if let facets = dataset.facets {
            key("facets"); open()
            if let files = facets.goodair_files {
                key("goodair_files"); open(); base(files._producer, files._schemaURL)
                if let derived = files.derivedFrom { key("derivedFrom"); list(derived) { $0.string($1) } }
                key("files"); self.files(files.files)
                if let removed = files.removed { key("removed"); bool(removed) }
                close()
            }
            if let schema = facets.schema {
                key("schema"); open(); base(schema._producer, schema._schemaURL)
                key("fields"); list(schema.fields) { o, field in
                    o.open()
                    if let description = field.description { o.key("description"); o.string(description) }
                    o.key("name"); o.string(field.name); o.key("type"); o.string(field.type); o.close()
                }
                close()
            }
            close()
        }
        if let metrics = dataset.inputFacets?.dataQualityMetrics {
            key("inputFacets"); open(); key("dataQualityMetrics"); open(); base(metrics._producer, metrics._schemaURL)
            key("bytes"); int(metrics.bytes); key("fileCount"); int(metrics.fileCount)
            if let rows = metrics.rowCount { key("rowCount"); int(rows) }
            close(); close()
        }
        key("name"); string(dataset.name)
        key("namespace"); string(dataset.namespace)
        if let stats = dataset.outputFacets?.outputStatistics {
            key("outputFacets"); open(); key("outputStatistics"); open(); base(stats._producer, stats._schemaURL)
            key("fileCount"); int(stats.fileCount); key("rowCount"); int(stats.rowCount); key("size"); int(stats.size)
            close(); close()
        }
        close()
    }

    mutating func runFacets(_ facets: LineageEvent.RunFacets) {
        open()
        if let error = facets.errorMessage {
            key("errorMessage"); open(); base(error._producer, error._schemaURL)
            key("message"); string(error.message); key("programmingLanguage"); string(error.programmingLanguage); close()
        }
        if let quality = facets.goodair_quality {
            key("goodair_quality"); open(); base(quality._producer, quality._schemaURL)
            if let corrected = quality.corrected { key("corrected"); counts(corrected) }
            if let merged = quality.duplicatesMerged { key("duplicatesMerged"); int(merged) }
            if let failed = quality.failed { key("failed"); int(failed) }
            if let fetched = quality.fetched { key("fetched"); int(fetched) }
            if let quarantined = quality.quarantined { key("quarantined"); counts(quarantined) }
            if let read = quality.snapshotsRead { key("snapshotsRead"); int(read) }
            close()
        }
        if let run = facets.goodair_run {
            key("goodair_run"); open(); base(run._producer, run._schemaURL)
            if let locations = run.locations {
                key("locations"); open()
                key("processing"); string(locations.processing); key("storage"); string(locations.storage)
                close()
            }
            key("nominalTime"); string(run.nominalTime)
            key("parameters"); open()
            for name in run.parameters.keys.sorted() { key(name); string(run.parameters[name]!) }
            close()
            key("programVersion"); string(run.programVersion)
            close()
        }
        close()
    }
}
