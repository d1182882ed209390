import AOPKPIs
import AOPLedger
import AOPPlan

/// The workbook's words, in English or Vietnamese as the config says; the console says its terms
/// (KPIs, warnings, flagged rows) with the same words.
public struct Labels: Sendable {
  public let language: Config.Language
  public init(language: Config.Language) { self.language = language }
  func t(_ en: String, _ vi: String) -> String { language.say(en, vi) }

  var summarySheet: String { t("Summary", "Tổng quan") }
  var channelSheet: String { t("Revenue by channel", "Doanh thu theo kênh") }
  var marginSheet: String { t("Gross margin", "Lợi nhuận gộp") }
  var marketingSheet: String { t("Marketing", "Marketing") }
  var sourcesSheet: String { t("Sources", "Nguồn dữ liệu") }
  var rejectsSheet: String { t("Rejected rows", "Dòng bị loại") }

  var budgetSheet: String { t("Budget", "Ngân sách") }
  var risksSheet: String { t("Risks and KPIs", "Rủi ro và KPI") }
  var planSheet: String { t("Plan", "Kế hoạch") }
  var outlook: String { t("Full-year outlook", "Dự báo cả năm") }
  var atPlan: String { t("Year to date + remaining targets", "Lũy kế + kế hoạch các tháng còn lại") }
  var atRunRate: String { t("At the current run-rate", "Theo tốc độ hiện tại") }
  var requiredRemaining: String { t("Revenue the remaining months need", "Doanh thu các tháng còn lại cần đạt") }
  var requiredOfPlan: String { t("… as a share of their plan", "… so với kế hoạch của các tháng đó") }
  var requiredOnline: String { t("Online share they need", "Tỷ trọng online các tháng còn lại cần đạt") }
  var requiredMargin: String { t("Gross margin they need", "Biên lợi nhuận gộp các tháng còn lại cần đạt") }
  var allowedMarketing: String {
    t("Marketing / revenue they can afford", "Marketing / doanh thu tối đa các tháng còn lại")
  }
  var requiredByMonth: String { t("Required revenue by month", "Doanh thu cần đạt theo tháng") }
  var category: String { t("Category", "Hạng mục") }
  var dataSheet: String { t("Data", "Dữ liệu") }
  var date: String { t("Date", "Ngày") }
  var kindSale: String { t("sale", "bán") }
  var kindReturn: String { t("return", "trả") }
  var order: String { t("Order", "Mã đơn") }
  /// 1234567 → `1,234,567` (English) or `1.234.567` (Vietnamese).
  func grouped(_ n: Int) -> String { language.grouped(n) }

  /// Under a data sheet's title: what prints and how to print the rows.
  func dataPrintNote(lines: Int) -> String {
    t(
      "\(grouped(lines)) rows, for filtering and checking on screen; only these two lines print. To print rows, select them and print the selection.",
      "\(grouped(lines)) dòng, để lọc và đối chiếu trên màn hình; bản in chỉ gồm hai dòng này. Muốn in các dòng, chọn chúng rồi in vùng chọn."
    )
  }

