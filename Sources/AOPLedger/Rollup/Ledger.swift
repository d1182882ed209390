#if canImport(Glibc)
  import Glibc
#endif

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

  /// Orders listed as items in one cell, per day × channel × cell and its items as read.
  struct ItemKey: Hashable {
    var sales: SalesKey
    var items: ItemList
  }

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

  /// A day's sales by channel × SKU.
  struct DaySalesKey: Hashable {
    var channel: String
    var sku: String
  }

  /// Sales per day, then per channel × SKU: lines come day by day, so the day's table is small and stays
  /// in cache (one table of every day × channel × SKU missed it on most lines). The days index
  /// `daySales`; the last day a line came for is kept, so a run of lines of one day looks it up once.
  private var days: [Day: Int] = [:]
  private var daySales: [[DaySalesKey: SalesBucket]] = []
  private var lastDay: (day: Day, index: Int)?
  private var itemSales: [ItemKey: ItemBucket] = [:]
  /// SKUs that came with more than one product name: where no cost source lists such a SKU, which
  /// product was sold cannot be told by name.
  private var skusOfSeveralNames: Set<String> = []
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
  /// The cost lines that state a purchase (the purchasing budget's actual), kept like the sale lines.
  public private(set) var keptPurchases: [CostEntry] = []
  public private(set) var purchasesTruncated = false
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
    if let items = line.items {
      addListed(line, items: items, key: SalesKey(day: line.day, channel: line.channel, sku: line.sku))
      return
    }
    Self.add(
      line, to: &daySales[dayIndex(line.day)][DaySalesKey(channel: line.channel, sku: line.sku), default: SalesBucket()]
    )
    if !line.productName.isEmpty {
      if let known = names[line.sku] {
        // Bytes first: the same name, as it nearly always is, is told without comparing Unicode text.
        if !Self.sameBytes(known, line.productName), known != line.productName,
          ProductName.key(known) != ProductName.key(line.productName)
        {
          skusOfSeveralNames.insert(line.sku)
        }
      } else {
        names[line.sku] = line.productName
      }
    }
    if !line.isReturn { countOrder(of: line) }
  }

  /// Where `day`'s sales are in `daySales`. A new day's table starts as large as the last day's (a
  /// shop sells about as many products a day), not growing step by step from empty.
  private mutating func dayIndex(_ day: Day) -> Int {
    if let last = lastDay, last.day == day { return last.index }
    let index: Int
    if let known = days[day] {
      index = known
    } else {
      index = daySales.count
      days[day] = index
      daySales.append(Dictionary(minimumCapacity: lastDay.map { daySales[$0.index].count } ?? 0))
    }
    lastDay = (day, index)
    return index
  }

  /// True when two texts are the same bytes (a `memcmp`; `==` on text that is not ASCII compares it as
  /// Unicode, and iterating `utf8` views is slower still).
  private static func sameBytes(_ a: String, _ b: String) -> Bool {
    var a = a
    var b = b
    return a.withUTF8 { x in
      b.withUTF8 { y in x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) }
    }
  }

  private static func add(_ line: SaleLine, to bucket: inout SalesBucket) {
    bucket.quantity += line.quantity
    bucket.revenue += line.netRevenue
    if let cost = line.unitCost {
      bucket.ownCostQuantity += line.quantity
      bucket.ownCostRevenue += line.netRevenue
      bucket.ownCOGS += cost.times(line.quantity)
    }
  }

  /// Counts the line's order in its month and channel; an order's lines come one after another, so
  /// the line before says whether the set already holds it.
  private mutating func countOrder(of line: SaleLine) {
    let key = OrderKey(month: line.day.monthOf, channel: line.channel)
    if let last = lastOrderCounted, last.id == line.orderID, last.key == key { return }
    orders[key, default: []].insert(line.orderID)
    lastOrderCounted = (key, line.orderID)
  }
  private var lastOrderCounted: (key: OrderKey, id: String)?

  private mutating func addListed(_ line: SaleLine, items: ItemList, key: SalesKey) {
    let key = ItemKey(sales: key, items: items)
    var bucket = itemSales[key] ?? ItemBucket()
    bucket.quantity += line.quantity
    bucket.revenue += line.netRevenue
    if Self.isListed(line, items) {
      bucket.listed += line.quantity < 0 ? -1 : 1
      bucket.listedRevenue += line.netRevenue
    }
    itemSales[key] = bucket
    if !line.isReturn { countOrder(of: line) }
  }

  /// True when a line's items were read and add up to its quantity (sold or returned).
  private static func isListed(_ line: SaleLine, _ items: ItemList) -> Bool {
    items.isReadable && abs(line.quantity) == items.units
  }

  /// Adds a unit cost (a repeat, too: see `CostEntry.isRepeat`); its product name and group, when
  /// given, name the SKU in reports.
  public mutating func add(_ entry: CostEntry) {
    costs.add(entry)
    if let name = entry.productName, !name.isEmpty { names[entry.sku] = name }
    if let group = entry.productGroup, !group.isEmpty { groups[entry.sku] = group }
    if let amount = entry.purchaseAmount, let day = entry.effectiveFrom {
      purchases[day.monthOf, default: .zero] += amount
      Self.keep(entry, in: &keptPurchases, truncated: &purchasesTruncated, limit: keepLimit)
    }
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
  public func cogs(of line: SaleLine) -> Money? { lineCosting(line).cogs }

  /// How a line's cost of goods is found (by the rules of `cogs(of:)`), or that it is not.
  public func costedBy(_ line: SaleLine) -> CostedBy { lineCosting(line).by }

  /// One line's cost of goods and how it was found: the one rule `cogs(of:)`, `costedBy(_:)` and (over
  /// sums of lines) `rollUp()` follow.
  private func lineCosting(_ line: SaleLine) -> (cogs: Money?, by: CostedBy) {
    if let items = line.items {
      // Costed only when the items add up to the line's units (the run's bounds hold for those).
      guard Self.isListed(line, items), case .costed(let cogs) = itemCosting(items, on: line.day) else {
        return (nil, .none)
      }
      return (line.quantity < 0 ? -cogs : cogs, .name)
    }
    if let own = line.unitCost { return (own.times(line.quantity), .line) }
    switch costing(sku: line.sku, on: line.day) {
    case .bySKU(let c): return (c.times(line.quantity), .sku)
    case .byName(let c): return (c.times(line.quantity), .name)
    case .none: return (nil, .none)
    }
  }

  /// The unit cost of the product a SKU's lines sold on a day: by the SKU, else by the name the run gave
  /// it (`(no SKU) name` lines have only a name). A SKU no cost source lists that came with several
  /// names is not costed by any of them.
  private func costing(sku: String, on day: Day) -> Costing {
    let hasSKU = !sku.hasPrefix(SaleLine.noSKUPrefix)
    if hasSKU, !costs.knows(sku), skusOfSeveralNames.contains(sku) { return .none(.skuOfSeveralNames) }
    return costs.costing(sku: hasSKU ? sku : nil, name: names[sku] ?? "", on: day)
  }

  /// The product group of a line: its SKU's, as a cost source names it; for a product known only by
  /// name, the group of the SKUs of that name (when they agree); for an item list, its items' group, or
  /// `Rollup.mixedGroup`.
  public func productGroup(of line: SaleLine) -> String {
    if let items = line.items { return itemGroup(items) }
    return productGroup(sku: line.sku)
  }

  private func productGroup(sku: String) -> String {
    if let group = groups[sku] { return group }
    if costs.knows(sku) || skusOfSeveralNames.contains(sku) { return Rollup.noGroup }
    return group(ofName: names[sku] ?? "") ?? Rollup.noGroup
  }

  /// The group the cost sources give the SKUs of a name, when they agree on one.
  private func group(ofName name: String) -> String? {
    let found = Set(costs.skus(named: name).map { groups[$0] ?? Rollup.noGroup })
    return found.count == 1 ? found.first : nil
  }

  /// The group of an order listed as items: its items' group when they share one, else `Rollup.mixedGroup`.
  private func itemGroup(_ list: ItemList) -> String {
    guard list.isReadable else { return Rollup.noGroup }
    let found = Set(list.items.map { group(ofName: $0.name) ?? Rollup.noGroup })
    return found.count == 1 ? found.first ?? Rollup.noGroup : Rollup.mixedGroup
  }

  /// What costing an item list on a day gives.
  enum ItemCosting {
    /// The cost of goods of the list once (every item has a cost).
    case costed(Money)
    /// The items without a cost (in the list's order), each with why.
    case uncosted([(item: ItemList.Item, reason: UncostedReason)])
    /// The list cannot be split into items without guessing.
    case unresolved(UncostedReason)
  }

  /// Costs an item list by its items' names. Only for lists whose units are a line's admitted units.
  func itemCosting(_ list: ItemList, on day: Day) -> ItemCosting {
    guard list.isReadable else { return .unresolved(.unreadableItems) }
    if list.items.contains(where: { $0.joined && costs.skus(named: $0.name).isEmpty }) {
      return .unresolved(.unknownJoinedName)
    }
    if list.otherReadings.contains(where: { !costs.skus(named: $0).isEmpty }) { return .unresolved(.ambiguousItems) }
    var cogs = Money.zero
    var missing: [(item: ItemList.Item, reason: UncostedReason)] = []
    for item in list.items {
      switch costs.costing(sku: nil, name: item.name, on: day) {
      case .bySKU(let c), .byName(let c): cogs += c.times(item.quantity)
      case .none(let reason): missing.append((item, reason))
      }
    }
    return missing.isEmpty ? .costed(cogs) : .uncosted(missing)
  }

  /// Rolls the ledger up by month × channel × product group, costing each day's sales with the cost
  /// known on that day.
  public func rollUp() -> Rollup {
    var cells: [Rollup.Key: Rollup.Figures] = [:]
    var uncosted: [Month: [Rollup.UncostedSKU.Key: Rollup.UncostedSKU]] = [:]
    func leaveUncosted(
      _ sku: String, name: String, _ reason: UncostedReason, revenue: Money, units: Int, month: Month,
      shared: Bool = false
    ) {
      let key = Rollup.UncostedSKU.Key(sku: sku, reason: reason)
      var u =
        uncosted[month, default: [:]][key]
        ?? Rollup.UncostedSKU(sku: sku, productName: name, reason: reason, revenue: .zero, units: 0)
      u.revenue += revenue
      u.units += units
      u.sharedFromItemLists = u.sharedFromItemLists || shared
      uncosted[month, default: [:]][key] = u
    }
    func addSales(_ key: SalesKey, _ bucket: SalesBucket) {
      let month = key.day.monthOf
      let cellKey = Rollup.Key(month: month, channel: key.channel, productGroup: productGroup(sku: key.sku))
      var cell = cells[cellKey] ?? Rollup.Figures()
      cell.revenue += bucket.revenue
      cell.units += bucket.quantity
      cell.coveredRevenue += bucket.ownCostRevenue
      cell.cogs += bucket.ownCOGS
      let restQuantity = bucket.quantity - bucket.ownCostQuantity
      let restRevenue = bucket.revenue - bucket.ownCostRevenue
      if restQuantity != 0 || restRevenue != .zero {
        switch costing(sku: key.sku, on: key.day) {
        case .bySKU(let cost), .byName(let cost):
          cell.coveredRevenue += restRevenue
          cell.cogs += cost.times(restQuantity)
        case .none(let reason):
          leaveUncosted(
            key.sku, name: names[key.sku] ?? "", reason, revenue: restRevenue, units: restQuantity, month: month)
        }
      }
      cells[cellKey] = cell
    }
    for (day, index) in days {
      for (daySalesKey, bucket) in daySales[index] {
        addSales(SalesKey(day: day, channel: daySalesKey.channel, sku: daySalesKey.sku), bucket)
      }
    }
    for (itemKey, bucket) in itemSales {
      let key = itemKey.sales, list = itemKey.items
      let month = key.day.monthOf
      let cellKey = Rollup.Key(month: month, channel: key.channel, productGroup: itemGroup(list))
      var cell = cells[cellKey] ?? Rollup.Figures()
      cell.revenue += bucket.revenue
      cell.units += bucket.quantity
      // Costed only when some line was listed (its items add up to its units, within the run's bounds).
      let anyListed = bucket.listed != 0 || bucket.listedRevenue != .zero
      switch anyListed ? itemCosting(list, on: key.day) : .unresolved(.itemsDisagree) {
      case .costed(let cogs):
        cell.coveredRevenue += bucket.listedRevenue
        cell.cogs += cogs.times(bucket.listed)
      case .uncosted(let missing):
        // The order's revenue is left uncosted; the list shares it among the items without a cost.
        let shares = bucket.listedRevenue.allocate(weights: missing.map { Int64($0.item.quantity) })
        for ((item, reason), share) in zip(missing, shares) {
          leaveUncosted(
            SaleLine.noSKUPrefix + item.name, name: item.name, reason, revenue: share,
            units: item.quantity * bucket.listed, month: month,
            shared: true)
        }
      case .unresolved(let reason):
        if anyListed {
          leaveUncosted(
            key.sku, name: "", reason, revenue: bucket.listedRevenue, units: bucket.listed * list.units, month: month)
        }
      }
      let restRevenue = bucket.revenue - bucket.listedRevenue
      let restQuantity = bucket.quantity - bucket.listed * list.units
      if restRevenue != .zero || restQuantity != 0 {
        let reason: UncostedReason = list.isReadable ? .itemsDisagree : .unreadableItems
        leaveUncosted(key.sku, name: "", reason, revenue: restRevenue, units: restQuantity, month: month)
      }
      cells[cellKey] = cell
    }
    for (key, ids) in orders {
      cells[Rollup.Key(month: key.month, channel: key.channel, productGroup: Rollup.noGroup), default: Rollup.Figures()]
        .orders += ids.count
    }
    for (key, amount) in spend {
      cells[Rollup.Key(month: key.month, channel: key.channel, productGroup: Rollup.noGroup), default: Rollup.Figures()]
        .marketing += amount
    }
    let sortedUncosted = uncosted.mapValues { $0.values.sorted(by: Rollup.UncostedSKU.ordered) }
    return Rollup(cells: cells, uncosted: sortedUncosted, expenses: expenses, purchases: purchases)
  }
}
