import AOPKPIs
import AOPLedger
import AOPPlan
import Foundation
import Testing

@testable import AOPPipeline

/// A triggered risk in the console: the signal that fired with its value and threshold month by month,
/// below a floor or above a ceiling, in the config's language; every signal of a risk of all of them.
@Suite struct ConsoleRiskTests {
  let ref = SourceRef(file: "f.csv", line: 2, profile: "p")
  let channels = [Channel(id: "store", name: "Store", kind: .offline), Channel(id: "web", name: "Web", kind: .online)]

  func outcome(_ risk: Plan.Risk, language: Config.Language) throws -> ReviewJob.Outcome {
    var l = Ledger()
    for (month, channel, revenue, cost) in [
      ("2026-01", "store", Int64(700), Int64(500)), ("2026-01", "web", 300, 200), ("2026-02", "store", 700, 480),
      ("2026-02", "web", 300, 200),
    ] {
      let sku = "\(month)-\(channel)"
      l.add(CostEntry(sku: sku, unitCost: Money(minorUnits: cost), source: ref))
      l.add(
        SaleLine(
          day: Day(iso: month + "-15")!, channel: channel, orderID: sku, sku: sku, productName: sku, quantity: 1,
          netRevenue: Money(minorUnits: revenue), source: ref))
    }
    let plan = Plan(
      company: "X", year: 2026, currency: .vnd,
      goals: .init(
        revenueGrowth: nil, revenueTarget: Money(minorUnits: 12_000), onlineShare: nil, grossMarginFloor: nil,
        marketingToRevenueCeiling: nil),
      budget: [], risks: [risk])
    let report = ReviewReport.compute(
      month: Month(text: "2026-02")!, rollup: l.rollUp(), plan: plan,
      targets: try Targets(plan: plan, baseline: nil, channels: channels), channels: channels, baseline: nil,
      sources: [], rejections: [])
    return ReviewJob.Outcome(
      status: .ok, report: report, workbook: URL(fileURLWithPath: "/w.xlsx"),
      rejectsFile: URL(fileURLWithPath: "/r.csv"), language: language)
  }

  @Test func everySignalOfARiskOfAllOfThemWithItsMonths() throws {
    // Margin: January 300/1000 = 30%, February 320/1000 = 32%, both under 33%; online 30% under 40%.
    let risk = Plan.Risk(
      risk: "Squeeze", combination: .all,
      conditions: [
        .init(kpi: .grossMargin, threshold: .init(Share(partsPerMillion: 330_000)), monthsInARow: 2),
        .init(kpi: .onlineShare, threshold: .init(Share(partsPerMillion: 400_000))),
      ], contingency: "Reprice")
    let en = ConsoleSummary.render(try outcome(risk, language: .en), workbookShown: "w")
    #expect(
      en.contains(
        "risk triggered: Squeeze (gross margin 2026-01 30.0% below 33.0%, 2026-02 32.0% below 33.0%; and online share 30.0% below 40.0%) → Reprice"
      ), "\(en)")
    let vi = ConsoleSummary.render(try outcome(risk, language: .vi), workbookShown: "w")
    #expect(
      vi.contains(
        "rủi ro đã kích hoạt: Squeeze (biên lợi nhuận gộp 2026-01 30,0% dưới ngưỡng 33,0%, 2026-02 32,0% dưới ngưỡng 33,0%; và tỷ trọng online 30,0% dưới ngưỡng 40,0%) → Reprice"
      ), "\(vi)")
    // A ceiling is crossed from below: "above" (no marketing at all: 0% of revenue, above a −1% ceiling).
    let ads = Plan.Risk(
      risk: "Ads", kpi: .marketingToRevenue, threshold: Share(partsPerMillion: -10_000), contingency: "Cut")
    let text = ConsoleSummary.render(try outcome(ads, language: .en), workbookShown: "w")
    #expect(text.contains("risk triggered: Ads (marketing / revenue 0.0% above -1.0%) → Cut"), "\(text)")
  }
}
