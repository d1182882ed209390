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

  /// 5. A risk: the KPI and threshold that signal it, and the contingency.
  public struct Risk: Sendable, Hashable {
    public var risk: String
    public var kpi: KPI
    /// The level at which it fires, crossed in the KPI's bad direction.
    public var threshold: Share
    /// For `budget_used`: the budget category watched.
    public var category: String?
    public var period: Period
    public var contingency: String

    public init(
      risk: String, kpi: KPI, threshold: Share, category: String? = nil, period: Period = .month, contingency: String
    ) {
      self.risk = risk
      self.kpi = kpi
      self.threshold = threshold
      self.category = category
      self.period = period
      self.contingency = contingency
    }
  }

  /// 6. A KPI's traffic-light thresholds: at or better than `green` is green, at or better than
  /// `amber` is amber, worse is red (better = the KPI's direction).
  public struct KPIThresholds: Sendable, Hashable {
    public var kpi: KPI
    public var green: Share
    public var amber: Share

    public init(kpi: KPI, green: Share, amber: Share) {
      self.kpi = kpi
      self.green = green
      self.amber = amber
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

    /// Whether more is better: said for each KPI on its own, so that a new KPI must say it.
    public var higherIsBetter: Bool {
      switch self {
      case .revenueVsTarget, .onlineShare, .grossMargin, .costCoverage: return true
      case .marketingToRevenue, .budgetUsed: return false
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
