import AOPLedger
import AOPPlan

/// A KPI's value and its traffic light for a period.
public struct KPIStatus: Hashable, Sendable {
  public enum Light: String, Hashable, Sendable, Codable {
    case green, amber, red
    case noData = "no_data"
  }

  public var kpi: Plan.KPI
  public var month: Ratio?
  public var yearToDate: Ratio?
  public var green: Share
  public var amber: Share
  public var monthLight: Light
  public var yearToDateLight: Light

  static func light(_ value: Ratio?, green: Share, amber: Share, higherIsBetter: Bool) -> Light {
    guard let value else { return .noData }
    func atOrBetter(_ s: Share) -> Bool {
      let v = value.value, t = s.value
      return higherIsBetter ? v >= t - 1e-12 : v <= t + 1e-12
    }
    if atOrBetter(green) { return .green }
    if atOrBetter(amber) { return .amber }
    return .red
  }
}

/// A risk of the plan checked against its KPI: fired when the KPI crosses the threshold in its bad
/// direction.
public struct RiskCheck: Hashable, Sendable {
  public var risk: Plan.Risk
  /// The KPI's value over the risk's period; `nil` without data.
  public var value: Ratio?
  public var triggered: Bool
}

extension ReviewReport {
  /// A KPI's value over a period (`nil` when it has no data).
  static func value(of kpi: Plan.KPI, category: String?, period: Period, budget: [BudgetLine], yearToDate: Bool)
    -> Ratio?
  {
    switch kpi {
    case .revenueVsTarget:
      return period.revenue.plan.flatMap { Ratio(period.revenue.actual - $0, over: $0) }
    case .onlineShare: return period.onlineShare.actual
    case .grossMargin: return period.grossMargin.actual
    case .marketingToRevenue: return period.marketingToRevenue.actual
    case .costCoverage: return period.figures.costCoverage
    case .budgetUsed:
      guard let line = budget.first(where: { $0.id == category }) else { return nil }
      let v = yearToDate ? line.yearToDate : line.month
      return v.attainment
    }
  }

  static func checkRisks(_ plan: Plan, month: Period, yearToDate: Period, budget: [BudgetLine]) -> [RiskCheck] {
    plan.risks.map { r in
      let ytd = r.period == .yearToDate
      let value = Self.value(
        of: r.kpi, category: r.category, period: ytd ? yearToDate : month, budget: budget, yearToDate: ytd)
      let crossed =
        value.map { r.kpi.higherIsBetter ? $0.value < r.threshold.value - 1e-12 : $0.value > r.threshold.value + 1e-12 }
        ?? false
      return RiskCheck(risk: r, value: value, triggered: crossed)
    }
  }

  /// The plan's KPIs with their lights; without a `[[kpis]]` list, one per goal (green at the goal).
  static func kpiStatuses(_ plan: Plan, month: Period, yearToDate: Period, budget: [BudgetLine]) -> [KPIStatus] {
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
    return list.map { k in
      let m = value(of: k.kpi, category: nil, period: month, budget: budget, yearToDate: false)
      let y = value(of: k.kpi, category: nil, period: yearToDate, budget: budget, yearToDate: true)
      return KPIStatus(
        kpi: k.kpi, month: m, yearToDate: y, green: k.green, amber: k.amber,
        monthLight: KPIStatus.light(m, green: k.green, amber: k.amber, higherIsBetter: k.kpi.higherIsBetter),
        yearToDateLight: KPIStatus.light(y, green: k.green, amber: k.amber, higherIsBetter: k.kpi.higherIsBetter))
    }
  }
}
