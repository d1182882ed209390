/// The plan file as written (TOML), decoded loosely; `Plan.load` validates it into a `Plan`.
struct PlanFile: Decodable {
  var company: String?
  var year: Int
  var currency: String?
  var currencyDigits: Int?
  var goals: GoalsEntry
  var budget: [BudgetEntry]?
  var actions: [ActionEntry]?
  var resources: [ResourceEntry]?
  var risks: [RiskEntry]?
  var kpis: [KPIEntry]?
  var review: ReviewEntry?
  var revisions: [RevisionEntry]?

  enum CodingKeys: String, CodingKey {
    case company, year, currency, goals, budget, actions, resources, risks, kpis, review, revisions
    case currencyDigits = "currency_digits"
  }

  struct GoalsEntry: Decodable {
    var revenueGrowth: Share?
    var revenueTarget: Int64?
    var onlineShare: Share?
    var grossMarginFloor: Share?
    var marketingToRevenueCeiling: Share?
    var revenueOverrides: [String: Int64]?
    enum CodingKeys: String, CodingKey {
      case revenueGrowth = "revenue_growth", revenueTarget = "revenue_target", onlineShare = "online_share"
      case grossMarginFloor = "gross_margin_floor", marketingToRevenueCeiling = "marketing_to_revenue_ceiling"
      case revenueOverrides = "revenue_overrides"
    }
  }

  struct BudgetEntry: Decodable {
    var id: String
    var name: String?
    var kind: String
    var channel: String?
    var expenseCategories: [String]?
    var monthly: Int64?
    var annual: Int64?
    var byMonth: [Int64]?
    enum CodingKeys: String, CodingKey {
      case id, name, kind, channel, monthly, annual
      case expenseCategories = "expense_categories", byMonth = "by_month"
    }
  }

  struct ActionEntry: Decodable {
    var action: String
    var owner: String
    var milestone: String
  }

  struct ResourceEntry: Decodable {
    var person: String
    var role: String?
    var responsibilities: [String]?
    var capacity: String?
  }

  /// Where a KPI is measured and in which months its bounds differ: the keys a risk condition and a
  /// KPI share.
  struct ScopeKeys: Decodable {
    var channel: String?
    var category: String?
    var productGroup: String?
    enum CodingKeys: String, CodingKey {
      case channel, category
      case productGroup = "product_group"
    }
  }

  /// A risk's signal: a KPI past a threshold (in its scope, on a period, for some months in a row).
  struct ConditionEntry: Decodable {
    var kpi: String?
    var threshold: Share?
    var scope: ScopeKeys
    var period: String?
    var monthsInARow: Int?
    var inMonths: [ThresholdBand]?
    enum CodingKeys: String, CodingKey {
      case kpi, threshold, period
      case monthsInARow = "months_in_a_row", inMonths = "in_months"
    }

    init(from decoder: Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      kpi = try c.decodeIfPresent(String.self, forKey: .kpi)
      threshold = try c.decodeIfPresent(Share.self, forKey: .threshold)
      period = try c.decodeIfPresent(String.self, forKey: .period)
      monthsInARow = try c.decodeIfPresent(Int.self, forKey: .monthsInARow)
      inMonths = try c.decodeIfPresent([ThresholdBand].self, forKey: .inMonths)
      scope = try ScopeKeys(from: decoder)
    }

    /// Whether any key of a condition is written.
    var isWritten: Bool {
      kpi != nil || threshold != nil || period != nil || monthsInARow != nil || inMonths != nil
        || scope.channel != nil || scope.category != nil || scope.productGroup != nil
    }
  }

  struct ThresholdBand: Decodable {
    var months: [Int]
    var threshold: Share
  }

  /// A risk: one condition written in the risk itself, or several under `any` or `all`.
  struct RiskEntry: Decodable {
    var risk: String
    var contingency: String
    var condition: ConditionEntry
    var any: [ConditionEntry]?
    var all: [ConditionEntry]?
    enum CodingKeys: String, CodingKey {
      case risk, contingency, any, all
    }

    init(from decoder: Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      risk = try c.decode(String.self, forKey: .risk)
      contingency = try c.decode(String.self, forKey: .contingency)
      any = try c.decodeIfPresent([ConditionEntry].self, forKey: .any)
      all = try c.decodeIfPresent([ConditionEntry].self, forKey: .all)
      condition = try ConditionEntry(from: decoder)
    }
  }

  struct KPIEntry: Decodable {
    var kpi: String
    var green: Share
    var amber: Share
    var scope: ScopeKeys
    var inMonths: [Band]?
    enum CodingKeys: String, CodingKey {
      case kpi, green, amber
      case inMonths = "in_months"
    }

    struct Band: Decodable {
      var months: [Int]
      var green: Share
      var amber: Share
    }

    init(from decoder: Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      kpi = try c.decode(String.self, forKey: .kpi)
      green = try c.decode(Share.self, forKey: .green)
      amber = try c.decode(Share.self, forKey: .amber)
      inMonths = try c.decodeIfPresent([Band].self, forKey: .inMonths)
      scope = try ScopeKeys(from: decoder)
    }
  }

  struct ReviewEntry: Decodable {
    var cadence: String?
    var day: Int?
  }

  struct RevisionEntry: Decodable {
    var from: String
    var note: String?
    var budget: [BudgetEntry]?
    var revenueOverrides: [String: Int64]?
    enum CodingKeys: String, CodingKey {
      case from, note, budget
      case revenueOverrides = "revenue_overrides"
    }
  }
}
