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
