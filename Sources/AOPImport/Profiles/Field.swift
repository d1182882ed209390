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

  public static func < (a: Field, b: Field) -> Bool { a.rawValue < b.rawValue }

  /// The fields a profile of `kind` may map.
  static func allowed(for kind: ProfileKind) -> Set<Field> {
    switch kind {
    case .sales: return [.orderID, .lineID, .date, .status, .sku, .productName, .productGroup, .quantity, .unitPrice, .lineDiscount, .lineNet, .returnedQuantity, .orderDiscount, .unitCost, .channel]
    case .costs: return [.sku, .unitCost, .productName, .productGroup, .date, .status, .amount]
    case .spend: return [.date, .startDate, .endDate, .amount, .label, .status, .channel, .category, .lineID]
    case .ignored: return Set(Field.allCases)
    }
  }

  /// Sets of fields of which a profile of `kind` must map at least one field each.
  static func required(for kind: ProfileKind) -> [[Field]] {
    switch kind {
    case .sales: return [[.orderID], [.date], [.sku], [.quantity], [.lineNet, .unitPrice]]
    case .costs: return [[.sku], [.unitCost]]
    case .spend: return [[.amount], [.date, .startDate]]
    case .ignored: return []
    }
  }
}
