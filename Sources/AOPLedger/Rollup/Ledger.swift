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

  /// Orders listed as items in one cell, per day × channel × cell.
  struct ItemBucket {
    var quantity = 0
    var revenue = Money.zero
    /// Of the lines whose quantity is the items' units: their number, each sale +1 and each return −1
    /// (the list's cost of goods is counted that many times), and their revenue.
    var listed = 0
    var listedRevenue = Money.zero
  }

  struct OrderKey: Hashable {
    var month: Month
    var channel: String
  }

  private var sales: [SalesKey: SalesBucket] = [:]
  private var itemSales: [SalesKey: ItemBucket] = [:]
  /// The item list of each cell met (the same cell reads as the same items).
  private var itemLists: [String: ItemList] = [:]
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
    if let items = line.items {
      addListed(line, items: items, key: key)
      return
    }
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

  private mutating func addListed(_ line: SaleLine, items: ItemList, key: SalesKey) {
    if itemLists[line.sku] == nil { itemLists[line.sku] = items }
    var bucket = itemSales[key] ?? ItemBucket()
    bucket.quantity += line.quantity
    bucket.revenue += line.netRevenue
    if Self.isListed(line, items) {
      bucket.listed += line.quantity < 0 ? -1 : 1
      bucket.listedRevenue += line.netRevenue
    }
    itemSales[key] = bucket
    if !line.isReturn {
      orders[OrderKey(month: line.day.monthOf, channel: line.channel), default: []].insert(line.orderID)
    }
  }

  /// True when a line's items were read and add up to its quantity (sold or returned).
  private static func isListed(_ line: SaleLine, _ items: ItemList) -> Bool {
    items.unreadable == nil && !items.items.isEmpty && abs(line.quantity) == items.units
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

  /// The cost of goods of one line, by the cost known on its day (by SKU, else by product name, item by
  /// item for an item list); `nil` when none is.
  public func cogs(of line: SaleLine) -> Money? {
    if let items = line.items {
      guard Self.isListed(line, items), case .costed(let cogs) = resolve(items, on: line.day).costing else { return nil }
      return line.quantity < 0 ? -cogs : cogs
    }
    let unitCost = line.unitCost ?? costs.costing(sku: line.hasSKU ? line.sku : nil, name: name(of: line), on: line.day).unitCost
    return unitCost.map { $0.times(line.quantity) }
  }

  /// How a line's cost of goods is found (by the rules of `cogs(of:)`), or that it is not.
  public func costedBy(_ line: SaleLine) -> CostedBy {
    if let items = line.items {
      guard Self.isListed(line, items), case .costed = resolve(items, on: line.day).costing else { return .none }
      return .name
    }
    if line.unitCost != nil { return .line }
    switch costs.costing(sku: line.hasSKU ? line.sku : nil, name: name(of: line), on: line.day) {
    case .bySKU: return .sku
    case .byName: return .name
    case .none: return .none
    }
  }

  /// The product group of a line: its SKU's, as a cost source names it; for a product known only by
  /// name, the group of the SKUs of that name; for an item list, its items' group, or `Rollup.mixedGroup`.
  public func productGroup(of line: SaleLine) -> String {
    if let items = line.items { return resolve(items, on: line.day).group }
    return productGroup(sku: line.sku, name: name(of: line))
  }

  /// The name a line's SKU is costed and grouped by where no cost source lists the SKU: the first name
  /// the run gave the SKU (as the roll-up, which sums a SKU's lines, uses it), so a line and its sum agree.
  private func name(of line: SaleLine) -> String { names[line.sku] ?? line.productName }

  private func productGroup(sku: String, name: String) -> String {
    if let group = groups[sku] { return group }
    if costs.knows(sku) { return Rollup.noGroup }
    return group(ofName: name) ?? Rollup.noGroup
  }

  /// The group the cost sources give the SKUs of a name, when they agree on one.
  private func group(ofName name: String) -> String? {
    let found = Set(costs.skus(named: name).map { groups[$0] ?? Rollup.noGroup })
    return found.count == 1 ? found.first : nil
  }

  /// An item list resolved on a day: its cost of goods when every item has a cost, else the items that
  /// do not and why; and its product group.
  struct Resolution {
    enum Costing {
      case costed(Money)
      /// The items without a cost (in the list's order), each with why.
      case uncosted([(item: ItemList.Item, reason: UncostedReason)])
      /// The list cannot be split into items.
      case unresolved(UncostedReason)
    }
    var costing: Costing
    var group: String
  }

  func resolve(_ list: ItemList, on day: Day) -> Resolution {
    if list.unreadable != nil || list.items.isEmpty { return Resolution(costing: .unresolved(.unreadableItems), group: Rollup.noGroup) }
    var cogs = Money.zero
    var missing: [(item: ItemList.Item, reason: UncostedReason)] = []
    var itemGroups = Set<String>()
    for item in list.items {
      if item.joined, costs.skus(named: item.name).isEmpty {
        return Resolution(costing: .unresolved(.unknownJoinedName), group: Rollup.noGroup)
      }
      itemGroups.insert(group(ofName: item.name) ?? Rollup.noGroup)
      switch costs.costing(sku: nil, name: item.name, on: day) {
      case .bySKU(let c), .byName(let c): cogs += c.times(item.quantity)
      case .none(let reason): missing.append((item, reason))
      }
    }
    let group = itemGroups.count == 1 ? itemGroups.first ?? Rollup.noGroup : Rollup.mixedGroup
    return Resolution(costing: missing.isEmpty ? .costed(cogs) : .uncosted(missing), group: group)
  }

  /// Rolls the ledger up by month × channel × product group, costing each day's sales with the cost
  /// known on that day.
  public func rollUp() -> Rollup {
    var cells: [Rollup.Key: Rollup.Figures] = [:]
    var uncosted: [Month: [Rollup.UncostedSKU.Key: Rollup.UncostedSKU]] = [:]
    func leaveUncosted(_ sku: String, name: String, _ reason: UncostedReason, revenue: Money, units: Int, month: Month, shared: Bool = false) {
      let key = Rollup.UncostedSKU.Key(sku: sku, reason: reason)
      var u = uncosted[month, default: [:]][key] ?? Rollup.UncostedSKU(sku: sku, productName: name, reason: reason, revenue: .zero, units: 0)
      u.revenue += revenue
      u.units += units
      u.sharedFromItemLists = u.sharedFromItemLists || shared
      uncosted[month, default: [:]][key] = u
    }
    for (key, bucket) in sales {
      let month = key.day.monthOf
      let name = names[key.sku] ?? ""
      let cellKey = Rollup.Key(month: month, channel: key.channel, productGroup: productGroup(sku: key.sku, name: name))
      var cell = cells[cellKey] ?? Rollup.Figures()
      cell.revenue += bucket.revenue
      cell.units += bucket.quantity
      cell.coveredRevenue += bucket.ownCostRevenue
      cell.cogs += bucket.ownCOGS
      let restQuantity = bucket.quantity - bucket.ownCostQuantity
      let restRevenue = bucket.revenue - bucket.ownCostRevenue
      if restQuantity != 0 || restRevenue != .zero {
        let noSKU = key.sku.hasPrefix(SaleLine.noSKUPrefix)
        switch costs.costing(sku: noSKU ? nil : key.sku, name: name, on: key.day) {
        case .bySKU(let cost), .byName(let cost):
          cell.coveredRevenue += restRevenue
          cell.cogs += cost.times(restQuantity)
        case .none(let reason):
          leaveUncosted(key.sku, name: name, reason, revenue: restRevenue, units: restQuantity, month: month)
        }
      }
      cells[cellKey] = cell
    }
    for (key, bucket) in itemSales {
      let month = key.day.monthOf
      guard let list = itemLists[key.sku] else { continue }
      let resolution = resolve(list, on: key.day)
      let cellKey = Rollup.Key(month: month, channel: key.channel, productGroup: resolution.group)
      var cell = cells[cellKey] ?? Rollup.Figures()
      cell.revenue += bucket.revenue
      cell.units += bucket.quantity
      let anyListed = bucket.listed != 0 || bucket.listedRevenue != .zero
      switch resolution.costing {
      case .costed(let cogs):
        cell.coveredRevenue += bucket.listedRevenue
        cell.cogs += cogs.times(bucket.listed)
      case .uncosted(let missing) where anyListed:
        // The order's revenue is left uncosted; the list shares it among the items without a cost.
        let shares = bucket.listedRevenue.allocate(weights: missing.map { Int64($0.item.quantity) })
        for ((item, reason), share) in zip(missing, shares) {
          leaveUncosted(SaleLine.noSKUPrefix + item.name, name: item.name, reason, revenue: share, units: item.quantity * bucket.listed, month: month,
                        shared: true)
        }
      case .unresolved(let reason) where anyListed:
        leaveUncosted(key.sku, name: "", reason, revenue: bucket.listedRevenue, units: bucket.listed * list.units, month: month)
      case .uncosted, .unresolved: break  // nothing of the bucket was listed: its rest is said below
      }
      let restRevenue = bucket.revenue - bucket.listedRevenue
      let restQuantity = bucket.quantity - bucket.listed * list.units
      if restRevenue != .zero || restQuantity != 0 {
        let reason: UncostedReason = list.unreadable == nil && !list.items.isEmpty ? .itemsDisagree : .unreadableItems
        leaveUncosted(key.sku, name: "", reason, revenue: restRevenue, units: restQuantity, month: month)
      }
      cells[cellKey] = cell
    }
    for (key, ids) in orders {
      cells[Rollup.Key(month: key.month, channel: key.channel, productGroup: Rollup.noGroup), default: Rollup.Figures()].orders += ids.count
    }
    for (key, amount) in spend {
      cells[Rollup.Key(month: key.month, channel: key.channel, productGroup: Rollup.noGroup), default: Rollup.Figures()].marketing += amount
    }
    let sortedUncosted = uncosted.mapValues { $0.values.sorted(by: Rollup.UncostedSKU.ordered) }
    return Rollup(cells: cells, uncosted: sortedUncosted, expenses: expenses, purchases: purchases)
  }
}
