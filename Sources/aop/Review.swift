import AOPLedger
import AOPPipeline
import ArgumentParser
import Foundation

struct Review: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Review a month against the plan and write its workbook.",
    discussion: "Reads every export under the config's `inputs`, computes the month's and the year-to-date KPIs against the plan, writes OUTPUT/review-YYYY-MM.xlsx (replacing an earlier one atomically) and prints a summary.")

  @OptionGroup var common: CommonOptions
  @OptionGroup var writing: WriteOptions

  @Option(help: "The month to review, YYYY-MM, or `auto` for the last complete month.")
  var month = "auto"

  @Option(help: "Write the workbook and the rejects CSV into this folder instead of the config's `output` (a relative path is from the current folder; made if missing).")
  var output: String?

  @Option(help: "Today's date for `--month auto`, YYYY-MM-DD (default: the machine's local date).")
  var today: String?

  func validate() throws {
    if month != "auto", Month(text: month) == nil { throw ValidationError("--month must be YYYY-MM or auto, not `\(month)`") }
    if let today, Day(iso: today) == nil { throw ValidationError("--today must be YYYY-MM-DD, not `\(today)`") }
  }

  /// The month under review: as given, or the month before today's.
  func resolvedMonth() -> Month {
    if let m = Month(text: month) { return m }
    let day = today.flatMap(Day.init(iso:)) ?? localToday()
    return day.monthOf.previous
  }

  func run() throws {
    try runJob {
      let job = ReviewJob(
        configPath: common.config, month: resolvedMonth(), outputFolder: output.map { URL(fileURLWithPath: $0) },
        ledgerCSV: writing.ledgerURL, lockWaitSeconds: writing.waitLock)
      let outcome = try job.run(progress: TerminalProgress.make(), logger: common.logger())
      let workbook = shown(outcome.workbook)
      if !common.quiet {
        print(common.json ? ReviewSummary(outcome, workbookShown: workbook).json() : Escaped.lines(ConsoleSummary.render(outcome, workbookShown: workbook)), terminator: "")
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
