import Synchronization

/// Unit costs over time per SKU: of the entries on or before a day the latest wins; an undated entry
/// applies to every date and is overridden by any dated one that applies.
///
/// A line the cost sources do not know by SKU (it has none, or one no cost source lists) is costed by
/// its product name where a cost source names a product so (`ProductName.key`), by the same dated rules;
/// a name given to several SKUs whose costs differ on the day is ambiguous and stays uncosted.
public struct CostBook: Sendable {
  private var undated: [String: Money] = [:]
  /// Dated entries per SKU, kept sorted by day; on the same day the later entry wins.
  private var dated: [String: [(Day, Money)]] = [:]
  /// The SKUs the cost sources give each product name (as `ProductName.key`), in the order first seen.
  private var skusByName: [String: [String]] = [:]
  /// The answers of `skus(named:)` so far: the report asks for the same few names line after line (an
  /// item list's items, a SKU's product), and a name's key is slow to make (Unicode lowercasing). A new
  /// entry starts them afresh, so a copy of the book never answers from the other's.
  private var namesAsked = NamesAsked()

  public init() {}

  /// Records a cost. Of two undated entries for a SKU the later (in file order) wins.
  public mutating func add(_ entry: CostEntry) {
    namesAsked = NamesAsked()
    if let name = entry.productName {
      let key = ProductName.key(name)
      if !key.isEmpty, !(skusByName[key]?.contains(entry.sku) ?? false) {
        skusByName[key, default: []].append(entry.sku)
      }
    }
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

  /// True when a cost source lists `sku` (whatever the dates of its costs).
  public func knows(_ sku: String) -> Bool { dated[sku] != nil || undated[sku] != nil }

  /// The SKUs the cost sources give a product of this name.
  public func skus(named name: String) -> [String] {
    if let known = namesAsked.skus(named: name) { return known }
    let key = ProductName.key(name)
    let skus = key.isEmpty ? [] : skusByName[key] ?? []
    namesAsked.remember(skus, named: name)
    return skus
  }

  /// The unit cost of a product on `day`: by its SKU when a cost source lists it, else by its name.
  /// - Parameter sku: the line's SKU; `nil` when the export gave none.
  public func costing(sku: String?, name: String, on day: Day) -> Costing {
    if let sku, knows(sku) { return unitCost(of: sku, on: day).map(Costing.bySKU) ?? .none(.noCostYet) }
    let skus = skus(named: name)
    guard !skus.isEmpty else { return .none(sku == nil ? .noSKU : .noMatch) }
    let costs = skus.map { unitCost(of: $0, on: day) }
    if costs.allSatisfy({ $0 == nil }) { return .none(.noCostYet) }
    guard let first = costs[0], costs.allSatisfy({ $0 == first }) else { return .none(.ambiguousName) }
    return .byName(first)
  }

  public var skuCount: Int { Set(undated.keys).union(dated.keys).count }
}

/// How a line's unit cost was found, or why it was not.
public enum Costing: Hashable, Sendable {
  /// By the line's SKU.
  case bySKU(Money)
  /// By the line's (or item's) product name.
  case byName(Money)
  case none(UncostedReason)

  public var unitCost: Money? {
    switch self {
    case .bySKU(let c), .byName(let c): return c
    case .none: return nil
    }
  }
}

/// Why sales have no cost of goods: the workbook's list of uncosted products says it for each.
public enum UncostedReason: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
  /// A cost source lists the product, but no cost of it is dated on or before the day of the sale.
  case noCostYet = "no_cost_yet"
  /// The line has no SKU, and no cost source names a product so.
  case noSKU = "no_sku"
  /// No cost source lists the SKU, nor names a product as the line does.
  case noMatch = "no_match"
  /// The name is that of several SKUs whose costs differ: which one was sold cannot be told.
  case ambiguousName = "ambiguous_name"
  /// The order's item list could not be read as items (`N× name`, as the profile declares).
  case unreadableItems = "unreadable_items"
  /// The items listed add up to other units than the row's quantity.
  case itemsDisagree = "items_disagree"
  /// An item's name contains the list's separator and no cost source names a product so: the list
  /// cannot be split without guessing.
  case unknownJoinedName = "unknown_joined_name"
  /// Two neighbouring items of the list are also, read as one, a product a cost source names: the list
  /// can be read two ways.
  case ambiguousItems = "ambiguous_items"
  /// No cost source lists the SKU, and the exports gave it several product names: which was sold cannot
  /// be told by name.
  case skuOfSeveralNames = "sku_of_several_names"

  public static func < (a: UncostedReason, b: UncostedReason) -> Bool { a.rawValue < b.rawValue }
}

/// A cost book's answers by product name (see `CostBook.skus(named:)`); at most a few tens of
/// thousands kept.
final class NamesAsked: Sendable {
  private let answers = Mutex<[String: [String]]>([:])

  func skus(named name: String) -> [String]? { answers.withLock { $0[name] } }

  func remember(_ skus: [String], named name: String) {
    answers.withLock {
      if $0.count >= 50_000 { $0.removeAll() }
      $0[name] = skus
    }
  }
}
