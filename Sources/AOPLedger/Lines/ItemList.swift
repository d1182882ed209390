/// The items of an order as one cell lists them (`2× Sữa Similac 5G số 1 900g, 1× Khăn sữa xô`), where an
/// export names products instead of giving a line per SKU (WooCommerce's orders report).
///
/// The items carry units and cost of goods; the order's net revenue stays the order's, because no
/// per-item price exists to split it by.
public struct ItemList: Hashable, Sendable {
  public struct Item: Hashable, Sendable {
    public var quantity: Int
    public var name: String
    /// The name was put together from pieces of the cell split at the separator (the name itself
    /// contains it): it stands only if a cost source names a product so, never by guess.
    public var joined: Bool

    public init(quantity: Int, name: String, joined: Bool = false) {
      self.quantity = quantity
      self.name = name
      self.joined = joined
    }
  }

  /// The items in the order the cell lists them; empty when the cell could not be read.
  public var items: [Item]
  /// Names that a different reading of the cell would give (two neighbouring items read as one product
  /// whose name holds the separator): if a cost source names a product so, the cell can be read two
  /// ways and is not costed.
  public var otherReadings: [String]
  /// Why the cell could not be read as items (`nil` when it could).
  public var unreadable: String?

  public init(items: [Item], otherReadings: [String] = []) {
    self.items = items
    self.otherReadings = otherReadings
    unreadable = nil
  }

  public init(unreadable reason: String) {
    items = []
    otherReadings = []
    unreadable = reason
  }

  /// The cell was read as items.
  public var isReadable: Bool { unreadable == nil && !items.isEmpty }

  /// The units the items add up to.
  public var units: Int { items.reduce(0) { $0 + $1.quantity } }
}
