import AOPImport
import AOPLedger
import Foundation
import Logging

/// `aop check`: a dry run. Reads the config, plan, baseline and every input file (the review's and the
/// baseline's) and reports per file what would be accepted, rejected and skipped. Writes nothing.
public struct CheckJob: Sendable {
  public var configPath: String

  public init(configPath: String) { self.configPath = configPath }

  public struct Outcome: Sendable {
    public var status: ExitStatus
    public var sources: [SourceFile]
    /// The rejected rows (the first kept, all counted).
    public var rejections: RejectedRows
    /// What the run found to say about its inputs.
    public var warnings: [InputWarning]
  }

  public func run(progress: ProgressReporter? = nil, logger: Logger = silentLogger) throws -> Outcome {
    let setup = try RunSetup(configPath: configPath)
    let config = setup.config
    let text = setup.text
    // A baseline not made yet is no error for a dry run (`aop baseline` makes it); a broken one is, and
    // so is a plan whose goals do not add up to monthly targets.
    if let file = config.baselineFile, !FileManager.default.fileExists(atPath: file.path) {
      logger.notice("\(text.noBaselineYet(file.path))")
      // What does not depend on the baseline is checked all the same (an absolute target's months).
      if setup.plan.goals.revenueGrowth == nil { _ = try setup.targets(baseline: nil) }
    } else {
      _ = try setup.targets(baseline: try setup.loadBaseline())
    }
    var sources: [SourceFile] = []
    var rejections = RejectedRows()
    var warnings = setup.profiles.warnings
    var groups = Set<String>()
    // The baseline year and the current year are separate runs, each de-duplicated on its own.
    let baselineYear = config.baselineYear ?? setup.plan.year - 1
    for (patterns, years) in [
      (config.baselineInputPatterns, baselineYear...baselineYear), (config.inputPatterns, setup.reviewYears),
    ] where !patterns.isEmpty {
      let search = InputFiles.find(patterns: patterns, root: config.root)
      warnings += search.warnings
      let result = try importAll(
        search.files, importer: setup.importer(years: years), progress: progress, logger: logger, text: text,
        countingCosts: true)
      sources += result.sources
      rejections.append(contentsOf: result.rejections)
      groups.formUnion(result.ledger.rollUp().productGroups)
    }
    warnings += setup.productGroupWarnings(groups: groups)
    for warning in warnings { logger.warning("\(text.warning(warning))") }
    guard !sources.isEmpty else {
      throw JobError(
        .inputs, .noInput,
        JobProblem.noExportFiles(
          patterns: config.baselineInputPatterns + config.inputPatterns, root: config.root.path))
    }
    let problems = !rejections.isEmpty || sources.contains { $0.status == .refused }
    return Outcome(status: problems ? .rejectedRows : .ok, sources: sources, rejections: rejections, warnings: warnings)
  }
}
