import AOPLedger
import Foundation

/// How an export lists an order's items in one cell: each item as a pattern such as `{quantity}× {name}`,
/// joined by a separator such as `, ` (WooCommerce's `Product(s)`).
///
/// A piece of the cell that is not an item by the pattern continues the previous item's name (the name
/// contains the separator); such a name stands only if a cost source names a product so, which the
/// ledger checks when it costs the order: nothing is guessed.
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
      throw Invalid(key: "items.pattern", problem: "`\(pattern)` must hold {quantity} and {name} once each, e.g. \"{quantity}× {name}\"")
    }
    guard !separator.isEmpty, separator.trimmingCharacters(in: .whitespaces).count > 0 else {
      throw Invalid(key: "items.separator", problem: "give the text between two items, e.g. \", \"")
    }
    let qRange = pattern.range(of: q)!, nRange = pattern.range(of: n)!
    quantityFirst = qRange.lowerBound < nRange.lowerBound
    let (first, second) = quantityFirst ? (qRange, nRange) : (nRange, qRange)
    prefix = String(pattern[..<first.lowerBound])
    middle = String(pattern[first.upperBound..<second.lowerBound])
    suffix = String(pattern[second.upperBound...])
    guard !middle.isEmpty else {
      throw Invalid(key: "items.pattern", problem: "`\(pattern)` needs some text between {quantity} and {name}, e.g. \"{quantity}× {name}\"")
    }
    let core = middle.trimmingCharacters(in: .whitespaces)
    guard core.isEmpty || !separator.contains(core) else {
      throw Invalid(key: "items.separator", problem: "`\(separator)` holds the pattern's `\(middle)`: an item could not be told from the next")
    }
    self.pattern = pattern
    self.separator = separator
  }

  /// The items of `cell`, or why it cannot be read as items.
  public func parse(_ cell: String) -> ItemList {
    var items: [ItemList.Item] = []
    for raw in cell.components(separatedBy: separator) {
      let piece = raw.trimmingCharacters(in: .whitespaces)
      if piece.isEmpty { continue }
      if let item = self.item(piece) {
        items.append(item)
      } else if !items.isEmpty {
        items[items.count - 1].name += separator + raw
        items[items.count - 1].name = items[items.count - 1].name.trimmingCharacters(in: .whitespaces)
        items[items.count - 1].joined = true
      } else {
        return ItemList(unreadable: "`\(piece)` is not an item like `\(pattern)`")
      }
    }
    guard !items.isEmpty else { return ItemList(unreadable: "no items listed") }
    return ItemList(items: items)
  }

  /// One piece as an item, when it reads as one: a whole number of units from 1 and a name.
  private func item(_ piece: String) -> ItemList.Item? {
    guard piece.hasPrefix(prefix), piece.hasSuffix(suffix), piece.count >= prefix.count + suffix.count else { return nil }
    let inner = piece.dropFirst(prefix.count).dropLast(suffix.count)
    guard let split = quantityFirst ? inner.range(of: middle) : inner.range(of: middle, options: .backwards) else { return nil }
    let quantityText = (quantityFirst ? inner[..<split.lowerBound] : inner[split.upperBound...]).trimmingCharacters(in: .whitespaces)
    let name = (quantityFirst ? inner[split.upperBound...] : inner[..<split.lowerBound]).trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty, !quantityText.isEmpty, quantityText.utf8.count <= 10, quantityText.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
      let quantity = Int(quantityText), quantity >= 1, quantity <= SaleLine.quantityLimit
    else { return nil }
    return ItemList.Item(quantity: quantity, name: name)
  }
}
