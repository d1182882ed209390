import AOPKPIs
import AOPLedger
import AOPPipeline
import AOPTestSupport
import Foundation
import Testing

/// A product group is not known when the plan is read (the sales name it): one no sale has is a
/// warning, not a KPI that shows no data month after month in silence.
@Suite struct PlanScopeWarningTests {
  @Test func aProductGroupNoSaleHasIsAWarning() throws {
    let shop = try OneMonthShop()
    let plan = try String(contentsOf: Samples.folder.appendingPathComponent("plan-2026.toml"), encoding: .utf8)
    let extra =
      "\n[[kpis]]\nkpi = \"gross_margin\"\nproduct_group = \"Sữa bột (gõ sai)\"\ngreen = \"35%\"\namber = \"33%\"\n"
    // The KPI goes after the last [[kpis]], before [review]: a table's keys cannot follow another table.
    _ = try shop.folder.write("plan.toml", plan.replacingOccurrences(of: "\n[review]", with: extra + "\n[review]"))
    let config = try String(contentsOfFile: shop.config, encoding: .utf8)
    let samplePlan = Samples.folder.appendingPathComponent("plan-2026.toml").path
    _ = try shop.folder.write("aop.toml", config.replacingOccurrences(of: samplePlan, with: "plan.toml"))
    let out = try TemporaryFolder()
    let outcome = try ReviewJob(configPath: shop.config, month: Month(year: 2026, month: 10)!, outputFolder: out.url)
      .run()
    let unknown = outcome.report.warnings.compactMap { w -> (String, [String])? in
      if case .productGroupUnknown(let group, let known) = w { return (group, known) }
      return nil
    }
    #expect(unknown.map(\.0) == ["Sữa bột (gõ sai)"])
    let groups = Set(outcome.report.groupLines.map(\.group).filter { !$0.isEmpty })
    #expect(!groups.isEmpty && groups.isSubset(of: Set(unknown.first?.1 ?? [])))
    // Its KPI is there, without data, and says so in its lights.
    let kpi = try #require(outcome.report.kpis.first { $0.scope.productGroup == "Sữa bột (gõ sai)" })
    #expect(kpi.monthLight == .noData && kpi.yearToDateLight == .noData)
  }
}
