import AOPKPIs
import AOPLedger
import AOPPlan

/// The plan itself: actions, resources, revisions, cadence.
extension ReviewLayout {
  func planSheet(_ r: ReviewReport) -> Sheet {
    let l = labels
    let p = r.plan
    var s = Sheet(name: l.planSheet)
    s.columnWidths = [40, 24, 16, 40, 24]
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
}
