import AOPKPIs
import AOPLedger
import AOPPlan

/// Marketing spend against its budget and against revenue, by month and channel.
extension ReviewLayout {
  func marketing(_ r: ReviewReport, plan: Sheet) -> Sheet {
    let l = labels
    var s = Sheet(name: l.marketingSheet)
    s.columnWidths = [20, 15, 15, 15, 16, 14, 15, 15, 14]
    s.append([Cell(.text("\(l.marketingSheet) — \(l.monthName(r.month))"), .title)])
    s.blank()
    s.append(header([l.month, l.marketing, l.budget, l.remaining, l.revenue, l.marketingToRevenue, l.ceiling]))
    s.frozenRows = s.rows.count
    let firstMonth = s.rows.count
    let sales = DataSums(sales: r, labels: l), spending = DataSums(spend: r, labels: l)
    /// A month's (or, given `total`, the sum of the month rows') spend, budget and revenue; spend and
    /// revenue as sums over the data sheets' rows.
    func row(
      _ label: CellValue, spend: Money, budget: Money, revenue: Money, role: CellRole = .body,
      total: (first: Int, last: Int)? = nil, budgetCells: [String] = []
    ) {
      let n = s.rows.count
      let sp = cellReference(row: n, column: 1), b = cellReference(row: n, column: 2),
        rv = cellReference(row: n, column: 4)
      func live(_ value: Money, column: Int, _ formula: String?) -> Cell {
        guard let total else { return Cell(.live(formula, .money(value)), role) }
        let range =
          "\(cellReference(row: total.first, column: column)):\(cellReference(row: total.last, column: column))"
        return Cell(.formula("SUM(\(range))", cached: .money(value)), role)
      }
      let month = DataMatch.expression("$" + cellReference(row: n, column: 0))
      s.append([
        Cell(label, role),
        live(spend, column: 1, spending.sum(.amount, where: [(.month, month), (.kind, .text(l.kindMarketing))])),
        total == nil ? Cell(sum(plan, budgetCells, .money(budget)), role) : live(budget, column: 2, nil),
        Cell(.formula("\(b)-\(sp)", cached: .money(budget - spend)), role),
        live(revenue, column: 4, sales.sum(.revenue, where: [(.month, month)])),
        Cell(
          .formula("IF(\(rv)=0,\"\",\(sp)/\(rv))", cached: .ratio(Ratio(spend, over: revenue))), role,
          decimals: decimals(Ratio(spend, over: revenue), [r.plan.goals.marketingToRevenueCeiling].compactMap { $0 })),
      ])
    }
    for line in r.monthLines {
      // The month's budget: the plan's cells of the marketing lines in force that month.
      let lines = r.plan.budget(in: line.month).filter { $0.kind == .marketing }
      row(
        .month(line.month), spend: line.figures.marketing, budget: line.marketingBudget, revenue: line.figures.revenue,
        budgetCells: lines.map { PlanAnchor.budget(line.month, $0.id) })
      if let ceiling = r.plan.goals.marketingToRevenueCeiling {
        s.rows[s.rows.count - 1].append(
          Cell(figure(plan, PlanAnchor.goal(.marketingToRevenue), .ratio(ceiling.ratio))))
      }
    }
    let lastMonth = s.rows.count - 1
    // What the summary reads: the month's and the year to date's figures.
    for (period, row) in [("month", lastMonth), ("ytd", lastMonth + 1)] {
      for (name, column) in [("marketing", 1), ("budget", 2), ("marketing to revenue", 5)] {
        s.publish("\(name) \(period)", row: row, column: column)
      }
    }
    s.charts.append(
      ratioChart(
        l.marketingToRevenue, months: (firstMonth, lastMonth), value: 5,
        bound: r.plan.goals.marketingToRevenueCeiling.map { _ in (l.ceiling, 6) }))
    let y = r.yearToDate
    row(
      .text(l.yearToDate), spend: y.figures.marketing, budget: y.marketing.plan ?? .zero, revenue: y.figures.revenue,
      role: .total,
      total: (firstMonth, lastMonth))
    s.overspendWatch.append(CellBlock(firstRow: firstMonth, lastRow: s.rows.count - 1, firstColumn: 3, lastColumn: 3))
    // The chart right under the months it draws, on the first page (at the end it may straddle a page).
    s.placeChartsBelow()
    s.blank()
    s.append([Cell(.text(l.byChannel), .subtitle)])
    let ytdLabel = l.yearToDate.lowercased()
    s.append(
      header([
        l.channel, "\(l.marketing) \(l.shortMonth(r.month))", l.budget, l.remaining,
        "\(l.marketingToRevenue) \(l.shortMonth(r.month))",
        "\(l.marketing) \(ytdLabel)", "\(l.budget) \(ytdLabel)", l.remaining, "\(l.marketingToRevenue) \(ytdLabel)",
      ]))
    let firstChannel = s.rows.count
    var shared = false
    for c in r.channelLines {
      let n = s.rows.count
      // A channel's own marketing budget, when the plan gives it one in force this month.
      let own = r.budget.first { $0.kind == .marketing && $0.channel == c.channel.id && $0.month.plan != nil }
      shared = shared || own == nil
      let january = Month(year: r.month.year, month: 1) ?? r.month
      func spendCells(_ spend: Money, _ budget: Money?, _ ratio: Ratio?, column: Int, month: Month?) -> [Cell] {
        let sp = cellReference(row: n, column: column), b = cellReference(row: n, column: column + 1)
        let matches: [(SpendColumn, DataMatch)] =
          [(.channel, .text(c.channel.name)), (.kind, .text(l.kindMarketing))]
          + (month.map { [(.month, .firstDay(of: $0))] } ?? [])
        let spent = Cell(.live(spending.sum(.amount, where: matches), .money(spend)))
        guard let budget, let own else { return [spent, Cell(.empty), Cell(.empty), Cell(.ratio(ratio))] }
        // The budget from the plan sheet: the month's cell, or the months of the year so far.
        let planned =
          month != nil
          ? figure(plan, PlanAnchor.budget(r.month, own.id), .money(budget))
          : sum(
            plan, from: PlanAnchor.budget(january, own.id), to: PlanAnchor.budget(r.month, own.id), .money(budget))
        return [
          spent, Cell(planned), Cell(.formula("\(b)-\(sp)", cached: .money(budget - spend))),
          Cell(.ratio(ratio)),
        ]
      }
      s.append(
        [Cell(.text(c.channel.name))]
          + spendCells(
            c.monthFigures.marketing, own?.month.plan, c.monthFigures.marketingToRevenue, column: 1, month: r.month)
          + spendCells(
            c.yearToDateFigures.marketing, own?.yearToDate.plan, c.yearToDateFigures.marketingToRevenue, column: 5,
            month: nil))
    }
    if s.rows.count > firstChannel {
      let lastChannel = s.rows.count - 1
      for column in [3, 7] {
        s.overspendWatch.append(
          CellBlock(firstRow: firstChannel, lastRow: lastChannel, firstColumn: column, lastColumn: column))
      }
      // The channels' spend and own budgets added up (spend no channel claims is in the month table only).
      func sum(_ column: Int, _ value: Money) -> Cell {
        let range =
          "\(cellReference(row: firstChannel, column: column)):\(cellReference(row: lastChannel, column: column))"
        return Cell(.formula("SUM(\(range))", cached: .money(value)), .total)
      }
      func ownBudgets(_ period: (BudgetLine) -> Money?) -> Money {
        r.channelLines.compactMap { c in
          r.budget.first { $0.kind == .marketing && $0.channel == c.channel.id && $0.month.plan != nil }.flatMap(period)
        }.sum()
      }
      s.append([
        Cell(.text(l.total), .total), sum(1, r.channelLines.map(\.monthFigures.marketing).sum()),
        sum(2, ownBudgets(\.month.plan)), Cell(.empty, .total), Cell(.empty, .total),
        sum(5, r.channelLines.map(\.yearToDateFigures.marketing).sum()), sum(6, ownBudgets(\.yearToDate.plan)),
        Cell(.empty, .total), Cell(.empty, .total),
      ])
    }
    if shared { s.append([Cell(.text(l.sharedMarketingNote), .note)]) }
    return s
  }
}
