import Testing

@testable import AOPLedger

@Suite struct LedgerTests {
  let ref = SourceRef(file: "f.csv", line: 2, profile: "p")
  func day(_ text: String) -> Day { Day(iso: text)! }
  func sale(
    _ date: String, _ channel: String, _ order: String, _ sku: String, _ qty: Int, _ revenue: Int64, cost: Int64? = nil,
    isReturn: Bool = false
  ) -> SaleLine {
    SaleLine(
      day: day(date), channel: channel, orderID: order, sku: sku, productName: sku, quantity: qty,
      netRevenue: Money(minorUnits: revenue), unitCost: cost.map { Money(minorUnits: $0) }, isReturn: isReturn,
      source: ref)
  }

  @Test func fileAccountsAddUpRowByKind() {
    var a = FileTally(read: 10, accepted: 6, rejected: 1, duplicates: 2, skipped: 1)
    a += FileTally(read: 7, accepted: 3, rejected: 2, duplicates: 0, skipped: 2)
    #expect(a == FileTally(read: 17, accepted: 9, rejected: 3, duplicates: 2, skipped: 3))
    #expect(a.balances)
  }

  @Test func spendOverARangeIsSpreadOverItsDays() throws {
    // 31 Jan and 1–2 Feb: 100 over 3 days → 34, 33, 33: January gets 34, February 66.
    let line = SpendLine(
      firstDay: day("2026-01-31"), lastDay: day("2026-02-02"), channel: "web", amount: Money(minorUnits: 100),
      label: "x", source: ref)
    let parts = line.spreadByMonth()
    #expect(parts.map(\.0.description) == ["2026-01", "2026-02"])
    #expect(parts.map(\.1.minorUnits) == [34, 66])
  }

  @Test func theCostKnownOnTheSaleDateApplies() {
    var book = CostBook()
    book.add(CostEntry(sku: "A", unitCost: Money(minorUnits: 100), source: ref))
    book.add(CostEntry(sku: "A", unitCost: Money(minorUnits: 130), effectiveFrom: day("2026-07-01"), source: ref))
    book.add(CostEntry(sku: "A", unitCost: Money(minorUnits: 120), effectiveFrom: day("2026-03-10"), source: ref))
    #expect(book.unitCost(of: "A", on: day("2026-03-09"))?.minorUnits == 100)
    #expect(book.unitCost(of: "A", on: day("2026-03-10"))?.minorUnits == 120)
    #expect(book.unitCost(of: "A", on: day("2026-06-30"))?.minorUnits == 120)
    #expect(book.unitCost(of: "A", on: day("2026-07-01"))?.minorUnits == 130)
    #expect(book.unitCost(of: "B", on: day("2026-07-01")) == nil)
  }

  @Test func rollUpCostsCoverageOrdersAndReturns() throws {
    var ledger = Ledger()
    ledger.add(CostEntry(sku: "A", unitCost: Money(minorUnits: 60), productGroup: "Milk", source: ref))
    ledger.add(CostEntry(sku: "A", unitCost: Money(minorUnits: 70), effectiveFrom: day("2026-03-15"), source: ref))
    ledger.add(sale("2026-03-01", "store", "HD1", "A", 2, 200))  // cost 2 × 60
    ledger.add(sale("2026-03-20", "store", "HD2", "A", 1, 100))  // cost 1 × 70
    ledger.add(sale("2026-03-20", "store", "HD2", "B", 1, 50))  // no cost known
    ledger.add(sale("2026-03-21", "shopee", "S1", "C", 3, 90, cost: 10))  // the line states its own cost
    ledger.add(sale("2026-03-25", "store", "TH1", "A", -1, -100, isReturn: true))  // return: cost −70
    ledger.add(
      SpendLine(
        firstDay: day("2026-03-01"), lastDay: day("2026-03-31"), channel: "shopee", amount: Money(minorUnits: 31),
        label: "", source: ref))
    let r = ledger.rollUp()
    let march = [try #require(Month(text: "2026-03"))]
    let all = r.figures(months: march)
    #expect(all.revenue.minorUnits == 340)
    #expect(all.coveredRevenue.minorUnits == 290)
    #expect(all.cogs.minorUnits == 120 + 70 + 30 - 70)
    #expect(all.units == 6)
    #expect(all.orders == 3)  // HD1, HD2, S1: a return document is not an order
    #expect(all.marketing.minorUnits == 31)
    #expect(all.grossMargin == Ratio(numerator: 290 - 150, denominator: 290))
    #expect(all.costCoverage == Ratio(numerator: 290, denominator: 340))
    #expect(r.figures(months: march, channel: "store").revenue.minorUnits == 250)
    #expect(r.figures(months: march, productGroup: "Milk").revenue.minorUnits == 200)
    #expect(
      r.uncosted(months: march) == [
        Rollup.UncostedSKU(sku: "B", productName: "B", reason: .noMatch, revenue: Money(minorUnits: 50), units: 1)
      ])
  }

