import AOPLedger
import AOPPlan

/// An amount against its plan figure. Variance is signed so that positive is good: for revenue
/// actual − target, for a budget (a limit) budget − actual.
public struct VersusPlan: Hashable, Sendable, Codable {
  public enum Kind: String, Hashable, Sendable, Codable {
    /// More is better (revenue against its target).
    case target
    /// Less is better (spend against its budget).
    case limit
  }

  public var actual: Money
  public var plan: Money?
  public var kind: Kind

  public init(actual: Money, plan: Money?, kind: Kind) {
    self.actual = actual
    self.plan = plan
    self.kind = kind
  }

  /// Positive when better than plan.
  public var variance: Money? { plan.map { kind == .target ? actual - $0 : $0 - actual } }
  /// The variance as a share of the plan figure; `nil` without a plan or when the plan is zero.
  public var varianceRatio: Ratio? { variance.flatMap { v in plan.flatMap { Ratio(v, over: $0) } } }
  /// Actual as a share of plan (how much of a budget is used).
  public var attainment: Ratio? { plan.flatMap { Ratio(actual, over: $0) } }
  /// On track when the variance is not negative; `nil` without a plan.
  public var onTrack: Bool? { variance.map { $0 >= .zero } }
}

/// A ratio KPI against its goal: a floor (gross margin, online share) or a ceiling (marketing-to-revenue).
public struct RatioVersusGoal: Hashable, Sendable, Codable {
  public enum Direction: String, Hashable, Sendable, Codable {
    case higherIsBetter = "higher_is_better"
    case lowerIsBetter = "lower_is_better"
  }

  public var actual: Ratio?
  public var goal: Ratio?
  public var direction: Direction

  public init(actual: Ratio?, goal: Ratio?, direction: Direction) {
    self.actual = actual
    self.goal = goal
    self.direction = direction
  }

  /// The gap to the goal in percentage points, positive when better than the goal.
  public var variancePoints: Double? {
    guard let a = actual?.value, let g = goal?.value else { return nil }
    return ((direction == .higherIsBetter ? a - g : g - a) * 100 * 1_000_000).rounded() / 1_000_000
  }

  /// `nil` when there is no data or no goal.
  public var onTrack: Bool? {
    guard let a = actual, let g = goal else { return nil }
    // Compare exactly: a.num/a.den vs g.num/g.den by cross-multiplication (denominators positive here).
    let lhs = a.numerator.multipliedFullWidth(by: g.denominator)
    let rhs = g.numerator.multipliedFullWidth(by: a.denominator)
    let aBig = (lhs.high, lhs.low), gBig = (rhs.high, rhs.low)
    let sameSign = (a.denominator > 0) == (g.denominator > 0)
    let aGreaterOrEqual = sameSign ? aBig >= gBig : aBig <= gBig
    let aLessOrEqual = sameSign ? aBig <= gBig : aBig >= gBig
    return direction == .higherIsBetter ? aGreaterOrEqual : aLessOrEqual
  }
}
