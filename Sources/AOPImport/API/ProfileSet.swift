import AOPLedger
import AOPTemplates
import Foundation

/// The profiles a run can use: the built-in ones from `templates/profiles/`, then the user's folders.
/// A later folder's profile replaces an earlier one with the same id, so a user can adapt a built-in.
public struct ProfileSet: Sendable {
  public let profiles: [Profile]
  /// A profile folder of the config that does not exist, or holds files but no profile.
  public var warnings: [InputWarning] = []

  public init(_ profiles: [Profile]) { self.profiles = profiles }

  /// The deepest number of preamble lines any profile expects, plus the header.
  var recordsNeededToIdentify: Int { (profiles.map(\.preambleLines).max() ?? 0) + 1 }

  /// Loads the built-in profiles and then those in `folders` (every `*.toml`, sorted by name). A user
  /// folder that does not exist, or holds files but no profile, is a warning (`warnings`), not an error.
  /// - Throws: `ProfileError` for the first profile that cannot be used, a folder that exists but
  ///   cannot be listed, or built-in profiles missing beside the binary.
  public static func load(userFolders folders: [URL] = []) throws -> ProfileSet {
    var byID: [String: Profile] = [:]
    var order: [String] = []
    var warnings: [InputWarning] = []
    var all = [URL]()
    do {
      all.append(try Templates.requireProfilesFolder())
    } catch {
      throw ProfileError.builtInsMissing(error.description)
    }
    all += folders
    for (n, folder) in all.enumerated() {
      var seenHere: [String: String] = [:]
      let names: [String]
      let isUsers = n > 0 || folders.contains(folder)
      if isUsers, !FileManager.default.fileExists(atPath: folder.path) {
        warnings.append(.profileFolderMissing(folder: folder.path))
        continue
      }
      let entries: [String]
      do {
        entries = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }
      } catch {
        throw ProfileError.unreadable(file: folder.path, reason: "cannot list the profile folder")
      }
      names = entries.filter { $0.hasSuffix(".toml") }.sorted()
      // An empty folder is a shop without profiles of its own yet (`aop init` makes one); files that
      // are not profiles there are likely meant to be (saved as .txt).
      if names.isEmpty, isUsers, !entries.isEmpty { warnings.append(.profileFolderEmpty(folder: folder.path)) }
      for name in names {
        let url = folder.appendingPathComponent(name)
        let shown = isUsers ? url.path : "built-in:\(name)"
        let profile = try Profile.load(from: url, displayPath: shown)
        if let other = seenHere[profile.id] { throw ProfileError.duplicateID(id: profile.id, files: [other, shown]) }
        seenHere[profile.id] = shown
        if byID[profile.id] == nil { order.append(profile.id) }
        byID[profile.id] = profile
      }
    }
    var set = ProfileSet(order.compactMap { byID[$0] })
    set.warnings = warnings
    return set
  }

  public func profile(id: String) -> Profile? { profiles.first { $0.id == id } }
}
