import AOPKPIs
import AOPLedger
import AOPPlan

/// The plan itself: its goals, its monthly targets (revenue by month and channel, budgets by month and
/// line, in force and as first planned), actions, resources, revisions, cadence. Every plan figure of
/// the other sheets reads these cells, which the sheet publishes (`PlanAnchor`).
extension ReviewLayout {
  /// The names under which the plan sheet publishes its figures.
  enum PlanAnchor {
    static let annualTarget = "annual target"
    static func goal(_ kpi: Plan.KPI) -> String { "goal \(kpi.rawValue)" }
    static func target(_ m: Month, _ channel: String? = nil, original: Bool = false) -> String {
      "\(original ? "original " : "")target \(m)\(channel.map { " " + $0 } ?? "")"
    }
    static func budget(_ m: Month, _ line: String) -> String { "budget \(m) \(line)" }
    static func budgetYear(_ line: String, original: Bool = false) -> String {
      "\(original ? "original " : "")budget year \(line)"
    }
  }

  func planSheet(_ r: ReviewReport) -> Sheet {
    let l = labels
    let p = r.plan
    var s = Sheet(name: l.planSheet)
    s.columnWidths = [30]  // the rest fitted: numbers to their width, text up to the limit, then wrapped
    s.append([Cell(.text("\(l.planSheet) \(p.year)"), .title)])
    s.blank()
    goals(r, into: &s)
    revenueTargets(r, into: &s)
    budgets(r, into: &s)
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

  /// The plan's goals, each on its row: the figures the summary and the detail sheets judge against.
  private func goals(_ r: ReviewReport, into s: inout Sheet) {
    let l = labels
    let g = r.plan.goals
    var rows: [(String, CellValue, anchor: String)] = []
    if let growth = g.revenueGrowth {
      rows.append((l.growthGoal, .ratio(growth.ratio), PlanAnchor.goal(.growthVsBaseline)))
    }
    if let target = r.annualRevenueTarget { rows.append((l.annualTarget, .money(target), PlanAnchor.annualTarget)) }
    if let online = g.onlineShare {
      rows.append((l.onlineShareGoal, .ratio(online.ratio), PlanAnchor.goal(.onlineShare)))
    }
    if let floor = g.grossMarginFloor {
      rows.append((l.marginFloor, .ratio(floor.ratio), PlanAnchor.goal(.grossMargin)))
    }
    if let ceiling = g.marketingToRevenueCeiling {
      rows.append((l.marketingCeiling, .ratio(ceiling.ratio), PlanAnchor.goal(.marketingToRevenue)))
    }
    guard !rows.isEmpty else { return }
    s.append([Cell(.text(l.goals), .subtitle)])
    for (label, value, anchor) in rows {
      s.publish(anchor, row: s.rows.count, column: 1)
      s.append([Cell(.text(label)), Cell(value)])
    }
    s.blank()
  }

  /// Revenue targets by month and channel, as in force and (when a revision changed them) as first
  /// planned, with their totals.
  private func revenueTargets(_ r: ReviewReport, into s: inout Sheet) {
    guard !r.revenueTargets.isEmpty else { return }
    let l = labels
    let months = (1...12).compactMap { Month(year: r.plan.year, month: $0) }
    let revised = r.revenueTargets != r.originalRevenueTargets
    let n = r.channels.count
    s.append([Cell(.text(l.revenueTargetsByMonth), .subtitle)])
    func group(_ title: String) -> [Cell] {
      [Cell(.text(title), .header, span: n + 1)] + Array(repeating: Cell(.empty, .header), count: n)
    }
    if revised { s.append([Cell(.empty, .header)] + group(l.inForce) + group(l.originalTarget)) }
    let names = r.channels.map(\.name) + [l.total]
    s.append(header([l.month] + names + (revised ? names : [])))
    let first = s.rows.count
    for m in months {
      let row = s.rows.count
      var cells = [Cell(.month(m))]
      for (block, original) in (revised ? [(0, false), (1, true)] : [(0, false)]) {
        let targets = original ? r.originalRevenueTargets : r.revenueTargets
        let start = 1 + block * (n + 1)
        for (i, c) in r.channels.enumerated() {
          cells.append(Cell(.money(targets[c.id]?[m.month - 1] ?? .zero)))
          s.publish(PlanAnchor.target(m, c.id, original: original), row: row, column: start + i)
        }
        let total = r.channels.map { targets[$0.id]?[m.month - 1] ?? .zero }.sum()
        let sum = "SUM(\(cellReference(row: row, column: start)):\(cellReference(row: row, column: start + n - 1)))"
        cells.append(Cell(.formula(n == 0 ? "0" : sum, cached: .money(total))))
        s.publish(PlanAnchor.target(m, original: original), row: row, column: start + n)
      }
      if !revised {  // as first planned: the same cells
        for c in r.channels {
          s.anchors[PlanAnchor.target(m, c.id, original: true)] = s.anchors[PlanAnchor.target(m, c.id)]
        }
        s.anchors[PlanAnchor.target(m, original: true)] = s.anchors[PlanAnchor.target(m)]
      }
      s.append(cells)
    }
    columnTotals(of: first..<s.rows.count, columns: 1..<(1 + (revised ? 2 : 1) * (n + 1)), into: &s)
    s.blank()
  }

  /// Each budget line's budget by month, in force (the revision of that month) and (when a revision
  /// changed any) as first planned, with the year's totals.
  private func budgets(_ r: ReviewReport, into s: inout Sheet) {
    let lines = planBudgetLines(r)
    guard !lines.isEmpty else { return }
    let l = labels
    let months = (1...12).compactMap { Month(year: r.plan.year, month: $0) }
    func amount(_ id: String, _ m: Month, original: Bool) -> Money {
      (original ? r.plan.budget : r.plan.budget(in: m)).first { $0.id == id }?.byMonth[m.month - 1] ?? .zero
    }
    let revised = months.contains { m in
      lines.contains { amount($0.id, m, original: false) != amount($0.id, m, original: true) }
    }
    for original in revised ? [false, true] : [false] {
      s.append([Cell(.text(original ? l.budgetByMonthOriginal : l.budgetByMonth), .subtitle)])
      s.append(header([l.month] + lines.map(\.name) + [l.total]))
      let first = s.rows.count
      for m in months {
        let row = s.rows.count
        var cells = [Cell(.month(m))]
        for (i, b) in lines.enumerated() {
          cells.append(Cell(.money(amount(b.id, m, original: original))))
          if !original { s.publish(PlanAnchor.budget(m, b.id), row: row, column: 1 + i) }
        }
        let total = lines.map { amount($0.id, m, original: original) }.sum()
        let sum = "SUM(\(cellReference(row: row, column: 1)):\(cellReference(row: row, column: lines.count)))"
        cells.append(Cell(.formula(sum, cached: .money(total))))
        s.append(cells)
      }
      let totalRow = s.rows.count
      columnTotals(of: first..<totalRow, columns: 1..<(lines.count + 2), into: &s)
      for (i, b) in lines.enumerated() {
        s.publish(PlanAnchor.budgetYear(b.id, original: original), row: totalRow, column: 1 + i)
        if !revised { s.anchors[PlanAnchor.budgetYear(b.id, original: true)] = s.anchors[PlanAnchor.budgetYear(b.id)] }
      }
      s.blank()
    }
  }

  /// Every budget line of the plan, the review's first (in its order), then any a revision dropped.
  func planBudgetLines(_ r: ReviewReport) -> [(id: String, name: String)] {
    var lines = r.budget.filter { $0.id != BudgetLine.unbudgetedID }.map { (id: $0.id, name: $0.name) }
    for c in r.plan.budget + r.plan.revisions.flatMap({ $0.budget ?? [] })
    where !lines.contains(where: { $0.id == c.id }) {
      lines.append((c.id, c.name))
    }
    return lines
  }

  /// A total row under `rows`: the sum of each of `columns`, cached from the money above.
  private func columnTotals(of rows: Range<Int>, columns: Range<Int>, into s: inout Sheet) {
    var cells = [Cell(.text(labels.total), .total)]
    for column in columns {
      let cached = rows.compactMap { r -> Money? in
        if case .money(let m)? = s.cell(r, column)?.value.shown { return m }
        return nil
      }.sum()
      let sum =
        "SUM(\(cellReference(row: rows.lowerBound, column: column)):\(cellReference(row: rows.upperBound - 1, column: column)))"
      cells.append(Cell(.formula(sum, cached: .money(cached)), .total))
    }
    s.append(cells)
  }
}
