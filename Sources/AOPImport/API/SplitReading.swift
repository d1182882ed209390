import AOPLedger
import AOPRows
import Foundation

/// A large CSV file of sales read ahead on two cores: its first half on the thread that claimed it, its
/// second half on another, joined into exactly the reading one thread would have made.
///
/// The file is split at the first line start past its middle (`CSVSplitPoint`). The second half reads
/// from there, passing over records until the first sale row of another order than the first order it
/// met, and reads on from that row to the end. The first half reads from the start, comes to the same
/// row the same way, and stops before it. So no order is cut, and each row is read by one half only.
/// The second half numbers its lines after the line feeds it counts before the split point, and its
/// row identities (whose number counts the file's earlier rows alike) are numbered when the halves are
/// joined. The first half's reader hashes the rest of the file from its own handle.
///
/// Whenever the halves could read differently, they are not joined. The first half reads on alone when
/// it came to the split point inside a record (a quoted field open across it, or blank lines before it,
/// whose first line the next record takes as its own), before the header, when the file is not UTF-8, and when no other
/// core took the second half before it came to it (nothing would be gained). The file is read again the
/// one-core way when the second half failed, read another file than the first (replaced or changed in
/// between), began elsewhere than the first half stopped or counted other lines before the point, or
/// when its totals do not fit with the first's (`RunMagnitudes`).
final class SplitReading: @unchecked Sendable {
  private enum Status {
    /// Offered to the other cores; `second` is set once the first half has identified the file.
    case offered
    case reading, done, failed, withdrawn
  }

  /// Where the file is split, once the first half has found it (`begin`).
  private(set) var point: CSVSplitPoint?
  private let path: String
  private let importer: FileImporter
  private let state = NSCondition()
  private var status = Status.offered
  private var second: SecondHalf?
  /// The line feeds the second half counted before the split point.
  private var linesBefore: Int?

  /// What the second half reads with, and once read, what it read: its account, what it delivered,
  /// and its totals. Made on the first half's thread, read on another, handed back under the lock: one
  /// thread at a time uses it.
  struct SecondHalf: @unchecked Sendable {
    var run: FileImport
    var recording: RecordingSink
    var magnitudes: RunMagnitudes
    var delimiter: UInt8
  }

  /// The reading of the file at `path` in halves. `ReadAhead` offers its second half (`readSecondHalf`)
  /// to the other cores as the file is claimed, before the first half begins: the first core free takes
  /// it, and waits there for the first half to identify the file.
  init(path: String, importer: FileImporter) {
    self.path = path
    self.importer = importer
  }

  /// The first half has found where to split the file (on its thread, before it reads).
  func begin(at point: CSVSplitPoint) {
    state.lock()
    self.point = point
    state.unlock()
  }

  /// Readies the second half once `first` has identified the file (on the first half's thread).
  func prepare(continuing first: FileImport) {
    guard let delimiter = point?.delimiter else {  // not UTF-8: the offsets are not the text's
      withdraw()
      return
    }
    let recording = RecordingSink()
    let magnitudes = RunMagnitudes()
    let apart = FileImporter(
      profiles: importer.profiles, settings: importer.settings, deduplicator: .forReadingAhead(),
      magnitudes: magnitudes)
    let run = FileImport(secondHalfOf: first, importer: apart, sink: recording)
    state.lock()
    if status == .offered {
      second = SecondHalf(run: run, recording: recording, magnitudes: magnitudes, delimiter: delimiter)
    }
    state.broadcast()
    state.unlock()
  }

  /// Reads the second half (on the core that took it), once the file is identified, unless it was
  /// withdrawn meanwhile.
  func readSecondHalf() {
    state.lock()
    while status == .offered, second == nil { state.wait() }
    guard status == .offered, let half = second, let point else {
      state.unlock()
      return
    }
    status = .reading
    state.broadcast()
    state.unlock()
    var read = false
    var lines: Int?
    do {
      lines = try CSVSplitPoint.lines(in: path, before: point.offset)
      let reader = CSVReader(
        path: path, options: importer.settings.csvLimits, continuingAt: point, linesBefore: lines ?? 0,
        delimiter: half.delimiter)
      var events = 0
      try reader.read { event in
        events += 1
        if events & 4095 == 0, self.isWithdrawn { throw StopReading() }
        try half.run.handle(event)
      }
      try half.run.finish()
      read = true
    } catch {
      // Failed or withdrawn: the first half reads on alone, or the file is read the one-core way.
    }
    state.lock()
    if status == .reading { status = read ? .done : .failed }
    linesBefore = lines
    state.broadcast()
    state.unlock()
  }

