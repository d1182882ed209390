import AOPLedger
import AOPTestSupport
import Foundation
import Testing

@testable import AOPWorkbook

@Suite struct WorkbookWriterTests {
  let properties = WorkbookProperties(
    title: "T", company: "A & B", subject: "2026-10", created: Day(iso: "2026-11-01")!)

  func sample() -> [Sheet] {
    var s = Sheet(name: "Tổng quan")
    s.rows = [
      [Cell(.text("Title"), .title)],
      [
        Cell(.text("KPI"), .header), Cell(.text("Actual"), .header), Cell(.text("Plan"), .header),
        Cell(.text("Var"), .header), Cell(.text("%"), .header),
      ],
      [
        Cell(.text("=HYPERLINK(\"x\")")), Cell(.money(Money(minorUnits: 1_234_567))),
        Cell(.money(Money(minorUnits: 1_000_000))),
        Cell(.formula("B3-C3", cached: .money(Money(minorUnits: 234_567)))),
        Cell(.formula("IF(C3=0,\"\",D3/C3)", cached: .ratio(Ratio(numerator: 234_567, denominator: 1_000_000)))),
      ],
      [
        Cell(.text("no data")), Cell(.ratio(nil)), Cell(.points(-1.5)), Cell(.integer(42)),
        Cell(.formula("IF(C9=0,\"\",1)", cached: .ratio(nil))),
      ],
      [Cell(.text("bad\u{0}text\u{1}"))],
    ]
    s.frozenRows = 2
    s.filter = (1, 3, 5)
    return [s, Sheet(name: "Bad/name:[x]")]
  }

  @Test func valuesFormulasAndCachedResultsReadBack() throws {
    let folder = try TemporaryFolder()
    let path = folder.path("w.xlsx")
    try XLSXWriter(currency: .vnd).write(sample(), properties: properties, to: path)
    let book = try WorkbookReadBack(path: path)
    #expect(book.sheetOrder == ["Tổng quan", "Badnamex"])
    let s = try #require(book.sheets["Tổng quan"])
    #expect(s["A3"]?.value == "=HYPERLINK(\"x\")")  // text stays text, never a formula
    #expect(s["A3"]?.formula == nil)
    #expect(s["B3"]?.number == 1_234_567)
    #expect(s["D3"]?.formula == "B3-C3")
    #expect(s["D3"]?.number == 234_567)
    #expect(s["E3"]?.number == 0.234567)
    #expect(s["B4"] == nil)  // no data: an empty cell, not 0%
    #expect(s["C4"]?.number == -1.5)
    #expect(s["D4"]?.number == 42)
    #expect(s["E4"]?.formula == "IF(C9=0,\"\",1)")
    #expect(s["E4"]?.value == "")
    #expect(s["A5"]?.value == "badtext")
    let styles = try #require(book.parts["xl/styles.xml"])
    #expect(styles.contains("#,##0 &quot;₫&quot;"))
    #expect(styles.contains("0.0%"))
    let sheetXML = try #require(book.parts["xl/worksheets/sheet1.xml"])
    #expect(sheetXML.contains("<autoFilter ref=\"A2:E4\"/>"))
    #expect(sheetXML.contains("ySplit=\"2\""))
    let core = try #require(book.parts["docProps/core.xml"])
    #expect(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-11-01T00:00:00Z</dcterms:created>"))
  }

  @Test func twoWritesGiveIdenticalBytes() throws {
    let folder = try TemporaryFolder()
    try XLSXWriter(currency: .vnd).write(sample(), properties: properties, to: folder.path("a.xlsx"))
    try XLSXWriter(currency: .vnd).write(sample(), properties: properties, to: folder.path("b.xlsx"))
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: folder.path("a.xlsx")))
        == Data(contentsOf: URL(fileURLWithPath: folder.path("b.xlsx"))))
  }

  @Test func anUnwritablePathIsAnError() throws {
    #expect(throws: WorkbookError.self) {
      try XLSXWriter(currency: .vnd).write(sample(), properties: properties, to: "/nonexistent-folder/x.xlsx")
    }
  }

  @Test func cellReferences() {
    #expect(cellReference(row: 0, column: 0) == "A1")
    #expect(cellReference(row: 9, column: 25) == "Z10")
    #expect(cellReference(row: 0, column: 26) == "AA1")
    #expect(cellReference(row: 0, column: 701) == "ZZ1")
    #expect(cellReference(row: 0, column: 702) == "AAA1")
  }
}

