import AOPTestSupport
import Foundation
import Testing

/// The documentation says what the tool does: the command reference is the tool's own help, and the
/// examples in the docs run.
@Suite struct CommandReferenceTests {
  static let commands = [
    "", "review", "baseline", "check", "profiles", "profiles list", "profiles show", "profiles draft", "init",
  ]

  /// docs/cli.md as the tool's help makes it (80 columns, as a terminal of that width shows it).
  static func reference() throws -> String {
    var text = """
      # Command-line reference

      Every command and option, as `aop help COMMAND` prints them (this page is made from that output, and
      a test fails when the two differ: `RECORD_CLI_DOCS=1 swift test --filter CommandReferenceTests`
      writes it anew). Relative paths given on the command line (`--config`, `--output`, `--ledger`,
      files) are from the current folder; the paths inside the config are from the config's folder.

      """
    for command in commands {
      let run = try runWithColumns(
        command.isEmpty ? ["--help"] : ["help"] + command.split(separator: " ").map(String.init))
      guard run.status == 0 else { throw Failure(description: "aop help \(command) exited \(run.status)") }
      text +=
        "\n## `aop\(command.isEmpty ? "" : " " + command)`\n\n```text\n\(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines))\n```\n"
    }
    return text
  }

  struct Failure: Error, CustomStringConvertible { var description: String }

  static func runWithColumns(_ arguments: [String]) throws -> Run {
    try shell("COLUMNS=80 exec '\(aopBinary.path)' " + arguments.map { "'\($0)'" }.joined(separator: " "))
  }

  @Test func docsCLIIsTheToolsOwnHelp() throws {
    let path = repositoryRoot.appendingPathComponent("docs/cli.md")
    let made = try Self.reference()
    if ProcessInfo.processInfo.environment["RECORD_CLI_DOCS"] == "1" {
      try made.write(to: path, atomically: true, encoding: .utf8)
    }
    let written = try String(contentsOf: path, encoding: .utf8)
    #expect(
      written == made,
      "docs/cli.md differs from `aop help`: run RECORD_CLI_DOCS=1 swift test --filter CommandReferenceTests and read the diff"
    )
  }

  @Test func everyOptionOfEveryCommandIsInTheReference() throws {
    let written = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/cli.md"), encoding: .utf8)
    for option in [
      "-c, --config", "-q, --quiet", "--output <output>", "--today <today>", "--year <year>", "--baseline <baseline>",
      "--json", "--wait-lock", "--ledger",
    ] {
      #expect(written.contains(option), "\(option)")
    }
  }

  @Test func noCommandOrAnUnknownHelpTopicIsAUsageError() throws {
    #expect(try aop([]).status == 64)
    let unknown = try aop(["help", "nosuch"])
    #expect(unknown.status == 64)
    #expect(unknown.stderr.contains("no command `nosuch`; the commands are review, baseline, check, profiles, init"))
    #expect(try aop(["help", "check"]).status == 0)
  }
}

/// Every `console` block of README.md and docs/ is a transcript the tests run: each `$ ` line a command
/// (bash, in a fresh copy of `samples/`, with the built `aop` first on the PATH), the lines after it
/// what its output (stdout and stderr) must hold — each line found in it, `…` standing for any text —
/// and `(exit N)` its exit status (0 when absent). A doc cannot drift from the tool unnoticed.
@Suite struct DocumentationExampleTests {
  struct Step {
    var command: String
    var expected: [String] = []
    var status: Int32 = 0
  }

  struct Example: CustomStringConvertible {
    var file: String
    var line: Int
    var steps: [Step]
    var description: String { "\(file):\(line)" }
  }

