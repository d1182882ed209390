import AOPLedger
import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads an .xlsx file back for tests: unzip, then parse each sheet's XML into cells with their
/// formula and value (the cached value, for a formula), so tests check what a viewer would show.
public struct WorkbookReadBack {
  public struct CellData: Equatable, CustomStringConvertible {
    public var value: String
    public var formula: String?
    /// `n` number, `s`/`inlineStr`/`str` text.
    public var type: String
    public var style: Int
    public var number: Double? { type == "n" ? Double(value) : nil }
    public var description: String { formula.map { "=\($0) → \(value)" } ?? value }
  }

  /// Sheet name → cells by reference (`B5`).
  public var sheets: [String: [String: CellData]] = [:]
  public var sheetOrder: [String] = []
  /// Raw XML parts by path, for checks on formats, properties and the like.
  public var parts: [String: String] = [:]

  /// Reads the workbook back.
  /// - Throws: when it is not a zip archive, or when any of its XML parts is not well-formed XML (every
  ///   test that reads a workbook back checks this, with libxml2 as the judge).
  public init(path: String) throws {
    let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    for entry in archive where entry.type == .file {
      var data = Data()
      _ = try archive.extract(entry) { data.append($0) }
      parts[entry.path] = String(decoding: data, as: UTF8.self)
      if let problem = WorkbookParts.wellFormednessProblem(data, part: entry.path) {
        throw NotWellFormed(description: "\(path): \(problem)")
      }
    }
    let shared = SharedStringsParser.parse(parts["xl/sharedStrings.xml"] ?? "")
    let workbook = parts["xl/workbook.xml"] ?? ""
    let rels = parts["xl/_rels/workbook.xml.rels"] ?? ""
    for (name, rid) in Self.matches(#"<sheet name="([^"]*)" sheetId="\d+" r:id="(rId\d+)""#, in: workbook) {
      guard
        let target = Self.matches(#"Id="\#(rid)" Type="[^"]*" Target="([^"]*)""#, in: rels).first?.0
          ?? Self.matches(#"Target="([^"]*)"[^>]*Id="\#(rid)""#, in: rels).first?.0
      else { continue }
      let sheetName = Self.unescape(name)
      sheetOrder.append(sheetName)
      sheets[sheetName] = SheetParser.parse(parts["xl/" + target] ?? "", shared: shared)
    }
  }

  public func cell(_ sheet: String, _ reference: String) -> CellData? { sheets[sheet]?[reference] }

  /// The reference of the first cell in column A whose text is `label`.
  public func row(_ sheet: String, labelled label: String) -> Int? {
    sheets[sheet]?.filter { $0.key.hasPrefix("A") && Int($0.key.dropFirst()) != nil && $0.value.value == label }
      .compactMap { Int($0.key.dropFirst()) }.min()
  }

  /// The number format a cell is shown with (`yyyy-mm`, `0.0%`…), from the workbook's styles; `nil`
  /// for the general format.
  public func numberFormat(_ sheet: String, _ reference: String) -> String? {
    guard let style = cell(sheet, reference)?.style, let styles = parts["xl/styles.xml"],
      let start = styles.range(of: "<cellXfs"), let end = styles.range(of: "</cellXfs>")
    else { return nil }
    let formats = Dictionary(
      Self.matches("<numFmt numFmtId=\"(\\d+)\" formatCode=\"([^\"]*)\"", in: styles).map {
        ($0.0, Self.unescape($0.1))
      },
      uniquingKeysWith: { a, _ in a })
    let xfs = Self.matches("<xf numFmtId=\"(\\d+)\"", in: String(styles[start.lowerBound..<end.lowerBound])).map(\.0)
    guard style < xfs.count else { return nil }
    return formats[xfs[style]]
  }

  /// The row whose column A holds `month` (`2026-10`) as a real date: Excel's serial of its first day.
  public func row(_ sheet: String, month: String) -> Int? {
    Self.serial(month: month).flatMap { row(sheet, labelled: String(Int($0))) }
  }

  /// Excel's serial date of a month's first day (`2026-10` → 46296).
  public static func serial(month: String) -> Double? {
    guard let m = Month(text: month), let epoch = Day(year: 1899, month: 12, day: 30) else { return nil }
    return Double(m.firstDay.ordinal - epoch.ordinal)
  }

  /// Every text a reader of the workbook sees, with where it is: each text cell (shared, inline, or a
  /// formula's cached text), each sheet's printed header and footer (without their `&P`-style codes),
  /// the words of custom number formats (`"Đạt"`, `"điểm %"`), chart titles, axis titles and series
  /// names, and the document's title and subject.
  public var texts: [(place: String, text: String)] {
    var out: [(String, String)] = []
    for name in sheetOrder {
      for (reference, cell) in sheets[name] ?? [:] where ["s", "str", "inlineStr"].contains(cell.type) {
        out.append(("\(name)!\(reference)", cell.value))
      }
    }
    for (path, xml) in parts.sorted(by: { $0.key < $1.key }) {
      if path.hasPrefix("xl/worksheets/") {
        for (kind, text) in Self.matches("<(oddHeader|oddFooter)>([^<]*)</", in: xml) {
          let shown = Self.unescape(text).replacingOccurrences(
            of: "&[A-Z]", with: " ", options: .regularExpression)
          out.append(("\(path) \(kind)", shown))
        }
      } else if path.hasPrefix("xl/charts/") {
        for (text, _) in Self.matches("<a:t>([^<]*)</a:t>", in: xml) { out.append((path, Self.unescape(text))) }
        for (text, _) in Self.matches("<c:v>([^<]*\\p{L}[^<]*)</c:v>", in: xml) {
          out.append((path, Self.unescape(text)))
        }
      } else if path == "xl/styles.xml" {
        for (_, code) in Self.matches("<numFmt numFmtId=\"(\\d+)\" formatCode=\"([^\"]*)\"", in: xml) {
          for (word, _) in Self.matches("\"([^\"]*)\"", in: Self.unescape(code)) { out.append((path, word)) }
        }
      } else if path == "docProps/core.xml" {
        for (_, text) in Self.matches("<(dc:title|dc:subject)>([^<]*)</", in: xml) {
          out.append((path, Self.unescape(text)))
        }
      }
    }
    return out
  }

  static func matches(_ pattern: String, in text: String) -> [(String, String)] {
    guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
    let ns = text as NSString
    return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { m in
      (ns.substring(with: m.range(at: 1)), m.numberOfRanges > 2 ? ns.substring(with: m.range(at: 2)) : "")
    }
  }

  static func unescape(_ s: String) -> String {
    s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
      .replacingOccurrences(of: "&amp;", with: "&")
  }
}

/// A workbook part that is not well-formed XML.
public struct NotWellFormed: Error, CustomStringConvertible {
  public var description: String
}

/// Checks of a workbook's parts, independent of the tool's own check: libxml2 (through Foundation's
/// XMLParser) says whether each XML part is well-formed.
public enum WorkbookParts {
  /// Why `data` (the part `part`) is not well-formed XML, or `nil` when it is.
  public static func wellFormednessProblem(_ data: Data, part: String) -> String? {
    guard part.hasSuffix(".xml") || part.hasSuffix(".rels") else { return nil }
    let parser = XMLParser(data: data)
    guard parser.parse() else {
      return
        "\(part) is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "unknown error") at line \(parser.lineNumber), column \(parser.columnNumber)"
    }
    return nil
  }

  /// True when the file is a zip archive all of whose XML parts are well-formed.
  public static func allWellFormed(_ path: String) throws -> Bool {
    let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    for entry in archive where entry.type == .file {
      var data = Data()
      _ = try archive.extract(entry) { data.append($0) }
      if let problem = wellFormednessProblem(data, part: entry.path) {
        throw NotWellFormed(description: "\(path): \(problem)")
      }
    }
    return true
  }
}

private final class SharedStringsParser: NSObject, XMLParserDelegate {
  var strings: [String] = []
  var current = ""
  var inText = false

  static func parse(_ xml: String) -> [String] {
    let p = SharedStringsParser()
    let parser = XMLParser(data: Data(xml.utf8))
    parser.delegate = p
    parser.parse()
    return p.strings
  }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    if name == "si" { current = "" }
    if name == "t" { inText = true }
  }
  func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }
  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    if name == "t" { inText = false }
    if name == "si" { strings.append(current) }
  }
}

