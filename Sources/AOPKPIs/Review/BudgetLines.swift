import AOPLedger
import AOPPlan

/// One budget category against its actual spend: the month, the year to date, and what is left of the
/// year's budget. Budgets are limits: positive variance is money not spent.
public struct BudgetLine: Hashable, Sendable {
  public var id: String
  public var name: String
  public var kind: Plan.BudgetCategory.Kind?
  /// The channel a marketing category is for (`nil`: shared, or not marketing).
  public var channel: String?
  public var month: VersusPlan
  public var yearToDate: VersusPlan
  /// The year's budget in force (revisions applied) and as first planned.
  public var annual: Money
  public var originalAnnual: Money
  /// The year's budget minus the spend so far.
  public var remaining: Money { annual - yearToDate.actual }
  /// Spend so far over the year's budget.
  public var usedOfAnnual: Ratio? { Ratio(yearToDate.actual, over: annual) }
  /// Over its limit in the month or the year to date.
  public var overLimit: Bool { month.onTrack == false || yearToDate.onTrack == false }

  /// The id of the line that gathers expenses no category of the plan claims.
  public static let unbudgetedID = "unbudgeted"

  /// Every budget category of the plan year with its actuals, plus a line for expenses no category
  /// claims (when there are any).
  static func compute(month: Month, rollup: Rollup, plan: Plan, targets: Targets) -> [BudgetLine] {
    let ytd = month.yearToDate
    let allMonths = Month.allOf(year: plan.year)
    // Every category id that is in force in some month of the year, in the order first met.
    var ids: [Plan.BudgetCategory] = []
    for m in allMonths {
      for c in plan.budget(in: m) where !ids.contains(where: { $0.id == c.id }) { ids.append(c) }
    }
    func actual(_ category: Plan.BudgetCategory, in m: Month) -> Money {
      switch category.kind {
      case .marketing:
        if let channel = category.channel { return rollup.figures(months: [m], channel: channel).marketing }
        // All marketing not claimed by a channel's own category in force that month.
        let claimed = Set(plan.budget(in: m).filter { $0.kind == .marketing }.compactMap(\.channel))
        return rollup.total { $0.month == m && !claimed.contains($0.channel) }.marketing
      case .purchasing:
        return rollup.purchases[m] ?? .zero
      case .fixed, .other:
        return (rollup.expenses[m] ?? [:]).filter { entry in category.expenseCategories.contains { entry.key.hasPrefix($0) } }.values.sum()
      }
    }
    var lines = ids.map { c -> BudgetLine in
      let inForce = { (m: Month) -> Plan.BudgetCategory? in plan.budget(in: m).first { $0.id == c.id } }
      let monthActual = inForce(month).map { actual($0, in: month) } ?? .zero
      let ytdActual = ytd.compactMap { m in inForce(m).map { actual($0, in: m) } }.sum()
      return BudgetLine(
        id: c.id, name: c.name, kind: c.kind, channel: c.channel,
        month: VersusPlan(actual: monthActual, plan: targets.budget(c.id, months: [month]), kind: .limit),
        yearToDate: VersusPlan(actual: ytdActual, plan: targets.budget(c.id, months: ytd), kind: .limit),
        annual: targets.budget(c.id, months: allMonths), originalAnnual: targets.budget(c.id, months: allMonths, original: true))
    }
    // Expenses that no fixed or other category claims, and marketing of channels no marketing category
    // claims (when there is no category for all other marketing).
    func unclaimed(_ m: Month) -> Money {
      let categories = plan.budget(in: m)
      let prefixes = categories.filter { $0.kind == .fixed || $0.kind == .other }.flatMap(\.expenseCategories)
      let expenses = (rollup.expenses[m] ?? [:]).filter { entry in !prefixes.contains { entry.key.hasPrefix($0) } }.values.sum()
      let marketing = categories.filter { $0.kind == .marketing }
      guard !marketing.contains(where: { $0.channel == nil }) else { return expenses }
      let claimed = Set(marketing.compactMap(\.channel))
      return expenses + rollup.total { $0.month == m && !claimed.contains($0.channel) }.marketing
    }
    let ytdUnclaimed = ytd.map(unclaimed).sum()
    if ytdUnclaimed != .zero {
      lines.append(BudgetLine(
        id: unbudgetedID, name: unbudgetedID, kind: nil, channel: nil,
        month: VersusPlan(actual: unclaimed(month), plan: .zero, kind: .limit),
        yearToDate: VersusPlan(actual: ytdUnclaimed, plan: .zero, kind: .limit), annual: .zero, originalAnnual: .zero))
    }
    return lines
  }
}
