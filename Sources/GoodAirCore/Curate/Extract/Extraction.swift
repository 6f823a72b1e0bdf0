/// What one snapshot yields: the values of one silver row, in the extractor's column order (see
/// ``ExtractedValues``), the observation's instant (its partition), and for AQICN the station it
/// came from. `problem` says why there is no usable observation.
struct Extraction {
    var values: [CellValue] = []
    var observedAt = 0
    /// The AQICN station: its id and the `data` object that describes it.
    var station: (id: Int, data: Int)?
    var problem: String?

    static func failure(_ problem: String) -> Extraction {
        var out = Extraction()
        out.problem = problem
        return out
    }
}

/// An extractor's row under construction: one cell per case of `Column`, whose cases are named
/// exactly as the table's columns (so `names` maps them onto the table schema once per run).
struct ExtractedValues<Column: RawRepresentable & CaseIterable> where Column.RawValue == Int {
    var cells = [CellValue](repeating: .null, count: Column.allCases.count)

    subscript(column: Column) -> CellValue {
        get { cells[column.rawValue] }
        set { cells[column.rawValue] = newValue }
    }

    /// The table column names, in the order of the cells.
    static var names: [String] { Column.allCases.map { "\($0)" } }
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
                guard let item = element(node, i) else { return nil }
                node = item
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
