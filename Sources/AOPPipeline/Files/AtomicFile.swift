import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writes an output so that a crash, a full disk or a file-size limit never leaves half a file in place
/// of the last good one: write to a temporary file in the same folder, checking every write, flush it to
/// disk, then rename it over the target. Every failure names the file and the cause in plain words, and
/// removes the temporary file.
public enum AtomicFile {
  /// Calls `produce` with a temporary path next to `target`, then renames it over `target`.
  /// - Throws: `JobError` (exit 73) naming the file; the temporary file is removed on failure.
  public static func write(to target: URL, _ produce: (String) throws -> Void) throws {
    let pending = try Pending(target: target)
    do {
      try produce(pending.path)
      try pending.commit()
    } catch let error as JobError {
      pending.discard()
      throw error
    } catch {
      pending.discard()
      throw JobError(.output, .cannotWrite, OutputError.notWritten(file: target.path, cause: FileCause(of: error)))
    }
  }

  /// Writes text atomically.
  public static func write(_ text: String, to target: URL) throws {
    let pending = try Pending(target: target)
    pending.write(text)
    try pending.commit()
  }

  /// A temporary file next to its target, written piece by piece (`write`) or by a library given its
  /// path: `commit()` flushes it and renames it over the target; `discard()` (or dropping it
  /// uncommitted) removes it. A failed write is remembered and reported by `commit()`.
  public final class Pending {
    public let target: URL
    public let path: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    /// The errno of the first failed write, if any.
    private var failure: Int32?
    private var done = false

    public init(target: URL) throws {
      self.target = target
      let folder = target.deletingLastPathComponent()
      do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      } catch {
        throw JobError(
          .output, .cannotWrite, OutputError.folderNotMade(folder: folder.path, cause: FileCause(of: error)))
      }
      AtomicFile.clearDeadRunsFiles(of: target)
      path = folder.appendingPathComponent(".\(target.lastPathComponent)\(AtomicFile.temporaryMarker)\(getpid())").path
      // Create it now, so a folder that cannot be written is reported plainly before any work.
      descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
      guard descriptor >= 0 else {
        throw JobError(
          .output, .cannotWrite,
          OutputError.notCreatable(folder: folder.path, file: target.lastPathComponent, cause: .system(errno)))
      }
      buffer.reserveCapacity(1 << 16)
    }

    /// Appends bytes (buffered); a failure is reported by `commit()`.
    public func write(_ bytes: some Sequence<UInt8>) {
      buffer.append(contentsOf: bytes)
      if buffer.count >= 1 << 16 { flushBuffer() }
    }

    public func write(_ text: String) { write(text.utf8) }

    private func flushBuffer() {
      defer { buffer.removeAll(keepingCapacity: true) }
      guard failure == nil, !buffer.isEmpty else { return }
      buffer.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
          let n = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
          if n < 0 {
            if errno == EINTR { continue }
            failure = errno
            return
          }
          offset += n
        }
      }
    }

    /// Ends the writing: flushes the file to disk and closes it, so that a full disk is known before
    /// any output is renamed into place.
    /// - Throws: `JobError` (exit 73) with the cause; the temporary file is then removed.
    public func finishWriting() throws {
      guard descriptor >= 0 else { return }
      flushBuffer()
      if failure == nil, fsync(descriptor) != 0 { failure = errno }
      if close(descriptor) != 0, failure == nil { failure = errno }
      descriptor = -1
      if let failure {
        discard()
        throw JobError(.output, .cannotWrite, OutputError.notWritten(file: target.path, cause: .system(failure)))
      }
    }

    /// Finishes the writing and renames the file over the target (the folder's entry flushed too).
    /// - Throws: `JobError` (exit 73) with the cause; the target is then left as it was.
    public func commit() throws {
      guard !done else { return }
      try finishWriting()
      guard rename(path, target.path) == 0 else {
        let cause = FileCause.system(errno)
        discard()
        throw JobError(.output, .cannotWrite, OutputError.notWritten(file: target.path, cause: cause))
      }
      done = true
      let folder = open(target.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
      if folder >= 0 {
        fsync(folder)
        close(folder)
      }
    }

    public func discard() {
      if descriptor >= 0 {
        close(descriptor)
        descriptor = -1
      }
      if !done { unlink(path) }
      done = true
    }

    deinit { discard() }
  }

  static let temporaryMarker = ".tmp-"

  /// Removes the temporary files of `target` that runs no longer alive left (a killed run's, wherever
  /// the output was: a `--ledger` file may be outside the locked output folder). A file whose process
  /// is still running is another run's work in progress and stays.
  static func clearDeadRunsFiles(of target: URL) {
    let folder = target.deletingLastPathComponent()
    let prefix = ".\(target.lastPathComponent)\(temporaryMarker)"
    for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasPrefix(prefix) {
      guard let pid = pid_t(name.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else {
        continue
      }
      unlink(folder.appendingPathComponent(name).path)
    }
  }

  /// Removes temporary files an interrupted run left in `folder`: the tool's own, and Foundation's
  /// (`.dat.nosync…`, from an atomic write an older version made). Call it only while holding the
  /// folder's `RunLock`, so no other run's file in progress is taken.
  /// - Returns: the names removed.
  @discardableResult
  public static func clearLeftovers(in folder: URL) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    let leftovers = names.filter { ($0.hasPrefix(".") && $0.contains(temporaryMarker)) || $0.hasPrefix(".dat.nosync") }
      .sorted()
    for name in leftovers { unlink(folder.appendingPathComponent(name).path) }
    return leftovers
  }
}
