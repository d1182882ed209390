import AOPLedger
import AOPTestSupport
import Foundation
import Testing

@testable import AOPImport

/// Rows nobody could have meant are never silently accepted: a date far from the review's years, a
/// quantity past the config's limit, a sale whose quantity and amount disagree in sign are counted as
/// warnings per file (accepted), or rejected where the profile says so.
@Suite struct ImplausibleRowTests {
  let folder: TemporaryFolder
  init() throws { folder = try TemporaryFolder() }

  static let orders =
    FileImporterTests.shopifyHeader + """
      #1,a,paid,VND,0,,0,2026-03-01 10:00:00 +0700,2,Tã,150000,TA-01,,\r
      #2,a,paid,VND,0,,0,2019-03-01 10:00:00 +0700,1,Tã,150000,TA-01,,\r
      #3,a,paid,VND,0,,0,2026-03-02 10:00:00 +0700,50000,Tã,1,TA-01,,\r
      #4,a,paid,VND,0,,0,2026-03-03 10:00:00 +0700,2,Tã,-100000,TA-01,,\r
      #5,a,paid,VND,0,,0,2031-01-01 10:00:00 +0700,1,Tã,150000,TA-01,,\r

      """

  func importer(_ profiles: ProfileSet? = nil) throws -> FileImporter {
    var settings = ImportSettings(currency: .vnd, channels: testChannels)
    settings.reviewYears = 2025...2026
    return FileImporter(profiles: try profiles ?? ProfileSet.load(), settings: settings)
  }

  @Test func implausibleRowsAreAcceptedAndCountedPerReason() throws {
    let sink = CollectingSink()
    let file = try importer().importFile(
      at: try folder.write("orders_export.csv", Self.orders), displayPath: "orders_export.csv", into: sink)
    #expect(sink.sales.count == 5)
    #expect(file.tally == FileTally(read: 6, accepted: 5, rejected: 0, duplicates: 0, skipped: 1))
    #expect(
      file.flags.map(\.description) == [
        "2 rows dated far from 2025–2026 (first: line 3, 2019-03-01)",
        "1 row of more than 10000 units (first: line 4, 50000)",
        "1 row whose quantity and amount have opposite signs (first: line 5, 2 / -200000)",
      ])
  }

  @Test func aProfileCanRejectThemInstead() throws {
    let mine = try TemporaryFolder()
    let builtIn = try String(
      contentsOf: try #require(ProfileSet.load().profile(id: "shopify-orders")).originURL, encoding: .utf8)
    try mine.write("shopify-orders.toml", builtIn + "\n[checks]\nimplausible = \"reject\"\n")
    let sink = CollectingSink()
    let file = try importer(ProfileSet.load(userFolders: [mine.url])).importFile(
      at: try folder.write("orders_export.csv", Self.orders), displayPath: "orders_export.csv", into: sink)
    #expect(sink.sales.count == 1)
    #expect(file.flags.isEmpty)
    #expect(sink.rejections.map(\.source.line) == [3, 4, 5, 6])
    #expect(sink.rejections[0].column == "Created at")
    #expect(
      sink.rejections[0].reason.description
        == "implausible: dated far from 2025–2026 (2019-03-01); the profile rejects such rows")
    #expect(sink.rejections[1].column == "Lineitem quantity")
    #expect(sink.rejections[2].column == "Lineitem price")
    #expect(file.tally.balances)
  }

  @Test func spendFarFromTheYearsIsFlaggedToo() throws {
    let sink = CollectingSink()
    let text =
      "date,category,amount,channel,description\n2026-03-01,Marketing,500000,web,ok\n1999-12-31,Marketing,400000,web,old\n"
    let file = try importer().importFile(
      at: try folder.write("expenses.csv", text), displayPath: "expenses.csv", into: sink)
    #expect(sink.spend.count == 2)
    #expect(file.flags.map(\.description) == ["1 row dated far from 2025–2026 (first: line 3, 1999-12-31)"])
  }
}

/// Cost lists are counted once, yet the latest said is the cost that applies: a list dropped again (a
/// duplicate, even a byte copy) makes its costs current again.
@Suite struct CostListRepeatTests {
  final class CostBookSink: ImportSink {
    var ledger = Ledger()
    var accepted = 0
    func accept(_ line: SaleLine) {}
    func accept(_ entry: CostEntry) {
      ledger.add(entry)
      if !entry.isRepeat { accepted += 1 }
    }
    func accept(_ line: SpendLine) {}
    func reject(_ rejection: Rejection) {}
  }

  @Test(arguments: [false, true])
  func aCostThatGoesUpAndBackDownAppliesTheLatest(julyIsAByteCopy: Bool) throws {
    let folder = try TemporaryFolder()
    let may = "sku,unit_cost\nTA-01,100000\nYE-02,5000\n"
    let june = "sku,unit_cost\nTA-01,120000\nYE-02,5000\n"
    let july = julyIsAByteCopy ? may : "sku,unit_cost\nYE-02,5000\nTA-01,100000\n"
    let importer = try makeImporter()
    let sink = CostBookSink()
    var files: [SourceFile] = []
    for (month, text) in [("05", may), ("06", june), ("07", july)] {
      files.append(
        try importer.importFile(
          at: try folder.write("2026-\(month)/costs.csv", text), displayPath: "2026-\(month)/costs.csv", into: sink))
    }
    #expect(sink.ledger.costs.unitCost(of: "TA-01", on: Day(iso: "2026-07-15")!) == Money(minorUnits: 100_000))
    // Counted once: May's two rows and June's changed cost are the records; the rest repeat them.
    #expect(sink.accepted == 3)
    #expect(files.map(\.tally.duplicates) == [0, 1, 2])
    #expect((files[2].message ?? "").hasPrefix("a copy of") == julyIsAByteCopy)
  }
}
