import AOPLedger
import Foundation

/// How an export lists an order's items in one cell: each item as a pattern such as `{quantity}× {name}`,
/// joined by a separator such as `, ` (WooCommerce's `Product(s)`).
///
/// A piece of the cell that is not an item by the pattern belongs to a neighbouring item's name (the name
/// contains the separator): to the previous item's when the pattern starts with the quantity, to the next
/// one's when it starts with the name. Such a name stands only if a cost source names a product so, and a
/// cell whose neighbouring items could also be one product of the cost sources is not costed: the ledger
/// checks both when it costs the order, so nothing is guessed.
public struct ItemListFormat: Sendable, Hashable {
  public let pattern: String
  public let separator: String
  private let prefix: String
  private let middle: String
  private let suffix: String
  private let quantityFirst: Bool

  /// A pattern or separator a profile cannot use, and why.
  struct Invalid: Error {
    var key: String
    var problem: String
  }

  init(pattern: String, separator: String) throws(Invalid) {
    let q = "{quantity}", n = "{name}"
    guard pattern.components(separatedBy: q).count == 2, pattern.components(separatedBy: n).count == 2 else {
      throw Invalid(
        key: "items.pattern",
        problem: "`\(pattern)` must hold {quantity} and {name} once each, e.g. \"{quantity}× {name}\"")
    }
    guard !separator.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      throw Invalid(key: "items.separator", problem: "give the text between two items, e.g. \", \"")
    }
    let qRange = pattern.range(of: q)!, nRange = pattern.range(of: n)!
    quantityFirst = qRange.lowerBound < nRange.lowerBound
    let (first, second) = quantityFirst ? (qRange, nRange) : (nRange, qRange)
    prefix = String(pattern[..<first.lowerBound])
    middle = String(pattern[first.upperBound..<second.lowerBound])
    suffix = String(pattern[second.upperBound...])
    guard !middle.isEmpty else {
      throw Invalid(
        key: "items.pattern",
        problem: "`\(pattern)` needs some text between {quantity} and {name}, e.g. \"{quantity}× {name}\"")
    }
    let core = middle.trimmingCharacters(in: .whitespaces)
    guard core.isEmpty || !separator.contains(core) else {
      throw Invalid(
        key: "items.separator",
        problem: "`\(separator)` holds the pattern's `\(middle)`: an item could not be told from the next")
    }
    self.pattern = pattern
    self.separator = separator
  }

  /// A piece read against the pattern.
  private enum Piece {
    case item(ItemList.Item)
    /// Shaped like an item, but its quantity is not a number of units a line may have.
    case badQuantity(String)
    /// Not an item: part of a name.
    case text
  }

  /// The items of `cell`, or why it cannot be read as items.
  public func parse(_ cell: String) -> ItemList {
    let pieces = cell.components(separatedBy: separator).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
      .filter { !$0.isEmpty }
    var items: [ItemList.Item] = []
    /// The pieces as written, per item (an item of a joined name has several).
    var written: [[String]] = []
    var pending: [String] = []  // pieces waiting for the next item (the name comes first)
    for piece in pieces {
      switch read(piece) {
      case .badQuantity(let quantity):
        return ItemList(
          unreadable: "`\(piece)`: `\(quantity)` is not a number of units from 1 to \(SaleLine.quantityLimit)")
      case .item(var item):
        if !pending.isEmpty {
          item.name = (pending + [item.name]).joined(separator: separator)
          item.joined = true
        }
        items.append(item)
        written.append(pending + [piece])
        pending = []
      case .text:
        if quantityFirst, !items.isEmpty {
          items[items.count - 1].name += separator + piece
          items[items.count - 1].joined = true
          written[written.count - 1].append(piece)
        } else if quantityFirst {
          return ItemList(unreadable: "`\(piece)` is not an item like `\(pattern)`")
        } else {
          pending.append(piece)
        }
      }
    }
    if let left = pending.first { return ItemList(unreadable: "`\(left)` is not an item like `\(pattern)`") }
    guard !items.isEmpty else { return ItemList(unreadable: "no items listed") }
    guard items.reduce(0, { $0 + $1.quantity }) <= SaleLine.quantityLimit else {
      return ItemList(unreadable: "the items add up to more than \(SaleLine.quantityLimit) units")
    }
    // The other way to read two neighbours: as one product whose name holds the separator.
    var others: [String] = []
    for i in items.indices.dropLast() {
      others.append(
        quantityFirst
          ? items[i].name + separator + written[i + 1].joined(separator: separator)
          : written[i].joined(separator: separator) + separator + items[i + 1].name)
    }
    return ItemList(items: items, otherReadings: others)
  }

  /// One piece against the pattern: an item of a whole number of units from 1 and a name, a piece shaped
  /// like one with a quantity out of range, or text.
  private func read(_ piece: String) -> Piece {
    guard piece.hasPrefix(prefix), piece.hasSuffix(suffix), piece.count >= prefix.count + suffix.count else {
      return .text
    }
    let inner = piece.dropFirst(prefix.count).dropLast(suffix.count)
    guard let split = quantityFirst ? inner.range(of: middle) : inner.range(of: middle, options: .backwards) else {
      return .text
    }
    let quantityText = (quantityFirst ? inner[..<split.lowerBound] : inner[split.upperBound...]).trimmingCharacters(
      in: .whitespaces)
    let name = (quantityFirst ? inner[split.upperBound...] : inner[..<split.lowerBound]).trimmingCharacters(
      in: .whitespaces)
    guard !name.isEmpty, !quantityText.isEmpty, quantityText.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
      return .text
    }
    guard quantityText.utf8.count <= 10, let quantity = Int(quantityText), quantity >= 1,
      quantity <= SaleLine.quantityLimit
    else {
      return .badQuantity(quantityText)
    }
    return .item(ItemList.Item(quantity: quantity, name: name))
  }
}
