import Testing

@testable import AOPLedger

/// Costs for lines that name products instead of giving a known SKU, and for orders listed as items in
/// one cell (expected figures worked out by hand in the comments).
@Suite struct CostByNameTests {
  let ref = SourceRef(file: "f.csv", line: 2, profile: "p")
  func day(_ text: String) -> Day { Day(iso: text)! }
  func money(_ n: Int64) -> Money { Money(minorUnits: n) }
  var march: [Month] { [Month(text: "2026-03")!] }

  func cost(_ sku: String, _ c: Int64, name: String? = nil, group: String? = nil, from: String? = nil) -> CostEntry {
    CostEntry(
      sku: sku, unitCost: money(c), effectiveFrom: from.map(day), productName: name, productGroup: group, source: ref)
  }

  func sale(_ date: String, _ order: String, sku: String?, name: String, _ qty: Int, _ revenue: Int64) -> SaleLine {
    SaleLine(
      day: day(date), channel: "web", orderID: order, sku: sku ?? SaleLine.noSKUPrefix + name, productName: name,
      quantity: qty,
      netRevenue: money(revenue), isReturn: qty < 0, source: ref)
  }

  func listed(_ date: String, _ order: String, _ cell: String, _ items: ItemList, _ qty: Int, _ revenue: Int64)
    -> SaleLine
  {
    SaleLine(
      day: day(date), channel: "web", orderID: order, sku: cell, productName: "", quantity: qty,
      netRevenue: money(revenue),
      isReturn: qty < 0, items: items, source: ref)
  }

  static let similac = "Sữa Similac 5G số 1 900g"
  static let khan = "Khăn sữa xô 6 lớp (5 cái)"

