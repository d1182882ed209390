import AOPKPIs
import AOPLedger
import AOPPlan

/// The summary: the plan's goals for the month and the year to date, the risks that fired, the outlook.
extension ReviewLayout {
  /// The summary's columns: the figure's name, then for the month and again for the year to date its
  /// actual, plan, against the plan (% achieved, or points for a ratio), the same period last year, the
  /// growth on it (points for a ratio) and the light.
  static let summaryBlockWidth = 6

  func summary(_ r: ReviewReport, _ d: Detail) -> Sheet {
    let l = labels
    var s = Sheet(name: l.summarySheet)
    s.print.onePage = true
    s.columnWidths = [24, 13, 13, 12, 13, 12, 11, 14, 14, 12, 14, 12, 11]
    s.textWidthLimit = 0
    s.append([
      Cell(.text("\(r.company.isEmpty ? "" : r.company + " — ")\(l.reviewTitle) \(l.monthName(r.month))"), .title)
    ])
    s.append([Cell(.text(l.unitLine(r.currency)), .note)])
    s.blank()
    let width = Self.summaryBlockWidth
    let lastYearMonth = r.baselineYear.flatMap { Month(year: $0, month: r.month.month) }
    s.append(
      [Cell(.empty, .header), Cell(.text(l.monthHeading(r.month)), .header, span: width)]
        + Array(repeating: Cell(.empty, .header), count: width - 1)
        + [Cell(.text("\(l.yearToDate) \(l.monthsThrough(r.month))"), .header, span: width)]
        + Array(repeating: Cell(.empty, .header), count: width - 1))
    let block = [
      l.actual, l.target, l.versusPlan, lastYearMonth.map { "\(l.lastYear) \(l.shortMonth($0))" } ?? l.lastYear,
      l.growth, l.status,
    ]
    s.append(
      header(
        [l.kpi] + block
          + block.enumerated().map { i, text in
            i == 3 ? r.baselineYear.map { "\(l.lastYear) \($0)" } ?? l.lastYear : text
          }))
    s.frozenRows = s.rows.count

    /// The KPI of the plan over the whole shop, whose bands light a goal.
    func kpi(_ kpi: Plan.KPI) -> KPIStatus? { r.kpis.first { $0.kpi == kpi && $0.scope == Plan.Scope() } }
    /// A goal's light: by the plan's KPI bands over `value` when the plan has that KPI (`offset` added
    /// to its bounds: revenue's KPI is the variance, the cell the % achieved), otherwise green when the
    /// figure is at or better than its plan, red when not. A spend line's light speaks of its limit.
    func goalLight(
      _ k: KPIStatus?, yearToDate: Bool, value: String, plan: String, onTrack: Bool?, higherIsBetter: Bool,
      offset: Int64 = 0, words: LightWords? = nil
    ) -> CellValue {
      let words = words ?? l.trackWords
      if let k {
        return liveLight(
          yearToDate ? k.yearToDateLight : k.monthLight, value: value,
          green: Self.decimal(partsPerMillion: k.green.partsPerMillion + offset),
          amber: Self.decimal(partsPerMillion: k.amber.partsPerMillion + offset), higherIsBetter: higherIsBetter,
          words: words)
      }
      guard let onTrack else { return .text(l.noData) }
      return liveLight(
        onTrack ? .green : .red, value: value, green: plan, amber: plan, higherIsBetter: higherIsBetter, words: words)
    }
    /// An amount against its plan: the % achieved and the growth as formulas.
    func amountBlock(
      _ v: VersusPlan, actual: CellValue, plan: (Money) -> CellValue, lastYear: Money?, kpi k: KPIStatus?,
      yearToDate: Bool, row: Int, at c: Int
    ) -> [Cell] {
      let a = cellReference(row: row, column: c), p = cellReference(row: row, column: c + 1)
      let achieved = cellReference(row: row, column: c + 2), ly = cellReference(row: row, column: c + 3)
      let isTarget = v.kind == .target
      return [
        Cell(actual), Cell(v.plan.map(plan) ?? .empty),
        Cell(
          v.plan == nil
            ? .empty
            : .formula("IF(\(p)=0,\"\",\(a)/\(p))", cached: .ratio(v.plan.flatMap { Ratio(v.actual, over: $0) }))),
        Cell(lastYear.map(CellValue.money) ?? .empty),
        Cell(
          lastYear.map {
            .formula("IF(\(ly)=0,\"\",\(a)/\(ly)-1)", cached: .ratio(Ratio(v.actual - $0, over: $0)))
          } ?? .empty),
        Cell(
          v.plan == nil
            ? .text(l.noData)
            : goalLight(
              isTarget ? k : nil, yearToDate: yearToDate, value: k != nil && isTarget ? achieved : a, plan: p,
              onTrack: v.onTrack, higherIsBetter: isTarget, offset: 1_000_000, words: isTarget ? nil : l.limitWords)),
      ]
    }
    /// A ratio against its goal: the gap and the change on last year in points, as formulas.
    func ratioBlock(
      _ g: RatioVersusGoal, actual: CellValue, goal goalKPI: Plan.KPI, lastYear: Ratio?, kpi k: KPIStatus?,
      yearToDate: Bool, row: Int, at c: Int
    ) -> [Cell] {
      let a = cellReference(row: row, column: c), goal = cellReference(row: row, column: c + 1)
      let ly = cellReference(row: row, column: c + 3)
      let higher = g.direction == .higherIsBetter
      let bounds = [g.goal].compactMap { $0 } + (k.map { [$0.green.ratio, $0.amber.ratio] } ?? [])
      let decimals = g.actual?.percentDecimals(distinctFrom: bounds)
      let change = RatioVersusGoal(actual: g.actual, goal: lastYear, direction: .higherIsBetter).variancePoints
      return [
        Cell(actual, decimals: decimals),
        Cell(g.goal == nil ? .empty : figure(d.plan, PlanAnchor.goal(goalKPI), .ratio(g.goal)), decimals: decimals),
        Cell(.formula(pointsFormula(a, goal, higherIsBetter: higher), cached: .points(g.variancePoints))),
        Cell(lastYear.map { .ratio($0) } ?? .empty),
        Cell(lastYear == nil ? .empty : .formula(pointsFormula(a, ly, higherIsBetter: true), cached: .points(change))),
        Cell(
          g.goal == nil && k == nil
            ? .text(l.noData)
            : goalLight(k, yearToDate: yearToDate, value: a, plan: goal, onTrack: g.onTrack, higherIsBetter: higher)),
      ]
    }
    func name(_ base: String, row: Int) {
      s.definedNames.append(DefinedName(name: "\(base)Month", row: row, column: 1))
      s.definedNames.append(DefinedName(name: "\(base)YTD", row: row, column: 1 + width))
    }
    /// A figure without a plan: its month and year-to-date values only.
    func plainRow(_ label: String, _ m: CellValue, _ y: CellValue) {
      let gap = Array(repeating: Cell(.empty), count: width - 1)
      s.append([Cell(.text(label)), Cell(m)] + gap + [Cell(y)] + gap)
    }
    /// Online revenue over all revenue, from the channel sheet's rows (online channels by their kind).
    func onlineShare(_ period: String, _ value: Ratio?) -> CellValue {
      guard let total = d.channels.reference("revenue \(period)"),
        let revenue = d.channels.reference("first revenue \(period)", through: "last revenue \(period)"),
        let kinds = d.channels.reference("first kind", through: "last kind")
      else { return .ratio(value) }
      let online = "SUMIFS(\(revenue),\(kinds),\"\(l.online)\")"
      return .formula("IF(\(total)=0,\"\",\(online)/\(total))", cached: .ratio(value))
    }
    let targetMonth = { (p: Money) in figure(d.channels, "target month", .money(p)) }
    let targetYTD = { (p: Money) in figure(d.channels, "target ytd", .money(p)) }
    let budgetMonth = { (p: Money) in figure(d.marketing, "budget month", .money(p)) }
    let budgetYTD = { (p: Money) in figure(d.marketing, "budget ytd", .money(p)) }

    let m = r.thisMonth, y = r.yearToDate
    let revenueRow = s.rows.count
    name("Revenue", row: revenueRow)
    s.append(
      [Cell(.text(l.revenue))]
        + amountBlock(
          m.revenue, actual: figure(d.channels, "revenue month", .money(m.revenue.actual)), plan: targetMonth,
          lastYear: r.lastYearMonth?.lastYearRevenue, kpi: kpi(.revenueVsTarget), yearToDate: false, row: revenueRow,
          at: 1)
        + amountBlock(
          y.revenue, actual: figure(d.channels, "revenue ytd", .money(y.revenue.actual)), plan: targetYTD,
          lastYear: r.lastYearToDate?.lastYearRevenue, kpi: kpi(.revenueVsTarget), yearToDate: true, row: revenueRow,
          at: 1 + width))
    // The plan's headline goal: growth on the same period last year, from the revenue row's growth.
    if r.lastYearMonth != nil || r.plan.goals.revenueGrowth != nil {
      let row = s.rows.count
      func growth(_ value: Ratio?) -> RatioVersusGoal {
        RatioVersusGoal(actual: value, goal: r.plan.goals.revenueGrowth?.ratio, direction: .higherIsBetter)
      }
      let ref = { (c: Int) in cellReference(row: revenueRow, column: c) }
      var month = ratioBlock(
        growth(r.lastYearMonth?.growth),
        actual: .formula(ref(5), cached: .ratio(r.lastYearMonth?.growth)), goal: .growthVsBaseline, lastYear: nil,
        kpi: kpi(.growthVsBaseline), yearToDate: false, row: row, at: 1)
      var ytd = ratioBlock(
        growth(r.lastYearToDate?.growth),
        actual: .formula(ref(5 + width), cached: .ratio(r.lastYearToDate?.growth)), goal: .growthVsBaseline,
        lastYear: nil,
        kpi: kpi(.growthVsBaseline), yearToDate: true, row: row, at: 1 + width)
      if r.lastYearMonth == nil {  // no baseline: no growth to show
        month[0].value = .empty
        ytd[0].value = .empty
      }
      s.append([Cell(.text(l.growthOnLastYear))] + month + ytd)
    }
    let onlineRow = s.rows.count
    name("OnlineShare", row: onlineRow)
    s.append(
      [Cell(.text(l.onlineShare))]
        + ratioBlock(
          m.onlineShare, actual: onlineShare("month", m.onlineShare.actual), goal: .onlineShare,
          lastYear: r.lastYearMonth?.lastYearOnlineShare,
          kpi: kpi(.onlineShare), yearToDate: false, row: onlineRow, at: 1)
        + ratioBlock(
          y.onlineShare, actual: onlineShare("ytd", y.onlineShare.actual), goal: .onlineShare,
          lastYear: r.lastYearToDate?.lastYearOnlineShare, kpi: kpi(.onlineShare), yearToDate: true, row: onlineRow,
          at: 1 + width))
    let marginRow = s.rows.count
    name("GrossMargin", row: marginRow)
    s.append(
      [Cell(.text(l.grossMargin))]
        + ratioBlock(
          m.grossMargin,
          actual: figure(d.margin, "gross margin month", .ratio(m.grossMargin.actual)), goal: .grossMargin,
          lastYear: nil,
          kpi: kpi(.grossMargin), yearToDate: false, row: marginRow, at: 1)
        + ratioBlock(
          y.grossMargin,
          actual: figure(d.margin, "gross margin ytd", .ratio(y.grossMargin.actual)), goal: .grossMargin,
          lastYear: nil, kpi: kpi(.grossMargin), yearToDate: true, row: marginRow, at: 1 + width))
    plainRow(
      l.costCoverage, figure(d.margin, "cost coverage month", .ratio(m.figures.costCoverage)),
      figure(d.margin, "cost coverage ytd", .ratio(y.figures.costCoverage)))
    plainRow(
      l.cogs, figure(d.margin, "cogs month", .money(m.figures.cogs)),
      figure(d.margin, "cogs ytd", .money(y.figures.cogs)))
    plainRow(
      l.grossProfit, figure(d.margin, "gross profit month", .money(m.figures.coveredRevenue - m.figures.cogs)),
      figure(d.margin, "gross profit ytd", .money(y.figures.coveredRevenue - y.figures.cogs)))
    // Operating costs against their budget: the budget sheet's total of spend (purchases go to stock).
    let spendLines = r.budget.filter { $0.kind != .purchasing }
    if !spendLines.isEmpty {
      func spend(_ period: (BudgetLine) -> VersusPlan) -> VersusPlan {
        VersusPlan(
          actual: spendLines.map { period($0).actual }.sum(), plan: spendLines.map { period($0).plan ?? .zero }.sum(),
          kind: .limit)
      }
      let row = s.rows.count
      let month = spend(\.month), ytd = spend(\.yearToDate)
      s.append(
        [Cell(.text(l.operatingCosts))]
          + amountBlock(
            month, actual: figure(d.budget, "spend month", .money(month.actual)),
            plan: { figure(d.budget, "budget month", .money($0)) }, lastYear: nil, kpi: nil, yearToDate: false,
            row: row, at: 1)
          + amountBlock(
            ytd, actual: figure(d.budget, "spend ytd", .money(ytd.actual)),
            plan: { figure(d.budget, "budget ytd", .money($0)) }, lastYear: nil, kpi: nil, yearToDate: true,
            row: row, at: 1 + width))
    }
    let marketingRow = s.rows.count
    name("Marketing", row: marketingRow)
    s.append(
      [Cell(.text(l.marketing))]
        + amountBlock(
          m.marketing,
          actual: figure(d.marketing, "marketing month", .money(m.marketing.actual)), plan: budgetMonth, lastYear: nil,
          kpi: nil, yearToDate: false, row: marketingRow, at: 1)
        + amountBlock(
          y.marketing,
          actual: figure(d.marketing, "marketing ytd", .money(y.marketing.actual)), plan: budgetYTD,
          lastYear: nil, kpi: nil, yearToDate: true, row: marketingRow, at: 1 + width))
    let ratioRow = s.rows.count
    name("MarketingToRevenue", row: ratioRow)
    s.append(
      [Cell(.text(l.marketingToRevenue))]
        + ratioBlock(
          m.marketingToRevenue,
          actual: figure(d.marketing, "marketing to revenue month", .ratio(m.marketingToRevenue.actual)),
          goal: .marketingToRevenue, lastYear: nil, kpi: kpi(.marketingToRevenue), yearToDate: false, row: ratioRow,
          at: 1)
        + ratioBlock(
          y.marketingToRevenue,
          actual: figure(d.marketing, "marketing to revenue ytd", .ratio(y.marketingToRevenue.actual)),
          goal: .marketingToRevenue, lastYear: nil, kpi: kpi(.marketingToRevenue), yearToDate: true, row: ratioRow,
          at: 1 + width))
    let data = DataSums(sales: r, labels: l)
    plainRow(
      l.orders, .live(data.sum(.orders, where: [(.month, .firstDay(of: r.month))]), .integer(m.figures.orders)),
      .live(data.sum(.orders, where: []), .integer(y.figures.orders)))
    plainRow(
      l.units, .live(data.sum(.units, where: [(.month, .firstDay(of: r.month))]), .integer(m.figures.units)),
      .live(data.sum(.units, where: []), .integer(y.figures.units)))
    s.appendLightKey(l.key, words: l.trackWords)
    risksFired(r, d, into: &s)
    kpisAndOutlook(r, d, into: &s)
    s.blank()
    let t = r.tally
    var account = "\(l.rowsAccount): \(t.read) / \(t.accepted) / \(t.rejected) / \(t.duplicates) / \(t.skipped)"
    if let count = r.data.aggregatedLineCount {
      account += ". " + l.dataAggregated(lines: count, limit: DataSheet.limit)
    }
    s.append([Cell(.text(account), .note)])
    // Who prepared, checked and approved the report, as a Vietnamese management report is signed.
    s.blank()
    let signers = [(0, l.preparedBy), (5, l.checkedBy), (10, l.approvedBy)]
    for (texts, role) in [(signers.map(\.1), CellRole.subtitle), (signers.map { _ in l.signHere }, .note)] {
      var row = Array(repeating: Cell(.empty), count: 13)
      for ((column, _), text) in zip(signers, texts) { row[column] = Cell(.text(text), role, span: 3) }
      s.append(row)
    }
    return s
  }

