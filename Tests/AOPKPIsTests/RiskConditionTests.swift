import AOPLedger
import AOPPlan
import Testing

@testable import AOPKPIs

/// Risk conditions with history, month-specific thresholds, any/all, and KPIs per channel and per
/// budget category, against values worked out by hand in the comments.
@Suite struct RiskConditionTests {
  let channels = [Channel(id: "store", name: "Store", kind: .offline), Channel(id: "web", name: "Web", kind: .online)]
  let ref = SourceRef(file: "f.csv", line: 2, profile: "p")
  func m(_ text: String) -> Month { Month(text: text)! }
  func money(_ v: Int64) -> Money { Money(minorUnits: v) }
  func share(_ percent: Double) -> Share { Share(partsPerMillion: Int64((percent * 10_000).rounded())) }
  func every(_ v: Int64) -> [Money] { Array(repeating: Money(minorUnits: v), count: 12) }

  /// One sale a month per (month, channel, revenue, unit cost): each month its own SKU, so that its cost
  /// makes the month's margin.
  func ledger(_ sales: [(String, String, Int64, Int64)], marketing: [(String, String, Int64)] = []) -> Ledger {
    var l = Ledger()
    for (i, (month, channel, revenue, cost)) in sales.enumerated() {
      let sku = "\(month)-\(channel)-\(i)"
      l.add(CostEntry(sku: sku, unitCost: money(cost), source: ref))
      l.add(
        SaleLine(
          day: Day(iso: month + "-15")!, channel: channel, orderID: sku, sku: sku, productName: sku, quantity: 1,
          netRevenue: money(revenue), source: ref))
    }
    for (month, channel, amount) in marketing {
      let day = Day(iso: month + "-10")!
      l.add(
        SpendLine(
          firstDay: day, lastDay: day, channel: channel, amount: money(amount), label: "ads", category: nil,
          isMarketing: true, source: ref))
    }
    return l
  }

  func plan(risks: [Plan.Risk] = [], kpis: [Plan.KPIThresholds] = []) -> Plan {
    Plan(
      company: "X", year: 2026, currency: .vnd,
      goals: .init(
        revenueGrowth: nil, revenueTarget: money(12_000), onlineShare: nil, grossMarginFloor: nil,
        marketingToRevenueCeiling: nil),
      budget: [
        .init(id: "marketing-web", name: "Web ads", kind: .marketing, channel: "web", byMonth: every(100)),
        .init(id: "marketing", name: "Other marketing", kind: .marketing, byMonth: every(50)),
      ],
      risks: risks, kpis: kpis)
  }

  func review(_ p: Plan, month: String, current: Ledger, baseline: Ledger? = nil) throws -> ReviewReport {
    let base = baseline.map { Baseline(year: 2025, currency: "VND", rollup: $0.rollUp()) }
    return ReviewReport.compute(
      month: m(month), rollup: current.rollUp(), plan: p,
      targets: try Targets(plan: p, baseline: nil, channels: channels), channels: channels, baseline: base,
      sources: [], rejections: [])
  }

  func twoMonthsBelow35(_ kpi: Plan.KPI = .grossMargin) -> Plan.Risk {
    .init(
      risk: "margin", conditions: [.init(kpi: kpi, threshold: .init(share(35)), monthsInARow: 2)], contingency: "c")
  }

