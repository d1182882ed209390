import Foundation

/// The one rule for comparing header names: NFC-normalised, a leading BOM dropped, surrounding white
/// space trimmed and inner runs collapsed to one space; case kept, because Shopee has two headers that
/// differ only in case (`Tổng số tiền Người mua thanh toán` / `… người mua …`).
public enum HeaderName {
  public static func normalize(_ raw: String) -> String {
    // Most values are already clean: no BOM, no doubled or edge white space, no combining mark.
    if isClean(raw) { return raw }
    var text = raw
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    let parts = text.split(whereSeparator: { $0.isWhitespace })
    return parts.joined(separator: " ").precomposedStringWithCanonicalMapping
  }

  private static func isClean(_ text: String) -> Bool {
    var previousSpace = true  // a leading space is not clean
    for scalar in text.unicodeScalars {
      let v = scalar.value
      if v == 0x20 {
        if previousSpace { return false }
        previousSpace = true
        continue
      }
      if v < 0x20 || v == 0x85 || v == 0xA0 || v == 0xFEFF || (0x300...0x36F).contains(v)
        || (0x2000...0x200A).contains(v) || v == 0x3000
      {
        return false
      }
      previousSpace = false
    }
    return !previousSpace || text.isEmpty
  }
}
