/// Turns extracted values into a `SilverRow` of a table: puts them in column order, turns values
/// outside a column's physical range (or a fraction in an integer column) into NULL, counts each
/// correction, and writes the CSV line and the primary key as bytes.
public struct RowBuilder: Sendable {
    public let schema: TableSchema
    private let isKey: [Bool]
    private let collectedColumn: Int?
    /// The columns' types, ranges (±infinity when open) and nullability, flat for the hot loop.
    private let types: [TableSchema.ColumnType]
    private let minimums: [Double]
    private let maximums: [Double]
    private let nullable: [Bool]

    public init(schema: TableSchema) {
        self.schema = schema
        let keys = schema.primaryKey.compactMap { schema.index(of: $0) }
        self.isKey = schema.columns.indices.map { keys.contains($0) }
        self.collectedColumn = schema.index(of: "collected_at")
        self.types = schema.columns.map(\.type)
        self.minimums = schema.columns.map { $0.min ?? -.infinity }
        self.maximums = schema.columns.map { $0.max ?? .infinity }
        self.nullable = schema.columns.map(\.nullable)
    }

    /// Where values given in the order of `names` go in this table (computed once per run).
    /// Throws when a name is not a column of the table: the table schema and the code disagree.
    func layout(for names: [String]) throws -> RowLayout {
        var slots = [Int](repeating: -1, count: schema.columns.count)
        for (position, name) in names.enumerated() {
            guard let column = schema.index(of: name) else {
                throw CurateError.schema("the table schema of \(schema.table) has no column \(name), which curation writes")
            }
            slots[column] = position
        }
        return RowLayout(slots: slots)
    }

    /// A row from `values` (by column name; missing names are NULL).
    public func row(named values: [String: CellValue], corrections: inout [String: Int]) -> Result<SilverRow, RowError> {
        let cells = schema.columns.map { values[$0.name] ?? .null }
        return row(cells, layout: RowLayout(slots: Array(cells.indices)), corrections: &corrections)
    }

    /// A row from `values` placed by `layout`. Fails with the column's name when a value that may
    /// not be NULL (a primary-key column, say) is missing. Corrections are added to
    /// `corrections["<table>.<column>"]`.
    func row(_ values: [CellValue], layout: RowLayout, corrections: inout [String: Int]) -> Result<SilverRow, RowError> {
        var line = CSVLine()
        var key = RowKey()
        var collected = 0
        for index in 0..<types.count {
            if index > 0 { line.comma() }
            let type = types[index]
            let slot = layout.slots[index]
            var value = slot >= 0 ? values[slot] : .null
            if let number = value.number {
                let fractional = type == .integer && number != number.rounded()
                if !number.isFinite || fractional || number < minimums[index] || number > maximums[index] {
                    value = .null
                    corrections["\(schema.table).\(schema.columns[index].name)", default: 0] += 1
                }
            }
            let start = line.bytes.count
            switch value {
            case .null:
                guard nullable[index] else { return .failure(RowError(column: schema.columns[index].name)) }
            case .text(let text): line.appendText(text)
            case .int(let v): if type == .float { line.appendDouble(Double(v)) } else { line.appendInt(v) }
            case .double(let v):
                if type == .integer && abs(v) < 1e15 { line.appendInt(Int(v)) } else { line.appendDouble(v) }
            case .timestamp(let t):
                if type == .date { line.appendDate(days: CivilTime.floorDiv(t, 86_400)) } else { line.appendTimestamp(t) }
                if index == collectedColumn { collected = t }
            }
            if isKey[index] {
                switch value {
                case .int(let v) where type == .integer: key.appendInt(v)
                case .double(let v) where type == .integer && abs(v) < 1e15: key.appendInt(Int(v))
                default: key.appendText(line.bytes[start...])
                }
            }
        }
        return .success(SilverRow(key: key, collectedAt: collected, line: line.bytes))
    }

    /// A row read back from a partition file (fields as `CSVReader` decoded them).
    func row(fields: [String]) -> SilverRow {
        var line = CSVLine()
        var key = RowKey()
        var collected = 0
        for (index, field) in fields.enumerated() {
            if index > 0 { line.comma() }
            let start = line.bytes.count
            line.appendText(field)
            if index == collectedColumn { collected = Timestamp.seconds(field) ?? 0 }
            guard isKey[index] else { continue }
            if schema.columns[index].type == .integer, let v = Int(field) {
                key.appendInt(v)
            } else {
                key.appendText(line.bytes[start...])
            }
        }
        return SilverRow(key: key, collectedAt: collected, line: line.bytes)
    }
}

/// Where an extractor's values go in a table: for each column, the position of its value in the
/// extractor's list, or -1 (always NULL).
struct RowLayout: Sendable {
    let slots: [Int]
}

/// A row without a value in a column that may not be NULL (a primary-key column, say).
public struct RowError: Error, CustomStringConvertible, Sendable {
    public let column: String
    public var description: String { "no usable value for \(column)" }
}
