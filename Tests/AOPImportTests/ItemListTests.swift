import AOPLedger
import AOPTestSupport
import Foundation
import Testing

@testable import AOPImport

/// Orders whose export lists the items in one cell (WooCommerce's `Product(s)`), read by the profile's
/// `[items]` and costed by product name.
@Suite struct ItemListTests {
  func format(_ pattern: String = "{quantity}× {name}", _ separator: String = ", ") throws -> ItemListFormat {
    try ItemListFormat(pattern: pattern, separator: separator)
  }

  @Test func cellsReadAsItemsByThePatternAndSeparator() throws {
    let woo = try format()
    let two = woo.parse("2× Sữa Similac 5G số 1 900g, 1× Khăn sữa xô 6 lớp (5 cái)")
    #expect(
      two.items == [
        .init(quantity: 2, name: "Sữa Similac 5G số 1 900g"), .init(quantity: 1, name: "Khăn sữa xô 6 lớp (5 cái)"),
      ])
    // The other reading, which the ledger checks against the cost sources' names.
    #expect(two.otherReadings == ["Sữa Similac 5G số 1 900g, 1× Khăn sữa xô 6 lớp (5 cái)"])
    // A piece that is no item continues the previous item's name: marked, to be taken only if known.
    let joined = woo.parse("1× Set mũ, yếm, bao tay, 12× Khăn ướt")
    #expect(
      joined.items == [
        .init(quantity: 1, name: "Set mũ, yếm, bao tay", joined: true), .init(quantity: 12, name: "Khăn ướt"),
      ])
    #expect(joined.otherReadings == ["Set mũ, yếm, bao tay, 12× Khăn ướt"])
    #expect(woo.parse("Thẻ quà tặng, 1× Yếm").unreadable == "`Thẻ quà tặng` is not an item like `{quantity}× {name}`")
    #expect(woo.parse("0× Yếm").unreadable == "`0× Yếm`: `0` is not a number of units from 1 to 1000000000")
    // A bad quantity in a later piece is said as such, not taken for part of a name.
    #expect(woo.parse("1× Yếm, 0× Khăn").unreadable == "`0× Khăn`: `0` is not a number of units from 1 to 1000000000")
    #expect(
      woo.parse("1× Yếm, 2000000000× Khăn").unreadable
        == "`2000000000× Khăn`: `2000000000` is not a number of units from 1 to 1000000000")
    #expect(woo.parse("99999999999× Yếm").unreadable != nil)
    #expect(woo.parse("600000000× Yếm, 600000000× Khăn").unreadable == "the items add up to more than 1000000000 units")
    #expect(woo.parse("× Yếm").unreadable != nil)  // no quantity
    #expect(woo.parse("2× ").unreadable != nil)  // no name
    #expect(woo.parse(" , ").unreadable == "no items listed")
    #expect(woo.parse("").unreadable == "no items listed")
    // Line breaks around pieces are white space.
    #expect(
      try format("{quantity}× {name}", ",").parse("2× Yếm,\n1× Khăn\n").items == [
        .init(quantity: 2, name: "Yếm"), .init(quantity: 1, name: "Khăn"),
      ])
    // The name first, another separator; a piece without a quantity begins the next item's name.
    let other = try format("{name} (x{quantity})", "; ")
    #expect(
      other.parse("Yếm (x2); Bình (sữa) (x1)").items == [
        .init(quantity: 2, name: "Yếm"), .init(quantity: 1, name: "Bình (sữa)"),
      ])
    let nameFirst = try format("{name} (x{quantity})", ", ").parse("Bình (x2), Set mũ, yếm (x1)")
    #expect(
      nameFirst.items == [.init(quantity: 2, name: "Bình"), .init(quantity: 1, name: "Set mũ, yếm", joined: true)])
    #expect(nameFirst.otherReadings == ["Bình (x2), Set mũ, yếm"])
    #expect(
      try format("{name} (x{quantity})", ", ").parse("Bình (x2), Set mũ").unreadable
        == "`Set mũ` is not an item like `{name} (x{quantity})`")
    #expect(try format("{quantity} x {name}", " | ").parse("3 x Tã L | 1 x Yếm").units == 4)
  }

  @Test func patternsThatCannotBeReadAreRefused() throws {
    #expect(throws: ItemListFormat.Invalid.self) { try format("{quantity}×") }
    #expect(throws: ItemListFormat.Invalid.self) { try format("{quantity}{name}") }
    #expect(throws: ItemListFormat.Invalid.self) { try format("{quantity}× {name} {name}") }
    #expect(throws: ItemListFormat.Invalid.self) { try format("{quantity}× {name}", " ") }
    #expect(throws: ItemListFormat.Invalid.self) { try format("{quantity}, {name}", ", ") }
  }

  @Test func aProfileDeclaresItsItemsOrIsRefused() throws {
    let folder = try TemporaryFolder()
    let base = """
      id = "shop"
      kind = "sales"
      channel = "web"
      [match]
      headers = ["a"]
      [columns]
      order_id = "a"
      date = "b"
      quantity = "d"
      line_net = "e"
      """
    func problem(_ extra: String) throws -> String? {
      let path = try folder.write(
        "p\(extra.hashValue).toml", base + "\n" + extra + "\n[identity]\nfields = [\"order_id\"]\n")
      do {
        _ = try Profile.load(from: URL(fileURLWithPath: path))
        return nil
      } catch let ProfileError.invalid(_, key, problem) {
        return "\(key): \(problem)"
      }
    }
    #expect(
      try problem("items = \"c\"")
        == "items: the `items` column is mapped: say how it lists items, e.g. pattern = \"{quantity}× {name}\" and separator = \", \""
    )
    #expect(
      try problem("sku = \"c\"\n[items]\npattern = \"{quantity}× {name}\"\nseparator = \", \"")
        == "items: an [items] table is given but no `items` column is mapped")
    #expect(
      try problem("items = \"c\"\nsku = \"f\"\n[items]\npattern = \"{quantity}× {name}\"\nseparator = \", \"")
        == "columns.sku: an `items` column lists the products: map it or `sku`, not both")
    #expect(
      try problem("items = \"c\"\n[items]\npattern = \"{name}\"\nseparator = \", \"")?.hasPrefix(
        "items.pattern: `{name}` must hold {quantity} and {name} once each") == true)
    #expect(try problem("items = \"c\"\n[items]\npattern = \"{quantity}× {name}\"\nseparator = \", \"") == nil)
    #expect(try problem("") == "columns.sku: missing: a sales profile must map sku or items")
  }

  /// A WooCommerce month against a generic cost list, as a shop would have them; the figures worked out
  /// by hand from the two files.
  @Test func aWooCommerceMonthIsCostedByName() throws {
    let folder = try TemporaryFolder()
    let costs = try folder.write(
      "costs.csv",
      """
      sku,unit_cost,effective_from,product_name,product_group
      SIM-1,400000,,Sữa Similac 5G số 1 900g,Sữa
      SIM-1,420000,2026-03-15,Sữa Similac 5G số 1 900g,Sữa
      KHAN-6,30000,,Khăn sữa xô 6 lớp (5 cái),Khăn
      SET-MU,45000,,"Set mũ, yếm, bao tay sơ sinh",Quần áo
      YEM-A,40000,,Yếm ăn dặm,Quần áo
      YEM-B,55000,,Yếm ăn dặm,Quần áo

      """)
    let orders = try folder.write(
      "orders.csv",
      """
      Date,Order #,Status,Customer,Customer type,Payment method,Product(s),Items sold,Coupon(s),Net sales,Attribution
      2026-03-02 09:00:00,2001,completed,Chị Mai,new,Card,"2× Sữa Similac 5G số 1 900g, 1× Khăn sữa xô 6 lớp (5 cái)",3,,1060000.00,Direct
      2026-03-16 10:00:00,2002,completed,Anh Tuấn,new,Card,1× Sữa Similac 5G số 1 900g,1,,520000.00,Direct
      2026-03-20 11:00:00,2002,refunded,Anh Tuấn,new,Card,1× Sữa Similac 5G số 1 900g,-1,,-520000.00,Direct
      2026-03-05 12:00:00,2003,completed,Chị Lan,new,Card,"1× Set mũ, yếm, bao tay sơ sinh, 2× Khăn sữa xô 6 lớp (5 cái)",3,,190000.00,Direct
      2026-03-06 13:00:00,2004,processing,Chị Ngọc,new,Card,1× Yếm ăn dặm,1,,89000.00,Direct
      2026-03-07 14:00:00,2005,failed,Chị Hà,new,Card,1× Khăn sữa xô 6 lớp (5 cái),1,,42000.00,Direct
      2026-03-08 15:00:00,2006,completed,Chị Thu,new,Card,,1,,50000.00,Direct

      """)
    let importer = try makeImporter()
    let sink = CollectingSink()
    let costFile = try importer.importFile(at: costs, displayPath: "costs.csv", into: sink)
    let wooFile = try importer.importFile(at: orders, displayPath: "orders.csv", into: sink)
    #expect(costFile.profile == "generic-costs" && wooFile.profile == "woocommerce-orders")
    #expect(wooFile.tally.accepted == 6 && wooFile.tally.skipped == 2 && wooFile.tally.rejected == 0)
    var ledger = Ledger(keepingLinesUpTo: 100)
    for cost in sink.costs { ledger.add(cost) }
    for sale in sink.sales { ledger.add(sale) }
    let march = ledger.rollUp().figures(months: [try #require(Month(text: "2026-03"))])
    // 2001: 2 × 400,000 + 30,000 = 830,000; 2002 at 420,000 (after the 15th) and its refund −420,000;
    // 2003: 45,000 + 2 × 30,000 = 105,000; 2004: "Yếm ăn dặm" is 40,000 or 55,000: uncosted; 2006 lists
    // nothing: booked, uncosted.
    #expect(march.revenue.minorUnits == 1_060_000 + 520_000 - 520_000 + 190_000 + 89_000 + 50_000)
    #expect(march.coveredRevenue.minorUnits == 1_060_000 + 190_000)
    #expect(march.cogs.minorUnits == 830_000 + 105_000)
    #expect(march.units == 3 + 1 - 1 + 3 + 1 + 1)
    #expect(march.orders == 5)
    let uncosted = ledger.rollUp().uncosted(months: [try #require(Month(text: "2026-03"))])
    #expect(
      uncosted == [
        Rollup.UncostedSKU(
          sku: "(no SKU) Yếm ăn dặm", productName: "Yếm ăn dặm", reason: .ambiguousName,
          revenue: Money(minorUnits: 89_000), units: 1, sharedFromItemLists: true),
        Rollup.UncostedSKU(
          sku: "", productName: "", reason: .unreadableItems, revenue: Money(minorUnits: 50_000), units: 1),
      ])
  }

  /// `1 Bộ quà, 3 món` under `{quantity} {name}`: two items, or one product named with the separator.
  @Test func aCellThatReadsTwoWaysIsNotCosted() throws {
    let list = try format("{quantity} {name}", ", ").parse("1 Bộ quà, 3 món")
    #expect(list.items == [.init(quantity: 1, name: "Bộ quà"), .init(quantity: 3, name: "món")])
    let ref = SourceRef(file: "f.csv", line: 2, profile: "p")
    let line = SaleLine(
      day: Day(iso: "2026-03-02")!, channel: "web", orderID: "1", sku: "1 Bộ quà, 3 món", productName: "", quantity: 4,
      netRevenue: Money(minorUnits: 300), items: list, source: ref)
    var plain = Ledger()
    plain.add(CostEntry(sku: "QUA", unitCost: Money(minorUnits: 50), productName: "Bộ quà", source: ref))
    plain.add(CostEntry(sku: "MON", unitCost: Money(minorUnits: 10), productName: "Món", source: ref))
    #expect(plain.cogs(of: line) == Money(minorUnits: 50 + 3 * 10))
    var twoWays = plain
    twoWays.add(CostEntry(sku: "BO-3", unitCost: Money(minorUnits: 70), productName: "Bộ quà, 3 món", source: ref))
    #expect(twoWays.cogs(of: line) == nil)
    twoWays.add(line)
    #expect(twoWays.rollUp().uncosted(months: [Month(text: "2026-03")!]).map(\.reason) == [.ambiguousItems])
  }
}
