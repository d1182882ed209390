import AOPLedger
import Foundation

/// Turns a sheet part's XML, fed in chunks, into records: one per `<row>`, its number the sheet's row
/// number, cells placed by their column letters (missing cells are empty), shared strings resolved,
/// date-styled numbers rendered `yyyy-MM-dd HH:mm:ss`.
///
/// A row it cannot read right is a malformed record (rejected with its reason, never read as something
/// else): a cell that refers to a shared string the workbook does not have, a cell reference that is not
/// one or lies beyond the sheet's grid (column XFD, row 1,048,576), a cell given twice, a row given again
/// or out of order, a cell of more than `maxCellBytes`.
final class SheetRows: XMLHandler {
  private let parts: WorkbookParts
  private lazy var tokenizer = XMLTokenizer(handler: self, onePassTags: onePassTags)
  private let onePassTags: Bool
  private let emit: (RowEvent) throws -> Void
  /// The widest row a sheet can have, in cells (Excel's XFD).
  static let maxColumns = 16_384
  /// The last row a sheet can have (Excel's).
  static let maxRows = 1_048_576
  /// The most bytes one cell may hold (Excel itself keeps 32,767 characters).
  static let maxCellBytes = 1 << 20

  private var rowNumber = 0
  private var lastRowNumber = 0
  /// The row's cells so far: each value is `rowValues[start..<end]`.
  private var cells: [(column: Int, start: Int, end: Int, kind: CellKind)] = []
  private var rowValues: [UInt8] = []
  /// The record's field ends and cell kinds (kept to be reused, row after row).
  private var ends: [Int] = []
  private var kinds: [CellKind] = []
  private var column = -1
  // The cell being read: its reference and text as written (buffers of the reader's own, emptied per
  // cell without a generic `removeAll`), the first byte and length of its type, its style.
  private var reference = Growable<UInt8>(capacity: 16)
  private var value = Growable<UInt8>(capacity: 256)
  private var type: (first: UInt8?, count: Int) = (nil, 0)
  private var style = 0
  private var collecting = false
  private var inInline = false
  /// Why the row being read cannot be read right (the first reason found).
  private var fault: RejectReason.SheetRowFault?

  init(parts: WorkbookParts, onePassTags: Bool = true, emit: @escaping (RowEvent) throws -> Void) {
    self.parts = parts
    self.onePassTags = onePassTags
    self.emit = emit
  }

  deinit {
    reference.free()
    value.free()
  }

  func feed(_ chunk: Data) throws { try tokenizer.feed(chunk) }
  func finish() throws { try tokenizer.finish() }

  func text(_ text: XMLScanner.Bytes) {
    guard collecting else { return }
    if value.count + text.count > SheetRows.maxCellBytes {
      flag(.cellTooLong(cell: shownReference, limit: SheetRows.maxCellBytes))
      return
    }
    value.append(contentsOf: text)
  }

  private func flag(_ reason: RejectReason.SheetRowFault) { if fault == nil { fault = reason } }

  private var shownReference: String {
    reference.count == 0
      ? "\(spreadsheetColumnName(max(column, 0)))\(rowNumber)" : String(decoding: reference.buffer, as: UTF8.self)
  }

