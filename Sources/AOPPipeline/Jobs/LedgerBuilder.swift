import AOPImport
import AOPLedger
import Foundation
import Logging

/// Receives what the importer accepts into the ledger, and counts the rejections (keeping the first).
final class LedgerBuilder: ImportSink {
  private(set) var ledger: Ledger
  private(set) var rejections = RejectedRows()

  init(keepingLinesUpTo limit: Int = 0) { ledger = Ledger(keepingLinesUpTo: limit) }

  func accept(_ line: SaleLine) { ledger.add(line) }
  func accept(_ entry: CostEntry) { ledger.add(entry) }
  func accept(_ line: SpendLine) { ledger.add(line) }
  func reject(_ rejection: Rejection) { rejections.add(rejection) }
}

/// The result of importing a set of files.
public struct ImportResult {
  public var ledger: Ledger
  public var sources: [SourceFile]
  public var rejections: RejectedRows
  /// The CSV outputs written while importing (the ledger, the rejected rows), to commit with the run's
  /// other outputs when the job succeeds; dropped uncommitted, they leave nothing behind.
  var outputs: [AtomicFile.Pending]

  /// Rows rejected or files refused.
  public var hasProblems: Bool { !rejections.isEmpty || sources.contains { $0.status == .refused } }
}

/// Progress reports while files are read (a line per file on a terminal).
public protocol ProgressReporter: Sendable {
  func starting(file: String, index: Int, of total: Int)
}

/// A logger that says nothing, for callers that do not log.
public let silentLogger = Logger(label: "aop", factory: { _ in SwiftLogNoOpLogHandler() })

/// Imports `files` in order into one ledger, de-duplicating across all of them, and logs each file's
/// account: refusals and rejected rows as warnings, the rest as info.
/// - Parameters:
///   - ledgerCSV: where to write the normalised ledger as CSV, if anywhere.
///   - rejectsCSV: where to write every rejected row and refused file, if anywhere.
func importAll(
  _ files: [InputFiles.Found], importer: FileImporter, progress: ProgressReporter?, logger: Logger, ledgerCSV: URL? = nil,
  rejectsCSV: URL? = nil, keepingLinesUpTo keep: Int = 0
) throws -> ImportResult {
  let builder = LedgerBuilder(keepingLinesUpTo: keep)
  var sink: ImportSink = builder
  var outputs: [AtomicFile.Pending] = []
  if let rejectsCSV {
    let writer = try RejectsCSVWriter(target: rejectsCSV, next: sink)
    outputs.append(writer.pending)
    sink = writer
  }
  if let ledgerCSV {
    let writer = try LedgerCSVWriter(target: ledgerCSV, currency: importer.settings.currency, next: sink)
    outputs.append(writer.pending)
    sink = writer
  }
  var sources: [SourceFile] = []
  for (i, file) in files.enumerated() {
    progress?.starting(file: file.shown, index: i + 1, of: files.count)
    let source = importer.importFile(at: file.path, displayPath: file.shown, into: sink)
    let t = source.tally
    switch source.status {
    case .refused: logger.warning("refused: \(source.message ?? file.shown)")
    case .read where t.rejected > 0:
      logger.warning("\(file.shown): \(t.rejected) of \(t.read) rows rejected (see the rejected rows)")
    case .read:
      logger.info("\(file.shown): \(source.profile ?? ""): \(t.read) read, \(t.accepted) accepted, \(t.duplicates) duplicate, \(t.skipped) skipped")
    }
    for flag in source.flags { logger.warning("\(file.shown): accepted, but implausible: \(flag.description)") }
    sources.append(source)
  }
  // The CSV outputs are complete (or a full disk is known) before the report is made.
  for output in outputs { try output.finishWriting() }
  return ImportResult(ledger: builder.ledger, sources: sources, rejections: builder.rejections, outputs: outputs)
}

extension ImportResult {
  /// The one line a run ends its log with.
  func summaryLine(_ what: String, output: String) -> String {
    let t = sources.tally
    let refused = sources.filter { $0.status == .refused }.count
    return "\(what): \(sources.count) files (\(refused) refused), rows \(t.read) read, \(t.accepted) accepted, \(t.rejected) rejected, \(t.duplicates) duplicate, \(t.skipped) skipped → \(output)"
  }
}
