import AOPKPIs
import AOPLedger
import AOPPlan

/// Revenue by channel: the month and the year to date against target, by month, by month and channel.
extension ReviewLayout {
  func channels(_ r: ReviewReport, plan: Sheet) -> Sheet {
    let l = labels
    var s = Sheet(name: l.channelSheet)
    s.columnWidths = [14, 12, 16, 16, 16, 9, 16, 16, 16, 9]  // money: `1,868,062,587 ₫`; shares: `-18.2%`
    s.append([Cell(.text("\(l.channelSheet) — \(l.monthName(r.month))"), .title)])
    s.blank()
    // The same period last year, per channel, when there is a baseline: the month's and the year to date's.
    let lastYear: (month: Month, year: Int)? = r.baselineYear.flatMap { y in
      Month(year: y, month: r.month.month).map { ($0, y) }
    }
    if lastYear != nil { s.columnWidths += [16, 9, 16, 9] }
    s.append(
      header(
        [
          l.channel, l.kind, "\(l.actual) \(l.shortMonth(r.month))", l.target, l.variance, l.variancePercent,
          "\(l.actual) \(l.yearToDate.lowercased())", l.target, l.variance, l.variancePercent,
        ]
          + (lastYear.map {
            ["\(l.lastYear) \(l.shortMonth($0.month))", l.growth, "\(l.lastYear) \($0.year)", l.growth]
          } ?? [])))
    s.frozenRows = s.rows.count
    let first = s.rows.count
    let data = DataSums(sales: r, labels: l)
    let january = Month(year: r.month.year, month: 1) ?? r.month
    for c in r.channelLines {
      let row = s.rows.count
      let id = c.channel.id
      var month = amountCells(c.month, row: row, column: 2) {
        figure(plan, PlanAnchor.target(r.month, id), .money($0))
      }
      var ytd = amountCells(c.yearToDate, row: row, column: 6) {
        sum(plan, from: PlanAnchor.target(january, id), to: PlanAnchor.target(r.month, id), .money($0))
      }
      // The actual revenue as a live sum over the data sheet's lines, so it leads to its rows.
      month[0].value = .live(
        data.sum(.revenue, where: [(.channel, .text(c.channel.name)), (.month, .firstDay(of: r.month))]),
        .money(c.month.actual))
      ytd[0].value = .live(data.sum(.revenue, where: [(.channel, .text(c.channel.name))]), .money(c.yearToDate.actual))
      s.append(
        [Cell(.text(c.channel.name)), Cell(.text(c.channel.kind == .online ? l.online : l.offline))] + month + ytd
          + (lastYear == nil ? [] : sameTimeLastYear(c, r, row: row)))
    }
    let last = s.rows.count - 1
    let totalRow = s.rows.count
    // What the summary reads: the totals, and the channel rows its online share sums by kind.
    for (name, column) in [("revenue month", 2), ("target month", 3), ("revenue ytd", 6), ("target ytd", 7)] {
      s.publish(name, row: totalRow, column: column)
    }
    for (name, column) in [("kind", 1), ("revenue month", 2), ("revenue ytd", 6)] {
      s.publish("first \(name)", row: first, column: column)
      s.publish("last \(name)", row: last, column: column)
    }
    var totals = [Cell(.text(l.total), .total), Cell(.empty, .total)]
    for (offset, v) in [(2, r.thisMonth.revenue), (6, r.yearToDate.revenue)] {
      let a = "SUM(\(cellReference(row: first, column: offset)):\(cellReference(row: last, column: offset)))"
      let p = "SUM(\(cellReference(row: first, column: offset + 1)):\(cellReference(row: last, column: offset + 1)))"
      let ar = cellReference(row: totalRow, column: offset), pr = cellReference(row: totalRow, column: offset + 1),
        dr = cellReference(row: totalRow, column: offset + 2)
      totals.append(Cell(.formula(a, cached: .money(v.actual)), .total))
      if let plan = v.plan, let variance = v.variance {
        totals.append(Cell(.formula(p, cached: .money(plan)), .total))
        totals.append(Cell(.formula("\(ar)-\(pr)", cached: .money(variance)), .total))
        totals.append(Cell(.formula("IF(\(pr)=0,\"\",\(dr)/\(pr))", cached: .ratio(v.varianceRatio)), .total))
      } else {
        totals += [Cell(.empty, .total), Cell(.empty, .total), Cell(.empty, .total)]
      }
    }
    if lastYear != nil {
      // Last year's totals, and the growth on them.
      for (column, actual) in [(10, 2), (12, 6)] {
        let range = "\(cellReference(row: first, column: column)):\(cellReference(row: last, column: column))"
        let cached = (first...last).compactMap { row -> Money? in
          if case .money(let m)? = s.cell(row, column)?.value.shown { return m }
          return nil
        }.sum()
        let a = cellReference(row: totalRow, column: actual), ly = cellReference(row: totalRow, column: column)
        let total = actual == 2 ? r.thisMonth.revenue.actual : r.yearToDate.revenue.actual
        totals.append(Cell(.formula("SUM(\(range))", cached: .money(cached)), .total))
        totals.append(
          Cell(.formula("IF(\(ly)=0,\"\",\(a)/\(ly)-1)", cached: .ratio(Ratio(total - cached, over: cached))), .total))
      }
    }
    s.append(totals)
    s.filter = (first - 1, last, lastYear == nil ? 10 : 14)

    // Months × channels: where the year's revenue came from.
    s.blank()
    s.append([Cell(.text(l.byMonth), .subtitle)])
    s.append(
      header(
        [l.month] + r.channels.map(\.name)
          + [l.total, l.target, l.variance, l.originalTarget, l.baselineYear, l.onlineShare, l.goal]))
    // The online channels' columns, whose sum over the total is the month's online share.
    let onlineColumns = r.channels.indices.filter { r.channels[$0].kind == .online }.map { $0 + 1 }
    let firstMonth = s.rows.count
    for line in r.monthLines {
      let row = s.rows.count
      var cells = [Cell(.month(line.month))]
      let monthCell = "$" + cellReference(row: row, column: 0)
      for c in r.channels {
        let value =
          r.channelMonthLines.first { $0.month == line.month && $0.channel.id == c.id }?.revenue.actual ?? .zero
        cells.append(
          Cell(
            .live(
              data.sum(.revenue, where: [(.channel, .text(c.name)), (.month, .expression(monthCell))]), .money(value))))
      }
      let from = cellReference(row: row, column: 1), to = cellReference(row: row, column: r.channels.count)
      let totalRef = cellReference(row: row, column: r.channels.count + 1),
        targetRef = cellReference(row: row, column: r.channels.count + 2)
      cells.append(Cell(.formula("SUM(\(from):\(to))", cached: .money(line.figures.revenue))))
      if let t = line.revenueTarget {
        cells.append(Cell(figure(plan, PlanAnchor.target(line.month), .money(t))))
        cells.append(Cell(.formula("\(totalRef)-\(targetRef)", cached: .money(line.figures.revenue - t))))
        cells.append(
          Cell(
            line.originalRevenueTarget.map { figure(plan, PlanAnchor.target(line.month, original: true), .money($0)) }
              ?? .empty))
      } else {
        cells += [Cell(.empty), Cell(.empty), Cell(.empty)]
      }
      cells.append(Cell(line.baselineRevenue.map(CellValue.money) ?? .empty))
      let online = r.channelMonthLines.filter { $0.month == line.month && $0.channel.kind == .online }
        .map(\.revenue.actual).sum()
      let onlineSum =
        onlineColumns.isEmpty ? "0" : onlineColumns.map { cellReference(row: row, column: $0) }.joined(separator: "+")
      cells.append(
        Cell(
          .formula(
            "IF(\(totalRef)=0,\"\",(\(onlineSum))/\(totalRef))",
            cached: .ratio(Ratio(online, over: line.figures.revenue)))))
      cells.append(Cell(figure(plan, PlanAnchor.goal(.onlineShare), .ratio(r.plan.goals.onlineShare?.ratio))))
      s.append(cells)
    }
    let lastMonth = s.rows.count - 1
    let monthColumn = ColumnRange(firstRow: firstMonth, lastRow: lastMonth, column: 0)
    // Revenue against the plan (the plan dashed), and beside it where it came from (channels stacked).
    var revenueSeries = [
      Chart.Series(
        name: l.revenue, values: ColumnRange(firstRow: firstMonth, lastRow: lastMonth, column: r.channels.count + 1))
    ]
    if r.monthLines.contains(where: { $0.revenueTarget != nil }) {
      revenueSeries.append(
        Chart.Series(
          name: l.target, values: ColumnRange(firstRow: firstMonth, lastRow: lastMonth, column: r.channels.count + 2),
          isBound: true))
    }
    s.charts.append(
      Chart(
        kind: .line, title: l.revenueAgainstPlan, row: 0, column: 0, categories: monthColumn, series: revenueSeries,
        valueAxisTitle: l.millionsOf(r.currency)))
    s.charts.append(
      Chart(
        kind: .stackedColumn, title: l.revenueByMonth, row: 0, column: 0, categories: monthColumn,
        series: r.channels.enumerated().map { i, c in
          Chart.Series(name: c.name, values: ColumnRange(firstRow: firstMonth, lastRow: lastMonth, column: i + 1))
        }, valueAxisTitle: l.millionsOf(r.currency)))
    // The plan's strategic goal: the online share month by month against it (dashed).
    let shareColumn = r.channels.count + 6
    s.charts.append(
      ratioChart(
        l.onlineShareAgainstGoal, name: l.onlineShare, months: (firstMonth, lastMonth), value: shareColumn,
        bound: r.plan.goals.onlineShare.map { _ in (l.goal, shareColumn + 1) }))
    s.placeChartsBelow()
    s.blank()
    channelMonths(r, data: data, plan: plan, into: &s)
    return s
  }