@Suite struct LightsMonthsAndOverspendTests {
  let properties = WorkbookProperties(title: "T", company: "C", subject: "2026-10", created: Day(iso: "2026-11-01")!)
  let words = LightWords(green: "On track", amber: "Watch", red: "Off track")

  func write(_ sheet: Sheet) throws -> (WorkbookReadBack, TemporaryFolder) {
    let folder = try TemporaryFolder()
    let path = folder.path("w.xlsx")
    try XLSXWriter(currency: .vnd).write([sheet], properties: properties, to: path)
    return (try WorkbookReadBack(path: path), folder)
  }

  @Test func lightsAreNumbersNamedByTheirFormatUnderOneIconSetThatTheKeyAnchors() throws {
    var s = Sheet(name: "S")
    s.rows = [
      [Cell(.text("KPI")), Cell(.text("Status"))],
      [Cell(.text("Revenue")), Cell(.light(Light(.red, words)))],
      [Cell(.text("Margin")), Cell(.light(Light(.red, words)))],
      [Cell(.text("Orders")), Cell(.text("No data"))],
    ]
    s.appendLightKey("Key", words: words)
    let (book, _) = try write(s)
    let cells = try #require(book.sheets["S"])
    #expect(cells["B2"]?.number == 0 && cells["B3"]?.number == 0)
    #expect(cells["B5"]?.number == 2 && cells["C5"]?.number == 1 && cells["D5"]?.number == 0)
    #expect(book.numberFormat("S", "B2") == "[=2]\"On track\";[=1]\"Watch\";\"Off track\"")
    // One rule over the lights and the key, so a sheet whose lights are all red still shows red icons.
    let xml = try #require(book.parts["xl/worksheets/sheet1.xml"])
    #expect(xml.contains("<conditionalFormatting sqref=\"B2:B3 B5:D5\"><cfRule type=\"iconSet\""))
    #expect(xml.components(separatedBy: "type=\"iconSet\"").count == 2)
  }

  @Test func lightsWithoutAKeyAreRefusedRatherThanDrawnRelative() throws {
    var s = Sheet(name: "S")
    s.rows = [[Cell(.light(Light(.red, words))), Cell(.light(Light(.amber, words)))]]
    #expect(throws: WorkbookError.lightsWithoutKey(sheet: "S")) { try write(s) }
  }

  @Test func monthsAreRealDatesShownAsYearAndMonth() throws {
    var s = Sheet(name: "S")
    s.rows = [[Cell(.month(Month(year: 2026, month: 10)!)), Cell(.month(Month(year: 2025, month: 1)!))]]
    let (book, _) = try write(s)
    #expect(book.cell("S", "A1")?.number == 46_296)  // 2026-10-01
    #expect(book.cell("S", "B1")?.number == 45_658)  // 2025-01-01
    #expect(book.numberFormat("S", "A1") == "yyyy-mm")
    #expect(book.row("S", month: "2026-10") == 1)
  }

  @Test func overspentBudgetsTurnRedBelowZero() throws {
    var s = Sheet(name: "S")
    s.rows = [[Cell(.money(Money(minorUnits: -5)))], [Cell(.money(Money(minorUnits: 5)))]]
    s.overspendWatch = [CellBlock(firstRow: 0, lastRow: 1, firstColumn: 0, lastColumn: 0)]
    let (book, _) = try write(s)
    let xml = try #require(book.parts["xl/worksheets/sheet1.xml"])
    #expect(
      xml.contains(
        "<conditionalFormatting sqref=\"A1:A2\"><cfRule type=\"cellIs\" dxfId=\"0\" priority=\"1\" operator=\"lessThan\"><formula>0</formula>"
      ))
    #expect(book.parts["xl/styles.xml"]?.contains("FFFFC7CE") == true)
  }
}

@Suite struct DataSumsTests {
  let sums = DataSums<SalesColumn>(
    sheet: "Data", rows: 5, names: [.group: ["Sữa", "sữa", "Tã", "store"], .channel: ["store", "web"]])

