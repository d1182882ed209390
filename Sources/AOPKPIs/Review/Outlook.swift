import AOPLedger
import AOPPlan

/// Where the year is heading and what the remaining months must do to reach each annual goal.
public struct Outlook: Sendable {
  /// The annual revenue target in force.
  public var annualTarget: Money
  /// Year-to-date actual plus the remaining months' targets.
  public var atPlan: Money
  /// Year-to-date actual scaled to the year by the share of the annual target phased into those months
  /// (the run-rate, seasonality included); `nil` when nothing was targeted yet.
  public var atRunRate: Money?
  /// The revenue the remaining months must bring in all (annual target − year-to-date actual).
  public var requiredRemaining: Money
  /// The remaining months' targets as planned.
  public var remainingTarget: Money
  /// Required over planned for the remaining months (1.08: 8% above their plan); `nil` in December.
  public var requiredOfPlan: Ratio?
  /// The revenue each remaining month must bring, re-spread by seasonality (their targets' shares).
  public var requiredByMonth: [(Month, Money)]
  /// The online share the remaining months need for the year to reach the goal; `nil` without a goal.
  public var requiredOnlineShare: Ratio?
  /// The gross margin the remaining months need (on revenue at plan, all of it costed).
  public var requiredGrossMargin: Ratio?
  /// The marketing-to-revenue the remaining months can afford under the ceiling.
  public var allowedMarketingToRevenue: Ratio?

  /// `nil` when the plan has no revenue goal.
  static func compute(month: Month, rollup: Rollup, plan: Plan, targets: Targets, onlineChannels: Set<String>)
    -> Outlook?
  {
    guard let annual = targets.annualRevenue else { return nil }
    let ytd = month.yearToDate
    let rest = Month.allOf(year: plan.year).filter { $0 > month }
    let figures = rollup.figures(months: ytd)
    let actual = figures.revenue
    let ytdTarget = targets.revenue(months: ytd) ?? .zero
    let remainingTarget = targets.revenue(months: rest) ?? .zero
    let required = annual - actual
    let restTargets = rest.map { targets.revenue(months: [$0]) ?? .zero }
    let requiredByMonth = Array(zip(rest, required.allocate(weights: restTargets.map(\.minorUnits))))
    let onlineYTD = rollup.total { ytd.contains($0.month) && onlineChannels.contains($0.channel) }.revenue
    let yearRevenue = actual + remainingTarget
    func shareOfRemaining(_ goal: Share?, _ needed: (Money) -> Money) -> Ratio? {
      guard let goal, remainingTarget > .zero else { return nil }
      guard let atGoal = yearRevenue.scaled(by: goal.partsPerMillion, over: 1_000_000) else { return nil }
      return Ratio(needed(atGoal), over: remainingTarget)
    }
    return Outlook(
      annualTarget: annual, atPlan: actual + remainingTarget,
      // Beyond what can be represented (a target phased almost to nothing so far), there is no run-rate to show.
      atRunRate: ytdTarget > .zero ? actual.scaled(by: annual.minorUnits, over: ytdTarget.minorUnits) : nil,
      requiredRemaining: required, remainingTarget: remainingTarget,
      requiredOfPlan: Ratio(required, over: remainingTarget),
      requiredByMonth: requiredByMonth,
      requiredOnlineShare: shareOfRemaining(plan.goals.onlineShare) { $0 - onlineYTD },
      requiredGrossMargin: {
        // Gross profit the year needs at the floor, on covered revenue so far plus the rest at plan.
        guard let floor = plan.goals.grossMarginFloor, remainingTarget > .zero else { return nil }
        let covered = figures.coveredRevenue + remainingTarget
        guard let atFloor = covered.scaled(by: floor.partsPerMillion, over: 1_000_000) else { return nil }
        let profitNeeded = atFloor - (figures.coveredRevenue - figures.cogs)
        return Ratio(profitNeeded, over: remainingTarget)
      }(),
      allowedMarketingToRevenue: shareOfRemaining(plan.goals.marketingToRevenueCeiling) { $0 - figures.marketing })
  }
}
