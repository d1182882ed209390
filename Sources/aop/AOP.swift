import AOPLedger
import AOPPipeline
import AOPPlan
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
      if let topic = arguments.dropFirst().first {
        printError("no command `\(topic)`; the commands are \(commands.joined(separator: ", "))")
      }
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

  @Option(
    help:
      "Log level on stderr: trace, debug, info, notice, warning, error, critical (default: info on a terminal, notice otherwise)."
  )
  var logLevel: Logger.Level?

  /// The console's language: the config's (English when it has none).
  var language: Config.Language { Config.language(ofFile: config) }

  /// The log: per-file lines only on a terminal; warnings, errors and the closing summary line always.
  func logger(in language: Config.Language) -> Logger {
    let level = logLevel ?? (isatty(2) == 1 ? .info : .notice)
    let text = ConsoleText(language: language)
    return Logger(label: "aop", factory: { _ in StderrLogHandler(logLevel: level, text: text) })
  }
}

/// Options of the commands that write outputs.
struct WriteOptions: ParsableArguments {
  @Option(
    help:
      "Also write the normalised ledger (every accepted line, with its file and line) to this CSV file (a relative path is from the current folder, as for any command-line path; the config's paths are from the config's folder); schema in docs/ledger-csv.md."
  )
  var ledger: String?

  @Option(
    help: "If another run holds the output folder's lock, wait up to this many seconds (default 0: exit 75 at once).")
  var waitLock: Double = 0

  var ledgerURL: URL? { ledger.map { URL(fileURLWithPath: $0) } }
}

/// Writes a message to stderr (above the status line, on a terminal).
func printError(_ message: String) {
  TerminalStatus.shared.printLine("aop: " + Escaped.forTerminal(message))
}

/// Runs a job body, mapping its failures to the documented exit codes; a failure is said in `language`
/// (the step that failed, then its cause).
func runJob(in language: Config.Language, _ body: () throws -> ExitStatus) throws {
  let status: ExitStatus
  do {
    status = try body()
  } catch let error as JobError {
    printError(error.said(in: language))
    throw ExitCode(error.status.rawValue)
  }
  if status != .ok { throw ExitCode(status.rawValue) }
}

/// One status line at the bottom of a terminal's stderr: the file being read, how far (by bytes in a
/// CSV file) and how fast. Every other line written to stderr goes through `printLine`, which clears the
/// status first and draws it again after, so that no log text is ever glued to it. Off a terminal it
/// shows nothing.
final class TerminalStatus: @unchecked Sendable {
  static let shared = TerminalStatus(enabled: isatty(2) == 1)

  private let enabled: Bool
  private let lock = NSLock()
  private var status = ""

  init(enabled: Bool) { self.enabled = enabled }

  /// Shows `text` as the status line (an empty text clears it), cut in the middle to the terminal's
  /// width: a wrapped line could not be cleared.
  /// - Parameter keeping: how many characters at the end to keep whole (the progress after the file).
  func show(_ text: String, keeping: Int = 0) {
    guard enabled else { return }
    lock.lock()
    defer { lock.unlock() }
    status = Self.fitted(text, columns: Self.columns(), keeping: keeping)
    write("\r\u{1B}[K" + status)
  }

  /// The terminal's width (80 when it does not say).
  private static func columns() -> Int {
    var size = winsize()
    return ioctl(2, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
  }

  /// `text` within `columns − 1` characters: when longer, the middle of its first part (all but the last
  /// `keeping` characters) replaced by `…`, or if that is not room enough, the middle of the whole.
  static func fitted(_ text: String, columns: Int, keeping: Int = 0) -> String {
    let room = max(columns - 1, 10)
    guard text.count > room else { return text }
    func cut(_ s: Substring, to width: Int) -> String {
      let head = (width - 1) / 2
      return String(s.prefix(head)) + "…" + String(s.suffix(width - 1 - head))
    }
    if keeping > 0, room - keeping >= 10 {
      return cut(text.dropLast(keeping), to: room - keeping) + String(text.suffix(keeping))
    }
    return cut(text[...], to: room)
  }

  /// Writes a whole line to stderr, above the status line.
  func printLine(_ line: String) {
    lock.lock()
    defer { lock.unlock() }
    write((enabled && !status.isEmpty ? "\r\u{1B}[K" : "") + line + "\n" + (enabled ? status : ""))
  }

  private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}

/// The status line of a run on a terminal: `[3/12] exports/…/orders.csv  42% · 120,000 rows · 85,000 rows/s`.
/// Called only from the one thread that reads the files, in order (hence unchecked).
final class TerminalProgress: ProgressReporter, @unchecked Sendable {
  static func make() -> ProgressReporter? { isatty(2) == 1 ? TerminalProgress() : nil }

  private var head = ""
  private var started = Date()
  private var lastDrawn = Date.distantPast

  func starting(file: String, index: Int, of total: Int) {
    head = "[\(index)/\(total)] \(Escaped.forTerminal(file))"
    started = Date()
    lastDrawn = .distantPast
    TerminalStatus.shared.show(head)
  }

  func advanced(rows: Int, bytes: Int?, size: Int?) {
    let now = Date()
    guard now.timeIntervalSince(lastDrawn) >= 0.2 else { return }  // a few times a second is enough
    lastDrawn = now
    var parts: [String] = []
    if let bytes, let size, size > 0 { parts.append("\(min(100, bytes * 100 / size))%") }
    parts.append("\(Digits.grouped(rows)) rows")
    let seconds = now.timeIntervalSince(started)
    if seconds >= 0.5 { parts.append("\(Digits.grouped(Int(Double(rows) / seconds))) rows/s") }
    let progress = "  " + parts.joined(separator: " · ")
    TerminalStatus.shared.show(head + progress, keeping: progress.count)
  }

  func finished() { TerminalStatus.shared.show("") }
}

/// The path as the user would type it from the current folder.
func shown(_ url: URL) -> String {
  let cwd = FileManager.default.currentDirectoryPath
  let path = url.standardizedFileURL.path
  return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
}
