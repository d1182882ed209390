import AOPKPIs
import AOPLedger
import AOPPlan

/// Lays the review report out as sheets: summary, revenue by channel, gross margin, marketing, sources
/// and rejected rows. Pure: the same report gives the same sheets.
public struct ReviewLayout: Sendable {
  public let language: Config.Language

  public init(language: Config.Language) { self.language = language }

  var labels: Labels { Labels(language: language) }

  public func layOut(_ report: ReviewReport) -> [Sheet] {
    var sheets =
      [
        summary(report), channels(report), grossMargin(report), marketing(report), budget(report), risks(report),
      ] + (report.kpis.isEmpty ? [] : [kpisByMonth(report)]) + [
        planSheet(report),
        sources(report), rejects(report),
      ] + (report.data.isEmpty ? [] : [data(report)])
      + (report.data.spend.isEmpty ? [] : [spendData(report)])
    for i in sheets.indices { sheets[i].fitColumns() }
    return sheets
  }

  // MARK: Shared pieces

  private func header(_ names: [String]) -> [Cell] { names.map { Cell(.text($0), .header) } }

  /// Actual, plan, variance (formula) and variance % (formula) for an amount, at `row`, from `column`.
  private func amountCells(_ v: VersusPlan, row: Int, column: Int, role: CellRole = .body) -> [Cell] {
    let a = cellReference(row: row, column: column)
    let p = cellReference(row: row, column: column + 1)
    let d = cellReference(row: row, column: column + 2)
    guard let plan = v.plan, let variance = v.variance else {
      return [Cell(.money(v.actual), role), Cell(.empty, role), Cell(.empty, role), Cell(.empty, role)]
    }
    let varianceFormula = v.kind == .target ? "\(a)-\(p)" : "\(p)-\(a)"
    return [
      Cell(.money(v.actual), role), Cell(.money(plan), role),
      Cell(.formula(varianceFormula, cached: .money(variance)), role),
      Cell(.formula("IF(\(p)=0,\"\",\(d)/\(p))", cached: .ratio(v.varianceRatio)), role),
    ]
  }

  /// Actual, goal, variance in points (a formula, positive when better than the goal) and an empty
  /// cell for a ratio KPI at `row`, from `column`.
  private func ratioCells(_ r: RatioVersusGoal, row: Int, column: Int, role: CellRole = .body) -> [Cell] {
    let a = cellReference(row: row, column: column), g = cellReference(row: row, column: column + 1)
    let gap = r.direction == .higherIsBetter ? "\(a)-\(g)" : "\(g)-\(a)"
    let decimals = r.actual?.percentDecimals(distinctFrom: r.goal.map { [$0] } ?? [])
    return [
      Cell(.ratio(r.actual), role, decimals: decimals), Cell(.ratio(r.goal), role, decimals: decimals),
      Cell(.formula("IF(OR(\(a)=\"\",\(g)=\"\"),\"\",ROUND((\(gap))*100,6))", cached: .points(r.variancePoints)), role),
      Cell(.empty, role),
    ]
  }

  /// The decimals a ratio needs beside the bounds it is judged against (34.99% against 35%, not 35.0%).
  private func decimals(_ r: Ratio?, _ bounds: [Share]) -> Int? {
    r?.percentDecimals(distinctFrom: bounds.map(\.ratio))
  }

  /// A light for a figure against its plan; "no data" as text (which no icon draws).
  private func status(_ onTrack: Bool?) -> CellValue {
    guard let onTrack else { return .text(labels.noData) }
    return .light(Light(onTrack ? .green : .red, labels.trackWords))
  }

  private func light(_ kpiLight: KPIStatus.Light) -> CellValue {
    switch kpiLight {
    case .green: return .light(Light(.green, labels.kpiWords))
    case .amber: return .light(Light(.amber, labels.kpiWords))
    case .red: return .light(Light(.red, labels.kpiWords))
    case .noData: return .text(labels.noData)
    }
  }

  /// A KPI's light as a formula over its value and bounds (cells or numbers), so that a corrected figure
  /// re-colours; the light the review decided (exactly) cached. Green at or better than `green`, amber at
  /// or better than `amber`, red otherwise; no data when the value cell is empty.
  private func liveLight(
    _ decided: KPIStatus.Light, value: String, green: String, amber: String, higherIsBetter: Bool
  ) -> CellValue {
    let better = higherIsBetter ? ">=" : "<="
    let none = labels.noData.replacingOccurrences(of: "\"", with: "\"\"")
    return .formula(
      "IF(\(value)=\"\",\"\(none)\",IF(\(value)\(better)\(green),2,IF(\(value)\(better)\(amber),1,0)))",
      cached: light(decided))
  }

  // MARK: Sheets

  /// Where the summary's figures come from on the detail sheets (which lead on to the data rows). The
  /// positions follow the detail sheets' fixed layout: a title row, a blank row, the header, then rows.
  struct Links {
    let channelSheet: String, marginSheet: String, marketingSheet: String
    let channelTotalRow: Int  // 1-based
    let lastMonthRow: Int, yearToDateRow: Int  // 1-based, on the margin and marketing sheets

    init(_ r: ReviewReport, _ l: Labels) {
      channelSheet = "'\(l.channelSheet)'"
      marginSheet = "'\(l.marginSheet)'"
      marketingSheet = "'\(l.marketingSheet)'"
      channelTotalRow = 3 + r.channelLines.count + 1
      lastMonthRow = 3 + r.monthLines.count
      yearToDateRow = lastMonthRow + 1
    }

    /// The risks sheet's first risk row (1-based): a title row, a blank row, the header.
    static let firstRiskRow = 4

    func link(_ sheet: String, _ column: String, _ row: Int, _ value: CellValue) -> CellValue {
      .formula("\(sheet)!\(column)\(row)", cached: value)
    }
  }

