import Foundation

/// What an `XMLTokenizer` reports: start tags, end tags and text. Names, attributes and text are valid
/// only during the call.
protocol XMLHandler: AnyObject {
  func start(_ name: XMLScanner.Bytes, _ attributes: XMLScanner.Attributes, _ selfClosing: Bool) throws
  func end(_ name: XMLScanner.Bytes) throws
  func text(_ text: XMLScanner.Bytes) throws
}

/// A small incremental XML tokenizer for the parts of an .xlsx file, reporting to its closures: chunks in,
/// start tags, end tags and text out (see `XMLTokenizer`). For the small parts and the passes that look
/// at a few tags; a sheet's rows, where every call counts, have their own handler (`SheetRows`).
final class XMLScanner: XMLHandler {
  typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>
  /// Names and values as written (valid only during the call): `attributes[attribute:]` decodes a value.
  typealias Attributes = XMLAttributes

  /// Names and text are valid only during the call.
  var onStart: (_ name: Bytes, _ attributes: Attributes, _ selfClosing: Bool) throws -> Void = { _, _, _ in }
  var onEnd: (_ name: Bytes) throws -> Void = { _ in }
  var onText: (_ text: Bytes) throws -> Void = { _ in }

  struct Malformed: Error {
    var reason: String
  }

  private lazy var tokenizer = XMLTokenizer(handler: self)

  func feed(_ chunk: Data) throws { try tokenizer.feed(chunk) }
  func feed(_ chunk: [UInt8]) throws { try tokenizer.feed(chunk) }
  func feed(_ chunk: UnsafeRawBufferPointer) throws { try tokenizer.feed(chunk) }
  func finish() throws { try tokenizer.finish() }

  func start(_ name: Bytes, _ attributes: Attributes, _ selfClosing: Bool) throws {
    try onStart(name, attributes, selfClosing)
  }
  func end(_ name: Bytes) throws { try onEnd(name) }
  func text(_ text: Bytes) throws { try onText(text) }
}

/// The tokenizer itself: chunks in, calls to its handler out. Just enough XML for spreadsheet parts; a
/// DTD (and so any entity definition) is refused, which rules out external entities and
/// entity-expansion bombs. Generic over its handler, so that the calls are direct (no closure context
/// to retain and release per tag); the handler owns its tokenizer, which does not keep it alive.
final class XMLTokenizer<Handler: XMLHandler> {
  typealias Bytes = XMLScanner.Bytes
  typealias Malformed = XMLScanner.Malformed

  /// Not retained (the handler owns its tokenizer), and called without the retain and release a
  /// stored reference costs per call: every tag and text of a sheet goes through it.
  private let handler: Unmanaged<Handler>
  private var carry: [UInt8] = []
  /// Where the attributes of the tag being reported lie (kept to be reused: nothing allocated, retained
  /// or released per tag).
  private var spans = Growable<XMLAttributes.Span>(capacity: 16)

  /// Whether plainly written tags are read in one pass (`startTag`, `endTag`); off only to check, by
  /// fuzzing, that they read every tag as the general way does.
  private let onePassTags: Bool

  init(handler: Handler, onePassTags: Bool = true) {
    self.handler = .passUnretained(handler)
    self.onePassTags = onePassTags
  }

  deinit { spans.free() }

  func feed(_ chunk: Data) throws { try chunk.withUnsafeBytes { try feed($0) } }
  func feed(_ chunk: [UInt8]) throws { try chunk.withUnsafeBytes { try feed($0) } }

  func feed(_ chunk: UnsafeRawBufferPointer) throws {
    guard carry.isEmpty else {
      // A tag cut by the chunk's start: scanned with the bytes before it.
      var data = carry
      data.append(contentsOf: chunk)
      carry = []
      try data.withUnsafeBufferPointer { try scan($0, final: false) }
      return
    }
    try chunk.withMemoryRebound(to: UInt8.self) { try scan($0, final: false) }
  }