  func dataAggregated(lines: Int, limit: Int) -> String {
    t(
      "summed by month, channel and product group: the ledger has \(grouped(lines)) lines, more than the \(grouped(limit)) the data sheet takes. Every line: aop review --ledger FILE.csv",
      "cộng theo tháng, kênh và nhóm hàng: sổ có \(grouped(lines)) dòng, nhiều hơn \(grouped(limit)) dòng trang dữ liệu chứa. Mọi dòng: aop review --ledger TỆP.csv"
    )
  }
  func spendAggregated(lines: Int, limit: Int) -> String {
    t(
      "summed by month, channel and category: the ledger has \(grouped(lines)) spend lines, more than the \(grouped(limit)) the sheet takes. Every line: aop review --ledger FILE.csv",
      "cộng theo tháng, kênh và hạng mục: sổ có \(grouped(lines)) dòng chi phí, nhiều hơn \(grouped(limit)) dòng trang này chứa. Mọi dòng: aop review --ledger TỆP.csv"
    )
  }
  var spendSheet: String { t("Spend data", "Dữ liệu chi phí") }
  var kindMarketing: String { t("marketing", "marketing") }
  var kindExpense: String { t("expense", "chi phí") }
  var label: String { t("Label", "Diễn giải") }
  var budgetLine: String { t("Budget line", "Dòng ngân sách") }
  var to: String { t("To", "Đến") }
  var amountInMonth: String { t("Amount in the month", "Số tiền trong tháng") }
  var kindSummed: String { t("summed", "cộng gộp") }
  var seeLedgerCSV: String { t("(every line: --ledger CSV)", "(mọi dòng: tệp CSV --ledger)") }
  var originalTarget: String { t("Original target", "Kế hoạch ban đầu") }
  var annualBudget: String { t("Annual budget", "Ngân sách năm") }
  var originalBudget: String { t("Original annual budget", "Ngân sách năm ban đầu") }
  var remainingYear: String { t("Remaining for the year", "Còn lại trong năm") }
  var used: String { t("Used", "Đã dùng") }
  var totalSpend: String { t("Total spend (purchases aside)", "Tổng chi phí (không gồm nhập hàng)") }
  var usedOfYear: String { t("Used of the year", "Đã dùng cả năm") }
  var overLimit: String { t("Over", "Vượt mức") }
  var withinLimit: String { t("Within", "Trong mức") }
  var unbudgeted: String { t("Expenses no category claims", "Chi phí ngoài ngân sách") }
  var risksFired: String { t("Risks triggered", "Rủi ro đã kích hoạt") }
  var noRiskFired: String { t("No risk of the plan is triggered.", "Không có rủi ro nào của kế hoạch bị kích hoạt.") }
  var risk: String { t("Risk", "Rủi ro") }
  var threshold: String { t("Threshold", "Ngưỡng") }
  var value: String { t("Value", "Giá trị") }
  var triggered: String { t("Triggered", "Đã kích hoạt") }
  var notTriggered: String { t("Not triggered", "Chưa kích hoạt") }
  var contingency: String { t("Contingency", "Phương án dự phòng") }
  var period: String { t("Period", "Kỳ") }
  var light: String { t("Light", "Đèn") }
  var green: String { t("Green at", "Xanh từ") }
  var amber: String { t("Amber at", "Vàng từ") }
  var actionStatuses: [String] {
    language == .vi ? ["Chưa bắt đầu", "Đang làm", "Xong", "Dừng"] : ["Not started", "In progress", "Done", "Dropped"]
  }
  var actions: String { t("Actions", "Hành động") }
  var action: String { t("Action", "Hành động") }
  var owner: String { t("Owner", "Phụ trách") }
  var milestone: String { t("Milestone", "Mốc") }
  var resources: String { t("Resources", "Nguồn lực") }
  var person: String { t("Person", "Nhân sự") }
  var role: String { t("Role", "Vai trò") }
  var responsibilities: String { t("Responsibilities", "Trách nhiệm") }
  var capacity: String { t("Capacity", "Năng lực") }
  var revisions: String { t("Revisions", "Điều chỉnh") }
  var from: String { t("From", "Từ") }
  var note: String { t("Note", "Ghi chú") }
  var cadence: String { t("Review cadence", "Chu kỳ đánh giá") }
  var key: String { t("Key", "Chú giải") }
  private var watch: String { t("Watch", "Theo dõi") }
  /// A goal or target: met or not.
  var trackWords: LightWords { LightWords(green: onTrack, amber: watch, red: offTrack) }
  /// A budget: spent within it or over it.
  var limitWords: LightWords {
    // Amber is the plan's tolerance band, which may lie past the budget (up to 110%): "watch", not "near".
    LightWords(green: withinLimit, amber: t("Watch", "Theo dõi"), red: overLimit)
  }
  /// A risk: its trigger reached or not.
  var riskWords: LightWords { LightWords(green: notTriggered, amber: watch, red: triggered) }
  /// A KPI's own thresholds.
  var kpiWords: LightWords { LightWords(green: t("green", "xanh"), amber: t("amber", "vàng"), red: t("red", "đỏ")) }

