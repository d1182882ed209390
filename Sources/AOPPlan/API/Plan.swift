import AOPLedger
import Foundation

/// The Annual Operating Plan for one year, in the order of its six parts: goals, budget, actions,
/// resources, risks, KPIs and tracking. Revisions change the way there (the budget split, monthly
/// targets) from a month on; the goals stay, and the original plan stays visible beside them.
public struct Plan: Sendable {
  public var company: String
  public var year: Int
  public var currency: Currency
  public var goals: Goals
  /// The original budget: categories, each a limit.
  public var budget: [BudgetCategory]
  public var actions: [Action]
  public var resources: [Resource]
  public var risks: [Risk]
  public var kpis: [KPIThresholds]
  public var review: ReviewCadence
  public var revisions: [Revision]

  public init(
    company: String, year: Int, currency: Currency, goals: Goals, budget: [BudgetCategory], actions: [Action] = [],
    resources: [Resource] = [], risks: [Risk] = [], kpis: [KPIThresholds] = [], review: ReviewCadence = ReviewCadence(),
    revisions: [Revision] = []
  ) {
    self.company = company
    self.year = year
    self.currency = currency
    self.goals = goals
    self.budget = budget
    self.actions = actions
    self.resources = resources
    self.risks = risks
    self.kpis = kpis
    self.review = review
    self.revisions = revisions
  }

  /// 1. What the year must achieve.
  public struct Goals: Sendable, Hashable {
    /// Revenue growth over the baseline year (0.20 for +20%), or `nil` when an absolute target is given.
    public var revenueGrowth: Share?
    /// An absolute revenue target for the year, in minor units.
    public var revenueTarget: Money?
    public var onlineShare: Share?
    public var grossMarginFloor: Share?
    public var marketingToRevenueCeiling: Share?
    /// Months whose revenue target is set by hand (month 1–12 → target); the rest of the annual target
    /// is phased over the other months.
    public var revenueOverrides: [Int: Money]

    public init(
      revenueGrowth: Share?, revenueTarget: Money?, onlineShare: Share?, grossMarginFloor: Share?,
      marketingToRevenueCeiling: Share?,
      revenueOverrides: [Int: Money] = [:]
    ) {
      self.revenueGrowth = revenueGrowth
      self.revenueTarget = revenueTarget
      self.onlineShare = onlineShare
      self.grossMarginFloor = grossMarginFloor
      self.marketingToRevenueCeiling = marketingToRevenueCeiling
      self.revenueOverrides = revenueOverrides
    }
  }

