import AOPTOML
import Foundation

/// A profile file that cannot be used: what is wrong, in which file, at which key or line.
public enum ProfileError: Error, Hashable, LocalizedError {
  case unreadable(file: String, reason: String)
  case syntax(file: String, line: Int, message: String)
  case invalid(file: String, key: String, problem: String)
  case duplicateID(id: String, files: [String])
  /// The built-in profiles are not installed beside the binary (where it looked).
  case builtInsMissing(String)

  public var errorDescription: String? {
    switch self {
    case .unreadable(let file, let reason): return "\(file): \(reason)"
    case .syntax(let file, let line, let message): return "\(file):\(line): not valid TOML: \(message)"
    case .invalid(let file, let key, let problem): return "\(file): `\(key)`: \(problem)"
    case .duplicateID(let id, let files):
      return "profile id `\(id)` is defined twice: \(files.joined(separator: " and "))"
    case .builtInsMissing(let message): return message
    }
  }
}

extension ProfileError {
  /// A profile file's TOML error as the profile's own (the line joins the file name, as in `file:line`).
  init(_ error: TOMLFileError) {
    switch error {
    case .unreadable(let file, let reason): self = .unreadable(file: file, reason: reason)
    case .syntax(let file, let line, let message): self = .syntax(file: file, line: line, message: message)
    case .invalid(let file, let key, let problem): self = .invalid(file: file, key: key, problem: problem)
    case .invalidAt(let file, let line, let key, let problem):
      self = .invalid(file: "\(file):\(line)", key: key, problem: problem)
    }
  }
}
