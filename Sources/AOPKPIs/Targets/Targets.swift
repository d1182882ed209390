import AOPLedger
import AOPPlan

/// The plan's goals as monthly targets: revenue per month and channel, the marketing budget per month.
///
/// Revenue: the annual target (baseline × (1 + growth), or the plan's absolute target) is spread over
/// the months by the baseline's seasonality (evenly without a baseline), each month split into online
/// and offline by the online-share goal, and each part over its channels by the baseline's channel mix.
/// Every split is by largest remainder, so months and channels add up to the annual target exactly.
public struct Targets: Sendable {
  public enum Phasing: String, Sendable, Codable {
    case baselineSeasonality = "baseline_seasonality"
    case even
  }

  public let year: Int
  public let annualRevenue: Money?
  /// Channel id → 12 monthly revenue targets (January first); empty without a revenue goal.
  public let revenue: [String: [Money]]
  public let marketingBudget: [Money]
  public let phasing: Phasing

  public init(plan: Plan, baseline: Baseline?, channels: [Channel]) {
    year = plan.year
    marketingBudget = plan.budget.marketingByMonth
    let base = baseline?.rollup
    let baseMonths = base.map { b in (1...12).map { m in b.total { $0.month.month == m }.revenue } } ?? []
    let baseTotal = baseMonths.reduce(Money.zero, +)

    if let absolute = plan.goals.revenueTarget {
      annualRevenue = absolute
    } else if let growth = plan.goals.revenueGrowth, baseTotal > .zero {
      annualRevenue = baseTotal.scaled(by: 1_000_000 + growth.partsPerMillion, over: 1_000_000)
    } else {
      annualRevenue = nil
    }
    let seasonal = baseTotal > .zero
    phasing = seasonal ? .baselineSeasonality : .even
    guard let annual = annualRevenue else {
      revenue = [:]
      return
    }
    let monthly = annual.allocate(weights: seasonal ? baseMonths.map { max(0, $0.minorUnits) } : Array(repeating: 1, count: 12))

    /// A channel's weight within a group for month m: its baseline revenue that month, else over the
    /// year, else equal.
    func split(_ amount: Money, over group: [Channel], month m: Int) -> [Money] {
      guard let base else { return amount.allocate(weights: group.map { _ in 1 }) }
      let monthWeights = group.map { c in max(0, base.total { $0.month.month == m && $0.channel == c.id }.revenue.minorUnits) }
      if monthWeights.contains(where: { $0 > 0 }) { return amount.allocate(weights: monthWeights) }
      let yearWeights = group.map { c in max(0, base.total { $0.channel == c.id }.revenue.minorUnits) }
      return amount.allocate(weights: yearWeights)  // all zero → even
    }

    var byChannel: [String: [Money]] = Dictionary(uniqueKeysWithValues: channels.map { ($0.id, [Money]()) })
    let online = channels.filter { $0.kind == .online }
    let offline = channels.filter { $0.kind == .offline }
    for (index, amount) in monthly.enumerated() {
      let m = index + 1
      var parts: [(Channel, Money)] = []
      if let share = plan.goals.onlineShare, !online.isEmpty, !offline.isEmpty {
        let halves = amount.allocate(weights: [share.partsPerMillion, 1_000_000 - share.partsPerMillion])
        parts += zip(online, split(halves[0], over: online, month: m)).map { ($0, $1) }
        parts += zip(offline, split(halves[1], over: offline, month: m)).map { ($0, $1) }
      } else {
        parts += zip(channels, split(amount, over: channels, month: m)).map { ($0, $1) }
      }
      for (channel, money) in parts { byChannel[channel.id]?.append(money) }
    }
    revenue = byChannel
  }

  /// The revenue target over `months` of the plan year for one channel (all when `nil`); `nil` when the
  /// plan has no revenue goal.
  public func revenue(months: [Month], channel: String? = nil) -> Money? {
    guard annualRevenue != nil else { return nil }
    var sum = Money.zero
    for (id, list) in revenue where channel == nil || id == channel {
      for m in months where m.year == year { sum += list[m.month - 1] }
    }
    return sum
  }

  /// The marketing budget over `months` of the plan year.
  public func marketing(months: [Month]) -> Money {
    months.filter { $0.year == year }.map { marketingBudget[$0.month - 1] }.sum()
  }
}
