import AOPImport
import AOPKPIs
import AOPLedger
import AOPPlan
import AOPRows
import Foundation
import Logging

/// What every job loads first: the config, the plan, the profiles; each failure is a bad-config error
/// (exit 78) that says which of them failed.
struct RunSetup {
  let config: Config
  let plan: Plan
  let profiles: ProfileSet

  init(configPath: String) throws {
    config = try JobError.step(.config, .badConfigOrPlan) { try Config.load(from: URL(fileURLWithPath: configPath)) }
    let (planFile, channels) = (config.planFile, config.channels.map(\.id))
    plan = try JobError.step(.plan, .badConfigOrPlan) { try Plan.load(from: planFile, channels: channels) }
    let folders = config.profileFolders
    profiles = try JobError.step(.profiles, .badConfigOrPlan) { try ProfileSet.load(userFolders: folders) }
  }

  /// The export files `patterns` name, with the warnings about the run's inputs so far (profile
  /// folders and patterns that match nothing, links not followed) logged.
  /// - Throws: `JobProblem.noExportFiles` (exit 66) when there is no file at all, naming where it looked.
  func inputFiles(_ patterns: [String], logger: Logger) throws -> (files: [InputFiles.Found], warnings: [InputWarning])
  {
    let search = InputFiles.find(patterns: patterns, root: config.root)
    let warnings = profiles.warnings + search.warnings
    for warning in warnings { logger.warning("\(text.warning(warning))") }
    guard !search.files.isEmpty else {
      throw JobError(.inputs, .noInput, JobProblem.noExportFiles(patterns: patterns, root: config.root.path))
    }
    return (search.files, warnings)
  }

  /// The console's words in the config's language.
  var text: ConsoleText { ConsoleText(language: config.language) }

  /// A product group the plan measures a KPI or a risk on that none of `groups` (the sales' of both
  /// years) is: most likely misspelt.
  func productGroupWarnings(groups: Set<String>) -> [InputWarning] {
    let known = groups.subtracting([Rollup.noGroup, Rollup.mixedGroup, ""]).sorted()
    let scoped = plan.kpis.map(\.scope) + plan.risks.flatMap { $0.conditions.map(\.scope) }
    return Set(scoped.compactMap(\.productGroup)).sorted().filter { !known.contains($0) }.map {
      InputWarning.productGroupUnknown(group: $0, known: known)
    }
  }

  /// The years a review's inputs belong to: the baseline's to the plan's.
  var reviewYears: ClosedRange<Int> { min(config.baselineYear ?? plan.year - 1, plan.year - 1)...plan.year }

  /// A fresh importer (its own de-duplication and totals) for inputs of `years` (rows dated more than a
  /// year outside them are flagged).
  func importer(years: ClosedRange<Int>) -> FileImporter {
    var settings = ImportSettings(
      currency: plan.currency, channels: Set(config.channels.map(\.id)), channelOverrides: config.profileChannels,
      legacyEncoding: config.legacyEncoding.flatMap(TextEncoding.init(rawValue:)),
      campaignChannels: config.campaignChannels.map { .init(pattern: $0.pattern, channel: $0.channel) },
      marketingCategories: config.marketingCategories)
    if let v = config.maxFieldBytes { settings.csvLimits.maxFieldBytes = v }
    if let v = config.maxLineBytes { settings.csvLimits.maxLineBytes = v }
    if let v = config.maxFieldsPerRow { settings.csvLimits.maxFieldsPerRecord = v }
    if let v = config.implausibleQuantity { settings.implausibleQuantity = v }
    settings.reviewYears = years
    return FileImporter(profiles: profiles, settings: settings)
  }

  /// The plan's goals as monthly targets, against `baseline`.
  /// - Throws: a `PlanError` naming the plan file and key when they do not add up (exit 78).
  func targets(baseline: Baseline?) throws -> Targets {
    do {
      return try Targets(plan: plan, baseline: baseline, channels: config.channels)
    } catch {
      throw JobError(
        .targets, .badConfigOrPlan,
        PlanError.invalid(file: config.planFile.path, key: error.key, problem: error.problem))
    }
  }

  /// Reads the baseline file named in the config, if any.
  /// - Throws: `JobError` (exit 78) when it is named but missing or invalid.
  func loadBaseline() throws -> Baseline? {
    guard let url = config.baselineFile else { return nil }
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw JobError(.baseline, .badConfigOrPlan, JobProblem.baselineNotMade(file: url.path, config: config.file.path))
    }
    var rows: [(line: Int, fields: [String])] = []
    do {
      try CSVReader(path: url.path, options: CSVOptions(delimiter: UInt8(ascii: ","))).read { event in
        switch event {
        case .record(let r): rows.append((r.line, r.fields))
        case .malformed(let m): throw PlanError.invalid(file: url.path, key: "", problem: "line \(m.line): \(m.reason)")
        }
      }
      let baseline = try Baseline(rows: rows, file: url.path)
      guard baseline.currency == plan.currency.code else {
        throw PlanError.invalid(
          file: url.path, key: "", problem: "the baseline is in \(baseline.currency), the plan in \(plan.currency.code)"
        )
      }
      return baseline
    } catch let error as PlanError {
      throw JobError(.baseline, .badConfigOrPlan, error)
    } catch let error as RowsError {
      throw JobError(.baseline, .badConfigOrPlan, error)
    }
  }
}
