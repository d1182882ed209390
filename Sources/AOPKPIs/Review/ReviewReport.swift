import AOPLedger
import AOPPlan

/// Everything the monthly review shows, as one value: the month and the year to date against the plan,
/// per channel, with gross margin, marketing and the account of every input file.
public struct ReviewReport: Sendable {
  /// One channel's revenue against its target for the month and the year to date.
  public struct ChannelLine: Hashable, Sendable {
    public var channel: Channel
    public var month: VersusPlan
    public var yearToDate: VersusPlan
    public var monthFigures: Rollup.Figures
    public var yearToDateFigures: Rollup.Figures
  }

  /// One month of the plan year so far, for the monthly series sheets.
  public struct MonthLine: Hashable, Sendable {
    public var month: Month
    public var figures: Rollup.Figures
    public var revenueTarget: Money?
    /// The target before any revision (equal to `revenueTarget` where none changed it).
    public var originalRevenueTarget: Money?
    /// The same month's revenue in the baseline year, when there is a baseline.
    public var baselineRevenue: Money?
    public var marketingBudget: Money
    public var onlineRevenue: Money
  }

  /// One channel in one month of the year to date: its figures, its revenue against the month's
  /// target, and the same month of the baseline year.
  public struct ChannelMonthLine: Hashable, Sendable {
    public var channel: Channel
    public var month: Month
    public var figures: Rollup.Figures
    public var revenue: VersusPlan
    public var baselineRevenue: Money?
    /// Revenue against the baseline month: 0.12 for 12% more; `nil` without a baseline or when it was zero.
    public var growthOnBaseline: Ratio? { baselineRevenue.flatMap { Ratio(revenue.actual - $0, over: $0) } }
  }

  /// One product group's figures for the month and year to date.
  public struct GroupLine: Hashable, Sendable {
    public var group: String
    public var month: Rollup.Figures
    public var yearToDate: Rollup.Figures
  }

  /// The KPIs of one period (the month, or January to the month).
  public struct Period: Hashable, Sendable {
    public var months: [Month]
    public var figures: Rollup.Figures
    public var revenue: VersusPlan
    public var onlineRevenue: Money
    public var onlineShare: RatioVersusGoal
    public var grossMargin: RatioVersusGoal
    public var marketing: VersusPlan
    public var marketingToRevenue: RatioVersusGoal
  }

  /// A period against the same months of the baseline year: revenue and online share then and now.
  public struct YearOnYear: Hashable, Sendable {
    public var revenue: Money
    public var lastYearRevenue: Money
    public var onlineShare: Ratio?
    public var lastYearOnlineShare: Ratio?
    /// Revenue over last year's − 1 (`nil` when last year had none).
    public var growth: Ratio? { Ratio(revenue - lastYearRevenue, over: lastYearRevenue) }
  }

  public var company: String
  public var month: Month
  public var currency: Currency
  public var channels: [Channel]
  public var baselineYear: Int?
  public var phasing: Targets.Phasing
  public var annualRevenueTarget: Money?
  public var thisMonth: Period
  public var yearToDate: Period
  public var channelLines: [ChannelLine]
  public var monthLines: [MonthLine]
  public var groupLines: [GroupLine]
  /// Each month of the year to date, and in it each channel in the config's order.
  public var channelMonthLines: [ChannelMonthLine]
  /// The month and the year to date against the same months of the baseline year (`nil` without one).
  public var lastYearMonth: YearOnYear?
  public var lastYearToDate: YearOnYear?
  public var uncostedThisMonth: [Rollup.UncostedSKU]
  public var uncostedYearToDate: [Rollup.UncostedSKU]
  public var sources: [SourceFile]
  /// The rejected rows: all counted, the first ones kept (the rejects CSV beside the workbook has all).
  public var rejections: RejectedRows
  /// What the run found worth saying about its inputs (a folder of the config that matched nothing).
  public var warnings: [InputWarning]
  /// The plan itself (actions, resources, revisions are shown as written).
  public var plan: Plan
  public var budget: [BudgetLine]
  public var outlook: Outlook?
  public var risks: [RiskCheck]
  public var kpis: [KPIStatus]
  /// The line-level detail of the year to date (empty when not asked for).
  public var data: DataSheet
  /// Channel id → the 12 monthly revenue targets in force, and as first planned (empty without a goal).
  public var revenueTargets: [String: [Money]] = [:]
  public var originalRevenueTargets: [String: [Money]] = [:]
  /// The revision in force in the month reviewed, if any.
  public var revision: Plan.Revision? { plan.revision(in: month) }

  /// The name of the CSV file beside the workbook that lists every rejected row of a review.
  public static func rejectsFileName(_ month: Month) -> String { "rejects-\(month).csv" }

  /// Rows read / accepted / rejected / duplicate / skipped over every file.
  public var tally: FileTally { sources.tally }

