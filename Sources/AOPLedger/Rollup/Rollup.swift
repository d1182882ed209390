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
    public static func < (a: Key, b: Key) -> Bool { (a.month, a.channel, a.productGroup) < (b.month, b.channel, b.productGroup) }
  }

  /// A SKU sold without a known cost.
  public struct UncostedSKU: Hashable, Sendable, Codable {
    public var sku: String
    public var productName: String
    public var revenue: Money
    public var units: Int
    public init(sku: String, productName: String, revenue: Money, units: Int) {
      self.sku = sku
      self.productName = productName
      self.revenue = revenue
      self.units = units
    }
  }

  /// The group used for SKUs that no cost source names a group for.
  public static let noGroup = "—"

  /// Figures per month × channel × product group. Marketing is booked under `noGroup`; orders are
  /// counted per month × channel and also booked under `noGroup`.
  public var cells: [Key: Figures]
  /// Uncosted SKUs per month, largest revenue first.
  public var uncosted: [Month: [UncostedSKU]]
  /// Expenses that are not marketing, per month and category as the exports name them.
  public var expenses: [Month: [String: Money]]
  /// Goods bought per month (purchase amounts).
  public var purchases: [Month: Money]

  public init(cells: [Key: Figures], uncosted: [Month: [UncostedSKU]], expenses: [Month: [String: Money]] = [:], purchases: [Month: Money] = [:]) {
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
  public func figures(months: [Month], channel: String? = nil, productGroup: String? = nil) -> Figures {
    let set = Set(months)
    return total { key in
      set.contains(key.month) && (channel == nil || key.channel == channel) && (productGroup == nil || key.productGroup == productGroup)
    }
  }

  /// The product groups that have revenue, sorted.
  public var productGroups: [String] { Array(Set(cells.keys.map(\.productGroup))).sorted() }

  /// Uncosted SKUs summed over `months`, largest revenue first.
  public func uncosted(months: [Month]) -> [UncostedSKU] {
    var bySKU: [String: UncostedSKU] = [:]
    for m in months {
      for u in uncosted[m] ?? [] {
        var acc = bySKU[u.sku] ?? UncostedSKU(sku: u.sku, productName: u.productName, revenue: .zero, units: 0)
        acc.revenue += u.revenue
        acc.units += u.units
        bySKU[u.sku] = acc
      }
    }
    return bySKU.values.sorted { $0.revenue != $1.revenue ? $0.revenue > $1.revenue : $0.sku < $1.sku }
  }
}
