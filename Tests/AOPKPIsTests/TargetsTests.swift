import AOPLedger
import AOPPlan
import Testing

@testable import AOPKPIs

@Suite struct TargetsTests {
  let channels = [
    Channel(id: "store", name: "Store", kind: .offline), Channel(id: "shopee", name: "Shopee", kind: .online),
    Channel(id: "web", name: "Web", kind: .online),
  ]

  func plan(growth: Int64? = 200_000, target: Int64? = nil, online: Int64? = 450_000) -> Plan {
    Plan(
      company: "X", year: 2026, currency: .vnd,
      goals: .init(
        revenueGrowth: growth.map(Share.init(partsPerMillion:)), revenueTarget: target.map { Money(minorUnits: $0) },
        onlineShare: online.map(Share.init(partsPerMillion:)), grossMarginFloor: Share(partsPerMillion: 350_000),
        marketingToRevenueCeiling: Share(partsPerMillion: 60_000)),
      budget: [
        .init(id: "ads", name: "Ads", kind: .marketing, byMonth: Array(repeating: Money(minorUnits: 1_000), count: 12))
      ])
  }

  /// A baseline with revenue only in January (store 600, shopee 300, web 100) and February (store 1000).
  func baseline() -> Baseline {
    func cell(_ m: Int, _ ch: String, _ revenue: Int64) -> (Rollup.Key, Rollup.Figures) {
      var f = Rollup.Figures()
      f.revenue = Money(minorUnits: revenue)
      return (Rollup.Key(month: Month(year: 2025, month: m)!, channel: ch, productGroup: "g"), f)
    }
    return Baseline(
      year: 2025, currency: "VND",
      rollup: Rollup(
        cells: Dictionary(uniqueKeysWithValues: [
          cell(1, "store", 600), cell(1, "shopee", 300), cell(1, "web", 100), cell(2, "store", 1000),
        ]), uncosted: [:]))
  }

  @Test func growthOverTheBaselinePhasedBySeasonalityAndSplitByOnlineShare() throws {
    let t = try Targets(plan: plan(), baseline: baseline(), channels: channels)
    // Annual: 2000 × 1.2 = 2400; January and February carry half each (1000 and 1000 in the baseline).
    #expect(t.annualRevenue?.minorUnits == 2400)
    #expect(t.phasing == .baselineSeasonality)
    let jan = [try #require(Month(text: "2026-01"))], feb = [try #require(Month(text: "2026-02"))]
    #expect(t.revenue(months: jan)?.minorUnits == 1200)
    #expect(t.revenue(months: [try #require(Month(text: "2026-03"))])?.minorUnits == 0)
    // January: online 45% of 1200 = 540, split shopee:web 3:1 → 405 and 135; offline 660.
    #expect(t.revenue(months: jan, channel: "store")?.minorUnits == 660)
    #expect(t.revenue(months: jan, channel: "shopee")?.minorUnits == 405)
    #expect(t.revenue(months: jan, channel: "web")?.minorUnits == 135)
    // February had no online revenue in the baseline: the online part follows the year's mix (3:1).
    #expect(t.revenue(months: feb, channel: "shopee")?.minorUnits == 405)
    #expect(t.revenue(months: feb, channel: "web")?.minorUnits == 135)
    #expect(t.revenue(months: Month.allOf(year: 2026))?.minorUnits == 2400)
    #expect(t.marketing(months: jan + feb).minorUnits == 2000)
  }

  @Test func withoutABaselineAnAbsoluteTargetIsSpreadEvenly() throws {
    let t = try Targets(plan: plan(growth: nil, target: 1_200_007, online: nil), baseline: nil, channels: channels)
    #expect(t.phasing == .even)
    // 1200007 / 12 = 100000.58: seven months get one unit more, the earliest first.
    #expect(t.revenue["store"]?.count == 12)
    #expect(t.revenue(months: [try #require(Month(text: "2026-01"))])?.minorUnits == 100_001)
    #expect(t.revenue(months: [try #require(Month(text: "2026-12"))])?.minorUnits == 100_000)
    #expect(t.revenue(months: Month.allOf(year: 2026))?.minorUnits == 1_200_007)
    // Without an online-share goal and without a baseline, the channels share a month evenly: 33334/33334/33333.
    #expect(t.revenue(months: [try #require(Month(text: "2026-01"))], channel: "store")?.minorUnits == 33_334)
  }

  @Test func growthWithoutABaselineIsAPlanErrorNotAMissingGoal() {
    // Growth is measured against the baseline year: without one there is no target to phase, and the
    // goal must not silently disappear.
    #expect(throws: Targets.Invalid.self) { try Targets(plan: plan(), baseline: nil, channels: channels) }
    do {
      _ = try Targets(plan: plan(), baseline: nil, channels: channels)
    } catch {
      #expect(error.key == "goals.revenue_growth")
      #expect(error.problem.contains("names no baseline"))
    }
  }

  @Test func monthsSetByHandMustLeaveTheOthersANonNegativeTarget() {
    // 1,200 for the year with February set to 1,300: the other months would share −100.
    var p = plan(growth: nil, target: 1_200, online: nil)
    p.goals.revenueOverrides = [2: Money(minorUnits: 1_300)]
    do {
      _ = try Targets(plan: p, baseline: nil, channels: channels)
      Issue.record("accepted overrides larger than the year")
    } catch {
      #expect(error.key == "goals.revenue_overrides")
      #expect(error.problem.contains("negative target"))
    }
    // Twelve months set by hand must add up to the year.
    p.goals.revenueOverrides = Dictionary(uniqueKeysWithValues: (1...12).map { ($0, Money(minorUnits: 90)) })
    do {
      _ = try Targets(plan: p, baseline: nil, channels: channels)
      Issue.record("accepted twelve overrides that do not add up to the year")
    } catch {
      #expect(error.problem.contains("all twelve months"))
    }
    p.goals.revenueOverrides = Dictionary(uniqueKeysWithValues: (1...12).map { ($0, Money(minorUnits: 100)) })
    #expect((try? Targets(plan: p, baseline: nil, channels: channels))?.annualRevenue == Money(minorUnits: 1_200))
  }
}

@Suite struct ComparisonTests {
  @Test func varianceIsPositiveWhenBetterThanPlan() {
    let revenue = VersusPlan(actual: Money(minorUnits: 110), plan: Money(minorUnits: 100), kind: .target)
    #expect(revenue.variance?.minorUnits == 10)
    #expect(revenue.varianceRatio == Ratio(numerator: 10, denominator: 100))
    #expect(revenue.onTrack == true)
    let spend = VersusPlan(actual: Money(minorUnits: 110), plan: Money(minorUnits: 100), kind: .limit)
    #expect(spend.variance?.minorUnits == -10)
    #expect(spend.onTrack == false)
    #expect(VersusPlan(actual: .zero, plan: nil, kind: .target).onTrack == nil)
  }

