import AOPLedger
import AOPPipeline
import AOPTestSupport
import Foundation
import Testing

/// Text from the exports that could break the workbook — control characters (raw in a CSV, or written
/// `_x0001_` in an .xlsx), a product group of 40,000 characters, formula-like text — reaches neither the
/// XML nor a formula as it is: every part stays well-formed, every formula within Excel's limits, and
/// LibreOffice recalculates every formula to the number written.
@Suite(.serialized) struct HostileExportTextTests {
  @Test func controlCharactersAndHugeTextNeverBreakTheWorkbook() throws {
    let shop = try OneMonthShop()
    let huge = String(repeating: "Đồ chơi gỗ ", count: 3_637)  // 40,007 characters
    try shop.folder.write(
      "exports/2026-10/z-costs.csv",
      """
      sku,unit_cost,product_group
      MU-YEM-SET,61000,Quần\u{01}áo
      DAU-TRAM-CON-HO,42000,\(huge)
      TA-BOBBY-M,118000,"=HYPERLINK(""http://x"")"

      """)
    // The same kinds of text in a workbook, as Excel escapes them: `_x0001_` is U+0001.
    try WorkbookBuilder.write(
      to: shop.folder.path("exports/2026-10/z-costs.xlsx"),
      rows: #"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>"#
        + #"<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2"><v>23000</v></c><c r="C2" t="s"><v>4</v></c></row>"#,
      shared: ["sku", "unit_cost", "product_group", "KEM-HAM-BEPANTHEN", "Chăm sóc_x0001__x001F_da"])
    let outcome = try ReviewJob(configPath: shop.config, month: Month(year: 2026, month: 10)!).run()
    #expect(outcome.status == .rejectedRows)
    let costFiles = outcome.report.sources.filter { $0.path.contains("z-costs") }
    #expect(costFiles.map(\.tally.accepted) == [3, 1], "\(costFiles.map(\.tally))")
    // Read back: libxml2 finds every part well-formed (WorkbookReadBack throws otherwise).
    let book = try WorkbookReadBack(path: outcome.workbook.path)
    let groups = Set(outcome.report.groupLines.map(\.group))
    #expect(groups.contains("Quần\u{FFFD}áo"))
    #expect(groups.contains("Chăm sóc\u{FFFD}\u{FFFD}da"))
    #expect(groups.contains("=HYPERLINK(\"http://x\")"))
    #expect(groups.contains(huge.trimmingCharacters(in: .whitespaces)), "the 40,000-character group")
    // No formula is over Excel's 8,192 characters, none holds a control character.
    for (_, cells) in book.sheets {
      for cell in cells.values {
        guard let f = cell.formula else { continue }
        #expect(f.utf16.count <= 8_192)
        #expect(!f.unicodeScalars.contains { $0.value < 0x20 })
      }
    }
    let results = try LibreOffice.recalculate([outcome.workbook.path])
    for r in results {
      #expect(r.opened)
      #expect(r.mismatches?.isEmpty == true, "\(r.mismatches ?? [])")
      #expect(r.errors?.isEmpty == true, "\(r.errors ?? [])")
    }
  }
}

@Suite struct EscapedTests {
  @Test func controlCharactersAndDirectionOverridesAreWrittenAsEscapes() {
    #expect(Escaped.forTerminal("plain Sữa.csv") == "plain Sữa.csv")
    #expect(Escaped.forTerminal("a\u{1B}[31mred\nb\tc\r") == "a\\u{1B}[31mred\\nb\\tc\\r")
    #expect(Escaped.forTerminal("invoice\u{202E}vsc.exe") == "invoice\\u{202E}vsc.exe")
    #expect(Escaped.forTerminal("\u{7F}\u{85}") == "\\u{7F}\\u{85}")
    #expect(Escaped.lines("one\u{1B}\ntwo\n") == "one\\u{1B}\ntwo\n")
  }
}
