import AOPLedger
import AOPRows
import Foundation

/// Reading typed values out of one record through a `ColumnMap`, with failures that say which column,
/// which value and what was expected.
struct RowFields {
  let record: RawRecord
  let columns: ColumnMap
  let profile: Profile
  let currency: Currency
  /// Values that stand in for empty cells: an order-level field filled down from the order's first line.
  var filled = FieldValues()
  /// The file's last text read per field, to reuse when the next row repeats it.
  var memo: TextMemo?
  /// Where each field's own bytes lie, found once per row (see `FieldSpans`).
  var spans: FieldSpans?

  struct Failure: Error {
    var column: String?
    var reason: RejectReason
  }

  func has(_ field: Field) -> Bool { columns.index[field] != nil }

  /// The field's bytes, trimmed; its fallback column's when it is empty; the value filled down for it
  /// when both are. A value the profile lists as meaning empty (`-`) is empty.
  func bytes(_ field: Field) -> ArraySlice<UInt8> {
    let own = ownRange(field)
    return own.isEmpty ? filled[field] ?? [] : record.bytes(in: own)
  }

  /// Where the field's own bytes lie: its column's, else its fallback column's (each trimmed, and empty
  /// when the profile says the value means empty). A mapping asks for a field several times; the row's
  /// `spans` keep the answer.
  private func ownRange(_ field: Field) -> Range<Int> {
    if let spans, let known = spans[field] { return known }
    var range = 0..<0
    if let i = columns.index[field] { range = cellRange(i) }
    if range.isEmpty, let j = columns.fallbackIndex[field] { range = cellRange(j) }
    spans?[field] = range
    return range
  }

  private func cellRange(_ i: Int) -> Range<Int> {
    let range = record.trimmedRange(i)
    if !profile.emptyValues.isEmpty, profile.emptyValues.contains(where: { record.bytes(in: range).elementsEqual($0) })
    {
      return range.lowerBound..<range.lowerBound
    }
    return range
  }

  func isEmpty(_ field: Field) -> Bool { bytes(field).isEmpty }

  /// Text of a field: trimmed, a leading text-forcing apostrophe dropped, control characters (other
  /// than tab and line breaks, which XML can hold; also those an .xlsx wrote as `_x0001_`) replaced by
  /// U+FFFD, so that no text read can make a workbook's XML or a formula invalid, and the oddity shows.
  /// Fails on invalid UTF-8.
  func text(_ field: Field) throws(Failure) -> String {
    var b = bytes(field)
    if b.first == UInt8(ascii: "'") { b = b.dropFirst() }
    if let known = memo?.text(field, ifSameAs: b) { return known }
    // Most ids, SKUs and names are plain ASCII without controls: one pass tells, and also whether the
    // text may hold a combining mark (U+0300–U+036F are CC 80 … CD AF in UTF-8).
    var nonASCII = false, control = false, combining = false
    for byte in b {
      if byte >= 0x80 {
        nonASCII = true
        if byte == 0xCC || byte == 0xCD { combining = true }
      } else if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F {
        control = true
      }
    }
    var s = String(decoding: b, as: UTF8.self)
    // ASCII is valid UTF-8; other bytes are valid exactly when decoding them repaired nothing (a repair
    // writes U+FFFD in place of bytes that are not U+FFFD themselves). Cheaper than the generic
    // `String(validating:)`, which looks up type metadata on every call.
    if nonASCII {
      let same = s.withUTF8 { text in
        b.withUnsafeBufferPointer { cell in
          text.count == cell.count && memcmp(text.baseAddress!, cell.baseAddress!, cell.count) == 0
        }
      }
      guard same else { throw Failure(column: columns.header(of: field), reason: .notUTF8) }
    }
    if control {
      s = String(String.UnicodeScalarView(s.unicodeScalars.map { RowFields.isForbiddenControl($0) ? "\u{FFFD}" : $0 }))
    }
    guard nonASCII else {
      if !control { memo?.remember(s, for: field) }
      return s
    }
    if Mojibake.looksGarbled(s) {
      throw Failure(
        column: columns.header(of: field),
        reason: .garbled(RejectReason.quoted(s)))
    }
    // NFC, so that a name typed on one system and exported by another is the same key. Text without a
    // combining mark (U+0300–U+036F) is NFC already: skip the costly normalisation then.
    guard combining, s.unicodeScalars.contains(where: { (0x300...0x36F).contains($0.value) }) else {
      if !control { memo?.remember(s, for: field) }
      return s
    }
    return s.precomposedStringWithCanonicalMapping
  }

