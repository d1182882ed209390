import AOPKPIs
import AOPLedger
import AOPPlan

/// Every budget line: the month, the year to date and the year.
extension ReviewLayout {
  func budget(_ r: ReviewReport) -> Sheet {
    let l = labels
    var s = Sheet(name: l.budgetSheet)
    s.columnWidths = [30, 15, 15, 15, 15, 15, 15, 15, 15, 10, 12]
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
}