  static func examples() throws -> [Example] {
    let docs = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("docs").path)
      .filter { $0.hasSuffix(".md") }.sorted().map { "docs/\($0)" }
    var examples: [Example] = []
    for file in ["README.md"] + docs {
      let lines = try String(contentsOf: repositoryRoot.appendingPathComponent(file), encoding: .utf8).components(
        separatedBy: "\n")
      var i = 0
      while i < lines.count {
        guard lines[i].trimmingCharacters(in: .whitespaces) == "```console" else {
          i += 1
          continue
        }
        var example = Example(file: file, line: i + 1, steps: [])
        i += 1
        while i < lines.count, lines[i].trimmingCharacters(in: .whitespaces) != "```" {
          let line = lines[i]
          if line.hasPrefix("$ ") {
            example.steps.append(Step(command: String(line.dropFirst(2))))
          } else if line.hasPrefix("(exit "), line.hasSuffix(")"), let n = Int32(line.dropFirst(6).dropLast()),
            !example.steps.isEmpty
          {
            example.steps[example.steps.count - 1].status = n
          } else if !line.isEmpty, !example.steps.isEmpty {
            example.steps[example.steps.count - 1].expected.append(line)
          }
          i += 1
        }
        examples.append(example)
        i += 1
      }
    }
    return examples
  }

  /// True when `expected` (with `…` for any text) is a whole line of `output`.
  static func contains(_ output: String, _ expected: String) -> Bool {
    let pattern =
      "^" + expected.components(separatedBy: "…").map(NSRegularExpression.escapedPattern).joined(separator: ".*") + "$"
    guard let regex = try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines]) else { return false }
    return regex.firstMatch(in: output, range: NSRange(output.startIndex..., in: output)) != nil
  }

  @Test func theDocsHaveExamplesToRun() throws {
    let examples = try Self.examples()
    #expect(examples.count >= 5, "\(examples)")
    #expect(examples.allSatisfy { !$0.steps.isEmpty })
  }

  @Test(arguments: try DocumentationExampleTests.examples())
  func theExampleRunsAsTheDocSays(_ example: Example) throws {
    let folder = try TemporaryFolder()
    #expect(
      try shell("cp -R '\(Samples.folder.path)/.' '\(folder.url.path)' && rm -rf '\(folder.url.path)/out'").status == 0)
    let binaries = aopBinary.deletingLastPathComponent().path
    for step in example.steps {
      let run = try run(
        URL(fileURLWithPath: "/bin/bash"), ["-c", "export PATH='\(binaries)':\"$PATH\"; \(step.command)"],
        in: folder.url)
      let output = run.stdout + run.stderr
      #expect(
        run.status == step.status, "\(example): `\(step.command)` exited \(run.status), not \(step.status): \(output)")
      for line in step.expected {
        #expect(
          Self.contains(output, line), "\(example): `\(step.command)` did not print `\(line)`; it printed:\n\(output)")
      }
    }
  }
}

/// docs/json-summary.md and the JSON the tool prints agree key for key: every object the doc describes
/// has exactly the keys its table lists, and every object of the output is described.
@Suite struct JSONSchemaDocumentTests {
  /// Schema section → object heading → its keys, as the doc lists them.
  static func documented() throws -> [String: [String: Set<String>]] {
    let text = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/json-summary.md"), encoding: .utf8)
    var result: [String: [String: Set<String>]] = [:]
    var section = "", object = ""
    for line in text.components(separatedBy: "\n") {
      if line.hasPrefix("## ") {
        section = line.components(separatedBy: "`").dropFirst().first ?? line
      } else if line.hasPrefix("### ") {
        object = String(line.dropFirst(4))
        result[section, default: [:]][object] = []
      } else if line.hasPrefix("| `"), !object.isEmpty {
        let key = line.dropFirst(3).prefix { $0 != "`" }
        result[section, default: [:]][object, default: []].insert(String(key))
      }
    }
    return result
  }

  /// The first object found along `path` (`files[].flags[]`: the first flag of any file).
  static func object(_ json: Any, _ path: [String]) -> [String: Any]? {
    guard let step = path.first else { return json as? [String: Any] }
    let rest = Array(path.dropFirst())
    if step.hasSuffix("[]") {
      let key = String(step.dropLast(2))
      let list = (key.isEmpty ? json : (json as? [String: Any])?[key]) as? [Any] ?? []
      return list.lazy.compactMap { object($0, rest) }.first
    }
    guard let next = (json as? [String: Any])?[step] else { return nil }
    return object(next, rest)
  }

