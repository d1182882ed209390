import AOPLedger
import AOPTestSupport
import Foundation
import Testing

@testable import AOPPlan

/// Config and plan files are strict: a misspelt key, a value of the wrong type, a control character or
/// a plan that does not add up is an error naming the file, the line and the key — never a goal that
/// silently disappears.
@Suite struct StrictFileTests {
  let folder: TemporaryFolder
  init() throws { folder = try TemporaryFolder() }

  let plan = """
    company = "Shop"
    year = 2026
    [goals]
    revenue_growth = "20%"
    gross_margin_floor = "35%"
    [[budget]]
    id = "ads"
    kind = "marketing"
    monthly = 12_000_000
    [[risks]]
    risk = "Margin"
    kpi = "gross_margin"
    threshold = "33%"
    contingency = "Reprice"
    """

  let config = """
    plan = "plan.toml"
    output = "out"
    inputs = ["exports/*"]
    [[channels]]
    id = "store"
    kind = "offline"
    """

  /// The error loading `text` as a plan (or a config) gives.
  func planError(_ text: String) throws -> PlanError? {
    let path = try folder.write("plan.toml", text)
    do {
      _ = try Plan.load(from: URL(fileURLWithPath: path))
      return nil
    } catch let error as PlanError {
      return error
    }
  }

  func configError(_ text: String) throws -> PlanError? {
    let path = try folder.write("aop.toml", text)
    do {
      _ = try Config.load(from: URL(fileURLWithPath: path))
      return nil
    } catch let error as PlanError {
      return error
    }
  }

  @Test func theFilesAsWrittenLoad() throws {
    #expect(try planError(plan) == nil)
    #expect(try configError(config) == nil)
  }

  @Test(arguments: [
    ("revenue_growth = \"20%\"", "revenue_growht = \"20%\"", 4, "goals.revenue_growht", "revenue_growth"),
    ("gross_margin_floor = \"35%\"", "gross_margin_flor = \"35%\"", 5, "goals.gross_margin_flor", "gross_margin_floor"),
    ("threshold = \"33%\"", "treshold = \"33%\"", 13, "risks[0].treshold", "threshold"),
    ("contingency = \"Reprice\"", "Contingency = \"Reprice\"", 14, "risks[0].Contingency", "contingency"),
  ])
  func aMisspeltPlanKeyIsNamedWithItsLineAndTheKeyMeant(
    correct: String, misspelt: String, line: Int, key: String, meant: String
  ) throws {
    let error = try #require(try planError(plan.replacingOccurrences(of: correct, with: misspelt)))
    guard case .invalidAt(_, let l, let k, let problem) = error else {
      Issue.record("\(error)")
      return
    }
    #expect(l == line)
    #expect(k == key)
    #expect(problem == "unknown key; did you mean `\(meant)`?")
  }

  @Test func aMisspeltConfigKeyIsNamedWithTheKeyMeant() throws {
    let error = try #require(try configError(config.replacingOccurrences(of: "output =", with: "ouput =")))
    #expect(error.localizedDescription.hasSuffix("aop.toml:2: `ouput`: unknown key; did you mean `output`?"))
  }