  /// What a text read may not keep: the characters XML cannot hold, and DEL, which no export means.
  static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool { scalar.isForbiddenInXML || scalar.value == 0x7F }

  /// A required text field.
  func requiredText(_ field: Field) throws(Failure) -> String {
    let s = try text(field)
    guard !s.isEmpty else { throw Failure(column: columns.header(of: field), reason: .empty(.value)) }
    return s
  }

  /// What kind of cell a field's value came from (a number cell of a workbook is read as such,
  /// whatever the profile says about the file's number format).
  func kind(_ field: Field) -> CellKind {
    if let i = columns.index[field], !record.trimmedRange(i).isEmpty { return record.kind(i) }
    if let j = columns.fallbackIndex[field] { return record.kind(j) }
    return .text
  }

  func number(_ field: Field) throws(Failure) -> DecimalNumber? {
    let b = bytes(field)
    if b.isEmpty { return nil }
    if kind(field) == .number {
      switch NumberFormat.spreadsheetCell(b, roundedTo: 9) {
      case .success(let n): return n
      case .failure(.tooLarge):
        throw Failure(
          column: columns.header(of: field),
          reason: .beyondExact(RejectReason.quoted(b)))
      case .failure: break  // not a plain number after all: read it as the profile writes numbers
      }
    }
    switch profile.numbers.parse(b) {
    case .success(let n): return n
    case .failure(let f):
      let shown = RejectReason.quoted(b)
      let why: RejectReason
      switch f {
      case .badGrouping: why = .badGrouping(shown, example: profile.numbers.example)
      case .tooLarge: why = .beyondExact(shown)
      case .empty, .notANumber: why = .notANumber(shown, example: profile.numbers.example)
      }
      throw Failure(column: columns.header(of: field), reason: why)
    }
  }

  /// Money in the plan's currency, within `Money.valueLimit`; `nil` when empty.
  func money(_ field: Field) throws(Failure) -> Money? {
    guard let n = try number(field) else { return nil }
    switch n.minorUnits(digits: currency.minorDigits) {
    case .failure(.tooManyDecimals):
      throw Failure(
        column: columns.header(of: field),
        reason: .tooManyDecimals(
          RejectReason.quoted(bytes(field)), currency: currency.code, digits: currency.minorDigits))
    case .failure(.tooLarge):
      throw Failure(column: columns.header(of: field), reason: amountOverLimit(RejectReason.quoted(bytes(field))))
    case .success(let units):
      guard units.magnitude <= Money.valueLimit.magnitude else {
        throw Failure(column: columns.header(of: field), reason: amountOverLimit(RejectReason.quoted(bytes(field))))
      }
      return Money(minorUnits: units)
    }
  }

  /// An amount past the largest one a value may have, in the currency's units (`1,000,000,000,000,000 VND`).
  func amountOverLimit(_ shown: String) -> RejectReason {
    .amountOverLimit(shown, limitUnits: Money.valueLimit / currency.unitScale, currency: currency.code)
  }

  func requiredMoney(_ field: Field) throws(Failure) -> Money {
    guard let m = try money(field) else {
      throw Failure(column: columns.header(of: field), reason: .empty(.amount))
    }
    return m
  }

  /// A whole number of units, within `SaleLine.quantityLimit`; `nil` when empty.
  func integer(_ field: Field) throws(Failure) -> Int? {
    guard let n = try number(field) else { return nil }
    guard let i = n.integer else {
      throw Failure(
        column: columns.header(of: field),
        reason: .notWholeNumber(RejectReason.quoted(bytes(field))))
    }
    guard i.magnitude <= SaleLine.quantityLimit.magnitude else {
      throw Failure(
        column: columns.header(of: field),
        reason: .quantityOverLimit(RejectReason.quoted(bytes(field)), limit: SaleLine.quantityLimit))
    }
    return i
  }

