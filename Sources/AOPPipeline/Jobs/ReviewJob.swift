import AOPImport
import AOPKPIs
import AOPLedger
import AOPPlan
import AOPWorkbook
import Foundation

/// `aop review`: the monthly job.
public struct ReviewJob: Sendable {
  public var configPath: String
  public var month: Month
  /// Where the workbook goes instead of the config's `output` folder.
  public var outputFolder: URL?

  public init(configPath: String, month: Month, outputFolder: URL? = nil) {
    self.configPath = configPath
    self.month = month
    self.outputFolder = outputFolder
  }

  public struct Outcome: Sendable {
    public var status: ExitStatus
    public var report: ReviewReport
    public var workbook: URL
    public var language: Config.Language
  }

  /// Runs the review and writes its workbook.
  /// - Throws: `JobError` when nothing can be produced (bad config, no input, cannot write).
  public func run(progress: ProgressReporter? = nil) throws -> Outcome {
    let setup = try RunSetup(configPath: configPath)
    let config = setup.config
    guard month.year == setup.plan.year else {
      throw JobError.badConfig("\(config.planFile.path): the plan is for \(setup.plan.year), the review asks for \(month)")
    }
    let baseline = try setup.loadBaseline()
    let files = InputFiles.find(patterns: config.inputPatterns, root: config.root)
    guard !files.isEmpty else {
      throw JobError.noInput("no export files found in \(config.inputPatterns.joined(separator: ", ")) (relative to \(config.root.path))")
    }
    let imported = importAll(files, importer: setup.importer(), progress: progress)
    let rollup = imported.ledger.rollUp()
    let monthFigures = rollup.figures(months: [month])
    guard monthFigures.revenue != .zero || monthFigures.units != 0 || monthFigures.marketing != .zero else {
      throw JobError.noInput("no sales or spend for \(month) in \(files.count) export files; the last good workbook is left as it was")
    }
    let targets = Targets(plan: setup.plan, baseline: baseline, channels: config.channels)
    let report = ReviewReport.compute(
      month: month, rollup: rollup, plan: setup.plan, targets: targets, channels: config.channels, baseline: baseline,
      sources: imported.sources, rejections: imported.rejections)
    let sheets = ReviewLayout(language: config.language).layOut(report)
    let target = (outputFolder ?? config.outputFolder).appendingPathComponent("review-\(month).xlsx")
    let properties = WorkbookProperties(
      title: "AOP review \(month)", company: setup.plan.company, subject: month.description, created: month.next.firstDay)
    try AtomicFile.write(to: target) { path in
      try XLSXWriter(currency: setup.plan.currency).write(sheets, properties: properties, to: path)
    }
    return Outcome(status: imported.hasProblems ? .rejectedRows : .ok, report: report, workbook: target, language: config.language)
  }
}
