import Foundation
import ZIPFoundation

/// Builds minimal .xlsx files from their XML parts, for reader tests.
public enum WorkbookBuilder {
  /// A workbook with one sheet named `sheetName` whose `<sheetData>` is `rows`; `shared` are the
  /// shared strings, `styles` the `<cellXfs>` number formats (style 0 first).
  public static func write(
    to path: String, sheetName: String = "Sheet1", rows: String, shared: [String] = [], cellFormats: [Int] = [0],
    customFormats: [Int: String] = [:], extraWorkbookXML: String = "", sheetXMLPrefix: String = ""
  ) throws {
    let sst =
      "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      + shared.map { "<si><t>\($0)</t></si>" }.joined() + "</sst>"
    let numFmts =
      customFormats.isEmpty
      ? ""
      : "<numFmts>" + customFormats.map { "<numFmt numFmtId=\"\($0.key)\" formatCode=\"\($0.value)\"/>" }.joined()
        + "</numFmts>"
    let styles =
      "<?xml version=\"1.0\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\(numFmts)"
      + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\"/></cellStyleXfs><cellXfs>"
      + cellFormats.map { "<xf numFmtId=\"\($0)\"/>" }.joined() + "</cellXfs></styleSheet>"
    let workbook =
      "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">\(extraWorkbookXML)<sheets><sheet name=\"\(sheetName)\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
    let rels =
      "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"
    let sheet =
      "<?xml version=\"1.0\"?>\(sheetXMLPrefix)<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>\(rows)</sheetData></worksheet>"
    try? FileManager.default.removeItem(atPath: path)
    let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
    for (name, text) in [
      ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", rels), ("xl/sharedStrings.xml", sst),
      ("xl/styles.xml", styles), ("xl/worksheets/sheet1.xml", sheet),
    ] {
      let data = Data(text.utf8)
      try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) {
        position, size in
        data.subdata(in: Int(position)..<Int(position) + size)
      }
    }
  }

  /// A copy of the workbook at `source` whose parts are all stored (not compressed), so that a test can
  /// change a byte of a part in place and nothing but the part's CRC-32 tells.
  public static func storedCopy(of source: String, to path: String) throws {
    let original = try Archive(url: URL(fileURLWithPath: source), accessMode: .read)
    try? FileManager.default.removeItem(atPath: path)
    let copy = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
    for entry in original where entry.type == .file {
      var data = Data()
      _ = try original.extract(entry) { data.append($0) }
      try copy.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .none) {
        position, size in
        data.subdata(in: Int(position)..<Int(position) + size)
      }
    }
  }

  /// Changes the first digit of the last cell value (`<v>…</v>`) of a workbook whose parts are stored
  /// (`storedCopy`): its XML stays well-formed and every earlier row reads as before; only the part's
  /// checksum no longer matches.
  public static func changeLastValue(in path: String) throws {
    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    let tag = Array("<v>".utf8)
    guard
      let at = (0...(bytes.count - tag.count)).last(where: { bytes[$0..<($0 + tag.count)].elementsEqual(tag) }),
      (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[at + tag.count])
    else { throw CocoaError(.fileReadCorruptFile) }
    bytes[at + tag.count] = bytes[at + tag.count] == UInt8(ascii: "9") ? UInt8(ascii: "8") : bytes[at + tag.count] + 1
    try Data(bytes).write(to: URL(fileURLWithPath: path))
  }
}