  public var reviewTitle: String { t("Monthly AOP review", "Đánh giá kế hoạch tháng") }
  public var baselineTitle: String { t("AOP baseline", "Số liệu năm gốc") }
  /// The word before the page number in a printed page's footer.
  public var page: String { t("Page", "Trang") }
  /// How often the plan is reviewed: `Monthly, on day 1` (a cadence the plan names otherwise as written).
  func cadence(_ c: Plan.ReviewCadence) -> String {
    let every: String
    switch c.cadence.lowercased() {
    case "monthly": every = t("Monthly", "Hằng tháng")
    case "quarterly": every = t("Quarterly", "Hằng quý")
    case "weekly": every = t("Weekly", "Hằng tuần")
    default: every = c.cadence
    }
    return every + t(", on day \(c.day)", ", vào ngày \(c.day)")
  }
  /// The rows of a file that repeat an earlier file's: `12 rows repeat … (line 2 = line 130)`.
  func duplicates(_ d: DuplicateSummary) -> String {
    guard language == .vi else { return d.description }
    return "\(d.count) dòng trùng với \(d.file) "
      + (d.exampleLine > 0 ? "(dòng \(d.exampleLine) = dòng \(d.originalLine))" : "(cùng một tệp, từng dòng)")
  }
  var kpi: String { t("KPI", "Chỉ tiêu") }
  /// A KPI of the plan by name (the plan file's id is for the file, not for people).
  public func kpiName(_ kpi: Plan.KPI) -> String {
    switch kpi {
    case .revenueVsTarget: return t("revenue against target", "doanh thu so với kế hoạch")
    case .onlineShare: return t("online share", "tỷ trọng online")
    case .grossMargin: return t("gross margin", "biên lợi nhuận gộp")
    case .marketingToRevenue: return t("marketing / revenue", "marketing / doanh thu")
    case .costCoverage: return t("cost coverage", "tỷ lệ có giá vốn")
    case .budgetUsed: return t("budget used", "ngân sách đã dùng")
    case .growthVsBaseline: return t("growth on the baseline year", "tăng trưởng so với cùng kỳ năm gốc")
    case .channelShare: return t("channel's share of revenue", "tỷ trọng doanh thu của kênh")
    }
  }

