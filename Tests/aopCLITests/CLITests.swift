import AOPLedger
import AOPTestSupport
import Foundation
import Testing

// Runs the built `aop` binary as a user would and checks stdout, stderr, the exit status and files
// (`run` and `Run` are the test support's).

/// The `aop` executable built next to this test bundle.
let aopBinary: URL = {
  let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  for folder in [here, here.deletingLastPathComponent(), repositoryRoot.appendingPathComponent(".build/debug")] {
    let candidate = folder.appendingPathComponent("aop")
    if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
  }
  return repositoryRoot.appendingPathComponent(".build/debug/aop")
}()

func aop(_ arguments: [String], in folder: URL = repositoryRoot) throws -> Run {
  try run(aopBinary, arguments, in: folder)
}

@Suite struct CLITests {
  @Test func helpShowsTheCommandsAndTheExitCodes() throws {
    let run = try aop(["--help"])
    #expect(run.status == 0)
    for word in ["review", "baseline", "check", "profiles", "65", "66", "78"] {
      #expect(run.stdout.contains(word), "\(word)")
    }
  }

  @Test func aReviewWithRejectedRowsWritesTheWorkbookAndSays65() throws {
    let out = try TemporaryFolder()
    let run = try aop([
      "review", "--config", "samples/aop.toml", "--month", "2026-10", "--output", out.url.path, "--json",
    ])
    #expect(run.status == 65)
    // Not a terminal: no progress lines; only the warning about the bad row and the closing summary.
    #expect(!run.stderr.contains("[1/"))
    #expect(run.stderr.split(separator: "\n").count == 2)
    let files = try Samples.expected().files.filter { $0.key.hasPrefix("exports/2026-") }
    let read = files.values.map { $0["read"] ?? 0 }.reduce(0, +)
    // The sample shop's config is Vietnamese: so is its console, numbers grouped the Vietnamese way.
    #expect(
      run.stderr.contains(
        "cảnh báo: đánh giá 2026-10: \(files.count) tệp (0 bị từ chối), dòng: đọc \(Digits.grouped(read, separator: "."))"
      ),
      "\(run.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    #expect(json["month"] as? String == "2026-10")
    #expect(FileManager.default.fileExists(atPath: out.path("review-2026-10.xlsx")))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.url.path).filter { $0.contains(".tmp-") }
    #expect(leftovers.isEmpty)
  }

  @Test func aMonthWithoutDataSays66AndLeavesTheLastWorkbookAlone() throws {
    let out = try TemporaryFolder()
    let previous = try out.write("review-2026-11.xlsx", "the last good workbook")
    let run = try aop(["review", "--config", "samples/aop.toml", "--month", "2026-11", "--output", out.url.path])
    #expect(run.status == 66)
    #expect(
      run.stderr.contains(
        "tìm các tệp dữ liệu xuất: không có giao dịch bán hay chi phí nào của 2026-11 trong 64 tệp dữ liệu xuất của exports/2026-* (tính từ "
      ),
      "\(run.stderr)")
    #expect(try String(contentsOfFile: previous, encoding: .utf8) == "the last good workbook")
  }

  @Test func aBadConfigSays78NamingTheFileAndKey() throws {
    let folder = try TemporaryFolder()
    try folder.write(
      "aop.toml", "plan = \"plan.toml\"\ninputs = [\"x\"]\n[[channels]]\nid = \"store\"\nkind = \"store\"\n")
    let run = try aop(["review", "--config", "aop.toml", "--month", "2026-10"], in: folder.url)
    #expect(run.status == 78)
    #expect(run.stderr.contains("aop.toml:5: `channels[0].kind`: `store` is not \"online\" or \"offline\""))
    let missing = try aop(["review", "--config", "nowhere.toml", "--month", "2026-10"], in: folder.url)
    #expect(missing.status == 78)
    #expect(missing.stderr.contains("nowhere.toml: no such file"))
  }

  @Test func argumentsAreValidatedBeforeAnythingRuns() throws {
    let run = try aop(["review", "--month", "2026-13"])
    #expect(run.status == 64)
    #expect(
      run.stderr.contains("The value '2026-13' is invalid for '--month <month>'")
        && run.stderr.contains("YYYY-MM, or `auto`"), "\(run.stderr)")
    let today = try aop(["review", "--today", "27/11/2026"])
    #expect(today.status == 64 && today.stderr.contains("The value '27/11/2026' is invalid for '--today <today>'"))
    let language = try aop(["init", "--language", "fr"])
    #expect(
      language.status == 64 && language.stderr.contains("The value 'fr' is invalid for '--language <language>'"),
      "\(language.stderr)")
    // A month outside the plan's year is refused before the output folder is made.
    let folder = try TemporaryFolder()
    let other = try aop(["review", "-c", Samples.config, "--month", "2025-10", "--output", folder.path("out")])
    #expect(other.status == 78 && other.stderr.contains("kế hoạch là của năm 2026, còn kỳ đánh giá là 2025-10"))
    #expect(!FileManager.default.fileExists(atPath: folder.path("out")))
  }

  @Test func profilesSaysWhichProfileAFileMatchesAndWhy() throws {
    let folder = try TemporaryFolder()
    let unknown = try folder.write("unknown.csv", "Mã,Tên\n1,2\n")
    let none = try aop(["profiles", unknown])
    #expect(none.status == 65)
    #expect(none.stdout.contains("matches no profile"))
    #expect(none.stdout.contains("- shopee-orders: missing"))
    let sample = try aop(["profiles", "samples/exports/2026-10/Order.all.20261001_20261031.xlsx"])
    #expect(sample.status == 0)
    #expect(sample.stdout.contains("matches shopee-orders"))
    let list = try aop(["profiles"])
    #expect(list.status == 0)
    #expect(list.stdout.contains("kiotviet-invoice-detail"))
  }

  @Test func checkReportsEveryFileAndWritesNothing() throws {
    let run = try aop(["check", "--config", "samples/aop.toml"])
    #expect(run.status == 65)
    #expect(run.stdout.contains("REJECTS  exports/2026-10/"))
    #expect(run.stdout.contains("[Thành tiền]: `1.250.00` does not group its digits"))
  }
}

