/// The one way digits are grouped for people: `1,234,567` (English) or `1.234.567` (Vietnamese).
public enum Digits {
  public static func grouped(_ n: some BinaryInteger, separator: Character = ",") -> String {
    let digits = Array(String(n.magnitude))
    var out = n < 0 ? "-" : ""
    for (i, d) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { out.append(separator) }
      out.append(d)
    }
    return out
  }
}

/// `1 file`, `3 files`: a count with its noun, in the plural when it is not one.
public func counted(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
  "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
}
