import AOPKPIs
import AOPLedger
import AOPPlan
import Foundation

/// The short text summary a review prints to stdout, in the config's language.
public enum ConsoleSummary {
  public static func render(_ outcome: ReviewJob.Outcome, workbookShown: String) -> String {
    let r = outcome.report
    let text = ConsoleText(language: outcome.language)
    let say = text.say
    let money = text.money(r.currency)
    let (onTrack, offTrack, noData) = (
      say("on track", "đạt"), say("off track", "chưa đạt"), say("no data", "chưa có số liệu")
    )
    var lines: [String] = []
    lines.append(
      "\(r.company.isEmpty ? "" : r.company + " — ")"
        + say("AOP review \(r.month)", "Đánh giá thực hiện kế hoạch năm (AOP) kỳ \(r.month)"))
    /// A budget is kept or overspent; a target is met or not.
    let (within, over) = (say("within budget", "trong ngân sách"), say("over budget", "vượt ngân sách"))
    func amount(_ label: String, _ v: VersusPlan, _ planWord: String, isBudget: Bool = false) -> String {
      var s = "\(label) \(money.format(v.actual))"
      if let plan = v.plan {
        s += " \(say("vs", "so với")) \(planWord) \(money.format(plan))"
        if let ratio = v.varianceRatio { s += " (\(text.signedPercent(ratio.value)))" }
        s += "  " + (v.onTrack == true ? (isBudget ? within : onTrack) : (isBudget ? over : offTrack))
      }
      return s
    }
    func ratio(_ label: String, _ k: RatioVersusGoal, _ goalWord: String) -> String {
      var s = "\(label) \(k.actual.map { text.percent($0.value) } ?? noData)"
      if let g = k.goal { s += " (\(goalWord) \(text.percent(g.value)))" }
      if let on = k.onTrack { s += "  " + (on ? onTrack : offTrack) }
      return s
    }
    for (name, p) in [(say("month", "trong tháng"), r.thisMonth), (say("year to date", "lũy kế năm"), r.yearToDate)] {
      lines.append("\(name):")
      lines.append("  " + amount(say("revenue", "doanh thu thuần"), p.revenue, say("target", "kế hoạch")))
      lines.append("  " + ratio(say("online share", "tỷ trọng online"), p.onlineShare, say("goal", "mục tiêu")))
      lines.append(
        "  " + ratio(say("gross margin", "biên lợi nhuận gộp"), p.grossMargin, say("floor", "tối thiểu"))
          + say("; cost coverage ", "; tỷ lệ doanh thu có giá vốn ")
          + (p.figures.costCoverage.map { text.percent($0.value) } ?? noData))
      lines.append(
        "  " + amount(say("marketing", "chi phí marketing"), p.marketing, say("budget", "ngân sách"), isBudget: true))
      lines.append(
        "  " + ratio(say("marketing/revenue", "marketing/doanh thu"), p.marketingToRevenue, say("ceiling", "tối đa")))
    }
    if let o = r.outlook {
      let runRate = o.atRunRate.map(money.format) ?? noData
      lines.append(
        say(
          "outlook: \(money.format(o.atPlan)) at plan, \(runRate) at the run-rate, against \(money.format(o.annualTarget))",
          "dự báo doanh thu cả năm: \(money.format(o.atPlan)) nếu các tháng còn lại đạt kế hoạch, \(runRate) theo tốc độ hiện tại; kế hoạch năm \(money.format(o.annualTarget))"
        ))
      let ofPlan = o.requiredOfPlan.map { text.percent($0.value) }
      lines.append(
        say(
          "  the remaining months need \(money.format(o.requiredRemaining))\(ofPlan.map { " (\($0) of their plan)" } ?? "")",
          "  các tháng còn lại cần đạt \(money.format(o.requiredRemaining))\(ofPlan.map { " (bằng \($0) kế hoạch của các tháng đó)" } ?? "")"
        ))
    }
    for b in r.budget where b.overLimit {
      let (month, toDate) = (money.format(b.month.actual), money.format(b.yearToDate.actual))
      if b.id == BudgetLine.unbudgetedID {
        lines.append(
          say(
            "spent outside the budget: \(month) this month, \(toDate) year to date (spend no budget category of the plan covers; see the budget sheet)",
            "chi ngoài ngân sách: \(month) trong tháng, \(toDate) lũy kế năm (khoản chi không thuộc hạng mục ngân sách nào của kế hoạch; xem trang Ngân sách)"
          ))
        continue
      }
      // Say which period is over its limit: the month's budget, the budget to date, or both.
      var over: [String] = []
      if b.month.onTrack == false {
        let plan = money.format(b.month.plan ?? .zero)
        over.append(say("this month \(month) of \(plan)", "tháng này chi \(month)/ngân sách \(plan)"))
      }
      if b.yearToDate.onTrack == false {
        let plan = money.format(b.yearToDate.plan ?? .zero)
        over.append(
          say(
            "year to date \(toDate) of the \(plan) budgeted to date",
            "lũy kế năm chi \(toDate)/ngân sách lũy kế \(plan)"))
      }
      let (remaining, annual) = (money.format(b.remaining), money.format(b.annual))
      let year =
        b.remaining >= .zero
        ? say("\(remaining) of the year's \(annual) left", "ngân sách năm \(annual) còn lại \(remaining)")
        : say(
          "the year's \(annual) exceeded by \(money.format(-b.remaining))",
          "đã vượt ngân sách năm \(annual) là \(money.format(-b.remaining))")
      lines.append(say("over budget: ", "vượt ngân sách: ") + "\(b.name): \(over.joined(separator: "; ")); \(year)")
    }
    for risk in r.risks where risk.triggered {
      // The condition that fired (every one, for a risk of all of them), with its value and threshold
      // in each month it was judged: below a floor, above a ceiling.
      let fired = risk.risk.combination == .all ? risk.conditions : [risk.shown]
      let signals = fired.map { check -> String in
        let c = check.condition
        let name = text.labels.kpiName(c.kpi, c.scope, channels: r.channels, budget: r.budget)
        let past = c.kpi.higherIsBetter ? say("below", "dưới ngưỡng") : say("above", "trên ngưỡng")
        let values = check.judged.map { j -> String in
          let value = j.value.map { text.percent($0.value, distinctFrom: j.threshold.ratio.value) } ?? noData
          let at = check.judged.count > 1 ? "\(j.month) " : ""
          return at + value + " " + past + " " + text.percent(j.threshold.ratio.value)
        }
        return "\(name) \(values.joined(separator: ", "))"
      }
      lines.append(
        say("risk triggered: ", "rủi ro đã kích hoạt: ")
          + "\(risk.risk.risk) (\(signals.joined(separator: say("; and ", "; và ")))) → \(risk.risk.contingency)")
    }
    let t = r.tally
    let refused = r.sources.filter { $0.status == .refused }.count
    let flagged = r.sources.reduce(0) { $0 + $1.flags.reduce(0) { $0 + $1.count } }
    lines.append(
      say(
        "files: \(r.sources.count) (\(refused) refused); rows: \(text.grouped(t.read)) read, \(text.grouped(t.accepted)) accepted, \(text.grouped(t.rejected)) rejected, \(text.grouped(t.duplicates)) duplicate, \(text.grouped(t.skipped)) skipped",
        "tệp: \(r.sources.count) (\(refused) bị từ chối); dòng: đọc \(text.grouped(t.read)), nhận \(text.grouped(t.accepted)), loại \(text.grouped(t.rejected)), trùng \(text.grouped(t.duplicates)), bỏ qua \(text.grouped(t.skipped))"
      )
        + (flagged > 0
          ? say(
            "; \(text.grouped(flagged)) accepted but implausible (see the sources sheet)",
            "; \(text.grouped(flagged)) dòng bất thường nhưng vẫn nhận (xem trang Nguồn dữ liệu)") : ""))
    lines.append(say("workbook: ", "báo cáo: ") + workbookShown)
    return lines.joined(separator: "\n") + "\n"
  }
}

/// Money as text for people: digits grouped as the language writes them, the currency after.
public struct MoneyText: Sendable {
  public let currency: Currency
  public let language: Config.Language

  public init(currency: Currency, language: Config.Language = .en) {
    self.currency = currency
    self.language = language
  }

  public func format(_ m: Money) -> String {
    let scale = currency.unitScale
    let negative = m.minorUnits < 0
    let magnitude = m.minorUnits.magnitude
    var text = language.grouped(magnitude / UInt64(scale))
    if currency.minorDigits > 0 {
      let fraction = String(magnitude % UInt64(scale))
      text +=
        String(language.decimalMark) + String(repeating: "0", count: currency.minorDigits - fraction.count) + fraction
    }
    return "\(negative ? "-" : "")\(text) \(currency.code)"
  }
}
