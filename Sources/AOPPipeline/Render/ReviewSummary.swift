import AOPKPIs
import AOPLedger
import AOPPlan
import Foundation

/// Writes an optional as `null` when it has no value, so that every key of the schema is always there
/// (the synthesized encoding would leave the key out).
// swift-format-ignore: UseSynthesizedInitializer
@propertyWrapper
struct NullEncodable<Value: Encodable & Sendable>: Encodable, Sendable {
  var wrappedValue: Value?
  // The synthesized initializer would take a `NullEncodable`, not the optional the wrapper wraps.
  init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }
  func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    if let value = wrappedValue { try container.encode(value) } else { try container.encodeNil() }
  }
}

/// The machine-readable summary of a review (`aop review --json`), schema `aop.review.v3`,
/// documented in docs/json-summary.md. Money is in integer minor units; ratios are fractions or null.
public struct ReviewSummary: Encodable, Sendable {
  public static let schemaName = "aop.review.v3"

  struct Amount: Encodable {
    var actual: Int64
    @NullEncodable var plan: Int64?
    @NullEncodable var variance: Int64?
    @NullEncodable var varianceRatio: Double?
    @NullEncodable var onTrack: Bool?
    enum CodingKeys: String, CodingKey {
      case actual, plan, variance, varianceRatio = "variance_ratio", onTrack = "on_track"
    }
    init(_ v: VersusPlan) {
      actual = v.actual.minorUnits
      plan = v.plan?.minorUnits
      variance = v.variance?.minorUnits
      varianceRatio = v.varianceRatio?.value
      onTrack = v.onTrack
    }
  }

  struct RatioKPI: Encodable {
    @NullEncodable var actual: Double?
    @NullEncodable var goal: Double?
    var direction: String
    @NullEncodable var variancePoints: Double?
    @NullEncodable var onTrack: Bool?
    enum CodingKeys: String, CodingKey {
      case actual, goal, direction, variancePoints = "variance_points", onTrack = "on_track"
    }
    init(_ r: RatioVersusGoal) {
      actual = r.actual?.value
      goal = r.goal?.value
      direction = r.direction.rawValue
      variancePoints = r.variancePoints
      onTrack = r.onTrack
    }
  }

  struct Period: Encodable {
    var months: [String]
    var revenue: Amount
    var onlineRevenue: Int64
    var onlineShare: RatioKPI
    var coveredRevenue: Int64
    var cogs: Int64
    var grossMargin: RatioKPI
    @NullEncodable var costCoverage: Double?
    var marketing: Amount
    var marketingToRevenue: RatioKPI
    var orders: Int
    var units: Int
    enum CodingKeys: String, CodingKey {
      case months, revenue, cogs, orders, units, marketing
      case onlineRevenue = "online_revenue", onlineShare = "online_share", coveredRevenue = "covered_revenue"
      case grossMargin = "gross_margin", costCoverage = "cost_coverage", marketingToRevenue = "marketing_to_revenue"
    }
    init(_ p: ReviewReport.Period) {
      months = p.months.map(\.description)
      revenue = Amount(p.revenue)
      onlineRevenue = p.onlineRevenue.minorUnits
      onlineShare = RatioKPI(p.onlineShare)
      coveredRevenue = p.figures.coveredRevenue.minorUnits
      cogs = p.figures.cogs.minorUnits
      grossMargin = RatioKPI(p.grossMargin)
      costCoverage = p.figures.costCoverage?.value
      marketing = Amount(p.marketing)
      marketingToRevenue = RatioKPI(p.marketingToRevenue)
      orders = p.figures.orders
      units = p.figures.units
    }
  }

  struct ChannelEntry: Encodable {
    var id: String
    var name: String
    var kind: String
    var month: Amount
    var yearToDate: Amount
    var marketingMonth: Int64
    var marketingYearToDate: Int64
    enum CodingKeys: String, CodingKey {
      case id, name, kind, month
      case yearToDate = "year_to_date", marketingMonth = "marketing_month", marketingYearToDate =
        "marketing_year_to_date"
    }
  }

