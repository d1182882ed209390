/// The small parts of an .xlsx file that give meaning to sheet cells: sheet names and paths, shared
/// strings, which styles are dates, and the workbook's date system.
struct WorkbookParts {
  /// Sheets in workbook order: name and part path (`xl/worksheets/sheet1.xml`).
  var sheets: [(name: String, path: String)] = []
  var sharedStrings = SharedStrings()
  /// Style index → true when its number format shows a date or time.
  var dateStyles: [Bool] = []
  var date1904 = false

  static func sheets(workbook: [UInt8], relationships: [UInt8]) throws -> ([(name: String, path: String)], Bool) {
    var targets: [String: String] = [:]
    let rels = XMLScanner()
    rels.onStart = { name, attributes, _ in
      guard name.is("Relationship"), let id = attributes[attribute: "Id"], let target = attributes[attribute: "Target"]
      else { return }
      targets[String(decoding: id, as: UTF8.self)] = String(decoding: target, as: UTF8.self)
    }
    try rels.feed(relationships)
    try rels.finish()

    var sheets: [(String, String)] = []
    var date1904 = false
    let book = XMLScanner()
    book.onStart = { name, attributes, _ in
      if name.is("workbookPr"), let v = attributes[attribute: "date1904"] {
        date1904 = v == Array("1".utf8) || v == Array("true".utf8)
      }
      guard name.is("sheet"), let sheetName = attributes[attribute: "name"], let id = attributes[attribute: "id"],
        let target = targets[String(decoding: id, as: UTF8.self)]
      else { return }
      let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
      sheets.append((String(decoding: sheetName, as: UTF8.self), path))
    }
    try book.feed(workbook)
    try book.finish()
    return (sheets, date1904)
  }

  /// Which cell styles (`s` attribute) format numbers as dates or times.
  static func dateStyles(_ xml: [UInt8]) throws -> [Bool] {
    var custom: [Int: Bool] = [:]
    var styles: [Bool] = []
    var inCellXfs = false
    let scanner = XMLScanner()
    scanner.onStart = { name, attributes, selfClosing in
      if name.is("numFmt"), let id = attributes[attribute: "numFmtId"].flatMap(decimalInteger),
        let code = attributes[attribute: "formatCode"]
      {
        custom[id] = isDateFormat(String(decoding: code, as: UTF8.self))
      }
      if name.is("cellXfs"), !selfClosing { inCellXfs = true }
      if name.is("xf"), inCellXfs {
        let id = attributes[attribute: "numFmtId"].flatMap(decimalInteger) ?? 0
        styles.append(custom[id] ?? isBuiltInDate(id))
      }
    }
    scanner.onEnd = { name in if name.is("cellXfs") { inCellXfs = false } }
    try scanner.feed(xml)
    try scanner.finish()
    return styles
  }

  static func isBuiltInDate(_ id: Int) -> Bool {
    (14...22).contains(id) || (45...47).contains(id) || (27...36).contains(id) || (50...58).contains(id)
  }

  /// A format code shows a date or time when, outside quoted text and `[…]` sections, it has a date or
  /// time letter.
  static func isDateFormat(_ code: String) -> Bool {
    var inQuote = false, inBracket = false, escaped = false
    for ch in code.lowercased() {
      if escaped {
        escaped = false
        continue
      }
      switch ch {
      case "\\": escaped = true
      case "\"": inQuote.toggle()
      case "[" where !inQuote: inBracket = true
      case "]" where !inQuote: inBracket = false
      case "y", "m", "d", "h",
        "s" where !inQuote && !inBracket:
        return true
      default: break
      }
    }
    return false
  }
}
