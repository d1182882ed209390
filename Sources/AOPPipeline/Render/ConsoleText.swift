import AOPImport
import AOPLedger
import AOPPlan
import AOPWorkbook
import Foundation

/// The console's fixed phrases (log lines, summaries, messages) in the run's language, with numbers
/// written as that language writes them (1,234,567.5 or 1.234.567,5). Its terms for KPIs, warnings and
/// flagged rows are the workbook's own (`Labels`), so that both say the same thing the same way.
public struct ConsoleText: Sendable {
  public let language: Config.Language
  public let labels: Labels

  public init(language: Config.Language) {
    self.language = language
    labels = Labels(language: language)
  }

  func say(_ english: String, _ vietnamese: String) -> String { language.say(english, vietnamese) }

  // MARK: Numbers

  public func money(_ currency: Currency) -> MoneyText { MoneyText(currency: currency, language: language) }
  func grouped(_ n: Int) -> String { language.grouped(n) }
  func percent(_ v: Double) -> String { language.percent(v) }
  /// A percentage with the decimals that tell it from `other` (100.03% past a 100% limit, not 100.0%).
  func percent(_ v: Double, distinctFrom other: Double) -> String { language.percent(v, distinctFrom: other) }
  func signedPercent(_ v: Double) -> String { language.percent(v, signed: true) }

  // MARK: Log lines

  /// The level's word before a log line (`warning: …`).
  public func level(_ level: String) -> String {
    switch level {
    case "warning": return say("warning", "cảnh báo")
    case "error": return say("error", "lỗi")
    case "critical": return say("critical", "lỗi nghiêm trọng")
    default: return level
    }
  }
  public func warning(_ warning: InputWarning) -> String { labels.warning(warning) }
  func refused(_ message: String) -> String { say("refused: ", "bị từ chối: ") + message }
  func rowsRejected(file: String, rejected: Int, read: Int) -> String {
    say(
      "\(file): \(grouped(rejected)) of \(grouped(read)) rows rejected (see the rejected rows)",
      "\(file): \(grouped(rejected)) trong \(grouped(read)) dòng bị loại (xem trang Dòng bị loại)")
  }
  func fileRead(file: String, profile: String, tally t: FileTally) -> String {
    say(
      "\(file): \(profile): \(grouped(t.read)) read, \(grouped(t.accepted)) accepted, \(grouped(t.duplicates)) duplicate, \(grouped(t.skipped)) skipped",
      "\(file): \(profile): đọc \(grouped(t.read)), nhận \(grouped(t.accepted)), trùng \(grouped(t.duplicates)), bỏ qua \(grouped(t.skipped))"
    )
  }
  func workbookWritten(_ name: String, cells: Int, writing: Double, checking: Double) -> String {
    let w = String(format: "%.2f", writing), c = String(format: "%.2f", checking)
    return say(
      "\(name): \(grouped(cells)) cells written in \(w) s, checked in \(c) s",
      "\(name): \(grouped(cells)) ô ghi trong \(w) giây, kiểm tra trong \(c) giây")
  }
  func readAhead(_ t: ReadAheadTally) -> String {
    say(
      "read ahead on \(t.workers) threads: \(t.stood) of \(t.readAhead) files read ahead taken as read, "
        + "\(t.readAhead - t.stood) read again in their turn (an earlier file had some of their rows)"
        + (t.inHalves > 0 ? "; \(t.inHalves) read in two halves on two cores" : ""),
      "đọc trước trên \(t.workers) luồng: \(t.stood) trong \(t.readAhead) tệp đọc trước được dùng ngay, "
        + "\(t.readAhead - t.stood) tệp đọc lại theo lượt (tệp trước đã có một số dòng của chúng)"
        + (t.inHalves > 0 ? "; \(t.inHalves) tệp đọc thành hai nửa trên hai nhân" : ""))
  }
  func flagged(file: String, _ flag: RowFlag) -> String { "\(file): " + labels.flagged(flag) }
  func leftoverRemoved(_ name: String) -> String {
    say("removed \(name), left by an interrupted run", "đã xóa \(name) (tệp còn sót từ lần chạy bị gián đoạn)")
  }
  func noBaselineYet(_ file: String) -> String {
    say(
      "\(file): no baseline yet; `aop baseline` makes it",
      "\(file): chưa có số liệu năm gốc; chạy `aop baseline` để tạo")
  }
  /// The one line a run ends its log with: `review 2026-10: 64 files (0 refused), rows … → out/…`.
  func runSummary(_ what: String, files: Int, refused: Int, tally t: FileTally, output: String, status: ExitStatus)
    -> String
  {
    say(
      "\(what): \(counted(files, "file")) (\(refused) refused), rows \(grouped(t.read)) read, \(grouped(t.accepted)) accepted, \(grouped(t.rejected)) rejected, \(grouped(t.duplicates)) duplicate, \(grouped(t.skipped)) skipped → \(output) (exit \(status.rawValue))",
      "\(what): \(files) tệp (\(refused) bị từ chối), dòng: đọc \(grouped(t.read)), nhận \(grouped(t.accepted)), loại \(grouped(t.rejected)), trùng \(grouped(t.duplicates)), bỏ qua \(grouped(t.skipped)) → \(output) (mã thoát \(status.rawValue))"
    )
  }
  // MARK: What commands print on stdout

  /// What `aop baseline` made.
  public func baselineMade(_ o: BaselineJob.Outcome, shown: (URL) -> String) -> String {
    let total = o.baseline.rollup.total { _ in true }
    let (months, rejected) = (o.baseline.rollup.months.count, o.rejections.count)
    let refused = o.sources.filter { $0.status == .refused }.count
    let revenue = money(o.currency).format(total.revenue)
    let rejects = rejected > 0 ? shown(o.rejectsFile) : nil
    return say(
      "baseline \(o.baseline.year): revenue \(revenue) over \(months) months; \(counted(o.sources.count, "file")) (\(refused) refused), \(grouped(rejected)) rows rejected\n"
        + "written: \(shown(o.file)) and \(shown(o.workbook))\(rejects.map { "; the rejected rows: \($0)" } ?? "")\n",
      "năm gốc \(o.baseline.year): doanh thu \(revenue) trong \(months) tháng; \(o.sources.count) tệp (\(refused) bị từ chối), \(grouped(rejected)) dòng bị loại\n"
        + "đã ghi: \(shown(o.file)) và \(shown(o.workbook))\(rejects.map { "; các dòng bị loại: \($0)" } ?? "")\n")
  }

  /// What `aop init` made, what to do next, and the cron line.
  public func initDone(_ o: InitJob.Outcome) -> String {
    o.created.map { say("created ", "đã tạo ") + $0 + "\n" }.joined()
      + say(
        "next: adapt the plan, drop last year's exports into exports/ and run `aop baseline`; then each month:",
        "tiếp theo: điều chỉnh kế hoạch cho phù hợp với cửa hàng, chép dữ liệu xuất năm trước vào exports/ và chạy `aop baseline`; sau đó mỗi tháng:"
      ) + "\n" + o.cronLine + "\n"
  }

  /// `review 2026-10` / `baseline 2025`, as the summary line names the run.
  func review(_ month: Month) -> String { say("review \(month)", "đánh giá \(month)") }
  func baseline(_ year: Int) -> String { say("baseline \(year)", "năm gốc \(year)") }
}