  @Test func aMonthWhereReturnsExceedSales() throws {
    var ledger = Ledger()
    ledger.add(CostEntry(sku: "A", unitCost: Money(minorUnits: 60), source: ref))
    ledger.add(sale("2026-04-02", "store", "HD9", "A", 1, 100))
    ledger.add(sale("2026-04-03", "store", "TH9", "A", -3, -300, isReturn: true))
    let f = ledger.rollUp().figures(months: [try #require(Month(text: "2026-04"))])
    #expect(f.revenue.minorUnits == -200)
    #expect(f.units == -2)
    #expect(f.cogs.minorUnits == -120)
    // (−200 − −120) / −200 = 40%: a ratio of two negative sums, computed from the sums.
    #expect(f.grossMargin == Ratio(numerator: -80, denominator: -200))
  }

  @Test func linesAreKeptUpToTheLimitAndNoneOncePastIt() throws {
    var ledger = Ledger(keepingLinesUpTo: 2)
    ledger.add(sale("2026-04-01", "store", "1", "A", 1, 100))
    ledger.add(sale("2026-04-02", "store", "2", "A", 1, 100))
    #expect(ledger.keptLines.count == 2 && !ledger.linesTruncated)
    ledger.add(sale("2026-04-03", "store", "3", "A", 1, 100))
    ledger.add(sale("2026-04-04", "store", "4", "A", 1, 100))
    // Past the limit the sheet shows sums, so the lines kept so far are let go (memory stays flat).
    #expect(ledger.keptLines.isEmpty && ledger.linesTruncated && ledger.lineCount == 4)
    #expect(ledger.rollUp().figures(months: [try #require(Month(text: "2026-04"))]).revenue.minorUnits == 400)
    var spend = Ledger(keepingLinesUpTo: 1)
    for d in ["2026-04-01", "2026-04-02"] {
      spend.add(
        SpendLine(
          firstDay: day(d), lastDay: day(d), channel: "web", amount: Money(minorUnits: 5), label: "x", source: ref))
    }
    #expect(spend.keptSpend.isEmpty && spend.spendTruncated && spend.spendCount == 2)
  }
}

@Suite struct RejectedRowsTests {
  @Test func allAreCountedTheFirstKeptAndLongTextCut() {
    var rows = RejectedRows(limit: 2)
    let long = String(repeating: "x", count: 10_000)
    for line in 1...5 {
      rows.add(
        Rejection(
          source: SourceRef(file: "f", line: line, profile: "p"), column: nil, reason: .negativeUnitCost,
          rawText: line == 1 ? long : "ok"))
    }
    #expect(rows.count == 5)
    #expect(rows.kept.map(\.source.line) == [1, 2])
    #expect(rows.notKept == 3)
    #expect(rows.kept[0].rawText.hasPrefix(String(repeating: "x", count: 2_000) + " …[cut"))
    #expect(rows.kept[1].rawText == "ok")
    var more = RejectedRows(limit: 3)
    more.append(contentsOf: rows)
    #expect(more.count == 5 && more.kept.count == 2)
  }
}