  /// Ends the input; a tag left open is an error.
  func finish() throws {
    if !carry.isEmpty {
      let data = carry
      carry = []
      try data.withUnsafeBufferPointer { try scan($0, final: true) }
    }
    if !carry.isEmpty { throw Malformed(reason: "the part ends inside a tag") }
  }

  private func scan(_ data: UnsafeBufferPointer<UInt8>, final: Bool) throws {
    var i = 0
    let n = data.count
    while i < n {
      if data[i] != UInt8(ascii: "<") {
        var j = i
        while j < n, data[j] != UInt8(ascii: "<") { j += 1 }
        try handler._withUnsafeGuaranteedRef { try $0.text(data[i..<j]) }
        i = j
        continue
      }
      // A tag: find its end, or keep it for the next chunk. Too few bytes to tell a comment from a
      // tag: wait for more.
      if !final, n - i < 9 {
        carry = Array(data[i...])
        return
      }
      // A start or end tag as well-formed parts write it, read in one pass: by far the most tags.
      if onePassTags, let close = try startTag(data, i + 1) ?? endTag(data, i + 1) {
        i = close + 1
        continue
      }
      let bang = i + 1 < n && data[i + 1] == UInt8(ascii: "!")
      if bang, data.has("<!--", at: i) {
        guard let end = data.find("-->", from: i + 4) else {
          carry = Array(data[i...])
          return
        }
        i = end + 3
        continue
      }
      if bang, data.has("<![CDATA[", at: i) {
        guard let end = data.find("]]>", from: i + 9) else {
          carry = Array(data[i...])
          return
        }
        try handler._withUnsafeGuaranteedRef { try $0.text(data[(i + 9)..<end]) }
        i = end + 3
        continue
      }
      if bang {
        throw Malformed(reason: "a document type declaration (DTD) is not allowed in a spreadsheet part")
      }
      guard let close = data.tagEnd(from: i + 1) else {
        if n - i > 1 << 20 { throw Malformed(reason: "a tag longer than 1 MiB") }
        carry = Array(data[i...])
        return
      }
      try tag(data, i + 1, close)
      i = close + 1
    }
  }

  /// A start tag read and reported in one pass, when it is written plainly: a name, then attributes
  /// `name="value"` (spaces around `=` allowed), then `>` or `/>`, all within `d`. Returns the index of
  /// its `>`, or `nil` for anything else — an end tag, a comment, a tag cut by the chunk's end, anything
  /// odd — which `tagEnd` and `tag` then read, as every tag was before; for a tag read here they would
  /// find the same `>`, name and attributes.
  private func startTag(_ d: UnsafeBufferPointer<UInt8>, _ start: Int) throws -> Int? {
    let n = d.count
    func isNameEnd(_ c: UInt8) -> Bool { isXMLSpace(c) || c == UInt8(ascii: "/") || c == UInt8(ascii: ">") }
    func isOdd(_ c: UInt8) -> Bool { c == 0x22 || c == 0x27 || c == UInt8(ascii: "<") }
    var k = start
    guard k < n, d[k] != UInt8(ascii: "/"), d[k] != UInt8(ascii: "?"), d[k] != UInt8(ascii: "!") else { return nil }
    while k < n, !isNameEnd(d[k]) {
      if isOdd(d[k]) { return nil }
      k += 1
    }
    guard k > start else { return nil }
    let name = localName(d[start..<k])
    spans.count = 0
    while true {
      while k < n, isXMLSpace(d[k]) { k += 1 }
      guard k < n else { return nil }
      if d[k] == UInt8(ascii: ">") {
        let attributes = XMLAttributes(data: d, spans: spans.buffer)
        try handler._withUnsafeGuaranteedRef { try $0.start(name, attributes, false) }
        return k
      }
      if d[k] == UInt8(ascii: "/") {
        guard k + 1 < n, d[k + 1] == UInt8(ascii: ">") else { return nil }
        let attributes = XMLAttributes(data: d, spans: spans.buffer)
        try handler._withUnsafeGuaranteedRef { try $0.start(name, attributes, true) }
        return k + 1
      }
      let nameStart = k
      while k < n, d[k] != UInt8(ascii: "="), !isNameEnd(d[k]) {
        if isOdd(d[k]) { return nil }
        k += 1
      }
      guard k > nameStart else { return nil }
      let attributeName = localName(d[nameStart..<k])
      while k < n, isXMLSpace(d[k]) { k += 1 }
      guard k < n, d[k] == UInt8(ascii: "=") else { return nil }
      k += 1
      while k < n, isXMLSpace(d[k]) { k += 1 }
      guard k < n, d[k] == 0x22 || d[k] == 0x27 else { return nil }
      let quote = d[k]
      k += 1
      let valueStart = k
      while k < n, d[k] != quote { k += 1 }
      guard k < n else { return nil }
      spans.append(
        XMLAttributes.Span(
          nameStart: attributeName.startIndex, nameEnd: attributeName.endIndex, valueStart: valueStart, valueEnd: k))
      k += 1
    }
  }

