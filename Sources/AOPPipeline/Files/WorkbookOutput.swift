import AOPRows
import AOPWorkbook
import Foundation

/// A workbook written beside its target and checked whole before anything is replaced.
enum WorkbookOutput {
  /// Writes `sheets` to a temporary file next to `target` and checks it (every part inflates, every
  /// XML part is well-formed); the caller commits it when the run's other outputs are ready too.
  /// - Throws: `JobError.cannotWrite` naming the file and the cause; nothing is left behind.
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
      let part = failure.part.isEmpty ? "" : "\(failure.part): "
      throw JobError.cannotWrite(
        AtomicFile.notWritten(
          target,
          cause:
            "the file came out incomplete (\(part)\(failure.reason)); the disk may be full or a file-size limit reached"
        ))
    } catch WorkbookError.closeFailed(_, _, let message, let systemError) {
      pending.discard()
      throw JobError.cannotWrite(
        AtomicFile.notWritten(
          target,
          cause: systemError != 0 ? AtomicFile.plainCause(systemError) : "libxlsxwriter could not save it: \(message)"))
    } catch let error as WorkbookError {
      pending.discard()
      throw JobError.cannotWrite(AtomicFile.notWritten(target, cause: AtomicFile.plainCause(of: error)))
    }
    return pending
  }
}
