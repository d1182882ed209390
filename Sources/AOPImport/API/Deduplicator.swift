import AOPLedger

/// Remembers the identity of every source row seen in a run, so the same row in two overlapping
/// exports counts once: the first occurrence (files in sorted order) wins.
public final class Deduplicator: @unchecked Sendable {
  private var firstSeen: [IdentityKey: (file: Int32, line: Int32)] = [:]
  private var files: [String] = []
  private var fileIndex: [String: Int32] = [:]

  public init() {}

  /// Number of distinct identities seen.
  public var count: Int { firstSeen.count }

  /// Records `key` as seen at `file:line`, or returns where it was first seen.
  func firstOccurrence(of key: IdentityKey, file: String, line: Int) -> (file: String, line: Int)? {
    if let seen = firstSeen[key] {
      return (files[Int(seen.file)], Int(seen.line))
    }
    let index: Int32
    if let known = fileIndex[file] {
      index = known
    } else {
      index = Int32(files.count)
      files.append(file)
      fileIndex[file] = index
    }
    firstSeen[key] = (index, Int32(clamping: line))
    return nil
  }
}
