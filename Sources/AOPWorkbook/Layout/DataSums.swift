import AOPKPIs
import AOPLedger

/// The sales data sheet's columns that sums read or match on.
enum SalesColumn: String {
  case month = "A", channel = "C", group = "H", units = "I", revenue = "J", coveredRevenue = "K", cogs = "L"
  case orders = "O"
}

/// The spend data sheet's columns that sums read or match on.
enum SpendColumn: String {
  case month = "A", channel = "B", kind = "C", budgetLine = "E", amount = "I"
}

/// A condition on a column: a text it must equal, or an expression (a cell, `DATE(…)`) it must equal.
enum DataMatch {
  case text(String)
  case expression(String)

  /// The first day of `month`, as the month columns hold it.
  static func firstDay(of month: Month) -> DataMatch { .expression("DATE(\(month.year),\(month.month),1)") }
}

/// `SUMIFS` over a data sheet's columns: how the detail sheets' figures lead to the rows behind them.
/// The data sheets' layout is known here and in their `ReviewLayout` functions only; the other sheets
/// ask for sums by month, channel, product group or kind.
struct DataSums<Column: RawRepresentable & Hashable> where Column.RawValue == String {
  let sheet: String
  let usable: Bool
  /// Per column, texts that more than one name turns into when case is ignored, as SUMIFS ignores it.
  private let ambiguous: [Column: Set<String>]

  /// - Parameters: `rows`: the data rows under the sheet's title and header rows; `names`: per column,
  ///   every text a sum may match on, one per thing named (channel ids, product groups), to find the
  ///   names that stand for more than one thing once case is ignored.
  init(sheet name: String, rows: Int, names: [Column: [String]]) {
    sheet = "'\(name)'"
    usable = rows > 0
    ambiguous = names.mapValues { list in
      var seen: [String: Int] = [:]
      for name in list { seen[name.lowercased(), default: 0] += 1 }
      return Set(seen.filter { $0.value > 1 }.keys)
    }
  }

  /// `SUMIFS(column, …)` where every match holds (`SUM` without matches); `nil` when the sheet has no
  /// rows, or when a text could not be matched exactly (SUMIFS reads `*`, `?`, `~` as wildcards, a
  /// leading `<`, `>` or `=` as a comparison, ignores case, and takes at most 255 characters): the figure
  /// is then written as a number.
  func sum(_ column: Column, where matches: [(Column, DataMatch)]) -> String? {
    guard usable else { return nil }
    guard !matches.isEmpty else { return "SUM(\(range(column)))" }
    var formula = "SUMIFS(\(range(column))"
    for (c, match) in matches {
      switch match {
      case .expression(let e): formula += ",\(range(c)),\(e)"
      case .text(let t):
        guard Self.matchesExactly(t), ambiguous[c]?.contains(t.lowercased()) != true else { return nil }
        formula += ",\(range(c)),\"\(t.replacingOccurrences(of: "\"", with: "\"\""))\""
      }
    }
    return formula + ")"
  }

  /// True when SUMIFS matches `text` as it is: not empty; no wildcard (`*`, `?`, `~`) and no leading
  /// comparison (`<`, `>`, `=`); no control character or line break (which no formula should carry);
  /// and within the 255 characters Excel allows a criterion. Otherwise the sum is written as a number.
  static func matchesExactly(_ text: String) -> Bool {
    !text.isEmpty && text.utf16.count <= 255 && !text.contains { "*?~".contains($0) }
      && !(text.first.map { "<>=".contains($0) } ?? false)
      && !text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
  }

  /// A whole column of the data sheet: the title and header above the rows are text, which no sum
  /// counts, and rows the accountant adds to the table are summed too.
  func range(_ column: Column) -> String { "\(sheet)!$\(column.rawValue):$\(column.rawValue)" }
}

extension DataSums where Column == SalesColumn {
  /// Sums over the sales data sheet of `report`.
  init(sales report: ReviewReport, labels: Labels) {
    self.init(
      sheet: labels.dataSheet, rows: report.data.rowCount,
      names: [.channel: report.channels.map(\.name), .group: report.groupLines.map { labels.groupName($0.group) }])
  }
}

extension DataSums where Column == SpendColumn {
  /// Sums over the spend data sheet of `report`.
  init(spend report: ReviewReport, labels: Labels) {
    self.init(
      sheet: labels.spendSheet, rows: report.data.spend.count,
      names: [
        .channel: report.channels.map(\.name), .kind: [labels.kindMarketing, labels.kindExpense, labels.kindPurchase],
        .budgetLine: report.budget.map { $0.id == BudgetLine.unbudgetedID ? labels.unbudgeted : $0.name },
      ])
  }
}
