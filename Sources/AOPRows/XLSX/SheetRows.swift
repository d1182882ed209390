import Foundation
import AOPLedger

/// Turns a sheet part's XML, fed in chunks, into records: one per `<row>`, its number the sheet's row
/// number, cells placed by their column letters (missing cells are empty), shared strings resolved,
/// date-styled numbers rendered `yyyy-MM-dd HH:mm:ss`.
final class SheetRows {
  private let parts: WorkbookParts
  private let scanner = XMLScanner()
  private let emit: (RawRecord) throws -> Void
  /// The widest row accepted, in cells.
  private let maxColumns: Int

  private var rowNumber = 0
  private var cells: [(column: Int, value: [UInt8], kind: CellKind)] = []
  private var column = -1
  private var type: [UInt8] = []
  private var style = 0
  private var value: [UInt8] = []
  private var collecting = false
  private var inInline = false

  struct TooWide: Error {
    var row: Int
    var columns: Int
  }

  init(parts: WorkbookParts, maxColumns: Int = 16_384, emit: @escaping (RawRecord) throws -> Void) {
    self.parts = parts
    self.emit = emit
    self.maxColumns = maxColumns
    scanner.onStart = { [unowned self] name, attributes, selfClosing in try self.start(name, attributes, selfClosing) }
    scanner.onEnd = { [unowned self] name in try self.end(name) }
    scanner.onText = { [unowned self] text in if self.collecting { self.value.append(contentsOf: text) } }
  }

  func feed(_ chunk: Data) throws { try scanner.feed(chunk) }
  func finish() throws { try scanner.finish() }

  private func start(_ name: XMLScanner.Bytes, _ attributes: XMLScanner.Attributes, _ selfClosing: Bool) throws {
    switch true {
    case name.is("row"):
      rowNumber = attributes[attribute: "r"].flatMap(decimalInteger) ?? rowNumber + 1
      cells.removeAll(keepingCapacity: true)
      column = -1
      if selfClosing { try endRow() }
    case name.is("c"):
      column = attributes[attribute: "r"].map(Self.columnIndex) ?? column + 1
      guard column < maxColumns else { throw TooWide(row: rowNumber, columns: column + 1) }
      type = attributes[attribute: "t"] ?? []
      style = attributes[attribute: "s"].flatMap(decimalInteger) ?? 0
      value.removeAll(keepingCapacity: true)
      inInline = false
      if selfClosing { endCell() }
    case name.is("v"): collecting = !selfClosing
    case name.is("is"): inInline = true
    case name.is("t") where inInline: collecting = !selfClosing
    default: break
    }
  }

  private func end(_ name: XMLScanner.Bytes) throws {
    switch true {
    case name.is("v"), name.is("t"): collecting = false
    case name.is("is"): inInline = false
    case name.is("c"): endCell()
    case name.is("row"): try endRow()
    default: break
    }
  }

  private func endCell() {
    guard column >= 0 else { return }
    let text = XMLText.decode(value[...])
    var kind = CellKind.text
    var shown = text
    switch type.first {
    case UInt8(ascii: "s") where type.count == 1:
      if let i = decimalInteger(text), i < parts.sharedStrings.count { shown = parts.sharedStrings[i] } else { shown = [] }
    case UInt8(ascii: "i"), UInt8(ascii: "s"), UInt8(ascii: "e"), UInt8(ascii: "d"), UInt8(ascii: "b"):
      break  // inlineStr, str (a formula's text), e (an error), d (an ISO date), b (a boolean): as written
    default:
      guard !text.isEmpty else { break }
      if style < parts.dateStyles.count, parts.dateStyles[style], let rendered = Self.renderSerial(text, date1904: parts.date1904) {
        shown = rendered
        kind = .date
      } else {
        kind = .number
      }
    }
    cells.append((column, shown, kind))
    value.removeAll(keepingCapacity: true)
  }

  private func endRow() throws {
    guard let widest = cells.map(\.column).max() else { return }
    var slots = [(value: [UInt8], kind: CellKind)](repeating: ([], .text), count: widest + 1)
    for cell in cells { slots[cell.column] = (cell.value, cell.kind) }
    var bytes: [UInt8] = []
    var ends: [Int] = []
    var raw: [UInt8] = []
    for (i, slot) in slots.enumerated() {
      bytes.append(contentsOf: slot.value)
      ends.append(bytes.count)
      if i > 0 { raw.append(0x09) }
      raw.append(contentsOf: slot.value)
    }
    var record = RawRecord(line: rowNumber, lastLine: rowNumber, bytes: bytes, fieldEnds: ends[...], fieldBase: 0, raw: raw)
    record.kinds = slots.map(\.kind)
    cells.removeAll(keepingCapacity: true)
    if !record.isBlank { try emit(record) }
  }

  /// `B5` → 1.
  static func columnIndex(_ reference: [UInt8]) -> Int {
    var n = 0
    for c in reference {
      guard c >= UInt8(ascii: "A"), c <= UInt8(ascii: "Z") else { break }
      n = n * 26 + Int(c - UInt8(ascii: "A") + 1)
    }
    return n - 1
  }

  /// An Excel serial day number as `yyyy-MM-dd` or `yyyy-MM-dd HH:mm:ss` (1900 system, with its
  /// phantom 29 Feb 1900, or the 1904 system).
  static func renderSerial(_ text: [UInt8], date1904: Bool) -> [UInt8]? {
    guard let serial = Double(String(decoding: text, as: UTF8.self)), serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
    var days = Int(serial.rounded(.down))
    var seconds = Int(((serial - Double(days)) * 86_400).rounded())
    if seconds >= 86_400 {
      days += 1
      seconds -= 86_400
    }
    // Day 0 of the 1900 system is 1899-12-31; serials from 61 on are one day ahead (the phantom 29 Feb).
    guard let epoch = date1904 ? Day(year: 1904, month: 1, day: 1) : Day(year: 1899, month: 12, day: 31) else { return nil }
    let day = Day(ordinal: epoch.ordinal + days - (!date1904 && days >= 61 ? 1 : 0))
    func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    var out = day.description
    if seconds > 0 { out += " \(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))" }
    return Array(out.utf8)
  }
}
