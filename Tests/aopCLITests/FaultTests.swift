import AOPTestSupport
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The unattended run's faults, each caused as it would happen to a user: the previous workbook stays,
/// the exit code says what happened, nothing is left half-written.
@Suite(.serialized) struct FaultTests {
  let out: TemporaryFolder
  let workbook: String
  let lastGood: Data

  init() throws {
    out = try TemporaryFolder()
    workbook = out.path("review-2026-10.xlsx")
    let first = try aop(["review", "-c", "samples/aop.toml", "--month", "2026-10", "--output", out.url.path, "-q"])
    #expect(first.status == 65)
    lastGood = try Data(contentsOf: URL(fileURLWithPath: workbook))
  }

  func leftovers() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: out.url.path).filter { $0.contains(".tmp-") }
  }

  @Test func killedAtAnyMomentTheLastWorkbookStaysWhole() throws {
    // Kill at moments spread over a whole run (its length depends on the build and the machine).
    let started = Date()
    _ = try aop(["review", "-c", "samples/aop.toml", "--month", "2026-10", "--output", out.url.path, "-q"])
    let runTime = Date().timeIntervalSince(started)
    for step in 1...16 {
      let delay = runTime * Double(step) / 16
      let process = Process()
      process.executableURL = aopBinary
      process.arguments = ["review", "-c", "samples/aop.toml", "--month", "2026-10", "--output", out.url.path, "-q"]
      process.currentDirectoryURL = repositoryRoot
      process.standardError = FileHandle.nullDevice
      try process.run()
      usleep(useconds_t(delay * 1_000_000))
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      // Either the old file or a complete new one, and the same inputs give the same bytes.
      #expect(try Data(contentsOf: URL(fileURLWithPath: workbook)) == lastGood, "after a kill at \(delay) s")
    }
    // The next run is not blocked by a dead run's lock, and clears what a killed run left (and what an
    // interrupted Foundation write leaves: `.dat.nosync…`), saying so.
    try out.write(".dat.nosync1a2b.Xy3Z", "half a file")
    let next = try aop(["review", "-c", "samples/aop.toml", "--month", "2026-10", "--output", out.url.path, "-q"])
    #expect(next.status == 65)
    #expect(try leftovers().isEmpty)
    #expect(!FileManager.default.fileExists(atPath: out.path(".dat.nosync1a2b.Xy3Z")))
    // (In Vietnamese, the sample's language.)
    #expect(next.stderr.contains("đã xóa .dat.nosync1a2b.Xy3Z (tệp còn sót từ lần chạy bị gián đoạn)"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: workbook)) == lastGood)
  }

  @Test func aFileSizeLimitHitMidWriteFailsWith73AndKeepsTheLastWorkbook() throws {
    let command =
      "ulimit -f 8; exec '\(aopBinary.path)' review -c samples/aop.toml --month 2026-10 --output '\(out.url.path)' -q"
    let run = try shell(command)
    #expect(run.status == 73, "\(run.stderr)")
    #expect(run.stderr.contains("review-2026-10.xlsx"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: workbook)) == lastGood)
    #expect(try leftovers().isEmpty)
  }

  @Test func aReadOnlyOutputFolderFailsWith73AndKeepsTheLastWorkbook() throws {
    // chmod alone does not stop root (CI runs as root): the immutable attribute does.
    #expect(chmod(out.url.path, 0o555) == 0)
    let asRoot = getuid() == 0
    if asRoot { #expect(try shell("chattr +i '\(out.url.path)'").status == 0) }
    defer {
      if asRoot { _ = try? shell("chattr -i '\(out.url.path)'") }
      chmod(out.url.path, 0o755)
    }
    let run = try aop(["review", "-c", "samples/aop.toml", "--month", "2026-10", "--output", out.url.path, "-q"])
    #expect(run.status == 73, "\(run.stderr)")
    // The first output the run makes is refused, in plain words, before any work.
    #expect(
      run.stderr.contains(
        "\(out.url.path): không ghi được rejects-2026-10.csv vào đây: không có quyền ghi vào thư mục"),
      "\(run.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: workbook)) == lastGood)
  }

  @Test func anOutputThatCannotBeAFolderFailsWith73() throws {
    let blocked = try out.write("not-a-folder", "a file where the output folder should be")
    let run = try aop(["review", "-c", "samples/aop.toml", "--month", "2026-10", "--output", blocked])
    #expect(run.status == 73)
    #expect(run.stderr.contains("not-a-folder: không tạo được thư mục kết quả"))
  }

  @Test func aSecondRunWhileTheFirstHoldsTheLockExitsWith75() throws {
    let fd = open(out.path(".aop.lock"), O_RDWR | O_CREAT, 0o644)
    #expect(flock(fd, LOCK_EX) == 0)
    let run = try aop([
      "review", "-c", "samples/aop.toml", "--month", "2026-10", "--output", out.url.path, "--wait-lock", "0.3",
    ])
    #expect(run.status == 75)
    #expect(
      run.stderr.contains("khóa thư mục kết quả: ")
        && run.stderr.contains("một lần chạy aop khác đang ghi vào thư mục kết quả này"))
    flock(fd, LOCK_UN)
    close(fd)
    let after = try aop(["review", "-c", "samples/aop.toml", "--month", "2026-10", "--output", out.url.path, "-q"])
    #expect(after.status == 65)
  }

  @Test func anUnreadableFileAmongGoodOnesIsRefusedAndTheRestIsRead() throws {
    let shop = try TemporaryFolder()
    try shop.write(
      "aop.toml",
      """
      plan = "\(Samples.folder.appendingPathComponent("plan-2026.toml").path)"
      inputs = ["exports"]
      [[channels]]
      id = "store"
      kind = "offline"
      [[channels]]
      id = "shopee"
      kind = "online"
      [[channels]]
      id = "web"
      kind = "online"
      [baseline]
      file = "\(Samples.folder.appendingPathComponent("baseline/baseline-2025.csv").path)"
      """)
    try FileManager.default.createDirectory(
      at: shop.url.appendingPathComponent("exports"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: Samples.folder.appendingPathComponent("exports/2026-10/Order.all.20261001_20261031.xlsx"),
      to: shop.url.appendingPathComponent("exports/b-shopee.xlsx"))
    try FileManager.default.createSymbolicLink(
      atPath: shop.path("exports/a-gone.csv"), withDestinationPath: "/nonexistent/kiotviet.csv")
    let run = try aop(["review", "-c", "aop.toml", "--month", "2026-10", "--json"], in: shop.url)
    #expect(run.status == 65)
    #expect(run.stderr.contains("refused: exports/a-gone.csv: cannot open: no such file"))
    let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let files = try #require(json["files"] as? [[String: Any]])
    #expect(files.map { $0["status"] as? String } == ["refused", "read"])
    #expect((files[1]["accepted"] as? Int ?? 0) > 0)
    #expect(FileManager.default.fileExists(atPath: shop.path("out/review-2026-10.xlsx")))
  }

  @Test func noExportFilesAtAllIs66() throws {
    let shop = try TemporaryFolder()
    try FileManager.default.createDirectory(
      at: shop.url.appendingPathComponent("exports/2026-10"), withIntermediateDirectories: true)
    try shop.write(
      "aop.toml",
      "plan = \"\(Samples.folder.appendingPathComponent("plan-2026.toml").path)\"\ninputs = [\"exports/*\"]\n[[channels]]\nid = \"store\"\nkind = \"offline\"\n"
        + "[[channels]]\nid = \"shopee\"\nkind = \"online\"\n[[channels]]\nid = \"web\"\nkind = \"online\"\n"
        + "[baseline]\nfile = \"\(Samples.folder.appendingPathComponent("baseline/baseline-2025.csv").path)\"\n")
    let run = try aop(["review", "-c", "aop.toml", "--month", "2026-10"], in: shop.url)
    #expect(run.status == 66)
    #expect(run.stderr.contains("no export files found in exports/*"))
  }

  @Test func monthAutoIsTheLastCompleteMonthAndARerunGivesTheSameBytes() throws {
    let run = try aop([
      "review", "-c", "samples/aop.toml", "--month", "auto", "--today", "2026-11-01", "--output", out.url.path,
      "--json",
    ])
    #expect(run.status == 65)
    #expect(run.stdout.contains("\"month\" : \"2026-10\""))
    #expect(try Data(contentsOf: URL(fileURLWithPath: workbook)) == lastGood)
  }

  @Test func theLedgerCSVHasEveryAcceptedLineWithItsSource() throws {
    let ledger = out.path("ledger.csv")
    let run = try aop([
      "review", "-c", "samples/aop.toml", "--month", "2026-10", "--output", out.url.path, "--ledger", ledger, "--json",
    ])
    #expect(run.status == 65)
    let rows = try String(contentsOfFile: ledger, encoding: .utf8).split(separator: "\n").map(String.init)
    #expect(
      rows.first
        == "kind,date,end_date,channel,order_id,sku,description,product_group,quantity,amount,unit_cost,currency,source_file,source_line,profile"
    )
    // Independently: the sale and return amounts add up to the year's revenue from the generator.
    let expected = try Samples.expected().current2026.sum("revenue")
    var revenue: Int64 = 0
    for row in rows.dropFirst() where row.hasPrefix("sale,") || row.hasPrefix("return,") {
      let fields = CSVText.rows(row).first ?? []  // an order's item list is quoted (`"2× A, 1× B"`)
      #expect(fields.count == 15, "\(row)")
      if fields.count == 15, let amount = Int64(fields[9]) { revenue += amount }
    }
    #expect(revenue == expected)
    #expect(
      rows.contains {
        $0.hasPrefix("cost,2026-07-01,,,,SUA-MEIJI-800,")
          && $0.hasSuffix(",exports/2026-07/gia-nhap-tang-2026-07.csv,2,generic-costs")
      })
  }
}

/// Runs a shell command line from the repository root.
func shell(_ command: String) throws -> Run {
  try run(URL(fileURLWithPath: "/bin/bash"), ["-c", command])
}
