import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Keeps two runs that write to the same output folder apart: an exclusive `flock` on
/// `OUTPUT/.aop.lock`, held until the value is released. The kernel drops the lock when its process
/// dies, so a lock left by a killed run never blocks the next one.
public final class RunLock {
  private let descriptor: Int32
  public let path: String

  /// Takes the lock, waiting up to `waitSeconds` for another run to finish.
  /// - Throws: `JobError` with `OutputError.lockHeld` (exit 75) when it is still held after that, with
  ///   another `OutputError` (exit 73) when the folder or the lock file cannot be created.
  public init(folder: URL, waitSeconds: Double = 0) throws {
    path = folder.appendingPathComponent(".aop.lock").path
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw JobError(.lock, .cannotWrite, OutputError.folderNotMade(folder: folder.path, cause: FileCause(of: error)))
    }
    descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw JobError(.lock, .cannotWrite, OutputError.lockFileNotMade(path: path, cause: .system(errno)))
    }
    let deadline = Date().addingTimeInterval(waitSeconds)
    while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
        close(descriptor)
        throw JobError(.lock, .lockHeld, OutputError.lockHeld(path: path))
      }
      usleep(100_000)
    }
  }

  deinit {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}
