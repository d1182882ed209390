/// The accepted lines of a run, rolled up as they arrive.
///
/// Sales are kept per day × channel × SKU (not per row), so memory grows with the shop's calendar and
/// catalogue, not with the number of rows; costs are applied at `rollUp()` because cost files may come
/// after the sales they cost.
public struct Ledger: Sendable {
  struct SalesKey: Hashable {
    var day: Day
    var channel: String
    var sku: String
  }

  struct SalesBucket {
    var quantity = 0
    var revenue = Money.zero
    /// Quantity, revenue and cost of the lines that stated their own unit cost.
    var ownCostQuantity = 0
    var ownCostRevenue = Money.zero
    var ownCOGS = Money.zero
  }

  struct OrderKey: Hashable {
    var month: Month
    var channel: String
  }

  private var sales: [SalesKey: SalesBucket] = [:]
  private var orders: [OrderKey: Set<String>] = [:]
  private var spend: [OrderKey: Money] = [:]
  /// Expenses that are not marketing, per month and category as the exports name them.
  private var expenses: [Month: [String: Money]] = [:]
  private var purchases: [Month: Money] = [:]
  private var names: [String: String] = [:]
  private var groups: [String: String] = [:]
  public private(set) var costs = CostBook()
  /// The sale and return lines themselves, kept for the workbook's data sheet while there are at most
  /// `keepLimit` of them; past that none are kept (the sheet then shows sums).
  public private(set) var keptLines: [SaleLine] = []
  /// True when more lines arrived than can be kept.
  public private(set) var linesTruncated = false
  /// Every sale and return line added, kept or not.
  public private(set) var lineCount = 0
  /// The spend lines (marketing and expenses), kept like the sale lines.
  public private(set) var keptSpend: [SpendLine] = []
  public private(set) var spendTruncated = false
  /// Every spend line added, kept or not.
  public private(set) var spendCount = 0
  private let keepLimit: Int

  /// - Parameter keepingLinesUpTo: how many sale lines to keep for line-level detail (0: none).
  public init(keepingLinesUpTo keepLimit: Int = 0) { self.keepLimit = keepLimit }

  /// Keeps `line` while there are at most `limit` (0: none kept); past that, lets all go, for good.
  private static func keep<Line>(_ line: Line, in kept: inout [Line], truncated: inout Bool, limit: Int) {
    guard limit > 0, !truncated else { return }
    if kept.count < limit {
      kept.append(line)
    } else {
      truncated = true
      kept = []
    }
  }

  /// Adds an accepted sale or return line.
  public mutating func add(_ line: SaleLine) {
    lineCount += 1
    Self.keep(line, in: &keptLines, truncated: &linesTruncated, limit: keepLimit)
    let key = SalesKey(day: line.day, channel: line.channel, sku: line.sku)
    var bucket = sales[key] ?? SalesBucket()
    bucket.quantity += line.quantity
    bucket.revenue += line.netRevenue
    if let cost = line.unitCost {
      bucket.ownCostQuantity += line.quantity
      bucket.ownCostRevenue += line.netRevenue
      bucket.ownCOGS += cost.times(line.quantity)
    }
    sales[key] = bucket
    if names[line.sku] == nil, !line.productName.isEmpty { names[line.sku] = line.productName }
    if !line.isReturn {
      orders[OrderKey(month: line.day.monthOf, channel: line.channel), default: []].insert(line.orderID)
    }
  }

  /// Adds a unit cost (a repeat, too: see `CostEntry.isRepeat`); its product name and group, when
  /// given, name the SKU in reports.
  public mutating func add(_ entry: CostEntry) {
    costs.add(entry)
    if let name = entry.productName, !name.isEmpty { names[entry.sku] = name }
    if let group = entry.productGroup, !group.isEmpty { groups[entry.sku] = group }
    if let amount = entry.purchaseAmount, let day = entry.effectiveFrom { purchases[day.monthOf, default: .zero] += amount }
  }

  /// Adds marketing spend, spread over the days it covers.
  public mutating func add(_ line: SpendLine) {
    spendCount += 1
    Self.keep(line, in: &keptSpend, truncated: &spendTruncated, limit: keepLimit)
    for (month, amount) in line.spreadByMonth() {
      if line.isMarketing {
        spend[OrderKey(month: month, channel: line.channel), default: .zero] += amount
      } else {
        expenses[month, default: [:]][line.category ?? "", default: .zero] += amount
      }
    }
  }

  /// The cost of goods of one line, by the cost known on its day; `nil` when none is.
  public func cogs(of line: SaleLine) -> Money? {
    (line.unitCost ?? costs.unitCost(of: line.sku, on: line.day)).map { $0.times(line.quantity) }
  }

  /// The product group of a SKU, as named by a cost source.
  public func productGroup(of sku: String) -> String { groups[sku] ?? Rollup.noGroup }

  /// Rolls the ledger up by month × channel × product group, costing each day's sales with the cost
  /// known on that day.
  public func rollUp() -> Rollup {
    var cells: [Rollup.Key: Rollup.Figures] = [:]
    var uncosted: [Month: [String: Rollup.UncostedSKU]] = [:]
    for (key, bucket) in sales {
      let month = key.day.monthOf
      let cellKey = Rollup.Key(month: month, channel: key.channel, productGroup: productGroup(of: key.sku))
      var cell = cells[cellKey] ?? Rollup.Figures()
      cell.revenue += bucket.revenue
      cell.units += bucket.quantity
      cell.coveredRevenue += bucket.ownCostRevenue
      cell.cogs += bucket.ownCOGS
      let restQuantity = bucket.quantity - bucket.ownCostQuantity
      let restRevenue = bucket.revenue - bucket.ownCostRevenue
      if restQuantity != 0 || restRevenue != .zero {
        if let cost = costs.unitCost(of: key.sku, on: key.day) {
          cell.coveredRevenue += restRevenue
          cell.cogs += cost.times(restQuantity)
        } else {
          var u = uncosted[month, default: [:]][key.sku]
            ?? Rollup.UncostedSKU(sku: key.sku, productName: names[key.sku] ?? "", revenue: .zero, units: 0)
          u.revenue += restRevenue
          u.units += restQuantity
          uncosted[month, default: [:]][key.sku] = u
        }
      }
      cells[cellKey] = cell
    }
    for (key, ids) in orders {
      cells[Rollup.Key(month: key.month, channel: key.channel, productGroup: Rollup.noGroup), default: Rollup.Figures()].orders += ids.count
    }
    for (key, amount) in spend {
      cells[Rollup.Key(month: key.month, channel: key.channel, productGroup: Rollup.noGroup), default: Rollup.Figures()].marketing += amount
    }
    let sortedUncosted = uncosted.mapValues { bySKU in
      bySKU.values.sorted { $0.revenue != $1.revenue ? $0.revenue > $1.revenue : $0.sku < $1.sku }
    }
    return Rollup(cells: cells, uncosted: sortedUncosted, expenses: expenses, purchases: purchases)
  }
}
