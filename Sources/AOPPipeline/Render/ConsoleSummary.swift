import AOPKPIs
import AOPLedger
import AOPPlan
import Foundation

/// The short text summary a review prints to stdout.
public enum ConsoleSummary {
  public static func render(_ outcome: ReviewJob.Outcome, workbookShown: String) -> String {
    let r = outcome.report
    let money = MoneyText(currency: r.currency)
    var lines: [String] = []
    lines.append("\(r.company.isEmpty ? "" : r.company + " — ")AOP review \(r.month)")
    func amount(_ label: String, _ v: VersusPlan, _ planWord: String) -> String {
      var s = "\(label) \(money.format(v.actual))"
      if let plan = v.plan {
        s += " vs \(planWord) \(money.format(plan))"
        if let ratio = v.varianceRatio { s += " (\(signedPercent(ratio.value)))" }
        s += v.onTrack == true ? "  on track" : "  off track"
      }
      return s
    }
    func ratio(_ label: String, _ k: RatioVersusGoal, _ goalWord: String) -> String {
      var s = "\(label) \(k.actual.map { percent($0.value) } ?? "no data")"
      if let g = k.goal { s += " (\(goalWord) \(percent(g.value)))" }
      if let on = k.onTrack { s += on ? "  on track" : "  off track" }
      return s
    }
    for (name, p) in [("month", r.thisMonth), ("year to date", r.yearToDate)] {
      lines.append("\(name):")
      lines.append("  " + amount("revenue", p.revenue, "target"))
      lines.append("  " + ratio("online share", p.onlineShare, "goal"))
      lines.append(
        "  " + ratio("gross margin", p.grossMargin, "floor")
          + "; cost coverage \(p.figures.costCoverage.map { percent($0.value) } ?? "no data")")
      lines.append("  " + amount("marketing", p.marketing, "budget"))
      lines.append("  " + ratio("marketing/revenue", p.marketingToRevenue, "ceiling"))
    }
    if let o = r.outlook {
      lines.append(
        "outlook: \(money.format(o.atPlan)) at plan, \(o.atRunRate.map(money.format) ?? "no data") at the run-rate, against \(money.format(o.annualTarget))"
      )
      lines.append(
        "  the remaining months need \(money.format(o.requiredRemaining))\(o.requiredOfPlan.map { " (\(percent($0.value)) of their plan)" } ?? "")"
      )
    }
    for b in r.budget where b.overLimit {
      if b.id == BudgetLine.unbudgetedID {
        lines.append(
          "spent outside the budget: \(money.format(b.month.actual)) this month, \(money.format(b.yearToDate.actual)) year to date"
            + " (spend no budget category of the plan covers; see the budget sheet)")
        continue
      }
      // Say which period is over its limit: the month's budget, the budget to date, or both.
      var over: [String] = []
      if b.month.onTrack == false {
        over.append("this month \(money.format(b.month.actual)) of \(money.format(b.month.plan ?? .zero))")
      }
      if b.yearToDate.onTrack == false {
        over.append(
          "year to date \(money.format(b.yearToDate.actual)) of the \(money.format(b.yearToDate.plan ?? .zero)) budgeted to date"
        )
      }
      let year =
        b.remaining >= .zero
        ? "\(money.format(b.remaining)) of the year's \(money.format(b.annual)) left"
        : "the year's \(money.format(b.annual)) exceeded by \(money.format(-b.remaining))"
      lines.append("over budget: \(b.name): \(over.joined(separator: "; ")); \(year)")
    }
    for risk in r.risks where risk.triggered {
      let threshold = risk.risk.threshold.value
      lines.append(
        "risk triggered: \(risk.risk.risk) (\(risk.risk.kpi.rawValue) \(risk.value.map { percent($0.value, distinctFrom: threshold) } ?? "") past \(percent(threshold))) → \(risk.risk.contingency)"
      )
    }
    let t = r.tally
    let refused = r.sources.filter { $0.status == .refused }.count
    let flagged = r.sources.reduce(0) { $0 + $1.flags.reduce(0) { $0 + $1.count } }
    lines.append(
      "files: \(r.sources.count) (\(refused) refused); rows: \(t.read) read, \(t.accepted) accepted, \(t.rejected) rejected, \(t.duplicates) duplicate, \(t.skipped) skipped"
        + (flagged > 0 ? "; \(flagged) accepted but implausible (see the sources sheet)" : ""))
    lines.append("workbook: \(workbookShown)")
    return lines.joined(separator: "\n") + "\n"
  }

  static func percent(_ v: Double) -> String { String(format: "%.1f%%", v * 100) }

  /// A percentage with the decimals that tell it from `other` (100.03% past a 100% limit, not 100.0%).
  static func percent(_ v: Double, distinctFrom other: Double) -> String {
    for digits in 1...4 {
      let (a, b) = (String(format: "%.\(digits)f%%", v * 100), String(format: "%.\(digits)f%%", other * 100))
      if a != b || v == other { return a }
    }
    return String(format: "%.4f%%", v * 100)
  }
  static func signedPercent(_ v: Double) -> String { String(format: "%+.1f%%", v * 100) }
}

/// Money as text for people: digits grouped, the currency after.
public struct MoneyText: Sendable {
  public let currency: Currency

  public init(currency: Currency) { self.currency = currency }

  public func format(_ m: Money) -> String {
    let scale = currency.unitScale
    let negative = m.minorUnits < 0
    let magnitude = m.minorUnits.magnitude
    var text = Digits.grouped(magnitude / UInt64(scale))
    if currency.minorDigits > 0 {
      let fraction = String(magnitude % UInt64(scale))
      text += "." + String(repeating: "0", count: currency.minorDigits - fraction.count) + fraction
    }
    return "\(negative ? "-" : "")\(text) \(currency.code)"
  }
}
