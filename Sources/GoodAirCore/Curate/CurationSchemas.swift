import Foundation

/// The schemas curation enforces, loaded and compiled once per run: each source's payload schema
/// (`payload/<name>.schema.json`) and each silver table's description (`table/<table>.table.json`).
struct CurationSchemas {
    static let payloadFiles: [Source: String] = [
        .aqicn: "payload/aqicn-feed.schema.json",
        .owmWeather: "payload/owm-weather.schema.json",
        .owmAir: "payload/owm-air.schema.json",
    ]
    static let tables = ["air_quality", "weather", "air_pollution", "stations"]

    let payload: [Source: JSONSchema]
    let builders: [String: RowBuilder]
    /// Where each source's extractor puts its values in its table.
    let layouts: [Source: RowLayout]

    static func load(from folder: URL) throws -> CurationSchemas {
        var payload: [Source: JSONSchema] = [:]
        for (source, file) in payloadFiles {
            let url = folder.appendingPathComponent(file)
            guard let bytes = FileManager.default.contents(atPath: url.path) else {
                throw CurateError.schema("cannot read the payload schema \(url.path) (use --schemas to point at the schemas folder)")
            }
            payload[source] = try JSONSchema(compiling: Array(bytes), name: file)
        }
        var builders: [String: RowBuilder] = [:]
        for table in tables {
            let schema = try TableSchema.load(from: folder.appendingPathComponent("table/\(table).table.json"))
            builders[table] = RowBuilder(schema: schema)
        }
        var layouts: [Source: RowLayout] = [:]
        for source in Source.allCases {
            layouts[source] = try builders[table(of: source)]!.layout(for: extractorColumns(source))
        }
        return CurationSchemas(payload: payload, builders: builders, layouts: layouts)
    }

    static func extractorColumns(_ source: Source) -> [String] {
        switch source {
        case .aqicn: return ExtractedValues<AQICNExtractor.Column>.names
        case .owmWeather: return ExtractedValues<OWMWeatherExtractor.Column>.names
        case .owmAir: return ExtractedValues<OWMAirExtractor.Column>.names
        }
    }

    static func table(of source: Source) -> String {
        switch source {
        case .aqicn: return "air_quality"
        case .owmWeather: return "weather"
        case .owmAir: return "air_pollution"
        }
    }
}
