/// A currency: its ISO code and how many minor-unit digits it has (VND 0, USD 2).
public struct Currency: Hashable, Sendable, Codable {
  public var code: String
  public var minorDigits: Int

  public init(code: String, minorDigits: Int) {
    self.code = code
    self.minorDigits = minorDigits
  }

  public static let vnd = Currency(code: "VND", minorDigits: 0)

  /// ISO 4217 codes this tool knows the minor digits of; others must be declared in the plan.
  public static func known(_ code: String) -> Currency? {
    switch code.uppercased() {
    case "VND", "JPY", "KRW", "IDR": return Currency(code: code.uppercased(), minorDigits: 0)
    case "USD", "EUR", "GBP", "SGD", "MYR", "THB", "PHP", "AUD", "CAD", "CNY", "ZAR":
      return Currency(code: code.uppercased(), minorDigits: 2)
    default: return nil
    }
  }

  /// Powers of ten for converting between decimal text and minor units.
  public var unitScale: Int64 {
    var s: Int64 = 1
    for _ in 0..<minorDigits { s *= 10 }
    return s
  }
}
