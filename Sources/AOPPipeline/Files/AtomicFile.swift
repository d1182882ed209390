import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writes an output so that a crash or a full disk never leaves half a file in place of the last good
/// one: write to a temporary file in the same folder, flush it to disk, then rename it over the target.
public enum AtomicFile {
  /// Calls `produce` with a temporary path next to `target`, then renames it over `target`.
  /// - Throws: `JobError.cannotWrite` naming the file; the temporary file is removed on failure.
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
      throw JobError.cannotWrite("\(target.path): \(error.localizedDescription)")
    }
  }

  /// A temporary file next to its target, for outputs written piece by piece: `commit()` flushes it
  /// and renames it over the target; `discard()` (or dropping it uncommitted) removes it.
  public final class Pending {
    public let target: URL
    public let path: String
    private var done = false

    public init(target: URL) throws {
      self.target = target
      let folder = target.deletingLastPathComponent()
      do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      } catch {
        throw JobError.cannotWrite("\(folder.path): cannot create the output folder: \(error.localizedDescription)")
      }
      path = folder.appendingPathComponent(".\(target.lastPathComponent)\(AtomicFile.temporaryMarker)\(getpid())").path
      // Create it now, so a folder that cannot be written is reported plainly before any work.
      let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
      guard fd >= 0 else {
        throw JobError.cannotWrite("\(folder.path): cannot write \(target.lastPathComponent) here: \(String(cString: strerror(errno)))")
      }
      close(fd)
    }

    public func commit() throws {
      try AtomicFile.flush(path)
      guard rename(path, target.path) == 0 else {
        throw JobError.cannotWrite("\(target.path): cannot replace it: \(String(cString: strerror(errno)))")
      }
      done = true
    }

    public func discard() {
      if !done { unlink(path) }
      done = true
    }

    deinit { discard() }
  }

  static let temporaryMarker = ".tmp-"

  /// Removes temporary files a killed run left in `folder`. Call it only while holding the folder's
  /// `RunLock`, so no other run's file in progress is taken.
  /// - Returns: the names removed.
  @discardableResult
  public static func clearLeftovers(in folder: URL) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    let leftovers = names.filter { $0.hasPrefix(".") && $0.contains(temporaryMarker) }.sorted()
    for name in leftovers { unlink(folder.appendingPathComponent(name).path) }
    return leftovers
  }

  /// Writes text atomically.
  public static func write(_ text: String, to target: URL) throws {
    try write(to: target) { path in
      guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
        throw JobError.cannotWrite("\(target.path): cannot write (\(String(cString: strerror(errno))))")
      }
    }
  }

  static func flush(_ path: String) throws {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw JobError.cannotWrite("\(path): cannot reopen to flush") }
    defer { close(fd) }
    guard fsync(fd) == 0 else { throw JobError.cannotWrite("\(path): cannot flush to disk: \(String(cString: strerror(errno)))") }
  }
}
