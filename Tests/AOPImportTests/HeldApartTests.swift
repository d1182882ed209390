import AOPImport
import AOPLedger
import AOPTestSupport
import Foundation
import Testing

/// A file that fails midway — here a workbook whose sheet turns out damaged only at its end, after every
/// row was read — is refused with nothing of it taken in: no line, no rejection, no row identity (so a
/// good export of the same rows after it is not a duplicate of the refused one), however it is read.
@Suite struct HeldApartTests {
  let sample = Samples.folder.appendingPathComponent("exports/2026-10/Order.all.20261001_20261031.xlsx").path

  /// A stored copy of the sample workbook (read as the original is) and a damaged one.
  func workbooks(in temp: TemporaryFolder) throws -> (stored: String, damaged: String) {
    let stored = temp.path("stored.xlsx")
    let damaged = temp.path("damaged.xlsx")
    try WorkbookBuilder.storedCopy(of: sample, to: stored)
    try WorkbookBuilder.storedCopy(of: sample, to: damaged)
    try WorkbookBuilder.changeLastValue(in: damaged)
    return (stored, damaged)
  }

  func expectRefusedForItsChecksum(_ file: SourceFile) {
    #expect(file.status == .refused)
    #expect(file.message?.contains("xl/worksheets/sheet1.xml: its bytes do not match their recorded CRC-32") == true)
    #expect(file.tally == FileTally())
  }

  @Test func theStoredCopyReadsAsTheOriginal() throws {
    let temp = try TemporaryFolder()
    let (stored, _) = try workbooks(in: temp)
    let original = try makeImporter().importFile(at: sample, displayPath: "a.xlsx", into: CollectingSink())
    let copy = try makeImporter().importFile(at: stored, displayPath: "b.xlsx", into: CollectingSink())
    #expect(original.status == .read && copy.status == .read)
    #expect(copy.tally == original.tally)
    #expect(original.tally.accepted > 200)
  }

  @Test(arguments: [256 << 20, 0])
  func aFileDamagedAtItsEndTakesNothingIn(largestHeldApart: Int) throws {
    let temp = try TemporaryFolder()
    let (stored, damaged) = try workbooks(in: temp)
    var importer = try makeImporter()
    var settings = importer.settings
    settings.largestHeldApart = largestHeldApart  // 0: read through once, then again into the run
    importer = FileImporter(profiles: importer.profiles, settings: settings)
    let sink = CollectingSink()
    let refused = try importer.importFile(at: damaged, displayPath: "damaged.xlsx", into: sink)
    expectRefusedForItsChecksum(refused)
    #expect(sink.sales.isEmpty && sink.rejections.isEmpty && sink.costs.isEmpty && sink.spend.isEmpty)
    #expect(importer.deduplicator.count == 0)

    let good = try importer.importFile(at: stored, displayPath: "good.xlsx", into: sink)
    let aloneSink = CollectingSink()
    let alone = try makeImporter().importFile(at: stored, displayPath: "good.xlsx", into: aloneSink)
    #expect(good.status == .read)
    #expect(good.tally == alone.tally, "the refused file's rows are not taken for the good one's originals")
    #expect(good.tally.duplicates == 0)
    #expect(sink.sales.count == aloneSink.sales.count && sink.rejections.count == aloneSink.rejections.count)
    #expect(sink.sales.allSatisfy { $0.source.file == "good.xlsx" })
  }

