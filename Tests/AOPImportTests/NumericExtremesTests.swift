import AOPLedger
import AOPTestSupport
import Foundation
import Testing

@testable import AOPImport

/// Numbers nobody could have meant never crash the run or wrap around: the row is rejected with its
/// file, line and column ("amount too large"), and every row is still accounted for.
@Suite struct NumericExtremesTests {
  let folder: TemporaryFolder
  init() throws { folder = try TemporaryFolder() }

  static let header = "date,category,amount,channel,description\n"

  @Test func anAmountNear9e18IsRejectedNotATrap() throws {
    let text =
      Self.header + """
        2026-03-01,Marketing,9200000000000000000,web,past Int64
        2026-03-02,Marketing,9000000000000000000,web,under Int64 but absurd
        2026-03-03,Marketing,-99999999999999999999999,web,far past
        2026-03-04,Marketing,1000000000000000,web,at the limit
        2026-03-05,Marketing,1000000000000001,web,just past it
        2026-03-06,Marketing,500000,web,an ordinary amount

        """
    let path = try folder.write("expenses.csv", text)
    let sink = CollectingSink()
    let file = try makeImporter().importFile(at: path, displayPath: "expenses.csv", into: sink)
    #expect(file.profile == "generic-expenses")
    #expect(sink.spend.map(\.amount.minorUnits) == [1_000_000_000_000_000, 500_000])
    #expect(sink.rejections.map(\.source.line) == [2, 3, 4, 6])
    #expect(sink.rejections.allSatisfy { $0.column == "amount" && $0.reason.description.hasPrefix("amount too large") })
    #expect(
      sink.rejections[0].reason.description
        == "amount too large: `9200000000000000000` is more than 1,000,000,000,000,000 VND, the most one amount may be")
    #expect(file.tally == FileTally(read: 7, accepted: 2, rejected: 4, duplicates: 0, skipped: 1))
  }

  @Test func quantityTimesPriceBeyond64BitsIsRejected() throws {
    let text =
      FileImporterTests.shopifyHeader + """
        #1,a,paid,VND,0,,0,2026-03-01 10:00:00 +0700,4000000000,Tã,999999999999999,TA-01,,\r
        #2,a,paid,VND,0,,0,2026-03-01 10:00:00 +0700,3,Tã,400000000000000,TA-01,,\r
        #3,a,paid,VND,0,,0,2026-03-01 10:00:00 +0700,2000000000,Tã,5,TA-01,,\r
        #4,a,paid,VND,0,,0,2026-03-01 10:00:00 +0700,2,Tã,150000,TA-01,,\r

        """
    let path = try folder.write("orders_export.csv", text)
    let sink = CollectingSink()
    let file = try makeImporter().importFile(at: path, displayPath: "orders_export.csv", into: sink)
    #expect(sink.sales.map(\.netRevenue.minorUnits) == [300_000])
    #expect(sink.rejections.map(\.source.line) == [2, 3, 4])
    #expect(sink.rejections.map(\.column) == ["Lineitem quantity", "Lineitem price", "Lineitem quantity"])
    #expect(sink.rejections[0].reason.description == "quantity too large: `4000000000` is more than 1000000000 units")
    #expect(
      sink.rejections[1].reason.description
        == "amount too large: 3 × 400000000000000 is more than 1,000,000,000,000,000 VND, the most one amount may be")
    #expect(file.tally.balances)
  }

  @Test func theRunsTotalsStayWithinWhatAddsUpExactly() throws {
    // 1,000 payments of 10^15 add up to exactly 10^18, the run's limit; the next one is refused, in
    // the file order, as are units × unit costs beyond it.
    var text = Self.header
    for day in 0..<1_001 {
      text += "2026-03-\(day % 28 + 1 < 10 ? "0" : "")\(day % 28 + 1),Marketing,1000000000000000,web,p\(day)\n"
    }
    let importer = try makeImporter()
    let sink = CollectingSink()
    let file = try importer.importFile(
      at: try folder.write("a-expenses.csv", text), displayPath: "a-expenses.csv", into: sink)
    #expect(sink.spend.count == 1_000)
    #expect(sink.rejections.map(\.source.line) == [1_002])
    #expect(
      sink.rejections.first?.reason.description.hasPrefix("amount too large: with this line the run's amounts") == true)
    #expect(file.tally == FileTally(read: 1_002, accepted: 1_000, rejected: 1, duplicates: 0, skipped: 1))
    // Nothing more fits in this run; a fresh run starts from nothing.
    let more = try importer.importFile(
      at: try folder.write("b-expenses.csv", Self.header + "2026-04-01,Marketing,1,web,x\n"),
      displayPath: "b-expenses.csv", into: sink)
    #expect(more.tally.rejected == 1)
  }

  @Test func unitsTimesTheLargestUnitCostStayWithinTheLimit() throws {
    let importer = try makeImporter()
    let sink = CollectingSink()
    _ = try importer.importFile(
      at: try folder.write("a-costs.csv", "sku,unit_cost\nTA-01,1000000000000000\n"), displayPath: "a-costs.csv",
      into: sink)
    #expect(sink.costs.count == 1)
    let text =
      FileImporterTests.shopifyHeader + """
        #1,a,paid,VND,0,,0,2026-03-01 10:00:00 +0700,999,Tã,1,TA-01,,\r
        #2,a,paid,VND,0,,0,2026-03-01 10:00:00 +0700,2,Tã,1,TA-01,,\r

        """
    let file = try importer.importFile(
      at: try folder.write("b-orders_export.csv", text), displayPath: "b-orders_export.csv", into: sink)
    // 999 units × 10^15 fits; 1,001 units would not.
    #expect(sink.sales.map(\.quantity) == [999])
    #expect(sink.rejections.map(\.source.line) == [3])
    #expect(file.tally.balances)
  }

  @Test func oneHugeOrderIsAllocatedAndBoundedNotATrap() throws {
    // 20,000 lines of 10^15 in one order with a discount: the allocation's weights add up past 64 bits.
    var text =
      FileImporterTests.shopifyHeader
      + "#1,a,paid,VND,0,TET,1000000,2026-03-01 10:00:00 +0700,1,Tã,1000000000000000,TA-01,,\r\n"
    for i in 1..<20_000 { text += "#1,,,,,,,2026-03-01 10:00:00 +0700,1,Tã,1000000000000000,TA-\(i),,\r\n" }
    let sink = CollectingSink()
    let file = try makeImporter().importFile(
      at: try folder.write("orders_export.csv", text), displayPath: "orders_export.csv", into: sink)
    #expect(file.tally.accepted + file.tally.rejected == 20_000)
    #expect(file.tally.accepted == 1_000)  // the run's limit of 10^18
    #expect(
      sink.rejections.allSatisfy {
        $0.reason.description.hasPrefix("amount too large: with this line the run's amounts")
      })
    #expect(file.tally.balances)
  }

  @Test func spreadsheetNumberCellsWithExponentsAreExactOrTooLarge() {
    func parse(_ text: String) -> Result<DecimalNumber, NumberFormat.Failure> {
      NumberFormat.spreadsheetCell(Array(text.utf8)[...], roundedTo: 9)
    }
    #expect(parse("1.5E-2") == .success(DecimalNumber(significand: 15, scale: 3)))
    #expect(parse("1.5E+3") == .success(DecimalNumber(significand: 1500, scale: 0)))
    #expect(parse("150000.00000000003") == .success(DecimalNumber(significand: 150_000_000_000_000, scale: 9)))
    // Excel's form of a huge amount is read exactly (the amount's own limit then refuses it)…
    #expect(
      parse("9.2233720368547758E+18") == .success(DecimalNumber(significand: 9_223_372_036_854_775_800, scale: 0)))
    // …and past 64 bits it is too large.
    #expect(parse("9.3E+18") == .failure(.tooLarge))
    #expect(parse("1E+300") == .failure(.tooLarge))
    #expect(parse("1E-300") == .success(DecimalNumber(significand: 0, scale: 0)))
    #expect(parse("1E") == .failure(.notANumber))
    #expect(parse("1E+99999") == .failure(.notANumber))
  }
}
