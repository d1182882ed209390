import Foundation

/// The `templates/` folder shipped with the tool: built-in import profiles, the annotated plan and config.
///
/// Users copy and adapt these (`aop init`); the tool reads the profiles from here as its built-ins.
public enum Templates {
  /// The folder holding the shipped templates, or `nil` if the resource bundle is missing.
  public static var folder: URL? { Bundle.module.url(forResource: "templates", withExtension: nil) }

  /// The folder of built-in import profiles.
  public static var profilesFolder: URL? { folder?.appendingPathComponent("profiles", isDirectory: true) }
}
