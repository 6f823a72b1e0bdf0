/// Locations and messages, used only when failures are collected.
extension SchemaValidator {
    /// The step a keyword takes into its subschemas, after the keyword itself.
    enum KeywordToken {
        case key(Int32), pattern(Int32), index(Int)
    }

    /// Evaluates subschema `schema` on `node`, reached through `keyword` (and `token`), at member
    /// `keyNode` or element `index` of the current instance when given.
    mutating func descend(_ schema: Int32, _ node: Int, keyword: StaticString, token: KeywordToken? = nil,
                          at keyNode: Int? = nil, index: Int? = nil) -> Bool {
        guard collect else { return validate(schema, node) }
        let keywordMark = keywordPath.count, instanceMark = instancePath.count
        keywordPath.append(UInt8(ascii: "/"))
        keywordPath.append(contentsOf: UnsafeBufferPointer(start: keyword.utf8Start, count: keyword.utf8CodeUnitCount))
        switch token {
        case .key(let key)?: JSONPointer.append(tables.keyNames[Int(key)].utf8, to: &keywordPath)
        case .pattern(let regex)?: JSONPointer.append(tables.regexes[Int(regex)].source.utf8, to: &keywordPath)
        case .index(let position)?: keywordPath.append(contentsOf: "/\(position)".utf8)
        case nil: break
        }
        if let keyNode { _ = enterMember(keyNode) }
        if let index { _ = enterIndex(index) }
        let valid = validate(schema, node)
        keywordPath.removeSubrange(keywordMark...)
        instancePath.removeSubrange(instanceMark...)
        return valid
    }

    /// Appends member `keyNode`'s name to the instance location; returns the length to restore.
    mutating func enterMember(_ keyNode: Int) -> Int {
        let mark = instancePath.count
        if tape.isEscaped(keyNode) {
            JSONPointer.append(tape.decodedBytes(keyNode), to: &instancePath)
        } else {
            let range = tape.sourceRange(keyNode)
            JSONPointer.append(tape.bytes[range.lowerBound + 1 ..< range.upperBound - 1], to: &instancePath)
        }
        return mark
    }

    /// Appends an array index to the instance location; returns the length to restore.
    mutating func enterIndex(_ index: Int) -> Int {
        let mark = instancePath.count
        instancePath.append(contentsOf: "/\(index)".utf8)
        return mark
    }

    /// Records a failure of `keyword` (a path relative to schema node `schema`; "" for the node itself).
    mutating func report(_ schema: Int32, _ keyword: String, _ message: String) {
        let suffix = keyword.isEmpty ? "" : "/" + keyword
        failures.append(ValidationFailure(
            instanceLocation: String(decoding: instancePath, as: UTF8.self),
            keywordLocation: String(decoding: keywordPath, as: UTF8.self) + suffix,
            schemaLocation: tables.pointers[Int(schema)] + suffix,
            message: message))
    }

    /// A member name in quotes (names are structure, not values, so they may be shown).
    func quotedName(_ keyNode: Int) -> String { "\"\(tape.string(keyNode) ?? "")\"" }

    /// The JSON Schema type of a value, `integer` for a number without fractional part.
    func typeName(_ node: Int) -> String {
        tape.kind(node) == .number && tape.isIntegral(node) ? "integer" : tape.kind(node).description
    }

    /// The first values of an `enum`, as written in the schema.
    func allowedValues(_ span: Span) -> String {
        let shown = tables.values[Int(span.lower)..<Int(span.upper)].prefix(6).map {
            SchemaCompiler.excerpt(tables.document, Int($0), limit: 30)
        }
        return shown.joined(separator: ", ") + (span.count > shown.count ? ", … (\(span.count) values)" : "")
    }

    /// "1 item", "3 properties".
    func plural(_ count: Int, _ noun: String) -> String {
        if count == 1 { return "1 \(noun)" }
        return noun.hasSuffix("y") ? "\(count) \(noun.dropLast())ies" : "\(count) \(noun)s"
    }
}
