/// Unit costs over time per SKU: of the entries on or before a day the latest wins; an undated entry
/// applies to every date and is overridden by any dated one that applies.
public struct CostBook: Sendable {
  private var undated: [String: Money] = [:]
  /// Dated entries per SKU, kept sorted by day; on the same day the later entry wins.
  private var dated: [String: [(Day, Money)]] = [:]

  public init() {}

  /// Records a cost. Of two undated entries for a SKU the later (in file order) wins.
  public mutating func add(_ entry: CostEntry) {
    guard let day = entry.effectiveFrom else {
      undated[entry.sku] = entry.unitCost
      return
    }
    var list = dated[entry.sku, default: []]
    let index = list.firstIndex { $0.0 > day } ?? list.count
    list.insert((day, entry.unitCost), at: index)
    dated[entry.sku] = list
  }

  /// The unit cost of `sku` known on `day`, or `nil` when none is: an unknown cost is never zero.
  public func unitCost(of sku: String, on day: Day) -> Money? {
    if let list = dated[sku], let hit = list.last(where: { $0.0 <= day }) { return hit.1 }
    return undated[sku]
  }

  public var skuCount: Int { Set(undated.keys).union(dated.keys).count }
}
