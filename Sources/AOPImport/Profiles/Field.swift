/// What a profile can read from a file, by kind of file.
public enum ProfileKind: String, Sendable, Hashable, CaseIterable {
  /// Sale (and return) lines: revenue, units, orders.
  case sales
  /// Unit costs per SKU (product lists, purchase details).
  case costs
  /// Marketing spend (ad platforms, marketing expenses).
  case spend
  /// A known export the review does not use (it restates figures another export gives): recognised,
  /// every row accounted for as skipped, with the profile's reason.
  case ignored
}

/// The named fields a profile maps file columns to.
public enum Field: String, Sendable, Hashable, CaseIterable, Comparable {
  case orderID = "order_id"
  /// A line's own id within its order (Lazada's `orderItemId`), for identity only.
  case lineID = "line_id"
  case date
  case status
  case sku
  case productName = "product_name"
  case productGroup = "product_group"
  case quantity
  case unitPrice = "unit_price"
  case lineDiscount = "line_discount"
  case lineNet = "line_net"
  case returnedQuantity = "returned_quantity"
  case orderDiscount = "order_discount"
  case unitCost = "unit_cost"
  case startDate = "start_date"
  case endDate = "end_date"
  case amount
  case label
  /// The channel a row belongs to, by value (`channel_values` maps them to channel ids).
  case channel
  /// An expense category (a cash book's `Loại thu chi`).
  case category
  /// The order's items listed in one cell (`2× name, 1× other`), as the profile's `[items]` declares,
  /// where the export has no line per SKU.
  case items

  public static func < (a: Field, b: Field) -> Bool { a.rawValue < b.rawValue }

  /// A small number per field, for array-backed lookups on the hot path (no hashing per row).
  var ordinal: Int {
    switch self {
    case .orderID: return 0
    case .lineID: return 1
    case .date: return 2
    case .status: return 3
    case .sku: return 4
    case .productName: return 5
    case .productGroup: return 6
    case .quantity: return 7
    case .unitPrice: return 8
    case .lineDiscount: return 9
    case .lineNet: return 10
    case .returnedQuantity: return 11
    case .orderDiscount: return 12
    case .unitCost: return 13
    case .startDate: return 14
    case .endDate: return 15
    case .amount: return 16
    case .label: return 17
    case .channel: return 18
    case .category: return 19
    case .items: return 20
    }
  }

  /// The fields a profile of `kind` may map.
  static func allowed(for kind: ProfileKind) -> Set<Field> {
    switch kind {
    case .sales:
      return [
        .orderID, .lineID, .date, .status, .sku, .productName, .productGroup, .quantity, .unitPrice, .lineDiscount,
        .lineNet, .returnedQuantity, .orderDiscount, .unitCost, .channel, .items,
      ]
    case .costs: return [.orderID, .sku, .unitCost, .productName, .productGroup, .date, .status, .amount]
    case .spend: return [.date, .startDate, .endDate, .amount, .label, .status, .channel, .category, .lineID]
    case .ignored: return Set(Field.allCases)
    }
  }

  /// Sets of fields of which a profile of `kind` must map at least one field each.
  static func required(for kind: ProfileKind) -> [[Field]] {
    switch kind {
    case .sales: return [[.orderID], [.date], [.sku, .items], [.quantity], [.lineNet, .unitPrice]]
    case .costs: return [[.sku], [.unitCost]]
    case .spend: return [[.amount], [.date, .startDate]]
    case .ignored: return []
    }
  }
}

/// Column positions by field, in an array: the lookup every cell read makes, without hashing.
struct FieldIndex: Sendable {
  private var slots = [Int](repeating: -1, count: Field.allCases.count)

  subscript(field: Field) -> Int? {
    get { slots[field.ordinal] >= 0 ? slots[field.ordinal] : nil }
    set { slots[field.ordinal] = newValue ?? -1 }
  }
}

/// Values by field for the few fields that have one (an order's filled-down order-level values): a short
/// list searched in order, with nothing hashed per lookup or allocated while it is empty.
struct FieldValues {
  private var entries: [(field: Field, value: ArraySlice<UInt8>)] = []

  subscript(field: Field) -> ArraySlice<UInt8>? {
    get {
      for entry in entries where entry.field == field { return entry.value }
      return nil
    }
    set {
      if let i = entries.firstIndex(where: { $0.field == field }) {
        if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
      } else if let newValue {
        entries.append((field, newValue))
      }
    }
  }
}
