import AOPImport
import AOPLedger
import AOPPlan
import AOPWorkbook
import Foundation
import Logging

/// `aop baseline`: turns a year of exports into the baseline file the plan's goals are measured against.
public struct BaselineJob: Sendable {
  public var configPath: String
  /// The year to keep; the config's `baseline.year`, else the plan year − 1.
  public var year: Int?
  /// Where the baseline goes instead of the config's `baseline.file`.
  public var outputFile: URL?
  /// Where to write the normalised ledger as CSV, if anywhere.
  public var ledgerCSV: URL?
  public var lockWaitSeconds: Double

  public init(
    configPath: String, year: Int?, outputFile: URL? = nil, ledgerCSV: URL? = nil, lockWaitSeconds: Double = 0
  ) {
    self.configPath = configPath
    self.year = year
    self.outputFile = outputFile
    self.ledgerCSV = ledgerCSV
    self.lockWaitSeconds = lockWaitSeconds
  }

  public struct Outcome: Sendable {
    public var status: ExitStatus
    public var baseline: Baseline
    /// The plan's currency, the baseline's amounts are in.
    public var currency: Currency
    public var file: URL
    /// The baseline as a workbook, beside the file.
    public var workbook: URL
    public var sources: [SourceFile]
    public var rejections: RejectedRows
    /// Every rejected row and refused file, as CSV beside the baseline.
    public var rejectsFile: URL
    /// What the run found to say about its inputs.
    public var warnings: [InputWarning]
  }

  public func run(progress: ProgressReporter? = nil, logger: Logger = silentLogger) throws -> Outcome {
    let setup = try RunSetup(configPath: configPath)
    let config = setup.config
    let text = setup.text
    guard let target = outputFile ?? config.baselineFile else {
      throw JobError(.config, .badConfigOrPlan, JobProblem.baselineFileNotSet(config: config.file.path))
    }
    guard !config.baselineInputPatterns.isEmpty else {
      throw JobError(.config, .badConfigOrPlan, JobProblem.baselineInputsNotSet(config: config.file.path))
    }
    let folder = target.deletingLastPathComponent()
    let lock = try RunLock(folder: folder, waitSeconds: lockWaitSeconds)
    defer { withExtendedLifetime(lock) {} }
    for name in AtomicFile.clearLeftovers(in: folder) { logger.notice("\(text.leftoverRemoved(name))") }
    let year = self.year ?? config.baselineYear ?? setup.plan.year - 1
    let (files, warnings) = try setup.inputFiles(config.baselineInputPatterns, logger: logger)
    let rejectsFile = folder.appendingPathComponent("rejects-baseline-\(year).csv")
    let imported = try importAll(
      files, importer: setup.importer(years: year...year), progress: progress, logger: logger, text: text,
      ledgerCSV: ledgerCSV,
      rejectsCSV: rejectsFile)
    let all = imported.ledger.rollUp()
    let rollup = Rollup(
      cells: all.cells.filter { $0.key.month.year == year }, uncosted: all.uncosted.filter { $0.key.year == year })
    guard !rollup.cells.isEmpty else {
      throw JobError(
        .inputs, .noInput,
        JobProblem.nothingDated(
          period: String(year), files: files.count, patterns: config.baselineInputPatterns, root: config.root.path,
          lastGoodKept: false))
    }
    let baseline = Baseline(year: year, currency: setup.plan.currency.code, rollup: rollup)
    let csv = try AtomicFile.Pending(target: target)
    csv.write(baseline.csv)
    let workbook = target.deletingPathExtension().appendingPathExtension("xlsx")
    let labels = Labels(language: config.language)
    let properties = WorkbookProperties(
      title: "\(labels.baselineTitle) \(year)", company: setup.plan.company, subject: String(year),
      created: Day(year: year + 1, month: 1, day: 1) ?? Day(ordinal: 0), page: labels.page, points: labels.pointsUnit,
      monthFormat: labels.monthFormat, dateFormat: labels.dateFormat)
    let book = try WorkbookOutput.prepare(
      BaselineLayout(language: config.language).layOut(baseline, channels: config.channels), properties: properties,
      writer: XLSXWriter(currency: setup.plan.currency), target: workbook, logger: logger, text: text)
    // Every output is complete and checked before any replaces its last good version.
    for output in imported.outputs + [csv, book] { try output.commit() }
    let status: ExitStatus = imported.hasProblems ? .rejectedRows : .ok
    imported.logSummary(text.baseline(year), output: target.path, status: status, logger: logger, text: text)
    return Outcome(
      status: status, baseline: baseline, currency: setup.plan.currency, file: target, workbook: workbook,
      sources: imported.sources, rejections: imported.rejections, rejectsFile: rejectsFile,
      warnings: warnings)
  }
}
