import Foundation

/// Finds the line of a key in a TOML text, so that a message about `risks[1].threshold` can say
/// `plan-2026.toml:42`. Reads table headers (`[goals]`, `[[risks]]`, `[[revisions.budget]]`),
/// `key = value` lines and the inline tables of an array, on one line or several
/// (`any = [ { kpi = … }, … ]` → `risks[1].any[0].kpi`); good enough for the hand-written files this
/// tool reads.
///
/// Only a message needs a line, so the lines are worked out when one is asked for: a file without a
/// fault is not scanned a second time.
public struct TOMLLocator: Sendable {
  private let text: String

  public init(text: String) { self.text = text }

  /// Dotted path with array indexes (`risks[1].threshold`) → 1-based line.
  var lines: [String: Int] {
    var lines: [String: Int] = [:]
    var table = ""  // the current table's path, with indexes
    var counters: [String: Int] = [:]  // array-of-tables path (with parent indexes) → count so far
    var array: ArrayScan?  // an array value still open after its key's line
    for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if var open = array {
        open.scan(line[...], line: n + 1, into: &lines)
        array = open.isOpen ? open : nil
        continue
      }
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
        let value = line[line.index(after: equals)...].drop { $0 == " " || $0 == "\t" }
        if value.hasPrefix("[") {
          var scan = ArrayScan(path: path)
          scan.scan(value, line: n + 1, into: &lines)
          if scan.isOpen { array = scan }
        }
      }
    }
    return lines
  }

  /// Reads an array value character by character (outside strings and comments), across lines: each
  /// inline table directly in it is an element (`path[i]`), and each key of that table is `path[i].key`.
  struct ArrayScan {
    let path: String
    var depth = 0  // brackets open
    var braces = 0  // braces open
    var index = 0  // the next inline table's index
    var key = ""
    var quote: Character?
    var isOpen: Bool { depth > 0 }

    init(path: String) { self.path = path }

    mutating func scan(_ text: Substring, line: Int, into lines: inout [String: Int]) {
      for c in text {
        if let q = quote {
          if c == q { quote = nil }
          continue
        }
        switch c {
        case "\"", "'": quote = c
        case "#" where braces == 0: return  // a comment to the end of the line
        case "[": depth += 1
        case "]":
          depth -= 1
          if depth == 0 { return }
        case "{":
          braces += 1
          if braces == 1, depth == 1 {
            lines["\(path)[\(index)]"] = lines["\(path)[\(index)]"] ?? line
            key = ""
          }
        case "}":
          braces -= 1
          if braces == 0, depth == 1 { index += 1 }
        case "," where braces == 1: key = ""
        case "=" where braces == 1:
          let name = key.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
          if !name.isEmpty { lines["\(path)[\(index)].\(name)"] = lines["\(path)[\(index)].\(name)"] ?? line }
          key = ""
        default: if braces == 1 { key.append(c) }
        }
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
  public func line(of path: String) -> Int? { Self.line(of: path, in: lines) }

  /// The line of `path` in `lines` (of the same text), for asking of many paths at once.
  static func line(of path: String, in lines: [String: Int]) -> Int? {
    var p = path
    while !p.isEmpty {
      if let l = lines[p] { return l }
      if let dot = p.lastIndex(where: { $0 == "." || $0 == "[" }) { p = String(p[..<dot]) } else { break }
    }
    return nil
  }
}