  /// A KPI with where it is measured: `gross margin — channel Website`, `budget used — Rent`.
  public func kpiName(_ kpi: Plan.KPI, _ scope: Plan.Scope, channels: [Channel] = [], budget: [BudgetLine] = [])
    -> String
  {
    let parts = scope.parts.map { key, value -> String in
      switch key {
      case .channel: return t("channel ", "kênh ") + (channels.first { $0.id == value }?.name ?? value)
      case .category: return budget.first { $0.id == value }?.name ?? value
      case .productGroup: return t("product group ", "nhóm hàng ") + value
      }
    }
    return ([kpiName(kpi)] + parts).joined(separator: " — ")
  }
  var signal: String { t("Signal", "Dấu hiệu") }
  var conditionHolds: String { t("Condition", "Điều kiện") }
  var monthsJudged: String { t("Months judged", "Các tháng xét") }
  var andJoiner: String { t("; and ", "; và ") }
  func combination(_ c: Plan.Risk.Combination) -> String { c == .any ? t("… or", "… hoặc") : t("… and", "… và") }
  func inARow(_ n: Int) -> String { t("\(n) months in a row", "\(n) tháng liên tiếp") }
  var holdsWords: LightWords { LightWords(green: t("Not met", "Chưa xảy ra"), amber: watch, red: t("Met", "Xảy ra")) }
  var yearSoFar: String { t("KPIs month by month", "KPI từng tháng") }
  var kpiMonthsSheet: String { t("KPIs by month", "KPI theo tháng") }
  /// A share as the workbook's language writes it in a text (`34.6%` / `34,6%`).
  func percent(_ r: Ratio?, distinctFrom other: Share? = nil) -> String {
    r.map { language.percent($0.value, distinctFrom: other?.ratio.value) } ?? noData
  }
  var thisMonth: String { t("Month", "Tháng") }
  var yearToDate: String { t("Year to date", "Lũy kế năm") }
  var actual: String { t("Actual", "Thực tế") }
  var target: String { t("Target", "Kế hoạch") }
  var goal: String { t("Goal", "Mục tiêu") }
  var budget: String { t("Budget", "Ngân sách") }
  var variance: String { t("Variance", "Chênh lệch") }
  var variancePercent: String { t("Variance %", "Chênh lệch %") }
  var status: String { t("Status", "Trạng thái") }
  var onTrack: String { t("On track", "Đạt") }
  var offTrack: String { t("Off track", "Chưa đạt") }
  var noData: String { t("No data", "Chưa có số liệu") }
  var revenue: String { t("Net revenue", "Doanh thu thuần") }
  var onlineShare: String { t("Online share", "Tỷ trọng online") }
  var grossMargin: String { t("Gross margin %", "Biên lợi nhuận gộp %") }
  var costCoverage: String { t("Cost coverage", "Tỷ lệ có giá vốn") }
  var cogs: String { t("COGS", "Giá vốn hàng bán") }
  var coveredRevenue: String { t("Revenue with known cost", "Doanh thu có giá vốn") }
  var grossProfit: String { t("Gross profit", "Lợi nhuận gộp") }
  var marketing: String { t("Marketing spend", "Chi phí marketing") }
  var marketingToRevenue: String { t("Marketing / revenue", "Marketing / doanh thu") }
  var remaining: String { t("Remaining", "Còn lại") }
  var orders: String { t("Orders", "Số đơn") }
  var units: String { t("Units", "Số lượng") }
  var channel: String { t("Channel", "Kênh") }
  var kind: String { t("Kind", "Loại") }
  var online: String { t("online", "online") }
  var offline: String { t("offline", "offline") }
  var month: String { t("Month", "Tháng") }
  var total: String { t("Total", "Tổng") }
  var productGroup: String { t("Product group", "Nhóm hàng") }
  var byMonth: String { t("By month", "Theo tháng") }
  var byMonthAndChannel: String { t("By month and channel", "Theo tháng và kênh") }
  var versusBaseline: String { t("Versus baseline", "So với năm gốc") }
  var sharedMarketingNote: String {
    t(
      "A channel without a marketing budget of its own is counted on the Budget sheet: in a shared marketing line, or in expenses no category claims.",
      "Kênh không có ngân sách marketing riêng được tính ở trang Ngân sách: trong dòng marketing chung, hoặc chi phí ngoài ngân sách."
    )
  }
  var byChannel: String { t("By channel", "Theo kênh") }
  var byGroup: String { t("By product group (year to date)", "Theo nhóm hàng (lũy kế)") }
  var uncosted: String { t("Products sold without a known cost (year to date)", "Hàng bán chưa có giá vốn (lũy kế)") }
  var uncostedNote: String {
    t(
      "An order listed as items in one cell: its revenue left uncosted is shared among its uncosted items by units.",
      "Đơn liệt kê sản phẩm trong một ô: doanh thu chưa có giá vốn được chia cho các sản phẩm chưa có giá vốn theo số lượng."
    )
  }
  var why: String { t("Why", "Lý do") }

