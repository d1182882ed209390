import Foundation
import TOMLKit

/// Reads a human-edited TOML file (config, plan, import profile) into a `Decodable`, turning every
/// failure into a `PlanError` that names the file, and the line (syntax) or key (content).
public enum TOMLFile {
  public static func decode<T: Decodable>(_ type: T.Type, from url: URL, shownAs shown: String) throws -> T {
    try decodeLocated(type, from: url, shownAs: shown).value
  }

  /// Decodes, and returns a locator for the lines of the keys too (for validation messages).
  static func decodeLocated<T: Decodable>(_ type: T.Type, from url: URL, shownAs shown: String) throws -> (value: T, locator: TOMLLocator) {
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      let exists = FileManager.default.fileExists(atPath: url.path)
      throw PlanError.unreadable(file: shown, reason: exists ? "cannot read it as UTF-8 text" : "no such file")
    }
    let locator = TOMLLocator(text: text)
    do {
      return (try TOMLDecoder().decode(T.self, from: text), locator)
    } catch let error as TOMLParseError {
      throw PlanError.syntax(file: shown, line: Int(error.source.begin.line), message: error.description)
    } catch let error as DecodingError {
      throw PlanError.at(shown, error.keyPath, error.problem, in: locator)
    }
  }
}

extension DecodingError {
  var keyPath: String {
    let path: [CodingKey]
    switch self {
    case .keyNotFound(let key, let context):
      // Some decoders already end the context's path with the missing key.
      path = context.codingPath.last?.stringValue == key.stringValue ? context.codingPath : context.codingPath + [key]
    case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): path = c.codingPath
    @unknown default: path = []
    }
    return path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
  }

  var problem: String {
    switch self {
    case .keyNotFound: return "missing key"
    case .typeMismatch(let type, _):
      if type == String.self { return "expected a string (in quotes)" }
      if type == Int.self || type == Int64.self { return "expected a whole number" }
      if type == Double.self { return "expected a number" }
      return "expected a value of type \(type)"
    case .valueNotFound(let type, _): return "missing value of type \(type)"
    case .dataCorrupted(let c): return c.debugDescription
    @unknown default: return "invalid"
    }
  }
}
