/// Refuses schemas whose evaluation would never end: a loop of `$ref`s (through `allOf`, `anyOf`,
/// `oneOf`, `not`, `if`/`then`/`else`, `dependentSchemas`) that comes back to a schema without
/// stepping into a member or an element of the instance, such as `{"$ref": "#"}` at the root.
/// Loops that do step into the instance (a tree schema) are fine: the instance's depth bounds them.
enum SchemaCycleCheck {
    static func check(_ tables: SchemaTables) throws(SchemaError) {
        let count = tables.nodes.count
        var state = [UInt8](repeating: 0, count: count)   // 0 unvisited, 1 on the path, 2 done
        for start in 0..<count where state[start] == 0 {
            var stack: [(node: Int, edges: [Int32], next: Int)] = [(start, inPlace(tables, Int32(start)), 0)]
            state[start] = 1
            while !stack.isEmpty {
                let top = stack.count - 1
                if stack[top].next == stack[top].edges.count {
                    state[stack[top].node] = 2
                    stack.removeLast()
                    continue
                }
                let target = Int(stack[top].edges[stack[top].next])
                stack[top].next += 1
                switch state[target] {
                case 1:
                    let loop = stack.drop { $0.node != target }.map { tables.pointers[$0.node] } + [tables.pointers[target]]
                    throw SchemaError(.referenceCycle, schema: tables.name, pointer: tables.pointers[target],
                                      "$ref loop that never steps into the instance: " + loop.map { $0.isEmpty ? "#" : $0 }.joined(separator: " → "))
                case 0:
                    state[target] = 1
                    stack.append((target, inPlace(tables, Int32(target)), 0))
                default:
                    break
                }
            }
        }
    }

    /// The schemas a node applies to the same instance location.
    static func inPlace(_ tables: SchemaTables, _ node: Int32) -> [Int32] {
        var edges: [Int32] = []
        let span = tables.nodes[Int(node)]
        for index in Int(span.lower)..<Int(span.upper) {
            switch tables.ops[index] {
            case .ref(let target), .not(let target): edges.append(target)
            case .allOf(let list), .anyOf(let list), .oneOf(let list):
                edges.append(contentsOf: tables.children[Int(list.lower)..<Int(list.upper)])
            case .conditional(let condition, let then, let otherwise):
                edges.append(contentsOf: [condition, then, otherwise].filter { $0 >= 0 })
            case .dependentSchemas(let entries):
                edges.append(contentsOf: tables.properties[Int(entries.lower)..<Int(entries.upper)].map(\.schema))
            default: break
            }
        }
        return edges
    }
}
