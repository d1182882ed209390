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

/// Counts, per file, the sale lines of each kind (as far as costing goes: day, SKU, name, items, units,
/// a stated cost), passing them on; once every cost source of the run is read, says per file how many
/// lines were costed by SKU, by name, and not at all. Memory grows with a file's days × products, not
/// with its rows.
final class CostingTally: ImportSink {
  private let next: ImportSink
  private var byFile: [String: [SaleLine: Int]] = [:]

  init(next: ImportSink) { self.next = next }

  func accept(_ line: SaleLine) {
    next.accept(line)
    // What costing does not depend on is left out of the key.
    var key = line
    key.orderID = ""
    key.channel = ""
    key.netRevenue = .zero
    key.isReturn = false
    key.source = SourceRef(file: "", line: 0, profile: "")
    byFile[line.source.file, default: [:]][key, default: 0] += 1
  }

  func accept(_ entry: CostEntry) { next.accept(entry) }
  func accept(_ line: SpendLine) { next.accept(line) }
  func reject(_ rejection: Rejection) { next.reject(rejection) }
  func refused(_ file: SourceFile) { next.refused(file) }

  /// The counts of a file of sales (empty when it had no sale lines), by the costs of `ledger`.
  func counts(of file: String, by ledger: Ledger) -> CostingCounts {
    var counts = CostingCounts()
    for (line, n) in byFile[file] ?? [:] { counts.count(ledger.costedBy(line), times: n) }
    return counts
  }
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

/// Progress reports while files are read (a status line on a terminal).
public protocol ProgressReporter: Sendable {
  func starting(file: String, index: Int, of total: Int)
  /// Within the file being read: rows so far, and for a CSV file its bytes read of `size`.
  func advanced(rows: Int, bytes: Int?, size: Int?)
  /// Every file is read.
  func finished()
}

extension ProgressReporter {
  public func advanced(rows: Int, bytes: Int?, size: Int?) {}
  public func finished() {}
}

/// A logger that says nothing, for callers that do not log.
public let silentLogger = Logger(label: "aop", factory: { _ in SwiftLogNoOpLogHandler() })

/// How many threads read files ahead: `AOP_JOBS` when set (1: one file at a time, on one core), else one
/// per core. The outputs are the same whatever the number (`FileImporter.importFiles`).
func readAheadWorkers() -> Int {
  if let jobs = ProcessInfo.processInfo.environment["AOP_JOBS"].flatMap({ Int($0) }), jobs >= 1 { return jobs }
  return ProcessInfo.processInfo.activeProcessorCount
}

/// Imports `files` in order into one ledger, de-duplicating across all of them, and logs each file's
/// account: refusals and rejected rows as warnings, the rest as info.
/// - Parameters:
///   - ledgerCSV: where to write the normalised ledger as CSV, if anywhere.
///   - rejectsCSV: where to write every rejected row and refused file, if anywhere.
///   - countingCosts: say per file of sales how its lines were costed (`SourceFile.costing`).
func importAll(
  _ files: [InputFiles.Found], importer: FileImporter, progress: ProgressReporter?, logger: Logger,
  text: ConsoleText, ledgerCSV: URL? = nil,
  rejectsCSV: URL? = nil, keepingLinesUpTo keep: Int = 0, countingCosts: Bool = false
) throws -> ImportResult {
  let builder = LedgerBuilder(keepingLinesUpTo: keep)
  var sink: ImportSink = builder
  let costing = countingCosts ? CostingTally(next: sink) : nil
  if let costing { sink = costing }
  var outputs: [AtomicFile.Pending] = []
  if let rejectsCSV {
    let writer = try RejectsCSVWriter(target: rejectsCSV, labels: text.labels, next: sink)
    outputs.append(writer.pending)
    sink = writer
  }
  if let ledgerCSV {
    let writer = try LedgerCSVWriter(target: ledgerCSV, currency: importer.settings.currency, next: sink)
    outputs.append(writer.pending)
    sink = writer
  }
  var sources: [SourceFile] = []
  let inputs = files.map { ImportInput(path: $0.path, displayPath: $0.shown) }
  let readAhead = try JobError.step(.export, .exportChanged) {
    try importer.importFiles(
      inputs, into: sink, workers: readAheadWorkers(),
      starting: { i in
        progress?.starting(file: files[i].shown, index: i + 1, of: files.count)
        var info = stat()
        let size = stat(files[i].path, &info) == 0 ? Int(info.st_size) : nil  // through a link, as the file is read
        return progress.map { p in { rows, bytes in p.advanced(rows: rows, bytes: bytes, size: size) } }
      },
      finished: { i, source in
        let shown = files[i].shown
        let t = source.tally
        switch source.status {
        case .refused:
          logger.warning("\(text.refused(shown + (source.note.map { ": " + text.labels.note($0) } ?? "")))")
        case .read where t.rejected > 0:
          logger.warning("\(text.rowsRejected(file: shown, rejected: t.rejected, read: t.read))")
        case .read: logger.info("\(text.fileRead(file: shown, profile: source.profile ?? "", tally: t))")
        }
        for flag in source.flags { logger.warning("\(text.flagged(file: shown, flag))") }
        sources.append(source)
      })
  }
  if readAhead.workers > 0 { logger.debug("\(text.readAhead(readAhead))") }
  if let costing {
    for i in sources.indices where sources[i].kind == ProfileKind.sales.rawValue {
      sources[i].costing = costing.counts(of: sources[i].path, by: builder.ledger)
    }
  }
  progress?.finished()
  // The CSV outputs are complete (or a full disk is known) before the report is made.
  for output in outputs { try output.finishWriting() }
  return ImportResult(ledger: builder.ledger, sources: sources, rejections: builder.rejections, outputs: outputs)
}

extension ImportResult {
  /// The one line a run ends its log with (a warning when anything was rejected or refused).
  func logSummary(_ what: String, output: String, status: ExitStatus, logger: Logger, text: ConsoleText) {
    let refused = sources.filter { $0.status == .refused }.count
    logger.log(
      level: status == .ok ? .notice : .warning,
      "\(text.runSummary(what, files: sources.count, refused: refused, tally: sources.tally, output: output, status: status))"
    )
  }
}
