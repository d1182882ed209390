import AOPRows
import AOPWorkbook
import Foundation

/// A workbook written beside its target and checked whole before anything is replaced.
enum WorkbookOutput {
  /// Writes `sheets` to a temporary file next to `target` and checks it (every part inflates, every
  /// XML part is well-formed); the caller commits it when the run's other outputs are ready too.
  /// - Throws: `JobError` (exit 73) naming the file and the cause; nothing is left behind.
  static func prepare(_ sheets: [Sheet], properties: WorkbookProperties, writer: XLSXWriter, target: URL) throws
    -> AtomicFile.Pending
  {
    let pending = try AtomicFile.Pending(target: target)
    do {
      try writer.write(sheets, properties: properties, to: pending.path)
      try pending.finishWriting()
      try WorkbookCheck.verify(path: pending.path)
    } catch let failure as WorkbookCheck.Failure {
      pending.discard()
      throw Self.notWritten(target, .incomplete(part: failure.part, reason: failure.reason))
    } catch WorkbookError.closeFailed(_, _, let message, let systemError) {
      pending.discard()
      throw Self.notWritten(target, systemError != 0 ? .system(systemError) : .library(message))
    } catch let error as WorkbookError {
      pending.discard()
      throw Self.notWritten(target, FileCause(of: error))
    }
    return pending
  }

  static func notWritten(_ target: URL, _ cause: FileCause) -> JobError {
    JobError(.output, .cannotWrite, OutputError.notWritten(file: target.path, cause: cause))
  }
}