  func summary(_ r: ReviewReport) -> Sheet {
    let l = labels
    let links = Links(r, l)
    var s = Sheet(name: l.summarySheet)
    s.columnWidths = [34, 18, 18, 18, 14, 18, 18, 18, 14, 22, 22]
    s.append([Cell(.text("\(r.company.isEmpty ? "" : r.company + " — ")\(l.reviewTitle) \(r.month)"), .title)])
    s.append([Cell(.text(l.pointsNote), .note)])
    s.blank()
    s.append([
      Cell(.empty, .header), Cell(.text("\(l.thisMonth) \(r.month)"), .header), Cell(.empty, .header),
      Cell(.empty, .header), Cell(.empty, .header),
      Cell(.text("\(l.yearToDate) \(r.month.year)-01…\(r.month)"), .header), Cell(.empty, .header),
      Cell(.empty, .header), Cell(.empty, .header),
      Cell(.empty, .header), Cell(.empty, .header),
    ])
    s.append(
      header([
        l.kpi, l.actual, l.target, l.variance, l.variancePercent, l.actual, l.target, l.variance, l.variancePercent,
        "\(l.status) (\(l.thisMonth.lowercased()))", "\(l.status) (\(l.yearToDate.lowercased()))",
      ]))
    s.frozenRows = s.rows.count

    func amountRow(
      _ label: String, _ m: VersusPlan, _ y: VersusPlan, name: String? = nil,
      from source: (month: CellValue, ytd: CellValue)? = nil
    ) {
      let row = s.rows.count
      if let name {
        s.definedNames.append(DefinedName(name: "\(name)Month", row: row, column: 1))
        s.definedNames.append(DefinedName(name: "\(name)YTD", row: row, column: 5))
      }
      var month = amountCells(m, row: row, column: 1), ytd = amountCells(y, row: row, column: 5)
      if let source {
        month[0].value = source.month
        ytd[0].value = source.ytd
      }
      s.append([Cell(.text(label))] + month + ytd + [Cell(status(m.onTrack)), Cell(status(y.onTrack))])
    }
    func ratioRow(
      _ label: String, _ m: RatioVersusGoal, _ y: RatioVersusGoal, name: String? = nil,
      from source: (month: CellValue, ytd: CellValue)
    ) {
      if let name {
        s.definedNames.append(DefinedName(name: "\(name)Month", row: s.rows.count, column: 1))
        s.definedNames.append(DefinedName(name: "\(name)YTD", row: s.rows.count, column: 5))
      }
      var month = ratioCells(m, row: s.rows.count, column: 1), ytd = ratioCells(y, row: s.rows.count, column: 5)
      month[0].value = source.month
      ytd[0].value = source.ytd
      s.append([Cell(.text(label))] + month + ytd + [Cell(status(m.onTrack)), Cell(status(y.onTrack))])
    }
    /// Online revenue over all revenue, from the channel sheet's rows (online channels by their kind).
    func onlineShare(_ column: String, _ value: Ratio?) -> CellValue {
      let first = 4, last = links.channelTotalRow - 1  // 1-based: the channel rows under the header
      let sheet = links.channelSheet, total = "\(sheet)!\(column)\(links.channelTotalRow)"
      let online = "SUMIFS(\(sheet)!\(column)\(first):\(column)\(last),\(sheet)!B\(first):B\(last),\"\(l.online)\")"
      return .formula("IF(\(total)=0,\"\",\(online)/\(total))", cached: .ratio(value))
    }
    func plainRow(_ label: String, _ m: CellValue, _ y: CellValue) {
      s.append([Cell(.text(label)), Cell(m), Cell(.empty), Cell(.empty), Cell(.empty), Cell(y)])
    }
    let m = r.thisMonth, y = r.yearToDate
    amountRow(
      l.revenue, m.revenue, y.revenue, name: "Revenue",
      from: (
        links.link(links.channelSheet, "C", links.channelTotalRow, .money(m.revenue.actual)),
        links.link(links.channelSheet, "G", links.channelTotalRow, .money(y.revenue.actual))
      ))
    ratioRow(
      l.onlineShare, m.onlineShare, y.onlineShare, name: "OnlineShare",
      from: (onlineShare("C", m.onlineShare.actual), onlineShare("G", y.onlineShare.actual)))
    ratioRow(
      l.grossMargin, m.grossMargin, y.grossMargin, name: "GrossMargin",
      from: (
        links.link(links.marginSheet, "F", links.lastMonthRow, .ratio(m.grossMargin.actual)),
        links.link(links.marginSheet, "F", links.yearToDateRow, .ratio(y.grossMargin.actual))
      ))
    plainRow(
      l.costCoverage, links.link(links.marginSheet, "G", links.lastMonthRow, .ratio(m.figures.costCoverage)),
      links.link(links.marginSheet, "G", links.yearToDateRow, .ratio(y.figures.costCoverage)))
    plainRow(
      l.cogs, links.link(links.marginSheet, "D", links.lastMonthRow, .money(m.figures.cogs)),
      links.link(links.marginSheet, "D", links.yearToDateRow, .money(y.figures.cogs)))
    amountRow(
      "\(l.marketing) / \(l.budget.lowercased())", m.marketing, y.marketing, name: "Marketing",
      from: (
        links.link(links.marketingSheet, "B", links.lastMonthRow, .money(m.marketing.actual)),
        links.link(links.marketingSheet, "B", links.yearToDateRow, .money(y.marketing.actual))
      ))
    ratioRow(
      l.marketingToRevenue, m.marketingToRevenue, y.marketingToRevenue, name: "MarketingToRevenue",
      from: (
        links.link(links.marketingSheet, "F", links.lastMonthRow, .ratio(m.marketingToRevenue.actual)),
        links.link(links.marketingSheet, "F", links.yearToDateRow, .ratio(y.marketingToRevenue.actual))
      ))
    plainRow(l.orders, .integer(m.figures.orders), .integer(y.figures.orders))
    let data = DataSums(sales: r, labels: l)
    plainRow(
      l.units, .live(data.sum(.units, where: [(.month, .firstDay(of: r.month))]), .integer(m.figures.units)),
      .live(data.sum(.units, where: []), .integer(y.figures.units)))
    s.appendLightKey(l.key, words: l.trackWords)
    lastYear(r, into: &s)
    risksFired(r, into: &s)
    kpiLights(r, into: &s)
    if let o = r.outlook {
      s.blank()
      s.append([Cell(.text(l.outlook), .subtitle)])
      s.append([Cell(.text(l.atPlan)), Cell(.money(o.atPlan))])
      s.append([Cell(.text(l.atRunRate)), Cell(o.atRunRate.map(CellValue.money) ?? .text(l.noData))])
      s.append([Cell(.text(l.requiredRemaining)), Cell(.money(o.requiredRemaining))])
      s.append([Cell(.text(l.requiredOfPlan)), Cell(.ratio(o.requiredOfPlan))])
      s.append([Cell(.text(l.requiredOnline)), Cell(.ratio(o.requiredOnlineShare))])
      s.append([Cell(.text(l.requiredMargin)), Cell(.ratio(o.requiredGrossMargin))])
      s.append([Cell(.text(l.allowedMarketing)), Cell(.ratio(o.allowedMarketingToRevenue))])
    }
    s.blank()
    s.append([Cell(.text(l.annualTarget)), Cell(r.annualRevenueTarget.map(CellValue.money) ?? .text(l.noData))])
    s.append([
      Cell(.text(l.phasing)), Cell(.text(r.phasing == .baselineSeasonality ? l.phasingSeasonal : l.phasingEven)),
    ])
    s.append([Cell(.text(l.baselineYear)), Cell(r.baselineYear.map { CellValue.text(String($0)) } ?? .text(l.noData))])
    let t = r.tally
    s.append([
      Cell(.text(l.rowsAccount)),
      Cell(.text("\(t.read) / \(t.accepted) / \(t.rejected) / \(t.duplicates) / \(t.skipped)")),
    ])
    if let count = r.data.aggregatedLineCount {
      s.append([Cell(.text(l.dataAggregated(lines: count, limit: DataSheet.limit)), .note)])
    }
    return s
  }

