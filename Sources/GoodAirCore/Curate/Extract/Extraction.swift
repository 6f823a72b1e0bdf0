/// What one snapshot yields: the values of one silver row (by column name), and for AQICN the
/// station it came from. `problem` says why there is no usable observation.
struct Extraction {
    var table: String
    var values: [String: CellValue] = [:]
    var station: StationObservation?
    var problem: String?

    init(table: String) { self.table = table }
}

/// Where a snapshot came from, which extraction needs: the city, the collection hour, and the
/// request URL as the manifest recorded it (it tells OpenWeatherMap's units).
struct SnapshotContext {
    let cityID: String
    let collectedAt: Int
    let requestURL: String
}

extension JSONTape {
    /// The node at a path of object keys (and array indexes as decimal strings), or nil.
    func node(_ start: Int, _ path: String...) -> Int? {
        var node = start
        for step in path {
            if kind(node) == .array, let i = Int(step) {
                let items = elements(node)
                guard i >= 0, i < items.count else { return nil }
                node = items[i]
            } else {
                guard let next = member(node, step) else { return nil }
                node = next
            }
        }
        return node
    }

    /// The number at a node as a cell (NULL when absent or not a number).
    func numberCell(_ node: Int?) -> CellValue {
        guard let node, let value = double(node) else { return .null }
        return .double(value)
    }

    /// The string at a node as a cell (NULL when absent, empty or not a string).
    func textCell(_ node: Int?) -> CellValue {
        guard let node, let value = string(node), !value.isEmpty else { return .null }
        return .text(value)
    }
}
