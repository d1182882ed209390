import Foundation

/// The one rule for comparing header names: NFC-normalised, a leading BOM dropped, surrounding white
/// space trimmed and inner runs collapsed to one space; case kept, because Shopee has two headers that
/// differ only in case (`Tổng số tiền Người mua thanh toán` / `… người mua …`).
public enum HeaderName {
  public static func normalize(_ raw: String) -> String {
    var text = raw
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    let parts = text.split(whereSeparator: { $0.isWhitespace })
    return parts.joined(separator: " ").precomposedStringWithCanonicalMapping
  }
}