  /// The plan's risks whose trigger the figures reached, each value and threshold a link to its row on
  /// the risks sheet, with the contingency the plan set for it.
  private func risksFired(_ r: ReviewReport, into s: inout Sheet) {
    let l = labels
    s.blank()
    s.append([Cell(.text(l.risksFired), .subtitle)])
    let rows = Self.shownConditionRows(r)
    let fired = r.risks.enumerated().filter { $0.element.triggered }
    guard !fired.isEmpty else {
      s.append([Cell(.text(l.noRiskFired), .note)])
      return
    }
    s.append(header([l.risk, l.value, l.threshold, l.period, l.signal, l.contingency]))
    let sheet = "'\(l.risksSheet)'"
    for (i, c) in fired {
      let row = rows[i]
      let shown = c.shown.condition
      // The signal that fired; for a risk of all its conditions, every one.
      let signal = (c.risk.combination == .all ? c.conditions.map(\.condition) : [shown]).map { condition in
        name(condition.kpi, condition.scope, r)
          + (condition.monthsInARow > 1 ? " (\(l.inARow(condition.monthsInARow)))" : "")
      }.joined(separator: l.andJoiner)
      s.append([
        Cell(.text(c.risk.risk)),
        Cell(.formula("\(sheet)!F\(row)", cached: .ratio(c.value)), decimals: decimals(c.value, [c.threshold])),
        Cell(
          .formula("\(sheet)!E\(row)", cached: .ratio(c.threshold.ratio)), decimals: decimals(c.value, [c.threshold])),
        Cell(.text(shown.period == .month ? l.thisMonth : l.yearToDate)), Cell(.text(signal)),
        Cell(.text(c.risk.contingency)),
      ])
    }
  }

  /// The month and the year to date against the same months of the baseline year: revenue with its
  /// growth beside the plan's growth goal, and the online share then and now (its change in points).
  private func lastYear(_ r: ReviewReport, into s: inout Sheet) {
    guard let m = r.lastYearMonth, let y = r.lastYearToDate, let base = r.baselineYear else { return }
    let l = labels
    s.blank()
    s.append([Cell(.text(l.samePeriodLastYear), .subtitle)])
    let lastMonth = Month(year: base, month: r.month.month).map(\.description) ?? ""
    s.append(
      header([
        l.kpi, "\(l.thisMonth) \(r.month)", "\(l.lastYear) \(lastMonth)", l.growth, "",
        "\(l.yearToDate) \(r.month.year)", "\(l.lastYear) \(base)", l.growth, "", l.goal,
      ]))
    let row = s.rows.count + 1  // 1-based, for the growth formulas
    func growth(_ now: String, _ then: String, _ value: Ratio?) -> Cell {
      Cell(.formula("IF(\(then)\(row)=0,\"\",\(now)\(row)/\(then)\(row)-1)", cached: .ratio(value)))
    }
    s.append([
      Cell(.text(l.revenue)), Cell(.money(m.revenue)), Cell(.money(m.lastYearRevenue)), growth("B", "C", m.growth),
      Cell(.empty), Cell(.money(y.revenue)), Cell(.money(y.lastYearRevenue)), growth("F", "G", y.growth), Cell(.empty),
      Cell(.ratio(r.plan.goals.revenueGrowth?.ratio)),
    ])
    func points(_ now: String, _ then: String, _ a: Ratio?, _ b: Ratio?) -> Cell {
      // Now against then, in points, as every ratio's gap is (the same rounding as the formula's).
      let value = RatioVersusGoal(actual: a, goal: b, direction: .higherIsBetter).variancePoints
      let formula =
        "IF(OR(\(now)\(row + 1)=\"\",\(then)\(row + 1)=\"\"),\"\",ROUND((\(now)\(row + 1)-\(then)\(row + 1))*100,6))"
      return Cell(.formula(formula, cached: .points(value)))
    }
    s.append([
      Cell(.text(l.onlineShare)), Cell(.ratio(m.onlineShare)), Cell(.ratio(m.lastYearOnlineShare)),
      points("B", "C", m.onlineShare, m.lastYearOnlineShare), Cell(.empty), Cell(.ratio(y.onlineShare)),
      Cell(.ratio(y.lastYearOnlineShare)), points("F", "G", y.onlineShare, y.lastYearOnlineShare), Cell(.empty),
      Cell(.ratio(r.plan.goals.onlineShare?.ratio)),
    ])
  }