  @Test func januaryLooksBackIntoTheBaselinesDecember() throws {
    // December 2025: 1000 at a cost of 660, a margin of 34%; January 2026: 1000 at 655, 34.5%. Both
    // below 35%: the risk of two months in a row fires in the January review.
    let january = ledger([("2026-01", "store", 1_000, 655)])
    let fired = try review(
      plan(risks: [twoMonthsBelow35()]), month: "2026-01", current: january,
      baseline: ledger([("2025-11", "store", 1_000, 600), ("2025-12", "store", 1_000, 660)]))
    let check = try #require(fired.risks.first)
    #expect(check.triggered)
    #expect(check.conditions[0].judged.map(\.month) == [m("2025-12"), m("2026-01")])
    #expect(
      check.conditions[0].judged.map(\.value) == [
        Ratio(numerator: 340, denominator: 1_000), Ratio(numerator: 345, denominator: 1_000),
      ])
    #expect(check.value == Ratio(numerator: 345, denominator: 1_000))
    // December at 36%: one month below is not two in a row.
    let calm = try review(
      plan(risks: [twoMonthsBelow35()]), month: "2026-01", current: january,
      baseline: ledger([("2025-12", "store", 1_000, 640)]))
    #expect(calm.risks.first?.triggered == false)
    #expect(calm.risks.first?.conditions[0].judged.map(\.crossed) == [false, true])
    // Without a baseline, December has no data: not crossed, so not fired.
    let none = try review(plan(risks: [twoMonthsBelow35()]), month: "2026-01", current: january)
    #expect(none.risks.first?.triggered == false)
    #expect(none.risks.first?.conditions[0].judged.first?.value == nil)
    // Within the year: February and March both below 35%.
    let spring = ledger([
      ("2026-01", "store", 1_000, 600), ("2026-02", "store", 1_000, 651), ("2026-03", "store", 2_000, 1_302),
    ])
    #expect(try review(plan(risks: [twoMonthsBelow35()]), month: "2026-03", current: spring).risks[0].triggered)
    #expect(try !review(plan(risks: [twoMonthsBelow35()]), month: "2026-02", current: spring).risks[0].triggered)
  }

  @Test func aThresholdOfItsOwnInListedMonths() throws {
    // Marketing over revenue above 6%, above 8% in Tết (January, February).
    let risk = Plan.Risk(
      risk: "ads",
      conditions: [
        .init(
          kpi: .marketingToRevenue,
          threshold: .init(share(6), exceptions: [.init(months: [1, 2], value: share(8))]))
      ], contingency: "c")
    let sales: [(String, String, Int64, Int64)] = [
      ("2026-01", "web", 1_000, 0), ("2026-02", "web", 1_000, 0), ("2026-03", "web", 1_000, 0),
    ]
    // 70 of 1000 is 7%: within Tết's 8% in January, past the 6% in March; exactly 8% in February is not past it.
    let l = ledger(sales, marketing: [("2026-01", "web", 70), ("2026-02", "web", 80), ("2026-03", "web", 70)])
    let january = try review(plan(risks: [risk]), month: "2026-01", current: l)
    #expect(january.risks[0].triggered == false)
    #expect(january.risks[0].threshold == share(8))
    #expect(try review(plan(risks: [risk]), month: "2026-02", current: l).risks[0].triggered == false)
    let march = try review(plan(risks: [risk]), month: "2026-03", current: l)
    #expect(march.risks[0].triggered)
    #expect(march.risks[0].threshold == share(6))
    #expect(march.risks[0].value == Ratio(numerator: 70, denominator: 1_000))
    // A KPI's bounds the same way: green up to 6% (8% in Tết), amber up to 8% (10%).
    let kpi = Plan.KPIThresholds(
      kpi: .marketingToRevenue,
      bands: .init(
        .init(green: share(6), amber: share(8)),
        exceptions: [.init(months: [1, 2], value: .init(green: share(8), amber: share(10)))]))
    let lights = try review(plan(kpis: [kpi]), month: "2026-03", current: l).kpis[0]
    #expect(lights.byMonth.map(\.light) == [.green, .green, .amber])
    #expect(lights.byMonth.map(\.band.green) == [share(8), share(8), share(6)])
    #expect(lights.monthLight == .amber && lights.green == share(6))
  }

  @Test func anyOrAllOfSeveralConditions() throws {
    // January 2026: the store 700, the web 300 (online 30%); the web a year before 250: +20%.
    let current = ledger([("2026-01", "store", 700, 0), ("2026-01", "web", 300, 0)])
    let before = ledger([("2025-01", "store", 700, 0), ("2025-01", "web", 250, 0)])
    let conditions: [Plan.Condition] = [
      .init(kpi: .onlineShare, threshold: .init(share(40))),
      .init(kpi: .growthVsBaseline, scope: .init(channel: "web"), threshold: .init(share(30))),
    ]
    func risk(_ c: Plan.Risk.Combination) -> Plan.Risk {
      .init(risk: "online stalls", combination: c, conditions: conditions, contingency: "c")
    }
    let both = try review(plan(risks: [risk(.all), risk(.any)]), month: "2026-01", current: current, baseline: before)
    #expect(both.risks.map(\.triggered) == [true, true])
    #expect(both.risks[0].conditions[1].judged[0].value == Ratio(numerator: 50, denominator: 250))
    // The web a year before 200: +50%, past +30%: only the online share holds; `all` no longer fires.
    let one = try review(
      plan(risks: [risk(.all), risk(.any)]), month: "2026-01", current: current,
      baseline: ledger([("2025-01", "store", 700, 0), ("2025-01", "web", 200, 0)]))
    #expect(one.risks.map(\.triggered) == [false, true])
    #expect(one.risks[1].conditions.map(\.holds) == [true, false])
    #expect(one.risks[1].shown.condition.kpi == .onlineShare)  // the condition that fired is the one shown
  }

  @Test func aTargetHasNoValueInTheBaselineYearSoItsSignalWaitsForThePlanYearsMonths() throws {
    // Revenue 10% behind target two months running: in January the baseline's December has no target,
    // so it cannot hold yet; in February it does (January and February both behind).
    let risk = Plan.Risk(
      risk: "behind",
      conditions: [.init(kpi: .revenueVsTarget, threshold: .init(share(-5)), monthsInARow: 2)], contingency: "c")
    let l = ledger([("2026-01", "store", 900, 0), ("2026-02", "store", 900, 0)])
    let january = try review(
      plan(risks: [risk]), month: "2026-01", current: l, baseline: ledger([("2025-12", "store", 500, 0)]))
    #expect(january.risks[0].conditions[0].judged.map(\.value) == [nil, Ratio(numerator: -100, denominator: 1_000)])
    #expect(january.risks[0].triggered == false)
    #expect(try review(plan(risks: [risk]), month: "2026-02", current: l).risks[0].triggered)
  }

  @Test func growthLightsForEachChannel() throws {
    // January: the store 700 on 700 (+0%: amber, the amber bound counts), the web 300 on 250 (+20%:
    // green, the green bound counts); February: the store 800 on 1000 (−20%: red), the web 250 on 0
    // (no baseline to grow on: no data).
    let current = ledger([
      ("2026-01", "store", 700, 0), ("2026-01", "web", 300, 0), ("2026-02", "store", 800, 0),
      ("2026-02", "web", 250, 0),
    ])
    let before = ledger([("2025-01", "store", 700, 0), ("2025-01", "web", 250, 0), ("2025-02", "store", 1_000, 0)])
    let kpi = Plan.KPIThresholds(
      kpi: .growthVsBaseline, scope: .init(channel: Plan.Scope.each),
      bands: .init(.init(green: share(20), amber: share(0))))
    let r = try review(plan(kpis: [kpi]), month: "2026-02", current: current, baseline: before)
    #expect(r.kpis.map(\.scope.channel) == ["store", "web"])
    let store = r.kpis[0], web = r.kpis[1]
    #expect(store.byMonth.map(\.light) == [.amber, .red])
    #expect(store.month == Ratio(numerator: -200, denominator: 1_000))
    // The store's year to date: 1500 on 1700, −11.8%: red.
    #expect(store.yearToDate == Ratio(numerator: -200, denominator: 1_700) && store.yearToDateLight == .red)
    #expect(web.byMonth.map(\.light) == [.green, .noData])
    #expect(web.byMonth[0].value == Ratio(numerator: 50, denominator: 250))
    // Year to date 550 on 250: +120%, green.
    #expect(web.yearToDate == Ratio(numerator: 300, denominator: 250) && web.yearToDateLight == .green)
  }

  @Test func budgetLightsForEachCategoryWithInclusiveBounds() throws {
    // Web ads: 100 of 100 (100%: green, the bound counts); other marketing (the store's): 55 of 50
    // (110%: amber, the bound counts); in February, 56 of 50 (112%: red).
    let l = ledger(
      [("2026-01", "store", 1_000, 0), ("2026-02", "store", 1_000, 0)],
      marketing: [("2026-01", "web", 100), ("2026-01", "store", 55), ("2026-02", "web", 0), ("2026-02", "store", 56)])
    let kpi = Plan.KPIThresholds(
      kpi: .budgetUsed, scope: .init(category: Plan.Scope.each),
      bands: .init(.init(green: share(100), amber: share(110))))
    let january = try review(plan(kpis: [kpi]), month: "2026-01", current: l)
    #expect(january.kpis.map(\.scope.category) == ["marketing-web", "marketing"])
    #expect(january.kpis.map(\.monthLight) == [.green, .amber])
    let february = try review(plan(kpis: [kpi]), month: "2026-02", current: l)
    #expect(february.kpis[1].byMonth.map(\.light) == [.amber, .red])
    // The year to date: 111 of 100, 111%: red; the web 100 of 200: green.
    #expect(february.kpis[1].yearToDate == Ratio(numerator: 111, denominator: 100))
    #expect(february.kpis.map(\.yearToDateLight) == [.green, .red])
  }

  @Test func aBreachHiddenByRoundingIsStillOne() throws {
    // 34.99% shows as 35.0%, but is below a 35% bound: amber, and a risk at 35% fires.
    let l = ledger([("2026-01", "store", 10_000, 6_501)])
    let kpi = Plan.KPIThresholds(kpi: .grossMargin, green: share(35), amber: share(33))
    let r = try review(
      plan(
        risks: [.init(risk: "m", kpi: .grossMargin, threshold: share(35), contingency: "c")], kpis: [kpi]),
      month: "2026-01", current: l)
    #expect(r.kpis[0].monthLight == .amber)
    #expect(r.risks[0].triggered)
    #expect(Ratio(numerator: 3_499, denominator: 10_000)!.compared(to: share(35).ratio) < 0)
    #expect(Ratio(numerator: -7, denominator: -20)!.compared(to: share(35).ratio) == 0)
  }
}
