import AOPImport
import AOPKPIs
import AOPLedger
import AOPPlan
import AOPWorkbook
import Foundation
import Logging

/// `aop review`: the monthly job.
public struct ReviewJob: Sendable {
  public var configPath: String
  public var month: Month
  /// Where the workbook goes instead of the config's `output` folder.
  public var outputFolder: URL?
  /// Where to write the normalised ledger as CSV, if anywhere.
  public var ledgerCSV: URL?
  /// How long to wait for another run's lock on the output folder.
  public var lockWaitSeconds: Double
  /// Beyond this many sale (or spend) lines the workbook's data sheets hold sums (lower only in tests).
  public var dataSheetLineLimit = DataSheet.limit

  public init(
    configPath: String, month: Month, outputFolder: URL? = nil, ledgerCSV: URL? = nil, lockWaitSeconds: Double = 0
  ) {
    self.configPath = configPath
    self.month = month
    self.outputFolder = outputFolder
    self.ledgerCSV = ledgerCSV
    self.lockWaitSeconds = lockWaitSeconds
  }

  public struct Outcome: Sendable {
    public var status: ExitStatus
    public var report: ReviewReport
    public var workbook: URL
    /// The rejected rows (and refused files) as CSV beside the workbook.
    public var rejectsFile: URL
    public var language: Config.Language
  }

  /// Runs the review and writes its workbook.
  /// - Throws: `JobError` when nothing can be produced (bad config, no input, cannot write).
  public func run(progress: ProgressReporter? = nil, logger: Logger = silentLogger) throws -> Outcome {
    let setup = try RunSetup(configPath: configPath)
    let config = setup.config
    let text = setup.text
    // A month of another year is refused before the output folder is touched.
    guard month.year == setup.plan.year else {
      throw JobError(
        .plan, .badConfigOrPlan,
        JobProblem.planYearDiffers(planFile: config.planFile.path, planYear: setup.plan.year, month: month.description))
    }
    let folder = outputFolder ?? config.outputFolder
    let lock = try RunLock(folder: folder, waitSeconds: lockWaitSeconds)
    defer { withExtendedLifetime(lock) {} }
    for name in AtomicFile.clearLeftovers(in: folder) { logger.notice("\(text.leftoverRemoved(name))") }
    let baseline = try setup.loadBaseline()
    // A plan that does not add up is refused before any file is read.
    let targets = try setup.targets(baseline: baseline)
    let (files, found) = try setup.inputFiles(config.inputPatterns, logger: logger)
    var warnings = found
    // The rejected rows also as CSV beside the workbook, for whoever fixes the exports (all of them,
    // however many; the workbook lists the first); one with the header only says there were none.
    let rejectsFile = folder.appendingPathComponent(ReviewReport.rejectsFileName(month))
    let imported = try importAll(
      files, importer: setup.importer(years: setup.reviewYears), progress: progress, logger: logger, text: text,
      ledgerCSV: ledgerCSV, rejectsCSV: rejectsFile,
      keepingLinesUpTo: dataSheetLineLimit)
    let rollup = imported.ledger.rollUp()
    let monthFigures = rollup.figures(months: [month])
    guard monthFigures.revenue != .zero || monthFigures.units != 0 || monthFigures.marketing != .zero else {
      throw JobError(
        .inputs, .noInput,
        JobProblem.nothingDated(
          period: month.description, files: files.count, patterns: config.inputPatterns, root: config.root.path,
          lastGoodKept: true))
    }
    // A month of the year to date without a single sale is most likely a month whose exports are missing.
    let empty = month.yearToDate.filter { m in
      let f = rollup.figures(months: [m])
      return f.revenue == .zero && f.units == 0
    }
    if !empty.isEmpty {
      let warning = InputWarning.monthsWithoutSales(months: empty)
      logger.warning("\(text.warning(warning))")
      warnings.append(warning)
    }
    let groups = Set(rollup.productGroups).union(baseline?.rollup.productGroups ?? [])
    for warning in setup.productGroupWarnings(groups: groups) {
      logger.warning("\(text.warning(warning))")
      warnings.append(warning)
    }
    let report = ReviewReport.compute(
      month: month, rollup: rollup, plan: setup.plan, targets: targets, channels: config.channels, baseline: baseline,
      sources: imported.sources, rejections: imported.rejections, warnings: warnings,
      data: DataSheet.of(imported.ledger, rollup: rollup, plan: setup.plan, through: month))
    let layout = ReviewLayout(language: config.language)
    let sheets = layout.layOut(report)
    let target = folder.appendingPathComponent("review-\(month).xlsx")
    let properties = layout.properties(report)
    let workbook = try WorkbookOutput.prepare(
      sheets, properties: properties, writer: XLSXWriter.forSize(of: sheets, currency: setup.plan.currency),
      target: target, logger: logger, text: text)
    // Every output is complete and checked before any replaces its last good version.
    for output in imported.outputs + [workbook] { try output.commit() }
    let status: ExitStatus = imported.hasProblems ? .rejectedRows : .ok
    imported.logSummary(text.review(month), output: target.path, status: status, logger: logger, text: text)
    return Outcome(
      status: status, report: report, workbook: target, rejectsFile: rejectsFile, language: config.language)
  }
}
