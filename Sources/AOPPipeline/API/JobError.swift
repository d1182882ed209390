import AOPImport
import AOPLedger
import AOPPlan
import AOPWorkbook
import Foundation

/// A job that stopped before producing anything: the step that failed, the exit status it ends in, and
/// the typed error behind it kept as it is (`PlanError`, `ProfileError`, `RowsError`, `OutputError`,
/// `JobProblem`, …), so that a caller can still tell one from another; only the console turns it into
/// words, in the run's language.
public struct JobError: Error {
  public let step: JobStep
  public let status: ExitStatus
  public let cause: any Error

  public init(_ step: JobStep, _ status: ExitStatus, _ cause: any Error) {
    self.step = step
    self.status = status
    self.cause = cause
  }

  /// `reading the plan: plan-2026.toml:12: …`: the step in the run's language, then the cause (in its
  /// own words where it has no Vietnamese ones: the file, line and key are what matter there).
  public func said(in language: Config.Language) -> String {
    "\(step.said(in: language)): \(Self.words(of: cause, in: language))"
  }

  /// Runs `body`, wrapping what it throws as the failure of `step` (a `JobError` passes through as it is).
  static func step<T>(_ step: JobStep, _ status: ExitStatus, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as JobError {
      throw error
    } catch {
      throw JobError(step, status, error)
    }
  }

  static func words(of error: any Error, in language: Config.Language) -> String {
    if let said = error as? SaidInLanguages { return said.said(in: language) }
    if let described = (error as? LocalizedError)?.errorDescription { return described }
    return "\(error)"
  }
}

/// An error with words in each of the tool's languages.
public protocol SaidInLanguages: Error {
  func said(in language: Config.Language) -> String
}

/// What a job was doing when it stopped.
public enum JobStep: Sendable, CaseIterable {
  case templates, config, plan, profiles, baseline, targets, inputs, output, lock, setup, export

  public func said(in language: Config.Language) -> String {
    switch self {
    case .templates: return language.say("finding the templates", "tìm các tệp mẫu của aop")
    case .config: return language.say("reading the config", "đọc tệp cấu hình")
    case .plan: return language.say("reading the plan", "đọc tệp kế hoạch")
    case .profiles: return language.say("loading the import profiles", "nạp các mẫu nhập dữ liệu")
    case .baseline: return language.say("reading the baseline", "đọc số liệu năm gốc (baseline)")
    case .targets: return language.say("phasing the plan's goals by month", "phân bổ mục tiêu kế hoạch theo tháng")
    case .inputs: return language.say("finding the exports", "tìm các tệp dữ liệu xuất")
    case .output: return language.say("writing the outputs", "ghi kết quả")
    case .lock: return language.say("locking the output folder", "khóa thư mục kết quả")
    case .setup: return language.say("setting up the shop's folder", "tạo thư mục của cửa hàng")
    case .export: return language.say("reading the export", "đọc tệp dữ liệu xuất")
    }
  }
}

extension ExportChangedWhileRead: SaidInLanguages {
  public func said(in language: Config.Language) -> String {
    language.say(
      "\(file): read to its end once, it then failed midway (\(Labels(language: language).note(.refused(refusal)))): it changed, or the disk failed, while it was read; nothing was written, run again once the file is complete",
      "\(file): đã đọc hết một lần, lần đọc sau lại hỏng giữa chừng (\(Labels(language: language).note(.refused(refusal)))): tệp bị thay đổi hoặc ổ đĩa bị lỗi trong lúc đọc; chưa ghi gì, hãy chạy lại khi tệp đã hoàn chỉnh"
    )
  }
}

/// What stops a job that no lower layer reports: the job's own findings about its config and inputs.
public enum JobProblem: SaidInLanguages, Hashable {
  /// The month reviewed is not in the plan's year.
  case planYearDiffers(planFile: String, planYear: Int, month: String)
  case baselineFileNotSet(config: String)
  case baselineInputsNotSet(config: String)
  /// The config names a baseline file that `aop baseline` has not made yet.
  case baselineNotMade(file: String, config: String)
  /// No export file at all where the config's patterns point.
  case noExportFiles(patterns: [String], root: String)
  /// Export files, but none with a sale or spend in the period (a month, or a baseline year).
  case nothingDated(period: String, files: Int, patterns: [String], root: String, lastGoodKept: Bool)
  /// `aop init` never overwrites a file.
  case wouldOverwrite(path: String)
  case noSuchProfile(id: String, known: [String])
  case profileUnreadable(origin: String)

  public func said(in language: Config.Language) -> String {
    let l = language
    switch self {
    case .planYearDiffers(let file, let year, let month):
      return l.say(
        "\(file): the plan is for \(year), the review asks for \(month)",
        "\(file): kế hoạch là của năm \(year), còn kỳ đánh giá là \(month)")
    case .baselineFileNotSet(let config):
      return l.say(
        "\(config): `baseline.file` is not set; name the file the baseline is written to",
        "\(config): chưa đặt `baseline.file`; hãy ghi tên tệp sẽ lưu số liệu năm gốc")
    case .baselineInputsNotSet(let config):
      return l.say(
        "\(config): `baseline.inputs` is not set; name last year's export folders",
        "\(config): chưa đặt `baseline.inputs`; hãy ghi các thư mục dữ liệu xuất của năm trước")
    case .baselineNotMade(let file, let config):
      return l.say(
        "\(file): the baseline file named in the config does not exist; create it with `aop baseline --config \(config)`",
        "\(file): tệp số liệu năm gốc ghi trong cấu hình chưa có; hãy tạo bằng `aop baseline --config \(config)`")
    case .noExportFiles(let patterns, let root):
      return l.say(
        "no export files found in \(patterns.joined(separator: ", ")) (relative to \(root))",
        "không tìm thấy tệp dữ liệu xuất nào trong \(patterns.joined(separator: ", ")) (tính từ \(root))")
    case .nothingDated(let period, let files, let patterns, let root, let lastGoodKept):
      let english =
        "no sales or spend dated \(period) in the \(counted(files, "export file")) of \(patterns.joined(separator: ", ")) (relative to \(root))"
        + (lastGoodKept ? ": are the month's exports in yet? The last good workbook is left as it was" : "")
      let vietnamese =
        "không có giao dịch bán hay chi phí nào của \(period) trong \(files) tệp dữ liệu xuất của \(patterns.joined(separator: ", ")) (tính từ \(root))"
        + (lastGoodKept ? ": dữ liệu xuất của tháng đã có chưa? Báo cáo hợp lệ gần nhất được giữ nguyên" : "")
      return l.say(english, vietnamese)
    case .wouldOverwrite(let path):
      return l.say(
        "\(path) exists already; aop init never overwrites a file",
        "\(path) đã có; aop init không bao giờ ghi đè một tệp")
    case .noSuchProfile(let id, let known):
      return l.say(
        "no profile `\(id)`; the profiles are \(known.joined(separator: ", "))",
        "không có mẫu nhập `\(id)`; các mẫu nhập là \(known.joined(separator: ", "))")
    case .profileUnreadable(let origin):
      return l.say("\(origin): cannot be read", "\(origin): không đọc được")
    }
  }
}