  /// 2. A budget category: a spending limit per month.
  public struct BudgetCategory: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
      /// Marketing spend (of one channel, or of all not claimed by a channel's category).
      case marketing
      /// Goods bought (purchase details).
      case purchasing
      /// Fixed operating costs (rent, salaries), from expense categories.
      case fixed
      /// Anything else, from expense categories.
      case other
    }

    public var id: String
    public var name: String
    public var kind: Kind
    /// For a marketing category: the channel whose spend it limits (`nil`: all other marketing).
    public var channel: String?
    /// Expense categories (prefixes, as in the exports) booked to this category.
    public var expenseCategories: [String]
    /// The limit for each month, January first.
    public var byMonth: [Money]

    public init(
      id: String, name: String, kind: Kind, channel: String? = nil, expenseCategories: [String] = [], byMonth: [Money]
    ) {
      self.id = id
      self.name = name
      self.kind = kind
      self.channel = channel
      self.expenseCategories = expenseCategories
      self.byMonth = byMonth
    }
  }

  /// 3. A key initiative.
  public struct Action: Sendable, Hashable {
    public var action: String
    public var owner: String
    public var milestone: Month

    public init(action: String, owner: String, milestone: Month) {
      self.action = action
      self.owner = owner
      self.milestone = milestone
    }
  }

  /// 4. A person and what they carry.
  public struct Resource: Sendable, Hashable {
    public var person: String
    public var role: String
    public var responsibilities: [String]
    public var capacity: String

    public init(person: String, role: String, responsibilities: [String], capacity: String) {
      self.person = person
      self.role = role
      self.responsibilities = responsibilities
      self.capacity = capacity
    }
  }

  /// 5. A risk: the signals that it is happening (conditions on KPIs, any or all of them), and the
  /// contingency the plan sets for it.
  public struct Risk: Sendable, Hashable {
    /// Whether one condition is enough or all must hold.
    public enum Combination: String, Sendable, Hashable, Codable {
      case any, all
    }

    public var risk: String
    public var combination: Combination
    public var conditions: [Condition]
    public var contingency: String

    public init(risk: String, combination: Combination = .any, conditions: [Condition], contingency: String) {
      self.risk = risk
      self.combination = combination
      self.conditions = conditions
      self.contingency = contingency
    }

    /// A risk of one condition on the month reviewed or the year to date.
    public init(
      risk: String, kpi: KPI, threshold: Share, category: String? = nil, period: Period = .month, contingency: String
    ) {
      self.init(
        risk: risk,
        conditions: [
          Condition(kpi: kpi, scope: Scope(category: category), threshold: .init(threshold), period: period)
        ],
        contingency: contingency)
    }
  }

  /// A signal of a risk: a KPI past its threshold in its bad direction (below for a KPI where more is
  /// better, above otherwise), on the month or the year to date, in each of the last `monthsInARow`
  /// months (January looks back into the baseline year's December).
  public struct Condition: Sendable, Hashable {
    public var kpi: KPI
    public var scope: Scope
    /// The threshold, which may differ for listed months (the month judged decides).
    public var threshold: ByMonth<Share>
    public var period: Period
    public var monthsInARow: Int

    public init(
      kpi: KPI, scope: Scope = Scope(), threshold: ByMonth<Share>, period: Period = .month, monthsInARow: Int = 1
    ) {
      self.kpi = kpi
      self.scope = scope
      self.threshold = threshold
      self.period = period
      self.monthsInARow = monthsInARow
    }
  }

  /// What part of the shop a KPI is measured on: the whole shop, a channel, a budget category or a
  /// product group. `each` in place of an id (written `"*"`) means one KPI per channel or category.
  public struct Scope: Sendable, Hashable {
    public static let each = "*"
    public var channel: String?
    public var category: String?
    public var productGroup: String?

    public init(channel: String? = nil, category: String? = nil, productGroup: String? = nil) {
      self.channel = channel
      self.category = category
      self.productGroup = productGroup
    }

    /// The scopes written, as the plan writes them (`channel = shopee`); empty for the whole shop.
    public var parts: [(key: ScopeKey, value: String)] {
      [(ScopeKey.channel, channel), (.category, category), (.productGroup, productGroup)].compactMap { key, value in
        value.map { (key, $0) }
      }
    }
  }

  /// The keys a scope is written with.
  public enum ScopeKey: String, Sendable, Hashable, CaseIterable {
    case channel, category
    case productGroup = "product_group"
  }

  /// A value of the plan that may differ for listed months of the year (Tết, the mega-sale months).
  public struct ByMonth<Value: Sendable & Hashable>: Sendable, Hashable {
    /// Months 1–12 listed with their own value; a month listed twice takes its first.
    public struct Exception: Sendable, Hashable {
      public var months: [Int]
      public var value: Value

      public init(months: [Int], value: Value) {
        self.months = months
        self.value = value
      }
    }

    public var value: Value
    public var exceptions: [Exception]

    public init(_ value: Value, exceptions: [Exception] = []) {
      self.value = value
      self.exceptions = exceptions
    }

    /// The value in force in month 1–12.
    public func value(in month: Int) -> Value { exceptions.first { $0.months.contains(month) }?.value ?? value }
  }

  /// 6. A KPI's traffic-light thresholds: at or better than `green` is green, at or better than
  /// `amber` is amber, worse is red (better = the KPI's direction); both may differ for listed months.
  public struct KPIThresholds: Sendable, Hashable {
    /// The two bounds of a light.
    public struct Band: Sendable, Hashable {
      public var green: Share
      public var amber: Share

      public init(green: Share, amber: Share) {
        self.green = green
        self.amber = amber
      }
    }

    public var kpi: KPI
    public var scope: Scope
    public var bands: ByMonth<Band>

    public init(kpi: KPI, scope: Scope = Scope(), bands: ByMonth<Band>) {
      self.kpi = kpi
      self.scope = scope
      self.bands = bands
    }

    public init(kpi: KPI, green: Share, amber: Share) {
      self.init(kpi: kpi, bands: ByMonth(Band(green: green, amber: amber)))
    }
  }

  /// How often the plan is reviewed.
  public struct ReviewCadence: Sendable, Hashable {
    public var cadence: String
    /// The day of the month the review runs.
    public var day: Int

    public init(cadence: String = "monthly", day: Int = 1) {
      self.cadence = cadence
      self.day = day
    }
  }

  /// A change of the way there from a month on: a new budget split, new monthly targets.
  public struct Revision: Sendable, Hashable {
    public var from: Month
    public var note: String
    /// The budget from `from` on (all categories), or `nil` when it stays.
    public var budget: [BudgetCategory]?
    /// New revenue targets for months from `from` on (month → target); the rest is re-phased.
    public var revenueOverrides: [Int: Money]

    public init(from: Month, note: String, budget: [BudgetCategory]?, revenueOverrides: [Int: Money] = [:]) {
      self.from = from
      self.note = note
      self.budget = budget
      self.revenueOverrides = revenueOverrides
    }
  }

  /// The KPIs risks and traffic lights can watch.
  public enum KPI: String, Sendable, Hashable, CaseIterable, Codable {
    /// Revenue against its target, as actual / target − 1 (−0.10 is 10% behind).
    case revenueVsTarget = "revenue_vs_target"
    case onlineShare = "online_share"
    case grossMargin = "gross_margin"
    case marketingToRevenue = "marketing_to_revenue"
    case costCoverage = "cost_coverage"
    /// A budget category's spend over its budget (1.0 = all of it).
    case budgetUsed = "budget_used"
    /// Revenue against the same months of the baseline year, as actual / baseline − 1.
    case growthVsBaseline = "growth_vs_baseline"
    /// A channel's revenue over the whole shop's.
    case channelShare = "channel_share"

    /// Whether more is better: said for each KPI on its own, so that a new KPI must say it.
    public var higherIsBetter: Bool {
      switch self {
      case .revenueVsTarget, .onlineShare, .grossMargin, .costCoverage, .growthVsBaseline, .channelShare: return true
      case .marketingToRevenue, .budgetUsed: return false
      }
    }

    /// The scopes it can be measured on.
    public var scopes: Set<ScopeKey> {
      switch self {
      case .revenueVsTarget, .marketingToRevenue, .channelShare: return [.channel]
      case .grossMargin, .costCoverage, .growthVsBaseline: return [.channel, .productGroup]
      case .onlineShare: return []
      case .budgetUsed: return [.category]
      }
    }

    /// The scope it cannot do without (a channel's share, a category's budget).
    public var requiredScope: ScopeKey? {
      switch self {
      case .channelShare: return .channel
      case .budgetUsed: return .category
      case .revenueVsTarget, .onlineShare, .grossMargin, .marketingToRevenue, .costCoverage, .growthVsBaseline:
        return nil
      }
    }
  }

  /// The period a risk watches.
  public enum Period: String, Sendable, Hashable, Codable {
    case month
    case yearToDate = "year_to_date"
  }

  /// The revision in force in `month` (the latest starting on or before it), if any.
  public func revision(in month: Month) -> Revision? {
    revisions.filter { $0.from <= month }.max { $0.from < $1.from }
  }

  /// The budget categories in force in `month`: the latest revision's, else the original.
  public func budget(in month: Month) -> [BudgetCategory] {
    revisions.filter { $0.from <= month && $0.budget != nil }.max { $0.from < $1.from }?.budget ?? budget
  }
}
