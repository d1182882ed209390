import AOPLedger

/// What a cell held in a typed source (an .xlsx sheet); CSV fields are all `.text`.
public enum CellKind: UInt8, Sendable {
  case text
  /// A number in canonical form (`.` decimal mark, no grouping), whatever the file's locale.
  case number
  /// A date cell, rendered `yyyy-MM-dd HH:mm:ss` (or `yyyy-MM-dd`).
  case date
}

/// One record as bytes: its fields, the 1-based physical line (or sheet row) it starts on, and its raw
/// text.
///
/// Fields stay bytes so that numbers and dates can be parsed without a `String` per field; `string(_:)`
/// makes one only for the columns a profile actually reads.
public struct RawRecord: Sendable {
  /// 1-based physical line of the record's first line (a quoted multi-line field makes the next
  /// record's line jump).
  public var line: Int
  /// The last physical line the record occupies.
  public var lastLine: Int
  var bytes: [UInt8]
  var fieldEnds: ArraySlice<Int>
  var fieldBase: Int
  var raw: [UInt8]
  /// Per field, what kind of cell it came from; empty for CSV (all text).
  var kinds: [CellKind] = []

  public init(line: Int, fields: [String], raw: String? = nil) {
    self.line = line
    self.lastLine = line
    var bytes: [UInt8] = []
    var ends: [Int] = []
    for f in fields {
      bytes.append(contentsOf: Array(f.utf8))
      ends.append(bytes.count)
    }
    self.bytes = bytes
    self.fieldEnds = ends[...]
    self.fieldBase = 0
    self.raw = Array((raw ?? fields.joined(separator: ",")).utf8)
  }

  init(line: Int, lastLine: Int, bytes: [UInt8], fieldEnds: ArraySlice<Int>, fieldBase: Int, raw: [UInt8]) {
    self.line = line
    self.lastLine = lastLine
    self.bytes = bytes
    self.fieldEnds = fieldEnds
    self.fieldBase = fieldBase
    self.raw = raw
  }

  /// True for a sheet row, whose cells sit at their columns' positions (trailing empty cells are simply
  /// absent), as opposed to a CSV record, whose field count is what the writer put there.
  public var isPositional: Bool { !kinds.isEmpty }

  /// What kind of cell field `index` came from.
  public func kind(_ index: Int) -> CellKind { index < kinds.count ? kinds[index] : .text }

  /// Number of fields.
  public var count: Int { fieldEnds.count }

  /// The bytes of field `index` (empty when the row is shorter).
  public func bytes(_ index: Int) -> ArraySlice<UInt8> {
    guard index >= 0, index < fieldEnds.count else { return [] }
    let i = fieldEnds.startIndex + index
    let start = i == fieldEnds.startIndex ? fieldBase : fieldEnds[i - 1]
    return bytes[start..<fieldEnds[i]]
  }

  /// Where field `index` lies in the record's storage without its leading and trailing spaces, tabs and
  /// line breaks (an empty range when the row is shorter): told from the offsets and bytes, with no slice
  /// made to trim. `bytes(in:)` gives its bytes.
  public func trimmedRange(_ index: Int) -> Range<Int> {
    guard index >= 0, index < fieldEnds.count else { return 0..<0 }
    let i = fieldEnds.startIndex + index
    var start = i == fieldEnds.startIndex ? fieldBase : fieldEnds[i - 1]
    var end = fieldEnds[i]
    bytes.withUnsafeBufferPointer { b in
      while start < end, Self.isSpace(b[start]) { start += 1 }
      while end > start, Self.isSpace(b[end - 1]) { end -= 1 }
    }
    return start..<end
  }

  /// The bytes at `range` of the record's storage (from `trimmedRange`).
  public func bytes(in range: Range<Int>) -> ArraySlice<UInt8> { bytes[range] }

  /// What trimming a field leaves out: space, tab, CR, LF (the one definition of it).
  @inline(__always) public static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
  }

  /// Field `index` as text, or `nil` when its bytes are not valid UTF-8.
  public func string(_ index: Int) -> String? {
    String(validating: bytes(index), as: UTF8.self)
  }

  /// The first field longer than `limit` bytes and its length, if any (told from the field ends alone).
  func firstField(longerThan limit: Int) -> (index: Int, bytes: Int)? {
    var start = fieldBase
    for (index, end) in fieldEnds.enumerated() {
      if end - start > limit { return (index, end - start) }
      start = end
    }
    return nil
  }

  /// True when every field is empty: such a record is not a row.
  public var isBlank: Bool {
    for i in 0..<count where !bytes(i).isEmpty { return false }
    return true
  }

  /// The record as it stands in the file, line terminators removed at the end; invalid bytes shown as U+FFFD.
  public var rawText: String { Self.text(ofRaw: raw) }

  /// The record's bytes as they stand in the file, to render with `text(ofRaw:)` only if needed.
  public var rawBytes: [UInt8] { raw }

  /// Raw record bytes as text: line terminators removed at the end, invalid bytes shown as U+FFFD.
  public static func text(ofRaw raw: [UInt8]) -> String {
    var end = raw.count
    while end > 0, raw[end - 1] == 0x0A || raw[end - 1] == 0x0D { end -= 1 }
    return String(decoding: raw[..<end], as: UTF8.self)
  }

  /// All fields as text (invalid UTF-8 shown as U+FFFD); for headers and messages, not the hot path.
  public var fields: [String] { (0..<count).map { String(decoding: bytes($0), as: UTF8.self) } }
}

/// A record that cannot be read right: one libcsv could not parse (a stray quote, a quote never closed),
/// or a sheet row with a fault (a shared string the workbook lacks, a cell given twice). Its `reason`
/// says so in full; reported as a rejected row, never fatal.
public struct MalformedRecord: Sendable, Hashable {
  public var line: Int
  public var reason: RejectReason
  public var rawText: String
}

/// What reading a file (CSV or a sheet) yields, in file order.
public enum RowEvent: Sendable {
  case record(RawRecord)
  case malformed(MalformedRecord)
}
