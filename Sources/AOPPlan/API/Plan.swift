import AOPLedger
import Foundation

/// The Annual Operating Plan's goals and budget for one year, as far as the monthly review needs them.
public struct Plan: Sendable {
  public var company: String
  public var year: Int
  public var currency: Currency
  public var goals: Goals
  public var budget: Budget

  public init(company: String, year: Int, currency: Currency, goals: Goals, budget: Budget) {
    self.company = company
    self.year = year
    self.currency = currency
    self.goals = goals
    self.budget = budget
  }

  public struct Goals: Sendable, Hashable {
    /// Revenue growth over the baseline year (0.20 for +20%), or `nil` when an absolute target is given.
    public var revenueGrowth: Share?
    /// An absolute revenue target for the year, in minor units.
    public var revenueTarget: Money?
    public var onlineShare: Share?
    public var grossMarginFloor: Share?
    public var marketingToRevenueCeiling: Share?

    public init(revenueGrowth: Share?, revenueTarget: Money?, onlineShare: Share?, grossMarginFloor: Share?, marketingToRevenueCeiling: Share?) {
      self.revenueGrowth = revenueGrowth
      self.revenueTarget = revenueTarget
      self.onlineShare = onlineShare
      self.grossMarginFloor = grossMarginFloor
      self.marketingToRevenueCeiling = marketingToRevenueCeiling
    }
  }

  public struct Budget: Sendable, Hashable {
    /// The marketing budget for each month of the year (a limit, not a target).
    public var marketingByMonth: [Money]

    public init(marketingByMonth: [Money]) { self.marketingByMonth = marketingByMonth }
  }

  /// Loads and validates a plan file.
  /// - Throws: `PlanError` naming the file and the key at fault.
  public static func load(from url: URL) throws -> Plan {
    let shown = url.path
    let raw = try TOMLFile.decode(PlanFile.self, from: url, shownAs: shown)
    func fail(_ key: String, _ problem: String) -> PlanError { .invalid(file: shown, key: key, problem: problem) }
    guard (2000...2100).contains(raw.year) else { throw fail("year", "\(raw.year) is not a plausible plan year") }
    let code = raw.currency ?? "VND"
    guard let currency = raw.currencyDigits.map({ Currency(code: code, minorDigits: $0) }) ?? Currency.known(code) else {
      throw fail("currency", "`\(code)` is unknown; also give `currency_digits` (the number of minor digits)")
    }
    let g = raw.goals
    if g.revenueGrowth != nil, g.revenueTarget != nil { throw fail("goals", "give revenue_growth or revenue_target, not both") }
    if let growth = g.revenueGrowth, !(-500_000...5_000_000).contains(growth.partsPerMillion) {
      throw fail("goals.revenue_growth", "\(growth) is outside −50%…+500%; write 0.20 or \"20%\" for +20%")
    }
    for (key, share) in [("online_share", g.onlineShare), ("gross_margin_floor", g.grossMarginFloor), ("marketing_to_revenue_ceiling", g.marketingToRevenueCeiling)] {
      if let share, !(0...1_000_000).contains(share.partsPerMillion) { throw fail("goals.\(key)", "\(share) is not between 0% and 100%") }
    }
    let scale = currency.unitScale
    func money(_ v: Int64?) -> Money? { v.map { Money(minorUnits: $0 * scale) } }
    let b = raw.budget
    var marketing: [Money]
    switch (b?.marketingMonthly, b?.marketingAnnual, b?.marketingByMonth) {
    case (nil, nil, nil): marketing = Array(repeating: .zero, count: 12)
    case (let m?, nil, nil): marketing = Array(repeating: Money(minorUnits: m * scale), count: 12)
    case (nil, let a?, nil): marketing = Money(minorUnits: a * scale).allocate(weights: Array(repeating: 1, count: 12))
    case (nil, nil, let list?):
      guard list.count == 12 else { throw fail("budget.marketing_by_month", "give 12 amounts, January first (found \(list.count))") }
      marketing = list.map { Money(minorUnits: $0 * scale) }
    default: throw fail("budget", "give one of marketing_monthly, marketing_annual or marketing_by_month")
    }
    if marketing.contains(where: { $0 < .zero }) { throw fail("budget", "a budget cannot be negative") }
    return Plan(
      company: raw.company ?? "", year: raw.year, currency: currency,
      goals: Goals(revenueGrowth: g.revenueGrowth, revenueTarget: money(g.revenueTarget), onlineShare: g.onlineShare,
                   grossMarginFloor: g.grossMarginFloor, marketingToRevenueCeiling: g.marketingToRevenueCeiling),
      budget: Budget(marketingByMonth: marketing))
  }
}

struct PlanFile: Decodable {
  var company: String?
  var year: Int
  var currency: String?
  var currencyDigits: Int?
  var goals: GoalsEntry
  var budget: BudgetEntry?

  struct GoalsEntry: Decodable {
    var revenueGrowth: Share?
    var revenueTarget: Int64?
    var onlineShare: Share?
    var grossMarginFloor: Share?
    var marketingToRevenueCeiling: Share?
    enum CodingKeys: String, CodingKey {
      case revenueGrowth = "revenue_growth", revenueTarget = "revenue_target", onlineShare = "online_share"
      case grossMarginFloor = "gross_margin_floor", marketingToRevenueCeiling = "marketing_to_revenue_ceiling"
    }
  }

  struct BudgetEntry: Decodable {
    var marketingMonthly: Int64?
    var marketingAnnual: Int64?
    var marketingByMonth: [Int64]?
    enum CodingKeys: String, CodingKey {
      case marketingMonthly = "marketing_monthly", marketingAnnual = "marketing_annual", marketingByMonth = "marketing_by_month"
    }
  }

  enum CodingKeys: String, CodingKey {
    case company, year, currency, goals, budget
    case currencyDigits = "currency_digits"
  }
}
