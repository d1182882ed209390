import AOPLedger

/// The line-level detail behind the review's figures: every sale and return line of the year to date,
/// with its cost of goods and source, for the workbook's data sheet (the rows every total can be
/// traced to). Beyond `limit` lines it is cut, and says so; the full ledger goes to `--ledger` CSV.
public struct DataSheet: Sendable {
  public struct Line: Hashable, Sendable {
    public var month: Month
    public var line: SaleLine
    public var productGroup: String
    /// `nil` when no cost is known for the line's SKU on its day.
    public var cogs: Money?
  }

  /// Lines of the year to date, in the order read.
  public var lines: [Line]
  /// True when the ledger had more lines than the sheet holds.
  public var truncated: Bool

  public init(lines: [Line], truncated: Bool) {
    self.lines = lines
    self.truncated = truncated
  }

  /// The year-to-date lines of `ledger` (which must have kept its lines).
  public static func of(_ ledger: Ledger, through month: Month) -> DataSheet {
    let months = Set(month.yearToDate)
    let lines = ledger.keptLines.filter { months.contains($0.day.monthOf) }.map {
      Line(month: $0.day.monthOf, line: $0, productGroup: ledger.productGroup(of: $0.sku), cogs: ledger.cogs(of: $0))
    }
    return DataSheet(lines: lines, truncated: ledger.linesTruncated)
  }

  /// The most rows the sheet takes (Excel's limit is 1,048,576; a few hundred thousand keep the
  /// workbook quick to open).
  public static let limit = 300_000
}
