import AOPLedger
import AOPPlan

/// The detail behind the review's figures, for the workbook's data sheets (the rows every total is
/// traced to): every sale and return line of the year to date with its cost of goods and source, and
/// every spend line's part in each month. When the year has more lines than a sheet takes, that detail
/// is summed instead (sales by month × channel × product group, spend by month × channel × category) and
/// the `--ledger` CSV holds every line.
public struct DataSheet: Sendable {
  public struct Line: Hashable, Sendable {
    public var month: Month
    public var line: SaleLine
    public var productGroup: String
    /// `nil` when no cost is known for the line's SKU on its day.
    public var cogs: Money?
  }

  /// One spend line's part in one month (a line over several months has a part in each).
  public struct SpendPart: Hashable, Sendable {
    public var month: Month
    public var amount: Money
    public var channel: String
    public var isMarketing: Bool
    public var category: String
    /// The id of the budget line it counts toward (`BudgetLine.lineID`).
    public var budgetLine: String
    /// The line it is part of; `nil` for a sum of lines.
    public var line: SpendLine?
    /// A purchase of goods (toward the purchasing budget, not an expense), and the cost line stating it
    /// (`nil` for a month's sum).
    public var isPurchase = false
    public var purchase: CostEntry?
  }

  /// Lines of the year to date, in the order read (empty when the detail is aggregated).
  public var lines: [Line]
  /// The year to date by month, channel and product group, when there were too many lines.
  public var aggregate: [(key: Rollup.Key, figures: Rollup.Figures)]
  /// How many sale lines the ledger had when the detail was aggregated (more than `limit`); else `nil`.
  public var aggregatedLineCount: Int?
  /// Spend of the year to date: each line's part in each month, or (past the limit) sums.
  public var spend: [SpendPart]
  /// How many spend lines the ledger had when they were summed; else `nil`.
  public var aggregatedSpendCount: Int?

  public var isAggregated: Bool { aggregatedLineCount != nil }
  public var isEmpty: Bool { lines.isEmpty && aggregate.isEmpty }
  /// The rows the sales sheet shows.
  public var rowCount: Int { isAggregated ? aggregate.count : lines.count }

  public init(lines: [Line], spend: [SpendPart] = []) {
    self.lines = lines
    aggregate = []
    aggregatedLineCount = nil
    self.spend = spend
    aggregatedSpendCount = nil
  }

  public init(
    aggregate: [(key: Rollup.Key, figures: Rollup.Figures)], lineCount: Int, spend: [SpendPart] = [],
    spendCount: Int? = nil
  ) {
    lines = []
    self.aggregate = aggregate
    aggregatedLineCount = lineCount
    self.spend = spend
    aggregatedSpendCount = spendCount
  }

  /// The year-to-date detail of `ledger` (which must have kept its lines, up to `limit`): its lines, or
  /// `rollup`'s cells when the ledger had more lines than it kept. Spend is marked with the budget line
  /// of `plan` it counts toward.
  public static func of(_ ledger: Ledger, rollup: Rollup, plan: Plan, through month: Month) -> DataSheet {
    let months = Set(month.yearToDate)
    var data: DataSheet
    if ledger.linesTruncated {
      // Cells with sales, and the order counts (which sit in cells of their own, without units or
      // revenue); marketing is on the spend sheet.
      let cells = rollup.cells.filter {
        months.contains($0.key.month) && ($0.value.revenue != .zero || $0.value.units != 0 || $0.value.orders != 0)
      }
      data = DataSheet(
        aggregate: cells.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, lineCount: ledger.lineCount)
    } else {
      data = DataSheet(
        lines: ledger.keptLines.filter { months.contains($0.day.monthOf) }.map {
          Line(month: $0.day.monthOf, line: $0, productGroup: ledger.productGroup(of: $0), cogs: ledger.cogs(of: $0))
        })
    }
    if ledger.spendTruncated || ledger.purchasesTruncated {
      let marketing = rollup.cells.filter { months.contains($0.key.month) && $0.value.marketing != .zero }.sorted {
        $0.key < $1.key
      }.map {
        SpendPart(
          month: $0.key.month, amount: $0.value.marketing, channel: $0.key.channel, isMarketing: true, category: "",
          budgetLine: BudgetLine.lineID(of: .marketing(channel: $0.key.channel), in: $0.key.month, plan: plan),
          line: nil)
      }
      let expenses = month.yearToDate.flatMap { m in
        (rollup.expenses[m] ?? [:]).sorted { $0.key < $1.key }.map {
          SpendPart(
            month: m, amount: $0.value, channel: "", isMarketing: false, category: $0.key,
            budgetLine: BudgetLine.lineID(of: .expense(category: $0.key), in: m, plan: plan), line: nil)
        }
      }
      let purchases = month.yearToDate.compactMap { m -> SpendPart? in
        guard let amount = rollup.purchases[m], amount != .zero else { return nil }
        return SpendPart(
          month: m, amount: amount, channel: "", isMarketing: false, category: "",
          budgetLine: BudgetLine.lineID(of: .purchase, in: m, plan: plan), line: nil, isPurchase: true)
      }
      data.spend = marketing + expenses + purchases
      data.aggregatedSpendCount = ledger.spendCount
    } else {
      data.spend = ledger.keptSpend.flatMap { line in
        line.spreadByMonth().filter { months.contains($0.0) }.map { m, amount in
          let spend: BudgetLine.Spend =
            line.isMarketing ? .marketing(channel: line.channel) : .expense(category: line.category ?? "")
          return SpendPart(
            month: m, amount: amount, channel: line.channel, isMarketing: line.isMarketing,
            category: line.category ?? "",
            budgetLine: BudgetLine.lineID(of: spend, in: m, plan: plan), line: line)
        }
      }
      data.spend += ledger.keptPurchases.compactMap { entry in
        guard let amount = entry.purchaseAmount, let m = entry.effectiveFrom?.monthOf, months.contains(m) else {
          return nil
        }
        return SpendPart(
          month: m, amount: amount, channel: "", isMarketing: false, category: "",
          budgetLine: BudgetLine.lineID(of: .purchase, in: m, plan: plan), line: nil, isPurchase: true,
          purchase: entry)
      }
    }
    return data
  }

  /// The most line rows the sheet takes (Excel's limit is 1,048,576; a few hundred thousand keep the
  /// workbook quick to open).
  public static let limit = 300_000
}
