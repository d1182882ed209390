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
    try runJob {
      let job = BaselineJob(
        configPath: common.config, year: year, outputFile: output.map { URL(fileURLWithPath: $0) },
        ledgerCSV: writing.ledgerURL, lockWaitSeconds: writing.waitLock)
      let outcome = try job.run(progress: TerminalProgress.make(), logger: common.logger())
      if common.json, !common.quiet {
        print(BaselineSummary(outcome, shown: shown).json(), terminator: "")
      } else if !common.quiet {
        let total = outcome.baseline.rollup.total { _ in true }
        let rejected = outcome.rejections.count
        let refused = outcome.sources.filter { $0.status == .refused }.count
        print(
          "baseline \(outcome.baseline.year): revenue \(MoneyText(currency: outcome.currency).format(total.revenue)) over \(outcome.baseline.rollup.months.count) months; \(counted(outcome.sources.count, "file")) (\(refused) refused), \(rejected) rows rejected"
        )
        print(
          "written: \(shown(outcome.file)) and \(shown(outcome.workbook))\(rejected > 0 ? "; the rejected rows: \(shown(outcome.rejectsFile))" : "")"
        )
      }
      return outcome.status
    }
  }
}