  static let paths: [String: [String: [String]]] = [
    "aop review --json": [
      "review": [], "period": ["month_kpis"], "amount": ["month_kpis", "revenue"],
      "ratio KPI": ["month_kpis", "online_share"],
      "channel": ["channels[]"], "uncosted SKU": ["uncosted_skus_year_to_date[]"], "file": ["files[]"],
      "duplicates": ["files[]", "duplicates_of[]"], "flag": ["files[]", "flags[]"], "rows": ["rows"],
      "budget line": ["budget[]"],
      "outlook": ["outlook"], "risk": ["risks[]"], "condition": ["risks[]", "conditions[]"],
      "judged": ["risks[]", "conditions[]", "months[]"], "scope": ["kpis[]", "scope"], "kpi": ["kpis[]"],
      "kpi month": ["kpis[]", "by_month[]"], "plan": ["plan"],
      "action": ["plan", "actions[]"],
      "resource": ["plan", "resources[]"], "revision": ["plan", "revisions[]"],
    ],
    "aop check --json": ["check": [], "rejected row": ["rejected_rows[]"], "costing": ["files[]", "costing"]],
    "aop baseline --json": ["baseline": [], "month": ["months[]"]],
  ]

  @Test func everyDocumentedObjectHasExactlyItsKeys() throws {
    // The sample shop, with one implausible row added so that a flag is there to check.
    let folder = try TemporaryFolder()
    #expect(try shell("cp -R '\(Samples.folder.path)/.' '\(folder.url.path)'").status == 0)
    try folder.write(
      "exports/2026-10/zz-expenses.csv",
      "date,category,amount,channel,description\n2019-10-05,Marketing,100000,web,old\n")
    func json(_ arguments: [String]) throws -> Any {
      let run = try aop(arguments + ["--json"], in: folder.url)
      return try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
    }
    let outputs: [String: Any] = [
      "aop review --json": try json(["review", "-c", "aop.toml", "--month", "2026-10", "--output", folder.path("out")]),
      "aop check --json": try json(["check", "-c", "aop.toml"]),
      "aop baseline --json": try json(["baseline", "-c", "aop.toml", "--output", folder.path("b/baseline-2025.csv")]),
    ]
    let doc = try Self.documented()
    #expect(Set(doc.keys) == Set(Self.paths.keys))
    for (schema, objects) in Self.paths {
      #expect(Set(doc[schema]?.keys.map { $0 } ?? []) == Set(objects.keys), "\(schema): the doc's objects")
      for (name, path) in objects {
        let found = try #require(Self.object(outputs[schema] as Any, path), "\(schema): no \(name) in the output")
        #expect(
          Set(found.keys) == doc[schema]?[name],
          "\(schema) \(name): output \(found.keys.sorted()) vs doc \(doc[schema]?[name]?.sorted() ?? [])")
      }
    }
  }

  @Test func absentDataIsNullNotAMissingKey() throws {
    // A file read without trouble has no message, a risk of no budget category no category: the keys
    // are there, null.
    let shop = try OneMonthShop()
    let (_, json) = try shop.review()
    #expect(json.keys.contains("baseline_year"))
    #expect(json.files.allSatisfy { $0.keys.contains("message") })
    #expect(json.files.contains { $0["message"] is NSNull })
    #expect((json["risks"] as? [[String: Any]])?.allSatisfy { $0.keys.contains("category") } == true)
  }
}

/// What docs/json-summary.md, README.md and the other docs say of the files and the tool matches it.
@Suite struct DocumentedFactsTests {
  @Test func aFilesSpendExpensesAndPurchasesAreWhatTheirNamesSay() throws {
    // October's cash book: its expenses are the month's non-marketing expenses, its marketing spend
    // apart; the purchase detail's purchases are the month's purchasing (both from the generator).
    let shop = try OneMonthShop()
    let (_, json) = try shop.review()
    let expected = try Samples.expected()
    let cashBook = try #require(json.file("exports/2026-10/SoQuy_KV01112026-081510-110.xlsx"))
    #expect(Int64(cashBook["expenses"] as? Int ?? -1) == (expected.expenses2026["2026-10"] ?? [:]).values.reduce(0, +))
    #expect((cashBook["spend"] as? Int ?? 0) > 0)
    let purchases = try #require(json.file("exports/2026-10/DanhSachChiTietNhapHang_KV01112026-081610-210.csv"))
    #expect(Int64(purchases["purchases"] as? Int ?? -1) == expected.purchases2026["2026-10"])
    #expect(purchases["spend"] as? Int == 0)
  }

