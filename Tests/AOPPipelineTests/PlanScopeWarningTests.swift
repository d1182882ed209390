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
    let shop = try TemporaryFolder()
    try FileManager.default.removeItem(at: shop.url)
    try FileManager.default.copyItem(at: Samples.folder, to: shop.url)
    let planFile = shop.url.appendingPathComponent("plan-2026.toml")
    let plan = try String(contentsOf: planFile, encoding: .utf8)
    let extra =
      "\n[[kpis]]\nkpi = \"gross_margin\"\nproduct_group = \"Sữa bột (gõ sai)\"\ngreen = \"35%\"\namber = \"33%\"\n"
    // The KPI goes after the last [[kpis]], before [review]: a table's keys cannot follow another table.
    try plan.replacingOccurrences(of: "\n[review]", with: extra + "\n[review]")
      .write(to: planFile, atomically: true, encoding: .utf8)
    let outcome = try ReviewJob(
      configPath: shop.path("aop.toml"), month: Month(year: 2026, month: 10)!,
      outputFolder: shop.url.appendingPathComponent("o")
    ).run()
    let unknown = outcome.report.warnings.compactMap { w -> (String, [String])? in
      if case .productGroupUnknown(let group, let known) = w { return (group, known) }
      return nil
    }
    #expect(unknown.map(\.0) == ["Sữa bột (gõ sai)"])
    // The groups the sales name (not the no-group and mixed-order buckets, which no plan names).
    let groups = Set(outcome.report.groupLines.map(\.group)).subtracting([Rollup.noGroup, Rollup.mixedGroup, ""])
    #expect(!groups.isEmpty && groups.isSubset(of: Set(unknown.first?.1 ?? [])))
    // Its KPI is there, without data, and says so in its lights.
    let kpi = try #require(outcome.report.kpis.first { $0.scope.productGroup == "Sữa bột (gõ sai)" })
    #expect(kpi.monthLight == .noData && kpi.yearToDateLight == .noData)
  }
}
