import AOPLedger
import AOPTestSupport
import Foundation
import Testing

@testable import AOPPlan

/// The plan's risks and KPIs as owners write them: several conditions, signals that must last,
/// thresholds of their own in listed months, KPIs per channel or budget category; and each mistake in
/// them an error naming the key and its line.
@Suite struct RiskAndKPIFileTests {
  let folder: TemporaryFolder
  init() throws { folder = try TemporaryFolder() }

  let head = """
    company = "Shop"
    year = 2026
    [goals]
    revenue_growth = "20%"
    [[budget]]
    id = "ads"
    kind = "marketing"
    monthly = 12_000_000
    """

  func load(_ tail: String, channels: [String]? = ["store", "shopee", "web"]) throws -> Plan {
    try Plan.load(from: URL(fileURLWithPath: try folder.write("plan.toml", head + "\n\n" + tail)), channels: channels)
  }

  func error(_ tail: String, channels: [String]? = ["store", "shopee", "web"]) throws -> PlanError? {
    do {
      _ = try load(tail, channels: channels)
      return nil
    } catch let error as PlanError {
      return error
    }
  }

  @Test func everyFormReadsAsWritten() throws {
    let plan = try load(
      """
      [[risks]]
      risk = "Margin squeeze"
      contingency = "Reprice"
      any = [
        { kpi = "gross_margin", threshold = "34.5%" },
        { kpi = "gross_margin", threshold = "35%", months_in_a_row = 2, period = "year_to_date" },
      ]
      [[risks]]
      risk = "Ads"
      kpi = "marketing_to_revenue"
      threshold = "6%"
      in_months = [{ months = [1, 2], threshold = "8%" }]
      contingency = "Cut"
      [[risks]]
      risk = "Both"
      contingency = "c"
      all = [{ kpi = "growth_vs_baseline", channel = "shopee", threshold = "30%" }, { kpi = "online_share", threshold = "40%" }]
      [[kpis]]
      kpi = "growth_vs_baseline"
      channel = "*"
      green = "20%"
      amber = "0%"
      [[kpis]]
      kpi = "budget_used"
      category = "*"
      green = "100%"
      amber = "110%"
      in_months = [{ months = [11, 12], green = "105%", amber = "120%" }]

      """)
    #expect(plan.risks.map(\.combination) == [.any, .any, .all])
    let squeeze = plan.risks[0].conditions
    #expect(squeeze.map(\.monthsInARow) == [1, 2] && squeeze.map(\.period) == [.month, .yearToDate])
    #expect(squeeze.map(\.threshold.value.partsPerMillion) == [345_000, 350_000])
    let ads = plan.risks[1].conditions[0].threshold
    #expect(ads.value(in: 1).partsPerMillion == 80_000 && ads.value(in: 3).partsPerMillion == 60_000)
    #expect(plan.risks[2].conditions[0].scope == Plan.Scope(channel: "shopee"))
    #expect(plan.kpis.map(\.scope) == [Plan.Scope(channel: "*"), Plan.Scope(category: "*")])
    #expect(plan.kpis[1].bands.value(in: 12).green.partsPerMillion == 1_050_000)
    #expect(plan.kpis[1].bands.value(in: 10).amber.partsPerMillion == 1_100_000)
  }