  /// The plan's KPI lights for the month and the year to date, each value a link to its row on the
  /// risks and KPIs sheet.
  private func kpiLights(_ r: ReviewReport, into s: inout Sheet) {
    guard !r.kpis.isEmpty else { return }
    let l = labels
    s.blank()
    s.append([Cell(.text(l.kpiLights), .subtitle)])
    s.append(header([l.kpi, "\(l.value) \(r.month)", l.light, "\(l.value) \(l.yearToDate.lowercased())", l.light]))
    let sheet = "'\(l.risksSheet)'"
    // The KPI table's first row on the risks sheet: under the risks, their key row, a blank and a header.
    let first = Links.firstRiskRow + r.risks.reduce(0) { $0 + $1.conditions.count } + (r.risks.isEmpty ? 0 : 1) + 2
    for (i, k) in r.kpis.enumerated() {
      s.append([
        Cell(.text(name(k.kpi, k.scope, r))),
        Cell(
          .formula("\(sheet)!B\(first + i)", cached: .ratio(k.month)), decimals: decimals(k.month, [k.green, k.amber])),
        // The lights are the KPI sheet's (formulas there): one definition, shown the same here.
        Cell(.formula("\(sheet)!C\(first + i)", cached: light(k.monthLight))),
        Cell(
          .formula("\(sheet)!D\(first + i)", cached: .ratio(k.yearToDate)),
          decimals: decimals(k.yearToDate, [k.green, k.amber])),
        Cell(.formula("\(sheet)!E\(first + i)", cached: light(k.yearToDateLight))),
      ])
    }
  }

