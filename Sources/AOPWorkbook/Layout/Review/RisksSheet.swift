import AOPKPIs
import AOPLedger
import AOPPlan

/// The plan's risks condition by condition, its KPI lights, and each KPI month by month.
extension ReviewLayout {
  /// A KPI with its scope, in the workbook's words, as a table's cell starts (with a capital).
  func name(_ kpi: Plan.KPI, _ scope: Plan.Scope, _ r: ReviewReport) -> String {
    let text = labels.kpiName(kpi, scope, channels: r.channels, budget: r.budget)
    return text.prefix(1).uppercased() + text.dropFirst()
  }

  func risks(_ r: ReviewReport) -> Sheet {
    let l = labels
    var s = Sheet(name: l.risksSheet)
    s.columnWidths = [28, 12, 28, 10, 9, 9, 12, 30, 40]
    s.append([Cell(.text("\(l.risksSheet) — \(l.monthName(r.month))"), .title)])
    s.blank()
    s.append(
      header([
        l.risk, l.status, l.signal, l.period, l.threshold, l.value, l.conditionHolds, l.monthsJudged, l.contingency,
      ]))
    s.frozenRows = s.rows.count
    // One row per condition: the risk, its status and contingency on its first; the value and
    // threshold of the month reviewed; the months judged when a condition must hold several in a row.
    // Published: each risk's shown condition (the one that fired, else the first), its value and
    // threshold as `risk N value` and `risk N threshold`; each KPI's values and lights (`kpi N month`,
    // `kpi N month light`, `kpi N ytd`, `kpi N ytd light`), in the report's order.
    for (i, c) in r.risks.enumerated() {
      let shown = s.rows.count + (c.conditions.firstIndex { $0.holds } ?? 0)
      s.publish("risk \(i) value", row: shown, column: 5)
      s.publish("risk \(i) threshold", row: shown, column: 4)
      for (j, check) in c.conditions.enumerated() {
        let condition = check.condition
        let last = check.judged.last
        var signal = name(condition.kpi, condition.scope, r)
        if condition.monthsInARow > 1 { signal += " (\(l.inARow(condition.monthsInARow)))" }
        let history =
          condition.monthsInARow > 1
          ? check.judged.map { "\(l.shortMonth($0.month)): \(l.percent($0.value, distinctFrom: $0.threshold))" }.joined(
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
        l.kpi, "\(l.value) \(l.shortMonth(r.month))", l.light, "\(l.value) \(l.yearToDate.lowercased())", l.light,
        l.green, l.amber,
      ]))
    for (i, k) in r.kpis.enumerated() {
      for (name, column) in [("month", 1), ("month light", 2), ("ytd", 3), ("ytd light", 4)] {
        s.publish("kpi \(i) \(name)", row: s.rows.count, column: column)
      }
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
    s.append([Cell(.text("\(l.yearSoFar) — \(l.monthName(r.month))"), .title)])
    s.blank()
    s.append(header([l.kpi] + months.map(l.shortMonth)))
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
}
