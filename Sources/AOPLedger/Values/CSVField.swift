/// One field of the CSV files this tool writes (the ledger, the rejected rows, the baseline), made safe
/// to open in a spreadsheet, and back.
///
/// Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` (and some a tab or carriage return) as a
/// formula, so an export's text such as `=cmd|' /C calc'!A0` must not reach them as it is. Following the
/// usual guidance against CSV injection, such a field is written with an apostrophe in front (`'=cmd…`),
/// which spreadsheets show as text; a plain number (`-150000`, `+0.5`) is left as it is. To keep this
/// reversible, a field that already starts with apostrophes before one of those characters gets one more;
/// `restored` removes exactly one. NUL bytes are dropped (no reader keeps them). A field with a comma,
/// a quote or a line break is quoted, quotes doubled.
public enum CSVField {
  private static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

  /// The field as written to the file.
  public static func encode(_ value: String) -> String {
    var needsQuotes = false
    var hasNUL = false
    for byte in value.utf8 {
      switch byte {
      case 0x2C, 0x22, 0x0A, 0x0D: needsQuotes = true
      case 0x00: hasNUL = true
      default: continue
      }
    }
    var text = hasNUL ? String(String.UnicodeScalarView(value.unicodeScalars.filter { $0 != "\0" })) : value
    if let first = text.utf8.first, first == 0x27 || triggerBytes.contains(first), needsApostrophe(text) {
      text = "'" + text
    }
    guard needsQuotes else { return text }
    var quoted = "\""
    for character in text {
      if character == "\"" { quoted += "\"\"" } else { quoted.append(character) }
    }
    return quoted + "\""
  }

  private static let triggerBytes: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]

  /// A row of fields, joined by commas (no line end).
  public static func row(_ fields: [String]) -> String { fields.map(encode).joined(separator: ",") }

  /// The value a field (as a CSV reader gives it, quotes removed) was written from.
  public static func restored(_ field: String) -> String {
    guard field.first == "'", needsApostrophe(String(field.dropFirst())) else { return field }
    return String(field.dropFirst())
  }

  /// True when `text` would be taken for a formula, or starts with apostrophes before such a start.
  private static func needsApostrophe(_ text: String) -> Bool {
    let afterApostrophes = text.drop { $0 == "'" }
    guard let first = afterApostrophes.first, triggers.contains(first) else { return false }
    return afterApostrophes.count == text.count ? !isPlainNumber(text) : true
  }

  /// `-150000`, `+12.5`: a number, which no spreadsheet runs.
  private static func isPlainNumber(_ text: String) -> Bool {
    var rest = Substring(text)
    if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
    let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
    guard !rest.isEmpty, parts.count <= 2, !parts[0].isEmpty else { return false }
    return parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } } && (parts.count == 1 || !parts[1].isEmpty)
  }
}
