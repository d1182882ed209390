import AOPLedger
import AOPPipeline
import AOPTestSupport
import AOPWorkbook
import Foundation
import Testing

/// The review as the accountant prints it: LibreOffice prints the sample's October review to PDF (in
/// Carlito, metric-compatible with the workbook's Calibri) and the pages are read back. The scale of a
/// page is the height of its body text over that of a page printed at 100 %.
@Suite(.serialized) struct PrintLayoutTests {
  static let dataSheets: Set<String> = ["Dữ liệu", "Dữ liệu chi phí", "Data", "Spend data"]

  @Test func theSummaryPrintsOnOnePageAndEveryOtherSheetReadablyOnAFewPages() throws {
    let folder = try TemporaryFolder()
    let review = try ReviewJob(
      configPath: Samples.config, month: Month(year: 2026, month: 10)!, outputFolder: folder.url
    ).run()
    let english = folder.path("english.xlsx")
    try SampleReviewVariant.write(review.report, to: english)
    // One line of body text: it prints at 100 %.
    var calibration = Sheet(name: "Calibration")
    calibration.rows = [[Cell(.text("Calibration line 100 %"))]]
    let calibrationPath = folder.path("calibration.xlsx")
    try XLSXWriter(currency: .vnd).write(
      [calibration],
      properties: WorkbookProperties(
        title: "t", company: "c", subject: "s", created: Day(year: 2026, month: 1, day: 1)!),
      to: calibrationPath)

    let books = try LibreOffice.print([calibrationPath, review.workbook.path, english])
    let fullSize = try #require(books.first?.pages.first?.textHeight)
    for book in books.dropFirst() {
      let sheets = book.sheets
      #expect(sheets.count >= 10, "\(book.file): \(sheets.map(\.name))")
      for (i, sheet) in sheets.enumerated() where !Self.dataSheets.contains(sheet.name) {
        // The first page holds the sheet's first table (a later one may be a chart alone).
        let scale = (sheet.pages.first?.textHeight ?? 0) / fullSize
        if i == 0 {
          #expect(sheet.pages.count == 1, "\(book.file): the summary prints on \(sheet.pages.count) pages")
          #expect(scale >= 0.75, "\(book.file): the summary prints at \(Int(scale * 100)) %")
        } else {
          #expect(sheet.pages.count <= 4, "\(book.file): \(sheet.name) prints on \(sheet.pages.count) pages")
          #expect(scale >= 0.6, "\(book.file): \(sheet.name) prints at \(Int(scale * 100)) %")
        }
      }
      // The data sheets print their title and how to print their rows, not thousands of lines.
      for sheet in sheets where Self.dataSheets.contains(sheet.name) {
        #expect(sheet.pages.count == 1, "\(book.file): \(sheet.name) prints on \(sheet.pages.count) pages")
      }
    }
  }
}
