import AOPLedger
import AOPPlan

/// Lays a baseline out as one sheet: months × channels with totals, margin, marketing, orders and
/// units, then the product groups of the year.
public struct BaselineLayout: Sendable {
  public let language: Config.Language

  public init(language: Config.Language) { self.language = language }

  public func layOut(_ baseline: Baseline, channels: [Channel]) -> [Sheet] {
    let l = Labels(language: language)
    let vi = language == .vi
    var s = Sheet(name: vi ? "Năm gốc \(baseline.year)" : "Baseline \(baseline.year)")
    s.columnWidths = [18] + channels.map { _ in 18 } + [18, 18, 14, 18, 10, 10]
    s.append([Cell(.text(vi ? "Năm gốc \(baseline.year)" : "Baseline \(baseline.year)"), .title)])
    s.blank()
    s.append(
      (["\(l.month)"] + channels.map(\.name) + [l.total, l.cogs, l.grossMargin, l.marketing, l.orders, l.units]).map {
        Cell(.text($0), .header)
      })
    s.frozenRows = s.rows.count
    let first = s.rows.count
    let r = baseline.rollup
    for month in Month.allOf(year: baseline.year) {
      let f = r.figures(months: [month])
      let row = s.rows.count
      var cells = [Cell(.month(month))]
      for c in channels { cells.append(Cell(.money(r.figures(months: [month], channel: c.id).revenue))) }
      let from = cellReference(row: row, column: 1), to = cellReference(row: row, column: channels.count)
      cells.append(
        Cell(
          .formula(
            "SUM(\(from):\(to))",
            cached: .money(channels.map { r.figures(months: [month], channel: $0.id).revenue }.sum()))))
      cells += [
        Cell(.money(f.cogs)), Cell(.ratio(f.grossMargin)), Cell(.money(f.marketing)), Cell(.integer(f.orders)),
        Cell(.integer(f.units)),
      ]
      s.append(cells)
    }
    let last = s.rows.count - 1
    let year = r.figures(months: Month.allOf(year: baseline.year))
    var totals = [Cell(.text(l.total), .total)]
    for column in 1...(channels.count + 2) {
      let sum = "SUM(\(cellReference(row: first, column: column)):\(cellReference(row: last, column: column)))"
      let cached: Money =
        column <= channels.count
        ? r.figures(months: Month.allOf(year: baseline.year), channel: channels[column - 1].id).revenue
        : column == channels.count + 1
          ? channels.map { r.figures(months: Month.allOf(year: baseline.year), channel: $0.id).revenue }.sum()
          : year.cogs
      totals.append(Cell(.formula(sum, cached: .money(cached)), .total))
    }
    totals += [
      Cell(.ratio(year.grossMargin), .total), Cell(.money(year.marketing), .total), Cell(.integer(year.orders), .total),
      Cell(.integer(year.units), .total),
    ]
    s.append(totals)
    s.blank()
    s.append([
      Cell(.text(l.productGroup), .header), Cell(.text(l.revenue), .header), Cell(.text(l.cogs), .header),
      Cell(.text(l.grossMargin), .header),
    ])
    for g in r.productGroups {
      let f = r.figures(months: Month.allOf(year: baseline.year), productGroup: g)
      guard f.revenue != .zero || f.units != 0 else { continue }
      s.append([
        Cell(.text(l.groupName(g))), Cell(.money(f.revenue)), Cell(.money(f.cogs)), Cell(.ratio(f.grossMargin)),
      ])
    }
    s.fitColumns()
    s.fitRows()
    return [s]
  }
}