  @Test func aLineWithoutAKnownSKUIsCostedByItsNameWithTheDatedRules() throws {
    var ledger = Ledger(keepingLinesUpTo: 100)
    ledger.add(cost("SIM-1", 400, name: Self.similac, group: "Sữa"))
    ledger.add(cost("SIM-1", 420, from: "2026-03-15"))
    ledger.add(cost("KHAN", 30, name: Self.khan, group: "Khăn"))
    // No SKU; the name differs in case and white space only: 2 × 400 (before the 15th).
    ledger.add(sale("2026-03-10", "1", sku: nil, name: "sữa similac 5G  số 1 900G", 2, 1000))
    // A SKU no cost source lists (a marketplace's own), with the product's name: 1 × 420 (from the 15th).
    ledger.add(sale("2026-03-20", "2", sku: "SHOPEE-SIM", name: Self.similac, 1, 500))
    ledger.add(sale("2026-03-01", "3", sku: "KHAN", name: "whatever", 1, 50))  // by SKU: 30
    ledger.add(sale("2026-03-02", "4", sku: nil, name: "Bình sữa lạ", 1, 70))  // no SKU, no such name
    ledger.add(sale("2026-03-03", "5", sku: "X1", name: "Không có", 1, 90))  // unknown SKU, unknown name
    let r = ledger.rollUp()
    let f = r.figures(months: march)
    #expect(f.revenue == money(1710))
    #expect(f.coveredRevenue == money(1550))
    #expect(f.cogs == money(800 + 420 + 30))
    #expect(r.figures(months: march, productGroup: "Sữa").revenue == money(1500))  // the name's SKU's group
    #expect(
      r.uncosted(months: march) == [
        Rollup.UncostedSKU(sku: "X1", productName: "Không có", reason: .noMatch, revenue: money(90), units: 1),
        Rollup.UncostedSKU(
          sku: "(no SKU) Bình sữa lạ", productName: "Bình sữa lạ", reason: .noSKU, revenue: money(70), units: 1),
      ])
    // The data sheet's lines carry the same costs and groups as the roll-up.
    let lines = ledger.keptLines
    #expect(lines.compactMap { ledger.cogs(of: $0) }.reduce(Money.zero, +) == money(1250))
    #expect(lines.map { ledger.productGroup(of: $0) } == ["Sữa", "Sữa", "Khăn", Rollup.noGroup, Rollup.noGroup])
  }

  @Test func aNameOfSeveralSKUsIsCostedOnlyWhenTheirCostsAgree() throws {
    var ledger = Ledger()
    ledger.add(cost("YEM-A", 40, name: "Yếm"))
    ledger.add(cost("YEM-B", 55, name: "yếm"))
    ledger.add(cost("BIB-1", 20, name: "Bib"))
    ledger.add(cost("BIB-2", 20, name: "Bib"))
    ledger.add(cost("NEW", 10, name: "Mới", from: "2026-04-01"))
    ledger.add(sale("2026-03-05", "1", sku: nil, name: "Yếm", 1, 100))  // 40 or 55: ambiguous
    ledger.add(sale("2026-03-05", "2", sku: nil, name: "Bib", 2, 60))  // 20 either way: 40
    ledger.add(sale("2026-03-05", "3", sku: nil, name: "Mới", 1, 30))  // known, but costed from April only
    let r = ledger.rollUp()
    #expect(r.figures(months: march).cogs == money(40))
    #expect(r.uncosted(months: march).map(\.reason) == [.ambiguousName, .noCostYet])
    var book = CostBook()
    book.add(cost("YEM-A", 40, name: "Yếm"))
    book.add(cost("YEM-B", 40, name: "Yếm", from: "2026-03-10"))
    // Before the 10th only YEM-A has a cost: which of the two was sold cannot be told.
    #expect(book.costing(sku: nil, name: "Yếm", on: day("2026-03-09")) == .none(.ambiguousName))
    #expect(book.costing(sku: nil, name: "Yếm", on: day("2026-03-10")) == .byName(money(40)))
    #expect(book.costing(sku: "YEM-A", name: "", on: day("2026-03-01")) == .bySKU(money(40)))
  }

  @Test func anOrderListedAsItemsIsCostedItemByItem() throws {
    var ledger = Ledger(keepingLinesUpTo: 100)
    ledger.add(cost("SIM-1", 400, name: Self.similac, group: "Sữa"))
    ledger.add(cost("SIM-1", 420, from: "2026-03-15"))
    ledger.add(cost("KHAN", 30, name: Self.khan, group: "Khăn"))
    ledger.add(cost("SET", 45, name: "Set mũ, yếm, bao tay", group: "Quần áo"))
    let two = ItemList(items: [.init(quantity: 2, name: Self.similac), .init(quantity: 1, name: Self.khan)])
    let one = ItemList(items: [.init(quantity: 1, name: Self.similac)])
    // 2 × 400 + 30 = 830; groups Sữa and Khăn: the order's revenue is not split, it is "mixed".
    ledger.add(listed("2026-03-01", "1", "2× S, 1× K", two, 3, 1000))
    // After the cost change: 420, and its refund on the 20th returns 420.
    ledger.add(listed("2026-03-16", "2", "1× S", one, 1, 480))
    ledger.add(listed("2026-03-20", "2", "1× S", one, -1, -480))
    // A name with the separator in it, which a cost source names: 45.
    ledger.add(
      listed(
        "2026-03-05", "3", "1× Set mũ, yếm, bao tay",
        ItemList(items: [.init(quantity: 1, name: "Set mũ, yếm, bao tay", joined: true)]), 1, 90))
    // One no cost source names: the cell cannot be split without guessing.
    ledger.add(
      listed(
        "2026-03-06", "4", "1× Quà, gói đẹp", ItemList(items: [.init(quantity: 1, name: "Quà, gói đẹp", joined: true)]),
        1, 100))
    // Items adding up to 3 where the row says 4.
    ledger.add(listed("2026-03-07", "5", "2× S, 1× K", two, 4, 1000))
    // Two items without a cost: the order's 1001 shared 3 : 1 by units → 750.75 / 250.25 → 751 / 250.
    let mystery = ItemList(items: [
      .init(quantity: 1, name: Self.khan), .init(quantity: 3, name: "Bí ẩn"), .init(quantity: 1, name: "Bí ẩn 2"),
    ])
    ledger.add(listed("2026-03-08", "6", "1× K, 3× B, 1× B2", mystery, 5, 1001))
    ledger.add(listed("2026-03-09", "7", "Thẻ quà tặng", ItemList(unreadable: "not an item"), 1, 500))
    // Unknown joined name and units that disagree: said once, as the units disagreeing (nothing listed).
    ledger.add(
      listed(
        "2026-03-10", "8", "1× Hộp, quà", ItemList(items: [.init(quantity: 1, name: "Hộp, quà", joined: true)]), 3, 77))
    let r = ledger.rollUp()
    let f = r.figures(months: march)
    #expect(f.revenue == money(3691 + 77))
    #expect(f.coveredRevenue == money(1000 + 480 - 480 + 90))
    #expect(f.cogs == money(830 + 420 - 420 + 45))
    #expect(f.units == 15 + 3)
    #expect(f.orders == 8)
    #expect(r.figures(months: march, productGroup: Rollup.mixedGroup).revenue == money(3001))
    #expect(r.figures(months: march, productGroup: "Quần áo").cogs == money(45))
    #expect(
      r.uncosted(months: march) == [
        Rollup.UncostedSKU(sku: "2× S, 1× K", productName: "", reason: .itemsDisagree, revenue: money(1000), units: 4),
        Rollup.UncostedSKU(
          sku: "(no SKU) Bí ẩn", productName: "Bí ẩn", reason: .noSKU, revenue: money(751), units: 3,
          sharedFromItemLists: true),
        Rollup.UncostedSKU(
          sku: "Thẻ quà tặng", productName: "", reason: .unreadableItems, revenue: money(500), units: 1),
        Rollup.UncostedSKU(
          sku: "(no SKU) Bí ẩn 2", productName: "Bí ẩn 2", reason: .noSKU, revenue: money(250), units: 1,
          sharedFromItemLists: true),
        Rollup.UncostedSKU(
          sku: "1× Quà, gói đẹp", productName: "", reason: .unknownJoinedName, revenue: money(100), units: 1),
        Rollup.UncostedSKU(sku: "1× Hộp, quà", productName: "", reason: .itemsDisagree, revenue: money(77), units: 3),
      ])
    // Line by line (the data sheet) the same cost of goods and covered revenue.
    let lines = ledger.keptLines
    #expect(lines.compactMap { ledger.cogs(of: $0) }.reduce(Money.zero, +) == money(875))
    #expect(lines.filter { ledger.cogs(of: $0) != nil }.map(\.netRevenue).reduce(Money.zero, +) == money(1090))
    #expect(ledger.cogs(of: lines[2]) == money(-420))
    #expect(ledger.productGroup(of: lines[0]) == Rollup.mixedGroup)
    #expect(ledger.productGroup(of: lines[1]) == "Sữa")
    // Group by group, the lines (what the data sheet's SUMIFS add up) give the roll-up's figures.
    for group in Set(lines.map { ledger.productGroup(of: $0) }) {
      let mine = lines.filter { ledger.productGroup(of: $0) == group }
      let rolled = r.figures(months: march, productGroup: group)
      #expect(mine.map(\.netRevenue).reduce(Money.zero, +) == rolled.revenue, "\(group)")
      #expect(mine.compactMap { ledger.cogs(of: $0) }.reduce(Money.zero, +) == rolled.cogs, "\(group)")
      #expect(
        mine.filter { ledger.cogs(of: $0) != nil }.map(\.netRevenue).reduce(Money.zero, +) == rolled.coveredRevenue,
        "\(group)")
      #expect(mine.map(\.quantity).reduce(0, +) == rolled.units, "\(group)")
    }
  }

  @Test func aSKUNoCostSourceListsIsNotCostedByNameWhenItCameWithSeveralNames() throws {
    var ledger = Ledger()
    ledger.add(cost("KHAN", 30, name: Self.khan))
    ledger.add(cost("YEM", 40, name: "Yếm"))
    // A marketplace's placeholder SKU under two products: neither cost may be taken for both.
    ledger.add(sale("2026-03-02", "1", sku: "SHOP-1", name: Self.khan, 1, 50))
    ledger.add(sale("2026-03-03", "2", sku: "SHOP-1", name: "Yếm", 1, 70))
    // Under one name (written two ways), it is costed by it.
    ledger.add(sale("2026-03-04", "3", sku: "SHOP-2", name: "Yếm", 1, 60))
    ledger.add(sale("2026-03-05", "4", sku: "SHOP-2", name: " yếm ", 1, 60))
    let r = ledger.rollUp()
    #expect(r.figures(months: march).cogs == money(80))
    #expect(
      r.uncosted(months: march) == [
        Rollup.UncostedSKU(
          sku: "SHOP-1", productName: Self.khan, reason: .skuOfSeveralNames, revenue: money(120), units: 2)
      ])
  }

  @Test func itemQuantitiesThatDoNotAddUpAreNeverMultipliedOut() throws {
    // Items of a billion units each at the largest unit cost, on a row of one unit: the list is not
    // costed (its units are not the row's), so no product of them is ever computed.
    var ledger = Ledger(keepingLinesUpTo: 10)
    ledger.add(cost("A", 1_000_000_000_000_000, name: "A"))
    let huge = ItemList(items: [.init(quantity: 1_000_000_000, name: "A"), .init(quantity: 1_000_000_000, name: "A")])
    ledger.add(listed("2026-03-02", "1", "1000000000× A, 1000000000× A", huge, 1, 500))
    let r = ledger.rollUp()
    #expect(r.figures(months: march).cogs == .zero)
    #expect(r.uncosted(months: march).map(\.reason) == [.itemsDisagree])
    #expect(ledger.cogs(of: ledger.keptLines[0]) == nil)
    #expect(ledger.productGroup(of: ledger.keptLines[0]) == Rollup.noGroup)
  }

  @Test func namesMatchIgnoringCaseAndWhiteSpaceAndABlankNameMatchesNothing() {
    #expect(ProductName.key("  Sữa  Similac\t5G ") == ProductName.key("sữa similac 5g"))
    #expect(ProductName.key("Sữa A") != ProductName.key("Sữa B"))
    var book = CostBook()
    book.add(cost("BLANK", 10, name: "   "))
    book.add(cost("NFC", 20, name: "Sữa"))
    #expect(book.skus(named: " ").isEmpty)
    #expect(book.costing(sku: nil, name: "\t", on: day("2026-03-01")) == .none(.noSKU))
    // A name written decomposed (NFD) in one export and composed in the cost list is the same product.
    #expect(book.costing(sku: nil, name: "Su\u{031B}\u{0303}a", on: day("2026-03-01")) == .byName(money(20)))
  }
}
