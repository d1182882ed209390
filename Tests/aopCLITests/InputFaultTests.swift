import AOPTestSupport
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

extension OneMonthShop {
  func review() throws -> (run: Run, json: [String: Any]) {
    let run = try aop(["review", "-c", "aop.toml", "--month", "2026-10", "--json"], in: url)
    let json = (try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]) ?? [:]
    return (run, json)
  }
}

extension Dictionary where Key == String, Value == Any {
  var files: [[String: Any]] { self["files"] as? [[String: Any]] ?? [] }
  func file(_ path: String) -> [String: Any]? { files.first { $0["path"] as? String == path } }
  func budget(_ id: String) -> [String: Any]? {
    (self["budget"] as? [[String: Any]])?.first { $0["id"] as? String == id }
  }
  /// The run's warnings about its files: all but the one a shop of one month's exports rightly gets about
  /// the months of its year without sales (`allWarnings` has it too).
  var warnings: [String] { allWarnings.filter { !$0.hasPrefix("no sale at all in ") } }
  var allWarnings: [String] { self["warnings"] as? [String] ?? [] }
}

/// Nothing is counted twice, nothing is read twice, and no input entry is ignored without a word.

/// The files of the sample shop's October folder, which `OneMonthShop` reviews.
let octoberFiles =
  (try? FileManager.default.contentsOfDirectory(atPath: Samples.folder.appendingPathComponent("exports/2026-10").path)
    .count) ?? 0

@Suite struct InputFaultTests {
  static let purchases = "exports/2026-10/DanhSachChiTietNhapHang_KV01112026-081610-210.csv"

