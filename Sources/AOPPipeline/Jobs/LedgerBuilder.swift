import AOPImport
import AOPLedger

/// Receives what the importer accepts into the ledger, and keeps the rejections in file order.
final class LedgerBuilder: ImportSink {
  private(set) var ledger = Ledger()
  private(set) var rejections: [Rejection] = []

  func accept(_ line: SaleLine) { ledger.add(line) }
  func accept(_ entry: CostEntry) { ledger.add(entry) }
  func accept(_ line: SpendLine) { ledger.add(line) }
  func reject(_ rejection: Rejection) { rejections.append(rejection) }
}

/// The result of importing a set of files.
public struct ImportResult: Sendable {
  public var ledger: Ledger
  public var sources: [SourceFile]
  public var rejections: [Rejection]

  /// Rows rejected or files refused.
  public var hasProblems: Bool { !rejections.isEmpty || sources.contains { $0.status == .refused } }
}

/// Progress reports while files are read (a line per file on a terminal).
public protocol ProgressReporter: Sendable {
  func starting(file: String, index: Int, of total: Int)
}

/// Imports `files` in order into one ledger, de-duplicating across all of them.
func importAll(_ files: [InputFiles.Found], importer: FileImporter, progress: ProgressReporter?) -> ImportResult {
  let builder = LedgerBuilder()
  var sources: [SourceFile] = []
  for (i, file) in files.enumerated() {
    progress?.starting(file: file.shown, index: i + 1, of: files.count)
    sources.append(importer.importFile(at: file.path, displayPath: file.shown, into: builder))
  }
  return ImportResult(ledger: builder.ledger, sources: sources, rejections: builder.rejections)
}
