import AOPTestSupport
import Foundation
import Testing

/// The bench races aop against DuckDB and pandas scripts (bench/rollup.py) doing the same roll-up from
/// the raw exports; the race is honest only if they compute what aop does. On the sample shop, every
/// month × channel's revenue, cost of goods and marketing of both years must be the generator's.
@Suite struct BenchRollupTests {
  struct Cell: Decodable, Equatable {
    var revenue: Int64
    var cogs: Int64
    var marketing: Int64
  }

  struct Figures: Decodable {
    var baseline: [String: [String: Cell]]
    var current: [String: [String: Cell]]
    enum CodingKeys: String, CodingKey {
      case baseline = "baseline_2025"
      case current = "current_2026"
    }
  }

  @Test(arguments: ["duckdb", "pandas"]) func theScriptGivesTheGeneratorsFigures(engine: String) throws {
    let script = try run(
      URL(fileURLWithPath: "/usr/bin/env"),
      ["python3", repositoryRoot.appendingPathComponent("bench/rollup.py").path, engine, Samples.folder.path])
    #expect(script.status == 0, "\(engine) (installed by `make test-deps`): \(script.stderr.suffix(2_000))")
    let got = try JSONDecoder().decode([String: [String: Cell]].self, from: Data(script.stdout.utf8))
    let expected = try JSONDecoder().decode(
      Figures.self, from: Data(contentsOf: Samples.folder.appendingPathComponent("expected/figures.json")))
    let want = expected.baseline.merging(expected.current) { a, _ in a }
    #expect(want.count == 22)  // 12 months of the baseline year, 10 of the current
    for (month, channels) in want {
      for (channel, cell) in channels {
        #expect(got[month]?[channel] == cell, "\(engine): \(month) \(channel)")
      }
    }
    #expect(Set(got.keys) == Set(want.keys))
  }
}
