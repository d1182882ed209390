import Foundation

/// A config, plan or baseline file that cannot be used.
public enum PlanError: Error, Hashable, LocalizedError {
  case unreadable(file: String, reason: String)
  case syntax(file: String, line: Int, message: String)
  case invalid(file: String, key: String, problem: String)

  public var errorDescription: String? {
    switch self {
    case .unreadable(let file, let reason): return "\(file): \(reason)"
    case .syntax(let file, let line, let message): return "\(file):\(line): not valid TOML: \(message)"
    case .invalid(let file, let key, let problem): return key.isEmpty ? "\(file): \(problem)" : "\(file): `\(key)`: \(problem)"
    }
  }
}