  /// Why a product has no cost of goods, as the uncosted list says it.
  func reason(_ reason: UncostedReason) -> String {
    switch reason {
    case .noCostYet: return t("no cost dated on or before the sale", "chưa có giá vốn tại ngày bán")
    case .noSKU:
      return t(
        "no SKU, and no cost source names the product", "không có mã hàng; tên hàng không có trong nguồn giá vốn")
    case .noMatch:
      return t(
        "neither its SKU nor its name is in a cost source", "mã hàng và tên hàng đều không có trong nguồn giá vốn")
    case .ambiguousName:
      return t("the name of several SKUs with different costs", "tên trùng với nhiều mã hàng có giá vốn khác nhau")
    case .unreadableItems:
      return t("the order's item list could not be read", "không đọc được danh sách sản phẩm của đơn")
    case .itemsDisagree:
      return t(
        "the items listed do not add up to the units of the row",
        "số lượng các sản phẩm không khớp với số lượng của dòng")
    case .unknownJoinedName:
      return t(
        "an item name holding the list's separator that no cost source names",
        "tên sản phẩm chứa dấu phân cách mà nguồn giá vốn không có")
    case .ambiguousItems:
      return t(
        "the item list can be read two ways (two items, or one product of the cost sources)",
        "danh sách sản phẩm có thể hiểu theo hai cách")
    case .skuOfSeveralNames:
      return t(
        "a SKU in no cost source that came with several product names",
        "mã hàng không có trong nguồn giá vốn, lại mang nhiều tên hàng")
    }
  }

  /// A product group as the workbook shows it.
  func groupName(_ group: String) -> String {
    group == Rollup.mixedGroup ? t("Orders of several groups (not split)", "Đơn nhiều nhóm hàng (không tách)") : group
  }
  var sku: String { t("SKU", "Mã hàng") }
  var productName: String { t("Product", "Tên hàng") }
  var annualTarget: String { t("Annual revenue target", "Doanh thu kế hoạch năm") }
  var phasing: String { t("Monthly targets phased by", "Phân bổ kế hoạch theo tháng") }
  var phasingSeasonal: String { t("baseline seasonality", "mùa vụ năm gốc") }
  var phasingEven: String { t("even spread (no baseline)", "chia đều (không có năm gốc)") }
  var baselineYear: String { t("Baseline year", "Năm gốc") }
  var lastYear: String { t("Last year", "Cùng kỳ") }
  var growth: String { t("Growth", "Tăng trưởng") }
  var rowsAccount: String {
    t("Rows: read / accepted / rejected / duplicate / skipped", "Dòng: đọc / nhận / loại / trùng / bỏ qua")
  }
  var file: String { t("File", "Tệp") }
  var profile: String { t("Profile", "Mẫu nhập") }
  var read: String { t("Read", "Đọc") }
  var accepted: String { t("Accepted", "Nhận") }
  var rejected: String { t("Rejected", "Loại") }
  var duplicates: String { t("Duplicates", "Trùng") }
  var skipped: String { t("Skipped", "Bỏ qua") }
  var message: String { t("Message", "Ghi chú") }
  var refused: String { t("refused", "bị từ chối") }
  var readStatus: String { t("read", "đã đọc") }
  var line: String { t("Line", "Dòng") }
  var column: String { t("Column", "Cột") }
  var reason: String { t("Reason", "Lý do") }
  var rawText: String { t("Raw text", "Nội dung gốc") }
  /// Rows accepted although implausible, said in the workbook's language.
  public func flagged(_ flag: RowFlag) -> String {
    guard language == .vi else { return "implausible, accepted: \(flag.description)" }
    let what: String
    switch flag.kind {
    case .farDate(let from, let to): what = "có ngày cách xa các năm \(from)–\(to)"
    case .largeQuantity(let limit): what = "có số lượng trên \(limit)"
    case .oppositeSigns: what = "có số lượng và số tiền trái dấu"
    }
    return "bất thường nhưng vẫn nhận: \(flag.count) dòng \(what) (dòng đầu tiên: \(flag.firstLine), \(flag.example))"
  }

