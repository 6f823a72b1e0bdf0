import Foundation
import GoodAirCore

/// A random JSON value, written by Foundation and compared with what the tape reads.
indirect enum Generated {
    case null, bool(Bool), int(Int), double(Double), string(String), array([Generated]), object([String: Generated])

    var foundation: Any {
        switch self {
        case .null: return NSNull()
        case .bool(let value): return value
        case .int(let value): return value
        case .double(let value): return value
        case .string(let value): return value
        case .array(let values): return values.map(\.foundation)
        case .object(let members): return members.mapValues(\.foundation)
        }
    }

    static func random(_ g: inout SplitMix, depth: Int) -> Generated {
        switch g.next() % (depth > 4 ? 5 : 7) {
        case 0: return .null
        case 1: return .bool(g.next() % 2 == 0)
        case 2: return .int(Int(Int64(bitPattern: g.next()) % 100_000))
        case 3: return .double(Double(Int64(bitPattern: g.next()) % 1_000_000) / 1000)
        case 4:
            let alphabet = Array("ab/~\"\\\n\té€😀 \u{1}")
            return .string(String((0..<Int(g.next() % 8)).map { _ in alphabet[Int(g.next() % UInt64(alphabet.count))] }))
        case 5: return .array((0..<Int(g.next() % 5)).map { _ in random(&g, depth: depth + 1) })
        default:
            var members: [String: Generated] = [:]
            for index in 0..<Int(g.next() % 5) { members["k\(index)\(g.next() % 2 == 0 ? "/é" : "")"] = random(&g, depth: depth + 1) }
            return .object(members)
        }
    }

    func matches(_ tape: JSONTape, _ node: Int) -> Bool {
        switch self {
        case .null: return tape.kind(node) == .null
        case .bool(let value): return tape.bool(node) == value
        case .int(let value): return tape.int(node) == value
        case .double(let value): return tape.double(node) == value
        case .string(let value): return tape.string(node) == value
        case .array(let values):
            let elements = tape.elements(node)
            return elements.count == values.count && zip(values, elements).allSatisfy { $0.matches(tape, $1) }
        case .object(let members):
            return tape.count(node) == members.count && members.allSatisfy { key, value in
                tape.member(node, key).map { value.matches(tape, $0) } ?? false
            }
        }
    }
}

/// A small deterministic random number generator for generated test documents.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
