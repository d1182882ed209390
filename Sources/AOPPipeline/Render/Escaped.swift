/// Text from files (file names, cells) made safe to print on a terminal or into a log: control
/// characters, which could move the cursor, recolour the screen or forge a log line, and the Unicode
/// direction overrides, which could show a file name backwards, are written as escapes (`\n`, `\u{1B}`).
public enum Escaped {
  public static func forTerminal(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: needsEscape) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
      guard needsEscape(scalar) else {
        out.unicodeScalars.append(scalar)
        continue
      }
      switch scalar {
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default: out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
      }
    }
    return out
  }

  /// Text of several lines, each line escaped (the line breaks kept).
  public static func lines(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { forTerminal(String($0)) }.joined(
      separator: "\n")
  }

  private static func needsEscape(_ s: Unicode.Scalar) -> Bool {
    let v = s.value
    return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
  }
}