  /// An end tag `</name>` (no space, no quote) read and reported in one pass; `nil` for anything else,
  /// which `tagEnd` and `tag` read as before (to the same effect for a tag read here).
  private func endTag(_ d: UnsafeBufferPointer<UInt8>, _ start: Int) throws -> Int? {
    let n = d.count
    guard start < n, d[start] == UInt8(ascii: "/") else { return nil }
    var k = start + 1
    while k < n, d[k] != UInt8(ascii: ">") {
      if isXMLSpace(d[k]) || d[k] == 0x22 || d[k] == 0x27 { return nil }
      k += 1
    }
    guard k < n else { return nil }
    let name = localName(d[(start + 1)..<k])
    try handler._withUnsafeGuaranteedRef { try $0.end(name) }
    return k
  }

  private func tag(_ d: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) throws {
    if d[start] == UInt8(ascii: "?") { return }  // processing instruction / XML declaration
    if d[start] == UInt8(ascii: "/") {
      let name = localName(d[(start + 1)..<end].prefix { !isXMLSpace($0) })
      try handler._withUnsafeGuaranteedRef { try $0.end(name) }
      return
    }
    var stop = end
    let selfClosing = d[end - 1] == UInt8(ascii: "/")
    if selfClosing { stop -= 1 }
    var k = start
    while k < stop, !isXMLSpace(d[k]) { k += 1 }
    let name = localName(d[start..<k])
    spans.count = 0
    while k < stop {
      while k < stop, isXMLSpace(d[k]) { k += 1 }
      let nameStart = k
      while k < stop, d[k] != UInt8(ascii: "="), !isXMLSpace(d[k]) { k += 1 }
      let attributeName = d[nameStart..<k]
      while k < stop, d[k] != 0x22, d[k] != 0x27 { k += 1 }
      guard k < stop else { break }
      let quote = d[k]
      k += 1
      let valueStart = k
      while k < stop, d[k] != quote { k += 1 }
      if !attributeName.isEmpty {
        let local = localName(attributeName)
        spans.append(
          XMLAttributes.Span(
            nameStart: local.startIndex, nameEnd: local.endIndex, valueStart: valueStart, valueEnd: min(k, stop)))
      }
      k += 1
    }
    let attributes = XMLAttributes(data: d, spans: spans.buffer)
    try handler._withUnsafeGuaranteedRef { try $0.start(name, attributes, selfClosing) }
  }

  private func localName(_ s: Bytes) -> Bytes {
    if let colon = s.lastIndex(of: UInt8(ascii: ":")) { return s[(colon + 1)...] }
    return s
  }

}

/// The attributes of a tag, in order: local names and values as written, valid only during the call
/// that reports them.
struct XMLAttributes: Sequence {
  struct Span: BitwiseCopyable {
    var nameStart: Int
    var nameEnd: Int
    var valueStart: Int
    var valueEnd: Int
  }

  fileprivate let data: UnsafeBufferPointer<UInt8>
  fileprivate let spans: UnsafeBufferPointer<Span>

