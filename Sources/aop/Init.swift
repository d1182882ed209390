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

  @Option(help: "The language of the plan's notes and the workbook: vi or en.")
  var language: Config.Language = .vi

  @Option(help: "The company name.")
  var company = "My shop"

  @Option(help: "A baseline file written by `aop baseline`, to copy in and phase the targets with.")
  var baseline: String?

  func run() throws {
    try runJob {
      let job = InitJob(
        folder: URL(fileURLWithPath: folder), year: year ?? localToday().year, language: language,
        company: company, baselineFile: baseline.map { URL(fileURLWithPath: $0) })
      let outcome = try job.run()
      for path in outcome.created { print("created \(path)") }
      print("next: adapt the plan, drop last year's exports into exports/ and run `aop baseline`; then each month:")
      print(outcome.cronLine)
      return .ok
    }
  }
}

extension Config.Language: ExpressibleByArgument {}
