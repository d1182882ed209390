/// Finds the line of a key in a TOML text, so that a message about `risks[1].threshold` can say
/// `plan-2026.toml:42`. Reads table headers (`[goals]`, `[[risks]]`, `[[revisions.budget]]`) and
/// `key = value` lines; good enough for the hand-written files this tool reads.
public struct TOMLLocator: Sendable {
  /// Dotted path with array indexes (`risks[1].threshold`) → 1-based line.
  private(set) var lines: [String: Int] = [:]

  public init(text: String) {
    var table = ""  // the current table's path, with indexes
    var counters: [String: Int] = [:]  // array-of-tables path (with parent indexes) → count so far
    for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("#") || line.isEmpty { continue }
      if line.hasPrefix("[[") {
        let name = String(line.dropFirst(2).prefix { $0 != "]" }).trimmingCharacters(in: .whitespaces)
        let parent = Self.resolve(name, under: table, counters: counters, dropLast: true)
        let key =
          parent.isEmpty
          ? String(name.split(separator: ".").last ?? "")
          : parent + "." + (name.split(separator: ".").last.map(String.init) ?? "")
        let index = counters[key, default: 0]
        counters[key] = index + 1
        table = "\(key)[\(index)]"
        lines[table] = lines[table] ?? n + 1
        lines[key] = lines[key] ?? n + 1
      } else if line.hasPrefix("[") {
        let name = String(line.dropFirst().prefix { $0 != "]" }).trimmingCharacters(in: .whitespaces)
        table = Self.resolve(name, under: table, counters: counters, dropLast: false)
        lines[table] = lines[table] ?? n + 1
      } else if let equals = line.firstIndex(of: "=") {
        var key = line[..<equals].trimmingCharacters(in: .whitespaces)
        if key.hasPrefix("\""), key.hasSuffix("\""), key.count >= 2 { key = String(key.dropFirst().dropLast()) }
        let path = table.isEmpty ? key : "\(table).\(key)"
        lines[path] = lines[path] ?? n + 1
      }
    }
  }

  /// A dotted table name with the indexes of the array elements it is under (`revisions.budget` under
  /// `revisions[0]` → `revisions[0].budget`).
  private static func resolve(_ name: String, under table: String, counters: [String: Int], dropLast: Bool) -> String {
    var parts = name.split(separator: ".").map(String.init)
    if dropLast { parts.removeLast() }
    var path = ""
    for part in parts {
      path = path.isEmpty ? part : "\(path).\(part)"
      if let count = counters[path], count > 0 { path += "[\(count - 1)]" }
    }
    return path
  }

  /// The line of `path`, or of the nearest enclosing table or key that has one.
  public func line(of path: String) -> Int? {
    var p = path
    while !p.isEmpty {
      if let l = lines[p] { return l }
      if let dot = p.lastIndex(where: { $0 == "." || $0 == "[" }) { p = String(p[..<dot]) } else { break }
    }
    return nil
  }
}
