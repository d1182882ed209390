import AOPKPIs
import AOPLedger
import AOPPlan

/// Lays the review report out as sheets: summary, revenue by channel, gross margin, marketing, sources
/// and rejected rows. Pure: the same report gives the same sheets.
public struct ReviewLayout: Sendable {
  public let language: Config.Language

  public init(language: Config.Language) { self.language = language }

  var labels: Labels { Labels(language: language) }

  /// The file's properties and the printed pages' words, in the workbook's language.
  public func properties(_ report: ReviewReport) -> WorkbookProperties {
    let l = labels
    return WorkbookProperties(
      title: "\(l.reviewTitle) \(l.monthName(report.month))", company: report.company,
      subject: l.monthName(report.month), created: report.month.next.firstDay, page: l.page, points: l.pointsUnit,
      monthFormat: l.monthFormat, dateFormat: l.dateFormat)
  }

  public func layOut(_ report: ReviewReport) -> [Sheet] {
    // Each sheet is laid out after those it points to, which publish their cells as they place them.
    let plan = planSheet(report)
    let channelSheet = channels(report, plan: plan)
    let marginSheet = grossMargin(report, plan: plan)
    let marketingSheet = marketing(report, plan: plan)
    let budgetSheet = budget(report, plan: plan)
    let risksSheet = risks(report)
    let detail = Detail(
      plan: plan, channels: channelSheet, margin: marginSheet, marketing: marketingSheet, budget: budgetSheet,
      risks: risksSheet)
    var sheets =
      [
        summary(report, detail), channelSheet, marginSheet, marketingSheet, budgetSheet, risksSheet,
      ] + (report.kpis.isEmpty ? [] : [kpisByMonth(report)]) + [
        plan,
        sources(report), rejects(report),
      ] + (report.data.isEmpty ? [] : [data(report)])
      + (report.data.spend.isEmpty ? [] : [spendData(report)])
    let summaryName = sheets.first?.name ?? ""
    for i in sheets.indices {
      sheets[i].linkFormulasToTheirSources()
      if i > 0 { sheets[i].addLinkBack(to: summaryName, saying: "← \(summaryName)") }
      sheets[i].fitColumns()
      sheets[i].fitRows()
    }
    return sheets
  }

  /// The sheets the summary's figures come from (and lead back to).
  struct Detail {
    let plan: Sheet, channels: Sheet, margin: Sheet, marketing: Sheet, budget: Sheet, risks: Sheet
  }

  // MARK: Shared pieces

  /// A figure another sheet published as `anchor` (a formula, so it leads there) with its value cached,
  /// or the value itself when that sheet has no such cell.
  func figure(_ sheet: Sheet, _ anchor: String, _ value: CellValue) -> CellValue {
    sheet.reference(anchor).map { .formula($0, cached: value) } ?? value
  }

  /// The sum of published cells: the block `from`…`to`, or the cells `anchors`; the value itself when
  /// the sheet lacks any of them.
  func sum(_ sheet: Sheet, from: String, to: String, _ value: CellValue) -> CellValue {
    sheet.reference(from, through: to).map { .formula("SUM(\($0))", cached: value) } ?? value
  }
  func sum(_ sheet: Sheet, _ anchors: [String], _ value: CellValue) -> CellValue {
    let references = anchors.compactMap { sheet.reference($0) }
    guard references.count == anchors.count else { return value }
    return .formula(references.isEmpty ? "0" : "SUM(\(references.joined(separator: ",")))", cached: value)
  }

  func header(_ names: [String]) -> [Cell] { names.map { Cell(.text($0), .header) } }

  /// Actual, plan, variance (formula) and variance % (formula) for an amount, at `row`, from `column`;
  /// the plan as `plan` gives it (a formula reading the plan sheet), else as a number.
  func amountCells(
    _ v: VersusPlan, row: Int, column: Int, role: CellRole = .body, plan planCell: ((Money) -> CellValue)? = nil
  ) -> [Cell] {
    let a = cellReference(row: row, column: column)
    let p = cellReference(row: row, column: column + 1)
    let d = cellReference(row: row, column: column + 2)
    guard let plan = v.plan, let variance = v.variance else {
      return [Cell(.money(v.actual), role), Cell(.empty, role), Cell(.empty, role), Cell(.empty, role)]
    }
    let varianceFormula = v.kind == .target ? "\(a)-\(p)" : "\(p)-\(a)"
    return [
      Cell(.money(v.actual), role), Cell(planCell?(plan) ?? .money(plan), role),
      Cell(.formula(varianceFormula, cached: .money(variance)), role),
      Cell(.formula("IF(\(p)=0,\"\",\(d)/\(p))", cached: .ratio(v.varianceRatio)), role),
    ]
  }

  /// The decimals a ratio needs beside the bounds it is judged against (34.99% against 35%, not 35.0%).
  func decimals(_ r: Ratio?, _ bounds: [Share]) -> Int? {
    r?.percentDecimals(distinctFrom: bounds.map(\.ratio))
  }

  /// A ratio month by month (column `value` of the month rows, months in column A) against the plan's
  /// bound (its name and column, dashed) when the plan sets one.
  func ratioChart(
    _ title: String, name: String? = nil, months: (first: Int, last: Int), value: Int, bound: (String, Int)?
  ) -> Chart {
    func column(_ c: Int) -> ColumnRange { ColumnRange(firstRow: months.first, lastRow: months.last, column: c) }
    return Chart(
      kind: .line, title: title, row: 0, column: 0, categories: column(0),
      series: [Chart.Series(name: name ?? title, values: column(value))]
        + (bound.map { [Chart.Series(name: $0.0, values: column($0.1), isBound: true)] } ?? []),
      valueAxisTitle: "%")
  }

  func light(_ kpiLight: KPIStatus.Light, words: LightWords? = nil) -> CellValue {
    let words = words ?? labels.kpiWords
    switch kpiLight {
    case .green: return .light(Light(.green, words))
    case .amber: return .light(Light(.amber, words))
    case .red: return .light(Light(.red, words))
    case .noData: return .text(labels.noData)
    }
  }

  /// A KPI's light as a formula over its value and bounds (cells or numbers), so that a corrected figure
  /// re-colours; the light the review decided (exactly) cached. Green at or better than `green`, amber at
  /// or better than `amber`, red otherwise; no data when the value cell is empty.
  func liveLight(
    _ decided: KPIStatus.Light, value: String, green: String, amber: String, higherIsBetter: Bool,
    words: LightWords? = nil
  ) -> CellValue {
    let better = higherIsBetter ? ">=" : "<="
    let none = labels.noData.replacingOccurrences(of: "\"", with: "\"\"")
    return .formula(
      "IF(\(value)=\"\",\"\(none)\",IF(\(value)\(better)\(green),2,IF(\(value)\(better)\(amber),1,0)))",
      cached: light(decided, words: words))
  }
}
