import AOPKPIs
import AOPLedger
import AOPPlan

/// Gross margin by month, channel and product group, and the revenue without a known cost.
extension ReviewLayout {
  func grossMargin(_ r: ReviewReport, plan: Sheet) -> Sheet {
    let l = labels
    var s = Sheet(name: l.marginSheet)
    s.columnWidths = [20, 16, 16, 16, 16, 12, 12, 10]
    s.append([Cell(.text("\(l.marginSheet) — \(l.monthName(r.month))"), .title)])
    s.blank()
    let columns = [l.revenue, l.coveredRevenue, l.cogs, l.grossProfit, l.grossMargin, l.costCoverage]
    s.append(header([l.month] + columns + [l.floor]))
    s.frozenRows = s.rows.count
    let firstMonth = s.rows.count
    let data = DataSums(sales: r, labels: l)
    /// A row of figures; revenue, covered revenue and COGS are sums over the data sheet's rows that
    /// match `matches` (or, given `sums`, over rows of this sheet).
    func figuresRow(
      _ label: CellValue, _ f: Rollup.Figures, role: CellRole = .body, matches: [(SalesColumn, DataMatch)] = [],
      sums: (first: Int, last: Int)? = nil
    ) {
      let row = s.rows.count
      let covered = cellReference(row: row, column: 2), cogs = cellReference(row: row, column: 3)
      let profit = cellReference(row: row, column: 4), revenue = cellReference(row: row, column: 1)
      func amount(_ column: SalesColumn, at sheetColumn: Int, _ value: Money) -> Cell {
        if let sums {
          let range =
            "\(cellReference(row: sums.first, column: sheetColumn)):\(cellReference(row: sums.last, column: sheetColumn))"
          return Cell(.formula("SUM(\(range))", cached: .money(value)), role)
        }
        return Cell(.live(matches.isEmpty ? nil : data.sum(column, where: matches), .money(value)), role)
      }
      s.append([
        Cell(label, role), amount(.revenue, at: 1, f.revenue), amount(.coveredRevenue, at: 2, f.coveredRevenue),
        amount(.cogs, at: 3, f.cogs),
        Cell(.formula("\(covered)-\(cogs)", cached: .money(f.coveredRevenue - f.cogs)), role),
        // The decimals that tell the margin from its floor (34.96% is not 35.0%).
        Cell(
          .formula("IF(\(covered)=0,\"\",\(profit)/\(covered))", cached: .ratio(f.grossMargin)), role,
          decimals: decimals(f.grossMargin, [r.plan.goals.grossMarginFloor].compactMap { $0 })),
        Cell(.formula("IF(\(revenue)=0,\"\",\(covered)/\(revenue))", cached: .ratio(f.costCoverage)), role),
      ])
    }
    for line in r.monthLines {
      figuresRow(
        .month(line.month), line.figures,
        matches: [(.month, .expression("$" + cellReference(row: s.rows.count, column: 0)))])
      if let floor = r.plan.goals.grossMarginFloor {
        s.rows[s.rows.count - 1].append(Cell(figure(plan, PlanAnchor.goal(.grossMargin), .ratio(floor.ratio))))
      }
    }
    let lastMonth = s.rows.count - 1
    // What the summary reads: the month's and the year to date's figures.
    for (period, row) in [("month", lastMonth), ("ytd", lastMonth + 1)] {
      for (name, column) in [("cogs", 3), ("gross profit", 4), ("gross margin", 5), ("cost coverage", 6)] {
        s.publish("\(name) \(period)", row: row, column: column)
      }
    }
    figuresRow(.text(l.yearToDate), r.yearToDate.figures, role: .total, sums: (firstMonth, lastMonth))
    s.charts.append(
      ratioChart(
        l.grossMargin, months: (firstMonth, lastMonth), value: 5,
        bound: r.plan.goals.grossMarginFloor.map { _ in (l.floor, 7) }))
    // The chart right under the months it draws, on the first page (at the end it may straddle a page).
    s.placeChartsBelow()
    s.blank()
    s.append([Cell(.text(l.byChannel), .subtitle)])
    s.append(header([l.channel] + columns))
    for c in r.channelLines {
      figuresRow(.text(c.channel.name), c.yearToDateFigures, matches: [(.channel, .text(c.channel.name))])
    }
    s.blank()
    s.append([Cell(.text(l.byGroup), .subtitle)])
    s.append(header([l.productGroup] + columns))
    for g in r.groupLines {
      figuresRow(.text(l.groupName(g.group)), g.yearToDate, matches: [(.group, .text(l.groupName(g.group)))])
    }
    s.blank()
    s.append([Cell(.text(l.uncosted), .subtitle)])
    s.append(header([l.sku, l.productName, l.revenue, l.units, l.why]))
    for u in r.uncostedYearToDate {
      s.append([
        Cell(.text(u.sku)), Cell(.text(u.productName)), Cell(.money(u.revenue)), Cell(.integer(u.units)),
        Cell(.text(l.reason(u.reason))),
      ])
    }
    if r.uncostedYearToDate.contains(where: \.sharedFromItemLists) {
      s.append([Cell(.text(l.uncostedNote), .note)])
    }
    return s
  }
}
