import AOPTOML
import Foundation

/// A config, plan or baseline file that cannot be used.
public enum PlanError: Error, Hashable, LocalizedError {
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
}

extension PlanError {
  /// The plan's reading of a TOML file's error (the same file, line, key and problem).
  init(_ error: TOMLFileError) {
    switch error {
    case .unreadable(let file, let reason): self = .unreadable(file: file, reason: reason)
    case .syntax(let file, let line, let message): self = .syntax(file: file, line: line, message: message)
    case .invalid(let file, let key, let problem): self = .invalid(file: file, key: key, problem: problem)
    case .invalidAt(let file, let line, let key, let problem):
      self = .invalidAt(file: file, line: line, key: key, problem: problem)
    }
  }

  /// The error at `key`, with its line when the locator knows it.
  static func at(_ file: String, _ key: String, _ problem: String, in locator: TOMLLocator?) -> PlanError {
    PlanError(TOMLFileError.at(file, key, problem, in: locator))
  }

  /// Decodes a config, plan or baseline TOML file, its errors as `PlanError`.
  static func decoding<T: Decodable>(_ type: T.Type, from url: URL, shownAs shown: String) throws -> (
    value: T, locator: TOMLLocator
  ) {
    do {
      return try TOMLFile.decodeLocated(type, from: url, shownAs: shown)
    } catch let error as TOMLFileError {
      throw PlanError(error)
    }
  }
}
