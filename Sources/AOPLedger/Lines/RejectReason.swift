/// Why a row was rejected: a value, so that each language says it in its own words (the English here;
/// the workbook's `Labels` has the Vietnamese). Values quoted from the file are kept as written, cut to
/// `quotedLimit` characters so that a hostile cell cannot make a reason unbounded.
public enum RejectReason: Hashable, Sendable, Codable, CustomStringConvertible {
  // The record as read: CSV syntax, a sheet row's structure, the shape against the header.
  case quoteNeverClosed
  case strayQuote
  case lineTooLong(limit: Int)
  case tooManyFields(count: Int, limit: Int)
  case fieldTooLong(field: Int, bytes: Int, limit: Int)
  case ragged(fields: Int, headerFields: Int)
  case sheetRow(SheetRowFault)
  // One value of the row.
  case notUTF8
  case garbled(String)
  case empty(Required)
  case notANumber(String, example: String)
  case badGrouping(String, example: String)
  case beyondExact(String)
  case tooManyDecimals(String, currency: String, digits: Int)
  case amountOverLimit(String, limitUnits: Int64, currency: String)
  case notWholeNumber(String)
  case quantityOverLimit(String, limit: Int)
  case notADate(String, patterns: [String])
  case negativeUnitCost
  case endsBeforeStart(start: Day, end: Day)
  case noSKUNorName
  case lineAmountOverLimit(quantity: Int, unitPrice: String, limitUnits: Int64, currency: String)
  case moreReturnedThanSold(returned: Int, sold: Int)
  case unknownChannel(String, known: [String])
  case implausible(RowFlag.Kind, example: String)
  /// With this row the run's amounts (or units × unit costs) would pass what can be added up exactly.
  case runTotalsOverLimit

  /// What an empty required cell should have held.
  public enum Required: String, Hashable, Sendable, Codable { case value, amount, quantity, date }

  /// A sheet row that cannot be read right (the XML of an .xlsx, not its values).
  public enum SheetRowFault: Hashable, Sendable, Codable {
    case cellTooLong(cell: String, limit: Int)
    case notARowNumber(String)
    case rowBeyondLast(row: Int, last: Int)
    case rowOutOfOrder(row: Int, after: Int)
    case cellOutsideRow(cell: String, row: Int)
    case notACellReference(String)
    case columnBeyondLast(cell: String)
    case missingSharedString(cell: String, index: String, count: Int)
    case cellTwice(cell: String)
  }

  /// The most characters of a value quoted in a reason.
  public static let quotedLimit = 200

  /// A value as a reason quotes it: cut to `quotedLimit` characters.
  public static func quoted(_ text: String) -> String {
    text.count > quotedLimit ? String(text.prefix(quotedLimit)) + "…" : text
  }
  public static func quoted(_ bytes: some Collection<UInt8>) -> String {
    quoted(String(decoding: bytes, as: UTF8.self))
  }

  public var description: String {
    switch self {
    case .quoteNeverClosed: return "cannot be parsed as CSV: a quoted field that is never closed"
    case .strayQuote: return "cannot be parsed as CSV: a quote in the middle of a field, or text after a closing quote"
    case .lineTooLong(let limit): return "cannot be parsed as CSV: a line longer than \(limit) bytes (not kept)"
    case .tooManyFields(let count, let limit):
      return "cannot be parsed as CSV: \(count) fields, more than the limit of \(limit)"
    case .fieldTooLong(let field, let bytes, let limit):
      return "cannot be parsed as CSV: field \(field) has \(bytes) bytes, more than the limit of \(limit)"
    case .ragged(let fields, let width):
      return "has \(fields) fields where the header has \(width) (a ragged row: a missing or extra delimiter?)"
    case .sheetRow(let fault): return fault.description
    case .notUTF8:
      return
        "is not UTF-8 text (was the file saved in another encoding, such as Windows-1258? Save it as \"CSV UTF-8\")"
    case .garbled(let value):
      return
        "`\(value)` looks garbled (UTF-8 text converted with the wrong encoding somewhere on its way); export the file again"
    case .empty(let what):
      return what == .value
        ? "is empty; a value is required" : "is empty; \(what == .amount ? "an" : "a") \(what) is required"
    case .notANumber(let value, let example): return "`\(value)` is not a number like \(example)"
    case .badGrouping(let value, let example):
      return "`\(value)` does not group its digits as \(example) (a number in another locale?)"
    case .beyondExact(let value): return "amount too large: `\(value)` is beyond what can be held exactly"
    case .tooManyDecimals(let value, let currency, let digits):
      return "`\(value)` has more decimals than \(currency) allows (\(digits))"
    case .amountOverLimit(let value, let limit, let currency):
      return "amount too large: `\(value)` is more than \(Self.limitText(limit, currency))"
    case .notWholeNumber(let value): return "`\(value)` is not a whole number"
    case .quantityOverLimit(let value, let limit): return "quantity too large: `\(value)` is more than \(limit) units"
    case .notADate(let value, let patterns):
      return "`\(value)` is not a date in the form \(patterns.map { "`\($0)`" }.joined(separator: " or "))"
    case .negativeUnitCost: return "is negative; a unit cost cannot be"
    case .endsBeforeStart(let start, let end): return "ends (\(end)) before it starts (\(start))"
    case .noSKUNorName: return "is empty, and so is the product name"
    case .lineAmountOverLimit(let quantity, let price, let limit, let currency):
      return "amount too large: \(quantity) × \(price) is more than \(Self.limitText(limit, currency))"
    case .moreReturnedThanSold(let returned, let sold): return "\(returned) returned out of \(sold) sold"
    case .unknownChannel(let value, let known):
      return
        "`\(value)` is not a channel of the config, nor a value the profile maps (known: \(known.map { "`\($0)`" }.joined(separator: ", ")))"
    case .implausible(let kind, let example):
      return "implausible: \(kind.description) (\(example)); the profile rejects such rows"
    case .runTotalsOverLimit:
      return
        "amount too large: with this line the run's amounts (or its units × unit costs) would add up to more than 10^18 minor units, beyond what can be added up exactly"
    }
  }

  private static func limitText(_ units: Int64, _ currency: String) -> String {
    "\(Digits.grouped(units)) \(currency), the most one amount may be"
  }
}

extension RejectReason.SheetRowFault: CustomStringConvertible {
  public var description: String {
    switch self {
    case .cellTooLong(let cell, let limit): return "cell \(cell) holds more than \(limit) bytes"
    case .notARowNumber(let text): return "the row number `\(text)` is not a row number"
    case .rowBeyondLast(let row, let last): return "row \(row) is beyond the sheet's last row (\(last))"
    case .rowOutOfOrder(let row, let after): return "row \(row) comes again, or out of order, after row \(after)"
    case .cellOutsideRow(let cell, let row): return "cell \(cell) is inside row \(row)"
    case .notACellReference(let text): return "`\(text)` is not a cell reference"
    case .columnBeyondLast(let cell): return "cell \(cell) is beyond the sheet's last column (XFD)"
    case .missingSharedString(let cell, let index, let count):
      return "cell \(cell) refers to shared string `\(index)`, which the workbook does not have (it has \(count))"
    case .cellTwice(let cell): return "cell \(cell) is given twice, or out of order"
    }
  }
}
