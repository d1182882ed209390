import AOPLedger
import AOPPlan
import Testing

@testable import AOPKPIs

/// The AOP parts of the review, against values computed by hand in the comments.
@Suite struct PlanReviewTests {
  let channels = [Channel(id: "store", name: "Store", kind: .offline), Channel(id: "web", name: "Web", kind: .online)]
  let ref = SourceRef(file: "f.csv", line: 2, profile: "p")
  func m(_ text: String) -> Month { Month(text: text)! }
  func d(_ text: String) -> Day { Day(iso: text)! }
  func money(_ v: Int64) -> Money { Money(minorUnits: v) }
  func every(_ v: Int64) -> [Money] { Array(repeating: Money(minorUnits: v), count: 12) }

  func plan(
    overrides: [Int: Money] = [:], revisions: [Plan.Revision] = [], risks: [Plan.Risk] = [],
    kpis: [Plan.KPIThresholds] = []
  ) -> Plan {
    Plan(
      company: "X", year: 2026, currency: .vnd,
      goals: .init(
        revenueGrowth: nil, revenueTarget: money(1_200), onlineShare: Share(partsPerMillion: 450_000),
        grossMarginFloor: Share(partsPerMillion: 350_000), marketingToRevenueCeiling: Share(partsPerMillion: 100_000),
        revenueOverrides: overrides),
      budget: [
        .init(id: "marketing-web", name: "Web ads", kind: .marketing, channel: "web", byMonth: every(100)),
        .init(id: "marketing", name: "Other marketing", kind: .marketing, byMonth: every(50)),
        .init(id: "purchasing", name: "Purchasing", kind: .purchasing, byMonth: every(100)),
        .init(id: "rent", name: "Rent", kind: .fixed, expenseCategories: ["Rent"], byMonth: every(30)),
      ],
      risks: risks, kpis: kpis, revisions: revisions)
  }