  func start(_ name: XMLScanner.Bytes, _ attributes: XMLScanner.Attributes, _ selfClosing: Bool) throws {
    switch true {
    case name.is("row"):
      cells.removeAll(keepingCapacity: true)
      rowValues.removeAll(keepingCapacity: true)
      column = -1
      fault = nil
      if let r = attributes[attribute: "r"] {
        guard let n = decimalInteger(r), n >= 1 else {
          rowNumber = lastRowNumber + 1
          flag(.notARowNumber(String(decoding: r.prefix(20), as: UTF8.self)))
          break
        }
        rowNumber = n
      } else {
        rowNumber = lastRowNumber + 1
      }
      if rowNumber > SheetRows.maxRows {
        flag(.rowBeyondLast(row: rowNumber, last: SheetRows.maxRows))
      }
      if rowNumber <= lastRowNumber {
        flag(.rowOutOfOrder(row: rowNumber, after: lastRowNumber))
      }
      if selfClosing { try endRow() }
    case name.is("c"):
      // One pass over the cell's attributes (every cell of a sheet comes here).
      reference.count = 0
      type = (nil, 0)
      style = 0
      var seen: (r: Bool, t: Bool, s: Bool) = (false, false, false)  // an attribute given twice: its first
      for (attribute, raw) in attributes where attribute.count == 1 {
        switch attribute[attribute.startIndex] {
        case UInt8(ascii: "r") where !seen.r:
          seen.r = true
          if XMLText.isPlain(raw) {
            reference.append(contentsOf: raw)
          } else {
            XMLText.decode(raw).withUnsafeBufferPointer { reference.append(contentsOf: $0[...]) }
          }
        case UInt8(ascii: "t") where !seen.t:
          seen.t = true
          if XMLText.isPlain(raw) {
            type = (raw.first, raw.count)
          } else {
            let decoded = XMLText.decode(raw)
            type = (decoded.first, decoded.count)
          }
        case UInt8(ascii: "s") where !seen.s:
          seen.s = true
          style = (XMLText.isPlain(raw) ? decimalInteger(raw) : decimalInteger(XMLText.decode(raw))) ?? 0
        default: break
        }
      }
      if reference.count == 0 {
        column += 1
      } else if let (c, r) = Self.cellReference(reference.buffer) {
        column = c
        if r != rowNumber { flag(.cellOutsideRow(cell: shownReference, row: rowNumber)) }
      } else {
        column += 1
        flag(.notACellReference(String(decoding: reference.buffer.prefix(20), as: UTF8.self)))
      }
      if column >= SheetRows.maxColumns { flag(.columnBeyondLast(cell: shownReference)) }
      value.count = 0
      inInline = false
      if selfClosing { endCell() }
    case name.is("v"): collecting = !selfClosing
    case name.is("is"): inInline = true
    case name.is("t") where inInline: collecting = !selfClosing
    default: break
    }
  }

  func end(_ name: XMLScanner.Bytes) throws {
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
    // The cell's text as written, decoded only when it has something to decode.
    if XMLText.isPlain(value.buffer) {
      endCell(value.buffer)
    } else {
      XMLText.decode(value.buffer).withUnsafeBufferPointer { endCell($0) }
    }
    value.count = 0
  }

  private func endCell(_ value: UnsafeBufferPointer<UInt8>) {
    let start = rowValues.count
    var kind = CellKind.text
    switch type.first {
    case UInt8(ascii: "s") where type.count == 1:
      let found = decimalInteger(value).flatMap { i in
        parts.sharedStrings.withString(i) { rowValues.append(contentsOf: $0) }
      }
      if found == nil {
        flag(
          .missingSharedString(
            cell: shownReference, index: String(decoding: value.prefix(20), as: UTF8.self),
            count: parts.sharedStrings.count))
      }
    case UInt8(ascii: "i"), UInt8(ascii: "s"), UInt8(ascii: "e"), UInt8(ascii: "d"), UInt8(ascii: "b"):
      rowValues.append(contentsOf: value)  // inlineStr, str (a formula's text), e (an error), d, b: as written
    default:
      if !value.isEmpty, style < parts.dateStyles.count, parts.dateStyles[style],
        let rendered = renderedSerial(value)
      {
        rowValues.append(contentsOf: rendered)
        kind = .date
      } else {
        rowValues.append(contentsOf: value)
        if !value.isEmpty { kind = .number }
      }
    }
    // Cells come in column order: one at or before the last is given twice (or out of order).
    if let last = cells.last?.column, column <= last { flag(.cellTwice(cell: shownReference)) }
    if column < SheetRows.maxColumns { cells.append((column, start, rowValues.count, kind)) }
  }

  /// `renderSerial`, remembered for the last serial read: an order's lines repeat its time.
  private var lastSerial: (text: [UInt8], rendered: [UInt8]?) = ([], nil)

  private func renderedSerial(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    let same = lastSerial.text.withUnsafeBufferPointer { last in
      last.count == text.count && (text.isEmpty || memcmp(last.baseAddress!, text.baseAddress!, text.count) == 0)
    }
    if same { return lastSerial.rendered }
    let rendered = Self.renderSerial(text, date1904: parts.date1904)
    lastSerial = (Array(text), rendered)
    return rendered
  }

