import AOPLedger
import AOPRows
import Foundation

/// One file of a run: where it is, and how reports name it.
public struct ImportInput: Sendable {
  public var path: String
  public var displayPath: String
  public init(path: String, displayPath: String) {
    self.path = path
    self.displayPath = displayPath
  }
}

extension FileImporter {
  /// Imports `inputs` in order into `sink`, with exactly the result of `importFile` on each in turn, while
  /// `workers` threads read the next files ahead on the machine's other cores.
  ///
  /// A file read ahead is read on its own, as if no file came before it (`Deduplicator.forReadingAhead`,
  /// fresh `RunMagnitudes`), what it delivers recorded.
  /// When its turn comes, that reading stands if none of its rows' identities was seen in an earlier file
  /// and the run's totals take its own — then the files before it could not have changed a thing about
  /// it — and its recording is played into `sink`. Otherwise (an export overlapping an earlier one) the
  /// file is read again in its turn, the one-core way. So the outputs are byte for byte a one-core run's.
  /// - Parameters:
  ///   - starting: told the index of each file as its turn comes; returns how to report its progress.
  ///   - finished: told each file's account, in order.
  /// - Returns: how many files were read ahead and how many of those readings stood.
  @discardableResult
  public func importFiles(
    _ inputs: [ImportInput], into sink: ImportSink, workers: Int, starting: (Int) -> Progress?,
    finished: (Int, SourceFile) -> Void
  ) -> ReadAheadTally {
    let ahead = workers > 1 && inputs.count > 1 ? ReadAhead(importer: self, inputs: inputs, workers: workers) : nil
    var tally = ReadAheadTally(workers: ahead == nil ? 0 : workers)
    for (i, input) in inputs.enumerated() {
      let progress = starting(i)
      let readAhead = ahead?.take(i)
      if readAhead != nil { tally.readAhead += 1 }
      let file = importFile(
        at: input.path, displayPath: input.displayPath, into: sink, progress: progress, readAhead: readAhead)
      if readAhead?.stood == true { tally.stood += 1 }
      finished(i, file)
    }
    return tally
  }

  /// Reads one file on its own, recording what it delivers (on a worker thread).
  func readAhead(_ input: ImportInput) -> FileReadAhead {
    let ahead = FileReadAhead()
    let alone = FileImporter(
      profiles: profiles, settings: settings, deduplicator: ahead.deduplicator, magnitudes: ahead.magnitudes)
    var file = alone.importRows(at: input.path, displayPath: input.displayPath, into: ahead.recording)
    if file.sha256 == nil { file.sha256 = Self.sha256(of: input.path) }
    ahead.file = file
    if !XLSXReader.looksLikeXLSX(path: input.path) {
      var info = stat()
      if stat(input.path, &info) == 0 { ahead.bytesRead = Int(info.st_size) }
    }
    return ahead
  }

  /// The account of a file read ahead, its recording played into `sink`, when its reading stands in the
  /// run's order (see `importFiles`); `nil`, with nothing taken in, when the file is to be read again.
  func commit(_ ahead: FileReadAhead, displayPath: String, into sink: ImportSink) -> SourceFile? {
    guard let file = ahead.file, !deduplicator.hasSeenAny(of: ahead.deduplicator),
      magnitudes.canAbsorb(ahead.magnitudes)
    else { return nil }
    deduplicator.takeIn(ahead.deduplicator, file: displayPath)
    magnitudes.absorb(ahead.magnitudes)
    ahead.recording.play(into: sink)
    ahead.stood = true
    return file
  }
}

/// How reading ahead went: threads used (0: none, one file at a time), files read ahead, and of those the
/// ones whose reading stood (the others were read again in their turn).
public struct ReadAheadTally: Sendable, Equatable {
  public var workers: Int
  public var readAhead = 0
  public var stood = 0
}

/// A file read ahead: its account, what it delivered, and the identities and totals it met on its own.
final class FileReadAhead: @unchecked Sendable {
  let deduplicator = Deduplicator.forReadingAhead()
  let magnitudes = RunMagnitudes()
  let recording = RecordingSink()
  var file: SourceFile?
  /// A CSV file's bytes, all read (a workbook's progress is told in rows only).
  var bytesRead: Int?
  /// True once its reading stood and was taken in, in its turn.
  var stood = false
}

