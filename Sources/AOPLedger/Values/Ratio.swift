/// A ratio of two exact sums (numerator / denominator), never an average of ratios.
///
/// `nil` stands for "no data": a ratio over a zero denominator is not 0%.
public struct Ratio: Hashable, Sendable, Codable {
  public var numerator: Int64
  public var denominator: Int64

  /// Returns `nil` when the denominator is zero.
  public init?(_ numerator: Money, over denominator: Money) {
    guard denominator.minorUnits != 0 else { return nil }
    self.numerator = numerator.minorUnits
    self.denominator = denominator.minorUnits
  }

  public init?(numerator: Int64, denominator: Int64) {
    guard denominator != 0 else { return nil }
    self.numerator = numerator
    self.denominator = denominator
  }

  /// A share written in parts per million (a plan's `"45%"` is 450,000).
  public init(partsPerMillion: Int64) {
    numerator = partsPerMillion
    denominator = 1_000_000
  }

  /// The value as a fraction (0.35 for 35%), for display only: comparisons use `compared(to:)`.
  public var value: Double { Double(numerator) / Double(denominator) }

  /// The decimals a percentage of this ratio needs (1 to 4) to be told from each of `bounds` it is
  /// judged against: 34.99% beside a 35% floor needs 2, where `35.0%` would hide the breach.
  public func percentDecimals(distinctFrom bounds: [Ratio]) -> Int {
    var scale = 1_000.0  // percent with one decimal: value × 100 × 10
    for digits in 1...4 {
      let shown = (value * scale).rounded()
      if bounds.allSatisfy({ compared(to: $0) == 0 || ($0.value * scale).rounded() != shown }) { return digits }
      scale *= 10
    }
    return 4
  }

  /// Compares exactly, by cross-multiplying in 128 bits (a breach hidden by rounding is still one):
  /// negative, zero or positive as this is less than, equal to or more than `other`.
  public func compared(to other: Ratio) -> Int {
    let lhs = numerator.multipliedFullWidth(by: other.denominator)
    let rhs = other.numerator.multipliedFullWidth(by: denominator)
    let order = (lhs.high, lhs.low) < (rhs.high, rhs.low) ? -1 : ((lhs.high, lhs.low) == (rhs.high, rhs.low) ? 0 : 1)
    // Multiplying by the other's denominator flips the order when exactly one denominator is negative.
    return (denominator < 0) != (other.denominator < 0) ? -order : order
  }

  public init(from decoder: Decoder) throws {
    let v = try decoder.singleValueContainer().decode(Double.self)
    let scaled = (v * 1_000_000).rounded()
    self.numerator = Int64(scaled)
    self.denominator = 1_000_000
  }
  public func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(value)
  }
}
