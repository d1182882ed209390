import AOPLedger
import Foundation

/// The machine-readable summary of `aop check --json`, schema `aop.check.v1` (docs/json-summary.md):
/// per file what would be accepted, rejected and skipped, the rejected rows, the warnings.
public struct CheckSummary: Encodable, Sendable {
  public static let schemaName = "aop.check.v1"

  struct RejectedRow: Encodable {
    var file: String
    var line: Int
    @NullEncodable var column: String?
    var reason: String
    var rawText: String
    enum CodingKeys: String, CodingKey { case file, line, column, reason, rawText = "raw_text" }
  }

  var schema = CheckSummary.schemaName
  var status: String
  var exitCode: Int32
  var files: [ReviewSummary.FileEntry]
  var rows: ReviewSummary.Rows
  var rejectedRows: [RejectedRow]
  var rejectedRowsNotListed: Int
  var warnings: [String]

  enum CodingKeys: String, CodingKey {
    case schema, status, files, rows, warnings
    case exitCode = "exit_code", rejectedRows = "rejected_rows", rejectedRowsNotListed = "rejected_rows_not_listed"
  }

  public init(_ outcome: CheckJob.Outcome) {
    status = outcome.status == .ok ? "ok" : "rejected_rows"
    exitCode = outcome.status.rawValue
    files = outcome.sources.map(ReviewSummary.FileEntry.init)
    rows = ReviewSummary.Rows(outcome.sources.tally)
    rejectedRows = outcome.rejections.kept.map {
      RejectedRow(
        file: $0.source.file, line: $0.source.line, column: $0.column, reason: $0.reason.description,
        rawText: $0.rawText)
    }
    rejectedRowsNotListed = outcome.rejections.notKept
    warnings = outcome.warnings.map(\.description)
  }

  public func json() -> String { summaryJSON(self) }
}

/// The machine-readable summary of `aop baseline --json`, schema `aop.baseline.v1`: the baseline made,
/// month by month (all channels and product groups together; the CSV has them apart), and the files.
public struct BaselineSummary: Encodable, Sendable {
  public static let schemaName = "aop.baseline.v1"

  struct MonthEntry: Encodable {
    var month: String
    var revenue, coveredRevenue, cogs, marketing: Int64
    var orders, units: Int
    enum CodingKeys: String, CodingKey {
      case month, revenue, cogs, marketing, orders, units
      case coveredRevenue = "covered_revenue"
    }
  }

  var schema = BaselineSummary.schemaName
  var status: String
  var exitCode: Int32
  var year: Int
  var currency: String
  var file: String
  var workbook: String
  var rejectsFile: String
  var months: [MonthEntry]
  var files: [ReviewSummary.FileEntry]
  var rows: ReviewSummary.Rows
  var warnings: [String]

  enum CodingKeys: String, CodingKey {
    case schema, status, year, currency, file, workbook, months, files, rows, warnings
    case exitCode = "exit_code", rejectsFile = "rejects_file"
  }

  /// - Parameter shown: how to name a file written (as the user would type it).
  public init(_ outcome: BaselineJob.Outcome, shown: (URL) -> String) {
    status = outcome.status == .ok ? "ok" : "rejected_rows"
    exitCode = outcome.status.rawValue
    year = outcome.baseline.year
    currency = outcome.baseline.currency
    file = shown(outcome.file)
    workbook = shown(outcome.workbook)
    rejectsFile = shown(outcome.rejectsFile)
    let rollup = outcome.baseline.rollup
    months = rollup.months.map { m in
      let f = rollup.figures(months: [m])
      return MonthEntry(
        month: m.description, revenue: f.revenue.minorUnits, coveredRevenue: f.coveredRevenue.minorUnits,
        cogs: f.cogs.minorUnits,
        marketing: f.marketing.minorUnits, orders: f.orders, units: f.units)
    }
    files = outcome.sources.map(ReviewSummary.FileEntry.init)
    rows = ReviewSummary.Rows(outcome.sources.tally)
    warnings = outcome.warnings.map(\.description)
  }

  public func json() -> String { summaryJSON(self) }
}
