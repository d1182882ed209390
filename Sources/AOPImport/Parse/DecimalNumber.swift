/// A decimal number parsed from text: `significand / 10^scale`, exact.
public struct DecimalNumber: Hashable, Sendable {
  public var significand: Int64
  public var scale: Int

  public init(significand: Int64, scale: Int) {
    self.significand = significand
    self.scale = scale
  }

  /// Why a number is not a whole number of minor units.
  public enum MinorUnitsFailure: Error, Hashable, Sendable {
    /// Non-zero digits beyond the currency's (1.5 for VND).
    case tooManyDecimals
    /// Beyond what 64 bits hold.
    case tooLarge
  }

  /// The value in minor units of a currency with `digits` minor digits (150000.00 is fine for VND, 1.5
  /// is not).
  public func minorUnits(digits: Int) -> Result<Int64, MinorUnitsFailure> {
    if scale <= digits {
      var v = significand
      for _ in scale..<digits {
        let (m, overflow) = v.multipliedReportingOverflow(by: 10)
        if overflow { return .failure(.tooLarge) }
        v = m
      }
      return .success(v)
    }
    var v = significand
    for _ in digits..<scale {
      guard v % 10 == 0 else { return .failure(.tooManyDecimals) }
      v /= 10
    }
    return .success(v)
  }

  /// The value rounded (half away from zero) to at most `digits` decimals: for numbers a spreadsheet
  /// stored as binary floating point (`150000.00000000003`), whose last digits are noise.
  public func rounded(toScale digits: Int) -> DecimalNumber {
    guard scale > digits else { return self }
    var v = significand
    var firstDropped: Int64 = 0
    // Drop digits from the right; the last one dropped is the first after the kept ones.
    for _ in digits..<scale {
      firstDropped = v % 10
      v /= 10
    }
    if abs(firstDropped) >= 5 { v += significand < 0 ? -1 : 1 }
    return DecimalNumber(significand: v, scale: digits)
  }

  /// The value as a whole number, or `nil` when it has a non-zero fraction (`1.0` is 1).
  public var integer: Int? { (try? minorUnits(digits: 0).get()).flatMap { Int(exactly: $0) } }
}
