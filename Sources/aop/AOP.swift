import AOPPipeline
import ArgumentParser
import Foundation
import Logging

@main
struct AOP: ParsableCommand {
  static func main() {
    // A file-size limit hit mid-write must fail the write (and leave the last workbook), not kill us.
    signal(SIGXFSZ, SIG_IGN)
    // `aop` alone, or `aop help` of a command that does not exist, is a usage error (64), not success.
    let arguments = Array(CommandLine.arguments.dropFirst())
    let commands = configuration.subcommands.map { $0._commandName }
    if arguments.isEmpty || (arguments.first == "help" && arguments.count > 1 && !commands.contains(arguments[1])) {
      if let topic = arguments.dropFirst().first { printError("no command `\(topic)`; the commands are \(commands.joined(separator: ", "))") }
      FileHandle.standardError.write(Data(helpMessage().utf8))
      FileHandle.standardError.write(Data("\n".utf8))
      Foundation.exit(ExitCode.validationFailure.rawValue)
    }
    var command: ParsableCommand
    do {
      command = try parseAsRoot()
      try command.run()
    } catch {
      exit(withError: error)
    }
  }

  static let configuration = CommandConfiguration(
    commandName: "aop",
    abstract: "Monthly review of a retailer's Annual Operating Plan from raw sales, cost and ad-spend exports.",
    discussion: """
      Exit codes:
      \(ExitStatus.table)
      """,
    version: "0.1.0",
    subcommands: [Review.self, Baseline.self, Check.self, Profiles.self, Init.self])
}

/// Options every command that reads a config shares.
struct CommonOptions: ParsableArguments {
  @Option(name: .shortAndLong, help: "The config file (paths in it are relative to its folder).")
  var config = "aop.toml"

  @Flag(help: "Print a machine-readable JSON summary on stdout instead of the text summary.")
  var json = false

  @Flag(name: .shortAndLong, help: "Print nothing on stdout; errors still go to stderr.")
  var quiet = false

  @Option(help: "Log level on stderr: trace, debug, info, notice, warning, error, critical (default: info on a terminal, notice otherwise).")
  var logLevel: Logger.Level?

  /// The log: per-file lines only on a terminal; warnings, errors and the closing summary line always.
  func logger() -> Logger {
    let level = logLevel ?? (isatty(2) == 1 ? .info : .notice)
    return Logger(label: "aop", factory: { _ in StderrLogHandler(logLevel: level) })
  }
}

/// Options of the commands that write outputs.
struct WriteOptions: ParsableArguments {
  @Option(help: "Also write the normalised ledger (every accepted line, with its file and line) to this CSV file (a relative path is from the current folder, as for any command-line path; the config's paths are from the config's folder); schema in docs/ledger-csv.md.")
  var ledger: String?

  @Option(help: "If another run holds the output folder's lock, wait up to this many seconds (default 0: exit 75 at once).")
  var waitLock: Double = 0

  var ledgerURL: URL? { ledger.map { URL(fileURLWithPath: $0) } }
}

/// Writes a message to stderr.
func printError(_ message: String) {
  FileHandle.standardError.write(Data(("aop: " + Escaped.forTerminal(message) + "\n").utf8))
}

/// Runs a job body, mapping its failures to the documented exit codes.
func runJob(_ body: () throws -> ExitStatus) throws {
  let status: ExitStatus
  do {
    status = try body()
  } catch let error as JobError {
    printError(error.message)
    throw ExitCode(error.status.rawValue)
  }
  if status != .ok { throw ExitCode(status.rawValue) }
}

/// A progress line per file, only when stderr is a terminal.
struct TerminalProgress: ProgressReporter {
  static func make() -> ProgressReporter? { isatty(2) == 1 ? TerminalProgress() : nil }
  func starting(file: String, index: Int, of total: Int) {
    FileHandle.standardError.write(Data("\r\u{1B}[K[\(index)/\(total)] \(file)\(index == total ? "\n" : "")".utf8))
  }
}

/// The path as the user would type it from the current folder.
func shown(_ url: URL) -> String {
  let cwd = FileManager.default.currentDirectoryPath
  let path = url.standardizedFileURL.path
  return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
}
