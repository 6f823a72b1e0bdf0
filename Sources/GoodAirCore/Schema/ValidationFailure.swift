/// One reason an instance does not match a schema.
///
/// Locations are JSON Pointers: `instanceLocation` into the validated document
/// (`/data/iaqi/pm25/v`; "" is the whole document), `keywordLocation` the failing keyword as
/// evaluation reached it, through `$ref`s (`/properties/data/$ref/minimum`, the standard output
/// format's keywordLocation), `schemaLocation` the same keyword's place in the schema document
/// (`/$defs/subIndex/minimum`: where to look to change it).
///
/// Messages never quote instance strings (an API answer may echo a secret); they may show numbers
/// and the schema's own values.
///
/// ```swift
/// failure.description   // "/data/iaqi/pm25/v: -3 is less than the minimum 0 (schema: /properties/data/…/minimum)"
/// ```
public struct ValidationFailure: Sendable, Equatable, CustomStringConvertible {
    public let instanceLocation: String
    public let keywordLocation: String
    public let schemaLocation: String
    public let message: String

    public init(instanceLocation: String, keywordLocation: String, schemaLocation: String? = nil, message: String) {
        self.instanceLocation = instanceLocation
        self.keywordLocation = keywordLocation
        self.schemaLocation = schemaLocation ?? keywordLocation
        self.message = message
    }

    /// `/instance/pointer: message (schema: /keyword/location)`; the root shows as `(root)`.
    public var description: String {
        "\(Self.show(instanceLocation)): \(message) (schema: \(Self.show(keywordLocation)))"
    }

    private static func show(_ pointer: String) -> String { pointer.isEmpty ? "(root)" : pointer }
}
