import AOPLedger
import AOPTestSupport
import Foundation
import Testing

@testable import AOPPlan

@Suite struct PlanFileTests {
  let folder: TemporaryFolder
  init() throws { folder = try TemporaryFolder() }

  func planText(goals: String, budget: String = "monthly = 12_000_000") -> String {
    "company = \"Shop\"\nyear = 2026\ncurrency = \"VND\"\n[goals]\n\(goals)\n[[budget]]\nid = \"ads\"\nkind = \"marketing\"\n\(budget)\n"
  }

  @Test func sharesAreReadAsPercentStringsOrFractions() throws {
    let path = try folder.write(
      "plan.toml",
      planText(
        goals:
          "revenue_growth = \"20%\"\nonline_share = 0.45\ngross_margin_floor = \"35 %\"\nmarketing_to_revenue_ceiling = 0.06"
      ))
    let plan = try Plan.load(from: URL(fileURLWithPath: path))
    #expect(plan.goals.revenueGrowth?.partsPerMillion == 200_000)
    #expect(plan.goals.onlineShare?.partsPerMillion == 450_000)
    #expect(plan.goals.grossMarginFloor?.partsPerMillion == 350_000)
    #expect(plan.goals.marketingToRevenueCeiling?.partsPerMillion == 60_000)
    #expect(plan.budget.first?.byMonth == Array(repeating: Money(minorUnits: 12_000_000), count: 12))
  }

  @Test func annualBudgetsAreSpreadExactly() throws {
    let path = try folder.write("plan.toml", planText(goals: "revenue_target = 1_000", budget: "annual = 100"))
    let plan = try Plan.load(from: URL(fileURLWithPath: path))
    #expect(plan.budget.first?.byMonth.sum().minorUnits == 100)
    #expect(plan.budget.first?.byMonth.first?.minorUnits == 9)
    #expect(plan.goals.revenueTarget?.minorUnits == 1_000)
  }