  @Test func ratioGoalsCompareExactlyAndHaveNoVerdictWithoutData() {
    let floor = Ratio(numerator: 350_000, denominator: 1_000_000)
    #expect(
      RatioVersusGoal(actual: Ratio(numerator: 35, denominator: 100), goal: floor, direction: .higherIsBetter).onTrack
        == true)
    #expect(
      RatioVersusGoal(
        actual: Ratio(numerator: 34_999_999, denominator: 100_000_000), goal: floor, direction: .higherIsBetter
      ).onTrack == false)
    #expect(RatioVersusGoal(actual: nil, goal: floor, direction: .higherIsBetter).onTrack == nil)
    let ceiling = RatioVersusGoal(
      actual: Ratio(numerator: 5, denominator: 100), goal: Ratio(numerator: 6, denominator: 100),
      direction: .lowerIsBetter)
    #expect(ceiling.onTrack == true)
    #expect(ceiling.variancePoints == 1)
    // Negative revenue (returns exceed sales): −80 / −200 = 40% ≥ 35%.
    #expect(
      RatioVersusGoal(actual: Ratio(numerator: -80, denominator: -200), goal: floor, direction: .higherIsBetter).onTrack
        == true)
  }
}

@Suite struct ReviewReportTests {
  @Test func aMonthWithoutRevenueShowsNoDataNotZeroPercent() throws {
    let channels = [
      Channel(id: "store", name: "Store", kind: .offline), Channel(id: "web", name: "Web", kind: .online),
    ]
    var ledger = Ledger()
    let ref = SourceRef(file: "f", line: 2, profile: "p")
    ledger.add(
      SaleLine(
        day: Day(iso: "2026-01-10")!, channel: "web", orderID: "1", sku: "A", productName: "A", quantity: 1,
        netRevenue: Money(minorUnits: 500), source: ref))
    ledger.add(
      SpendLine(
        firstDay: Day(iso: "2026-02-01")!, lastDay: Day(iso: "2026-02-28")!, channel: "web",
        amount: Money(minorUnits: 280), label: "", source: ref))
    let plan = Plan(
      company: "X", year: 2026, currency: .vnd,
      goals: .init(
        revenueGrowth: nil, revenueTarget: Money(minorUnits: 12_000), onlineShare: Share(partsPerMillion: 450_000),
        grossMarginFloor: Share(partsPerMillion: 350_000), marketingToRevenueCeiling: Share(partsPerMillion: 60_000)),
      budget: [
        .init(id: "ads", name: "Ads", kind: .marketing, byMonth: Array(repeating: Money(minorUnits: 100), count: 12))
      ])
    let targets = try Targets(plan: plan, baseline: nil, channels: channels)
    let report = ReviewReport.compute(
      month: Month(year: 2026, month: 2)!, rollup: ledger.rollUp(), plan: plan, targets: targets,
      channels: channels, baseline: nil, sources: [], rejections: [])
    #expect(report.thisMonth.revenue.actual == .zero)
    #expect(report.thisMonth.revenue.plan?.minorUnits == 1_000)
    #expect(report.thisMonth.onlineShare.actual == nil)
    #expect(report.thisMonth.grossMargin.actual == nil)
    #expect(report.thisMonth.marketingToRevenue.actual == nil)
    #expect(report.thisMonth.marketing.variance?.minorUnits == -180)
    #expect(report.yearToDate.revenue.actual.minorUnits == 500)
    #expect(report.yearToDate.onlineShare.actual == Ratio(numerator: 500, denominator: 500))
    #expect(report.yearToDate.marketingToRevenue.actual == Ratio(numerator: 280, denominator: 500))
    #expect(report.monthLines.map(\.month.description) == ["2026-01", "2026-02"])
  }
}
