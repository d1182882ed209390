/// A spreadsheet column's letters from its 0-based index: 0 → `A`, 25 → `Z`, 26 → `AA`, 16,383 → `XFD`.
public func spreadsheetColumnName(_ index: Int) -> String {
  var name = ""
  var c = index
  repeat {
    name = String(UnicodeScalar(UInt8(65 + c % 26))) + name
    c = c / 26 - 1
  } while c >= 0
  return name
}