  struct FileEntry: Encodable {
    var path: String
    @NullEncodable var profile: String?
    var status: String
    @NullEncodable var message: String?
    var read, accepted, rejected, duplicates, skipped: Int
    var revenue: Int64
    var spend: Int64
    var expenses: Int64
    var purchases: Int64
    var duplicatesOf: [Duplicates]
    @NullEncodable var sha256: String?
    var flags: [Flag]
    @NullEncodable var costing: Costing?
    enum CodingKeys: String, CodingKey {
      case path, profile, status, message, read, accepted, rejected, duplicates, skipped, revenue, spend, expenses,
        purchases, sha256, flags, costing
      case duplicatesOf = "duplicates_of"
    }
    init(_ s: SourceFile) {
      path = s.path
      profile = s.profile
      status = s.status.rawValue
      message = s.message
      read = s.tally.read
      accepted = s.tally.accepted
      rejected = s.tally.rejected
      duplicates = s.tally.duplicates
      skipped = s.tally.skipped
      revenue = s.revenue.minorUnits
      spend = s.spend.minorUnits
      expenses = s.expenses.minorUnits
      purchases = s.purchases.minorUnits
      duplicatesOf = s.duplicatesOf.map(Duplicates.init)
      sha256 = s.sha256
      flags = s.flags.map { Flag(reason: $0.reason, count: $0.count, firstLine: $0.firstLine, example: $0.example) }
      costing = s.costing.map(Costing.init)
    }
  }

  /// How a file's sale lines were costed (`aop check` only).
  struct Costing: Encodable {
    var bySKU, byName, byLine, uncosted: Int
    enum CodingKeys: String, CodingKey { case bySKU = "by_sku", byName = "by_name", byLine = "by_line", uncosted }
    init(_ c: CostingCounts) {
      bySKU = c.bySKU
      byName = c.byName
      byLine = c.byLine
      uncosted = c.uncosted
    }
  }

  /// Rows accepted although implausible, per reason.
  struct Flag: Encodable {
    var reason: String
    var count: Int
    var firstLine: Int
    var example: String
    enum CodingKeys: String, CodingKey { case reason, count, example, firstLine = "first_line" }
  }

  /// The rows of a file that repeat an earlier file's, in the schema's snake_case.
  struct Duplicates: Encodable {
    var file: String
    var count: Int
    var exampleLine: Int
    var originalLine: Int
    enum CodingKeys: String, CodingKey {
      case file, count, exampleLine = "example_line", originalLine = "original_line"
    }
    init(_ d: DuplicateSummary) {
      file = d.file
      count = d.count
      exampleLine = d.exampleLine
      originalLine = d.originalLine
    }
  }

  struct Uncosted: Encodable {
    var sku: String
    var productName: String
    var reason: String
    var revenue: Int64
    var units: Int
    enum CodingKeys: String, CodingKey { case sku, reason, revenue, units, productName = "product_name" }
  }

  struct BudgetEntry: Encodable {
    var id: String
    var name: String
    @NullEncodable var kind: String?
    var month: Amount
    var yearToDate: Amount
    var annual: Int64
    var originalAnnual: Int64
    var remaining: Int64
    @NullEncodable var usedOfAnnual: Double?
    var overLimit: Bool
    enum CodingKeys: String, CodingKey {
      case id, name, kind, month, annual, remaining
      case yearToDate = "year_to_date", originalAnnual = "original_annual", usedOfAnnual = "used_of_annual", overLimit =
        "over_limit"
    }
  }

  struct OutlookEntry: Encodable {
    var annualTarget: Int64
    var atPlan: Int64
    @NullEncodable var atRunRate: Int64?
    var requiredRemaining: Int64
    var remainingTarget: Int64
    @NullEncodable var requiredOfPlan: Double?
    var requiredByMonth: [String: Int64]
    @NullEncodable var requiredOnlineShare: Double?
    @NullEncodable var requiredGrossMargin: Double?
    @NullEncodable var allowedMarketingToRevenue: Double?
    enum CodingKeys: String, CodingKey {
      case annualTarget = "annual_target", atPlan = "at_plan", atRunRate = "at_run_rate", requiredRemaining =
        "required_remaining"
      case remainingTarget = "remaining_target", requiredOfPlan = "required_of_plan", requiredByMonth =
        "required_by_month"
      case requiredOnlineShare = "required_online_share", requiredGrossMargin = "required_gross_margin"
      case allowedMarketingToRevenue = "allowed_marketing_to_revenue"
    }
  }

  /// Where a KPI is measured: each key `null` when not scoped by it.
  struct ScopeEntry: Encodable {
    @NullEncodable var channel: String?
    @NullEncodable var category: String?
    @NullEncodable var productGroup: String?
    enum CodingKeys: String, CodingKey {
      case channel, category
      case productGroup = "product_group"
    }
    init(_ s: Plan.Scope) {
      channel = s.channel
      category = s.category
      productGroup = s.productGroup
    }
  }