  @Test func eachMistakeNamesItsKeyAndLine() throws {
    // A scope the KPI is not measured on (line 12 of the file: the head and a blank line are 9).
    #expect(
      try error("[[kpis]]\nkpi = \"online_share\"\nchannel = \"web\"\ngreen = \"45%\"\namber = \"40%\"\n")
        == .invalidAt(
          file: folder.path("plan.toml"), line: 12, key: "kpis[0].channel",
          problem: "online_share is not measured per channel (it is the whole shop's)"))
    // A channel the config does not have.
    #expect(
      try error("[[kpis]]\nkpi = \"growth_vs_baseline\"\nchannel = \"tiktok\"\ngreen = \"20%\"\namber = \"0%\"\n")
        == .invalidAt(
          file: folder.path("plan.toml"), line: 12, key: "kpis[0].channel",
          problem: "`tiktok` is not a channel of the config (store, shopee, web)"))
    // (Without the config's channels, as `aop init` reads a draft, any channel is taken.)
    #expect(
      try error(
        "[[kpis]]\nkpi = \"growth_vs_baseline\"\nchannel = \"tiktok\"\ngreen = \"20%\"\namber = \"0%\"\n", channels: nil
      )
        == nil)
    // A budget category the plan does not have, and a budget_used without one.
    #expect(
      try error(
        "[[risks]]\nrisk = \"r\"\ncontingency = \"c\"\nkpi = \"budget_used\"\ncategory = \"rent\"\nthreshold = \"100%\"\n"
      )
        == .invalidAt(
          file: folder.path("plan.toml"), line: 14, key: "risks[0].category",
          problem: "`rent` is not a budget category id (ads)"))
    #expect(
      try error("[[kpis]]\nkpi = \"budget_used\"\ngreen = \"100%\"\namber = \"110%\"\n")
        == .invalidAt(
          file: folder.path("plan.toml"), line: 10, key: "kpis[0].category",
          problem: "budget_used needs `category` (ads)"))
    // `*` is for a KPI's lights, not a risk's signal.
    #expect(
      try error(
        "[[risks]]\nrisk = \"r\"\ncontingency = \"c\"\nkpi = \"gross_margin\"\nchannel = \"*\"\nthreshold = \"30%\"\n")
        == .invalidAt(
          file: folder.path("plan.toml"), line: 14, key: "risks[0].channel",
          problem: "`*` (each) is for a KPI's light per channel or category, not here"))
    // One condition and a list, or neither.
    #expect(
      try error(
        "[[risks]]\nrisk = \"r\"\ncontingency = \"c\"\nkpi = \"gross_margin\"\nthreshold = \"30%\"\nany = [{ kpi = \"online_share\", threshold = \"40%\" }]\n"
      )
        == .invalidAt(
          file: folder.path("plan.toml"), line: 10, key: "risks[0]",
          problem: "give one condition (`kpi`, `threshold`) or `any` or `all`, not several"))
    #expect(
      try error("[[risks]]\nrisk = \"r\"\ncontingency = \"c\"\n")
        == .invalidAt(
          file: folder.path("plan.toml"), line: 10, key: "risks[0]",
          problem: "give the risk's signal: `kpi` and `threshold`, or a list of conditions under `any` or `all`"))
    // Months in a row and listed months out of range; a misspelt key inside a condition.
    #expect(
      try error(
        "[[risks]]\nrisk = \"r\"\ncontingency = \"c\"\nkpi = \"gross_margin\"\nthreshold = \"30%\"\nmonths_in_a_row = 13\n"
      )
        == .invalidAt(
          file: folder.path("plan.toml"), line: 15, key: "risks[0].months_in_a_row", problem: "13 is not 1 to 12"))
    #expect(
      try error(
        "[[kpis]]\nkpi = \"gross_margin\"\ngreen = \"35%\"\namber = \"33%\"\nin_months = [{ months = [0, 13], green = \"30%\", amber = \"28%\" }]\n"
      )
        == .invalidAt(
          file: folder.path("plan.toml"), line: 14, key: "kpis[0].in_months[0].months",
          problem: "list months of the year as numbers 1 to 12 (January is 1)"))
    // A month in two `in_months` entries: one of its values would be passed over.
    #expect(
      try error(
        "[[risks]]\nrisk = \"r\"\ncontingency = \"c\"\nkpi = \"marketing_to_revenue\"\nthreshold = \"6%\"\nin_months = [{ months = [1, 2], threshold = \"8%\" }, { months = [2, 3], threshold = \"7%\" }]\n"
      )
        == .invalidAt(
          file: folder.path("plan.toml"), line: 15, key: "risks[0].in_months[1].months",
          problem: "month 2 is listed already in in_months[0]: give each month one value"))
    // A budget category a revision brings in may be watched.
    #expect(
      try error(
        "[[risks]]\nrisk = \"r\"\ncontingency = \"c\"\nkpi = \"budget_used\"\ncategory = \"tiktok-ads\"\nthreshold = \"100%\"\n"
          + "[[revisions]]\nfrom = \"2026-07\"\n[[revisions.budget]]\nid = \"ads\"\nkind = \"marketing\"\nmonthly = 10_000_000\n"
          + "[[revisions.budget]]\nid = \"tiktok-ads\"\nkind = \"marketing\"\nchannel = \"shopee\"\nmonthly = 2_000_000\n"
      ) == nil)
    let misspelt = try error(
      "[[risks]]\nrisk = \"r\"\ncontingency = \"c\"\nany = [{ kpi = \"gross_margin\", threshold = \"30%\", months_in_row = 2 }]\n"
    )
    guard case .invalidAt(_, let line, let key, let problem)? = misspelt else {
      Issue.record("\(String(describing: misspelt))")
      return
    }
    #expect(line == 13 && key == "risks[0].any[0].months_in_row")
    #expect(problem.hasPrefix("unknown key; did you mean `months_in_a_row`?"))
    // In a list of conditions written over several lines, the line of the condition at fault.
    #expect(
      try error(
        "[[risks]]\nrisk = \"r\"\ncontingency = \"c\"\nany = [\n  { kpi = \"gross_margin\", threshold = \"30%\" },\n  { kpi = \"gross_margn\", threshold = \"30%\" },\n]\n"
      )
        == .invalidAt(
          file: folder.path("plan.toml"), line: 15, key: "risks[0].any[1].kpi",
          problem:
            "`gross_margn` is not one of revenue_vs_target, online_share, gross_margin, marketing_to_revenue, cost_coverage, budget_used, growth_vs_baseline, channel_share"
        ))
  }
}
