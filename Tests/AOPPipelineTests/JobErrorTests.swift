import AOPImport
import AOPLedger
import AOPPipeline
import AOPPlan
import AOPTestSupport
import Foundation
import Testing

/// A job that stops says which step failed and keeps the typed error behind it; the console says it in
/// the config's language.
@Suite struct JobErrorTests {
  func failure(_ body: () throws -> Void) -> JobError? {
    do {
      try body()
      return nil
    } catch let error as JobError {
      return error
    } catch {
      Issue.record("not a JobError: \(error)")
      return nil
    }
  }

  @Test func aBadPlanIsThePlansStepWithThePlansOwnError() throws {
    let folder = try TemporaryFolder()
    let config = try folder.write(
      "aop.toml",
      "plan = \"plan.toml\"\nlanguage = \"vi\"\ninputs = [\"x\"]\n[[channels]]\nid = \"store\"\nkind = \"offline\"\n")
    let plan = try folder.write(
      "plan.toml", "company = \"A\"\nyear = 2026\nyaer = 2026\n[goals]\nrevenue_growth = \"10%\"\n")
    let error = try #require(
      failure { _ = try ReviewJob(configPath: config, month: Month(year: 2026, month: 10)!).run() })
    #expect(error.step == .plan && error.status == .badConfigOrPlan)
    let cause = try #require(error.cause as? PlanError)
    #expect(cause == .invalidAt(file: plan, line: 3, key: "yaer", problem: "unknown key; did you mean `year`?"))
    #expect(error.said(in: .en) == "reading the plan: \(plan):3: `yaer`: unknown key; did you mean `year`?")
    #expect(error.said(in: .vi).hasPrefix("đọc tệp kế hoạch: \(plan):3: `yaer`"))
  }

  /// A file read twice (too large to hold apart) that fails on its second reading stops the run with
  /// exit 74, said in the run's language with the file's refusal.
  @Test func anExportThatFailedOnItsSecondReadingIs74() {
    let error = JobError(
      .export, .exportChanged,
      ExportChangedWhileRead(file: "exports/big.csv", refusal: .readFailed(detail: "Input/output error")))
    #expect(error.step == .export && error.status == .exportChanged && error.status.rawValue == 74)
    let english = error.said(in: .en)
    #expect(english.hasPrefix("reading the export: exports/big.csv: read to its end once, it then failed midway ("))
    #expect(english.contains("Input/output error"))
    #expect(english.hasSuffix("nothing was written, run again once the file is complete"))
    #expect(error.said(in: .vi).hasPrefix("đọc tệp dữ liệu xuất: exports/big.csv: đã đọc hết một lần"))
  }

  @Test func aMissingConfigIsTheConfigsStep() throws {
    let error = try #require(
      failure { _ = try CheckJob(configPath: "/nonexistent/aop.toml").run() })
    #expect(error.step == .config && error.status == .badConfigOrPlan)
    #expect(error.cause as? PlanError == .unreadable(file: "/nonexistent/aop.toml", reason: "no such file"))
  }

  @Test func aHeldLockIsTheLocksStepInEitherLanguage() throws {
    let shop = try OneMonthShop()
    let out = try TemporaryFolder()
    let held = try RunLock(folder: out.url)
    let error = try #require(
      failure {
        _ = try ReviewJob(configPath: shop.config, month: Month(year: 2026, month: 10)!, outputFolder: out.url).run()
      })
    withExtendedLifetime(held) {}
    #expect(error.step == .lock && error.status == .lockHeld)
    #expect(error.cause as? OutputError == .lockHeld(path: out.path(".aop.lock")))
    #expect(error.said(in: .en).hasPrefix("locking the output folder: \(out.path(".aop.lock")): another aop run"))
    #expect(error.said(in: .vi).hasPrefix("khóa thư mục kết quả: \(out.path(".aop.lock")): một lần chạy aop khác"))
  }

  @Test func noExportForTheMonthIsANoInputProblemNamingWhereItLooked() throws {
    let shop = try OneMonthShop()
    let out = try TemporaryFolder()
    let error = try #require(
      failure {
        _ = try ReviewJob(configPath: shop.config, month: Month(year: 2026, month: 11)!, outputFolder: out.url).run()
      })
    #expect(error.step == .inputs && error.status == .noInput)
    guard case .nothingDated(let period, let files, let patterns, _, let kept)? = error.cause as? JobProblem else {
      Issue.record("\(error.cause)")
      return
    }
    #expect(period == "2026-11" && files > 0 && patterns == ["exports/*"] && kept)
  }

  @Test func theConsoleLanguageIsReadEvenFromAConfigThatDoesNotLoad() throws {
    let folder = try TemporaryFolder()
    #expect(Config.language(ofFile: try folder.write("a.toml", "language = \"vi\"   # the console\nplan = 3\n")) == .vi)
    #expect(Config.language(ofFile: try folder.write("b.toml", "language='en'\n")) == .en)
    // Only a top-level key counts; none, or no file, is English.
    #expect(Config.language(ofFile: try folder.write("c.toml", "[channels]\nlanguage = \"vi\"\n")) == .en)
    #expect(Config.language(ofFile: try folder.write("d.toml", "plan = \"p.toml\"\n")) == .en)
    #expect(Config.language(ofFile: folder.path("missing.toml")) == .en)
  }
}