  private func endRow() throws {
    lastRowNumber = max(lastRowNumber, rowNumber)
    defer {
      cells.removeAll(keepingCapacity: true)
      rowValues.removeAll(keepingCapacity: true)
    }
    guard !cells.isEmpty else {
      if let fault { try emit(.malformed(MalformedRecord(line: rowNumber, reason: .sheetRow(fault), rawText: ""))) }
      return
    }
    if let fault {
      try emit(
        .malformed(
          MalformedRecord(line: rowNumber, reason: .sheetRow(fault), rawText: RawRecord.text(ofRaw: faultyRowText()))))
      return
    }
    // No fault, so the cells came in ascending column order, their values one after another in
    // `rowValues`: those are the record's bytes as they are; a missing cell is an empty field.
    let widest = cells[cells.count - 1].column
    ends.removeAll(keepingCapacity: true)
    kinds.removeAll(keepingCapacity: true)
    var raw: [UInt8] = []
    raw.reserveCapacity(rowValues.count + widest)
    var next = 0
    var end = 0
    for column in 0...widest {
      if column > 0 { raw.append(0x09) }
      if cells[next].column == column {
        let cell = cells[next]
        next += 1
        raw.append(contentsOf: rowValues[cell.start..<cell.end])
        end = cell.end
        kinds.append(cell.kind)
      } else {
        kinds.append(.text)
      }
      ends.append(end)
    }
    var record = RawRecord(
      line: rowNumber, lastLine: rowNumber, bytes: rowValues, fieldEnds: ends[...], fieldBase: 0, raw: raw)
    record.kinds = kinds
    if !record.isBlank { try emit(.record(record)) }
  }

  /// A faulty row's cells as text, tab-separated by column (the last given where one is given twice).
  private func faultyRowText() -> [UInt8] {
    var widest = -1
    for cell in cells where cell.column > widest { widest = cell.column }
    var slot = [Int](repeating: -1, count: widest + 1)
    for (i, cell) in cells.enumerated() { slot[cell.column] = i }
    var raw: [UInt8] = []
    for column in 0...widest {
      if column > 0 { raw.append(0x09) }
      if slot[column] >= 0 {
        let cell = cells[slot[column]]
        raw.append(contentsOf: rowValues[cell.start..<cell.end])
      }
    }
    return raw
  }

  /// `B5` → (1, 5); `nil` unless it is column letters (A–Z) then a row number.
  static func cellReference(_ reference: UnsafeBufferPointer<UInt8>) -> (column: Int, row: Int)? {
    var n = 0
    var k = 0
    while k < reference.count, reference[k] >= UInt8(ascii: "A"), reference[k] <= UInt8(ascii: "Z") {
      n = n * 26 + Int(reference[k] - UInt8(ascii: "A") + 1)
      k += 1
      guard k <= 4 else { return nil }
    }
    guard k > 0, let row = decimalInteger(reference[k...]) else { return nil }
    return (n - 1, row)
  }

  /// An Excel serial day number as `yyyy-MM-dd` or `yyyy-MM-dd HH:mm:ss` (1900 system, with its
  /// phantom 29 Feb 1900, or the 1904 system).
  static func renderSerial(_ text: some Collection<UInt8>, date1904: Bool) -> [UInt8]? {
    guard let serial = Double(String(decoding: text, as: UTF8.self)), serial.isFinite, serial >= 0, serial < 2_958_466
    else { return nil }
    var days = Int(serial.rounded(.down))
    var seconds = Int(((serial - Double(days)) * 86_400).rounded())
    if seconds >= 86_400 {
      days += 1
      seconds -= 86_400
    }
    // Day 0 of the 1900 system is 1899-12-31; serials from 61 on are one day ahead (the phantom 29 Feb).
    guard let epoch = date1904 ? Day(year: 1904, month: 1, day: 1) : Day(year: 1899, month: 12, day: 31) else {
      return nil
    }
    let day = Day(ordinal: epoch.ordinal + days - (!date1904 && days >= 61 ? 1 : 0))
    func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    var out = day.description
    if seconds > 0 { out += " \(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))" }
    return Array(out.utf8)
  }
}
