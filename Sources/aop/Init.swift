import AOPPipeline
import AOPPlan
import ArgumentParser
import Foundation

struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Make a working folder: config, annotated plan, folders for the exports, and the cron line.",
    discussion:
      "Never overwrites a file. With --baseline, the plan shows the monthly targets its goals give, phased by that baseline."
  )

  @Argument(help: "The folder to set up (made if missing).")
  var folder = "."

  @Option(help: "The plan year (default: the current year).")
  var year: Int?

  @Option(help: "The language of the config's and the plan's notes, the workbook and the console: vi or en.")
  var language: Config.Language = .vi

  @Option(help: "The company name.")
  var company = "My shop"

  @Option(help: "A baseline file written by `aop baseline`, to copy in and phase the targets with.")
  var baseline: String?

  func run() throws {
    try runJob(in: language) {
      let job = InitJob(
        folder: URL(fileURLWithPath: folder), year: year ?? localToday().year, language: language,
        company: company, baselineFile: baseline.map { URL(fileURLWithPath: $0) })
      let outcome = try job.run()
      print(ConsoleText(language: language).initDone(outcome), terminator: "")
      return .ok
    }
  }
}

extension Config.Language: ExpressibleByArgument {}