  /// A risk; `kpi` … `value` are those of the condition shown (the first that holds, else the first).
  struct RiskEntry: Encodable {
    var risk: String
    var kpi: String
    @NullEncodable var category: String?
    var period: String
    var threshold: Double
    @NullEncodable var value: Double?
    var triggered: Bool
    var contingency: String
    var combination: String
    var conditions: [ConditionEntry]
  }

  struct ConditionEntry: Encodable {
    struct Judged: Encodable {
      var month: String
      @NullEncodable var value: Double?
      var threshold: Double
      var crossed: Bool
    }
    var kpi: String
    var scope: ScopeEntry
    var period: String
    var monthsInARow: Int
    var holds: Bool
    var months: [Judged]
    enum CodingKeys: String, CodingKey {
      case kpi, scope, period, holds, months
      case monthsInARow = "months_in_a_row"
    }
  }

  struct KPIEntry: Encodable {
    struct MonthEntry: Encodable {
      var month: String
      @NullEncodable var value: Double?
      var light: String
      var green: Double
      var amber: Double
    }
    var kpi: String
    var scope: ScopeEntry
    @NullEncodable var month: Double?
    @NullEncodable var yearToDate: Double?
    var monthLight: String
    var yearToDateLight: String
    var green: Double
    var amber: Double
    var byMonth: [MonthEntry]
    enum CodingKeys: String, CodingKey {
      case kpi, scope, month, green, amber
      case yearToDate = "year_to_date", monthLight = "month_light", yearToDateLight = "year_to_date_light"
      case byMonth = "by_month"
    }
  }

  struct PlanEntry: Encodable {
    struct Action: Encodable { var action, owner, milestone: String }
    struct Resource: Encodable {
      var person, role, capacity: String
      var responsibilities: [String]
    }
    struct Revision: Encodable { var from, note: String }
    var actions: [Action]
    var resources: [Resource]
    var revisions: [Revision]
    @NullEncodable var revisionInForce: String?
    enum CodingKeys: String, CodingKey { case actions, resources, revisions, revisionInForce = "revision_in_force" }
  }

  struct Rows: Encodable {
    var read, accepted, rejected, duplicates, skipped: Int
    init(_ t: FileTally) {
      read = t.read
      accepted = t.accepted
      rejected = t.rejected
      duplicates = t.duplicates
      skipped = t.skipped
    }
  }

  var schema = ReviewSummary.schemaName
  var company: String
  var month: String
  var currency: String
  var currencyMinorDigits: Int
  var status: String
  var exitCode: Int32
  var workbook: String
  @NullEncodable var baselineYear: Int?
  var phasing: String
  @NullEncodable var annualRevenueTarget: Int64?
  var thisMonth: Period
  var yearToDate: Period
  var channels: [ChannelEntry]
  var uncostedSkus: [Uncosted]
  var files: [FileEntry]
  var rows: Rows
  var budget: [BudgetEntry]
  @NullEncodable var outlook: OutlookEntry?
  var risks: [RiskEntry]
  var kpis: [KPIEntry]
  var plan: PlanEntry
  var warnings: [String]

  enum CodingKeys: String, CodingKey {
    case schema, company, month, currency, status, workbook, phasing, channels, files, rows, budget, outlook, risks,
      kpis, plan, warnings
    case currencyMinorDigits = "currency_minor_digits", exitCode = "exit_code", baselineYear = "baseline_year"
    case annualRevenueTarget = "annual_revenue_target", thisMonth = "month_kpis", yearToDate = "year_to_date_kpis"
    case uncostedSkus = "uncosted_skus_year_to_date"
  }

