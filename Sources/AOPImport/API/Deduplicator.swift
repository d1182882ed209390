import AOPLedger

/// Remembers the identity of every source row seen in a run, so the same row in two overlapping
/// exports counts once: the first occurrence (files in sorted order) wins. It remembers every file's
/// bytes too (size and SHA-256), so a file that is a copy of an earlier one (the same export downloaded
/// twice, `… (1).csv`) counts once whatever its profile's row identity.
public final class Deduplicator: @unchecked Sendable {
  /// Each identity's first occurrence: its file's index (high 32 bits) and line (low 32 bits, never 0).
  /// The run's only: a file's reading held apart needs no table of its own, for one file's identities
  /// are all different — `FileImport` numbers a file's repeats of a row, and a key's bytes tell its
  /// fields and number apart (`IdentityKey`) — short of two 128-bit hashes meeting, which the whole of
  /// de-duplication takes as never happening.
  private let firstSeen: IdentityTable
  private var files: [String] = []
  private var fileIndex: [String: Int32] = [:]
  /// The files imported so far, by size: their account and SHA-256 (`nil` until it is needed).
  private var bySize: [UInt64: [(file: SourceFile, path: String)]] = [:]

  /// Set for a file's reading held apart from the run: the identities it takes in are also recorded in
  /// `asked`, for the run to take in once the file stands.
  private let holdingApart: Bool
  /// For a file read in its turn but held apart: the run's de-duplication, consulted first (read only).
  private let run: Deduplicator?
  /// The identities a file held apart took in (first seen in it), in order, with their lines.
  private var asked: [(key: IdentityKey, line: Int)] = []

  public init() {
    holdingApart = false
    run = nil
    firstSeen = IdentityTable(capacity: 1 << 16)
  }

  private init(holdingApartOver run: Deduplicator?) {
    holdingApart = true
    self.run = run
    firstSeen = IdentityTable(capacity: 0)  // the smallest: a reading held apart keeps none (see `firstSeen`)
  }

  /// A stand-in for the run's de-duplication while one file is read ahead on another core: it answers as
  /// the run would if no file came before this one (a row is a duplicate only of an earlier row of the
  /// same file), and records the identities it takes in, for the run to check and take in in its turn.
  static func forReadingAhead() -> Deduplicator { Deduplicator(holdingApartOver: nil) }

  /// A stand-in for the run's de-duplication while one file is read in its turn but held apart until it
  /// is read to its end: it answers as the run would (rows of earlier files first), takes nothing into the
  /// run, and records the identities it takes in, for `takeIn` once the file stands.
  static func holdingApart(over run: Deduplicator) -> Deduplicator { Deduplicator(holdingApartOver: run) }

  /// Takes in the identities a file read ahead took in, as `firstOccurrence` would have one by one;
  /// unless one of them was seen before (in an earlier file): then none, and false. Where the table
  /// has room for them all, one look-up each: each goes in as it is checked, and on a hit those that
  /// went in come out again. Otherwise they are all looked up first, so that a file not taken in does
  /// not leave the table grown for it.
  func takeInUnlessSeen(_ ahead: Deduplicator, file: String) -> Bool {
    guard !ahead.asked.isEmpty else { return true }
    guard firstSeen.hasRoom(for: ahead.asked.count) else {
      if ahead.asked.contains(where: { firstSeen.value(of: $0.key) != nil }) { return false }
      takeIn(ahead, file: file)
      return true
    }
    let index = self.index(of: file)
    var inserted: [Int] = []
    inserted.reserveCapacity(ahead.asked.count)
    for (key, line) in ahead.asked {
      guard let slot = firstSeen.insertNew(key, Self.place(file: index, line: line)) else {
        firstSeen.remove(inserted)
        return false
      }
      inserted.append(slot)
    }
    return true
  }

  /// Takes in the identities a reading held apart took in, none of them seen before (it read against
  /// the run's, or they were all looked up), as `firstOccurrence` would have one by one.
  func takeIn(_ ahead: Deduplicator, file: String) {
    for (key, line) in ahead.asked { _ = firstOccurrence(of: key, file: file, line: line) }
  }

  /// The earlier file of the run with the same bytes as the file at `path`, if any. The file is hashed
  /// only when an earlier file has its size (so a run reads each file once, as a rule).
  func earlierCopy(of path: String, size: UInt64) -> (original: SourceFile, sha256: String)? {
    guard var candidates = bySize[size], !candidates.isEmpty, let sha = FileImporter.sha256(of: path) else {
      return nil
    }
    for i in candidates.indices where candidates[i].file.sha256 == nil {
      candidates[i].file.sha256 = FileImporter.sha256(of: candidates[i].path)
    }
    bySize[size] = candidates
    return candidates.first { $0.file.sha256 == sha }.map { ($0.file, sha) }
  }

  /// Records a file imported (or found to be a copy), for the files after it.
  func recordFile(_ file: SourceFile, path: String, size: UInt64) {
    bySize[size, default: []].append((file, path))
  }

  /// Number of distinct identities seen.
  public var count: Int { holdingApart ? asked.count : firstSeen.count }

  /// Records `key` as seen at `file:line`, or returns where it was first seen.
  func firstOccurrence(of key: IdentityKey, file: String, line: Int) -> (file: String, line: Int)? {
    if holdingApart {
      // Only an earlier file can hold a file's identity (see `firstSeen`).
      if let run, let seen = run.firstSeen.value(of: key) { return run.place(seen) }
      asked.append((key, line))
      return nil
    }
    guard let seen = firstSeen.valueOrInsert(key, Self.place(file: index(of: file), line: line)) else { return nil }
    return place(seen)
  }

  /// The index of `file` among the run's files, which it joins if new.
  private func index(of file: String) -> Int {
    if files.last == file { return files.count - 1 }
    if let known = fileIndex[file] { return Int(known) }
    files.append(file)
    fileIndex[file] = Int32(files.count - 1)
    return files.count - 1
  }

  /// The value of `firstSeen` for a file's line.
  private static func place(file index: Int, line: Int) -> UInt64 {
    UInt64(index) << 32 | UInt64(UInt32(clamping: max(line, 1)))
  }

  /// The file and line a value of `firstSeen` stands for.
  private func place(_ seen: UInt64) -> (file: String, line: Int) { (files[Int(seen >> 32)], Int(seen & 0xFFFF_FFFF)) }
}
