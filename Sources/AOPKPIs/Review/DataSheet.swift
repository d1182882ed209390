import AOPLedger

/// The detail behind the review's figures, for the workbook's data sheet (the rows every total is
/// traced to): every sale and return line of the year to date, with its cost of goods and source; or,
/// when the year has more lines than the sheet takes, the same figures summed by month × channel ×
/// product group (the `--ledger` CSV then holds every line).
public struct DataSheet: Sendable {
  public struct Line: Hashable, Sendable {
    public var month: Month
    public var line: SaleLine
    public var productGroup: String
    /// `nil` when no cost is known for the line's SKU on its day.
    public var cogs: Money?
  }

  /// Lines of the year to date, in the order read (empty when the detail is aggregated).
  public var lines: [Line]
  /// The year to date by month, channel and product group, when there were too many lines.
  public var aggregate: [(key: Rollup.Key, figures: Rollup.Figures)]
  /// How many lines the ledger had when the detail was aggregated (more than `limit`); else `nil`.
  public var aggregatedLineCount: Int?

  public var isAggregated: Bool { aggregatedLineCount != nil }
  public var isEmpty: Bool { lines.isEmpty && aggregate.isEmpty }
  /// The rows the sheet shows.
  public var rowCount: Int { isAggregated ? aggregate.count : lines.count }

  public init(lines: [Line]) {
    self.lines = lines
    aggregate = []
    aggregatedLineCount = nil
  }

  public init(aggregate: [(key: Rollup.Key, figures: Rollup.Figures)], lineCount: Int) {
    lines = []
    self.aggregate = aggregate
    aggregatedLineCount = lineCount
  }

  /// The year-to-date detail of `ledger` (which must have kept its lines, up to `limit`): its lines, or
  /// `rollup`'s sales cells when the ledger had more lines than it kept.
  public static func of(_ ledger: Ledger, rollup: Rollup, through month: Month) -> DataSheet {
    let months = Set(month.yearToDate)
    guard !ledger.linesTruncated else {
      // Cells with sales (marketing and order counts sit in cells of their own, without units or revenue).
      let cells = rollup.cells.filter { months.contains($0.key.month) && ($0.value.revenue != .zero || $0.value.units != 0) }
      return DataSheet(aggregate: cells.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, lineCount: ledger.lineCount)
    }
    let lines = ledger.keptLines.filter { months.contains($0.day.monthOf) }.map {
      Line(month: $0.day.monthOf, line: $0, productGroup: ledger.productGroup(of: $0.sku), cogs: ledger.cogs(of: $0))
    }
    return DataSheet(lines: lines)
  }

  /// The most line rows the sheet takes (Excel's limit is 1,048,576; a few hundred thousand keep the
  /// workbook quick to open).
  public static let limit = 300_000
}