  @Test func aKeyInTheWrongTableSaysWhereItBelongs() throws {
    let error = try #require(
      try planError(plan.replacingOccurrences(of: "[goals]\n", with: "online_share = \"45%\"\n[goals]\n")))
    guard case .invalidAt(_, let line, let key, let problem) = error else {
      Issue.record("\(error)")
      return
    }
    #expect(line == 3)
    #expect(key == "online_share")
    #expect(problem == "unknown key; it belongs under [goals]")
  }

  @Test func everyUnknownKeyIsCountedTheFirstNamed() throws {
    let error = try #require(try planError(plan + "\nsurprise = 1\n[extra]\nx = 1\n"))
    guard case .invalidAt(_, let line, let key, let problem) = error else {
      Issue.record("\(error)")
      return
    }
    #expect(line == 15)
    #expect(key == "risks[0].surprise")  // a key after [[risks]] belongs to that table
    #expect(problem.contains("also unknown: `extra`"))
  }

  @Test func aWrongTypeSaysWhatWasExpectedAndWhatWasFound() throws {
    let year = try #require(try planError(plan.replacingOccurrences(of: "year = 2026", with: "year = \"2026\"")))
    #expect(
      year
        == .invalidAt(
          file: folder.path("plan.toml"), line: 2, key: "year",
          problem: "expected a whole number, found the string \"2026\""))
    let share = try #require(
      try planError(plan.replacingOccurrences(of: "threshold = \"33%\"", with: "threshold = true")))
    #expect(
      share.localizedDescription.hasSuffix(
        ":13: `risks[0].threshold`: expected a percentage like \"45%\" or a fraction like 0.45, found true"))
    let list = try #require(
      try configError(config.replacingOccurrences(of: "inputs = [\"exports/*\"]", with: "inputs = \"exports/*\"")))
    #expect(list.localizedDescription.hasSuffix(":3: `inputs`: expected a list [ … ], found the string \"exports/*\""))
    let table = try #require(
      try planError(
        plan.replacingOccurrences(
          of: "[goals]\nrevenue_growth = \"20%\"\ngross_margin_floor = \"35%\"", with: "goals = 5")))
    #expect(table.localizedDescription.hasSuffix(":3: `goals`: expected a table, found the whole number 5"))
  }

  @Test func aControlCharacterInAStringIsRefused() throws {
    let error = try #require(
      try planError(plan.replacingOccurrences(of: "risk = \"Margin\"", with: "risk = \"Mar\\u0001gin\"")))
    #expect(error.localizedDescription.hasSuffix(":11: `risks[0].risk`: holds the control character U+0001; remove it"))
  }

  @Test(arguments: [
    (
      "revenue_growth = \"20%\"", "revenue_target = -5", "goals.revenue_target",
      "-5 is not a revenue target: give the year's revenue, more than 0"
    ),
    (
      "revenue_growth = \"20%\"", "revenue_target = 0", "goals.revenue_target",
      "0 is not a revenue target: give the year's revenue, more than 0"
    ),
    ("monthly = 12_000_000", "monthly = -1", "budget[0]", "a budget cannot be negative"),
    (
      "monthly = 12_000_000", "monthly = 9_000_000_000_000_000_000", "budget[0].monthly",
      "9000000000000000000 is too large: a plan amount is at most 1000000000000000 VND"
    ),
    (
      "threshold = \"33%\"", "threshold = 1e300", "risks[0].threshold",
      "1e+300 is not a plausible share (write 0.45 or \"45%\" for 45%)"
    ),
  ])
  func aPlanThatCannotAddUpIsRefused(correct: String, wrong: String, key: String, problem: String) throws {
    let error = try #require(try planError(plan.replacingOccurrences(of: correct, with: wrong)))
    guard case .invalidAt(_, _, let k, let p) = error else {
      Issue.record("\(error)")
      return
    }
    #expect(k == key)
    #expect(p == problem)
  }

  @Test func currencyDigitsAreBounded() throws {
    let error = try #require(
      try planError(
        plan.replacingOccurrences(of: "year = 2026", with: "year = 2026\ncurrency = \"XTS\"\ncurrency_digits = 30")))
    #expect(error.localizedDescription.contains("`currency_digits`: 30 is not 0 to 4"))
  }

  @Test func aBaselineValueOfInt64MinIsRefusedNotATrap() throws {
    let rows = [
      (1, Baseline.columns), (2, ["2025-01", "store", "g", "VND", "-9223372036854775808", "0", "0", "0", "0", "0"]),
    ]
    #expect(
      throws: PlanError.invalid(
        file: "b.csv", key: "",
        problem:
          "line 2, column revenue: the column adds up to more than 1000000000000000000, beyond what can be added up exactly"
      )
    ) {
      try Baseline(rows: rows, file: "b.csv")
    }
  }

  @Test func aBaselineWhoseColumnsAddUpBeyondTheLimitIsRefused() throws {
    let header = Baseline.columns.joined(separator: ",")
    let row = { (m: Int) in
      (m + 1, ["2025-\(m < 10 ? "0" : "")\(m)", "store", "g", "VND", "900000000000000000", "0", "0", "0", "0", "0"])
    }
    let rows = [(1, header.split(separator: ",").map(String.init))] + (1...2).map(row)
    #expect(
      throws: PlanError.invalid(
        file: "b.csv", key: "",
        problem:
          "line 3, column revenue: the column adds up to more than 1000000000000000000, beyond what can be added up exactly"
      )
    ) {
      try Baseline(rows: rows, file: "b.csv")
    }
  }
}

@Suite struct BaselineCSVTests {
  @Test func formulaLikeGroupsAreWrittenNeutralisedAndReadBackAsTheyWere() throws {
    var f = Rollup.Figures()
    f.revenue = Money(minorUnits: -150_000)
    let groups = ["=SUM(A1)", "-x", "@home", "Sữa"]
    let cells = Dictionary(
      uniqueKeysWithValues: groups.enumerated().map { i, g in
        (Rollup.Key(month: Month(year: 2025, month: i + 1)!, channel: "store", productGroup: g), f)
      })
    let csv = Baseline(year: 2025, currency: "VND", rollup: Rollup(cells: cells, uncosted: [:])).csv
    #expect(csv.contains("2025-01,store,'=SUM(A1),VND,-150000,"))
    #expect(csv.contains("2025-02,store,'-x,VND,-150000,"))
    #expect(csv.contains("2025-03,store,'@home,VND,"))
    let rows = csv.split(separator: "\n").enumerated().map {
      ($0 + 1, $1.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
    }
    let back = try Baseline(rows: rows, file: "b.csv")
    #expect(Set(back.rollup.cells.keys.map(\.productGroup)) == Set(groups))
    #expect(back.rollup.cells.values.allSatisfy { $0.revenue == Money(minorUnits: -150_000) })
  }
}
