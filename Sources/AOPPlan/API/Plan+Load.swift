import AOPLedger
import AOPTOML
import Foundation

extension Plan {
  /// Loads and validates a plan file; with the config's `channels`, a KPI's or risk's channel must be
  /// one of them.
  /// - Throws: `PlanError` naming the file, the key and its line.
  public static func load(from url: URL, channels: [String]? = nil) throws -> Plan {
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
    // Budget categories a KPI may watch: the original budget's and those a revision brings in.
    let categoryIDs =
      original.map(\.id)
      + (raw.revisions ?? []).flatMap { ($0.budget ?? []).map(\.id) }
      .filter { !original.map(\.id).contains($0) }
    /// The scope written at `at` for `k`: only the keys the KPI takes, ids that exist (channels when the
    /// config's are known, the plan's budget categories), `"*"` (each) only where `each` is allowed.
    func scope(_ keys: PlanFile.ScopeKeys, of k: KPI, at: String, each: Bool) throws -> Scope {
      let written = Scope(channel: keys.channel, category: keys.category, productGroup: keys.productGroup)
      for (key, value) in written.parts {
        guard k.scopes.contains(key) else {
          let takes = k.scopes.map { "`\($0.rawValue)`" }.sorted()
          throw fail(
            "\(at).\(key.rawValue)",
            "\(k.rawValue) is not measured per \(key.rawValue)"
              + (takes.isEmpty ? " (it is the whole shop's)" : "; it takes \(takes.joined(separator: " or "))"))
        }
        if value == Scope.each {
          guard each, key != .productGroup else {
            throw fail("\(at).\(key.rawValue)", "`*` (each) is for a KPI's light per channel or category, not here")
          }
          continue
        }
        switch key {
        case .channel:
          if let channels, !channels.contains(value) {
            throw fail(
              "\(at).channel", "`\(value)` is not a channel of the config (\(channels.joined(separator: ", ")))")
          }
        case .category:
          guard categoryIDs.contains(value) else {
            throw fail(
              "\(at).category", "`\(value)` is not a budget category id (\(categoryIDs.joined(separator: ", ")))")
          }
        case .productGroup:
          guard !value.isEmpty else { throw fail("\(at).product_group", "name a product group") }
        }
      }
      if let required = k.requiredScope, written.parts.first(where: { $0.key == required }) == nil {
        let ids = required == .category ? " (\(categoryIDs.joined(separator: ", ")))" : ""
        throw fail("\(at).\(required.rawValue)", "\(k.rawValue) needs `\(required.rawValue)`\(ids)")
      }
      return written
    }
    func months(_ list: [Int], at: String) throws -> [Int] {
      guard !list.isEmpty, list.allSatisfy({ (1...12).contains($0) }) else {
        throw fail(at, "list months of the year as numbers 1 to 12 (January is 1)")
      }
      return list
    }
    /// The `in_months` entries of one KPI or condition: a month in one entry only, so that no value
    /// written is silently passed over.
    func inMonths<Value>(_ entries: [(months: [Int], value: Value)], at: String) throws -> [ByMonth<Value>.Exception] {
      var seen: [Int: Int] = [:]
      return try entries.enumerated().map { j, entry in
        let key = "\(at).in_months[\(j)].months"
        let list = try months(entry.months, at: key)
        for m in list {
          if let first = seen[m] {
            throw fail(key, "month \(m) is listed already in in_months[\(first)]: give each month one value")
          }
          seen[m] = j
        }
        return ByMonth<Value>.Exception(months: list, value: entry.value)
      }
    }
    func condition(_ e: PlanFile.ConditionEntry, at: String) throws -> Condition {
      guard let name = e.kpi else { throw fail("\(at).kpi", "missing key") }
      guard let threshold = e.threshold else { throw fail("\(at).threshold", "missing key") }
      let k = try kpi(name, key: "\(at).kpi")
      let period: Period
      switch e.period {
      case nil: period = .month
      case let p?:
        guard let parsed = Period(rawValue: p) else {
          throw fail("\(at).period", "`\(p)` is not \"month\" or \"year_to_date\"")
        }
        period = parsed
      }
      let inARow = e.monthsInARow ?? 1
      guard (1...12).contains(inARow) else { throw fail("\(at).months_in_a_row", "\(inARow) is not 1 to 12") }
      let exceptions = try inMonths((e.inMonths ?? []).map { ($0.months, $0.threshold) }, at: at)
      return Condition(
        kpi: k, scope: try scope(e.scope, of: k, at: at, each: false),
        threshold: ByMonth(threshold, exceptions: exceptions), period: period, monthsInARow: inARow)
    }
    let risks = try (raw.risks ?? []).enumerated().map { i, r in
      let at = "risks[\(i)]"
      let forms = [r.condition.isWritten, r.any != nil, r.all != nil].filter { $0 }.count
      guard forms == 1 else {
        throw fail(
          at,
          forms == 0
            ? "give the risk's signal: `kpi` and `threshold`, or a list of conditions under `any` or `all`"
            : "give one condition (`kpi`, `threshold`) or `any` or `all`, not several")
      }
      if let list = r.any ?? r.all {
        let key = r.any != nil ? "any" : "all"
        guard !list.isEmpty else { throw fail("\(at).\(key)", "list at least one condition") }
        return Risk(
          risk: r.risk, combination: r.any != nil ? .any : .all,
          conditions: try list.enumerated().map { try condition($1, at: "\(at).\(key)[\($0)]") },
          contingency: r.contingency)
      }
      return Risk(risk: r.risk, conditions: [try condition(r.condition, at: at)], contingency: r.contingency)
    }
    let kpis = try (raw.kpis ?? []).enumerated().map { i, e in
      let at = "kpis[\(i)]"
      let k = try kpi(e.kpi, key: "\(at).kpi")
      func band(green: Share, amber: Share, key: String) throws -> KPIThresholds.Band {
        let ordered =
          k.higherIsBetter
          ? green.partsPerMillion >= amber.partsPerMillion : green.partsPerMillion <= amber.partsPerMillion
        guard ordered else {
          throw fail(
            key,
            "for \(k.rawValue) (\(k.higherIsBetter ? "higher" : "lower") is better) amber must be \(k.higherIsBetter ? "below" : "above") green"
          )
        }
        return KPIThresholds.Band(green: green, amber: amber)
      }
      let exceptions = try inMonths(
        try (e.inMonths ?? []).enumerated().map { j, b in
          (b.months, try band(green: b.green, amber: b.amber, key: "\(at).in_months[\(j)].amber"))
        }, at: at)
      return KPIThresholds(
        kpi: k, scope: try scope(e.scope, of: k, at: at, each: true),
        bands: ByMonth(try band(green: e.green, amber: e.amber, key: "\(at).amber"), exceptions: exceptions))
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