  /// A ratio's gap on `bound` in points, positive when better (the same rounding as `variancePoints`).
  func pointsFormula(_ value: String, _ bound: String, higherIsBetter: Bool) -> String {
    let gap = higherIsBetter ? "\(value)-\(bound)" : "\(bound)-\(value)"
    return "IF(OR(\(value)=\"\",\(bound)=\"\"),\"\",ROUND((\(gap))*100,6))"
  }

  /// An exact decimal for a formula: 950000 parts per million → `0.95`.
  static func decimal(partsPerMillion ppm: Int64) -> String {
    let sign = ppm < 0 ? "-" : "", magnitude = ppm.magnitude
    let whole = magnitude / 1_000_000, fraction = magnitude % 1_000_000
    guard fraction > 0 else { return "\(sign)\(whole)" }
    var digits = String(fraction)
    digits = String(repeating: "0", count: 6 - digits.count) + digits
    while digits.hasSuffix("0") { digits.removeLast() }
    return "\(sign)\(whole).\(digits)"
  }

  /// The plan's risks whose trigger the figures reached, each value and threshold a link to its row on
  /// the risks sheet, with the contingency the plan set for it (wrapped across the right-hand columns).
  func risksFired(_ r: ReviewReport, _ d: Detail, into s: inout Sheet) {
    let l = labels
    s.blank()
    s.append([Cell(.text(l.risksFired), .subtitle)])
    let fired = r.risks.enumerated().filter { $0.element.triggered }
    guard !fired.isEmpty else {
      s.append([Cell(.text(l.noRiskFired), .note)])
      return
    }
    let signalSpan = 3, contingencySpan = 6
    func spanned(_ cell: Cell, _ span: Int) -> [Cell] {
      var first = cell
      first.span = span
      return [first] + Array(repeating: Cell(.empty, cell.role), count: span - 1)
    }
    s.append(
      header([l.risk, l.value, l.threshold, l.period]) + spanned(Cell(.text(l.signal), .header), signalSpan)
        + spanned(Cell(.text(l.contingency), .header), contingencySpan))
    for (i, c) in fired {
      let shown = c.shown.condition
      // The signal that fired; for a risk of all its conditions, every one.
      let signal = (c.risk.combination == .all ? c.conditions.map(\.condition) : [shown]).map { condition in
        name(condition.kpi, condition.scope, r)
          + (condition.monthsInARow > 1 ? " (\(l.inARow(condition.monthsInARow)))" : "")
      }.joined(separator: l.andJoiner)
      s.append(
        [
          Cell(.text(c.risk.risk)),
          Cell(figure(d.risks, "risk \(i) value", .ratio(c.value)), decimals: decimals(c.value, [c.threshold])),
          Cell(
            figure(d.risks, "risk \(i) threshold", .ratio(c.threshold.ratio)),
            decimals: decimals(c.value, [c.threshold])),
          Cell(.text(shown.period == .month ? l.thisMonth : l.yearToDate)),
        ] + spanned(Cell(.text(signal)), signalSpan) + spanned(Cell(.text(c.risk.contingency)), contingencySpan))
    }
  }

