import Foundation
import GoodAirCore
import Testing

/// The compiled JSON Schema validator: compile errors that name their place, failures with
/// instance and keyword locations, exact numbers, recursion.
@Suite("JSON Schema")
struct JSONSchemaTests {
    /// A cut-down AQICN feed schema, with a `$ref` into `$defs` like the real one.
    static let feedSchema = #"""
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "type": "object",
      "required": ["status", "data"],
      "properties": {
        "status": {"enum": ["ok", "error"]},
        "data": {
          "type": "object",
          "required": ["aqi", "iaqi"],
          "properties": {
            "aqi": {"anyOf": [{"type": "integer", "minimum": 0}, {"const": "-"}]},
            "iaqi": {"type": "object", "additionalProperties": {"$ref": "#/$defs/subIndex"}},
            "city": {"type": "object", "properties": {"name": {"type": "string", "maxLength": 10}}, "additionalProperties": false}
          }
        }
      },
      "$defs": {
        "subIndex": {"type": "object", "required": ["v"], "properties": {"v": {"type": "number", "minimum": 0, "maximum": 999}}}
      }
    }
    """#

    func schema(_ text: String) throws -> JSONSchema { try JSONSchema(compiling: Array(text.utf8), name: "test.json") }
    func tape(_ text: String) throws -> JSONTape { try JSONTape(parsing: Array(text.utf8)) }

    @Test("a valid feed passes both ways")
    func validFeed() throws {
        let schema = try schema(Self.feedSchema)
        let doc = try tape(#"{"status":"ok","data":{"aqi":57,"iaqi":{"pm25":{"v":57},"t":{"v":-1.5e-1}},"city":{"name":"Paris"}}}"#)
        // -0.15 fails minimum 0 on iaqi.t: make sure that one is caught, then fix it.
        #expect(!schema.isValid(doc))
        let fixed = try tape(#"{"status":"ok","data":{"aqi":"-","iaqi":{"pm25":{"v":57},"t":{"v":15}},"city":{"name":"Paris"}}}"#)
        #expect(schema.isValid(fixed))
        #expect(schema.validate(fixed).isEmpty)
    }

    @Test("failures name the instance pointer, the keyword path through $ref, and the place in the schema")
    func failureLocations() throws {
        let schema = try schema(Self.feedSchema)
        let doc = try tape(#"{"status":"ok","data":{"aqi":57,"iaqi":{"pm25":{"v":-3}}}}"#)
        let failures = schema.validate(doc)
        #expect(failures == [ValidationFailure(
            instanceLocation: "/data/iaqi/pm25/v",
            keywordLocation: "/properties/data/properties/iaqi/additionalProperties/$ref/properties/v/minimum",
            schemaLocation: "/$defs/subIndex/properties/v/minimum",
            message: "-3 is less than the minimum 0")])
        #expect(failures[0].description == "/data/iaqi/pm25/v: -3 is less than the minimum 0 (schema: /properties/data/properties/iaqi/additionalProperties/$ref/properties/v/minimum)")
    }

    @Test("every failure is reported, each with its own message")
    func allFailures() throws {
        let schema = try schema(Self.feedSchema)
        let doc = try tape(#"{"status":"maybe","data":{"aqi":"n/a","iaqi":{"o3":{},"no2":{"v":"x"}},"city":{"name":"Saint-Étienne-du-Rouvray","x":1}}}"#)
        let failures = schema.validate(doc)
        let lines = failures.map { "\($0.instanceLocation): \($0.message)" }
        #expect(lines == [
            "/status: must be one of \"ok\", \"error\"",
            #"/data/aqi: matches none of the 2 schemas of anyOf ([0] expected integer, found string; [1] must be "-")"#,
            #"/data/iaqi/o3: missing required property "v""#,
            "/data/iaqi/no2/v: expected number, found string",
            "/data/city/name: string of 24 characters is longer than maxLength 10",
            #"/data/city/x: property "x" is not allowed"#,
        ])
        #expect(failures.last?.keywordLocation == "/properties/data/properties/city/additionalProperties")
        #expect(!schema.isValid(doc))
    }

    @Test("messages never quote instance strings (a payload may echo a secret)")
    func noInstanceStrings() throws {
        let secret = "sk-live-0123456789abcdef"
        let schema = try schema(#"{"properties":{"a":{"pattern":"^[0-9]+$"},"b":{"maxLength":3},"c":{"enum":[1,2]},"d":{"type":"integer"},"e":{"const":"x"},"f":{"not":{"type":"string"}}}}"#)
        let doc = try tape(#"{"a":"\#(secret)","b":"\#(secret)","c":"\#(secret)","d":"\#(secret)","e":"\#(secret)","f":"\#(secret)"}"#)
        let failures = schema.validate(doc)
        #expect(failures.count == 6)
        for failure in failures { #expect(!failure.description.contains(secret)) }
    }

    @Test("recursive $ref: a tree schema compiles once and validates any depth")
    func recursion() throws {
        let schema = try schema(#"""
        {"$defs":{"node":{"type":"object","required":["value"],"properties":{"value":{"type":"number"},
         "children":{"type":"array","items":{"$ref":"#/$defs/node"}}}}},"$ref":"#/$defs/node"}
        """#)
        var text = #"{"value":1}"#
        for depth in 0..<100 { text = #"{"value":\#(depth),"children":[\#(text),{"value":0}]}"# }
        #expect(schema.isValid(try tape(text)))
        let bad = text.replacingOccurrences(of: #"{"value":1}"#, with: #"{"value":"1"}"#)
        let failures = schema.validate(try tape(bad))
        #expect(failures.count == 1)
        #expect(failures[0].instanceLocation == String(repeating: "/children/0", count: 100) + "/value")
        #expect(failures[0].schemaLocation == "/$defs/node/properties/value/type")
    }

    @Test("numbers: exact multipleOf, integers written as decimals, big integers")
    func numbers() throws {
        let small = try schema(#"{"multipleOf":0.0001}"#)
        #expect(small.isValid(try tape("0.0075")))
        #expect(!small.isValid(try tape("0.00751")))
        let awkward = try schema(#"{"multipleOf":0.01}"#)
        #expect(awkward.isValid(try tape("19.99")), "19.99 / 0.01 is not an integer in binary floating point")
        #expect(awkward.isValid(try tape("1e300")))
        let overflow = try schema(#"{"type":"integer","multipleOf":0.123456789}"#)
        #expect(!overflow.isValid(try tape("1e308")))
        let integer = try schema(#"{"type":"integer"}"#)
        for text in ["4.0", "1e2", "-0", "123456789012345678901234567890"] { #expect(integer.isValid(try tape(text)), "\(text)") }
        #expect(!integer.isValid(try tape("4.5")))
        let constant = try schema(#"{"const":{"a":[1,2.0]}}"#)
        #expect(constant.isValid(try tape(#"{"a":[1.0,2e0]}"#)))
        let unique = try schema(#"{"uniqueItems":true}"#)
        #expect(!unique.isValid(try tape("[" + (0..<40).map(String.init).joined(separator: ",") + ",10.0]")))
        #expect(unique.validate(try tape("[" + (0..<40).map(String.init).joined(separator: ",") + ",10.0]")).first?.message
                == "items 10 and 40 are equal; items must be unique")
    }

    @Test("validating a node inside a larger document gives locations relative to it")
    func subtree() throws {
        let schema = try schema(#"{"items":{"type":"string"}}"#)
        let doc = try tape(#"{"wrapper":{"list":["a",1]}}"#)
        let failures = schema.validate(doc, try #require(doc.node(at: "/wrapper/list")))
        #expect(failures.map(\.instanceLocation) == ["/1"])
        #expect(failures.map(\.keywordLocation) == ["/items/type"])
    }

    @Test("oneOf, contains, dependentRequired and propertyNames explain themselves")
    func applicatorMessages() throws {
        let schema = try schema(#"""
        {"properties":{"n":{"oneOf":[{"type":"integer"},{"minimum":0}]},"l":{"contains":{"const":1},"maxContains":1},
         "o":{"dependentRequired":{"a":["b"]},"propertyNames":{"maxLength":2}}}}
        """#)
        let failures = schema.validate(try tape(#"{"n":5,"l":[1,1],"o":{"a":1,"abc":2}}"#))
        #expect(failures.map(\.message) == [
            "matches 2 of the schemas of oneOf (0, 1); exactly one must match",
            "array has 2 items matching the contains schema, more than maxContains 1",
            #"property "b" is required when "a" is present"#,
            #"property name "abc" does not match the propertyNames schema"#,
        ])
        #expect(failures.map(\.keywordLocation) == ["/properties/n/oneOf", "/properties/l/maxContains",
                                                    "/properties/o/dependentRequired/a", "/properties/o/propertyNames"])
    }

    @Test("a compiled schema is shared by concurrent validations")
    func concurrent() async throws {
        let schema = try schema(Self.feedSchema)
        let good = try tape(#"{"status":"ok","data":{"aqi":1,"iaqi":{"pm25":{"v":1}}}}"#)
        let bad = try tape(#"{"status":"ok","data":{"aqi":1,"iaqi":{"pm25":{"v":1000}}}}"#)
        let results = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<64 { group.addTask { schema.isValid(index % 2 == 0 ? good : bad) } }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.filter { $0 }.count == 32)
    }
}
