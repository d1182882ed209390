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
  /// - Throws: `JobError.lockHeld` when it is still held after that, `JobError.cannotWrite` when the
  ///   lock file cannot be created.
  public init(folder: URL, waitSeconds: Double = 0) throws {
    path = folder.appendingPathComponent(".aop.lock").path
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw JobError.cannotWrite("\(folder.path): cannot create the output folder: \(AtomicFile.plainCause(of: error))")
    }
    descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw JobError.cannotWrite("\(path): cannot create the lock file: \(String(cString: strerror(errno)))")
    }
    let deadline = Date().addingTimeInterval(waitSeconds)
    while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
        close(descriptor)
        throw JobError.lockHeld(
          "\(path): another aop run is writing to this output folder; try again when it has finished (or pass --wait-lock SECONDS)"
        )
      }
      usleep(100_000)
    }
  }

  deinit {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}