  /// Computes the review of `month` from the rolled-up ledger and the plan's targets.
  public static func compute(
    month: Month, rollup: Rollup, plan: Plan, targets: Targets, channels: [Channel], baseline: Baseline?,
    sources: [SourceFile], rejections: RejectedRows, warnings: [InputWarning] = [],
    data: DataSheet = DataSheet(lines: [])
  ) -> ReviewReport {
    let online = Set(channels.filter { $0.kind == .online }.map(\.id))
    func period(_ months: [Month]) -> Period {
      let figures = rollup.figures(months: months)
      let onlineRevenue = rollup.revenue(months: months, channels: online)
      return Period(
        months: months, figures: figures,
        revenue: VersusPlan(actual: figures.revenue, plan: targets.revenue(months: months), kind: .target),
        onlineRevenue: onlineRevenue,
        onlineShare: RatioVersusGoal(
          actual: Ratio(onlineRevenue, over: figures.revenue), goal: plan.goals.onlineShare?.ratio,
          direction: .higherIsBetter),
        grossMargin: RatioVersusGoal(
          actual: figures.grossMargin, goal: plan.goals.grossMarginFloor?.ratio, direction: .higherIsBetter),
        marketing: VersusPlan(actual: figures.marketing, plan: targets.marketing(months: months), kind: .limit),
        marketingToRevenue: RatioVersusGoal(
          actual: figures.marketingToRevenue, goal: plan.goals.marketingToRevenueCeiling?.ratio,
          direction: .lowerIsBetter))
    }
    let ytd = month.yearToDate
    let channelLines = channels.map { c in
      ChannelLine(
        channel: c,
        month: VersusPlan(
          actual: rollup.figures(months: [month], channel: c.id).revenue,
          plan: targets.revenue(months: [month], channel: c.id), kind: .target),
        yearToDate: VersusPlan(
          actual: rollup.figures(months: ytd, channel: c.id).revenue, plan: targets.revenue(months: ytd, channel: c.id),
          kind: .target),
        monthFigures: rollup.figures(months: [month], channel: c.id),
        yearToDateFigures: rollup.figures(months: ytd, channel: c.id))
    }
    let monthLines = ytd.map { m in
      MonthLine(
        month: m, figures: rollup.figures(months: [m]), revenueTarget: targets.revenue(months: [m]),
        originalRevenueTarget: targets.revenue(months: [m], original: true),
        baselineRevenue: baseline.map { b in b.rollup.total { $0.month.month == m.month }.revenue },
        marketingBudget: targets.marketing(months: [m]),
        onlineRevenue: rollup.revenue(months: [m], channels: online))
    }
    let groups = Set(rollup.cells.keys.filter { ytd.contains($0.month) }.map(\.productGroup)).sorted()
    let groupLines = groups.compactMap { g -> GroupLine? in
      let line = GroupLine(
        group: g, month: rollup.figures(months: [month], productGroup: g),
        yearToDate: rollup.figures(months: ytd, productGroup: g))
      // The no-group bucket holds marketing and order counts; show it only when it has sales.
      return line.yearToDate.revenue == .zero && line.yearToDate.units == 0 ? nil : line
    }
    /// `months` of the plan year against the same months of the baseline year.
    func yearOnYear(_ months: [Month]) -> YearOnYear? {
      guard let baseline else { return nil }
      let before = months.compactMap { Month(year: baseline.year, month: $0.month) }
      let now = rollup.figures(months: months).revenue, then = baseline.rollup.figures(months: before).revenue
      return YearOnYear(
        revenue: now, lastYearRevenue: then,
        onlineShare: Ratio(rollup.revenue(months: months, channels: online), over: now),
        lastYearOnlineShare: Ratio(baseline.rollup.revenue(months: before, channels: online), over: then))
    }
    let thisMonth = period([month])
    let yearToDate = period(ytd)
    let evaluator = KPIEvaluator(
      rollup: rollup, baseline: baseline, targets: targets, plan: plan, online: online, through: month)
    let budget = evaluator.budgetLines[month] ?? []
    return ReviewReport(
      company: plan.company, month: month, currency: plan.currency, channels: channels, baselineYear: baseline?.year,
      phasing: targets.phasing, annualRevenueTarget: targets.annualRevenue,
      thisMonth: thisMonth, yearToDate: yearToDate, channelLines: channelLines, monthLines: monthLines,
      groupLines: groupLines,
      channelMonthLines: ytd.flatMap { m in
        channels.map { c in
          let figures = rollup.figures(months: [m], channel: c.id)
          return ChannelMonthLine(
            channel: c, month: m, figures: figures,
            revenue: VersusPlan(
              actual: figures.revenue, plan: targets.revenue(months: [m], channel: c.id), kind: .target),
            baselineRevenue: baseline.map { b in
              b.rollup.total { $0.month.month == m.month && $0.channel == c.id }.revenue
            })
        }
      },
      lastYearMonth: yearOnYear([month]), lastYearToDate: yearOnYear(ytd),
      uncostedThisMonth: rollup.uncosted(months: [month]), uncostedYearToDate: rollup.uncosted(months: ytd),
      sources: sources, rejections: rejections, warnings: warnings, plan: plan, budget: budget,
      outlook: Outlook.compute(month: month, rollup: rollup, plan: plan, targets: targets, onlineChannels: online),
      risks: checkRisks(plan, month: month, evaluator: evaluator),
      kpis: kpiStatuses(plan, month: month, channels: channels, evaluator: evaluator), data: data,
      revenueTargets: targets.revenue, originalRevenueTargets: targets.originalRevenue)
  }
}
