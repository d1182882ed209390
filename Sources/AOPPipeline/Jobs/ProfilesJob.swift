import AOPImport
import AOPLedger
import AOPPlan
import AOPRows
import Foundation

/// `aop profiles`: lists the profiles, or shows every profile's verdict on given files.
public struct ProfilesJob: Sendable {
  public var configPath: String?
  public var files: [String]

  public init(configPath: String?, files: [String]) {
    self.configPath = configPath
    self.files = files
  }

  public struct FileVerdicts: Sendable {
    public var file: String
    public var verdicts: [ProfileVerdict]
    public var matching: [String]
    public var error: String?
  }

  public struct Outcome: Sendable {
    public var profiles: [Profile]
    /// What loading the profiles found to say (a profile folder missing, or holding no profile).
    public var warnings: [InputWarning] = []
    public var files: [FileVerdicts]
    /// Every file matched exactly one profile.
    public var allIdentified: Bool { files.allSatisfy { $0.matching.count == 1 } }
  }

  /// The config a listing uses: the one given, else `./aop.toml` when there is one (as the other
  /// commands read it), else none (the built-in profiles alone).
  var effectiveConfigPath: String? {
    if let configPath { return configPath }
    return FileManager.default.fileExists(atPath: "aop.toml") ? "aop.toml" : nil
  }

  public func run() throws -> Outcome {
    let importer: FileImporter
    if let path = effectiveConfigPath {
      // The import settings a review builds: the shop's profiles, channels, limits, campaign rules,
      // channel overrides and the plan's currency.
      let setup = try RunSetup(configPath: path)
      importer = setup.importer(years: setup.reviewYears)
    } else {
      let profiles: ProfileSet
      profiles = try JobError.step(.profiles, .badConfigOrPlan) { try ProfileSet.load() }
      importer = FileImporter(profiles: profiles, settings: ImportSettings(currency: .vnd, channels: []))
    }
    let verdicts = files.map { file -> FileVerdicts in
      do {
        let id = try importer.identify(path: file)
        return FileVerdicts(file: file, verdicts: id.verdicts, matching: id.matching)
      } catch {
        return FileVerdicts(
          file: file, verdicts: [], matching: [], error: (error as? LocalizedError)?.errorDescription ?? "\(error)")
      }
    }
    return Outcome(profiles: importer.profiles.profiles, warnings: importer.profiles.warnings, files: verdicts)
  }

  /// The TOML of the profile `id` (the one a run would use: the shop's own replaces a built-in).
  /// - Throws: `JobProblem.noSuchProfile` (exit 78) when no profile has that id.
  public func text(ofProfile id: String) throws -> String {
    let profiles = try loadProfiles()
    guard let profile = profiles.profile(id: id) else {
      throw JobError(
        .profiles, .badConfigOrPlan, JobProblem.noSuchProfile(id: id, known: profiles.profiles.map(\.id)))
    }
    guard let url = profile.fileURL, let text = try? String(contentsOf: url, encoding: .utf8) else {
      throw JobError(.profiles, .badConfigOrPlan, JobProblem.profileUnreadable(origin: profile.origin))
    }
    return text
  }

  /// A draft profile for `file` (docs/profiles.md, "A profile for a new export"), from what the built-in
  /// profiles know (not the shop's own: the draft is often written into that very folder).
  public func draft(file: String) throws -> String {
    do {
      return try ProfileDraft.make(path: file, builtIns: try ProfileSet.load())
    } catch let error as ImportError {
      throw JobError(.export, .noInput, error)
    } catch let error as ProfileError {
      throw JobError(.profiles, .badConfigOrPlan, error)
    }
  }

  private func loadProfiles() throws -> ProfileSet {
    if let path = effectiveConfigPath { return try RunSetup(configPath: path).profiles }
    return try JobError.step(.profiles, .badConfigOrPlan) { try ProfileSet.load() }
  }
}