  @Test(arguments: [1, 2, 3])
  func readAheadOrNotTheDamagedFileTakesNothingIn(workers: Int) throws {
    let temp = try TemporaryFolder()
    let (stored, damaged) = try workbooks(in: temp)
    let importer = try makeImporter()
    let sink = CollectingSink()
    let aloneSink = CollectingSink()
    _ = try makeImporter().importFile(at: stored, displayPath: "2-good.xlsx", into: aloneSink)
    var files: [SourceFile] = []
    let tally = try importer.importFiles(
      [
        ImportInput(path: damaged, displayPath: "1-damaged.xlsx"),
        ImportInput(path: stored, displayPath: "2-good.xlsx"),
        ImportInput(path: damaged, displayPath: "3-damaged-again.xlsx"),
      ], into: sink, workers: workers, starting: { _ in nil }, finished: { _, file in files.append(file) })
    try #require(files.count == 3)
    #expect(tally.readAhead == (workers > 1 ? 3 : 0), "with more than one thread every file is read ahead")
    expectRefusedForItsChecksum(files[0])
    #expect(files[1].status == .read && files[1].tally.duplicates == 0 && files[1].tally.accepted > 200)
    // The third is the first's bytes: refused like it, its account a copy's.
    #expect(files[2].status == .refused)
    #expect(sink.sales.count == aloneSink.sales.count && sink.rejections.count == aloneSink.rejections.count)
    #expect(sink.sales.allSatisfy { $0.source.file == "2-good.xlsx" })
    #expect(sink.rejections.allSatisfy { $0.source.file == "2-good.xlsx" })
  }

  /// A workbook whose named sheet (the one a profile reads: Shopee's income report, `Doanh thu`) turns
  /// out damaged at its end is refused as damaged, not passed on to the next way of reading it (which
  /// would report that no profile matches, or take in what the damaged sheet delivered).
  @Test func aDamagedNamedSheetIsRefusedAsDamaged() throws {
    let temp = try TemporaryFolder()
    let income = Samples.folder.appendingPathComponent(
      "exports/2026-10/Income.da_phat_hanh.vn.20261001_20261031.xlsx"
    ).path
    let damaged = temp.path("income.xlsx")
    try WorkbookBuilder.storedCopy(of: income, to: damaged)
    let good = try makeImporter().importFile(at: damaged, displayPath: "income.xlsx", into: CollectingSink())
    #expect(good.status == .read && good.profile == "shopee-income")
    try WorkbookBuilder.changeLastValue(in: damaged)  // in xl/worksheets/sheet4.xml, `Doanh thu`
    let sink = CollectingSink()
    let file = try makeImporter().importFile(at: damaged, displayPath: "income.xlsx", into: sink)
    #expect(file.status == .refused)
    #expect(file.message?.contains("xl/worksheets/sheet4.xml: its bytes do not match their recorded CRC-32") == true)
    #expect(sink.sales.isEmpty && sink.rejections.isEmpty && sink.costs.isEmpty && sink.spend.isEmpty)
  }

  /// A file too large to hold apart is read through once, then again into the run. Should it change
  /// between the two (here it is damaged as soon as its first line reaches the run), what it delivered
  /// cannot be taken back: the import stops with `ExportChangedWhileRead` (the run's exit 74).
  @Test func aFileReadTwiceThatFailsTheSecondTimeStopsTheRun() throws {
    let temp = try TemporaryFolder()
    let (stored, _) = try workbooks(in: temp)
    var settings = try makeImporter().settings
    settings.largestHeldApart = 0
    let importer = FileImporter(profiles: try ProfileSet.load(), settings: settings)
    let sink = DamagingSink(path: stored)
    #expect {
      _ = try importer.importFile(at: stored, displayPath: "changing.xlsx", into: sink)
    } throws: { error in
      guard let error = error as? ExportChangedWhileRead, case .notAWorkbook(let detail) = error.refusal else {
        return false
      }
      return error.file == "changing.xlsx" && detail.contains("do not match their recorded CRC-32 checksum")
    }
    #expect(sink.damaged)
    // Damaged for good, the file is refused on its first reading, like any damaged file.
    let again = try FileImporter(profiles: try ProfileSet.load(), settings: settings).importFile(
      at: stored, displayPath: "changed.xlsx", into: CollectingSink())
    #expect(again.status == .refused)
  }
}

/// Damages the workbook it is fed from as soon as the first line reaches it (the last cell's digit
/// changed in place: its part's checksum then fails at its end).
private final class DamagingSink: ImportSink {
  let path: String
  private(set) var damaged = false
  init(path: String) { self.path = path }
  private func damage() {
    guard !damaged else { return }
    damaged = true
    try? WorkbookBuilder.changeLastValue(in: path)
  }
  func accept(_ line: SaleLine) { damage() }
  func accept(_ entry: CostEntry) { damage() }
  func accept(_ line: SpendLine) { damage() }
  func reject(_ rejection: Rejection) { damage() }
}