  private var isWithdrawn: Bool {
    state.lock()
    defer { state.unlock() }
    return status == .withdrawn
  }

  /// Asked by the first half where the second begins: true when it is to stop there (the second half
  /// is being read or was); false when it is to read on alone — no other core took the second half
  /// yet (it is withdrawn), or it failed.
  func stopsFirstHalf() -> Bool {
    state.lock()
    defer { state.unlock() }
    while status == .offered, importer.settings.splitWaitsForSecondHalf { state.wait() }
    switch status {
    case .reading, .done: return true
    case .offered:
      status = .withdrawn
      state.broadcast()
      return false
    case .failed, .withdrawn: return false
    }
  }

  /// The first half reads on alone (or failed): the second half, if read or being read, is not wanted.
  func withdraw() {
    state.lock()
    status = .withdrawn
    second = nil
    state.broadcast()
    state.unlock()
  }

  /// The second half once it has read to the end, if it began where `first` stopped and counted the
  /// lines before the split point as the first half's reader numbered them; `nil` otherwise, or when
  /// it failed.
  func joined(to first: FileImport) -> SecondHalf? {
    state.lock()
    defer { state.unlock() }
    while status == .reading { state.wait() }
    guard status == .done, let second, let linesBefore, let reached = point?.reached,
      reached.line == linesBefore + 1, let began = second.run.secondHalfLine, began == first.secondHalfLine
    else { return nil }
    return second
  }
}

extension FileImporter {
  /// Reads a file ahead in two halves on two cores (`SplitReading`): its account and recording exactly
  /// as `readAhead` alone would have made them (its hash too, when it was read in halves). `nil` when it
  /// was not split or the halves could not be joined: then it is read the one-core way, which also says
  /// why a file is refused.
  func readAheadInHalves(_ input: ImportInput, split: SplitReading) -> HeldApartReading? {
    var info = stat()
    guard stat(input.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
      let point = CSVSplitPoint.middle(of: input.path, size: Int(info.st_size))
    else {
      split.withdraw()
      return nil
    }
    split.begin(at: point)
    let ahead = HeldApartReading()
    let apart = FileImporter(
      profiles: profiles, settings: settings, deduplicator: ahead.deduplicator, magnitudes: ahead.magnitudes)
    let run = FileImport(
      importer: apart, profiles: profiles, displayPath: input.displayPath,
      fileName: (input.path as NSString).lastPathComponent, sink: ahead.recording)
    run.split = split
    var file: SourceFile
    do {
      // As `importRows` reads a CSV file first: UTF-8 (or what its byte-order mark says), every profile.
      let sha256 = try RowSource.read(path: input.path, limits: settings.csvLimits, splitPoint: point) {
        try run.handle($0)
      }
      // Read alone to its end.
      split.withdraw()
      try run.finish()
      file = run.result
      file.sha256 = sha256
    } catch is ReachedSecondHalf {
      try? run.finish()  // closes the first half's last order (the file is identified: nothing throws)
      guard let sha256 = point.sha256 else {
        split.withdraw()  // the rest could not be hashed, or the file changed
        return nil
      }
      guard let second = split.joined(to: run), ahead.magnitudes.canAbsorb(second.magnitudes) else { return nil }
      ahead.magnitudes.absorb(second.magnitudes)
      run.absorb(second.run)
      ahead.recording.append(second.recording)
      ahead.readInHalves = true
      file = run.result
      file.sha256 = sha256
    } catch {
      split.withdraw()
      return nil
    }
    ahead.file = file
    return ahead
  }
}
