/// A unit cost for a SKU from a cost source (a product list, a purchase detail).
///
/// An undated entry applies to every date; a dated one applies from its day on and overrides the undated.
public struct CostEntry: Hashable, Sendable {
  public var sku: String
  public var unitCost: Money
  public var effectiveFrom: Day?
  public var productName: String?
  public var productGroup: String?
  /// What the purchase cost in all, where the source is a purchase (quantity × price after discounts);
  /// it counts towards the purchasing budget in the month of `effectiveFrom`.
  public var purchaseAmount: Money?
  public var source: SourceRef
  /// A cost row seen before in the run (a duplicate, or a row of a copied file), said again: which
  /// undated cost applies is the one said last in file order, so a list dropped again (even the same
  /// bytes) makes its costs current again. It adds no purchase amount and is not a new record.
  public var isRepeat = false

  public init(
    sku: String, unitCost: Money, effectiveFrom: Day? = nil, productName: String? = nil, productGroup: String? = nil,
    purchaseAmount: Money? = nil, source: SourceRef
  ) {
    self.purchaseAmount = purchaseAmount
    self.sku = sku
    self.unitCost = unitCost
    self.effectiveFrom = effectiveFrom
    self.productName = productName
    self.productGroup = productGroup
    self.source = source
  }
}
