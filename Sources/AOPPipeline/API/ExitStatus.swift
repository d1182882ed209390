/// The process exit codes, in one place (sysexits values, clear of ArgumentParser's 1 and 64).
public enum ExitStatus: Int32, Sendable, CaseIterable, Codable {
  /// Everything was read and accepted.
  case ok = 0
  /// Finished, but some rows were rejected or some files refused; outputs were written.
  case rejectedRows = 65
  /// No input: no export files were found, or none has data for the month reviewed.
  case noInput = 66
  /// An output could not be written.
  case cannotWrite = 73
  /// An export failed midway on its second reading after its first read to the end (it changed, or
  /// the disk failed, in between): nothing was written.
  case exportChanged = 74
  /// Another run holds the lock on the output folder.
  case lockHeld = 75
  /// The config, plan, baseline or a profile is invalid.
  case badConfigOrPlan = 78

  /// One line per code, for `--help` and the docs.
  public static var table: String {
    """
      0   ok: every file read and every row accepted
      64  wrong command-line arguments (or none)
      65  finished with rejected rows or refused files (outputs written)
      66  no input: no export files found, or none with data for the month
      73  an output could not be written (folder, full disk, file-size limit);
          every previous output is left as it was
      74  an export changed or failed while it was read; nothing written
          (every previous output is left as it was): run again
      75  another aop run holds the output folder's lock; try again later
      78  bad config, plan, baseline or import profile
    """
  }
}
