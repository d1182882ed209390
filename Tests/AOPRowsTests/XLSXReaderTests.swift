import AOPTestSupport
import Foundation
import Testing

@testable import AOPRows

@Suite struct XLSXReaderTests {
  let folder: TemporaryFolder
  init() throws { folder = try TemporaryFolder() }

  func rows(_ path: String, sheet: String? = nil) throws -> [String] {
    var out: [String] = []
    try XLSXReader(path: path).read(sheet: sheet) { event in
      if case .record(let r) = event {
        out.append(
          "\(r.line): "
            + (0..<r.count).map { "\(r.fields[$0])\(r.kind($0) == .text ? "" : r.kind($0) == .number ? "#" : "@")" }
            .joined(separator: "|"))
      }
    }
    return out
  }

  @Test func sharedInlineNumbersDatesAndGaps() throws {
    let path = folder.path("a.xlsx")
    try WorkbookBuilder.write(
      to: path,
      rows: """
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="inlineStr"><is><t>Ghi chú</t></is></c></row>
        <row r="3"><c r="A3" s="1"><v>46297.5</v></c><c r="B3"><v>150000.00000000003</v></c><c r="D3" t="str"><f>A3</f><v>a_x000D_b &amp; c</v></c></row>
        <row r="4"><c r="A4" s="2"><v>61</v></c><c r="B4" t="b"><v>1</v></c></row>
        <row r="5"><c r="B5" t="s"><v>2</v></c></row>
        <row r="6"/>
        """,
      shared: ["Thời gian", "Giá trị", "<i>rich</i>"].map {
        $0.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
      },
      cellFormats: [0, 164, 14], customFormats: [164: "dd/mm/yyyy hh:mm"])
    #expect(
      try rows(path) == [
        "1: Thời gian|Giá trị||Ghi chú",
        "3: 2026-10-02 12:00:00@|150000.00000000003#||a\rb & c",
        "4: 1900-03-01@|1",  // serial 61 is 1 March 1900, after Excel's phantom 29 February
        "5: |<i>rich</i>",
      ])
  }

  @Test func theNamedSheetOrAClearError() throws {
    let path = folder.path("b.xlsx")
    try WorkbookBuilder.write(
      to: path, sheetName: "orders", rows: "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row>")
    #expect(try rows(path, sheet: "orders") == ["1: x"])
    #expect(throws: RowsError.noSuchSheet(path: path, sheet: "Sheet2", sheets: ["orders"])) {
      try rows(path, sheet: "Sheet2")
    }
    #expect(
      RowsError.noSuchSheet(path: path, sheet: "Sheet2", sheets: ["orders"]).errorDescription
        == "\(path): no sheet named `Sheet2` (it has `orders`)")
  }

  @Test func aDocumentTypeDeclarationIsRefused() throws {
    let path = folder.path("dtd.xlsx")
    try WorkbookBuilder.write(
      to: path, rows: "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>",
      sheetXMLPrefix: "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")
    #expect(
      throws: RowsError.notAWorkbook(
        path: path, reason: "sheet `Sheet1`: a document type declaration (DTD) is not allowed in a spreadsheet part")
    ) { try rows(path) }
  }

  @Test func brokenAndTruncatedFilesAreReportedAsSuch() throws {
    let path = folder.path("c.xlsx")
    try WorkbookBuilder.write(
      to: path, rows: String(repeating: "<row><c t=\"inlineStr\"><is><t>abcdefgh</t></is></c></row>", count: 2000))
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    let cut = try folder.write("cut.xlsx", bytes: Array(bytes.prefix(bytes.count / 2)))
    #expect(throws: RowsError.self) { try rows(cut) }
    let garbage = try folder.write(
      "garbage.xlsx", bytes: [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0x41, count: 100))
    #expect(
      throws: RowsError.notAWorkbook(
        path: garbage, reason: "not a readable zip archive (a broken or truncated download?)")
    ) { try rows(garbage) }
  }

  /// A part whose bytes changed but still inflate (here stored, one digit of its last cell changed: the
  /// XML stays well-formed) is told by its CRC-32 alone: reading it and checking a finished workbook both
  /// refuse it, naming the part.
  @Test func aPartThatDoesNotMatchItsChecksumIsRefused() throws {
    let sample = Samples.folder.appendingPathComponent("exports/2026-10/Order.all.20261001_20261031.xlsx").path
    let stored = folder.path("stored.xlsx")
    try WorkbookBuilder.storedCopy(of: sample, to: stored)
    var rowsRead = 0
    try XLSXReader(path: stored).read { _ in rowsRead += 1 }
    #expect(rowsRead > 200)
    #expect(throws: Never.self) { try WorkbookCheck.verify(path: stored) }
    try WorkbookBuilder.changeLastValue(in: stored)
    #expect(
      throws: RowsError.notAWorkbook(
        path: stored,
        reason:
          "the zip archive is damaged (xl/worksheets/sheet1.xml: its bytes do not match their recorded CRC-32 checksum)"
      )
    ) { try rows(stored) }
    #expect(
      throws: WorkbookCheck.Failure(
        part: "xl/worksheets/sheet1.xml",
        reason: "it does not inflate (xl/worksheets/sheet1.xml: its bytes do not match their recorded CRC-32 checksum)")
    ) { try WorkbookCheck.verify(path: stored) }
  }

  @Test func aZipBombIsRefusedBeforeInflating() throws {
    let path = folder.path("bomb.xlsx")
    // 20 MB of one repeated row compresses far beyond the allowed ratio.
    try WorkbookBuilder.write(to: path, rows: String(repeating: "<row><c><v>0</v></c></row>", count: 800_000))
    #expect {
      try rows(path)
    } throws: { error in
      guard case .notAWorkbook(_, let reason) = error as? RowsError else { return false }
      return reason.contains("a zip bomb?")
    }
  }

  @Test func excelSerialsIncludingTheLeapYearBugAnd1904() {
    func render(_ s: String, _ d1904: Bool = false) -> String? {
      SheetRows.renderSerial(Array(s.utf8), date1904: d1904).map { String(decoding: $0, as: UTF8.self) }
    }
    #expect(render("1") == "1900-01-01")
    #expect(render("59") == "1900-02-28")
    #expect(render("61") == "1900-03-01")
    #expect(render("45658") == "2025-01-01")
    #expect(render("46022.999999") == "2026-01-01")  // rounds to the next midnight
    #expect(render("0", true) == "1904-01-01")
    #expect(render("-1") == nil)
    #expect(render("abc") == nil)
  }
}
