import AOPLedger
import AOPPlan

/// The plan's goals as monthly targets: revenue per month and channel, budgets per month.
///
/// Revenue: the annual target (baseline × (1 + growth), or the plan's absolute target) minus the months
/// set by hand is spread over the other months by the baseline's seasonality (evenly without a
/// baseline); each month is split into online and offline by the online-share goal, and each part over
/// its channels by the baseline's channel mix. Every split is by largest remainder, so months and
/// channels add up to the annual target exactly. A revision's monthly targets apply from its month on
/// and the months after them are re-phased; `original` keeps the targets before any revision.
public struct Targets: Sendable {
  public enum Phasing: String, Sendable, Codable {
    case baselineSeasonality = "baseline_seasonality"
    case even
  }

  public let year: Int
  public let annualRevenue: Money?
  /// Channel id → 12 monthly revenue targets in force (January first); empty without a revenue goal.
  public let revenue: [String: [Money]]
  /// The same before any revision.
  public let originalRevenue: [String: [Money]]
  public let phasing: Phasing
  private let plan: Plan

  /// A plan whose targets do not add up: the key at fault and what is wrong.
  public struct Invalid: Error, Hashable, Sendable {
    public var key: String
    public var problem: String
  }

  /// - Throws: `Invalid` when the goals cannot be turned into monthly targets: a growth goal without a
  ///   baseline year to grow from, a target too large to represent, or months set by hand that leave
  ///   the others a negative target.
  public init(plan: Plan, baseline: Baseline?, channels: [Channel]) throws(Invalid) {
    self.plan = plan
    year = plan.year
    let base = baseline?.rollup
    let baseMonths = base.map { b in (1...12).map { m in b.total { $0.month.month == m }.revenue } } ?? []
    let baseTotal = baseMonths.reduce(Money.zero, +)

    if let absolute = plan.goals.revenueTarget {
      annualRevenue = absolute
    } else if let growth = plan.goals.revenueGrowth {
      guard let baseline else {
        throw Invalid(
          key: "goals.revenue_growth",
          problem:
            "a growth goal is measured against the baseline year, and the config names no baseline; add [baseline] to the config and run `aop baseline`, or give `revenue_target` instead"
        )
      }
      guard baseTotal > .zero else {
        throw Invalid(
          key: "goals.revenue_growth",
          problem:
            "a growth goal is measured against the baseline year, and the baseline (\(baseline.year)) has no revenue; rebuild it with `aop baseline`, or give `revenue_target` instead"
        )
      }
      guard let grown = baseTotal.scaled(by: 1_000_000 + growth.partsPerMillion, over: 1_000_000),
        grown.minorUnits <= Money.totalLimit
      else {
        throw Invalid(key: "goals.revenue_growth", problem: "the baseline grown by \(growth) is too large to represent")
      }
      annualRevenue = grown
    } else {
      annualRevenue = nil
    }
    let seasonal = baseTotal > .zero
    phasing = seasonal ? .baselineSeasonality : .even
    guard let annual = annualRevenue else {
      revenue = [:]
      originalRevenue = [:]
      return
    }
    let weights = seasonal ? baseMonths.map { max(0, $0.minorUnits) } : Array(repeating: Int64(1), count: 12)
    let original = try Targets.phase(
      annual, weights: weights, fixed: plan.goals.revenueOverrides, key: "goals.revenue_overrides")
    // Each revision fixes the months before it as they were, and sets its own months; the rest is re-phased.
    var inForce = original
    for (i, revision) in plan.revisions.enumerated() where !revision.revenueOverrides.isEmpty {
      var fixed: [Int: Money] = [:]
      for m in 1..<revision.from.month { fixed[m] = inForce[m - 1] }
      for (m, amount) in plan.goals.revenueOverrides where m >= revision.from.month { fixed[m] = amount }
      for (m, amount) in revision.revenueOverrides { fixed[m] = amount }
      inForce = try Targets.phase(annual, weights: weights, fixed: fixed, key: "revisions[\(i)].revenue_overrides")
    }
    revenue = Targets.split(inForce, plan: plan, base: base, channels: channels)
    originalRevenue = Targets.split(original, plan: plan, base: base, channels: channels)
  }

