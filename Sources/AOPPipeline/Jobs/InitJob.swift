import AOPKPIs
import AOPLedger
import AOPPlan
import AOPRows
import AOPTemplates
import Foundation

/// `aop init`: scaffolds a working folder from `templates/`: the config, an annotated plan (English or
/// Vietnamese) whose monthly targets are shown phased from a baseline when one is given, the folder
/// layout, and the cron line to install.
public struct InitJob: Sendable {
  public var folder: URL
  public var year: Int
  public var language: Config.Language
  public var company: String
  /// A baseline file (`aop baseline` output) to copy in and phase the targets with.
  public var baselineFile: URL?

  public init(folder: URL, year: Int, language: Config.Language, company: String, baselineFile: URL?) {
    self.folder = folder
    self.year = year
    self.language = language
    self.company = company
    self.baselineFile = baselineFile
  }

  public struct Outcome: Sendable {
    /// The files and folders made, relative to the folder.
    public var created: [String]
    public var cronLine: String
  }

  public func run() throws -> Outcome {
    let templates: URL
    do {
      templates = try Templates.requireFolder()
    } catch {
      throw JobError(.templates, .badConfigOrPlan, error)
    }
    let fm = FileManager.default
    let configURL = folder.appendingPathComponent("aop.toml")
    let planURL = folder.appendingPathComponent("plan-\(year).toml")
    for existing in [configURL, planURL] where fm.fileExists(atPath: existing.path) {
      throw JobError(.setup, .cannotWrite, JobProblem.wouldOverwrite(path: existing.path))
    }
    let values = [
      "{{YEAR}}": String(year), "{{BASE_YEAR}}": String(year - 1), "{{LANGUAGE}}": language.rawValue,
      "{{STORE}}": language == .vi ? "Cửa hàng" : "Store", "{{COMPANY}}": company,
    ]
    func fill(_ name: String, targets: String = "") throws -> String {
      var text = try String(contentsOf: templates.appendingPathComponent(name), encoding: .utf8)
      for (key, value) in values { text = text.replacingOccurrences(of: key, with: value) }
      return text.replacingOccurrences(of: "{{TARGETS}}\n", with: targets)
    }
    var created: [String] = []
    do {
      for sub in ["exports/\(year)-01", "exports/\(year - 1)", "profiles", "out", "baseline"] {
        try fm.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        created.append(sub + "/")
      }
      let config = try fill(language == .vi ? "aop.vi.toml" : "aop.en.toml")
      try config.write(to: configURL, atomically: true, encoding: .utf8)
      created.append("aop.toml")
      let planTemplate = language == .vi ? "plan.vi.toml" : "plan.en.toml"
      var targets =
        "# "
        + (language == .vi
          ? "Chưa có năm gốc: chạy `aop baseline` với dữ liệu năm \(year - 1) trước lần đánh giá đầu tiên (mục tiêu tăng trưởng được đo so với năm gốc)."
          : "No baseline yet: run `aop baseline` on \(year - 1)'s exports before the first review (a growth goal is measured against it).")
        + "\n"
      if let baselineFile {
        let baseline = try loadBaseline(baselineFile)
        let copy = folder.appendingPathComponent("baseline/baseline-\(baseline.year).csv")
        try baseline.csv.write(to: copy, atomically: true, encoding: .utf8)
        created.append("baseline/baseline-\(baseline.year).csv")
        // Phase the template's goals with the baseline, to show what they mean month by month.
        let draft = folder.appendingPathComponent(".plan-draft.toml")
        try fill(planTemplate).write(to: draft, atomically: true, encoding: .utf8)
        defer { try? fm.removeItem(at: draft) }
        let plan = try Plan.load(from: draft)
        let channels = try Config.load(from: configURL).channels
        let phased: Targets
        do {
          phased = try Targets(plan: plan, baseline: baseline, channels: channels)
        } catch {
          throw JobError(
            .targets, .badConfigOrPlan, PlanError.invalid(file: baselineFile.path, key: "", problem: error.problem))
        }
        targets = Self.targetsComment(
          phased, year: year, baselineYear: baseline.year, language: language, currency: plan.currency)
      }
      try fill(planTemplate, targets: targets).write(to: planURL, atomically: true, encoding: .utf8)
      created.append(planURL.lastPathComponent)
    } catch let error as PlanError {
      throw JobError(.setup, .badConfigOrPlan, error)
    } catch let error as JobError {
      throw error
    } catch {
      throw JobError(.setup, .cannotWrite, OutputError.inFolder(folder: folder.path, cause: FileCause(of: error)))
    }
    // Cron's PATH is short (/usr/bin:/bin): the line names this very binary by its absolute path.
    let binary = Bundle.main.executableURL?.resolvingSymlinksInPath().path ?? "aop"
    // Cron reads an unescaped % as a line break, even inside quotes.
    let cron =
      "0 6 1 * * cd \(Self.shellQuoted(folder.standardizedFileURL.path)) && \(Self.shellQuoted(binary)) review --config aop.toml --month auto --quiet 2>>aop.log"
      .replacingOccurrences(of: "%", with: "\\%")
    return Outcome(created: created, cronLine: cron)
  }

  /// A path as a shell word: as it is when it has nothing a shell would read otherwise, else in single quotes.
  static func shellQuoted(_ path: String) -> String {
    let plain = path.unicodeScalars.allSatisfy {
      $0.properties.isAlphabetic || $0.properties.numericType != nil || "/._-+,:@%".unicodeScalars.contains($0)
    }
    return plain && !path.isEmpty ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  private func loadBaseline(_ url: URL) throws -> Baseline {
    var rows: [(line: Int, fields: [String])] = []
    do {
      try CSVReader(path: url.path, options: CSVOptions(delimiter: UInt8(ascii: ","))).read { event in
        if case .record(let r) = event { rows.append((r.line, r.fields)) }
      }
    } catch let error as RowsError {
      throw JobError(.baseline, .badConfigOrPlan, error)
    }
    return try Baseline(rows: rows, file: url.path)
  }

  /// The monthly targets as a comment block for the plan file.
  static func targetsComment(_ t: Targets, year: Int, baselineYear: Int, language: Config.Language, currency: Currency)
    -> String
  {
    let money = MoneyText(currency: currency)
    var lines = [
      language == .vi
        ? "# Kế hoạch doanh thu từng tháng theo các mục tiêu trên, phân bổ theo mùa vụ năm \(baselineYear) (aop tự tính;"
          + "\n# ghi ở đây để tiện xem — hãy sửa mục tiêu, không sửa các dòng này):"
        : "# The monthly revenue targets these goals give, phased by \(baselineYear)'s seasonality (aop computes them;"
          + "\n# shown here to check at a glance — edit the goals, not these lines):"
    ]
    for m in Month.allOf(year: year) {
      lines.append("#   \(m)  \(money.format(t.revenue(months: [m]) ?? .zero))")
    }
    lines.append("#   \(language == .vi ? "cả năm " : "year   ")  \(money.format(t.annualRevenue ?? .zero))")
    return lines.joined(separator: "\n") + "\n"
  }
}