  struct Iterator: IteratorProtocol {
    fileprivate let data: UnsafeBufferPointer<UInt8>
    fileprivate let spans: UnsafeBufferPointer<Span>
    fileprivate var index = 0
    mutating func next() -> (name: XMLScanner.Bytes, value: XMLScanner.Bytes)? {
      guard index < spans.count else { return nil }
      let span = spans[index]
      index += 1
      return (data[span.nameStart..<span.nameEnd], data[span.valueStart..<span.valueEnd])
    }
  }

  func makeIterator() -> Iterator { Iterator(data: data, spans: spans) }
  var underestimatedCount: Int { spans.count }

  /// The value of the attribute with this (local) name, decoded.
  subscript(attribute name: StaticString) -> [UInt8]? {
    first { $0.name.is(name) }.map { XMLText.decode($0.value) }
  }
}

/// A small non-negative decimal integer from bytes, without making a `String`.
func decimalInteger(_ bytes: some Collection<UInt8>) -> Int? {
  guard !bytes.isEmpty, bytes.count < 19 else { return nil }
  var n = 0
  for b in bytes {
    guard b >= 0x30, b <= 0x39 else { return nil }
    n = n * 10 + Int(b - 0x30)
  }
  return n
}

extension Slice where Base == UnsafeBufferPointer<UInt8> {
  /// Byte by byte: the names compared are a few bytes long, too short for a call to `memcmp` to pay.
  @inline(__always) func `is`(_ name: StaticString) -> Bool {
    let n = name.utf8CodeUnitCount
    guard count == n else { return false }
    let expected = name.utf8Start
    var i = 0
    while i < n {
      guard base[startIndex + i] == expected[i] else { return false }
      i += 1
    }
    return true
  }
}

/// Decoding of XML text: the five entities, numeric character references, and OOXML's `_xHHHH_` escapes.
enum XMLText {
  /// True when decoding would give the same bytes: no entity or reference, no `_xHHHH_` escape.
  static func isPlain<C: Collection<UInt8>>(_ s: C) -> Bool {
    !s.contains { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "_") }
  }

  static func decode<C: RandomAccessCollection>(_ s: C) -> [UInt8] where C.Element == UInt8, C.Index == Int {
    guard !isPlain(s) else { return Array(s) }
    var out: [UInt8] = []
    out.reserveCapacity(s.count)
    var i = s.startIndex
    while i < s.endIndex {
      let c = s[i]
      if c == UInt8(ascii: "&"), let semi = s[i...].prefix(12).firstIndex(of: UInt8(ascii: ";")) {
        let entity = s[(i + 1)..<semi]
        var scalar: UInt32?
        switch String(decoding: entity, as: UTF8.self) {
        case "lt": scalar = 0x3C
        case "gt": scalar = 0x3E
        case "amp": scalar = 0x26
        case "quot": scalar = 0x22
        case "apos": scalar = 0x27
        case let e where e.hasPrefix("#x"): scalar = UInt32(e.dropFirst(2), radix: 16)
        case let e where e.hasPrefix("#"): scalar = UInt32(e.dropFirst(1))
        default: scalar = nil
        }
        if let v = scalar, let u = Unicode.Scalar(v) {
          out.append(contentsOf: Array(String(Character(u)).utf8))
          i = semi + 1
          continue
        }
      }
      // `_xHHHH_`: a character XML cannot hold, escaped by the writer (`_x005F_` is a literal `_`).
      if c == UInt8(ascii: "_"), s.endIndex - i >= 7, s[i + 1] == UInt8(ascii: "x"), s[i + 6] == UInt8(ascii: "_"),
        let v = UInt32(String(decoding: s[(i + 2)..<(i + 6)], as: UTF8.self), radix: 16), let u = Unicode.Scalar(v)
      {
        out.append(contentsOf: Array(String(Character(u)).utf8))
        i += 7
        continue
      }
      out.append(c)
      i += 1
    }
    return out
  }
}
