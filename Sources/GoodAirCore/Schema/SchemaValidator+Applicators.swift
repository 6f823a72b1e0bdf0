/// `allOf`, `anyOf`, `oneOf`: all failures of `allOf` are reported as they are; `anyOf` and
/// `oneOf` report one failure, summarising why each alternative failed.
extension SchemaValidator {
    mutating func validateAllOf(_ node: Int, _ list: Span) -> Bool {
        var valid = true
        for index in 0..<list.count where !descend(code.children[Int(list.lower) + index], node, keyword: "allOf", token: .index(index)) {
            valid = false
            if !collect { return false }
        }
        return valid
    }

    mutating func validateAnyOf(_ schema: Int32, _ node: Int, _ list: Span) -> Bool {
        for index in Int(list.lower)..<Int(list.upper) where test(code.children[index], node) { return true }
        if collect { report(schema, "anyOf", "matches none of the \(list.count) schemas of anyOf (\(whyNot(list, node)))") }
        return false
    }

    mutating func validateOneOf(_ schema: Int32, _ node: Int, _ list: Span) -> Bool {
        guard collect else {
            var matched = 0
            for index in Int(list.lower)..<Int(list.upper) where validate(code.children[index], node) {
                matched += 1
                if matched > 1 { return false }
            }
            return matched == 1
        }
        var matching: [Int] = []
        for index in 0..<list.count where test(code.children[Int(list.lower) + index], node) {
            matching.append(index)
            if matching.count > 1, !collect { return false }
        }
        if matching.count == 1 { return true }
        if collect {
            if matching.isEmpty {
                report(schema, "oneOf", "matches none of the \(list.count) schemas of oneOf (\(whyNot(list, node)))")
            } else {
                let which = matching.map(String.init).joined(separator: ", ")
                report(schema, "oneOf", "matches \(matching.count) of the schemas of oneOf (\(which)); exactly one must match")
            }
        }
        return false
    }

    /// The first failure of each alternative, as `[0] expected number, found string; [1] …`.
    private mutating func whyNot(_ list: Span, _ node: Int) -> String {
        let saved = failures
        let here = String(decoding: instancePath, as: UTF8.self)
        var reasons: [String] = []
        for index in 0..<list.count {
            failures = []
            _ = validate(code.children[Int(list.lower) + index], node)
            guard let first = failures.first else { continue }
            let location = first.instanceLocation.dropFirst(here.count)
            reasons.append("[\(index)] " + (location.isEmpty ? "" : "at \(location): ") + first.message)
        }
        failures = saved
        return reasons.joined(separator: "; ")
    }
}
