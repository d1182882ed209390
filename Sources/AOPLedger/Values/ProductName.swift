/// The one rule for matching a product by its name (a sale line without a SKU, an item of an order's
/// item list) against the names the cost sources give: case ignored, white space trimmed and inner runs
/// collapsed to one space. Canonically equivalent spellings (NFC and NFD) are the same key already:
/// Swift compares and hashes strings by canonical equivalence.
public enum ProductName {
  public static func key(_ name: String) -> String {
    name.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").lowercased()
  }
}
