import Foundation

/// A human-edited TOML file that cannot be used, said with the file, the line and the key at fault.
/// Each reader of such files (the plan's, the import profiles') turns it into its own error type.
public enum TOMLFileError: Error, Hashable, LocalizedError {
  case unreadable(file: String, reason: String)
  case syntax(file: String, line: Int, message: String)
  case invalid(file: String, key: String, problem: String)
  /// As `invalid`, with the line the key is on.
  case invalidAt(file: String, line: Int, key: String, problem: String)

  public var errorDescription: String? {
    switch self {
    case .unreadable(let file, let reason): return "\(file): \(reason)"
    case .syntax(let file, let line, let message): return "\(file):\(line): not valid TOML: \(message)"
    case .invalid(let file, let key, let problem):
      return key.isEmpty ? "\(file): \(problem)" : "\(file): `\(key)`: \(problem)"
    case .invalidAt(let file, let line, let key, let problem): return "\(file):\(line): `\(key)`: \(problem)"
    }
  }

  /// The error at `key`, with its line when the locator knows it.
  public static func at(_ file: String, _ key: String, _ problem: String, in locator: TOMLLocator?) -> TOMLFileError {
    if let line = locator?.line(of: key) { return .invalidAt(file: file, line: line, key: key, problem: problem) }
    return .invalid(file: file, key: key, problem: problem)
  }
}
