import AOPImport
import AOPLedger
import AOPPlan
import Foundation

/// `aop baseline`: turns a year of exports into the baseline file the plan's goals are measured against.
public struct BaselineJob: Sendable {
  public var configPath: String
  /// The year to keep; the config's `baseline.year`, else the plan year − 1.
  public var year: Int?
  /// Where the baseline goes instead of the config's `baseline.file`.
  public var outputFile: URL?

  public init(configPath: String, year: Int?, outputFile: URL? = nil) {
    self.configPath = configPath
    self.year = year
    self.outputFile = outputFile
  }

  public struct Outcome: Sendable {
    public var status: ExitStatus
    public var baseline: Baseline
    public var file: URL
    public var sources: [SourceFile]
    public var rejections: [Rejection]
  }

  public func run(progress: ProgressReporter? = nil) throws -> Outcome {
    let setup = try RunSetup(configPath: configPath)
    let config = setup.config
    guard let target = outputFile ?? config.baselineFile else {
      throw JobError.badConfig("\(config.file.path): `baseline.file` is not set; name the file the baseline is written to")
    }
    guard !config.baselineInputPatterns.isEmpty else {
      throw JobError.badConfig("\(config.file.path): `baseline.inputs` is not set; name last year's export folders")
    }
    let year = self.year ?? config.baselineYear ?? setup.plan.year - 1
    let files = InputFiles.find(patterns: config.baselineInputPatterns, root: config.root)
    guard !files.isEmpty else {
      throw JobError.noInput("no export files found in \(config.baselineInputPatterns.joined(separator: ", ")) (relative to \(config.root.path))")
    }
    let imported = importAll(files, importer: setup.importer(), progress: progress)
    let all = imported.ledger.rollUp()
    let rollup = Rollup(cells: all.cells.filter { $0.key.month.year == year }, uncosted: all.uncosted.filter { $0.key.year == year })
    guard !rollup.cells.isEmpty else { throw JobError.noInput("no sales or spend dated \(year) in \(files.count) export files") }
    let baseline = Baseline(year: year, currency: setup.plan.currency.code, rollup: rollup)
    try AtomicFile.write(baseline.csv, to: target)
    return Outcome(status: imported.hasProblems ? .rejectedRows : .ok, baseline: baseline, file: target, sources: imported.sources, rejections: imported.rejections)
  }
}