  /// A channel's revenue in the same month and the same months of last year, and its growth on them.
  private func sameTimeLastYear(_ c: ReviewReport.ChannelLine, _ r: ReviewReport, row: Int) -> [Cell] {
    let lines = r.channelMonthLines.filter { $0.channel.id == c.channel.id }
    let month = lines.first { $0.month == r.month }?.baselineRevenue ?? .zero
    let ytd = lines.compactMap(\.baselineRevenue).sum()
    var cells: [Cell] = []
    for (column, actualColumn, lastYear, actual) in [
      (10, 2, month, c.month.actual), (12, 6, ytd, c.yearToDate.actual),
    ] {
      let a = cellReference(row: row, column: actualColumn), ly = cellReference(row: row, column: column)
      cells.append(Cell(.money(lastYear)))
      cells.append(
        Cell(.formula("IF(\(ly)=0,\"\",\(a)/\(ly)-1)", cached: .ratio(Ratio(actual - lastYear, over: lastYear)))))
    }
    return cells
  }

  /// Each channel in each month (the long form of the table above, one row per pair, so it filters and
  /// pivots): actual as a live sum over the data, target, variance, and the baseline year's same month.
  func channelMonths(_ r: ReviewReport, data: DataSums<SalesColumn>, plan: Sheet, into s: inout Sheet) {
    let l = labels
    s.append([Cell(.text(l.byMonthAndChannel), .subtitle)])
    s.append(
      header([
        l.month, l.channel, l.actual, l.target, l.variance, l.variancePercent,
        r.baselineYear.map { "\(l.baselineYear) \($0)" } ?? l.baselineYear, l.versusBaseline,
      ]))
    for line in r.channelMonthLines {
      let row = s.rows.count
      let monthCell = "$" + cellReference(row: row, column: 0)
      var amounts = amountCells(line.revenue, row: row, column: 2) {
        figure(plan, PlanAnchor.target(line.month, line.channel.id), .money($0))
      }
      amounts[0].value = .live(
        data.sum(.revenue, where: [(.channel, .text(line.channel.name)), (.month, .expression(monthCell))]),
        .money(line.revenue.actual))
      let actual = cellReference(row: row, column: 2), base = cellReference(row: row, column: 6)
      var cells = [Cell(.month(line.month)), Cell(.text(line.channel.name))] + amounts
      if let baseline = line.baselineRevenue {
        cells += [
          Cell(.money(baseline)),
          Cell(.formula("IF(\(base)=0,\"\",\(actual)/\(base)-1)", cached: .ratio(line.growthOnBaseline))),
        ]
      }
      s.append(cells)
    }
  }
}
