import Foundation
import TOMLKit

/// Reads a human-edited TOML file (config, plan, import profile) into a `Decodable`, strictly, turning
/// every failure into a `TOMLFileError` that names the file, the line and the key: a syntax error, a value
/// of the wrong type (what was expected, what was found), a control character in a string, and any key
/// the file's types do not know (with the nearest known key as a suggestion).
public enum TOMLFile {
  public static func decode<T: Decodable>(_ type: T.Type, from url: URL, shownAs shown: String) throws -> T {
    try decodeLocated(type, from: url, shownAs: shown).value
  }

  /// Decodes, and returns a locator for the lines of the keys too (for validation messages).
  public static func decodeLocated<T: Decodable>(_ type: T.Type, from url: URL, shownAs shown: String) throws -> (
    value: T, locator: TOMLLocator
  ) {
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      let exists = FileManager.default.fileExists(atPath: url.path)
      throw TOMLFileError.unreadable(file: shown, reason: exists ? "cannot read it as UTF-8 text" : "no such file")
    }
    return try decode(type, text: text, shownAs: shown)
  }

  /// Decodes TOML text (as read from the file `shown`).
  public static func decode<T: Decodable>(_ type: T.Type, text: String, shownAs shown: String) throws -> (
    value: T, locator: TOMLLocator
  ) {
    let locator = TOMLLocator(text: text)
    let root: TOMLNode
    do {
      root = TOMLNode(try TOMLTable(string: text))
    } catch let error as TOMLParseError {
      throw TOMLFileError.syntax(file: shown, line: Int(error.source.begin.line), message: error.description)
    }
    let decoded: (value: T, unknown: [StrictTOMLDecoder.UnknownKey], asked: [String: Set<String>])
    do {
      decoded = try StrictTOMLDecoder.decode(type, from: root)
    } catch let problem as StrictTOMLDecoder.Problem {
      throw TOMLFileError.at(shown, problem.path, problem.message, in: locator)
    } catch let error as DecodingError {
      // A required key missing beside a key nobody knows: most likely the same key, misspelt.
      if case .keyNotFound(let key, let context) = error {
        let table =
          context.codingPath.last?.stringValue == key.stringValue
          ? Array(context.codingPath.dropLast()) : context.codingPath
        if case .table(let entries)? = root.node(at: table),
          let misspelt = entries.map(\.key).first(where: { nearest($0, in: [key.stringValue]) != nil })
        {
          let path = StrictTOMLDecoder.join(StrictTOMLDecoder.pathString(table), misspelt)
          throw TOMLFileError.at(shown, path, "unknown key; did you mean `\(key.stringValue)`?", in: locator)
        }
      }
      // Say what was found where the decoding wanted something else.
      let problem = error.problem
      let found =
        problem.hasPrefix("expected")
        ? error.codingPath.flatMap { root.node(at: $0) }.map { ", found \($0.described)" } ?? "" : ""
      throw TOMLFileError.at(shown, error.keyPath, problem + found, in: locator)
    }
    let lines = decoded.unknown.isEmpty ? [:] : locator.lines
    let unknown = decoded.unknown.sorted {
      (TOMLLocator.line(of: $0.path, in: lines) ?? 0, $0.path) < (
        TOMLLocator.line(of: $1.path, in: lines) ?? 0, $1.path
      )
    }
    if let first = unknown.first {
      var message = "unknown key" + suggestion(for: first, asked: decoded.asked)
      if unknown.count > 1 {
        message +=
          " (also unknown: \(unknown.dropFirst().prefix(5).map { "`\($0.path)`" }.joined(separator: ", "))\(unknown.count > 6 ? "…" : ""))"
      }
      throw TOMLFileError.at(shown, first.path, message, in: locator)
    }
    return (decoded.value, locator)
  }

  /// `; did you mean `output`?`, or where the key belongs when it is known in another table.
  static func suggestion(for unknown: StrictTOMLDecoder.UnknownKey, asked: [String: Set<String>]) -> String {
    if let near = nearest(unknown.key, in: unknown.known) { return "; did you mean `\(near)`?" }
    let elsewhere = asked.filter { $0.value.contains(unknown.key) }.keys.map {
      $0.replacingOccurrences(of: #"\[\d+\]"#, with: "", options: .regularExpression)
    }
    if let table = Set(elsewhere).sorted().first {
      return table.isEmpty ? "; it belongs at the top of the file, before any [table]" : "; it belongs under [\(table)]"
    }
    let known = unknown.known.sorted()
    return known.isEmpty ? "" : "; known here: \(known.joined(separator: ", "))"
  }

  /// The known key closest to `key` (case ignored; at most 1 edit for short keys, 2 for longer, an
  /// exchange of neighbours counting as one), if any.
  static func nearest(_ key: String, in known: Set<String>) -> String? {
    let lowered = key.lowercased()
    if let same = known.first(where: { $0.lowercased() == lowered }) { return same }
    let allowed = key.count <= 4 ? 1 : 2
    let scored = known.map { ($0, editDistance(lowered, $0.lowercased())) }.filter { $0.1 <= allowed }
    return scored.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
  }

  /// Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
    for i in 0...x.count { d[i][0] = i }
    for j in 0...y.count { d[0][j] = j }
    for i in 1...x.count {
      for j in 1...y.count {
        let cost = x[i - 1] == y[j - 1] ? 0 : 1
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
      }
    }
    return d[x.count][y.count]
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
    return StrictTOMLDecoder.pathString(path)
  }

  /// The path of a value that was there but not right (`nil` for a missing key).
  var codingPath: [CodingKey]? {
    switch self {
    case .typeMismatch(_, let c), .dataCorrupted(let c): return c.codingPath
    default: return nil
    }
  }

  var problem: String {
    switch self {
    case .keyNotFound: return "missing key"
    case .typeMismatch(let type, _): return "expected \(StrictTOMLDecoder.expected(type))"
    case .valueNotFound(_, let c): return c.debugDescription
    case .dataCorrupted(let c): return c.debugDescription
    @unknown default: return "invalid"
    }
  }
}
