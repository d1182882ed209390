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
  public var source: SourceRef

  public init(
    day: Day, channel: String, orderID: String, sku: String, productName: String, quantity: Int,
    netRevenue: Money, unitCost: Money? = nil, isReturn: Bool = false, source: SourceRef
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
    self.source = source
  }
}