  @Test func commandLinePathsAreFromTheCurrentFolderAndAMissingOutputFolderIsMade() throws {
    let here = try TemporaryFolder()
    let run = try aop(
      ["review", "-c", Samples.config, "--month", "2026-10", "--output", "made/here", "--ledger", "ledger.csv", "-q"],
      in: here.url)
    #expect(run.status == 65, "\(run.stderr)")
    #expect(FileManager.default.fileExists(atPath: here.path("made/here/review-2026-10.xlsx")))
    #expect(FileManager.default.fileExists(atPath: here.path("ledger.csv")))
  }

  @Test func theReadmeNamesEveryTargetOfThePackage() throws {
    let package = try String(contentsOf: repositoryRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
    let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let regex = try NSRegularExpression(pattern: #"\.(?:target|executableTarget|systemLibrary)\(\s*name: "([^"]+)""#)
    let names = regex.matches(in: package, range: NSRange(package.startIndex..., in: package)).compactMap {
      Range($0.range(at: 1), in: package).map { String(package[$0]) }
    }
    #expect(names.count >= 10)
    let firstCells = readme.components(separatedBy: "\n").filter { $0.hasPrefix("| `") }.map {
      $0.components(separatedBy: "|")[1]
    }
    for name in names where name != "AOPTestSupport" {
      #expect(firstCells.contains { $0.contains("`\(name)`") }, "\(name)")
    }
  }

  @Test func theLedgerDocListsTheLedgersColumns() throws {
    let folder = try TemporaryFolder()
    let run = try aop([
      "review", "-c", Samples.config, "--month", "2026-10", "--output", folder.url.path, "--ledger",
      folder.path("l.csv"), "-q",
    ])
    #expect(run.status == 65)
    let header = try String(contentsOfFile: folder.path("l.csv"), encoding: .utf8).prefix { $0 != "\n" }.components(
      separatedBy: ",")
    let doc = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/ledger-csv.md"), encoding: .utf8)
    let rows = doc.components(separatedBy: "\n").filter { $0.hasPrefix("| `") }
    let documented = rows.flatMap { row in
      row.components(separatedBy: "|")[1].components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map(
        \.element)
    }
    #expect(documented == header)
    // Every column has a value for every kind of line it is given for (none left blank by mistake).
    #expect(
      rows.first { $0.hasPrefix("| `currency`") }?.components(separatedBy: "|").dropFirst(2).prefix(3).allSatisfy {
        !$0.trimmingCharacters(in: .whitespaces).isEmpty
      } == true)
  }

  @Test func theLogLevelsDocumentedAreTheOnesAccepted() throws {
    let operations = try String(
      contentsOf: repositoryRoot.appendingPathComponent("docs/operations.md"), encoding: .utf8)
    #expect(operations.contains("--log-level trace|debug|info|notice|warning|error|critical"))
    for level in ["trace", "critical"] {
      #expect(try aop(["check", "-c", "nonexistent.toml", "--log-level", level]).status == 78)
    }
  }

  @Test func theBuiltInProfilesTableListsEveryBuiltInProfileInOneTable() throws {
    let doc = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/profiles.md"), encoding: .utf8)
    let lines = doc.components(separatedBy: "\n")
    let start = try #require(lines.firstIndex { $0 == "## Built-in profiles" })
    let table = lines[(start + 2)...].prefix { $0.hasPrefix("|") }
    let ids = try FileManager.default.contentsOfDirectory(
      atPath: repositoryRoot.appendingPathComponent("templates/profiles").path
    )
    .filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }
    for id in ids {
      #expect(
        table.contains { $0.contains("`\(id)`") },
        "\(id) is not in the built-in profiles table (or the table is broken by a blank line)")
    }
  }
}