  /// A warning about the inputs, said in the workbook's language.
  public func warning(_ warning: InputWarning) -> String {
    guard language == .vi else { return warning.description }
    switch warning {
    case .patternMatchesNothing(let pattern, let root):
      return
        "mục `\(pattern)` trong `inputs` không khớp tệp hay thư mục nào (tính từ \(root)); hãy kiểm tra lại chính tả"
    case .patternHasNoFile(let pattern): return "mục `\(pattern)` trong `inputs` không có tệp xuất dữ liệu nào"
    case .linkNotFollowed(let link, let target):
      return "\(link) là liên kết tới \(target), nằm ngoài thư mục của cấu hình: không đọc (ghi nó vào `inputs` để đọc)"
    case .folderUnlistable(let folder): return "\(folder): không liệt kê được thư mục"
    case .profileFolderMissing(let folder):
      return "thư mục mẫu nhập \(folder) không tồn tại: các mẫu của nó không được dùng"
    case .profileFolderEmpty(let folder): return "thư mục mẫu nhập \(folder) có tệp nhưng không có mẫu nào (*.toml)"
    case .productGroupUnknown(let group, let known):
      return
        "kế hoạch đo KPI trên nhóm hàng `\(group)` nhưng không có giao dịch bán nào thuộc nhóm này "
        + (known.isEmpty
          ? "(không nguồn giá vốn nào ghi nhóm hàng)" : "(các nhóm hàng là \(known.joined(separator: ", ")))")
        + ": KPI đó không có số liệu"
    case .monthsWithoutSales(let months):
      return
        "không có giao dịch bán nào trong \(InputWarning.listed(months, and: "và")) của lũy kế năm: dữ liệu xuất của các tháng này đã có trong `inputs` chưa? Số lũy kế đang tính các tháng này bằng 0"
    }
  }
  var warnings: String { t("Warnings about the inputs", "Cảnh báo về dữ liệu đầu vào") }
  var noRejects: String { t("No row was rejected.", "Không có dòng nào bị loại.") }
  func moreRejects(_ count: Int, listed: Int, file: String) -> String {
    t(
      "\(count) more rejected rows are not listed here (the first \(listed) are): \(file) beside this workbook has every one.",
      "Còn \(count) dòng bị loại không liệt kê ở đây (chỉ liệt kê \(listed) dòng đầu): tệp \(file) cạnh sổ này có đủ mọi dòng."
    )
  }
  /// The summary's unit line: money in the currency, exact; ratios and their differences; the sign rule.
  func unitLine(_ currency: Currency) -> String {
    let unit = currency.code == "VND" ? t("Vietnamese đồng (₫)", "đồng (₫)") : currency.code
    return t(
      "Unit: \(unit). Versus plan: % of plan achieved for amounts, percentage points for ratios; growth on the same period last year. A positive difference is favourable.",
      "Đơn vị tính: \(unit). So với kế hoạch: % hoàn thành với số tiền, điểm % với tỷ lệ; tăng trưởng so với cùng kỳ năm trước. Chênh lệch dương là thuận lợi."
    )
  }
  var versusPlan: String { t("Vs plan", "So với KH") }
  var growthOnLastYear: String { t("Growth on last year", "Tăng trưởng so với cùng kỳ") }
  var kpisToWatch: String { t("KPIs to watch", "KPI cần theo dõi") }
  var allKPIsGreen: String { t("Every KPI of the plan is green.", "Mọi KPI của kế hoạch đều đạt.") }
  var floor: String { t("Floor", "Mức sàn") }
  var ceiling: String { t("Ceiling", "Mức trần") }
  var onlineShareAgainstGoal: String { t("Online share against its goal", "Tỷ trọng online so với mục tiêu") }
  var revenueAgainstPlan: String { t("Revenue against plan", "Doanh thu so với kế hoạch") }
  var revenueByMonth: String { t("Revenue by month and channel", "Doanh thu theo tháng và kênh") }
  /// A chart's money axis, in millions.
  func millionsOf(_ currency: Currency) -> String {
    currency.code == "VND"
      ? t("Millions of đồng", "Triệu đồng") : t("Millions of \(currency.code)", "Triệu \(currency.code)")
  }
  public var pointsUnit: String { t("pp", "điểm %") }
}
