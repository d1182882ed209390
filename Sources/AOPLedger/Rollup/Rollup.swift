/// The ledger rolled up by month: per channel and product group, the sums every KPI is computed from.
public struct Rollup: Sendable {
  /// Sums for one month × channel × product group (or any union of those).
  public struct Figures: Hashable, Sendable, Codable {
    public var revenue = Money.zero
    /// Revenue of lines whose unit cost is known.
    public var coveredRevenue = Money.zero
    /// Cost of goods of the covered lines.
    public var cogs = Money.zero
    /// Units sold minus units returned.
    public var units = 0
    public var orders = 0
    public var marketing = Money.zero

    public init() {}

    public static func + (a: Figures, b: Figures) -> Figures {
      var s = a
      s.revenue += b.revenue
      s.coveredRevenue += b.coveredRevenue
      s.cogs += b.cogs
      s.units += b.units
      s.orders += b.orders
      s.marketing += b.marketing
      return s
    }

    /// (covered revenue − COGS) / covered revenue; `nil` when nothing is covered.
    public var grossMargin: Ratio? { Ratio(coveredRevenue - cogs, over: coveredRevenue) }
    /// Share of revenue with a known cost.
    public var costCoverage: Ratio? { Ratio(coveredRevenue, over: revenue) }
    /// Marketing spend / net revenue.
    public var marketingToRevenue: Ratio? { Ratio(marketing, over: revenue) }
  }

  public struct Key: Hashable, Sendable, Comparable {
    public var month: Month
    public var channel: String
    public var productGroup: String
    public init(month: Month, channel: String, productGroup: String) {
      self.month = month
      self.channel = channel
      self.productGroup = productGroup
    }
    public static func < (a: Key, b: Key) -> Bool {
      (a.month, a.channel, a.productGroup) < (b.month, b.channel, b.productGroup)
    }
  }

  /// A product sold without a known cost, and why.
  ///
  /// For an order whose items are listed in one cell, `revenue` is the order's revenue left uncosted,
  /// shared among its uncosted items by units (largest remainder): the list's revenue then adds up to the
  /// revenue without a cost. `sku` is the line's SKU, `(no SKU) name` for a product named only, or the
  /// item list as written when it could not be split.
  public struct UncostedSKU: Hashable, Sendable, Codable {
    public var sku: String
    public var productName: String
    public var reason: UncostedReason
    public var revenue: Money
    public var units: Int
    /// Some of `revenue` is that of orders listed as items, shared among their uncosted items.
    public var sharedFromItemLists: Bool
    public init(
      sku: String, productName: String, reason: UncostedReason, revenue: Money, units: Int,
      sharedFromItemLists: Bool = false
    ) {
      self.sku = sku
      self.productName = productName
      self.reason = reason
      self.revenue = revenue
      self.units = units
      self.sharedFromItemLists = sharedFromItemLists
    }

    /// What the list merges by: the product and the reason.
    struct Key: Hashable {
      var sku: String
      var reason: UncostedReason
    }

    var key: Key { Key(sku: sku, reason: reason) }

    /// Largest revenue first, then by SKU and reason.
    static func ordered(_ a: UncostedSKU, _ b: UncostedSKU) -> Bool {
      if a.revenue != b.revenue { return a.revenue > b.revenue }
      return (a.sku, a.reason) < (b.sku, b.reason)
    }
  }

  /// The group used for SKUs that no cost source names a group for.
  public static let noGroup = "—"
  /// The group of an order listed as items (one cell) whose items belong to different groups: its revenue
  /// is the order's, and is not split among them. The workbook shows it by its label.
  public static let mixedGroup = "(mixed)"

  /// Figures per month × channel × product group. Marketing is booked under `noGroup`; orders are
  /// counted per month × channel and also booked under `noGroup`.
  public var cells: [Key: Figures]
  /// Uncosted SKUs per month, largest revenue first.
  public var uncosted: [Month: [UncostedSKU]]
  /// Expenses that are not marketing, per month and category as the exports name them.
  public var expenses: [Month: [String: Money]]
  /// Goods bought per month (purchase amounts).
  public var purchases: [Month: Money]

  public init(
    cells: [Key: Figures], uncosted: [Month: [UncostedSKU]], expenses: [Month: [String: Money]] = [:],
    purchases: [Month: Money] = [:]
  ) {
    self.cells = cells
    self.uncosted = uncosted
    self.expenses = expenses
    self.purchases = purchases
  }

  /// The months that have any figure.
  public var months: [Month] { Array(Set(cells.keys.map(\.month))).sorted() }

  /// The sum of the cells that satisfy `include`.
  public func total(where include: (Key) -> Bool) -> Figures {
    cells.reduce(into: Figures()) { sum, entry in if include(entry.key) { sum = sum + entry.value } }
  }

  /// Sum over `months` (and, if given, one channel or one product group).
  /// The revenue of `channels` (the online ones, say) over `months`.
  public func revenue(months: [Month], channels: Set<String>) -> Money {
    let set = Set(months)
    return total { set.contains($0.month) && channels.contains($0.channel) }.revenue
  }

  public func figures(months: [Month], channel: String? = nil, productGroup: String? = nil) -> Figures {
    let set = Set(months)
    return total { key in
      set.contains(key.month) && (channel == nil || key.channel == channel)
        && (productGroup == nil || key.productGroup == productGroup)
    }
  }

  /// The product groups that have revenue, sorted.
  public var productGroups: [String] { Array(Set(cells.keys.map(\.productGroup))).sorted() }

  /// Uncosted products summed over `months` (per product and reason), largest revenue first.
  public func uncosted(months: [Month]) -> [UncostedSKU] {
    var merged: [UncostedSKU.Key: UncostedSKU] = [:]
    for m in months {
      for u in uncosted[m] ?? [] {
        var acc =
          merged[u.key]
          ?? UncostedSKU(sku: u.sku, productName: u.productName, reason: u.reason, revenue: .zero, units: 0)
        acc.revenue += u.revenue
        acc.units += u.units
        acc.sharedFromItemLists = acc.sharedFromItemLists || u.sharedFromItemLists
        merged[u.key] = acc
      }
    }
    return merged.values.sorted(by: UncostedSKU.ordered)
  }
}