  func requiredInteger(_ field: Field) throws(Failure) -> Int {
    guard let i = try integer(field) else {
      throw Failure(column: columns.header(of: field), reason: .empty(.quantity))
    }
    return i
  }

  /// A day in one of the profile's date formats; `nil` when empty.
  func day(_ field: Field) throws(Failure) -> Day? {
    var b = bytes(field)
    if b.isEmpty { return nil }
    switch kind(field) {
    case .date:
      // A date cell of a workbook, rendered by the reader: unambiguous whatever the profile's formats.
      if let d = DateFormat.isoDay.parse(b.prefix(10)) { return d }
    case .number:
      // A number in a date column of a workbook: an Excel serial day.
      if let rendered = RowSource.day(fromSerial: Array(b)) { b = rendered[...].prefix(10) }
      if let d = DateFormat.isoDay.parse(b) { return d }
    case .text: break
    }
    for format in profile.dates {
      if let d = format.parse(b) { return d }
    }
    throw Failure(
      column: columns.header(of: field),
      reason: .notADate(RejectReason.quoted(b), patterns: profile.dates.map(\.pattern)))
  }

  func requiredDay(_ field: Field) throws(Failure) -> Day {
    guard let d = try day(field) else {
      throw Failure(column: columns.header(of: field), reason: .empty(.date))
    }
    return d
  }

  /// True when the row has a value in a column that marks it as skipped by rule.
  var hasSkipMarker: Bool { columns.skipIfPresent.contains { !record.trimmedRange($0).isEmpty } }

  /// A status matches a listed status when it starts with it (Shopee's status sentences carry dates).
  static func status(_ status: String, matchesAnyOf list: [String]) -> Bool {
    guard !status.isEmpty, !list.isEmpty else { return false }
    let normalized = HeaderName.normalize(status)
    return list.contains { normalized.hasPrefix($0) }
  }
}

/// The last text read per field in one file, kept only where it is the very bytes of its cell (no control
/// character replaced, no normalisation), so a repeated cell — an order's id and status on each of its
/// lines, a channel — is compared, not validated and copied again.
final class TextMemo {
  private var last = [String?](repeating: nil, count: Field.allCases.count)

  func text(_ field: Field, ifSameAs bytes: ArraySlice<UInt8>) -> String? {
    guard var known = last[field.ordinal], known.utf8.count == bytes.count else { return nil }
    let same =
      known.withUTF8 { text in
        bytes.withUnsafeBufferPointer { cell in
          text.count == 0 || memcmp(text.baseAddress!, cell.baseAddress!, text.count) == 0
        }
      }
    return same ? known : nil
  }

  func remember(_ text: String, for field: Field) { last[field.ordinal] = text }
}

/// Where each field's own bytes lie in the row being mapped (`RowFields.bytes`): found once per row,
/// not once per time the mapping asks. Rows are told apart by a number, so moving to the next row
/// forgets them all at once.
final class FieldSpans {
  private var spans = [(row: Int, start: Int, end: Int)](repeating: (-1, 0, 0), count: Field.allCases.count)
  private var row = 0

  /// These spans for a new row: the row before's are forgotten.
  func forNewRow() -> FieldSpans {
    row += 1
    return self
  }

  subscript(field: Field) -> Range<Int>? {
    get {
      let span = spans[field.ordinal]
      return span.row == row ? span.start..<span.end : nil
    }
    set {
      guard let newValue else { return }
      spans[field.ordinal] = (row, newValue.lowerBound, newValue.upperBound)
    }
  }
}

/// `b` without what trimming leaves out at either end (`RawRecord.isSpace`, as `RawRecord.trimmedRange`).
func trimmed(_ b: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
  var s = b.startIndex, e = b.endIndex
  while s < e, RawRecord.isSpace(b[s]) { s += 1 }
  while e > s, RawRecord.isSpace(b[e - 1]) { e -= 1 }
  return b[s..<e]
}
