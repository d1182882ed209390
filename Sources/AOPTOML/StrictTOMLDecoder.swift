/// Decodes a `TOMLNode` into a `Decodable` strictly: a value of the wrong type says what was expected
/// and what was found, a string may not hold control characters, and every key the decoding never asked
/// for is reported afterwards as unknown (a misspelt key must not silently drop a goal).
///
/// The known keys of each table are exactly those the types' `init(from:)` asked about, optional ones
/// included, so there is no second list of keys to keep in step with the types.
struct StrictTOMLDecoder {
  /// A problem at a key path (`risks[1].threshold`).
  struct Problem: Error {
    var path: String
    var message: String
  }

  /// An unknown key, with the keys its table does know.
  struct UnknownKey {
    var path: String
    var key: String
    var known: Set<String>
  }

  /// Keys asked about per table path, gathered while decoding.
  final class Asked {
    var keys: [String: Set<String>] = [:]
  }

  static func decode<T: Decodable>(_ type: T.Type, from root: TOMLNode) throws -> (
    value: T, unknown: [UnknownKey], asked: [String: Set<String>]
  ) {
    let asked = Asked()
    let value = try T(from: NodeDecoder(node: root, path: [], asked: asked))
    var unknown: [UnknownKey] = []
    collectUnknown(root, path: "", asked: asked.keys, into: &unknown)
    return (value, unknown, asked.keys)
  }

  /// Every key of a decoded table that the decoding never asked about (the tables under an unknown key
  /// are not looked into: the key itself is what is wrong).
  private static func collectUnknown(
    _ node: TOMLNode, path: String, asked: [String: Set<String>], into unknown: inout [UnknownKey]
  ) {
    switch node {
    case .table(let entries):
      guard let known = asked[path] else { return }
      for (key, value) in entries {
        let child = join(path, key)
        if known.contains(key) {
          collectUnknown(value, path: child, asked: asked, into: &unknown)
        } else {
          unknown.append(UnknownKey(path: child, key: key, known: known))
        }
      }
    case .array(let items):
      for (i, item) in items.enumerated() { collectUnknown(item, path: "\(path)[\(i)]", asked: asked, into: &unknown) }
    default: break
    }
  }

  static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

  static func pathString(_ codingPath: [CodingKey]) -> String {
    var out = ""
    for key in codingPath {
      if key is IndexKey, let i = key.intValue { out += "[\(i)]" } else { out = join(out, key.stringValue) }
    }
    return out
  }

  /// What a message calls the values a type takes.
  static func expected(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: return "a string (in quotes)"
    case is Bool.Type: return "true or false"
    case is Double.Type, is Float.Type: return "a number"
    case is Int.Type, is Int64.Type, is Int32.Type, is Int16.Type, is Int8.Type, is UInt.Type, is UInt64.Type,
      is UInt32.Type, is UInt16.Type, is UInt8.Type:
      return "a whole number"
    default: return "a value of type \(type)"
    }
  }

  /// A scalar of a primitive type, or `nil` when `T` is not one.
  static func primitive<T>(_ node: TOMLNode, as type: T.Type, path: [CodingKey]) throws -> T? {
    func mismatch() -> Problem {
      Problem(path: pathString(path), message: "expected \(expected(type)), found \(node.described)")
    }
    if let integerType = type as? any FixedWidthInteger.Type {
      guard case .integer(let v) = node else { throw mismatch() }
      func exactly<I: FixedWidthInteger>(_: I.Type) -> I? { I(exactly: v) }
      guard let exact = exactly(integerType) else {
        throw Problem(path: pathString(path), message: "\(v) is out of range")
      }
      return exact as? T
    }
    switch type {
    case is String.Type:
      guard case .string(let s) = node else { throw mismatch() }
      if let c = s.unicodeScalars.first(where: { ($0.value < 0x20 && $0 != "\t" && $0 != "\n") || $0.value == 0x7F }) {
        throw Problem(
          path: pathString(path),
          message:
            "holds the control character U+\(String(c.value, radix: 16, uppercase: true).leftPadded(to: 4)); remove it")
      }
      return s as? T
    case is Bool.Type:
      guard case .boolean(let b) = node else { throw mismatch() }
      return b as? T
    case is Double.Type, is Float.Type:
      let d: Double
      switch node {
      case .float(let f): d = f
      case .integer(let i): d = Double(i)
      default: throw mismatch()
      }
      return (type is Float.Type ? Float(d) as Any : d as Any) as? T
    default: return nil
    }
  }
}

extension String {
  func leftPadded(to width: Int) -> String { String(repeating: "0", count: Swift.max(0, width - count)) + self }
}

