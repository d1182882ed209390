import AOPRows
import AOPWorkbook
import Foundation
import Logging

/// A workbook written beside its target and checked whole before anything is replaced.
enum WorkbookOutput {
  /// Writes `sheets` to a temporary file next to `target` and checks it (every part inflates, every
  /// XML part is well-formed); the caller commits it when the run's other outputs are ready too.
  /// - Throws: `JobError` (exit 73) naming the file and the cause; nothing is left behind.
  /// Says at debug level how long writing and checking took, and how many cells it wrote.
  static func prepare(
    _ sheets: [Sheet], properties: WorkbookProperties, writer: XLSXWriter, target: URL,
    logger: Logger = silentLogger, text: ConsoleText? = nil
  ) throws -> AtomicFile.Pending {
    let pending = try AtomicFile.Pending(target: target)
    do {
      let start = DispatchTime.now().uptimeNanoseconds
      try writer.write(sheets, properties: properties, to: pending.path)
      try pending.finishWriting()
      let written = DispatchTime.now().uptimeNanoseconds
      try WorkbookCheck.verify(path: pending.path)
      let checked = DispatchTime.now().uptimeNanoseconds
      if let text {
        let cells = sheets.reduce(0) { $0 + $1.rows.reduce(0) { $0 + $1.count } }
        logger.debug(
          "\(text.workbookWritten(target.lastPathComponent, cells: cells, writing: Double(written - start) / 1e9, checking: Double(checked - written) / 1e9))"
        )
      }
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