@Suite struct ArchitectureTests {
  /// Each C library is used from exactly one Swift file, which keeps its types inside.
  @Test(arguments: ["CCSV", "CXLSXWriter"])
  func eachCLibraryIsImportedByOneFile(module: String) throws {
    let sources = repositoryRoot.appendingPathComponent("Sources")
    let files =
      FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.filter {
        $0.hasSuffix(".swift")
      } ?? []
    let importers = try files.filter { path in
      try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
        .split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces).hasSuffix("import \(module)") }
    }
    #expect(importers.count == 1, "\(importers)")
  }
}

@Suite struct InitAndBaselineCLITests {
  @Test func initScaffoldsAValidPlanWithTargetsPhasedFromTheBaselineAndNeverOverwrites() throws {
    let folder = try TemporaryFolder()
    let run = try aop([
      "init", folder.url.path, "--year", "2026", "--language", "en", "--company", "Test Shop",
      "--baseline", "samples/baseline/baseline-2025.csv",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("0 6 1 * * cd "))
    for path in ["aop.toml", "plan-2026.toml", "baseline/baseline-2025.csv", "exports/2026-01", "profiles", "out"] {
      #expect(FileManager.default.fileExists(atPath: folder.path(path)), "\(path)")
    }
    let plan = try String(contentsOfFile: folder.path("plan-2026.toml"), encoding: .utf8)
    // The twelve phased months add up to the annual target: 2025's revenue × 1.2.
    let months = plan.split(separator: "\n").filter { $0.hasPrefix("#   2026-") }
    #expect(months.count == 12)
    let amounts = months.compactMap {
      Int64($0.split(separator: " ").dropFirst(2).first?.replacingOccurrences(of: ",", with: "") ?? "")
    }
    #expect(amounts.count == 12)
    #expect(
      plan.contains(
        "#   year     \(amounts.reduce(0, +).formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))) VND"
      ))
    // The scaffold passes the same validation as any plan (no export files yet: 66).
    let check = try aop(["check", "--config", folder.path("aop.toml")])
    #expect(check.status == 66)
    #expect(check.stderr.contains("no export files found"))  // an English shop's
    let again = try aop(["init", folder.url.path, "--year", "2026"])
    #expect(again.status == 73)
    // In the language of `--language` (Vietnamese by default).
    #expect(
      again.stderr.contains("tạo thư mục của cửa hàng: ")
        && again.stderr.contains("đã có; aop init không bao giờ ghi đè"))
    let againInEnglish = try aop(["init", folder.url.path, "--year", "2026", "--language", "en"])
    #expect(againInEnglish.status == 73)
    #expect(againInEnglish.stderr.contains("setting up the shop's folder: \(folder.url.path)/aop.toml exists already"))
  }

  @Test func baselineAlsoWritesAWorkbook() throws {
    let folder = try TemporaryFolder()
    let out = folder.url.appendingPathComponent("b.csv").path
    let run = try aop(["baseline", "--config", "samples/aop.toml", "--output", out, "-q"])
    #expect(run.status == 0, "\(run.stderr)")
    let book = try WorkbookReadBack(path: folder.path("b.xlsx"))
    let sheet = try #require(book.sheets["Năm gốc 2025"])
    let total = try #require(book.row("Năm gốc 2025", labelled: "Tổng"))
    // Store, Shopee, Website, then the total of the three (column E).
    #expect(sheet["E\(total)"]?.number == Double(try Samples.expected().baseline2025.sum("revenue")))
  }
}
