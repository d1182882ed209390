import AOPTestSupport
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A filesystem of a fixed size that the test mounts itself (tmpfs; CI runs as root), so a full disk is
/// a real full disk. Unmounted when the value goes away.
final class SmallFilesystem {
  let folder: TemporaryFolder
  var url: URL { folder.url }

  init(kilobytes: Int) throws {
    folder = try TemporaryFolder()
    let mount = try shell("mount -t tmpfs -o size=\(kilobytes)k aop-test '\(folder.url.path)'")
    guard mount.status == 0 else { throw Unavailable(reason: "cannot mount a tmpfs (as root?): \(mount.stderr)") }
  }

  struct Unavailable: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
  }

  /// Fills the filesystem so that only about `kilobytes` stay free.
  func fill(leaving kilobytes: Int) throws {
    let df = try shell("df -k --output=avail '\(url.path)' | tail -1")
    let available = Int(df.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    let filler = max(0, available - kilobytes)
    #expect(try shell("dd if=/dev/zero of='\(url.path)/filler' bs=1k count=\(filler) 2>/dev/null").status == 0)
  }

  func emptyFiller() { unlink(url.appendingPathComponent("filler").path) }

  func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() }

  deinit { _ = try? shell("umount '\(folder.url.path)'") }
}

/// Outputs are complete before they replace anything: a full disk, a file-size limit or a full temporary
/// folder ends in exit 73 naming the file and the cause, every last good output byte-identical, and no
/// temporary file left.
@Suite(.serialized) struct OutputFaultTests {
  /// A review over the samples into `folder`, with the ledger CSV there too.
  func review(into folder: URL, environment: String = "", limit: String = "") throws -> Run {
    try shell(
      "\(limit) \(environment) exec '\(aopBinary.path)' review -c samples/aop.toml --month 2026-10 --output '\(folder.path)' --ledger '\(folder.path)/ledger.csv' -q"
    )
  }

  /// The ledger CSV aside: only the workbook against the limit.
  func reviewWithoutLedger(into folder: URL, limit: String) throws -> Run {
    try shell(
      "\(limit) exec '\(aopBinary.path)' review -c samples/aop.toml --month 2026-10 --output '\(folder.path)' -q")
  }

  let outputs = ["review-2026-10.xlsx", "rejects-2026-10.csv", "ledger.csv"]

  func contents(_ folder: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    for name in outputs { result[name] = try Data(contentsOf: folder.appendingPathComponent(name)) }
    return result
  }