  /// The shop's review on `jobs` threads, and its JSON summary.
  func review(_ shop: OneMonthShop, jobs: Int) throws -> (run: Run, json: [String: Any]) {
    let run = try shell(
      "cd '\(shop.url.path)' && AOP_JOBS=\(jobs) exec '\(aopBinary.path)' review -c aop.toml --month 2026-10 --json")
    let json = (try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]) ?? [:]
    return (run, json)
  }

  /// A workbook damaged past its first rows (its last cell changed, so the sheet's checksum fails only at
  /// its end, after every row was read) is refused, and none of its rows counts: the review's figures
  /// are those of the month without the file, on one core or two.
  @Test func aWorkbookDamagedPastItsFirstRowsCountsNothing() throws {
    let shop = try OneMonthShop()
    let name = "exports/2026-10/Order.all.20261001_20261031.xlsx"
    try FileManager.default.removeItem(atPath: shop.folder.path(name))
    let (_, without) = try review(shop, jobs: 1)
    try WorkbookBuilder.storedCopy(of: Samples.folder.appendingPathComponent(name).path, to: shop.folder.path(name))
    try WorkbookBuilder.changeLastValue(in: shop.folder.path(name))
    func figures(_ json: [String: Any], _ key: String) throws -> Data {
      try JSONSerialization.data(withJSONObject: try #require(json[key]), options: [.sortedKeys, .fragmentsAllowed])
    }
    for jobs in [1, 2] {
      let (run, json) = try review(shop, jobs: jobs)
      #expect(run.status == 65, "\(run.stderr)")
      let file = try #require(json.file(name))
      #expect(file["status"] as? String == "refused")
      #expect((file["message"] as? String)?.contains("do not match their recorded CRC-32 checksum") == true)
      #expect(file["accepted"] as? Int == 0)
      for key in ["month_kpis", "year_to_date_kpis", "channels", "budget", "rows"] {
        #expect(try figures(json, key) == figures(without, key), "\(key) with AOP_JOBS=\(jobs)")
      }
    }
  }

  @Test func theSameExportDownloadedTwiceIsACopyNotDoubleTheActual() throws {
    let shop = try OneMonthShop()
    let (before, plain) = try shop.review()
    #expect(before.status == 65, "\(before.stderr)")
    let purchasing = try #require(plain.budget("purchasing")?["month"] as? [String: Any])["actual"] as? Int
    // The purchase export downloaded again: the browser names the second `… (1).csv`, which sorts
    // first (a space before the dot), so it is read first and the other is the copy.
    let downloadedAgain = Self.purchases.replacingOccurrences(of: ".csv", with: " (1).csv")
    try FileManager.default.copyItem(
      atPath: shop.folder.path(Self.purchases), toPath: shop.folder.path(downloadedAgain))
    let (after, json) = try shop.review()
    #expect(after.status == 65)
    let original = try #require(json.file(downloadedAgain))
    let copy = try #require(json.file(Self.purchases))
    #expect(copy["status"] as? String == "read")
    #expect(copy["message"] as? String == "a copy of \(downloadedAgain) (the same bytes)")
    #expect(copy["accepted"] as? Int == 0)
    #expect(copy["duplicates"] as? Int == (original["accepted"] as? Int ?? -1))
    #expect(copy["read"] as? Int == original["read"] as? Int)
    #expect(copy["sha256"] as? String == original["sha256"] as? String)
    #expect((try #require(json.budget("purchasing")?["month"] as? [String: Any]))["actual"] as? Int == purchasing)
  }

  @Test func anOverlappingPurchaseExportCountsEachPurchasedLineOnce() throws {
    // A re-export of the same receipts (a different file: one row dropped, one receipt added) is not a
    // copy; its rows are still the same purchased lines, by receipt and product code.
    let shop = try OneMonthShop()
    let (_, plain) = try shop.review()
    let purchasing = try #require(plain.budget("purchasing")?["month"] as? [String: Any])["actual"] as? Int
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: shop.folder.path(Self.purchases))))
    var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    lines.remove(at: 1)
    try shop.folder.write(
      "exports/2026-10/DanhSachChiTietNhapHang_reexport.csv", bytes: Array(lines.joined(separator: [0x0A])))
    let (_, json) = try shop.review()
    let overlap = try #require(json.file("exports/2026-10/DanhSachChiTietNhapHang_reexport.csv"))
    #expect(overlap["accepted"] as? Int == 0)
    #expect((overlap["duplicates"] as? Int ?? 0) > 0)
    #expect((try #require(json.budget("purchasing")?["month"] as? [String: Any]))["actual"] as? Int == purchasing)
  }

  @Test func aFolderReachedTwiceIsReadOnce() throws {
    let shop = try OneMonthShop(inputs: ["exports/*", "exports/2026-10"])
    let (_, once) = try shop.review()
    let count = once.files.count
    #expect(count == octoberFiles)
    #expect(once.warnings.isEmpty)  // an entry whose files were read through another is not empty
    // A link loop inside the shop's folder: the folder is reached again and again, and read once.
    #expect(symlink("..", shop.folder.path("exports/2026-10/loop")) == 0)
    let (run, json) = try shop.review()
    #expect(run.status == 65, "\(run.stderr)")
    #expect(json.files.count == count)
    #expect(!run.stderr.contains("loop"))
  }

  @Test func filesAreReadInOneOrderWhateverTheOrderOfTheInputs() throws {
    // September's export is overlapped by October's: whichever way the config lists them, September is
    // read first and October's repeated rows are the duplicates.
    for inputs in [["exports/2026-09", "exports/2026-10"], ["exports/2026-10", "exports/2026-09"]] {
      let shop = try OneMonthShop(inputs: inputs)
      try FileManager.default.copyItem(
        at: Samples.folder.appendingPathComponent("exports/2026-09"),
        to: shop.url.appendingPathComponent("exports/2026-09"))
      let (_, json) = try shop.review()
      let paths = json.files.compactMap { $0["path"] as? String }
      #expect(paths == paths.sorted { InputOrder.precedes($0, $1) }, "\(inputs)")
      #expect(paths.first?.hasPrefix("exports/2026-09/") == true)
      let october = try #require(json.file("exports/2026-10/orders_export_1.csv"))
      let repeats = try #require(october["duplicates_of"] as? [[String: Any]])
      #expect(repeats.first?["file"] as? String == "exports/2026-09/orders_export.csv", "\(inputs)")
      #expect((json.file("exports/2026-09/orders_export.csv")?["duplicates"] as? Int) == 0)
    }
  }

  @Test func aLinkLeadingOutsideTheConfigsFolderIsNotFollowedAndSaysSo() throws {
    let elsewhere = try TemporaryFolder()
    try FileManager.default.copyItem(
      atPath: Samples.folder.appendingPathComponent("exports/2026-09/orders_export.csv").path,
      toPath: elsewhere.path("orders_export.csv"))
    let shop = try OneMonthShop()
    #expect(symlink(elsewhere.url.path, shop.folder.path("exports/2026-10/elsewhere")) == 0)
    let (run, json) = try shop.review()
    #expect(json.files.count == octoberFiles)
    let warning =
      "exports/2026-10/elsewhere is a link to \(elsewhere.url.path), outside the config's folder: not followed (name it in `inputs` to read it)"
    #expect(json.warnings == [warning])
    #expect(run.stderr.contains("warning: \(warning)"))
    // Named in the config, it is read.
    let named = try OneMonthShop(inputs: ["exports/*", elsewhere.url.path])
    let (_, read) = try named.review()
    #expect(read.files.count == octoberFiles + 1)
  }

  @Test func anInputsEntryThatMatchesNothingIsAWarningInTheLogTheJSONAndTheWorkbook() throws {
    let shop = try OneMonthShop(inputs: ["exports/*", "exprots/2026-11"], extra: "profile_folders = [\"my-profiles\"]")
    let (run, json) = try shop.review()
    #expect(run.status == 65)
    let expected = [
      "the profile folder \(shop.url.appendingPathComponent("my-profiles").path) does not exist: its profiles are not used",
      "the inputs entry `exprots/2026-11` matches nothing (relative to \(shop.url.path)); check its spelling",
    ]
    #expect(json.warnings == expected)
    for warning in expected { #expect(run.stderr.contains("warning: \(warning)")) }
    let book = try WorkbookReadBack(path: shop.folder.path("out/review-2026-10.xlsx"))
    let sheet = try #require(book.sheets["Nguồn dữ liệu"] ?? book.sheets["Sources"])
    for warning in expected { #expect(sheet.values.contains { $0.value == warning }, "\(warning)") }
  }

  @Test func aFolderNamedInAnotherUnicodeNormalisationIsTheSameFolder() throws {
    // A folder made on a Mac (decomposed: "Tha\u{0301}ng") and typed in the config composed ("Tháng").
    let shop = try OneMonthShop(inputs: ["exports/Tháng 10"])
    try FileManager.default.moveItem(
      atPath: shop.folder.path("exports/2026-10"), toPath: shop.folder.path("exports/Tha\u{0301}ng 10"))
    let (run, json) = try shop.review()
    #expect(run.status == 65, "\(run.stderr)")
    #expect(json.files.count == octoberFiles)
    #expect(json.warnings.isEmpty)
  }

  @Test func formulaTextInAnExportCannotRunFromTheCSVOutputs() throws {
    // A row whose text a spreadsheet would run: rejected (its date), and accepted (its description).
    let shop = try OneMonthShop()
    try shop.folder.write(
      "exports/2026-10/zz-expenses.csv",
      """
      date,category,amount,channel,description
      =cmd|' /C calc'!A0,Marketing,100000,web,x
      2026-10-05,Marketing,200000,web,"=HYPERLINK(""http://evil"",""click"")"
      2026-10-06,Marketing,300000,web,@SUM(1+1)

      """)
    let run = try aop(
      ["review", "-c", "aop.toml", "--month", "2026-10", "--ledger", "out/ledger.csv", "-q"], in: shop.url)
    #expect(run.status == 65, "\(run.stderr)")
    let rejects = try String(contentsOfFile: shop.folder.path("out/rejects-2026-10.csv"), encoding: .utf8)
    #expect(
      rejects.contains(
        "\nexports/2026-10/zz-expenses.csv,2,date,`=cmd|' /C calc'!A0` is not a date in the form `yyyy-MM-dd`,\"'=cmd|' /C calc'!A0,Marketing,100000,web,x\"\n"
      ))
    let ledger = try String(contentsOfFile: shop.folder.path("out/ledger.csv"), encoding: .utf8)
    #expect(ledger.contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\","))
    #expect(ledger.contains(",'@SUM(1+1),"))
    // No field of either file starts a formula.
    for text in [rejects, ledger] {
      for line in text.split(separator: "\n") {
        for field in line.split(separator: ",", omittingEmptySubsequences: false) {
          let value = field.hasPrefix("\"") ? field.dropFirst() : field[...]
          #expect(!(value.first.map { "=+@".contains($0) } ?? false), "\(line)")
        }
      }
    }
  }

  @Test func nothingAtAllIs66NamingWhereItLooked() throws {
    let shop = try OneMonthShop(inputs: ["exprots/*"])
    let run = try aop(["review", "-c", "aop.toml", "--month", "2026-10"], in: shop.url)
    #expect(run.status == 66)
    #expect(run.stderr.contains("warning: the inputs entry `exprots/*` matches nothing"))
    #expect(run.stderr.contains("no export files found in exprots/* (relative to \(shop.url.path))"))
  }
}

/// The documented processing order, computed on its own: paths compared component by component.
enum InputOrder {
  static func precedes(_ a: String, _ b: String) -> Bool {
    let x = a.components(separatedBy: "/"), y = b.components(separatedBy: "/")
    for (p, q) in zip(x, y) where p != q { return p < q }
    return x.count < y.count
  }
}
