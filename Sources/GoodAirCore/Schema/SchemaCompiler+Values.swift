/// Reading keyword values, with an error naming the place when one has the wrong form.
extension SchemaCompiler {
    func invalid(_ pointer: String, _ message: String) -> SchemaError {
        SchemaError(.invalidKeyword, schema: name, pointer: pointer, message)
    }

    /// `type`: one name or a non-empty array of distinct names.
    func types(_ value: Int, _ pointer: String) throws(SchemaError) -> SchemaTypes {
        let names: [(node: Int, pointer: String)]
        switch document.kind(value) {
        case .string: names = [(value, pointer)]
        case .array where document.count(value) > 0:
            names = document.elements(value).enumerated().map { ($1, pointer + "/\($0)") }
        default: throw invalid(pointer, "type must be a type name or a non-empty array of type names")
        }
        var mask: SchemaTypes = []
        for (node, here) in names {
            guard let text = document.string(node), let type = SchemaTypes.names.first(where: { $0.0 == text })?.1 else {
                let known = SchemaTypes.names.map(\.0).joined(separator: ", ")
                throw SchemaError(.unknownType, schema: name, pointer: here,
                                  "unknown type \(Self.excerpt(document, node)) (expected one of \(known))")
            }
            guard !mask.contains(type) else { throw invalid(here, "type \"\(text)\" is listed twice") }
            mask.insert(type)
        }
        return mask
    }

    /// A number (bounds, `multipleOf`).
    func number(_ value: Int, _ pointer: String, _ key: String) throws(SchemaError) -> Double {
        guard let number = document.double(value), number.isFinite else { throw invalid(pointer, "\(key) must be a finite number") }
        return number
    }

    /// A non-negative integer (`minLength`, `maxItems`…); `2.0` counts as 2.
    func count(_ value: Int, _ pointer: String, _ key: String) throws(SchemaError) -> Int {
        guard let count = document.int(value), count >= 0 else { throw invalid(pointer, "\(key) must be a non-negative integer") }
        return count
    }

    /// An array of distinct property names, as a range of `keyLists`.
    mutating func keyList(_ value: Int, _ pointer: String, _ key: String) throws(SchemaError) -> Span {
        guard document.kind(value) == .array else { throw invalid(pointer, "\(key) must be an array of property names") }
        var seen: Set<String> = []
        var keys: [Int32] = []
        for (index, element) in document.elements(value).enumerated() {
            guard let text = document.string(element) else { throw invalid(pointer + "/\(index)", "\(key) must list strings") }
            guard seen.insert(text).inserted else { throw invalid(pointer + "/\(index)", "\"\(text)\" is listed twice") }
            keys.append(tables.key(text))
        }
        let start = Int32(tables.keyLists.count)
        tables.keyLists.append(contentsOf: keys)
        return Span(lower: start, upper: Int32(tables.keyLists.count))
    }

    /// `dependentRequired`: name → array of names, as a range of `dependencies`.
    mutating func dependencies(_ value: Int, _ pointer: String) throws(SchemaError) -> Span {
        guard document.kind(value) == .object else { throw invalid(pointer, "dependentRequired must be an object of arrays of names") }
        var entries: [SchemaDependency] = []
        for (name, list) in document.members(value) {
            let required = try keyList(list, pointer + "/" + JSONPointer.escape(name), "dependentRequired")
            entries.append(SchemaDependency(key: tables.key(name), required: required))
        }
        let start = Int32(tables.dependencies.count)
        tables.dependencies.append(contentsOf: entries)
        return Span(lower: start, upper: Int32(tables.dependencies.count))
    }

    /// A regular expression (the value of `pattern`, or a name of `patternProperties`), compiled now.
    mutating func regex(_ value: Int, _ pointer: String) throws(SchemaError) -> Int32 {
        guard let source = document.string(value) else { throw invalid(pointer, "pattern must be a string") }
        if let existing = tables.regexes.firstIndex(where: { $0.source == source }) { return Int32(existing) }
        do {
            tables.regexes.append(try SchemaRegex(source))
        } catch {
            throw SchemaError(.badPattern, schema: name, pointer: pointer, "invalid regular expression \(Self.excerpt(document, value))")
        }
        return Int32(tables.regexes.count - 1)
    }
}
