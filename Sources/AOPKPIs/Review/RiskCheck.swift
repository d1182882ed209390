import AOPLedger
import AOPPlan

/// A KPI's value and its traffic light for a period, and month by month through the year to date.
public struct KPIStatus: Hashable, Sendable {
  public enum Light: String, Hashable, Sendable, Codable {
    case green, amber, red
    case noData = "no_data"
  }

  /// One month of the year to date: the KPI over that month alone, its bounds then, and its light.
  public struct MonthStatus: Hashable, Sendable {
    public var month: Month
    public var value: Ratio?
    public var band: Plan.KPIThresholds.Band
    public var light: Light
  }

  public var kpi: Plan.KPI
  /// Where it is measured (a channel, a budget category, a product group; none for the whole shop).
  public var scope: Plan.Scope
  public var month: Ratio?
  public var yearToDate: Ratio?
  /// The bounds in force in the month reviewed (a KPI's bounds may differ for listed months); the
  /// year to date is judged by them too.
  public var green: Share
  public var amber: Share
  public var monthLight: Light
  public var yearToDateLight: Light
  /// Every month of the year to date, January first.
  public var byMonth: [MonthStatus]

  /// Green at or better than `green`, amber at or better than `amber`, else red: decided on exact
  /// values, so that 34.99% is below a 35% bound although both show as 35.0%.
  static func light(_ value: Ratio?, band: Plan.KPIThresholds.Band, higherIsBetter: Bool) -> Light {
    guard let value else { return .noData }
    func atOrBetter(_ bound: Share) -> Bool {
      let order = value.compared(to: bound.ratio)
      return higherIsBetter ? order >= 0 : order <= 0
    }
    if atOrBetter(band.green) { return .green }
    if atOrBetter(band.amber) { return .amber }
    return .red
  }
}

/// A risk of the plan checked against its conditions: triggered when any (or all, as the plan says)
/// of them hold.
public struct RiskCheck: Hashable, Sendable {
  public var risk: Plan.Risk
  public var conditions: [ConditionCheck]
  public var triggered: Bool

  /// The condition a summary shows: the first that holds, else the first.
  public var shown: ConditionCheck { conditions.first { $0.holds } ?? conditions[0] }
  /// The shown condition's value in the month reviewed (`nil` without data).
  public var value: Ratio? { shown.judged.last?.value }
  /// The shown condition's threshold in the month reviewed.
  public var threshold: Share { shown.judged.last?.threshold ?? shown.condition.threshold.value }
}

/// One condition of a risk, judged in each month it looks at: the month reviewed and, for a condition
/// that must hold several months in a row, the months before it (into the baseline year).
public struct ConditionCheck: Hashable, Sendable {
  public struct Judged: Hashable, Sendable {
    public var month: Month
    /// The KPI over that month, or over the year to that month; `nil` without data.
    public var value: Ratio?
    public var threshold: Share
    public var crossed: Bool
  }

  public var condition: Plan.Condition
  /// Oldest first; the month reviewed last. A month before the plan year is the baseline's, where a
  /// target, a budget or a growth on the year before has no value: such a month never counts as crossed.
  public var judged: [Judged]
  /// Crossed in every month judged (a month without data does not count as crossed).
  public var holds: Bool { judged.allSatisfy(\.crossed) }

  /// Past the threshold in the KPI's bad direction (exactly).
  static func crosses(_ value: Ratio?, _ threshold: Share, higherIsBetter: Bool) -> Bool {
    guard let value else { return false }
    let order = value.compared(to: threshold.ratio)
    return higherIsBetter ? order < 0 : order > 0
  }
}

/// Any KPI of the plan, on any scope and period, in the plan year or the baseline year (the months a
/// risk looks back into): one definition for the lights, the risks and the month-by-month grid.
struct KPIEvaluator {
  let rollup: Rollup
  let baseline: Baseline?
  let targets: Targets
  let plan: Plan
  let online: Set<String>
  /// The budget lines as of each month of the plan year so far (a budget_used KPI's month by month).
  let budgetLines: [Month: [BudgetLine]]

  init(rollup: Rollup, baseline: Baseline?, targets: Targets, plan: Plan, online: Set<String>, through month: Month) {
    self.rollup = rollup
    self.baseline = baseline
    self.targets = targets
    self.plan = plan
    self.online = online
    var lines: [Month: [BudgetLine]] = [:]
    for m in month.yearToDate {
      lines[m] = BudgetLine.compute(month: m, rollup: rollup, plan: plan, targets: targets)
    }
    budgetLines = lines
  }