/// The `Decoder` over one node.
private struct NodeDecoder: Decoder {
  let node: TOMLNode
  let path: [CodingKey]
  let asked: StrictTOMLDecoder.Asked
  var codingPath: [CodingKey] { path }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard case .table(let entries) = node else {
      throw StrictTOMLDecoder.Problem(
        path: StrictTOMLDecoder.pathString(path), message: "expected a table, found \(node.described)")
    }
    let here = StrictTOMLDecoder.pathString(path)
    if asked.keys[here] == nil { asked.keys[here] = [] }
    return KeyedDecodingContainer(KeyedNode<Key>(entries: entries, path: path, here: here, asked: asked))
  }

  func unkeyedContainer() throws -> UnkeyedDecodingContainer {
    guard case .array(let items) = node else {
      throw StrictTOMLDecoder.Problem(
        path: StrictTOMLDecoder.pathString(path), message: "expected a list [ … ], found \(node.described)")
    }
    return UnkeyedNode(items: items, path: path, asked: asked)
  }

  func singleValueContainer() throws -> SingleValueDecodingContainer {
    SingleNode(node: node, path: path, asked: asked)
  }
}

/// Decodes `T` from `node`: a primitive directly, anything else through its own `init(from:)`.
private func decodeValue<T: Decodable>(
  _ type: T.Type, from node: TOMLNode, path: [CodingKey], asked: StrictTOMLDecoder.Asked
) throws -> T {
  if let value = try StrictTOMLDecoder.primitive(node, as: type, path: path) { return value }
  return try T(from: NodeDecoder(node: node, path: path, asked: asked))
}

private struct IndexKey: CodingKey {
  var intValue: Int?
  var stringValue: String
  init(_ i: Int) {
    intValue = i
    stringValue = String(i)
  }
  init?(intValue: Int) { self.init(intValue) }
  init?(stringValue: String) { nil }
}

private struct KeyedNode<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let entries: [(key: String, value: TOMLNode)]
  let path: [CodingKey]
  let here: String
  let asked: StrictTOMLDecoder.Asked
  var codingPath: [CodingKey] { path }

  private func note(_ key: Key) { asked.keys[here, default: []].insert(key.stringValue) }
  private func node(_ key: Key) -> TOMLNode? { entries.first { $0.key == key.stringValue }?.value }

  var allKeys: [Key] {
    // A table decoded as a dictionary: every key it has is one it knows.
    let keys = entries.compactMap { Key(stringValue: $0.key) }
    for key in keys { note(key) }
    return keys
  }

  func contains(_ key: Key) -> Bool {
    note(key)
    return node(key) != nil
  }

  func decodeNil(forKey key: Key) throws -> Bool {
    note(key)
    return node(key) == nil
  }

  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    note(key)
    guard let value = node(key) else {
      throw DecodingError.keyNotFound(key, .init(codingPath: path + [key], debugDescription: "missing key"))
    }
    return try decodeValue(type, from: value, path: path + [key], asked: asked)
  }

  func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decode(Primitive<Bool>.self, forKey: key).value }
  func decode(_ type: String.Type, forKey key: Key) throws -> String {
    try decode(Primitive<String>.self, forKey: key).value
  }
  func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
    try decode(Primitive<Double>.self, forKey: key).value
  }
  func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
    try decode(Primitive<Float>.self, forKey: key).value
  }
  func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decode(Primitive<Int>.self, forKey: key).value }
  func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decode(Primitive<Int8>.self, forKey: key).value }
  func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 {
    try decode(Primitive<Int16>.self, forKey: key).value
  }
  func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 {
    try decode(Primitive<Int32>.self, forKey: key).value
  }
  func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
    try decode(Primitive<Int64>.self, forKey: key).value
  }
  func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decode(Primitive<UInt>.self, forKey: key).value }
  func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 {
    try decode(Primitive<UInt8>.self, forKey: key).value
  }
  func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
    try decode(Primitive<UInt16>.self, forKey: key).value
  }
  func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
    try decode(Primitive<UInt32>.self, forKey: key).value
  }
  func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
    try decode(Primitive<UInt64>.self, forKey: key).value
  }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    note(key)
    guard let value = node(key) else {
      throw DecodingError.keyNotFound(key, .init(codingPath: path + [key], debugDescription: "missing key"))
    }
    return try NodeDecoder(node: value, path: path + [key], asked: asked).container(keyedBy: type)
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
    note(key)
    guard let value = node(key) else {
      throw DecodingError.keyNotFound(key, .init(codingPath: path + [key], debugDescription: "missing key"))
    }
    return try NodeDecoder(node: value, path: path + [key], asked: asked).unkeyedContainer()
  }

  func superDecoder() throws -> Decoder { NodeDecoder(node: .table(entries), path: path, asked: asked) }
  func superDecoder(forKey key: Key) throws -> Decoder {
    note(key)
    return NodeDecoder(node: node(key) ?? .table([]), path: path + [key], asked: asked)
  }
}

/// A primitive read through the generic path, which knows every primitive type (the containers' many
/// per-type methods all come down to it).
private struct Primitive<T>: Decodable {
  var value: T
  init(from decoder: Decoder) throws {
    guard let d = decoder as? NodeDecoder, let v = try StrictTOMLDecoder.primitive(d.node, as: T.self, path: d.path)
    else {
      throw DecodingError.typeMismatch(
        T.self, .init(codingPath: decoder.codingPath, debugDescription: "not a primitive type"))
    }
    value = v
  }
}

