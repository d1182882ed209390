import AOPLedger
import AOPPipeline
import AOPTestSupport
import Foundation
import Testing

/// The bench's generated years must come out of aop with exactly the totals the generator counted
/// as it wrote them; otherwise the bench would time the wrong work.
@Suite struct BenchGeneratorTests {
  struct Expected: Decodable {
    var revenue: Int64
    var cogs: Int64
    var marketing: Int64
    var lines: Int
    var byChannel: [String: Int64]

    enum CodingKeys: String, CodingKey { case revenue, cogs, marketing, lines, byChannel = "by_channel" }
  }

  @Test func aGeneratedYearGivesTheGeneratorsTotals() throws {
    let folder = try TemporaryFolder()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", repositoryRoot.appendingPathComponent("bench/generate.py").path, "--lines", "6000", "--out",
      folder.url.path,
    ]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let expected = try JSONDecoder().decode(
      Expected.self, from: Data(contentsOf: folder.url.appendingPathComponent("expected.json")))
    let config = folder.path("aop.toml")
    _ = try BaselineJob(configPath: config, year: nil).run()
    let review = try ReviewJob(configPath: config, month: Month(year: 2026, month: 12)!).run()
    let ytd = review.report.yearToDate
    #expect(review.status == .ok)
    #expect(ytd.revenue.actual.minorUnits == expected.revenue)
    #expect(ytd.figures.cogs.minorUnits == expected.cogs)
    #expect(ytd.figures.marketing.minorUnits == expected.marketing)
    for line in review.report.channelLines {
      #expect(line.yearToDate.actual.minorUnits == expected.byChannel[line.channel.id], "\(line.channel.id)")
    }
    #expect(review.report.data.lines.count == expected.lines)
  }
}
