import Foundation

/// The `templates/` folder shipped with the tool: built-in import profiles, the annotated plan and config.
///
/// Users copy and adapt these (`aop init`); the tool reads the profiles from here as its built-ins. They
/// are found beside the running binary, never through a path into the build folder, so an installed
/// binary works wherever it is installed and a missing folder is said, not taken for "no profiles":
/// - `<bin>/../share/aop/templates`, where `make install` puts them (`PREFIX/bin/aop`, `PREFIX/share/aop`);
/// - `<bin>/aop_AOPTemplates.resources/templates`, where the build puts them beside the binary it makes.
public enum Templates {
  /// The folder of the running executable (links resolved).
  static var executableFolder: URL? {
    Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent()
  }

  /// Where the templates are looked for, in order.
  public static var searchPaths: [URL] {
    guard let bin = executableFolder else { return [] }
    return [
      bin.deletingLastPathComponent().appendingPathComponent("share/aop/templates", isDirectory: true)
        .standardizedFileURL,
      bin.appendingPathComponent("aop_AOPTemplates.resources/templates", isDirectory: true),
    ]
  }

  /// The folder holding the shipped templates: the first search path with a `profiles` folder in it.
  public static var folder: URL? {
    searchPaths.first { url in
      var isFolder: ObjCBool = false
      return FileManager.default.fileExists(atPath: url.appendingPathComponent("profiles").path, isDirectory: &isFolder)
        && isFolder.boolValue
    }
  }

  /// The shipped templates' folder, or an error naming where they were looked for.
  public static func requireFolder() throws(Missing) -> URL {
    guard let folder else { throw Missing(searched: searchPaths.map(\.path)) }
    return folder
  }

  /// The folder of built-in import profiles.
  public static func requireProfilesFolder() throws(Missing) -> URL {
    try requireFolder().appendingPathComponent("profiles", isDirectory: true)
  }

  /// The templates shipped with aop are not where they belong beside the binary.
  public struct Missing: Error, Hashable, CustomStringConvertible {
    public var searched: [String]
    public var description: String {
      "the templates and built-in profiles shipped with aop are missing: looked in "
        + searched.joined(separator: " and ") + " (install with `make install`, which puts them in PREFIX/share/aop)"
    }
  }
}
