import AOPKPIs
import AOPLedger
import AOPPlan

/// The rows behind the totals: sale and return lines, spend lines.
extension ReviewLayout {
  /// The rows behind the totals: one per sale or return line, or (past the sheet's limit) one per
  /// month × channel × product group. Either way in the same columns, which `DataSums` reads.
  func data(_ r: ReviewReport) -> Sheet {
    let l = labels
    var s = Sheet(name: l.dataSheet)
    s.columnWidths = [10, 12, 10, 8, 18, 20, 36, 22, 8, 16, 16, 16, 48, 8, 8]
    let title = "\(l.dataSheet) — \(l.monthsThrough(r.month))"
    s.append([
      Cell(
        .text(
          r.data.aggregatedLineCount.map { "\(title): \(l.dataAggregated(lines: $0, limit: DataSheet.limit))" } ?? title
        ), .title)
    ])
    let columns = [
      l.month, l.date, l.channel, l.lineKind, l.order, l.sku, l.productName, l.productGroup, l.units, l.revenue,
      l.coveredRevenue, l.cogs,
      l.file, l.line, l.orders,
    ]
    startDataTable(on: &s, columns: columns, rows: r.data.rowCount)
    // An order counts once in its month and channel, on its first sale line there (returns are not
    // orders): the order count is the sum of this column, as the review counts it.
    var counted = Set<String>()
    for d in r.data.lines {
      let x = d.line
      let isFirst = !x.isReturn && counted.insert("\(d.month) \(x.channel) \(x.orderID)").inserted
      s.append([
        Cell(.month(d.month)), Cell(.day(x.day)), Cell(.text(channelName(x.channel, r))),
        Cell(.text(x.isReturn ? l.kindReturn : l.kindSale)),
        // An order listed as items has no SKU: its cell (the products' names) goes under the product.
        Cell(.text(x.orderID)), Cell(.text(x.items == nil ? x.sku : "")),
        Cell(.text(x.items == nil ? x.productName : x.sku)),
        Cell(.text(l.groupName(d.productGroup))), Cell(.integer(x.quantity)),
        Cell(.money(x.netRevenue)), Cell(d.cogs == nil ? .empty : .money(x.netRevenue)),
        Cell(d.cogs.map(CellValue.money) ?? .empty),
        Cell(.text(x.source.file)), Cell(.integer(x.source.line)), Cell(.integer(isFirst ? 1 : 0)),
      ])
    }
    for (key, f) in r.data.aggregate {
      s.append([
        Cell(.month(key.month)), Cell(.empty), Cell(.text(channelName(key.channel, r))), Cell(.text(l.kindSummed)),
        Cell(.empty),
        Cell(.empty), Cell(.empty),
        Cell(.text(l.groupName(key.productGroup))), Cell(.integer(f.units)), Cell(.money(f.revenue)),
        Cell(.money(f.coveredRevenue)), Cell(.money(f.cogs)),
        Cell(.text(l.seeLedgerCSV)), Cell(.empty), Cell(.integer(f.orders)),
      ])
    }
    s.table = Table(name: "Ledger", headerRow: 2, lastRow: s.rows.count - 1, columns: columns)
    return s
  }

  /// Under a data sheet's title: the line saying what prints, then the table's header, frozen. The
  /// sheet prints those two lines only; its rows stay one line each (no wrapping: thousands of them).
  func startDataTable(on s: inout Sheet, columns: [String], rows: Int) {
    s.append([Cell(.text(labels.dataPrintNote(lines: rows)), .note)])
    s.append(header(columns))
    s.frozenRows = s.rows.count
    s.print.rows = 0...1
    s.wrapsLongText = false
  }

  /// A channel as the config names it (the name the data sheets show and the sums match); the id
  /// itself when no channel has it.
  func channelName(_ id: String, _ r: ReviewReport) -> String { r.channels.first { $0.id == id }?.name ?? id }

  /// A budget line as the budget sheet names it.
  func budgetLineName(_ id: String, _ r: ReviewReport) -> String {
    id == BudgetLine.unbudgetedID ? labels.unbudgeted : r.budget.first { $0.id == id }?.name ?? id
  }

  /// Every spend line's part in each month of the year to date (or, past the sheet's limit, sums by
  /// month × channel × category), in the columns `DataSums<SpendColumn>` reads.
  func spendData(_ r: ReviewReport) -> Sheet {
    let l = labels
    var s = Sheet(name: l.spendSheet)
    s.columnWidths = [10, 10, 12, 30, 30, 36, 12, 12, 16, 48, 8]
    let title = "\(l.spendSheet) — \(l.monthsThrough(r.month))"
    s.append([
      Cell(
        .text(
          r.data.aggregatedSpendCount.map { "\(title): \(l.spendAggregated(lines: $0, limit: DataSheet.limit))" }
            ?? title), .title)
    ])
    let columns = [
      l.month, l.channel, l.lineKind, l.category, l.budgetLine, l.label, l.from, l.to, l.amountInMonth, l.file, l.line,
    ]
    startDataTable(on: &s, columns: columns, rows: r.data.spend.count)
    for part in r.data.spend {
      let line = part.line
      let kind = part.isPurchase ? l.kindPurchase : part.isMarketing ? l.kindMarketing : l.kindExpense
      // A purchase: the goods bought (SKU and name) on the day its cost line gives.
      let label =
        line?.label ?? part.purchase.map {
          [$0.sku, $0.productName ?? ""].filter { !$0.isEmpty }.joined(separator: " — ")
        }
        ?? l.seeLedgerCSV
      let first = line?.firstDay ?? part.purchase?.effectiveFrom, last = line?.lastDay ?? part.purchase?.effectiveFrom
      let source = line?.source ?? part.purchase?.source
      s.append([
        Cell(.month(part.month)), Cell(.text(channelName(part.channel, r))), Cell(.text(kind)),
        Cell(.text(part.category)), Cell(.text(part.budgetLine.isEmpty ? "" : budgetLineName(part.budgetLine, r))),
        Cell(.text(label)), Cell(first.map { .day($0) } ?? .empty), Cell(last.map { .day($0) } ?? .empty),
        Cell(.money(part.amount)), Cell(.text(source?.file ?? "")), Cell(source.map { .integer($0.line) } ?? .empty),
      ])
    }
    s.table = Table(name: "Spend", headerRow: 2, lastRow: s.rows.count - 1, columns: columns)
    return s
  }
}