  @Test func sumsMatchTextsAndExpressionsOverTheDataRows() {
    #expect(
      sums.sum(.revenue, where: [(.group, .text("Tã")), (.month, .firstDay(of: Month(year: 2026, month: 3)!))])
        == "SUMIFS('Data'!$J:$J,'Data'!$H:$H,\"Tã\",'Data'!$A:$A,DATE(2026,3,1))")
    #expect(sums.sum(.units, where: []) == "SUM('Data'!$I:$I)")
    #expect(
      sums.sum(.cogs, where: [(.channel, .text("Nhà \"A\""))])
        == "SUMIFS('Data'!$L:$L,'Data'!$C:$C,\"Nhà \"\"A\"\"\")")
  }

  @Test func textsSumifsWouldNotMatchExactlyGiveNoFormula() {
    // Wildcards, comparisons, and names that differ only by case (SUMIFS ignores case) would sum other rows.
    for text in ["*sale", "a?b", "x~", ">3 tuổi", "=A", "<5", "", "Sữa", "sữa"] {
      #expect(sums.sum(.revenue, where: [(.group, .text(text))]) == nil, "\(text)")
    }
    #expect(sums.sum(.revenue, where: [(.group, .text("3 > 2"))]) != nil)
    // A group of the same name is another column.
    #expect(sums.sum(.revenue, where: [(.channel, .text("store"))]) != nil)
    #expect(DataSums<SalesColumn>(sheet: "Data", rows: 0, names: [:]).sum(.revenue, where: []) == nil)
  }
}

@Suite struct HostileTextTests {
  @Test func textThatLooksLikeFormulasOrEscapesStaysAsTyped() throws {
    let folder = try TemporaryFolder()
    var s = Sheet(name: "T")
    let long = String(repeating: "ệ", count: 40_000)
    s.rows = [
      [
        Cell(.text("=HYPERLINK(\"http://x\",\"click\")")), Cell(.text("+84901234567")), Cell(.text("@SUM(A1)")),
        Cell(.text("a_x0041_b")),
        Cell(.text(long)), Cell(.text("nul\u{0}here\u{7}")),
      ]
    ]
    let path = folder.path("hostile.xlsx")
    try XLSXWriter(currency: .vnd).write(
      [s], properties: WorkbookProperties(title: "t", company: "c", subject: "s", created: Day(iso: "2026-01-01")!),
      to: path)
    let book = try WorkbookReadBack(path: path)
    let cells = try #require(book.sheets["T"])
    for ref in ["A1", "B1", "C1"] { #expect(cells[ref]?.formula == nil, "\(ref) must stay text") }
    #expect(cells["A1"]?.value == "=HYPERLINK(\"http://x\",\"click\")")
    #expect(cells["B1"]?.value == "+84901234567")
    // Stored escaped, so that Excel shows the underscore sequence as typed.
    let sheetXML = try #require(book.parts["xl/worksheets/sheet1.xml"])
    #expect(sheetXML.contains("a_x005F_x0041_b"))
    #expect(cells["E1"]?.value.hasSuffix(" …[cut]") == true)
    #expect((cells["E1"]?.value.utf16.count ?? 0) <= 32_767)
    #expect(cells["F1"]?.value == "nulhere")
  }

  @Test func sheetNamesAreCleanedAndUniqueAndNaNNeverReachesTheFile() throws {
    let folder = try TemporaryFolder()
    var a = Sheet(name: "Shopee [HCM]: 10/2026*?")
    a.rows = [[Cell(.ratio(Ratio(numerator: 1, denominator: 3))), Cell(.points(.nan)), Cell(.points(.infinity))]]
    let b = Sheet(name: "shopee HCM 102026")  // the same name once cleaned, compared as Excel does (any case)
    let c = Sheet(name: String(repeating: "Doanh thu theo kênh ", count: 3))
    let path = folder.path("names.xlsx")
    try XLSXWriter(currency: .vnd).write(
      [a, b, c],
      properties: WorkbookProperties(title: "t", company: "c", subject: "s", created: Day(iso: "2026-01-01")!), to: path
    )
    let book = try WorkbookReadBack(path: path)
    #expect(
      book.sheetOrder == [
        "Shopee HCM 102026", "shopee HCM 102026 (2)",
        String(String(repeating: "Doanh thu theo kênh ", count: 3).prefix(31)),
      ])
    let cells = try #require(book.sheets["Shopee HCM 102026"])
    #expect(cells["B1"] == nil && cells["C1"] == nil)  // not NAN/INF, which would corrupt the file
    #expect(book.parts["xl/worksheets/sheet1.xml"]?.contains("NAN") == false)
  }