  @Test func messagesNameTheFileAndTheKey() throws {
    let share = try folder.write("a.toml", planText(goals: "online_share = \"145%\""))
    #expect(
      throws: PlanError.invalidAt(
        file: share, line: 5, key: "goals.online_share", problem: "145.0% is not between 0% and 100%")
    ) {
      try Plan.load(from: URL(fileURLWithPath: share))
    }
    let growth = try folder.write("b.toml", planText(goals: "revenue_growth = 20"))
    #expect(
      throws: PlanError.invalidAt(
        file: growth, line: 5, key: "goals.revenue_growth",
        problem: "2000.0% is outside −50%…+500%; write 0.20 or \"20%\" for +20%")
    ) {
      try Plan.load(from: URL(fileURLWithPath: growth))
    }
    let missing = try folder.write("c.toml", "year = 2026\n")
    #expect(throws: PlanError.invalid(file: missing, key: "goals", problem: "missing key")) {
      try Plan.load(from: URL(fileURLWithPath: missing))
    }
    let syntax = try folder.write("d.toml", "year = 2026\n[goals\n")
    #expect {
      try Plan.load(from: URL(fileURLWithPath: syntax))
    } throws: { error in
      if case .syntax(let file, let line, _) = error as? PlanError { return file == syntax && line == 2 }
      return false
    }
  }

  @Test func configChannelsAndPaths() throws {
    let path = try folder.write(
      "aop.toml",
      """
      plan = "plan.toml"
      inputs = ["exports/*"]
      language = "vi"
      [[channels]]
      id = "store"
      kind = "offline"
      [[channels]]
      id = "web"
      name = "Web shop"
      kind = "online"
      [profile_channels]
      "meta-ads" = "web"
      """)
    let config = try Config.load(from: URL(fileURLWithPath: path))
    #expect(config.channels.map(\.id) == ["store", "web"])
    #expect(config.channel(id: "store")?.name == "store")
    #expect(config.planFile.path == folder.path("plan.toml"))
    #expect(config.outputFolder.path == folder.path("out"))
    #expect(config.language == .vi)
    let bad = try folder.write(
      "bad.toml", "plan = \"p\"\ninputs = [\"x\"]\n[[channels]]\nid = \"store\"\nkind = \"shop\"\n")
    #expect(
      throws: PlanError.invalidAt(
        file: bad, line: 5, key: "channels[0].kind", problem: "`shop` is not \"online\" or \"offline\"")
    ) {
      try Config.load(from: URL(fileURLWithPath: bad))
    }
    let unknown = try folder.write(
      "unknown.toml",
      "plan = \"p\"\ninputs = [\"x\"]\n[[channels]]\nid = \"store\"\nkind = \"offline\"\n[profile_channels]\nmeta-ads = \"web\"\n"
    )
    #expect(
      throws: PlanError.invalidAt(
        file: unknown, line: 7, key: "profile_channels.meta-ads",
        problem: "channel `web` is not defined under [[channels]]")
    ) {
      try Config.load(from: URL(fileURLWithPath: unknown))
    }
  }

  @Test func theSixPartsRevisionsAndLinesInMessages() throws {
    let plan = try Plan.load(from: Samples.folder.appendingPathComponent("plan-2026.toml"))
    #expect(
      plan.budget.map(\.id) == ["marketing-web", "marketing-store", "purchasing", "rent", "salaries", "utilities"])
    #expect(plan.actions.count == 3 && plan.resources.count == 3 && plan.risks.count == 5 && plan.kpis.count == 7)
    #expect(plan.goals.revenueOverrides == [2: Money(minorUnits: 330_000_000)])
    let july = try #require(Month(text: "2026-07")), june = try #require(Month(text: "2026-06"))
    #expect(plan.revision(in: june) == nil)
    #expect(plan.revision(in: july)?.note.hasPrefix("Giảm quảng cáo") == true)
    #expect(plan.budget(in: june).first { $0.id == "marketing-web" }?.byMonth[5].minorUnits == 12_000_000)
    #expect(plan.budget(in: july).first { $0.id == "marketing-web" }?.byMonth[6].minorUnits == 11_000_000)

    let text =
      planText(goals: "online_share = 0.45") + """

        [[risks]]
        risk = "a"
        kpi = "gross_margin"
        threshold = "30%"
        contingency = "x"

        [[risks]]
        risk = "b"
        kpi = "margin"
        threshold = "30%"
        contingency = "y"
        """
    let path = try folder.write("risks.toml", text)
    #expect(
      throws: PlanError.invalidAt(
        file: path, line: 19, key: "risks[1].kpi",
        problem:
          "`margin` is not one of revenue_vs_target, online_share, gross_margin, marketing_to_revenue, cost_coverage, budget_used, growth_vs_baseline, channel_share"
      )
    ) {
      try Plan.load(from: URL(fileURLWithPath: path))
    }
    let revision = try folder.write(
      "revision.toml",
      planText(goals: "revenue_target = 1_200")
        + "\n[[revisions]]\nfrom = \"2026-06\"\n[revisions.revenue_overrides]\n\"2026-03\" = 100\n")
    #expect(
      throws: PlanError.invalidAt(
        file: revision, line: 13, key: "revisions[0].revenue_overrides",
        problem: "month 3 is before the revision starts (2026-06): the past is not revised")
    ) {
      try Plan.load(from: URL(fileURLWithPath: revision))
    }
  }

  @Test func baselineCSVRoundTripsAndBadLinesAreNamed() throws {
    var f = Rollup.Figures()
    f.revenue = Money(minorUnits: 1000)
    f.coveredRevenue = Money(minorUnits: 900)
    f.cogs = Money(minorUnits: 600)
    f.orders = 3
    f.units = 4
    let key = Rollup.Key(month: Month(year: 2025, month: 3)!, channel: "web", productGroup: "Sữa, bột")
    let baseline = Baseline(year: 2025, currency: "VND", rollup: Rollup(cells: [key: f], uncosted: [:]))
    #expect(
      baseline.csv
        == "month,channel,product_group,currency,revenue,covered_revenue,cogs,marketing_spend,orders,units\n2025-03,web,\"Sữa, bột\",VND,1000,900,600,0,3,4\n"
    )
    let rows: [(line: Int, fields: [String])] = [
      (1, Baseline.columns), (2, ["2025-03", "web", "Sữa, bột", "VND", "1000", "900", "600", "0", "3", "4"]),
    ]
    #expect(try Baseline(rows: rows, file: "b.csv").rollup.cells == [key: f])
    let bad: [(line: Int, fields: [String])] = [
      (1, Baseline.columns), (2, ["2025-03", "web", "g", "VND", "1.000", "0", "0", "0", "0", "0"]),
    ]
    #expect(
      throws: PlanError.invalid(
        file: "b.csv", key: "", problem: "line 2, column revenue: `1.000` is not a whole number of minor units")
    ) {
      try Baseline(rows: bad, file: "b.csv")
    }
  }
}
