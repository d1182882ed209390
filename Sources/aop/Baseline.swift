import AOPLedger
import AOPPipeline
import ArgumentParser
import Foundation

struct Baseline: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Turn a year of exports into the baseline file the plan's goals are measured against.",
    discussion:
      "Reads the config's `baseline.inputs` and writes `baseline.file`: monthly revenue, COGS, marketing spend, orders and units per channel and product group (schema in docs/baseline.md)."
  )

  @OptionGroup var common: CommonOptions
  @OptionGroup var writing: WriteOptions

  @Option(help: "The baseline year (default: the config's baseline.year, else the plan year − 1).")
  var year: Int?

  @Option(
    help:
      "Write the baseline to this file instead of the config's `baseline.file` (a relative path is from the current folder; its workbook and rejects CSV go beside it)."
  )
  var output: String?

  func run() throws {
    let language = common.language  // read once from the config
    try runJob(in: language) {
      let job = BaselineJob(
        configPath: common.config, year: year, outputFile: output.map { URL(fileURLWithPath: $0) },
        ledgerCSV: writing.ledgerURL, lockWaitSeconds: writing.waitLock)
      let outcome = try job.run(progress: TerminalProgress.make(), logger: common.logger(in: language))
      if common.json, !common.quiet {
        print(BaselineSummary(outcome, shown: shown).json(), terminator: "")
      } else if !common.quiet {
        print(ConsoleText(language: language).baselineMade(outcome, shown: shown), terminator: "")
      }
      return outcome.status
    }
  }
}