  func channels(_ r: ReviewReport) -> Sheet {
    let l = labels
    var s = Sheet(name: l.channelSheet)
    s.columnWidths = [24, 18, 18, 18, 18, 18, 18, 18, 18, 18]
    s.append([Cell(.text("\(l.channelSheet) — \(r.month)"), .title)])
    s.blank()
    s.append(
      header([
        l.channel, l.kind, "\(l.actual) \(r.month)", l.target, l.variance, l.variancePercent,
        "\(l.actual) \(l.yearToDate.lowercased())", l.target, l.variance, l.variancePercent,
      ]))
    s.frozenRows = s.rows.count
    let first = s.rows.count
    let data = DataSums(sales: r, labels: l)
    for c in r.channelLines {
      let row = s.rows.count
      var month = amountCells(c.month, row: row, column: 2)
      var ytd = amountCells(c.yearToDate, row: row, column: 6)
      // The actual revenue as a live sum over the data sheet's lines, so it leads to its rows.
      month[0].value = .live(
        data.sum(.revenue, where: [(.channel, .text(c.channel.id)), (.month, .firstDay(of: r.month))]),
        .money(c.month.actual))
      ytd[0].value = .live(data.sum(.revenue, where: [(.channel, .text(c.channel.id))]), .money(c.yearToDate.actual))
      s.append(
        [Cell(.text(c.channel.name)), Cell(.text(c.channel.kind == .online ? l.online : l.offline))] + month + ytd)
    }
    let last = s.rows.count - 1
    let totalRow = s.rows.count
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
    s.append(totals)
    s.filter = (first - 1, last, 10)

    // Months × channels: where the year's revenue came from.
    s.blank()
    s.append([Cell(.text(l.byMonth), .subtitle)])
    s.append(
      header([l.month] + r.channels.map(\.name) + [l.total, l.target, l.variance, l.originalTarget, l.baselineYear]))
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
              data.sum(.revenue, where: [(.channel, .text(c.id)), (.month, .expression(monthCell))]), .money(value))))
      }
      let from = cellReference(row: row, column: 1), to = cellReference(row: row, column: r.channels.count)
      let totalRef = cellReference(row: row, column: r.channels.count + 1),
        targetRef = cellReference(row: row, column: r.channels.count + 2)
      cells.append(Cell(.formula("SUM(\(from):\(to))", cached: .money(line.figures.revenue))))
      if let t = line.revenueTarget {
        cells.append(Cell(.money(t)))
        cells.append(Cell(.formula("\(totalRef)-\(targetRef)", cached: .money(line.figures.revenue - t))))
        cells.append(Cell(line.originalRevenueTarget.map(CellValue.money) ?? .empty))
      } else {
        cells += [Cell(.empty), Cell(.empty), Cell(.empty)]
      }
      cells.append(Cell(line.baselineRevenue.map(CellValue.money) ?? .empty))
      s.append(cells)
    }
    let lastMonth = s.rows.count - 1
    let monthColumn = ColumnRange(firstRow: firstMonth, lastRow: lastMonth, column: 0)
    var series = r.channels.enumerated().map { i, c in
      Chart.Series(name: c.name, values: ColumnRange(firstRow: firstMonth, lastRow: lastMonth, column: i + 1))
    }
    series.append(
      Chart.Series(
        name: l.total, values: ColumnRange(firstRow: firstMonth, lastRow: lastMonth, column: r.channels.count + 1)))
    if r.monthLines.contains(where: { $0.revenueTarget != nil }) {
      series.append(
        Chart.Series(
          name: l.target, values: ColumnRange(firstRow: firstMonth, lastRow: lastMonth, column: r.channels.count + 2)))
    }
    s.charts.append(
      Chart(
        kind: .line, title: "\(l.revenue): \(l.byChannel.lowercased()) / \(l.target.lowercased())", row: lastMonth + 2,
        column: 0,
        categories: monthColumn, series: series))
    for _ in 0..<Chart.heightInRows + 2 { s.blank() }
    channelMonths(r, data: data, into: &s)
    return s
  }

  /// Each channel in each month (the long form of the table above, one row per pair, so it filters and
  /// pivots): actual as a live sum over the data, target, variance, and the baseline year's same month.
  private func channelMonths(_ r: ReviewReport, data: DataSums<SalesColumn>, into s: inout Sheet) {
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
      var amounts = amountCells(line.revenue, row: row, column: 2)
      amounts[0].value = .live(
        data.sum(.revenue, where: [(.channel, .text(line.channel.id)), (.month, .expression(monthCell))]),
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

  /// The rows behind the totals: one per sale or return line, or (past the sheet's limit) one per
  /// month × channel × product group. Either way in the same columns, which `DataSums` reads.
  func data(_ r: ReviewReport) -> Sheet {
    let l = labels
    var s = Sheet(name: l.dataSheet)
    s.columnWidths = [10, 12, 10, 8, 18, 20, 36, 22, 8, 16, 16, 16, 48, 8]
    let title = "\(l.dataSheet) — \(r.month.year)-01…\(r.month)"
    s.append([
      Cell(
        .text(
          r.data.aggregatedLineCount.map { "\(title): \(l.dataAggregated(lines: $0, limit: DataSheet.limit))" } ?? title
        ), .title)
    ])
    let columns = [
      l.month, l.date, l.channel, l.kind, l.order, l.sku, l.productName, l.productGroup, l.units, l.revenue,
      l.coveredRevenue, l.cogs,
      l.file, l.line,
    ]
    s.append(header(columns))
    s.frozenRows = s.rows.count
    for d in r.data.lines {
      let x = d.line
      s.append([
        Cell(.month(d.month)), Cell(.day(x.day)), Cell(.text(x.channel)),
        Cell(.text(x.isReturn ? l.kindReturn : l.kindSale)),
        // An order listed as items has no SKU: its cell (the products' names) goes under the product.
        Cell(.text(x.orderID)), Cell(.text(x.items == nil ? x.sku : "")),
        Cell(.text(x.items == nil ? x.productName : x.sku)),
        Cell(.text(l.groupName(d.productGroup))), Cell(.integer(x.quantity)),
        Cell(.money(x.netRevenue)), Cell(d.cogs == nil ? .empty : .money(x.netRevenue)),
        Cell(d.cogs.map(CellValue.money) ?? .empty),
        Cell(.text(x.source.file)), Cell(.integer(x.source.line)),
      ])
    }
    for (key, f) in r.data.aggregate {
      s.append([
        Cell(.month(key.month)), Cell(.empty), Cell(.text(key.channel)), Cell(.text(l.kindSummed)), Cell(.empty),
        Cell(.empty), Cell(.empty),
        Cell(.text(l.groupName(key.productGroup))), Cell(.integer(f.units)), Cell(.money(f.revenue)),
        Cell(.money(f.coveredRevenue)), Cell(.money(f.cogs)),
        Cell(.text(l.seeLedgerCSV)), Cell(.empty),
      ])
    }
    s.table = Table(name: "Ledger", headerRow: 1, lastRow: s.rows.count - 1, columns: columns)
    return s
  }

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
    let title = "\(l.spendSheet) — \(r.month.year)-01…\(r.month)"
    s.append([
      Cell(
        .text(
          r.data.aggregatedSpendCount.map { "\(title): \(l.spendAggregated(lines: $0, limit: DataSheet.limit))" }
            ?? title), .title)
    ])
    let columns = [
      l.month, l.channel, l.kind, l.category, l.budgetLine, l.label, l.from, l.to, l.amountInMonth, l.file, l.line,
    ]
    s.append(header(columns))
    s.frozenRows = s.rows.count
    for part in r.data.spend {
      let line = part.line
      s.append([
        Cell(.month(part.month)), Cell(.text(part.channel)),
        Cell(.text(part.isMarketing ? l.kindMarketing : l.kindExpense)), Cell(.text(part.category)),
        Cell(.text(budgetLineName(part.budgetLine, r))), Cell(.text(line?.label ?? l.seeLedgerCSV)),
        Cell(line.map { .day($0.firstDay) } ?? .empty), Cell(line.map { .day($0.lastDay) } ?? .empty),
        Cell(.money(part.amount)), Cell(.text(line?.source.file ?? "")),
        Cell(line.map { .integer($0.source.line) } ?? .empty),
      ])
    }
    s.table = Table(name: "Spend", headerRow: 1, lastRow: s.rows.count - 1, columns: columns)
    return s
  }

  func grossMargin(_ r: ReviewReport) -> Sheet {
    let l = labels
    var s = Sheet(name: l.marginSheet)
    s.columnWidths = [26, 18, 24, 18, 18, 20, 18]
    s.append([Cell(.text("\(l.marginSheet) — \(r.month)"), .title)])
    s.blank()
    let columns = [l.revenue, l.coveredRevenue, l.cogs, l.grossProfit, l.grossMargin, l.costCoverage]
    s.append(header([l.month] + columns + [l.goal]))
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
        Cell(.formula("IF(\(covered)=0,\"\",\(profit)/\(covered))", cached: .ratio(f.grossMargin)), role),
        Cell(.formula("IF(\(revenue)=0,\"\",\(covered)/\(revenue))", cached: .ratio(f.costCoverage)), role),
      ])
    }
    for line in r.monthLines {
      figuresRow(
        .month(line.month), line.figures,
        matches: [(.month, .expression("$" + cellReference(row: s.rows.count, column: 0)))])
      if let floor = r.plan.goals.grossMarginFloor { s.rows[s.rows.count - 1].append(Cell(.ratio(floor.ratio))) }
    }
    let lastMonth = s.rows.count - 1
    figuresRow(.text(l.yearToDate), r.yearToDate.figures, role: .total, sums: (firstMonth, lastMonth))
    var marginSeries = [
      Chart.Series(name: l.grossMargin, values: ColumnRange(firstRow: firstMonth, lastRow: lastMonth, column: 5))
    ]
    if r.plan.goals.grossMarginFloor != nil {
      marginSeries.append(
        Chart.Series(name: l.goal, values: ColumnRange(firstRow: firstMonth, lastRow: lastMonth, column: 7)))
    }
    s.charts.append(
      Chart(
        kind: .line, title: l.grossMargin, row: 1, column: 9,
        categories: ColumnRange(firstRow: firstMonth, lastRow: lastMonth, column: 0), series: marginSeries))
    s.blank()
    s.append([Cell(.text(l.byChannel), .subtitle)])
    s.append(header([l.channel] + columns))
    for c in r.channelLines {
      figuresRow(.text(c.channel.name), c.yearToDateFigures, matches: [(.channel, .text(c.channel.id))])
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

  func marketing(_ r: ReviewReport) -> Sheet {
    let l = labels
    var s = Sheet(name: l.marketingSheet)
    s.columnWidths = [24, 24, 28, 24, 28, 22]
    s.append([Cell(.text("\(l.marketingSheet) — \(r.month)"), .title)])
    s.blank()
    s.append(header([l.month, l.marketing, l.budget, l.remaining, l.revenue, l.marketingToRevenue, l.goal]))
    s.frozenRows = s.rows.count
    let firstMonth = s.rows.count
    let sales = DataSums(sales: r, labels: l), spending = DataSums(spend: r, labels: l)
    /// A month's (or, given `total`, the sum of the month rows') spend, budget and revenue; spend and
    /// revenue as sums over the data sheets' rows.
    func row(
      _ label: CellValue, spend: Money, budget: Money, revenue: Money, role: CellRole = .body,
      total: (first: Int, last: Int)? = nil
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
        live(budget, column: 2, nil),
        Cell(.formula("\(b)-\(sp)", cached: .money(budget - spend)), role),
        live(revenue, column: 4, sales.sum(.revenue, where: [(.month, month)])),
        Cell(.formula("IF(\(rv)=0,\"\",\(sp)/\(rv))", cached: .ratio(Ratio(spend, over: revenue))), role),
      ])
    }
    for line in r.monthLines {
      row(
        .month(line.month), spend: line.figures.marketing, budget: line.marketingBudget, revenue: line.figures.revenue)
      if let ceiling = r.plan.goals.marketingToRevenueCeiling {
        s.rows[s.rows.count - 1].append(Cell(.ratio(ceiling.ratio)))
      }
    }
    let lastMonth = s.rows.count - 1
    var ratioSeries = [
      Chart.Series(name: l.marketingToRevenue, values: ColumnRange(firstRow: firstMonth, lastRow: lastMonth, column: 5))
    ]
    if r.plan.goals.marketingToRevenueCeiling != nil {
      ratioSeries.append(
        Chart.Series(name: l.goal, values: ColumnRange(firstRow: firstMonth, lastRow: lastMonth, column: 6)))
    }
    s.charts.append(
      Chart(
        kind: .line, title: l.marketingToRevenue, row: 1, column: 8,
        categories: ColumnRange(firstRow: firstMonth, lastRow: lastMonth, column: 0), series: ratioSeries))
    let y = r.yearToDate
    row(
      .text(l.yearToDate), spend: y.figures.marketing, budget: y.marketing.plan ?? .zero, revenue: y.figures.revenue,
      role: .total,
      total: (firstMonth, lastMonth))
    s.overspendWatch.append(CellBlock(firstRow: firstMonth, lastRow: s.rows.count - 1, firstColumn: 3, lastColumn: 3))
    s.blank()
    s.append([Cell(.text(l.byChannel), .subtitle)])
    let ytdLabel = l.yearToDate.lowercased()
    s.append(
      header([
        l.channel, "\(l.marketing) \(r.month)", l.budget, l.remaining, "\(l.marketingToRevenue) \(r.month)",
        "\(l.marketing) \(ytdLabel)", "\(l.budget) \(ytdLabel)", l.remaining, "\(l.marketingToRevenue) \(ytdLabel)",
      ]))
    let firstChannel = s.rows.count
    var shared = false
    for c in r.channelLines {
      let n = s.rows.count
      // A channel's own marketing budget, when the plan gives it one in force this month.
      let own = r.budget.first { $0.kind == .marketing && $0.channel == c.channel.id && $0.month.plan != nil }
      shared = shared || own == nil
      func spendCells(_ spend: Money, _ budget: Money?, _ ratio: Ratio?, column: Int, month: Month?) -> [Cell] {
        let sp = cellReference(row: n, column: column), b = cellReference(row: n, column: column + 1)
        let matches: [(SpendColumn, DataMatch)] =
          [(.channel, .text(c.channel.id)), (.kind, .text(l.kindMarketing))]
          + (month.map { [(.month, .firstDay(of: $0))] } ?? [])
        let spent = Cell(.live(spending.sum(.amount, where: matches), .money(spend)))
        guard let budget else { return [spent, Cell(.empty), Cell(.empty), Cell(.ratio(ratio))] }
        return [
          spent, Cell(.money(budget)), Cell(.formula("\(b)-\(sp)", cached: .money(budget - spend))),
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
      for column in [3, 7] {
        s.overspendWatch.append(
          CellBlock(firstRow: firstChannel, lastRow: s.rows.count - 1, firstColumn: column, lastColumn: column))
      }
    }
    if shared { s.append([Cell(.text(l.sharedMarketingNote), .note)]) }
    return s
  }

  func budget(_ r: ReviewReport) -> Sheet {
    let l = labels
    var s = Sheet(name: l.budgetSheet)
    s.columnWidths = [36, 18, 18, 18, 18, 18, 18, 18, 18, 12, 16]
    s.append([Cell(.text("\(l.budgetSheet) — \(r.month)"), .title)])
    if let revision = r.revision {
      s.append([Cell(.text("\(l.revisions): \(l.from.lowercased()) \(revision.from) — \(revision.note)"), .note)])
    }
    s.blank()
    s.append(
      header([
        l.category, "\(l.actual) \(r.month)", l.budget, l.remaining, "\(l.actual) \(l.yearToDate.lowercased())",
        l.budget,
        l.annualBudget, l.originalBudget, l.remainingYear, l.used, l.status,
      ]))
    s.frozenRows = s.rows.count
    let spending = DataSums(spend: r, labels: l)
    for b in r.budget {
      let n = s.rows.count
      let annual = cellReference(row: n, column: 6), ytd = cellReference(row: n, column: 4)
      let monthActual = cellReference(row: n, column: 1), monthBudget = cellReference(row: n, column: 2)
      let name = budgetLineName(b.id, r)
      // Spend leads to its rows on the spend sheet, which names each row's budget line; purchases are
      // not spend lines.
      func actual(_ value: Money, month: Month?) -> Cell {
        let matches: [(SpendColumn, DataMatch)] =
          [(.budgetLine, .text(name))] + (month.map { [(.month, .firstDay(of: $0))] } ?? [])
        return Cell(.live(b.kind == .purchasing ? nil : spending.sum(.amount, where: matches), .money(value)))
      }
      s.append([
        Cell(.text(name)), actual(b.month.actual, month: r.month), Cell(.money(b.month.plan ?? .zero)),
        Cell(.formula("\(monthBudget)-\(monthActual)", cached: .money(b.month.variance ?? .zero))),
        actual(b.yearToDate.actual, month: nil), Cell(.money(b.yearToDate.plan ?? .zero)), Cell(.money(b.annual)),
        Cell(.money(b.originalAnnual)),
        Cell(.formula("\(annual)-\(ytd)", cached: .money(b.remaining))),
        Cell(.formula("IF(\(annual)=0,\"\",\(ytd)/\(annual))", cached: .ratio(b.usedOfAnnual))),
        Cell(.light(Light(b.overLimit ? .red : .green, l.limitWords))),
      ])
    }
    let firstBudget = s.frozenRows
    if s.rows.count > firstBudget {
      for column in [3, 8] {  // what is left of the month's and of the year's budget
        s.overspendWatch.append(
          CellBlock(firstRow: firstBudget, lastRow: s.rows.count - 1, firstColumn: column, lastColumn: column))
      }
      s.appendLightKey(l.key, words: l.limitWords)
    }
    return s
  }

  /// The risks sheet's row (1-based) of each risk's shown condition (the one that fired, else the
  /// first): one row per condition, in the plan's order.
  static func shownConditionRows(_ r: ReviewReport) -> [Int] {
    var row = Links.firstRiskRow
    return r.risks.map { c in
      defer { row += c.conditions.count }
      return row + (c.conditions.firstIndex { $0.holds } ?? 0)
    }
  }

  /// A KPI with its scope, in the workbook's words, as a table's cell starts (with a capital).
  func name(_ kpi: Plan.KPI, _ scope: Plan.Scope, _ r: ReviewReport) -> String {
    let text = labels.kpiName(kpi, scope, channels: r.channels, budget: r.budget)
    return text.prefix(1).uppercased() + text.dropFirst()
  }

  func risks(_ r: ReviewReport) -> Sheet {
    let l = labels
    var s = Sheet(name: l.risksSheet)
    s.columnWidths = [40, 16, 40, 14, 12, 12, 14, 44, 56]
    s.append([Cell(.text("\(l.risksSheet) — \(r.month)"), .title)])
    s.blank()
    s.append(
      header([
        l.risk, l.status, l.signal, l.period, l.threshold, l.value, l.conditionHolds, l.monthsJudged, l.contingency,
      ]))
    s.frozenRows = s.rows.count
    // One row per condition: the risk, its status and contingency on its first; the value and
    // threshold of the month reviewed; the months judged when a condition must hold several in a row.
    for c in r.risks {
      for (j, check) in c.conditions.enumerated() {
        let condition = check.condition
        let last = check.judged.last
        var signal = name(condition.kpi, condition.scope, r)
        if condition.monthsInARow > 1 { signal += " (\(l.inARow(condition.monthsInARow)))" }
        let history =
          condition.monthsInARow > 1
          ? check.judged.map { "\($0.month): \(l.percent($0.value, distinctFrom: $0.threshold))" }.joined(
            separator: " · ") : ""
        s.append([
          Cell(.text(j == 0 ? c.risk.risk : l.combination(c.risk.combination))),
          Cell(j == 0 ? .light(Light(c.triggered ? .red : .green, l.riskWords)) : .empty),
          Cell(.text(signal)),
          Cell(.text(condition.period == .month ? l.thisMonth : l.yearToDate)),
          Cell(.ratio(last?.threshold.ratio), decimals: decimals(last?.value, last.map { [$0.threshold] } ?? [])),
          Cell(.ratio(last?.value), decimals: decimals(last?.value, last.map { [$0.threshold] } ?? [])),
          Cell(.light(Light(check.holds ? .red : .green, l.holdsWords))), Cell(.text(history)),
          Cell(.text(j == 0 ? c.risk.contingency : "")),
        ])
      }
    }
    if !r.risks.isEmpty { s.appendLightKey(l.key, words: l.riskWords) }
    s.blank()
    s.append(
      header([
        l.kpi, "\(l.value) \(r.month)", l.light, "\(l.value) \(l.yearToDate.lowercased())", l.light, l.green, l.amber,
      ]))
    for k in r.kpis {
      let row = s.rows.count + 1  // 1-based: the value in B and D, the bounds in F and G
      func live(_ decided: KPIStatus.Light, _ column: String) -> CellValue {
        liveLight(
          decided, value: "\(column)\(row)", green: "F\(row)", amber: "G\(row)", higherIsBetter: k.kpi.higherIsBetter)
      }
      s.append([
        Cell(.text(name(k.kpi, k.scope, r))), Cell(.ratio(k.month), decimals: decimals(k.month, [k.green, k.amber])),
        Cell(live(k.monthLight, "B")),
        Cell(.ratio(k.yearToDate), decimals: decimals(k.yearToDate, [k.green, k.amber])),
        Cell(live(k.yearToDateLight, "D")), Cell(.ratio(k.green.ratio)), Cell(.ratio(k.amber.ratio)),
      ])
    }
    if !r.kpis.isEmpty { s.appendLightKey(l.key, words: l.kpiWords) }
    return s
  }

  /// Every KPI in every month of the year so far, on a sheet of its own (its columns are months): the
  /// value over that month alone, and under it the light by that month's bounds.
  func kpisByMonth(_ r: ReviewReport) -> Sheet {
    let l = labels
    var s = Sheet(name: l.kpiMonthsSheet)
    let months = r.month.yearToDate
    s.columnWidths = [48] + months.map { _ in 11 }
    s.append([Cell(.text("\(l.yearSoFar) — \(r.month)"), .title)])
    s.blank()
    s.append(header([l.kpi] + months.map(\.description)))
    s.frozenRows = s.rows.count
    for k in r.kpis {
      s.append(
        [Cell(.text(name(k.kpi, k.scope, r)))]
          + k.byMonth.map { Cell(.ratio($0.value), decimals: decimals($0.value, [$0.band.green, $0.band.amber])) })
      // Each light over the value above it and that month's bounds (written as numbers: they vary by month).
      let row = s.rows.count  // 1-based row of the values just appended
      s.append(
        [Cell(.empty)]
          + k.byMonth.enumerated().map { i, m in
            Cell(
              liveLight(
                m.light, value: cellReference(row: row - 1, column: i + 1), green: "\(m.band.green.ratio.value)",
                amber: "\(m.band.amber.ratio.value)", higherIsBetter: k.kpi.higherIsBetter))
          })
    }
    s.appendLightKey(l.key, words: l.kpiWords)
    return s
  }

  func planSheet(_ r: ReviewReport) -> Sheet {
    let l = labels
    let p = r.plan
    var s = Sheet(name: l.planSheet)
    s.columnWidths = [44, 26, 16, 40, 24]
    s.append([Cell(.text("\(l.planSheet) \(p.year)"), .title)])
    s.blank()
    s.append([Cell(.text(l.actions), .subtitle)])
    s.append(header([l.action, l.owner, l.milestone, l.status]))
    let firstAction = s.rows.count
    for a in p.actions.sorted(by: { $0.milestone < $1.milestone }) {
      s.append([Cell(.text(a.action)), Cell(.text(a.owner)), Cell(.month(a.milestone)), Cell(.empty)])
    }
    if s.rows.count > firstAction {
      // The status is the accountant's to fill in, from a fixed list.
      s.listValidations.append(
        ListValidation(firstRow: firstAction, lastRow: s.rows.count - 1, column: 3, options: l.actionStatuses))
    }
    s.blank()
    s.append([Cell(.text(l.resources), .subtitle)])
    s.append(header([l.person, l.role, l.capacity, l.responsibilities]))
    for x in p.resources {
      s.append([
        Cell(.text(x.person)), Cell(.text(x.role)), Cell(.text(x.capacity)),
        Cell(.text(x.responsibilities.joined(separator: ", "))),
      ])
    }
    s.blank()
    s.append([Cell(.text(l.revisions), .subtitle)])
    s.append(header([l.from, l.note]))
    for v in p.revisions { s.append([Cell(.month(v.from)), Cell(.text(v.note))]) }
    s.blank()
    s.append([Cell(.text(l.cadence)), Cell(.text(l.cadence(p.review)))])
    return s
  }

  func sources(_ r: ReviewReport) -> Sheet {
    let l = labels
    var s = Sheet(name: l.sourcesSheet)
    s.columnWidths = [44, 24, 12, 9, 10, 10, 11, 10, 18, 16, 60, 66]
    s.append([Cell(.text(l.sourcesSheet), .title)])
    s.blank()
    s.append(
      header([
        l.file, l.profile, l.status, l.read, l.accepted, l.rejected, l.duplicates, l.skipped, l.revenue, l.marketing,
        l.message, "SHA-256",
      ]))
    s.frozenRows = s.rows.count
    let first = s.rows.count
    for f in r.sources {
      s.append([
        Cell(.text(f.path)), Cell(.text(f.profile ?? "")), Cell(.text(f.status == .read ? l.readStatus : l.refused)),
        Cell(.integer(f.tally.read)), Cell(.integer(f.tally.accepted)), Cell(.integer(f.tally.rejected)),
        Cell(.integer(f.tally.duplicates)), Cell(.integer(f.tally.skipped)), Cell(.money(f.revenue)),
        Cell(.money(f.spend)),
        Cell(
          .text(
            ([f.message].compactMap { $0 } + f.duplicatesOf.map(l.duplicates) + f.flags.map(l.flagged)).joined(
              separator: "; "))),
        Cell(.text(f.sha256 ?? "")),
      ])
    }
    let last = s.rows.count - 1
    let t = r.tally
    var totals = [Cell(.text(l.total), .total), Cell(.empty, .total), Cell(.empty, .total)]
    let sums: [CellValue] = [
      .integer(t.read), .integer(t.accepted), .integer(t.rejected), .integer(t.duplicates), .integer(t.skipped),
      .money(r.sources.map(\.revenue).sum()), .money(r.sources.map(\.spend).sum()),
    ]
    for (i, cached) in sums.enumerated() {
      let col = 3 + i
      let formula =
        last >= first ? "SUM(\(cellReference(row: first, column: col)):\(cellReference(row: last, column: col)))" : "0"
      totals.append(Cell(.formula(formula, cached: cached), .total))
    }
    s.append(totals)
    if last >= first { s.filter = (first - 1, last, 12) }
    if !r.warnings.isEmpty {
      s.blank()
      s.append([Cell(.text(l.warnings), .subtitle)])
      for warning in r.warnings { s.append([Cell(.text(l.warning(warning)), .note)]) }
    }
    return s
  }

  func rejects(_ r: ReviewReport) -> Sheet {
    let l = labels
    var s = Sheet(name: l.rejectsSheet)
    s.columnWidths = [44, 8, 26, 70, 90]
    s.append([Cell(.text(l.rejectsSheet), .title)])
    s.blank()
    s.append(header([l.file, l.line, l.column, l.reason, l.rawText]))
    s.frozenRows = s.rows.count
    let first = s.rows.count
    for x in r.rejections.kept {
      s.append([
        Cell(.text(x.source.file)), Cell(.integer(x.source.line)), Cell(.text(x.column ?? "")), Cell(.text(x.reason)),
        Cell(.text(x.rawText)),
      ])
    }
    if r.rejections.isEmpty {
      s.append([Cell(.text(l.noRejects), .note)])
    } else {
      s.filter = (first - 1, s.rows.count - 1, 5)
    }
    if r.rejections.notKept > 0 {
      s.append([
        Cell(
          .text(
            l.moreRejects(
              r.rejections.notKept, listed: r.rejections.kept.count, file: ReviewReport.rejectsFileName(r.month))),
          .note)
      ])
    }
    return s
  }
}
