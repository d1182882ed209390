import AOPLedger
import AOPPipeline
import ArgumentParser
import Foundation

struct Review: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Review a month against the plan and write its workbook.",
    discussion:
      "Reads every export under the config's `inputs`, computes the month's and the year-to-date KPIs against the plan, writes OUTPUT/review-YYYY-MM.xlsx (replacing an earlier one atomically) and prints a summary."
  )

  @OptionGroup var common: CommonOptions
  @OptionGroup var writing: WriteOptions

  @Option(help: "The month to review, YYYY-MM, or `auto` for the last complete month.")
  var month: MonthArgument = .auto

  @Option(
    help:
      "Write the workbook and the rejects CSV into this folder instead of the config's `output` (a relative path is from the current folder; made if missing)."
  )
  var output: String?

  @Option(help: "Today's date for `--month auto`, YYYY-MM-DD (default: the machine's local date).")
  var today: Day?

  /// The month under review: as given, or the month before today's.
  func resolvedMonth() -> Month {
    switch month {
    case .month(let m): return m
    case .auto: return (today ?? localToday()).monthOf.previous
    }
  }

  func run() throws {
    let language = common.language  // read once from the config
    try runJob(in: language) {
      let job = ReviewJob(
        configPath: common.config, month: resolvedMonth(), outputFolder: output.map { URL(fileURLWithPath: $0) },
        ledgerCSV: writing.ledgerURL, lockWaitSeconds: writing.waitLock)
      let outcome = try job.run(progress: TerminalProgress.make(), logger: common.logger(in: language))
      let workbook = shown(outcome.workbook)
      if !common.quiet {
        print(
          common.json
            ? ReviewSummary(outcome, workbookShown: workbook).json()
            : Escaped.lines(ConsoleSummary.render(outcome, workbookShown: workbook)), terminator: "")
      }
      return outcome.status
    }
  }
}

/// The machine's local calendar date.
func localToday() -> Day {
  var now = time(nil)
  var parts = tm()
  localtime_r(&now, &parts)
  return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)) ?? Day(ordinal: 0)
}

/// `--month`: a month, or `auto` (the last complete one), read once where the arguments are parsed.
enum MonthArgument: ExpressibleByArgument {
  case auto
  case month(Month)

  init?(argument: String) {
    if argument == "auto" {
      self = .auto
    } else if let m = Month(text: argument) {
      self = .month(m)
    } else {
      return nil
    }
  }

  static var defaultCompletionKind: CompletionKind { .list(["auto"]) }
}

extension Day: ExpressibleByArgument {
  public init?(argument: String) { self.init(iso: argument) }
}