  /// 12 monthly amounts: the `fixed` months as given, the rest of `annual` over the others by `weights`.
  /// - Throws: `Invalid` at `key` when the fixed months leave the others less than nothing, or fix all
  ///   twelve months at other than the annual target.
  static func phase(_ annual: Money, weights: [Int64], fixed: [Int: Money], key: String) throws(Invalid) -> [Money] {
    let free = (1...12).filter { fixed[$0] == nil }
    let rest = annual - fixed.values.sum()
    if rest < .zero {
      throw Invalid(
        key: key,
        problem:
          "the months set by hand add up to \(fixed.values.sum()), more than the year's revenue target of \(annual): the other months would get a negative target"
      )
    }
    if free.isEmpty, rest != .zero {
      throw Invalid(
        key: key,
        problem:
          "all twelve months are set by hand and add up to \(fixed.values.sum()), not the year's revenue target of \(annual)"
      )
    }
    let parts = rest.allocate(weights: free.map { weights[$0 - 1] })
    var months = (1...12).map { fixed[$0] ?? .zero }
    for (m, part) in zip(free, parts) { months[m - 1] = part }
    return months
  }

  /// Monthly totals split over channels: online/offline by the online-share goal, then by the baseline's
  /// channel mix that month (the year's when that month had none; evenly without a baseline).
  static func split(_ monthly: [Money], plan: Plan, base: Rollup?, channels: [Channel]) -> [String: [Money]] {
    func share(_ amount: Money, over group: [Channel], month m: Int) -> [Money] {
      guard let base else { return amount.allocate(weights: group.map { _ in 1 }) }
      let monthWeights = group.map { c in
        max(0, base.total { $0.month.month == m && $0.channel == c.id }.revenue.minorUnits)
      }
      if monthWeights.contains(where: { $0 > 0 }) { return amount.allocate(weights: monthWeights) }
      return amount.allocate(weights: group.map { c in max(0, base.total { $0.channel == c.id }.revenue.minorUnits) })
    }
    var byChannel: [String: [Money]] = Dictionary(uniqueKeysWithValues: channels.map { ($0.id, [Money]()) })
    let online = channels.filter { $0.kind == .online }
    let offline = channels.filter { $0.kind == .offline }
    for (index, amount) in monthly.enumerated() {
      let m = index + 1
      var parts: [(Channel, Money)] = []
      if let goal = plan.goals.onlineShare, !online.isEmpty, !offline.isEmpty {
        let halves = amount.allocate(weights: [goal.partsPerMillion, 1_000_000 - goal.partsPerMillion])
        parts += zip(online, share(halves[0], over: online, month: m)).map { ($0, $1) }
        parts += zip(offline, share(halves[1], over: offline, month: m)).map { ($0, $1) }
      } else {
        parts += zip(channels, share(amount, over: channels, month: m)).map { ($0, $1) }
      }
      for (channel, money) in parts { byChannel[channel.id]?.append(money) }
    }
    return byChannel
  }

  /// The revenue target over `months` of the plan year for one channel (all when `nil`); `nil` when the
  /// plan has no revenue goal.
  public func revenue(months: [Month], channel: String? = nil, original: Bool = false) -> Money? {
    guard annualRevenue != nil else { return nil }
    var sum = Money.zero
    for (id, list) in original ? originalRevenue : revenue where channel == nil || id == channel {
      for m in months where m.year == year { sum += list[m.month - 1] }
    }
    return sum
  }

  /// The budget of `category` over `months`, each month by the budget in force then (or the original).
  public func budget(_ category: String, months: [Month], original: Bool = false) -> Money {
    months.filter { $0.year == year }.compactMap { m in
      (original ? plan.budget : plan.budget(in: m)).first { $0.id == category }?.byMonth[m.month - 1]
    }.sum()
  }

  /// The marketing budget over `months`: every marketing category in force.
  public func marketing(months: [Month]) -> Money {
    months.filter { $0.year == year }.map { m in
      plan.budget(in: m).filter { $0.kind == .marketing }.map { $0.byMonth[m.month - 1] }.sum()
    }.sum()
  }
}
