import AOPLedger
import AOPTOML
import Foundation

extension Plan {
  /// Loads and validates a plan file.
  /// - Throws: `PlanError` naming the file, the key and its line.
  public static func load(from url: URL) throws -> Plan {
    let shown = url.path
    let (raw, locator) = try PlanError.decoding(PlanFile.self, from: url, shownAs: shown)
    func fail(_ key: String, _ problem: String) -> PlanError { .at(shown, key, problem, in: locator) }

    guard (2000...2100).contains(raw.year) else { throw fail("year", "\(raw.year) is not a plausible plan year") }
    let code = raw.currency ?? "VND"
    guard let currency = raw.currencyDigits.map({ Currency(code: code, minorDigits: $0) }) ?? Currency.known(code)
    else {
      throw fail("currency", "`\(code)` is unknown; also give `currency_digits` (the number of minor digits)")
    }
    guard (0...4).contains(currency.minorDigits) else {
      throw fail("currency_digits", "\(currency.minorDigits) is not 0 to 4")
    }
    let scale = currency.unitScale
    /// A plan amount in minor units, within what one amount may be.
    func money(_ v: Int64, _ key: String) throws -> Money {
      let (units, overflow) = v.multipliedReportingOverflow(by: scale)
      guard !overflow, units.magnitude <= Money.valueLimit.magnitude else {
        throw fail(key, "\(v) is too large: a plan amount is at most \(Money.valueLimit / scale) \(currency.code)")
      }
      return Money(minorUnits: units)
    }

    // 1. Goals
    let g = raw.goals
    if g.revenueGrowth != nil, g.revenueTarget != nil {
      throw fail("goals", "give revenue_growth or revenue_target, not both")
    }
    if let growth = g.revenueGrowth, !(-500_000...5_000_000).contains(growth.partsPerMillion) {
      throw fail("goals.revenue_growth", "\(growth) is outside −50%…+500%; write 0.20 or \"20%\" for +20%")
    }
    for (key, share) in [
      ("online_share", g.onlineShare), ("gross_margin_floor", g.grossMarginFloor),
      ("marketing_to_revenue_ceiling", g.marketingToRevenueCeiling),
    ] {
      if let share, !(0...1_000_000).contains(share.partsPerMillion) {
        throw fail("goals.\(key)", "\(share) is not between 0% and 100%")
      }
    }
    func overrides(_ table: [String: Int64]?, key: String) throws -> [Int: Money] {
      var result: [Int: Money] = [:]
      for (text, amount) in table ?? [:] {
        guard let m = Month(text: text), m.year == raw.year else {
          throw fail("\(key).\(text)", "not a month of \(raw.year) written YYYY-MM")
        }
        guard amount >= 0 else { throw fail("\(key).\(text)", "a target cannot be negative") }
        result[m.month] = try money(amount, "\(key).\(text)")
      }
      return result
    }
    if let target = g.revenueTarget, target <= 0 {
      throw fail("goals.revenue_target", "\(target) is not a revenue target: give the year's revenue, more than 0")
    }
    let goals = Goals(
      revenueGrowth: g.revenueGrowth, revenueTarget: try g.revenueTarget.map { try money($0, "goals.revenue_target") },
      onlineShare: g.onlineShare, grossMarginFloor: g.grossMarginFloor,
      marketingToRevenueCeiling: g.marketingToRevenueCeiling,
      revenueOverrides: try overrides(g.revenueOverrides, key: "goals.revenue_overrides"))

    // 2. Budget
    func budget(_ entries: [PlanFile.BudgetEntry], key: String) throws -> [BudgetCategory] {
      var seen = Set<String>()
      let categories = try entries.enumerated().map { i, e in
        let at = "\(key)[\(i)]"
        guard !e.id.isEmpty, seen.insert(e.id).inserted else {
          throw fail("\(at).id", "`\(e.id)` is empty or used twice")
        }
        guard let kind = BudgetCategory.Kind(rawValue: e.kind) else {
          throw fail(
            "\(at).kind",
            "`\(e.kind)` is not one of \(BudgetCategory.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if e.channel != nil, kind != .marketing {
          throw fail("\(at).channel", "only a marketing category belongs to a channel")
        }
        if kind == .fixed || kind == .other, (e.expenseCategories ?? []).isEmpty {
          throw fail("\(at).expense_categories", "name the expense categories (as in the exports) booked to `\(e.id)`")
        }
        let months: [Money]
        switch (e.monthly, e.annual, e.byMonth) {
        case (let m?, nil, nil): months = Array(repeating: try money(m, "\(at).monthly"), count: 12)
        case (nil, let a?, nil): months = try money(a, "\(at).annual").allocate(weights: Array(repeating: 1, count: 12))
        case (nil, nil, let list?):
          guard list.count == 12 else {
            throw fail("\(at).by_month", "give 12 amounts, January first (found \(list.count))")
          }
          months = try list.enumerated().map { try money($1, "\(at).by_month[\($0)]") }
        default: throw fail(at, "give one of monthly, annual or by_month")
        }
        guard !months.contains(where: { $0 < .zero }) else { throw fail(at, "a budget cannot be negative") }
        return BudgetCategory(
          id: e.id, name: e.name ?? e.id, kind: kind, channel: e.channel, expenseCategories: e.expenseCategories ?? [],
          byMonth: months)
      }
      // Every amount is within its limit; their sum must be too, so that no total of them overflows.
      var total: Int64 = 0
      for amount in categories.flatMap(\.byMonth) {
        total += amount.minorUnits  // each at most 10^15: far from overflowing before the check below stops it
        guard total <= Money.totalLimit else {
          throw fail(
            key, "the budget adds up to more than \(Money.totalLimit) minor units, beyond what can be added up exactly")
        }
      }
      return categories
    }
    let original = try budget(raw.budget ?? [], key: "budget")

    // 3.–4. Actions and resources
    let actions = try (raw.actions ?? []).enumerated().map { i, a in
      guard let m = Month(text: a.milestone) else {
        throw fail("actions[\(i)].milestone", "`\(a.milestone)` is not a month written YYYY-MM")
      }
      return Action(action: a.action, owner: a.owner, milestone: m)
    }
    let resources = (raw.resources ?? []).map {
      Resource(
        person: $0.person, role: $0.role ?? "", responsibilities: $0.responsibilities ?? [], capacity: $0.capacity ?? ""
      )
    }

    // 5.–6. Risks and KPIs
    func kpi(_ name: String, key: String) throws -> KPI {
      guard let k = KPI(rawValue: name) else {
        throw fail(key, "`\(name)` is not one of \(KPI.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      return k
    }
    let risks = try (raw.risks ?? []).enumerated().map { i, r in
      let at = "risks[\(i)]"
      let k = try kpi(r.kpi, key: "\(at).kpi")
      if k == .budgetUsed {
        guard let c = r.category, original.contains(where: { $0.id == c }) else {
          throw fail(
            "\(at).category",
            "a budget_used risk names a budget category id (\(original.map(\.id).joined(separator: ", ")))")
        }
      }
      let period: Period
      switch r.period {
      case nil: period = .month
      case let p?:
        guard let parsed = Period(rawValue: p) else {
          throw fail("\(at).period", "`\(p)` is not \"month\" or \"year_to_date\"")
        }
        period = parsed
      }
      return Risk(
        risk: r.risk, kpi: k, threshold: r.threshold, category: r.category, period: period, contingency: r.contingency)
    }
    let kpis = try (raw.kpis ?? []).enumerated().map { i, e in
      let k = try kpi(e.kpi, key: "kpis[\(i)].kpi")
      let ordered =
        k.higherIsBetter
        ? e.green.partsPerMillion >= e.amber.partsPerMillion : e.green.partsPerMillion <= e.amber.partsPerMillion
      guard ordered else {
        throw fail(
          "kpis[\(i)].amber",
          "for \(k.rawValue) (\(k.higherIsBetter ? "higher" : "lower") is better) amber must be \(k.higherIsBetter ? "below" : "above") green"
        )
      }
      return KPIThresholds(kpi: k, green: e.green, amber: e.amber)
    }
    let review = ReviewCadence(cadence: raw.review?.cadence ?? "monthly", day: raw.review?.day ?? 1)
    guard (1...28).contains(review.day) else { throw fail("review.day", "a day of the month from 1 to 28") }

    // Revisions
    var revisions: [Revision] = []
    for (i, r) in (raw.revisions ?? []).enumerated() {
      let at = "revisions[\(i)]"
      guard let from = Month(text: r.from), from.year == raw.year else {
        throw fail("\(at).from", "`\(r.from)` is not a month of \(raw.year) written YYYY-MM")
      }
      let revisedOverrides = try overrides(r.revenueOverrides, key: "\(at).revenue_overrides")
      if let early = revisedOverrides.keys.first(where: { $0 < from.month }) {
        throw fail(
          "\(at).revenue_overrides", "month \(early) is before the revision starts (\(from)): the past is not revised")
      }
      revisions.append(
        Revision(
          from: from, note: r.note ?? "", budget: try r.budget.map { try budget($0, key: "\(at).budget") },
          revenueOverrides: revisedOverrides))
    }

    return Plan(
      company: raw.company ?? "", year: raw.year, currency: currency, goals: goals, budget: original, actions: actions,
      resources: resources, risks: risks, kpis: kpis, review: review, revisions: revisions.sorted { $0.from < $1.from })
  }
}
