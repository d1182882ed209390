import TOMLKit

/// A TOML document as plain values, in the order its keys are given, so that a strict decoder can walk
/// it without going back to the C parser for every value.
indirect enum TOMLNode {
  case table([(key: String, value: TOMLNode)])
  case array([TOMLNode])
  case string(String)
  case integer(Int64)
  case float(Double)
  case boolean(Bool)
  /// A date, time or date-time: no file of ours uses them.
  case other(String)

  init(_ value: TOMLValueConvertible) {
    switch value.type {
    case .table:
      let table = value.table ?? TOMLTable()
      self = .table(table.keys.sorted().compactMap { key in table[key].map { (key, TOMLNode($0)) } })
    case .array: self = .array((value.array ?? TOMLArray()).map { TOMLNode($0) })
    case .string: self = .string(value.string ?? "")
    case .int: self = .integer(Int64(value.int ?? 0))
    case .double: self = .float(value.double ?? 0)
    case .bool: self = .boolean(value.bool ?? false)
    case .date, .time, .dateTime: self = .other(value.type.description)
    }
  }

  /// What the value is, as a message names it: `the string "abc"`, `the whole number 42`.
  var described: String {
    switch self {
    case .table: return "a table"
    case .array: return "a list"
    case .string(let s): return "the string \"\(s.count > 40 ? String(s.prefix(40)) + "…" : s)\""
    case .integer(let i): return "the whole number \(i)"
    case .float(let d): return "the number \(d)"
    case .boolean(let b): return b ? "true" : "false"
    case .other(let kind): return "a \(kind)"
    }
  }

  /// The value at a coding path, if there is one.
  func node(at path: [CodingKey]) -> TOMLNode? {
    var here = self
    for key in path {
      switch here {
      case .table(let entries):
        guard let next = entries.first(where: { $0.key == key.stringValue })?.value else { return nil }
        here = next
      case .array(let items):
        guard let i = key.intValue, items.indices.contains(i) else { return nil }
        here = items[i]
      default: return nil
      }
    }
    return here
  }
}
