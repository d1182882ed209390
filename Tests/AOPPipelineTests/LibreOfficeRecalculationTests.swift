import AOPLedger
import AOPPipeline
import AOPTestSupport
import AOPWorkbook
import Foundation
import Testing

/// The real client: LibreOffice (headless) opens each workbook, recalculates every formula, and each
/// recalculated value must equal the value cached in the file, with no cell an error. The Makefile
/// installs LibreOffice and its Python bridge for `make test`.
@Suite(.serialized) struct LibreOfficeRecalculationTests {
  func recalculate(_ paths: [String]) throws -> [LibreOffice.FileResult] {
    let results = try LibreOffice.recalculate(paths)
    #expect(results.count == paths.count)
    return results
  }

  @Test func everySampleWorkbookRecalculatesToTheNumbersWritten() throws {
    let folder = try TemporaryFolder()
    let review = try ReviewJob(
      configPath: Samples.config, month: Month(year: 2026, month: 10)!, outputFolder: folder.url
    ).run()
    let baseline = try BaselineJob(
      configPath: Samples.config, year: nil, outputFile: folder.url.appendingPathComponent("baseline.csv")
    ).run()
    // And the review once more with its data sheet summed (as past the sheet's line limit).
    var aggregatedJob = ReviewJob(
      configPath: Samples.config, month: Month(year: 2026, month: 10)!,
      outputFolder: folder.url.appendingPathComponent("aggregated"))
    aggregatedJob.dataSheetLineLimit = 1_000
    let aggregated = try aggregatedJob.run()
    // And laid out in English, whose formulas name the English sheets; and written in constant-memory
    // mode, as large inputs are (inline strings, the data tables as autofiltered ranges).
    let english = folder.path("review-en.xlsx"), streamed = folder.path("review-constant-memory.xlsx")
    try SampleReviewVariant.write(review.report, to: english)
    try SampleReviewVariant.write(review.report, language: .vi, constantMemory: true, to: streamed)
    let results = try recalculate([
      review.workbook.path, baseline.workbook.path, aggregated.workbook.path, english, streamed,
    ])
    #expect(results.count == 5)
    let streamedBook = try WorkbookReadBack(path: streamed)
    #expect(streamedBook.parts["xl/worksheets/sheet1.xml"]?.contains("<cfRule type=\"iconSet\"") == true)
    #expect(!streamedBook.parts.keys.contains { $0.hasPrefix("xl/tables/") })
    for r in results {
      #expect(r.opened, "\(r.file) did not open")
      #expect((r.formulas ?? 0) > 10, "\(r.file): \(r.formulas ?? 0) formulas")
      #expect(r.mismatches?.isEmpty == true, "\(r.file): \(r.mismatches ?? [])")
      #expect(r.errors?.isEmpty == true, "\(r.file): \(r.errors ?? [])")
    }
  }

  @Test func theCheckItselfCatchesAWrongCachedValueAndAnErrorCell() throws {
    let folder = try TemporaryFolder()
    var sheet = Sheet(name: "T")
    sheet.rows = [
      [
        Cell(.money(Money(minorUnits: 21))), Cell(.formula("A1*2", cached: .money(Money(minorUnits: 41)))),
        Cell(.formula("A1/0", cached: .integer(0))),
      ]
    ]
    let path = folder.path("wrong.xlsx")
    try XLSXWriter(currency: .vnd).write(
      [sheet], properties: WorkbookProperties(title: "t", company: "c", subject: "s", created: Day(iso: "2026-01-01")!),
      to: path)
    let result = try #require(try recalculate([path]).first)
    #expect(result.mismatches?.count == 1)
    #expect(result.errors?.count == 1)
  }
}
