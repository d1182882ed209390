import AOPTestSupport
import Foundation
import Testing

/// Reading files ahead on other cores changes nothing the user gets: one core and several give
/// byte-identical outputs (workbooks, rejects, baseline, ledger CSV, JSON summary), whether a file's
/// reading ahead stood or the file had to be read again in its turn.
@Suite struct ReadAheadTests {
  /// The sample shop with more of what makes a file's reading ahead not stand or not apply: exports
  /// overlapping an earlier one (the samples' Shopify months), a byte copy of an export, a file no profile
  /// knows, a bad row.
  func shop(jobs: Int, in root: TemporaryFolder) throws -> (folder: URL, baseline: Run, review: Run) {
    let folder = root.url.appendingPathComponent("jobs-\(jobs)")
    #expect(
      try shell("cp -R samples '\(folder.path)' && rm -rf '\(folder.path)/out' '\(folder.path)/baseline'").status == 0)
    let october = folder.appendingPathComponent("exports/2026-10")
    try FileManager.default.copyItem(
      at: october.appendingPathComponent("Order.all.20261001_20261031.xlsx"),
      to: october.appendingPathComponent("Order.all.20261001_20261031 (1).xlsx"))
    try Data("Ghi chú,Người ghi\nnhớ gọi nhà cung cấp,Lan\n".utf8).write(
      to: october.appendingPathComponent("ghi-chu.csv"))
    try Data("Mã hóa đơn,Thời gian\nHD1,\"chưa đóng\n".utf8).write(to: october.appendingPathComponent("z-hong.csv"))
    let config = try String(contentsOf: folder.appendingPathComponent("aop.toml"), encoding: .utf8)
      .replacingOccurrences(of: "language = \"vi\"", with: "language = \"en\"")
    try config.write(to: folder.appendingPathComponent("aop-en.toml"), atomically: true, encoding: .utf8)
    let aopPath = aopBinary.path
    let baseline = try shell(
      "cd '\(folder.path)' && AOP_JOBS=\(jobs) exec '\(aopPath)' baseline -c aop-en.toml --log-level debug -q")
    let review = try shell(
      "cd '\(folder.path)' && AOP_JOBS=\(jobs) exec '\(aopPath)' review -c aop-en.toml --month 2026-10 "
        + "--ledger out/ledger.csv --json --log-level debug")
    return (folder, baseline, review)
  }

  /// Every output file of a run, by its path under the shop's folder.
  func outputs(of folder: URL) throws -> [String: Data] {
    var found: [String: Data] = [:]
    for sub in ["out", "baseline"] {
      let dir = folder.appendingPathComponent(sub)
      for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
        found["\(sub)/\(name)"] = try Data(contentsOf: dir.appendingPathComponent(name))
      }
    }
    return found
  }

  /// "read ahead on 2 threads: 60 of 66 files read ahead taken as read, 6 read again in their turn…"
  func readAheadCounts(_ stderr: String) -> (workers: Int, stood: Int, readAhead: Int, again: Int)? {
    guard
      let match = stderr.firstMatch(
        of: /read ahead on (\d+) threads: (\d+) of (\d+) files read ahead taken as read, (\d+) read again/)
    else { return nil }
    return (Int(match.1)!, Int(match.2)!, Int(match.3)!, Int(match.4)!)
  }

  @Test func oneCoreAndSeveralGiveByteIdenticalOutputs() throws {
    let root = try TemporaryFolder()
    let one = try shop(jobs: 1, in: root)
    #expect(one.baseline.status == 0, "\(one.baseline.stderr)")
    #expect(one.review.status == 65, "\(one.review.stderr)")
    #expect(readAheadCounts(one.review.stderr) == nil, "one core reads one file at a time")
    let expected = try outputs(of: one.folder)
    #expect(
      Set(expected.keys).isSuperset(of: [
        "out/review-2026-10.xlsx", "out/rejects-2026-10.csv", "out/ledger.csv", "baseline/baseline-2025.csv",
      ]))
    for jobs in [2, 5] {
      let many = try shop(jobs: jobs, in: root)
      #expect(many.baseline.status == 0)
      #expect(many.review.status == 65)
      let got = try outputs(of: many.folder)
      #expect(got.keys.sorted() == expected.keys.sorted())
      for (name, bytes) in expected { #expect(got[name] == bytes, "\(name) differs with AOP_JOBS=\(jobs)") }
      #expect(
        many.review.stdout.replacingOccurrences(of: many.folder.path, with: "<shop>")
          == one.review.stdout.replacingOccurrences(of: one.folder.path, with: "<shop>"))
      // Both ways were taken: readings that stood, and files read again (the overlapping Shopify months).
      let counts = try #require(readAheadCounts(many.review.stderr), "\(many.review.stderr)")
      #expect(counts.workers == jobs)
      #expect(counts.stood > 10)
      #expect(counts.again >= 3)
      #expect(counts.stood + counts.again == counts.readAhead)
    }
  }
}
