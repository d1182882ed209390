/// An exact amount in integer minor units of the plan's currency (VND has none, so 1 unit = 1 ₫).
///
/// Never `Double`: sums of money stay exact. Conversion to `Double` happens only where a file format
/// stores IEEE doubles (the workbook writer).
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  public var minorUnits: Int64

  public init(minorUnits: Int64) { self.minorUnits = minorUnits }
  public static let zero = Money(minorUnits: 0)

  public static func + (a: Money, b: Money) -> Money { Money(minorUnits: a.minorUnits + b.minorUnits) }
  public static func - (a: Money, b: Money) -> Money { Money(minorUnits: a.minorUnits - b.minorUnits) }
  public static prefix func - (a: Money) -> Money { Money(minorUnits: -a.minorUnits) }
  public static func += (a: inout Money, b: Money) { a.minorUnits += b.minorUnits }
  public static func -= (a: inout Money, b: Money) { a.minorUnits -= b.minorUnits }
  public static func < (a: Money, b: Money) -> Bool { a.minorUnits < b.minorUnits }

  /// The largest magnitude one amount may have, in minor units (10^15: a quadrillion đồng, ten trillion
  /// dollars): a row's amount, a unit cost, a plan figure. A larger value is refused where it is read.
  public static let valueLimit: Int64 = 1_000_000_000_000_000

  /// The largest magnitude the amounts of one run may add up to (10^18), and so any total, difference
  /// or cost of goods made from them: far below `Int64.max` (about 9.2 × 10^18), so that no sum of the
  /// report can overflow. Enforced where amounts enter a run (rows, plan, baseline).
  public static let totalLimit: Int64 = 1_000_000_000_000_000_000

  /// `self × count`, e.g. unit price × quantity; `nil` when the product cannot be represented.
  public func times(checked count: Int) -> Money? {
    let (product, overflow) = minorUnits.multipliedReportingOverflow(by: Int64(count))
    return overflow ? nil : Money(minorUnits: product)
  }

  /// `self × count` where the bounds of the run's amounts keep the product in range (the cost of goods
  /// of amounts that entered through the run's limits).
  public func times(_ count: Int) -> Money { Money(minorUnits: minorUnits * Int64(count)) }

  /// `self × numerator / denominator`, rounded half away from zero; `nil` when the denominator is zero
  /// or the result cannot be represented. Used where a share of an amount is needed once (a returned
  /// part of a line, a run-rate); sums that must add up use `allocate(_:weights:)` instead.
  public func scaled(by numerator: Int64, over denominator: Int64) -> Money? {
    guard denominator != 0 else { return nil }
    let negative = ((minorUnits < 0) != (numerator < 0)) != (denominator < 0)
    let product = minorUnits.magnitude.multipliedFullWidth(by: numerator.magnitude)
    let divisor = denominator.magnitude
    guard product.high < divisor else { return nil }
    let (q, r) = divisor.dividingFullWidth(product)
    // Round half away from zero: on magnitudes, up when 2r ≥ divisor.
    guard q < UInt64(Int64.max) else { return nil }
    let quotient = r != 0 && r >= divisor - r ? q + 1 : q
    return Money(minorUnits: negative ? -Int64(quotient) : Int64(quotient))
  }

  public var description: String { String(minorUnits) }

  public init(from decoder: Decoder) throws {
    minorUnits = try decoder.singleValueContainer().decode(Int64.self)
  }
  public func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(minorUnits)
  }
}

extension Money {
  /// Splits `self` over `weights` in whole minor units by the largest-remainder rule, ties going to the
  /// earlier weight, so the parts always add up to `self` exactly.
  ///
  /// Weights of zero get zero unless every weight is zero, in which case the split is even.
  /// Negative weights are treated by magnitude; the parts carry the sign of `self`.
  public func allocate(weights: [Int64]) -> [Money] {
    guard !weights.isEmpty else { return [] }
    var magnitudes = weights.map { $0.magnitude }
    // The weights' sum must fit 64 bits: past that, all are scaled down by the same power of two (the
    // parts still add up exactly; only their proportions are rounded a little).
    var total: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      var sum: UInt64 = 0
      var overflow = false
      for w in magnitudes {
        (sum, overflow) = sum.addingReportingOverflow(w >> shift)
        if overflow { break }
      }
      if !overflow {
        total = sum
        break
      }
      shift += 1
    }
    if shift > 0 { magnitudes = magnitudes.map { $0 >> shift } }
    if total == 0 {
      magnitudes = Array(repeating: 1, count: weights.count)
      total = UInt64(weights.count)
    }
    let amount = minorUnits.magnitude
    var parts = [UInt64](repeating: 0, count: weights.count)
    var remainders = [(remainder: UInt64, index: Int)]()
    remainders.reserveCapacity(weights.count)
    var given: UInt64 = 0
    for (i, w) in magnitudes.enumerated() {
      let product = amount.multipliedFullWidth(by: w)
      let (q, r) = total.dividingFullWidth(product)
      parts[i] = q
      given += q
      remainders.append((r, i))
    }
    // Hand out the units left over to the largest remainders, earlier index first on ties.
    remainders.sort { $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.index < $1.index }
    var left = amount - given
    var k = 0
    while left > 0 {
      parts[remainders[k].index] += 1
      left -= 1
      k += 1
    }
    let sign: Int64 = minorUnits < 0 ? -1 : 1
    return parts.map { Money(minorUnits: sign * Int64($0)) }
  }
}

extension Sequence where Element == Money {
  /// The exact sum.
  public func sum() -> Money { reduce(.zero, +) }
}