  public init(_ outcome: ReviewJob.Outcome, workbookShown: String) {
    let r = outcome.report
    company = r.company
    month = r.month.description
    currency = r.currency.code
    currencyMinorDigits = r.currency.minorDigits
    status = outcome.status == .ok ? "ok" : "rejected_rows"
    exitCode = outcome.status.rawValue
    workbook = workbookShown
    baselineYear = r.baselineYear
    phasing = r.phasing.rawValue
    annualRevenueTarget = r.annualRevenueTarget?.minorUnits
    thisMonth = Period(r.thisMonth)
    yearToDate = Period(r.yearToDate)
    channels = r.channelLines.map {
      ChannelEntry(
        id: $0.channel.id, name: $0.channel.name, kind: $0.channel.kind.rawValue, month: Amount($0.month),
        yearToDate: Amount($0.yearToDate),
        marketingMonth: $0.monthFigures.marketing.minorUnits,
        marketingYearToDate: $0.yearToDateFigures.marketing.minorUnits)
    }
    uncostedSkus = r.uncostedYearToDate.map {
      Uncosted(
        sku: $0.sku, productName: $0.productName, reason: $0.reason.rawValue, revenue: $0.revenue.minorUnits,
        units: $0.units)
    }
    files = r.sources.map(FileEntry.init)
    rows = Rows(r.tally)
    budget = r.budget.map {
      BudgetEntry(
        id: $0.id, name: $0.name, kind: $0.kind?.rawValue, month: Amount($0.month), yearToDate: Amount($0.yearToDate),
        annual: $0.annual.minorUnits,
        originalAnnual: $0.originalAnnual.minorUnits, remaining: $0.remaining.minorUnits,
        usedOfAnnual: $0.usedOfAnnual?.value, overLimit: $0.overLimit)
    }
    outlook = r.outlook.map { o in
      OutlookEntry(
        annualTarget: o.annualTarget.minorUnits, atPlan: o.atPlan.minorUnits, atRunRate: o.atRunRate?.minorUnits,
        requiredRemaining: o.requiredRemaining.minorUnits,
        remainingTarget: o.remainingTarget.minorUnits, requiredOfPlan: o.requiredOfPlan?.value,
        requiredByMonth: Dictionary(
          uniqueKeysWithValues: o.requiredByMonth.map { ($0.0.description, $0.1.minorUnits) }),
        requiredOnlineShare: o.requiredOnlineShare?.value, requiredGrossMargin: o.requiredGrossMargin?.value,
        allowedMarketingToRevenue: o.allowedMarketingToRevenue?.value)
    }
    risks = r.risks.map {
      RiskEntry(
        risk: $0.risk.risk, kpi: $0.shown.condition.kpi.rawValue, category: $0.shown.condition.scope.category,
        period: $0.shown.condition.period.rawValue, threshold: $0.threshold.ratio.value, value: $0.value?.value,
        triggered: $0.triggered, contingency: $0.risk.contingency, combination: $0.risk.combination.rawValue,
        conditions: $0.conditions.map { c in
          ConditionEntry(
            kpi: c.condition.kpi.rawValue, scope: ScopeEntry(c.condition.scope), period: c.condition.period.rawValue,
            monthsInARow: c.condition.monthsInARow, holds: c.holds,
            months: c.judged.map {
              .init(
                month: $0.month.description, value: $0.value?.value, threshold: $0.threshold.ratio.value,
                crossed: $0.crossed)
            })
        })
    }
    kpis = r.kpis.map {
      KPIEntry(
        kpi: $0.kpi.rawValue, scope: ScopeEntry($0.scope), month: $0.month?.value, yearToDate: $0.yearToDate?.value,
        monthLight: $0.monthLight.rawValue,
        yearToDateLight: $0.yearToDateLight.rawValue, green: $0.green.ratio.value, amber: $0.amber.ratio.value,
        byMonth: $0.byMonth.map {
          .init(
            month: $0.month.description, value: $0.value?.value, light: $0.light.rawValue,
            green: $0.band.green.ratio.value, amber: $0.band.amber.ratio.value)
        })
    }
    plan = PlanEntry(
      actions: r.plan.actions.map { .init(action: $0.action, owner: $0.owner, milestone: $0.milestone.description) },
      resources: r.plan.resources.map {
        .init(person: $0.person, role: $0.role, capacity: $0.capacity, responsibilities: $0.responsibilities)
      },
      revisions: r.plan.revisions.map { .init(from: $0.from.description, note: $0.note) },
      revisionInForce: r.revision?.from.description)
    warnings = r.warnings.map(\.description)
  }

  /// Pretty-printed JSON with sorted keys: the same review gives the same text.
  public func json() -> String { summaryJSON(self) }
}

/// Pretty-printed JSON with sorted keys: the same run gives the same text.
func summaryJSON(_ value: some Encodable) -> String {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
  guard let data = try? encoder.encode(value) else { return "{}" }
  return String(decoding: data, as: UTF8.self) + "\n"
}
