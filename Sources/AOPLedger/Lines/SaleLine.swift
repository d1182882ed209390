/// One accepted sale (or return) line: what the shop earned for some goods on a day through a channel.
///
/// A return is a line with a negative quantity and negative revenue, booked on its own day.
public struct SaleLine: Hashable, Sendable {
  /// The most units one line may have sold or returned (a billion): beyond it a row is refused where it
  /// is read, so that no count of units can overflow.
  public static let quantityLimit = 1_000_000_000

  public var day: Day
  public var channel: String
  public var orderID: String
  public var sku: String
  public var productName: String
  /// Units sold; negative for a return.
  public var quantity: Int
  /// Net revenue: after line discounts and the line's share of order-level shop discounts.
  public var netRevenue: Money
  /// The unit cost stated on the line itself, where the export has it.
  public var unitCost: Money?
  public var isReturn: Bool
  /// The items of the order where the export lists them in one cell instead of a line per SKU; `sku`
  /// then holds the cell as written. Costed item by item, by name.
  public var items: ItemList?
  public var source: SourceRef

  /// What `sku` holds for a line whose export gave no SKU, before the product's name.
  public static let noSKUPrefix = "(no SKU) "

  /// False for a line whose export gave no SKU (only a product name) or an item list.
  public var hasSKU: Bool { items == nil && !sku.hasPrefix(Self.noSKUPrefix) }

  public init(
    day: Day, channel: String, orderID: String, sku: String, productName: String, quantity: Int,
    netRevenue: Money, unitCost: Money? = nil, isReturn: Bool = false, items: ItemList? = nil, source: SourceRef
  ) {
    self.day = day
    self.channel = channel
    self.orderID = orderID
    self.sku = sku
    self.productName = productName
    self.quantity = quantity
    self.netRevenue = netRevenue
    self.unitCost = unitCost
    self.isReturn = isReturn
    self.items = items
    self.source = source
  }
}
