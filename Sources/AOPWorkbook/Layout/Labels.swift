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
  var atRunRate: String { t("At the current run rate", "Theo tốc độ hiện tại") }
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
  var kindSale: String { t("Sale", "Bán") }
  var kindReturn: String { t("Return", "Trả lại") }
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
  var kindMarketing: String { t("Marketing", "Marketing") }
  var kindExpense: String { t("Other expense", "Chi phí khác") }
  var kindPurchase: String { t("Purchase", "Nhập hàng") }
  var label: String { t("Label", "Diễn giải") }
  var budgetLine: String { t("Budget line", "Dòng ngân sách") }
  var to: String { t("To", "Đến") }
  var amountInMonth: String { t("Amount in the month", "Số tiền trong tháng") }
  var kindSummed: String { t("Summed", "Cộng gộp") }
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
  var capacity: String { t("Capacity", "Thời gian làm việc") }
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

  public var reviewTitle: String { t("AOP review for", "Đánh giá thực hiện kế hoạch") }
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
    case .growthVsBaseline: return t("growth on last year", "tăng trưởng so với cùng kỳ năm trước")
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
  /// A channel's kind (online or in store).
  var kind: String { t("Kind", "Hình thức bán") }
  /// A data line's kind (a sale or a return; marketing or another expense).
  var lineKind: String { t("Kind", "Loại dòng") }
  var online: String { t("Online", "Online") }
  var offline: String { t("In store", "Tại cửa hàng") }
  var month: String { t("Month", "Tháng") }
  var total: String { t("Total", "Tổng") }
  var productGroup: String { t("Product group", "Nhóm hàng") }
  var byMonth: String { t("By month", "Theo tháng") }
  var byMonthAndChannel: String { t("By month and channel", "Theo tháng và kênh") }
  var versusBaseline: String { t("Versus last year", "So với năm trước") }
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

  /// What the report says about a whole file, in the workbook's language.
  public func note(_ note: FileNote) -> String {
    guard language == .vi else { return note.description }
    switch note {
    case .notUsed(let reason, let vietnamese): return "không dùng: \(vietnamese ?? reason)"
    case .copy(let original, let refusal):
      return "bản sao của \(original) (cùng nội dung từng byte)"
        + (refusal.map { ", bị từ chối như tệp đó: \(self.refusal($0))" } ?? "")
    case .refused(let refusal): return self.refusal(refusal)
    }
  }

  /// Why a whole file was not read, in the workbook's language.
  public func refusal(_ refusal: FileRefusal) -> String {
    guard language == .vi else { return refusal.description }
    switch refusal {
    case .noProfile(let file, let headers, let garbled):
      let shown = headers.isEmpty ? "(không có)" : headers.map { "`\($0)`" }.joined(separator: ", ")
      if garbled {
        return "tiêu đề cột bị lỗi phông (\(shown)): văn bản UTF-8 bị chuyển sai bảng mã ở đâu đó; hãy xuất lại tệp"
      }
      return
        "không mẫu nhập nào khớp với tệp này; dòng đầu có các tiêu đề \(shown). Chạy `aop profiles \(file)` để xem vì sao từng mẫu không nhận tệp; `aop profiles draft \(file)` soạn sẵn một mẫu nhập cho dạng tệp này (xem `docs/profiles.md`)."
    case .ambiguousProfile(let candidates):
      return
        "nhiều mẫu nhập cùng khớp với tệp này (\(candidates.joined(separator: ", "))); hãy sửa `match.headers` của chúng để phân biệt."
    case .unknownChannel(let profile, let channel):
      return
        "mẫu nhập `\(profile)` ghi vào kênh `\(channel)`, nhưng cấu hình không có kênh này; hãy thêm kênh vào `[[channels]]` hoặc gán mẫu nhập trong `[profile_channels]`."
    case .empty: return "tệp rỗng (không có dòng nào)"
    case .noRows: return "tệp không có dòng nào để soạn mẫu nhập"
    case .notUTF8:
      return
        "tệp không phải văn bản UTF-8 (Excel cũ lưu CSV theo bảng mã Windows-1258 hoặc Windows-1252); hãy lưu dạng \"CSV UTF-8\", hoặc đặt `legacy_encoding` trong cấu hình (hay `read.encoding` trong mẫu nhập)"
    case .protectedOrLegacyWorkbook:
      return
        "tệp là sổ Excel có mật khẩu (hoặc định dạng .xls cũ) nên không đọc được; hãy mở bằng Excel và lưu thành .xlsx không mật khẩu"
    // The detail is the reader's or the system's own message, quoted as it came.
    case .notAWorkbook(let detail): return "không đọc được tệp .xlsx (chi tiết kỹ thuật: \(detail))"
    case .cannotOpen(let detail): return "không mở được tệp (chi tiết kỹ thuật: \(detail))"
    case .readFailed(let detail): return "đọc tệp bị lỗi (chi tiết kỹ thuật: \(detail))"
    case .other(let detail): return "không đọc được tệp (chi tiết kỹ thuật: \(detail))"
    }
  }

  /// Why a row was rejected, in the workbook's language.
  public func reason(_ reason: RejectReason) -> String {
    guard language == .vi else { return reason.description }
    let csv = "không đọc được theo cú pháp CSV: "
    switch reason {
    case .quoteNeverClosed: return csv + "có dấu ngoặc kép mở mà không đóng"
    case .strayQuote: return csv + "dấu ngoặc kép nằm giữa ô, hoặc có chữ sau dấu ngoặc đóng"
    case .lineTooLong(let limit): return csv + "dòng dài hơn \(grouped(limit)) byte (không giữ lại nội dung)"
    case .tooManyFields(let count, let limit): return csv + "\(grouped(count)) cột, vượt giới hạn \(grouped(limit))"
    case .fieldTooLong(let field, let bytes, let limit):
      return csv + "ô thứ \(field) dài \(grouped(bytes)) byte, vượt giới hạn \(grouped(limit))"
    case .ragged(let fields, let width):
      return "dòng có \(fields) cột trong khi tiêu đề có \(width) (thiếu hoặc thừa dấu phân cách?)"
    case .sheetRow(let fault):
      switch fault {
      case .cellTooLong(let cell, let limit): return "ô \(cell) dài hơn \(grouped(limit)) byte"
      case .notARowNumber(let text): return "số dòng `\(text)` không hợp lệ"
      case .rowBeyondLast(let row, let last): return "dòng \(row) nằm ngoài dòng cuối của trang tính (\(grouped(last)))"
      case .rowOutOfOrder(let row, let after): return "dòng \(row) lặp lại hoặc sai thứ tự, sau dòng \(after)"
      case .cellOutsideRow(let cell, let row): return "ô \(cell) lại nằm trong dòng \(row)"
      case .notACellReference(let text): return "`\(text)` không phải địa chỉ ô"
      case .columnBeyondLast(let cell): return "ô \(cell) nằm ngoài cột cuối của trang tính (XFD)"
      case .missingSharedString(let cell, let index, let count):
        return "ô \(cell) trỏ tới chuỗi dùng chung số `\(index)`, tệp không có chuỗi này (chỉ có \(grouped(count)))"
      case .cellTwice(let cell): return "ô \(cell) xuất hiện hai lần hoặc sai thứ tự"
      }
    case .notUTF8:
      return "không phải văn bản UTF-8 (tệp được lưu bằng bảng mã khác, như Windows-1258? Hãy lưu dạng \"CSV UTF-8\")"
    case .garbled(let value):
      return "`\(value)` bị lỗi phông (văn bản UTF-8 bị chuyển sai bảng mã ở đâu đó); hãy xuất lại tệp"
    case .empty(let what):
      let name: String
      switch what {
      case .value: name = "một giá trị"
      case .amount: name = "số tiền"
      case .quantity: name = "số lượng"
      case .date: name = "ngày"
      }
      return "ô trống; cần có \(name)"
    case .notANumber(let value, let example): return "`\(value)` không phải số dạng \(example)"
    case .badGrouping(let value, let example):
      return "`\(value)` không nhóm chữ số theo dạng \(example) (số viết theo cách của nước khác?)"
    case .beyondExact(let value): return "số tiền quá lớn: `\(value)` vượt quá mức giữ được chính xác"
    case .tooManyDecimals(let value, let currency, let digits):
      return "`\(value)` có nhiều chữ số thập phân hơn \(currency) cho phép (\(digits))"
    case .amountOverLimit(let value, let limit, let currency):
      return "số tiền quá lớn: `\(value)` vượt \(grouped(Int(limit))) \(currency), mức tối đa của một số tiền"
    case .notWholeNumber(let value): return "`\(value)` không phải số nguyên"
    case .quantityOverLimit(let value, let limit):
      return "số lượng quá lớn: `\(value)` vượt \(grouped(limit)) đơn vị"
    case .notADate(let value, let patterns):
      return "`\(value)` không phải ngày theo dạng \(patterns.map { "`\($0)`" }.joined(separator: " hoặc "))"
    case .negativeUnitCost: return "giá vốn đơn vị âm; giá vốn không thể âm"
    case .endsBeforeStart(let start, let end): return "ngày kết thúc (\(end)) trước ngày bắt đầu (\(start))"
    case .noSKUNorName: return "không có mã hàng, cũng không có tên hàng"
    case .lineAmountOverLimit(let quantity, let price, let limit, let currency):
      return
        "số tiền quá lớn: \(quantity) × \(price) vượt \(grouped(Int(limit))) \(currency), mức tối đa của một số tiền"
    case .moreReturnedThanSold(let returned, let sold): return "trả lại \(returned) trong khi chỉ bán \(sold)"
    case .unknownChannel(let value, let known):
      return
        "`\(value)` không phải kênh của cấu hình, cũng không phải giá trị mẫu nhập quy đổi được (các giá trị biết: \(known.map { "`\($0)`" }.joined(separator: ", ")))"
    case .implausible(let kind, let example):
      return "bất thường: dòng \(implausibility(kind)) (\(example)); mẫu nhập loại những dòng như vậy"
    case .runTotalsOverLimit:
      return
        "số tiền quá lớn: thêm dòng này, tổng số tiền (hoặc số lượng × giá vốn) của lần chạy vượt 10^18 đơn vị nhỏ nhất, không còn cộng chính xác được"
    }
  }

  /// What is implausible about a row, in Vietnamese (`có ngày cách xa các năm 2025–2026`).
  private func implausibility(_ kind: RowFlag.Kind) -> String {
    switch kind {
    case .farDate(let from, let to): return "có ngày cách xa các năm \(from)–\(to)"
    case .largeQuantity(let limit): return "có số lượng trên \(limit)"
    case .oppositeSigns: return "có số lượng và số tiền trái dấu"
    }
  }

  /// A product group as the workbook shows it.
  func groupName(_ group: String) -> String {
    switch group {
    case Rollup.mixedGroup: return t("Orders of several groups (not split)", "Đơn nhiều nhóm hàng (không tách)")
    case Rollup.noGroup: return t("No product group", "Chưa phân nhóm hàng")
    default: return group
    }
  }
  var sku: String { t("SKU", "Mã hàng") }
  var productName: String { t("Product", "Tên hàng") }
  var annualTarget: String { t("Annual revenue target", "Doanh thu kế hoạch năm") }
  var goals: String { t("Goals", "Mục tiêu") }
  var growthGoal: String { t("Revenue growth on last year", "Tăng trưởng doanh thu so với năm trước") }
  var onlineShareGoal: String { t("Online share of revenue", "Tỷ trọng doanh thu online") }
  var marginFloor: String { t("Gross margin, at least", "Biên lợi nhuận gộp tối thiểu") }
  var marketingCeiling: String { t("Marketing / revenue, at most", "Marketing / doanh thu tối đa") }
  var revenueTargetsByMonth: String {
    t("Revenue targets by month and channel", "Kế hoạch doanh thu theo tháng và kênh")
  }
  var inForce: String { t("In force", "Đang áp dụng") }
  var budgetByMonth: String { t("Budget by month and line", "Ngân sách theo tháng và hạng mục") }
  var budgetByMonthOriginal: String {
    t("Budget by month and line, as first planned", "Ngân sách theo tháng và hạng mục, theo kế hoạch ban đầu")
  }
  var phasing: String { t("Monthly targets phased by", "Phân bổ kế hoạch theo tháng") }
  var phasingSeasonal: String { t("last year's seasonality", "mùa vụ năm trước") }
  var phasingEven: String { t("even spread (no last year)", "chia đều (không có số liệu năm trước)") }
  var baselineYear: String { t("Last year", "Năm trước") }
  var lastYear: String { t("Last year", "Cùng kỳ") }
  var growth: String { t("Growth", "Tăng trưởng") }
  var rowsAccount: String {
    t("Rows: read / accepted / rejected / duplicate / skipped", "Dòng: đọc / nhận / loại / trùng / bỏ qua")
  }
  var file: String { t("File", "Tệp") }
  var profile: String { t("Profile", "Mẫu nhập") }
  var read: String { t("Read", "Đọc") }
  var accepted: String { t("Accepted", "Nhận") }
  var rejected: String { t("Rejected", "Bị loại") }
  var duplicates: String { t("Duplicates", "Trùng") }
  var skipped: String { t("Skipped", "Bỏ qua") }
  var message: String { t("Message", "Ghi chú") }
  public var refused: String { t("refused", "bị từ chối") }
  var readStatus: String { t("read", "đã đọc") }
  var line: String { t("Line", "Dòng") }
  var column: String { t("Column", "Cột") }
  var reason: String { t("Reason", "Lý do") }
  var rawText: String { t("Raw text", "Nội dung gốc") }
  /// Rows accepted although implausible, said in the workbook's language.
  public func flagged(_ flag: RowFlag) -> String {
    guard language == .vi else { return "implausible, accepted: \(flag.description)" }
    return
      "bất thường nhưng vẫn nhận: \(flag.count) dòng \(implausibility(flag.kind)) (dòng đầu tiên: \(flag.firstLine), \(flag.example))"
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
  var growthOnLastYear: String { t("Growth on last year", "Tăng trưởng so cùng kỳ") }
  var operatingCosts: String { t("Operating costs", "Chi phí hoạt động") }
  var preparedBy: String { t("Prepared by", "Người lập biểu") }
  var checkedBy: String { t("Chief accountant", "Kế toán trưởng") }
  var approvedBy: String { t("Approved by", "Giám đốc") }
  var signHere: String { t("(signature and name)", "(Ký, ghi rõ họ tên)") }
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
  /// How month and day cells are shown: as Vietnamese accountants write them (`10/2026`, `31/10/2026`).
  public var monthFormat: String { t("mmm yyyy", "mm/yyyy") }
  public var dateFormat: String { t("yyyy-mm-dd", "dd/mm/yyyy") }
  private static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
  ]
  /// A month in a title or a sentence: `October 2026`, `tháng 10/2026`.
  public func monthName(_ m: Month) -> String {
    t("\(Self.monthNames[m.month - 1]) \(m.year)", "tháng \(m.month)/\(m.year)")
  }
  /// A month heading a column group: `October 2026`, `Tháng 10/2026`.
  func monthHeading(_ m: Month) -> String {
    t("\(Self.monthNames[m.month - 1]) \(m.year)", "Tháng \(m.month)/\(m.year)")
  }
  /// A month in a column header: `Oct 2026`, `T10/2026`.
  func shortMonth(_ m: Month) -> String {
    t("\(Self.monthNames[m.month - 1].prefix(3)) \(m.year)", "T\(m.month)/\(m.year)")
  }
  /// The months of a year up to `m`: `Jan–Oct 2026`, `T1–T10/2026` (one month: as `shortMonth`).
  func monthsThrough(_ m: Month) -> String {
    guard m.month > 1 else { return shortMonth(m) }
    return t("Jan–\(Self.monthNames[m.month - 1].prefix(3)) \(m.year)", "T1–T\(m.month)/\(m.year)")
  }

}
