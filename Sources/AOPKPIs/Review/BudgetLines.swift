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

  /// A piece of spend as the budget sees it: marketing of a channel, or an expense of a category (as
  /// the exports name it).
  public enum Spend: Hashable, Sendable {
    case marketing(channel: String)
    case expense(category: String)
    /// Goods bought (a cost line's purchase amount).
    case purchase
  }

  /// The budget line that `spend` in month `m` counts toward: a channel's own marketing category, else
  /// the marketing category for all other channels; the first fixed or other category one of whose
  /// expense categories starts the expense's category; else `unbudgetedID`; a purchase, the first
  /// purchasing category (`""` without one). Every piece of spend counts toward one line only.
  public static func lineID(of spend: Spend, in m: Month, plan: Plan) -> String {
    let categories = plan.budget(in: m)
    switch spend {
    case .marketing(let channel):
      let marketing = categories.filter { $0.kind == .marketing }
      return (marketing.first { $0.channel == channel } ?? marketing.first { $0.channel == nil })?.id ?? unbudgetedID
    case .expense(let category):
      let claiming = categories.first { c in
        (c.kind == .fixed || c.kind == .other) && c.expenseCategories.contains { category.hasPrefix($0) }
      }
      return claiming?.id ?? unbudgetedID
    case .purchase:
      // The first purchasing category; none without one (purchases are not an expense to leave unbudgeted).
      return categories.first { $0.kind == .purchasing }?.id ?? ""
    }
  }

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
    /// Each budget line's spend in month `m`; purchases go to the first purchasing category in force.
    func actuals(in m: Month) -> [String: Money] {
      var byLine: [String: Money] = [:]
      for (key, figures) in rollup.cells where key.month == m && figures.marketing != .zero {
        byLine[lineID(of: .marketing(channel: key.channel), in: m, plan: plan), default: .zero] += figures.marketing
      }
      for (category, amount) in rollup.expenses[m] ?? [:] {
        byLine[lineID(of: .expense(category: category), in: m, plan: plan), default: .zero] += amount
      }
      let purchasing = lineID(of: .purchase, in: m, plan: plan)
      if !purchasing.isEmpty { byLine[purchasing, default: .zero] += rollup.purchases[m] ?? .zero }
      return byLine
    }
    let byMonth = Dictionary(uniqueKeysWithValues: ytd.map { ($0, actuals(in: $0)) })
    func actual(_ id: String, months: [Month]) -> Money { months.map { byMonth[$0]?[id] ?? .zero }.sum() }
    var lines = ids.map { c -> BudgetLine in
      BudgetLine(
        id: c.id, name: c.name, kind: c.kind, channel: c.channel,
        month: VersusPlan(
          actual: actual(c.id, months: [month]), plan: targets.budget(c.id, months: [month]), kind: .limit),
        yearToDate: VersusPlan(
          actual: actual(c.id, months: ytd), plan: targets.budget(c.id, months: ytd), kind: .limit),
        annual: targets.budget(c.id, months: allMonths),
        originalAnnual: targets.budget(c.id, months: allMonths, original: true))
    }
    let ytdUnclaimed = actual(unbudgetedID, months: ytd)
    if ytdUnclaimed != .zero {
      lines.append(
        BudgetLine(
          id: unbudgetedID, name: unbudgetedID, kind: nil, channel: nil,
          month: VersusPlan(actual: actual(unbudgetedID, months: [month]), plan: .zero, kind: .limit),
          yearToDate: VersusPlan(actual: ytdUnclaimed, plan: .zero, kind: .limit), annual: .zero, originalAnnual: .zero)
      )
    }
    return lines
  }
}
