import AOPTestSupport
import Foundation
import Testing

/// The documentation says what the tool does: the command reference is the tool's own help, and the
/// examples in the docs run.
@Suite struct CommandReferenceTests {
  static let commands = ["", "review", "baseline", "check", "profiles", "init"]

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
      let run = try runWithColumns(command.isEmpty ? ["--help"] : ["help", command])
      guard run.status == 0 else { throw Failure(description: "aop help \(command) exited \(run.status)") }
      text += "\n## `aop\(command.isEmpty ? "" : " " + command)`\n\n```text\n\(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines))\n```\n"
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
    if ProcessInfo.processInfo.environment["RECORD_CLI_DOCS"] == "1" { try made.write(to: path, atomically: true, encoding: .utf8) }
    let written = try String(contentsOf: path, encoding: .utf8)
    #expect(written == made, "docs/cli.md differs from `aop help`: run RECORD_CLI_DOCS=1 swift test --filter CommandReferenceTests and read the diff")
  }

  @Test func everyOptionOfEveryCommandIsInTheReference() throws {
    let written = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/cli.md"), encoding: .utf8)
    for option in ["-c, --config", "-q, --quiet", "--output <output>", "--today <today>", "--year <year>", "--baseline <baseline>", "--json", "--wait-lock", "--ledger"] {
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
      let lines = try String(contentsOf: repositoryRoot.appendingPathComponent(file), encoding: .utf8).components(separatedBy: "\n")
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
          } else if line.hasPrefix("(exit "), line.hasSuffix(")"), let n = Int32(line.dropFirst(6).dropLast()), !example.steps.isEmpty {
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
    let pattern = "^" + expected.components(separatedBy: "…").map(NSRegularExpression.escapedPattern).joined(separator: ".*") + "$"
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
    #expect(try shell("cp -R '\(Samples.folder.path)/.' '\(folder.url.path)' && rm -rf '\(folder.url.path)/out'").status == 0)
    let binaries = aopBinary.deletingLastPathComponent().path
    for step in example.steps {
      let run = try run(URL(fileURLWithPath: "/bin/bash"), ["-c", "export PATH='\(binaries)':\"$PATH\"; \(step.command)"], in: folder.url)
      let output = run.stdout + run.stderr
      #expect(run.status == step.status, "\(example): `\(step.command)` exited \(run.status), not \(step.status): \(output)")
      for line in step.expected {
        #expect(Self.contains(output, line), "\(example): `\(step.command)` did not print `\(line)`; it printed:\n\(output)")
      }
    }
  }
}