  /// Side by side: on the left the plan's KPIs not green (each value and light a link to its row on the
  /// risks and KPIs sheet, where the light is a formula over its bands); on the right the full-year
  /// outlook and what the remaining months need.
  func kpisAndOutlook(_ r: ReviewReport, _ d: Detail, into s: inout Sheet) {
    let l = labels
    var left: [[Cell]] = [], right: [[Cell]] = []
    if !r.kpis.isEmpty {
      left.append([Cell(.text(l.kpisToWatch), .subtitle)])
      // A KPI's name spans three columns, so that it takes one line, not three.
      left.append(
        [Cell(.text(l.kpi), .header, span: 3), Cell(.empty, .header), Cell(.empty, .header)]
          + header([
            "\(l.value) \(l.shortMonth(r.month))", l.light, "\(l.value) \(l.yearToDate.lowercased())", l.light,
          ]))
      let watched = r.kpis.enumerated().filter { _, k in
        [k.monthLight, k.yearToDateLight].contains { $0 == .amber || $0 == .red }
      }
      for (i, k) in watched {
        left.append([
          Cell(.text(name(k.kpi, k.scope, r)), span: 3), Cell(.empty), Cell(.empty),
          Cell(
            figure(d.risks, "kpi \(i) month", .ratio(k.month)), decimals: decimals(k.month, [k.green, k.amber])),
          // The lights are the KPI sheet's (formulas there): one definition, shown the same here.
          Cell(figure(d.risks, "kpi \(i) month light", light(k.monthLight, words: l.trackWords))),
          Cell(
            figure(d.risks, "kpi \(i) ytd", .ratio(k.yearToDate)),
            decimals: decimals(k.yearToDate, [k.green, k.amber])),
          Cell(figure(d.risks, "kpi \(i) ytd light", light(k.yearToDateLight, words: l.trackWords))),
        ])
      }
      if watched.isEmpty { left.append([Cell(.text(l.allKPIsGreen), .note)]) }
    }
    func line(_ label: String, _ value: CellValue) -> [Cell] {
      [Cell(.text(label), span: 4), Cell(.empty), Cell(.empty), Cell(.empty), Cell(value, span: 2), Cell(.empty)]
    }
    right.append([Cell(.text(l.outlook), .subtitle)])
    if let o = r.outlook {
      right.append(line(l.atPlan, .money(o.atPlan)))
      right.append(line(l.atRunRate, o.atRunRate.map(CellValue.money) ?? .text(l.noData)))
      right.append(line(l.requiredRemaining, .money(o.requiredRemaining)))
      right.append(line(l.requiredOfPlan, .ratio(o.requiredOfPlan)))
      right.append(line(l.requiredOnline, .ratio(o.requiredOnlineShare)))
      right.append(line(l.requiredMargin, .ratio(o.requiredGrossMargin)))
      right.append(line(l.allowedMarketing, .ratio(o.allowedMarketingToRevenue)))
    }
    right.append(
      line(
        l.annualTarget,
        r.annualRevenueTarget.map { figure(d.plan, PlanAnchor.annualTarget, .money($0)) } ?? .text(l.noData)))
    right.append(line(l.phasing, .text(r.phasing == .baselineSeasonality ? l.phasingSeasonal : l.phasingEven)))
    right.append(line(l.baselineYear, r.baselineYear.map { CellValue.text(String($0)) } ?? .text(l.noData)))
    s.blank()
    let outlookColumn = 1 + Self.summaryBlockWidth
    for i in 0..<max(left.count, right.count) {
      var row = i < left.count ? left[i] : []
      if i < right.count {
        row += Array(repeating: Cell(.empty), count: max(0, outlookColumn - row.count))
        row += right[i]
      }
      s.append(row)
    }
  }
}
