import AOPKPIs
import AOPLedger
import AOPPlan

/// The summary: the plan's goals for the month and the year to date, the risks that fired, the outlook.
extension ReviewLayout {
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
  func risksFired(_ r: ReviewReport, into s: inout Sheet) {
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
  func lastYear(_ r: ReviewReport, into s: inout Sheet) {
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
  func kpiLights(_ r: ReviewReport, into s: inout Sheet) {
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
}