  func leftovers(_ folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      !outputs.contains($0) && $0 != ".aop.lock" && $0 != "filler"
    }
  }

  @Test func aFullDiskAtAnyMomentFailsWith73AndKeepsEveryLastGoodOutput() throws {
    let disk = try SmallFilesystem(kilobytes: 12_000)
    let first = try review(into: disk.url)
    #expect(first.status == 65, "\(first.stderr)")
    let lastGood = try contents(disk.url)
    #expect(try WorkbookParts.allWellFormed(disk.url.appendingPathComponent("review-2026-10.xlsx").path))
    // From almost nothing free to nearly enough: the disk fills while writing the rejects, the ledger,
    // the workbook's temporary parts or the workbook itself.
    var messages = Set<String>()
    for free in [4, 40, 200, 400, 700, 1_200, 2_000] {
      disk.emptyFiller()
      try disk.fill(leaving: free)
      let run = try review(into: disk.url)
      #expect(run.status == 73, "with \(free) KB free: \(run.stderr)")
      #expect(
        run.stderr.contains("không ghi được: ổ đĩa đã đầy") || run.stderr.contains("tệp ghi ra không hoàn chỉnh"),
        "with \(free) KB free: \(run.stderr)")
      #expect(run.stderr.contains("bản hợp lệ gần nhất (nếu có) được giữ nguyên"))
      #expect(try contents(disk.url) == lastGood, "with \(free) KB free")
      #expect(try leftovers(disk.url).isEmpty, "with \(free) KB free")
      // The output named: what comes before "not written" (the path ends with the file's name).
      if let line = run.stderr.split(separator: "\n").last(where: { $0.contains(": không ghi được: ") }),
        let file = line.components(separatedBy: ": không ghi được: ").first?.split(separator: "/").last
      {
        messages.insert(String(file))
      }
    }
    // Different outputs were hit along the way (not one fault seen seven times).
    #expect(messages.count >= 2, "\(messages)")
    disk.emptyFiller()
    #expect(try review(into: disk.url).status == 65)
    #expect(try contents(disk.url) == lastGood)
  }

  @Test func aFileSizeLimitBetweenTheWorkbookAndItsPartsFailsWith73() throws {
    // The finished workbook fits under the limit, its uncompressed data sheet does not: libxlsxwriter's
    // temporary part is cut off without a word, and the check of the finished file catches it.
    let out = try TemporaryFolder()
    #expect(try review(into: out.url).status == 65)
    let lastGood = try contents(out.url)
    let limit = (lastGood["review-2026-10.xlsx"]?.count ?? 0) / 1024 + 200
    let run = try reviewWithoutLedger(into: out.url, limit: "ulimit -f \(limit);")
    #expect(run.status == 73, "\(run.stderr)")
    #expect(run.stderr.contains("review-2026-10.xlsx: không ghi được: tệp ghi ra không hoàn chỉnh (xl/worksheets/"))
    #expect(try contents(out.url) == lastGood)
    #expect(try leftovers(out.url).isEmpty)
  }

  @Test func aFullTemporaryFolderPlaysNoPart() throws {
    // libxlsxwriter's temporary files go to the output folder: a full /tmp changes nothing.
    let tmp = try SmallFilesystem(kilobytes: 64)
    try tmp.fill(leaving: 0)
    let out = try TemporaryFolder()
    #expect(try review(into: out.url).status == 65)
    let lastGood = try contents(out.url)
    let run = try review(into: out.url, environment: "TMPDIR='\(tmp.url.path)'")
    #expect(run.status == 65, "\(run.stderr)")
    #expect(try contents(out.url) == lastGood)
  }

  @Test func aKilledRunsLedgerLeftoverIsClearedWhereverItIs() throws {
    // A process that has ended: its pid is no run's any more.
    let ended = Process()
    ended.executableURL = URL(fileURLWithPath: "/bin/true")
    try ended.run()
    ended.waitUntilExit()
    let elsewhere = try TemporaryFolder()
    let leftover = try elsewhere.write(".ledger.csv.tmp-\(ended.processIdentifier)", "half a ledger")
    let alive = try elsewhere.write(".ledger.csv.tmp-\(getpid())", "a live run's work")
    let out = try TemporaryFolder()
    let run = try shell(
      "exec '\(aopBinary.path)' review -c samples/aop.toml --month 2026-10 --output '\(out.url.path)' --ledger '\(elsewhere.path("ledger.csv"))' -q"
    )
    #expect(run.status == 65, "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: leftover))
    #expect(FileManager.default.fileExists(atPath: alive))
    #expect(FileManager.default.fileExists(atPath: elsewhere.path("ledger.csv")))
  }

  @Test func theBaselineOnAFullDiskFailsWith73AndKeepsItsLastGoodFiles() throws {
    let disk = try SmallFilesystem(kilobytes: 4_000)
    func baseline() throws -> Run {
      try shell(
        "exec '\(aopBinary.path)' baseline -c samples/aop.toml --output '\(disk.url.path)/baseline-2025.csv' -q")
    }
    #expect(try baseline().status == 0)
    let names = ["baseline-2025.csv", "baseline-2025.xlsx", "rejects-baseline-2025.csv"]
    let lastGood = try names.map { try Data(contentsOf: disk.url.appendingPathComponent($0)) }
    // The baseline CSV is about 16 KB, its workbook 8 KB: the disk fills on the one or the other.
    for free in [0, 8, 20] {
      disk.emptyFiller()
      try disk.fill(leaving: free)
      let run = try baseline()
      #expect(run.status == 73, "with \(free) KB free: \(run.stderr)")
      #expect(try names.map { try Data(contentsOf: disk.url.appendingPathComponent($0)) } == lastGood)
      #expect(try disk.names().filter { !names.contains($0) && $0 != ".aop.lock" && $0 != "filler" }.isEmpty)
    }
  }
}
