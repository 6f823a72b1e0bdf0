/// Array keywords: `prefixItems` and `items` in one pass, `contains`, `uniqueItems`.
extension SchemaValidator {
    mutating func validateItems(_ schema: Int32, _ array: Int, prefix: Span, rest: Int32) -> Bool {
        guard instance.kind(array) == .array else { return true }
        var valid = true
        var element = array + 1
        for index in 0..<instance.count(array) {
            let ok: Bool
            if index < prefix.count {
                ok = descend(code.children[Int(prefix.lower) + index], element, keyword: "prefixItems", token: .index(index), index: index)
            } else if rest < 0 {
                break
            } else if collect, tables.isFalse(rest) {
                let mark = enterIndex(index)
                report(schema, "items", "item \(index) is not allowed: the array may hold at most \(plural(prefix.count, "item"))")
                instancePath.removeSubrange(mark...)
                ok = false
            } else {
                ok = descend(rest, element, keyword: "items", index: index)
            }
            if !ok {
                valid = false
                if !collect { return false }
            }
            element = instance.next(element)
        }
        return valid
    }

    mutating func validateContains(_ schema: Int32, _ array: Int, contains: Int32, min: Int, max: Int) -> Bool {
        guard instance.kind(array) == .array else { return true }
        var matching = 0
        var element = array + 1
        for _ in 0..<instance.count(array) {
            if test(contains, element) {
                matching += 1
                if !collect {
                    if max < 0, matching >= min { return true }
                    if max >= 0, matching > max { return false }
                }
            }
            element = instance.next(element)
        }
        if matching >= min, max < 0 || matching <= max { return true }
        if collect {
            if matching < min {
                report(schema, min == 1 ? "contains" : "minContains",
                       "array has \(plural(matching, "item")) matching the contains schema, fewer than \(min)")
            } else {
                report(schema, "maxContains", "array has \(plural(matching, "item")) matching the contains schema, more than maxContains \(max)")
            }
        }
        return false
    }

    /// Two equal items of an array (their indices), nil when all are distinct. Pairwise for short
    /// arrays; by hash for longer ones, comparing only items whose hashes collide.
    func duplicatePair(_ array: Int) -> (Int, Int)? {
        let items = tape.elements(array)
        guard items.count > 1 else { return nil }
        if items.count <= 16 {
            for i in 0..<items.count - 1 {
                for j in i + 1..<items.count where tape.valueEquals(items[i], tape, items[j]) { return (i, j) }
            }
            return nil
        }
        let hashes = items.map { tape.valueHash($0) }
        let order = items.indices.sorted { (hashes[$0], $0) < (hashes[$1], $1) }
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, hashes[order[end]] == hashes[order[start]] { end += 1 }
            for a in start..<end {
                for b in a + 1..<end where tape.valueEquals(items[order[a]], tape, items[order[b]]) {
                    return (min(order[a], order[b]), max(order[a], order[b]))
                }
            }
            start = end
        }
        return nil
    }
}
