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

  struct RiskEntry: Decodable {
    var risk: String
    var kpi: String
    var threshold: Share
    var category: String?
    var period: String?
    var contingency: String
  }

  struct KPIEntry: Decodable {
    var kpi: String
    var green: Share
    var amber: Share
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