  @Test func overridesAndARevisionRephaseTheRestOfTheYear() throws {
    // 1200 with February set to 300: the other 11 months share 900 = 11 × 81 + 9, so the first nine get 82.
    let base = try Targets(plan: plan(overrides: [2: money(300)]), baseline: nil, channels: channels)
    #expect(
      (1...12).map { base.revenue(months: [m(String(format: "2026-%02d", $0))])!.minorUnits } == [
        82, 300, 82, 82, 82, 82, 82, 82, 82, 82, 81, 81,
      ])
    // From July, September is set to 200: January–June stay (710), the rest 290 goes 58 to each of the five free months.
    let revised = try Targets(
      plan: plan(
        overrides: [2: money(300)],
        revisions: [.init(from: m("2026-07"), note: "n", budget: nil, revenueOverrides: [9: money(200)])]),
      baseline: nil, channels: channels)
    #expect(
      (1...12).map { revised.revenue(months: [m(String(format: "2026-%02d", $0))])!.minorUnits } == [
        82, 300, 82, 82, 82, 82, 58, 58, 200, 58, 58, 58,
      ])
    #expect(revised.revenue(months: [m("2026-09")], original: true)?.minorUnits == 82)
    #expect(revised.revenue(months: Month.allOf(year: 2026))?.minorUnits == 1_200)
  }

  func ledger() -> Ledger {
    var l = Ledger()
    for (day, revenue, channel) in [
      ("2026-01-15", 100, "store"), ("2026-02-15", 80, "store"), ("2026-03-15", 60, "store"), ("2026-03-16", 30, "web"),
    ] {
      l.add(
        SaleLine(
          day: d(day), channel: channel, orderID: day, sku: "A", productName: "A", quantity: 1,
          netRevenue: money(Int64(revenue)), source: ref))
    }
    l.add(CostEntry(sku: "A", unitCost: money(0), source: ref))
    l.add(
      SpendLine(
        firstDay: d("2026-03-01"), lastDay: d("2026-03-31"), channel: "web", amount: money(120), label: "Meta",
        source: ref))
    l.add(
      SpendLine(
        firstDay: d("2026-03-05"), lastDay: d("2026-03-05"), channel: "store", amount: money(40), label: "Leaflets",
        category: "Ads", isMarketing: true, source: ref))
    l.add(
      SpendLine(
        firstDay: d("2026-03-01"), lastDay: d("2026-03-01"), channel: "store", amount: money(30), label: "Rent",
        category: "Rent March", isMarketing: false, source: ref))
    l.add(
      SpendLine(
        firstDay: d("2026-03-20"), lastDay: d("2026-03-20"), channel: "store", amount: money(20), label: "Repair",
        category: "Repair", isMarketing: false, source: ref))
    l.add(
      CostEntry(sku: "A", unitCost: money(10), effectiveFrom: d("2026-03-10"), purchaseAmount: money(150), source: ref))
    return l
  }

  func review(_ p: Plan) throws -> ReviewReport {
    ReviewReport.compute(
      month: m("2026-03"), rollup: ledger().rollUp(), plan: p,
      targets: try Targets(plan: p, baseline: nil, channels: channels), channels: channels,
      baseline: nil, sources: [], rejections: [])
  }

  @Test func budgetCategoriesAgainstWhatWasSpent() throws {
    let b = Dictionary(uniqueKeysWithValues: try review(plan()).budget.map { ($0.id, $0) })
    // Web ads: 120 in March against 100; the year to date against 3 × 100; 1200 − 120 left.
    #expect(b["marketing-web"]?.month.actual.minorUnits == 120)
    #expect(b["marketing-web"]?.month.variance?.minorUnits == -20)
    #expect(b["marketing-web"]?.yearToDate.plan?.minorUnits == 300)
    #expect(b["marketing-web"]?.remaining.minorUnits == 1_080)
    #expect(b["marketing-web"]?.overLimit == true)
    // Marketing no channel's category claims (the store's leaflets): 40 against 50.
    #expect(b["marketing"]?.month.actual.minorUnits == 40)
    #expect(b["marketing"]?.overLimit == false)
    #expect(b["purchasing"]?.month.actual.minorUnits == 150)
    #expect(b["rent"]?.month.actual.minorUnits == 30)
    #expect(b[BudgetLine.unbudgetedID]?.yearToDate.actual.minorUnits == 20)
  }

  @Test func eachPieceOfSpendCountsTowardOneBudgetLine() throws {
    let march = m("2026-03")
    func line(_ spend: BudgetLine.Spend, _ p: Plan = plan()) -> String {
      BudgetLine.lineID(of: spend, in: march, plan: p)
    }
    #expect(line(.marketing(channel: "web")) == "marketing-web")  // the channel's own category
    #expect(line(.marketing(channel: "store")) == "marketing")  // else the one for all other channels
    #expect(line(.expense(category: "Rent March")) == "rent")  // an expense category starts with `Rent`
    #expect(line(.expense(category: "Repair")) == BudgetLine.unbudgetedID)
    // Without a category for other channels, their marketing is unbudgeted; two categories claiming
    // the same expense: the first in the plan takes it, so nothing counts twice.
    var p = plan()
    p.budget.removeAll { $0.id == "marketing" }
    p.budget.append(
      .init(id: "rent-2", name: "Rent again", kind: .other, expenseCategories: ["Rent M"], byMonth: every(10)))
    #expect(line(.marketing(channel: "store"), p) == BudgetLine.unbudgetedID)
    #expect(line(.expense(category: "Rent March"), p) == "rent")
    let b = Dictionary(uniqueKeysWithValues: try review(p).budget.map { ($0.id, $0) })
    #expect(b["rent-2"]?.month.actual == .zero)
    #expect(b[BudgetLine.unbudgetedID]?.month.actual.minorUnits == 60)  // the repair (20) and the store's leaflets (40)
  }

  @Test func theSpendSheetMarksEachPartWithItsBudgetLine() throws {
    var l = Ledger(keepingLinesUpTo: 100)
    for spend in [
      SpendLine(
        firstDay: d("2026-02-20"), lastDay: d("2026-03-11"), channel: "web", amount: money(200), label: "Meta",
        source: ref),
      SpendLine(
        firstDay: d("2026-03-01"), lastDay: d("2026-03-01"), channel: "store", amount: money(30), label: "Rent",
        category: "Rent March", isMarketing: false, source: ref),
    ] { l.add(spend) }
    let data = DataSheet.of(l, rollup: l.rollUp(), plan: plan(), through: m("2026-03"))
    // Meta's 20 days: 9 in February, 11 in March (200 = 20 × 10).
    #expect(data.spend.map(\.month.description) == ["2026-02", "2026-03", "2026-03"])
    #expect(data.spend.map(\.amount.minorUnits) == [90, 110, 30])
    #expect(data.spend.map(\.budgetLine) == ["marketing-web", "marketing-web", "rent"])
    #expect(data.spend.allSatisfy { $0.line != nil })
  }

  @Test func pastTheLimitTheDetailIsSummedAndSaysHowManyLines() throws {
    var l = Ledger(keepingLinesUpTo: 2)
    for (i, channel) in ["store", "store", "web"].enumerated() {
      l.add(
        SaleLine(
          day: d("2026-03-0\(i + 1)"), channel: channel, orderID: "\(i)", sku: "A", productName: "A", quantity: 1,
          netRevenue: money(100), source: ref))
    }
    for day in ["2026-03-01", "2026-03-02", "2026-03-03"] {
      l.add(SpendLine(firstDay: d(day), lastDay: d(day), channel: "web", amount: money(5), label: "Meta", source: ref))
    }
    let data = DataSheet.of(l, rollup: l.rollUp(), plan: plan(), through: m("2026-03"))
    #expect(data.aggregatedLineCount == 3 && data.aggregatedSpendCount == 3)
    #expect(data.aggregate.map(\.key.channel) == ["store", "web"])
    #expect(data.aggregate.map(\.figures.revenue.minorUnits) == [200, 100])
    #expect(data.spend.map(\.amount.minorUnits) == [15])
    #expect(data.spend.first?.budgetLine == "marketing-web" && data.spend.first?.line == nil)
  }

  @Test func outlookAndTheRunRateTheRestOfTheYearNeeds() throws {
    let o = try #require(review(plan()).outlook)
    // Year to date 270 against 300 of an even 1200.
    #expect(o.atPlan.minorUnits == 270 + 900)
    #expect(o.atRunRate?.minorUnits == 1_080)  // 270 × 1200 / 300
    #expect(o.requiredRemaining.minorUnits == 930)
    #expect(o.requiredOfPlan == Ratio(numerator: 930, denominator: 900))
    // 930 over nine equal months: 103 each and three left, to April, May and June.
    #expect(o.requiredByMonth.map(\.1.minorUnits) == [104, 104, 104, 103, 103, 103, 103, 103, 103])
    // Online: 45% of 1170 is 526.5 → 527; 30 online so far, so the rest needs 497 of 900.
    #expect(o.requiredOnlineShare == Ratio(numerator: 497, denominator: 900))
    // Margin: covered 270 with COGS 2 × 10 (the sales of 15 and 16 March, at the cost from 10 March),
    // gross profit 250; the floor on 270 + 900 is 409.5 → 410, so the rest needs 160 of 900.
    #expect(o.requiredGrossMargin == Ratio(numerator: 160, denominator: 900))
    // Marketing: 10% of 1170 = 117 less 160 spent: the rest can afford −43 (none at all).
    #expect(o.allowedMarketingToRevenue == Ratio(numerator: -43, denominator: 900))
  }

  @Test func risksFireWhenTheirKPICrossesTheThresholdAndLightsFollowTheirBands() throws {
    let risks: [Plan.Risk] = [
      .init(
        risk: "behind", kpi: .revenueVsTarget, threshold: Share(partsPerMillion: -50_000), period: .yearToDate,
        contingency: "promote"),
      .init(risk: "ads", kpi: .marketingToRevenue, threshold: Share(partsPerMillion: 500_000), contingency: "cut ads"),
      .init(
        risk: "web budget", kpi: .budgetUsed, threshold: Share(partsPerMillion: 1_000_000), category: "marketing-web",
        contingency: "shift"),
    ]
    let kpis: [Plan.KPIThresholds] = [
      .init(kpi: .onlineShare, green: Share(partsPerMillion: 450_000), amber: Share(partsPerMillion: 300_000))
    ]
    let r = try review(plan(risks: risks, kpis: kpis))
    // Year to date 270 of 300: −10%, past −5%. March: marketing 160 over revenue 90 = 178% > 50%.
    // Web ads in March: 120 of 100 = 120% > 100%.
    #expect(r.risks.map(\.triggered) == [true, true, true])
    #expect(r.risks[0].value == Ratio(numerator: -30, denominator: 300))
    // Online share: March 30/90 = 33% (amber, at or above 30%); the year to date 30/270 = 11% (red).
    #expect(r.kpis.first?.monthLight == .amber)
    #expect(r.kpis.first?.yearToDateLight == .red)
    let calm = try review(
      plan(risks: [
        .init(risk: "margin", kpi: .grossMargin, threshold: Share(partsPerMillion: 350_000), contingency: "c")
      ]))
    #expect(calm.risks.first?.triggered == false)  // March margin (90 − 20) / 90 = 78%
  }

  @Test func aLeapYearFebruaryTakesItsTwentyNinthDay() throws {
    // 300 over 2028-02-01…2028-03-01 (30 days): 10 a day, February 290, March 10.
    let line = SpendLine(
      firstDay: d("2028-02-01"), lastDay: d("2028-03-01"), channel: "web", amount: money(300), label: "", source: ref)
    #expect(line.spreadByMonth().map(\.1.minorUnits) == [290, 10])
  }
}
