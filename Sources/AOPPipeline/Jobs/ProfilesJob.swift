import AOPImport
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
    public var files: [FileVerdicts]
    /// Every file matched exactly one profile.
    public var allIdentified: Bool { files.allSatisfy { $0.matching.count == 1 } }
  }

  public func run() throws -> Outcome {
    var folders: [URL] = []
    var channels: Set<String> = []
    var legacy: TextEncoding?
    if let configPath {
      do {
        let config = try Config.load(from: URL(fileURLWithPath: configPath))
        folders = config.profileFolders
        channels = Set(config.channels.map(\.id))
        legacy = config.legacyEncoding.flatMap(TextEncoding.init(rawValue:))
      } catch let error as PlanError {
        throw JobError.badConfig(error.localizedDescription)
      }
    }
    let profiles: ProfileSet
    do {
      profiles = try ProfileSet.load(userFolders: folders)
    } catch let error as ProfileError {
      throw JobError.badConfig(error.localizedDescription)
    }
    let importer = FileImporter(profiles: profiles, settings: ImportSettings(currency: .vnd, channels: channels, legacyEncoding: legacy))
    let verdicts = files.map { file -> FileVerdicts in
      do {
        let id = try importer.identify(path: file)
        return FileVerdicts(file: file, verdicts: id.verdicts, matching: id.matching)
      } catch {
        return FileVerdicts(file: file, verdicts: [], matching: [], error: (error as? LocalizedError)?.errorDescription ?? "\(error)")
      }
    }
    return Outcome(profiles: profiles.profiles, files: verdicts)
  }
}