private struct UnkeyedNode: UnkeyedDecodingContainer {
  let items: [TOMLNode]
  let path: [CodingKey]
  let asked: StrictTOMLDecoder.Asked
  var currentIndex = 0
  var codingPath: [CodingKey] { path }
  var count: Int? { items.count }
  var isAtEnd: Bool { currentIndex >= items.count }

  init(items: [TOMLNode], path: [CodingKey], asked: StrictTOMLDecoder.Asked) {
    self.items = items
    self.path = path
    self.asked = asked
  }

  private mutating func next() throws -> (TOMLNode, [CodingKey]) {
    guard !isAtEnd else {
      throw DecodingError.valueNotFound(
        Any.self, .init(codingPath: path, debugDescription: "the list has only \(items.count) items"))
    }
    defer { currentIndex += 1 }
    return (items[currentIndex], path + [IndexKey(currentIndex)])
  }

  mutating func decodeNil() throws -> Bool { false }

  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
    let (node, at) = try next()
    return try decodeValue(type, from: node, path: at, asked: asked)
  }

  mutating func decode(_ type: Bool.Type) throws -> Bool { try decode(Primitive<Bool>.self).value }
  mutating func decode(_ type: String.Type) throws -> String { try decode(Primitive<String>.self).value }
  mutating func decode(_ type: Double.Type) throws -> Double { try decode(Primitive<Double>.self).value }
  mutating func decode(_ type: Float.Type) throws -> Float { try decode(Primitive<Float>.self).value }
  mutating func decode(_ type: Int.Type) throws -> Int { try decode(Primitive<Int>.self).value }
  mutating func decode(_ type: Int8.Type) throws -> Int8 { try decode(Primitive<Int8>.self).value }
  mutating func decode(_ type: Int16.Type) throws -> Int16 { try decode(Primitive<Int16>.self).value }
  mutating func decode(_ type: Int32.Type) throws -> Int32 { try decode(Primitive<Int32>.self).value }
  mutating func decode(_ type: Int64.Type) throws -> Int64 { try decode(Primitive<Int64>.self).value }
  mutating func decode(_ type: UInt.Type) throws -> UInt { try decode(Primitive<UInt>.self).value }
  mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try decode(Primitive<UInt8>.self).value }
  mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try decode(Primitive<UInt16>.self).value }
  mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try decode(Primitive<UInt32>.self).value }
  mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try decode(Primitive<UInt64>.self).value }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<
    NestedKey
  > {
    let (node, at) = try next()
    return try NodeDecoder(node: node, path: at, asked: asked).container(keyedBy: type)
  }

  mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
    let (node, at) = try next()
    return try NodeDecoder(node: node, path: at, asked: asked).unkeyedContainer()
  }

  mutating func superDecoder() throws -> Decoder {
    let (node, at) = try next()
    return NodeDecoder(node: node, path: at, asked: asked)
  }
}

private struct SingleNode: SingleValueDecodingContainer {
  let node: TOMLNode
  let path: [CodingKey]
  let asked: StrictTOMLDecoder.Asked
  var codingPath: [CodingKey] { path }

  func decodeNil() -> Bool { false }
  func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeValue(type, from: node, path: path, asked: asked) }
  func decode(_ type: Bool.Type) throws -> Bool { try decode(Primitive<Bool>.self).value }
  func decode(_ type: String.Type) throws -> String { try decode(Primitive<String>.self).value }
  func decode(_ type: Double.Type) throws -> Double { try decode(Primitive<Double>.self).value }
  func decode(_ type: Float.Type) throws -> Float { try decode(Primitive<Float>.self).value }
  func decode(_ type: Int.Type) throws -> Int { try decode(Primitive<Int>.self).value }
  func decode(_ type: Int8.Type) throws -> Int8 { try decode(Primitive<Int8>.self).value }
  func decode(_ type: Int16.Type) throws -> Int16 { try decode(Primitive<Int16>.self).value }
  func decode(_ type: Int32.Type) throws -> Int32 { try decode(Primitive<Int32>.self).value }
  func decode(_ type: Int64.Type) throws -> Int64 { try decode(Primitive<Int64>.self).value }
  func decode(_ type: UInt.Type) throws -> UInt { try decode(Primitive<UInt>.self).value }
  func decode(_ type: UInt8.Type) throws -> UInt8 { try decode(Primitive<UInt8>.self).value }
  func decode(_ type: UInt16.Type) throws -> UInt16 { try decode(Primitive<UInt16>.self).value }
  func decode(_ type: UInt32.Type) throws -> UInt32 { try decode(Primitive<UInt32>.self).value }
  func decode(_ type: UInt64.Type) throws -> UInt64 { try decode(Primitive<UInt64>.self).value }
}