  @Test func escapingOnlyTouchesRealEscapeSequences() {
    #expect(XLSXWriter.escapeLiteralEscapes("a_x0041_b") == "a_x005F_x0041_b")
    #expect(XLSXWriter.escapeLiteralEscapes("_xyz_ and _x12_ and _x12345") == "_xyz_ and _x12_ and _x12345")
    #expect(XLSXWriter.escapeLiteralEscapes("plain") == "plain")
    #expect(XLSXWriter.escapeLiteralEscapes("orders_export_1.csv") == "orders_export_1.csv")
    #expect(XLSXWriter.escapeLiteralEscapes("x_ _x00e9_") == "x_ _x005F_x00e9_")
    #expect(XLSXWriter.escapeLiteralEscapes("__x0041_") == "__x005F_x0041_")
  }
}

/// How a sheet fits paper: numbers widen their column, long text wraps in its cell (its row made tall
/// enough), a note spans the table, and the writer merges, wraps and sets the page up.
@Suite struct PrintFitTests {
  @Test func textWrapsAtSpacesAndLongPathsBreakAfterSlashesAndHyphens() {
    #expect(Sheet.wrappedLineCount("Doanh thu thuần", charactersPerLine: 20) == 1)
    #expect(Sheet.wrappedLineCount("Doanh thu thuần", charactersPerLine: 10) == 2)  // "Doanh thu" / "thuần"
    #expect(Sheet.wrappedLineCount("a\nb", charactersPerLine: 10) == 2)
    // A path that fits a line moves whole to the next line; one longer than a line takes lines of its own.
    #expect(Sheet.wrappedLineCount("16 dòng trùng với exports/2026-01/orders.csv", charactersPerLine: 30) == 2)
    #expect(
      Sheet.wrappedLineCount("exports/2026-01/DanhSachChiTietHoaDon_KV01022026-080001-301.csv", charactersPerLine: 36)
        == 3)  // "exports/2026-01/" / "DanhSachChiTietHoaDon_KV01022026-" / "080001-301.csv", as LibreOffice
    #expect(Sheet.wrappedLineCount(String(repeating: "x", count: 25), charactersPerLine: 10) == 3)
  }

  @Test func numbersWidenTheirColumnTextWrapsAndANoteSpansTheTable() {
    var s = Sheet(name: "S")
    s.columnWidths = [10, 8, 8]
    s.rows = [
      [Cell(.text("Chi phí marketing / ngân sách")), Cell(.money(Money(minorUnits: 3_307_529_471))), Cell(.empty)],
      [Cell(.text("A note much longer than the first column, which spans the table instead"), .note)],
    ]
    s.fitColumns()
    s.fitRows()
    #expect(s.columnWidths[0] > 10 && s.columnWidths[0] <= 24)  // text widens up to the limit, then wraps
    #expect(s.columnWidths[1] >= 14.5)  // 3.307.529.471 ₫: ten digits, three separators, the unit
    #expect(s.rows[0][0].wraps && s.rowHeights[0] == 2 * Sheet.lineHeight)
    #expect(s.rows[1][0].span == 3 && s.rows[1][0].wraps)
    // A sheet laid out to fit a page keeps its widths: its text wraps.
    var page = Sheet(name: "P")
    page.columnWidths = [10]
    page.textWidthLimit = 0
    page.rows = [[Cell(.text("Chi phí marketing / ngân sách"))]]
    page.fitColumns()
    page.fitRows()
    #expect(page.columnWidths == [10] && page.rowHeights[0] == 4 * Sheet.lineHeight)
  }

  /// The measures column widths are fitted with: a text's longest line in characters (ASCII counted by
  /// its bytes), a number's digits (without making its text).
  @Test func textLinesAndDigitsAreMeasuredAsCharacters() {
    #expect(Sheet.longestLine("") == 0)
    #expect(Sheet.longestLine("ab\n\ncde\n") == 3)
    #expect(Sheet.longestLine("Sữa bột\nx") == 7)
    #expect(Sheet.longestLine("a\r\nbc") == 4)  // CR LF is one character, and no line break for `split`
    #expect(Sheet.longestLine("e\u{301}\u{301}") == 1)
    // Text that is not ASCII, counted by scalars where each is a character, else by characters: the same
    // as counting characters, whichever way.
    for text in [
      "Sữa bột Meiji — “số 1” …\nĐơn hàng", "ĐƠN HÀNG\n\nă â ê ô ơ ư đ ạ ả ấ ầ ẩ ẫ ậ ỹ", "©®±×÷ʼ\nabc",
      "ạ\u{301}x", "Sữa\r\nbột", "Sữa\u{200D}bột", "Sữa 🍼🍼\nb", "giá 100.000₫", "\u{2028}ữ", "ữ\n", "\nữ",
    ] {
      #expect(Sheet.longestLine(text) == (text.split(separator: "\n").map(\.count).max() ?? 0), "\(text)")
    }
    #expect([0, 9, 10, 99, 100, 123_456_789, UInt64.max].map(Sheet.digitCount) == [1, 1, 2, 2, 3, 9, 20])
  }

  /// A header wraps under its column's width but never inside a word: `Duplicates` over a column of
  /// small counts widens it to the word (10 letters, bold, and the padding: 13), not to the whole text.
  @Test func aHeaderWrapsBetweenWordsNeverInsideOne() {
    var s = Sheet(name: "S")
    s.columnWidths = [8.43, 8.43]
    s.rows = [
      [Cell(.text("Duplicates"), .header), Cell(.text("Marketing spend year to date"), .header)],
      [Cell(.integer(7)), Cell(.integer(12))],
    ]
    s.fitColumns()
    #expect(s.columnWidths[0] == 10 * 1.1 + 2)
    #expect(s.columnWidths[1] == 9 * 1.1 + 2)  // `Marketing`; the header wraps at its spaces
  }

  @Test func theWriterMergesWrapsAndSetsThePageUp() throws {
    var s = Sheet(name: "S")
    s.columnWidths = [10, 10, 10]
    s.rows = [
      [Cell(.text("Header"), .header, span: 3), Cell(.empty, .header), Cell(.empty, .header)],
      [Cell(.text("one two three four five six")), Cell(.integer(1)), Cell(.integer(2))],
    ]
    s.print.onePage = true
    s.print.titleRows = 0...0
    s.print.lastColumn = 1
    s.fitColumns()
    s.fitRows()
    let folder = try TemporaryFolder()
    let path = folder.path("p.xlsx")
    try XLSXWriter(currency: .vnd).write(
      [s], properties: WorkbookProperties(title: "T", company: "C", subject: "S", created: Day(iso: "2026-11-01")!),
      to: path)
    let book = try WorkbookReadBack(path: path)
    let xml = try #require(book.parts["xl/worksheets/sheet1.xml"])
    #expect(xml.contains("<mergeCell ref=\"A1:C1\"/>"))
    // The text widened its column to 24 characters, then wrapped: two lines.
    #expect(xml.contains("<row r=\"2\" ht=\"30\" customHeight=\"1\""))
    #expect(
      xml.contains(
        "<pageMargins left=\"0.3\" right=\"0.3\" top=\"0.6\" bottom=\"0.6\" header=\"0.25\" footer=\"0.25\"/>"))
    #expect(xml.contains("<pageSetUpPr fitToPage=\"1\"/>"))
    let workbook = try #require(book.parts["xl/workbook.xml"])
    #expect(workbook.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">S!$1:$1</definedName>"))
    #expect(workbook.contains("<definedName name=\"_xlnm.Print_Area\" localSheetId=\"0\">S!$A$1:$B$2</definedName>"))
    #expect(book.parts["xl/styles.xml"]?.contains("wrapText=\"1\"") == true)
  }
}
