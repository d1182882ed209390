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
    let folder = target.deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw JobError.cannotWrite("\(folder.path): cannot create the output folder: \(error.localizedDescription)")
    }
    let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).tmp-\(getpid())").path
    do {
      try produce(temporary)
      try flush(temporary)
      guard rename(temporary, target.path) == 0 else {
        throw JobError.cannotWrite("\(target.path): cannot replace it: \(String(cString: strerror(errno)))")
      }
    } catch let error as JobError {
      unlink(temporary)
      throw error
    } catch {
      unlink(temporary)
      throw JobError.cannotWrite("\(target.path): \(error.localizedDescription)")
    }
  }

  /// Writes text atomically.
  public static func write(_ text: String, to target: URL) throws {
    try write(to: target) { path in
      guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
        throw JobError.cannotWrite("\(target.path): cannot write (\(String(cString: strerror(errno))))")
      }
    }
  }

  private static func flush(_ path: String) throws {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw JobError.cannotWrite("\(path): cannot reopen to flush") }
    defer { close(fd) }
    guard fsync(fd) == 0 else { throw JobError.cannotWrite("\(path): cannot flush to disk: \(String(cString: strerror(errno)))") }
  }
}