  /// The KPI over the month `month` or over January to it, in `month`'s year: the plan year's from the
  /// ledger, the baseline year's from the baseline (where a target or budget is not known: `nil`).
  func value(_ kpi: Plan.KPI, _ scope: Plan.Scope, _ period: Plan.Period, endingIn month: Month) -> Ratio? {
    let months = period == .month ? [month] : month.yearToDate
    let inPlanYear = month.year == plan.year
    let source: Rollup
    if inPlanYear {
      source = rollup
    } else if let baseline, baseline.year == month.year {
      source = baseline.rollup
    } else {
      return nil
    }
    let f = source.figures(months: months, channel: scope.channel, productGroup: scope.productGroup)
    switch kpi {
    case .revenueVsTarget:
      guard inPlanYear, let target = targets.revenue(months: months, channel: scope.channel) else { return nil }
      return Ratio(f.revenue - target, over: target)
    case .onlineShare:
      return Ratio(source.revenue(months: months, channels: online), over: f.revenue)
    case .channelShare:
      return Ratio(f.revenue, over: source.figures(months: months, productGroup: scope.productGroup).revenue)
    case .grossMargin: return f.grossMargin
    case .marketingToRevenue: return f.marketingToRevenue
    case .costCoverage: return f.costCoverage
    case .growthVsBaseline:
      guard inPlanYear, let baseline else { return nil }
      let before = baseline.rollup.figures(
        months: months.compactMap { Month(year: baseline.year, month: $0.month) }, channel: scope.channel,
        productGroup: scope.productGroup
      ).revenue
      return Ratio(f.revenue - before, over: before)
    case .budgetUsed:
      guard inPlanYear, let line = budgetLines[month]?.first(where: { $0.id == scope.category }) else { return nil }
      return (period == .month ? line.month : line.yearToDate).attainment
    }
  }

  /// `scope` with each `*` replaced by every channel (of `channels`) or budget category in turn.
  func expanded(_ scope: Plan.Scope, channels: [Channel], month: Month) -> [Plan.Scope] {
    var scopes = [scope]
    if scope.channel == Plan.Scope.each {
      scopes = scopes.flatMap { s in
        channels.map { c in
          var e = s
          e.channel = c.id
          return e
        }
      }
    }
    if scope.category == Plan.Scope.each {
      let ids = plan.budget(in: month).map(\.id)
      scopes = scopes.flatMap { s in
        ids.map { id in
          var e = s
          e.category = id
          return e
        }
      }
    }
    return scopes
  }
}

extension ReviewReport {
  static func checkRisks(_ plan: Plan, month: Month, evaluator: KPIEvaluator) -> [RiskCheck] {
    plan.risks.map { r in
      let conditions = r.conditions.map { c in
        // The month reviewed and the months before it, as many as must hold in a row.
        var months = [month]
        while months.count < c.monthsInARow { months.insert(months[0].previous, at: 0) }
        return ConditionCheck(
          condition: c,
          judged: months.map { m in
            let value = evaluator.value(c.kpi, c.scope, c.period, endingIn: m)
            let threshold = c.threshold.value(in: m.month)
            return .init(
              month: m, value: value, threshold: threshold,
              crossed: ConditionCheck.crosses(value, threshold, higherIsBetter: c.kpi.higherIsBetter))
          })
      }
      let triggered = r.combination == .any ? conditions.contains(where: \.holds) : conditions.allSatisfy(\.holds)
      return RiskCheck(risk: r, conditions: conditions, triggered: triggered)
    }
  }

  /// The plan's KPIs with their lights, one per channel or category where the plan says `*`; without
  /// a `[[kpis]]` list, one per goal (green at the goal).
  static func kpiStatuses(_ plan: Plan, month: Month, channels: [Channel], evaluator: KPIEvaluator) -> [KPIStatus] {
    var list = plan.kpis
    if list.isEmpty {
      let g = plan.goals
      if g.revenueGrowth != nil || g.revenueTarget != nil {
        list.append(.init(kpi: .revenueVsTarget, green: Share(partsPerMillion: 0), amber: Share(partsPerMillion: 0)))
      }
      if let s = g.onlineShare { list.append(.init(kpi: .onlineShare, green: s, amber: s)) }
      if let s = g.grossMarginFloor { list.append(.init(kpi: .grossMargin, green: s, amber: s)) }
      if let s = g.marketingToRevenueCeiling { list.append(.init(kpi: .marketingToRevenue, green: s, amber: s)) }
    }
    return list.flatMap { k in
      evaluator.expanded(k.scope, channels: channels, month: month).map { scope in
        let better = k.kpi.higherIsBetter
        let band = k.bands.value(in: month.month)
        let m = evaluator.value(k.kpi, scope, .month, endingIn: month)
        let y = evaluator.value(k.kpi, scope, .yearToDate, endingIn: month)
        return KPIStatus(
          kpi: k.kpi, scope: scope, month: m, yearToDate: y, green: band.green, amber: band.amber,
          monthLight: KPIStatus.light(m, band: band, higherIsBetter: better),
          yearToDateLight: KPIStatus.light(y, band: band, higherIsBetter: better),
          byMonth: month.yearToDate.map { each in
            let value = evaluator.value(k.kpi, scope, .month, endingIn: each)
            let bandThen = k.bands.value(in: each.month)
            return .init(
              month: each, value: value, band: bandThen,
              light: KPIStatus.light(value, band: bandThen, higherIsBetter: better))
          })
      }
    }
  }
}
