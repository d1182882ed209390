/// A decimal number parsed from text: `significand / 10^scale`, exact.
public struct DecimalNumber: Hashable, Sendable {
  public var significand: Int64
  public var scale: Int

  public init(significand: Int64, scale: Int) {
    self.significand = significand
    self.scale = scale
  }

  /// The value in minor units of a currency with `digits` minor digits, or `nil` when it has non-zero
  /// digits beyond them (150000.00 is fine for VND, 1.5 is not).
  public func minorUnits(digits: Int) -> Int64? {
    if scale <= digits {
      var v = significand
      for _ in scale..<digits {
        let (m, overflow) = v.multipliedReportingOverflow(by: 10)
        if overflow { return nil }
        v = m
      }
      return v
    }
    var v = significand
    for _ in digits..<scale {
      guard v % 10 == 0 else { return nil }
      v /= 10
    }
    return v
  }

  /// The value as a whole number, or `nil` when it has a non-zero fraction (`1.0` is 1).
  public var integer: Int? { minorUnits(digits: 0).flatMap { Int(exactly: $0) } }
}
