import AOPTestSupport
import Foundation
import Testing

/// The ledger CSV is the hand-off to an engine when one machine is not enough: the documented DuckDB
/// query (docs/queries/month-channel.duckdb.sql), run by DuckDB itself on the sample shop's ledger, gives
/// the review's own figures — revenue and marketing by channel, cost of goods and covered revenue —
/// for the month and the year to date.
@Suite struct LedgerQueryTests {
  struct Figures: Decodable {
    var month: String
    var channel: String
    var revenue: Int64
    var cogs: Int64
    var coveredRevenue: Int64
    var marketing: Int64

    enum CodingKeys: String, CodingKey {
      case month, channel, revenue, cogs, marketing
      case coveredRevenue = "covered_revenue"
    }
  }

  @Test func theDuckDBQueryOnTheLedgerGivesTheReviewsFigures() throws {
    let folder = try TemporaryFolder()
    let review = try aop([
      "review", "-c", Samples.config, "--month", "2026-10", "--output", folder.url.path, "--ledger",
      folder.path("ledger.csv"), "--json",
    ])
    #expect(review.status == 65)
    let summary = try #require(
      try JSONSerialization.jsonObject(with: Data(review.stdout.utf8)) as? [String: Any])

    let query = repositoryRoot.appendingPathComponent("docs/queries/month-channel.duckdb.sql").path
    let script = """
      import duckdb, json, os
      os.chdir('\(folder.url.path)')
      con = duckdb.connect()
      cursor = con.execute(open('\(query)').read())
      names = [d[0] for d in cursor.description]
      print(json.dumps([dict(zip(names, row)) for row in cursor.fetchall()]))
      """
    let run = try AOPTestSupport.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script])
    #expect(run.status == 0, "DuckDB (installed by `make test-deps`): \(run.stderr)")
    let rows = try JSONDecoder().decode([Figures].self, from: Data(run.stdout.utf8))
    let month = rows.filter { $0.month == "2026-10" }
    let yearToDate = rows.filter { $0.month >= "2026-01" && $0.month <= "2026-10" }
    #expect(month.count == 3)

    let channels = try #require(summary["channels"] as? [[String: Any]])
    #expect(channels.count == 3)
    for channel in channels {
      let id = try #require(channel["id"] as? String)
      let inMonth = month.filter { $0.channel == id }
      let soFar = yearToDate.filter { $0.channel == id }
      #expect(
        inMonth.map(\.revenue).reduce(0, +) == (channel["month"] as? [String: Any])?["actual"] as? Int64, "\(id)")
      #expect(
        soFar.map(\.revenue).reduce(0, +) == (channel["year_to_date"] as? [String: Any])?["actual"] as? Int64,
        "\(id)")
      #expect(inMonth.map(\.marketing).reduce(0, +) == channel["marketing_month"] as? Int64, "\(id)")
      #expect(soFar.map(\.marketing).reduce(0, +) == channel["marketing_year_to_date"] as? Int64, "\(id)")
    }
    for (kpis, part) in [("month_kpis", month), ("year_to_date_kpis", yearToDate)] {
      let figures = try #require(summary[kpis] as? [String: Any])
      #expect(part.map(\.cogs).reduce(0, +) == figures["cogs"] as? Int64, "\(kpis)")
      #expect(part.map(\.coveredRevenue).reduce(0, +) == figures["covered_revenue"] as? Int64, "\(kpis)")
      #expect(
        part.map(\.marketing).reduce(0, +) == (figures["marketing"] as? [String: Any])?["actual"] as? Int64, "\(kpis)")
    }
    // Not vacuous: the month has costed and uncosted sales.
    #expect(month.map(\.cogs).reduce(0, +) > 200_000_000)
    #expect(month.contains { $0.coveredRevenue < $0.revenue })
  }
}