/// What an import delivered, in order, to be played into the run's sink later.
final class RecordingSink: ImportSink {
  private enum Delivered {
    case sale(SaleLine)
    case cost(CostEntry)
    case spend(SpendLine)
    case rejection(Rejection)
  }
  private var delivered: [Delivered] = []

  func accept(_ line: SaleLine) { delivered.append(.sale(line)) }
  func accept(_ entry: CostEntry) { delivered.append(.cost(entry)) }
  func accept(_ line: SpendLine) { delivered.append(.spend(line)) }
  func reject(_ rejection: Rejection) { delivered.append(.rejection(rejection)) }

  func play(into sink: ImportSink) {
    for item in delivered {
      switch item {
      case .sale(let line): sink.accept(line)
      case .cost(let entry): sink.accept(entry)
      case .spend(let line): sink.accept(line)
      case .rejection(let rejection): sink.reject(rejection)
      }
    }
    delivered = []
  }
}

/// Worker threads reading a run's files ahead of its turn. What they have read and not yet handed over
/// is what the run holds in memory besides the ledger, so they stay within a few files and a budget of
/// input bytes ahead (a file larger than the budget is read ahead alone).
final class ReadAhead: @unchecked Sendable {
  /// A file larger than this is not read ahead (its recording would hold all its lines): it is read in
  /// its turn.
  static let largestFile = 256 << 20
  /// Input bytes read ahead and not yet taken, at most (a workbook's bytes count twice: compressed).
  static let bytesAhead = 192 << 20
  /// Files read ahead and not yet taken, at most: a few per worker, so that a large file being taken in
  /// does not leave the workers idle behind it (files come large and small by turns).
  static func filesAhead(workers: Int) -> Int { 2 * workers }

  private let importer: FileImporter
  private let inputs: [ImportInput]
  private let weights: [Int]
  private let limit: Int
  private let state = NSCondition()
  private var next = 0
  private var claimedFiles = 0
  private var claimedBytes = 0
  private var results: [Int: FileReadAhead] = [:]
  private let ready: [DispatchSemaphore]

  init(importer: FileImporter, inputs: [ImportInput], workers: Int) {
    self.importer = importer
    self.inputs = inputs
    weights = inputs.map { Self.weight($0.path) }
    limit = Self.filesAhead(workers: workers)
    ready = inputs.map { _ in DispatchSemaphore(value: 0) }
    for _ in 0..<workers {
      let thread = Thread { [self] in work() }
      thread.stackSize = 8 << 20
      thread.start()
    }
  }

  private func work() {
    while true {
      state.lock()
      // The next file is claimed when there is room for it, and always when nothing is ahead (the
      // run's turn may be waiting for it).
      while next < inputs.count, claimedFiles > 0,
        claimedFiles >= limit || claimedBytes + weights[next] > Self.bytesAhead
      {
        state.wait()
      }
      let i = next
      if i < inputs.count {
        next += 1
        claimedFiles += 1
        claimedBytes += weights[i]
      }
      state.unlock()
      guard i < inputs.count else { return }
      let result = weights[i] <= Self.largestFile ? importer.readAhead(inputs[i]) : nil
      state.lock()
      results[i] = result
      state.unlock()
      ready[i].signal()
    }
  }

  /// The file read ahead for turn `i`, waiting for it; `nil` when it was not read ahead.
  func take(_ i: Int) -> FileReadAhead? {
    ready[i].wait()
    state.lock()
    let result = results.removeValue(forKey: i)
    claimedFiles -= 1
    claimedBytes -= weights[i]
    state.broadcast()
    state.unlock()
    return result
  }

  /// What reading a file ahead holds, in input bytes; past `largestFile` when it is not to be read ahead.
  private static func weight(_ path: String) -> Int {
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return largestFile + 1 }
    return Int(info.st_size) * (XLSXReader.looksLikeXLSX(path: path) ? 2 : 1)
  }
}
