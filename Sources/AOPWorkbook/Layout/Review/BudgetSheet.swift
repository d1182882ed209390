import AOPKPIs
import AOPLedger
import AOPPlan

/// Every budget line: the month, the year to date and the year.
extension ReviewLayout {
  func budget(_ r: ReviewReport, plan: Sheet) -> Sheet {
    let l = labels
    var s = Sheet(name: l.budgetSheet)
    s.columnWidths = [26, 14, 14, 14, 12, 15, 15, 15, 9, 12, 15, 15, 15, 9]
    s.append([Cell(.text("\(l.budgetSheet) — \(l.monthName(r.month))"), .title)])
    if let revision = r.revision {
      s.append([
        Cell(.text("\(l.revisions): \(l.from.lowercased()) \(l.monthName(revision.from)) — \(revision.note)"), .note)
      ])
    }
    s.blank()
    // The month, then the year to date with its share used and status on the same basis (the budget to
    // date), then the year: its budget (as revised, and as first planned), what is left, its share used.
    let ytd = l.yearToDate.lowercased()
    s.append(
      header([
        l.category, "\(l.actual) \(l.shortMonth(r.month))", l.budget, l.remaining, l.status, "\(l.actual) \(ytd)",
        "\(l.budget) \(ytd)", l.remaining, l.used, l.status, l.annualBudget, l.originalBudget, l.remainingYear,
        l.usedOfYear,
      ]))
    s.frozenRows = s.rows.count
    let spending = DataSums(spend: r, labels: l)
    let first = s.rows.count
    let january = Month(year: r.month.year, month: 1) ?? r.month
    for b in r.budget {
      let n = s.rows.count
      let ref = { (column: Int) in cellReference(row: n, column: column) }
      let name = budgetLineName(b.id, r)
      // Spend and purchases lead to their rows on the spend sheet, which names each row's budget line.
      func actual(_ value: Money, month: Month?) -> Cell {
        let matches: [(SpendColumn, DataMatch)] =
          [(.budgetLine, .text(name))] + (month.map { [(.month, .firstDay(of: $0))] } ?? [])
        return Cell(.live(spending.sum(.amount, where: matches), .money(value)))
      }
      let kpi = r.kpis.first { $0.kpi == .budgetUsed && $0.scope.category == b.id && $0.scope.channel == nil }
      /// The status of spend `a` against budget `p`: by the plan's budget-used bands when it has them
      /// for this category (over the share used), else within the budget or not.
      func status(_ v: VersusPlan, decided: KPIStatus.Light?, a: String, p: String) -> Cell {
        if let kpi, let decided, decided != .noData {
          return Cell(
            liveLight(
              decided, value: "IF(\(p)=0,\"\",\(a)/\(p))",
              green: Self.decimal(partsPerMillion: kpi.green.partsPerMillion),
              amber: Self.decimal(partsPerMillion: kpi.amber.partsPerMillion), higherIsBetter: false,
              words: l.limitWords))
        }
        guard let onTrack = v.onTrack else { return Cell(.text(l.noData)) }
        return Cell(
          liveLight(onTrack ? .green : .red, value: a, green: p, amber: p, higherIsBetter: false, words: l.limitWords))
      }
      s.append([
        Cell(.text(name)), actual(b.month.actual, month: r.month),
        Cell(figure(plan, PlanAnchor.budget(r.month, b.id), .money(b.month.plan ?? .zero))),
        Cell(.formula("\(ref(2))-\(ref(1))", cached: .money((b.month.plan ?? .zero) - b.month.actual))),
        status(b.month, decided: kpi?.monthLight, a: ref(1), p: ref(2)),
        actual(b.yearToDate.actual, month: nil),
        Cell(
          sum(
            plan, from: PlanAnchor.budget(january, b.id), to: PlanAnchor.budget(r.month, b.id),
            .money(b.yearToDate.plan ?? .zero))),
        Cell(.formula("\(ref(6))-\(ref(5))", cached: .money((b.yearToDate.plan ?? .zero) - b.yearToDate.actual))),
        Cell(
          .formula("IF(\(ref(6))=0,\"\",\(ref(5))/\(ref(6)))", cached: .ratio(b.yearToDate.attainment)),
          decimals: decimals(b.yearToDate.attainment, kpi.map { [$0.green, $0.amber] } ?? [])),
        status(b.yearToDate, decided: kpi?.yearToDateLight, a: ref(5), p: ref(6)),
        Cell(figure(plan, PlanAnchor.budgetYear(b.id), .money(b.annual))),
        Cell(figure(plan, PlanAnchor.budgetYear(b.id, original: true), .money(b.originalAnnual))),
        Cell(.formula("\(ref(10))-\(ref(5))", cached: .money(b.remaining))),
        Cell(.formula("IF(\(ref(10))=0,\"\",\(ref(5))/\(ref(10)))", cached: .ratio(b.usedOfAnnual))),
      ])
    }
    guard s.rows.count > first else { return s }
    let last = s.rows.count - 1
    // The total of the spend lines; purchases go to stock (their cost reaches the margin as goods are
    // sold), so they are not added to spending.
    let spend = r.budget.enumerated().filter { $0.element.kind != .purchasing }
    let n = s.rows.count
    // The summary's operating costs: the total's spend and budget, in the month and the year to date.
    for (name, column) in [("spend month", 1), ("budget month", 2), ("spend ytd", 5), ("budget ytd", 6)] {
      s.publish(name, row: n, column: column)
    }
    let ref = { (column: Int) in cellReference(row: n, column: column) }
    func columnTotal(_ column: Int, _ value: Money) -> Cell {
      let cells = spend.map { cellReference(row: first + $0.offset, column: column) }.joined(separator: ",")
      return Cell(.formula(cells.isEmpty ? "0" : "SUM(\(cells))", cached: .money(value)), .total)
    }
    func total(_ money: (BudgetLine) -> Money) -> Money { spend.map { money($0.element) }.sum() }
    let ytdActual = total(\.yearToDate.actual), ytdBudget = total { $0.yearToDate.plan ?? .zero }
    let annual = total(\.annual)
    s.append([
      Cell(.text(l.totalSpend), .total), columnTotal(1, total(\.month.actual)),
      columnTotal(2, total { $0.month.plan ?? .zero }),
      columnTotal(3, total { ($0.month.plan ?? .zero) - $0.month.actual }), Cell(.empty, .total),
      columnTotal(5, ytdActual),
      columnTotal(6, ytdBudget), columnTotal(7, ytdBudget - ytdActual),
      Cell(
        .formula("IF(\(ref(6))=0,\"\",\(ref(5))/\(ref(6)))", cached: .ratio(Ratio(ytdActual, over: ytdBudget))),
        .total),
      Cell(.empty, .total), columnTotal(10, annual), columnTotal(11, total(\.originalAnnual)),
      columnTotal(12, annual - ytdActual),
      Cell(
        .formula("IF(\(ref(10))=0,\"\",\(ref(5))/\(ref(10)))", cached: .ratio(Ratio(ytdActual, over: annual))),
        .total),
    ])
    for column in [3, 7, 12] {  // what is left of the month's, the year to date's and the year's budget
      s.overspendWatch.append(CellBlock(firstRow: first, lastRow: last, firstColumn: column, lastColumn: column))
    }
    s.appendLightKey(l.key, words: l.limitWords)
    return s
  }
}