private final class SheetParser: NSObject, XMLParserDelegate {
  let shared: [String]
  var cells: [String: WorkbookReadBack.CellData] = [:]
  var reference = ""
  var type = "n"
  var style = 0
  var formula: String?
  var value = ""
  var collecting: String?

  init(shared: [String]) { self.shared = shared }

  static func parse(_ xml: String, shared: [String]) -> [String: WorkbookReadBack.CellData] {
    let p = SheetParser(shared: shared)
    let parser = XMLParser(data: Data(xml.utf8))
    parser.delegate = p
    parser.parse()
    return p.cells
  }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    switch name {
    case "c":
      reference = attributes["r"] ?? ""
      type = attributes["t"] ?? "n"
      style = Int(attributes["s"] ?? "0") ?? 0
      formula = nil
      value = ""
    case "f":
      collecting = "f"
      formula = ""
    case "v", "t": collecting = "v"
    default: break
    }
  }
  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if collecting == "f" { formula = (formula ?? "") + string } else if collecting == "v" { value += string }
  }
  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    switch name {
    case "f", "v", "t": collecting = nil
    case "c":
      var shown = value
      if type == "s", let i = Int(value), i < shared.count { shown = shared[i] }
      cells[reference] = WorkbookReadBack.CellData(value: shown, formula: formula, type: type, style: style)
    default: break
    }
  }
}
