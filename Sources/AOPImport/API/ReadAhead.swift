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
  /// - Throws: `ExportChangedWhileRead` (see `importFile`).
  @discardableResult
  public func importFiles(
    _ inputs: [ImportInput], into sink: ImportSink, workers: Int, starting: (Int) -> Progress?,
    finished: (Int, SourceFile) -> Void
  ) throws(ExportChangedWhileRead) -> ReadAheadTally {
    let ahead = workers > 1 && inputs.count > 1 ? ReadAhead(importer: self, inputs: inputs, workers: workers) : nil
    defer { ahead?.stop() }
    var tally = ReadAheadTally(workers: ahead == nil ? 0 : workers)
    for (i, input) in inputs.enumerated() {
      let progress = starting(i)
      let readAhead = ahead?.take(i)
      if readAhead != nil { tally.readAhead += 1 }
      let file = try importFile(
        at: input.path, displayPath: input.displayPath, into: sink, progress: progress, readAhead: readAhead)
      if readAhead?.stood == true { tally.stood += 1 }
      if readAhead?.readInHalves == true { tally.inHalves += 1 }
      finished(i, file)
    }
    return tally
  }

  /// Reads one file on its own, recording what it delivers (on a worker thread); in two halves when
  /// `split` was offered to other cores (`readAheadInHalves`).
  func readAhead(_ input: ImportInput, split: SplitReading? = nil) -> HeldApartReading {
    let ahead: HeldApartReading
    if let split, let halves = readAheadInHalves(input, split: split) {
      ahead = halves
    } else {
      ahead = HeldApartReading()
      ahead.file = ahead.read(input.path, displayPath: input.displayPath, by: self)
    }
    if ahead.file?.sha256 == nil { ahead.file?.sha256 = Self.sha256(of: input.path) }
    if !XLSXReader.looksLikeXLSX(path: input.path) {
      var info = stat()
      if stat(input.path, &info) == 0 { ahead.bytesRead = Int(info.st_size) }
    }
    return ahead
  }

  /// The account of a file read ahead, its recording played into `sink`, when its reading stands in the
  /// run's order (see `importFiles`); `nil`, with nothing taken in, when the file is to be read again.
  func commit(_ ahead: HeldApartReading, displayPath: String, into sink: ImportSink) -> SourceFile? {
    guard let file = ahead.file else { return nil }
    // A file refused (whatever it delivered before the fault) stands as refused: no earlier file changes
    // that, and nothing of it is taken in.
    if file.status == .refused {
      ahead.stood = true
      return file
    }
    guard magnitudes.canAbsorb(ahead.magnitudes), deduplicator.takeInUnlessSeen(ahead.deduplicator, file: displayPath)
    else {
      ahead.recording.discard()  // not held while the file is read again
      return nil
    }
    magnitudes.absorb(ahead.magnitudes)
    ahead.recording.play(into: sink)
    ahead.stood = true
    return file
  }
}

/// How reading ahead went: threads used (0: none, one file at a time), files read ahead, of those the
/// ones whose reading stood (the others were read again in their turn), and those read in two halves
/// on two cores.
public struct ReadAheadTally: Sendable, Equatable {
  public var workers: Int
  public var readAhead = 0
  public var stood = 0
  public var inHalves = 0
}

/// A file's reading held apart from the run: its account, what it delivered, and the identities and
/// totals it met. Read ahead, on its own (as if no file came before it); or in its turn, against the
/// run's identities and totals so far (`FileImporter.importHeldApart`).
final class HeldApartReading: @unchecked Sendable {
  let deduplicator: Deduplicator
  let magnitudes: RunMagnitudes
  let recording = RecordingSink()
  var file: SourceFile?
  /// A CSV file's bytes, all read (a workbook's progress is told in rows only).
  var bytesRead: Int?
  /// True once its reading stood and was taken in, in its turn.
  var stood = false
  /// True when it was read in two halves on two cores (`SplitReading`).
  var readInHalves = false

  /// A file read ahead, on its own.
  init() {
    deduplicator = .forReadingAhead()
    magnitudes = RunMagnitudes()
  }

  /// A file read in its turn, held apart from `run` until it is read to its end.
  init(over run: FileImporter) {
    deduplicator = .holdingApart(over: run.deduplicator)
    magnitudes = run.magnitudes.copy()
  }

  /// Reads the file at `path` with `importer`'s profiles and settings into this reading.
  func read(
    _ path: String, displayPath: String, by importer: FileImporter, into sink: ImportSink? = nil,
    progress: FileImporter.Progress? = nil
  ) -> SourceFile {
    let apart = FileImporter(
      profiles: importer.profiles, settings: importer.settings, deduplicator: deduplicator, magnitudes: magnitudes)
    return apart.importRows(at: path, displayPath: displayPath, into: sink ?? recording, progress: progress)
  }
}

/// Takes what a reading delivers and keeps none of it (a file too large to hold, read once to see that
/// it reads to its end).
final class DiscardingSink: ImportSink {
  func accept(_ line: SaleLine) {}
  func accept(_ entry: CostEntry) {}
  func accept(_ line: SpendLine) {}
  func reject(_ rejection: Rejection) {}
}

/// What an import delivered, in order, to be played into the run's sink later.
///
/// One list per kind of item and the order of the kinds: an item is played where it lies in its list.
/// (Copying it out of an enum case, as before, retained each of its texts only to release it again.)
final class RecordingSink: ImportSink {
  private enum Kind: UInt8 {
    case sale, cost, spend, rejection
  }
  private var order: [Kind] = []
  private var sales: [SaleLine] = []
  private var costs: [CostEntry] = []
  private var spend: [SpendLine] = []
  private var rejections: [Rejection] = []
  /// What was recorded after this, elsewhere (a file's second half read on another core).
  private var then: RecordingSink?

  /// Plays `next`'s items after this one's.
  func append(_ next: RecordingSink) {
    if let then { then.append(next) } else { then = next }
  }

  func accept(_ line: SaleLine) {
    order.append(.sale)
    sales.append(line)
  }
  func accept(_ entry: CostEntry) {
    order.append(.cost)
    costs.append(entry)
  }
  func accept(_ line: SpendLine) {
    order.append(.spend)
    spend.append(line)
  }
  func reject(_ rejection: Rejection) {
    order.append(.rejection)
    rejections.append(rejection)
  }

  func discard() {
    order = []
    sales = []
    costs = []
    spend = []
    rejections = []
    then?.discard()
    then = nil
  }

  func play(into sink: ImportSink) {
    var next = (sale: 0, cost: 0, spend: 0, rejection: 0)
    for kind in order {
      switch kind {
      case .sale:
        sink.accept(sales[next.sale])
        next.sale += 1
      case .cost:
        sink.accept(costs[next.cost])
        next.cost += 1
      case .spend:
        sink.accept(spend[next.spend])
        next.spend += 1
      case .rejection:
        sink.reject(rejections[next.rejection])
        next.rejection += 1
      }
    }
    then?.play(into: sink)
    discard()
  }
}

/// Worker threads reading a run's files ahead of its turn. What they have read and not yet handed over
/// is what the run holds in memory besides the ledger, so they stay within a few files and a budget of
/// input bytes ahead (a file larger than the budget is read ahead alone).
final class ReadAhead: @unchecked Sendable {
  /// Input bytes read ahead and not yet taken, at most (a workbook's bytes count twice: compressed).
  static let bytesAhead = 192 << 20
  /// Files read ahead and not yet taken, at most: a few per worker, so that a large file being taken in
  /// does not leave the workers idle behind it (files come large and small by turns).
  static func filesAhead(workers: Int) -> Int { 2 * workers }

  private let importer: FileImporter
  private let inputs: [ImportInput]
  /// Whether each file is read ahead: a regular file within `ImportSettings.largestHeldApart`.
  private let readsAhead: [Bool]
  /// Whether each file read ahead is read in two halves (`SplitReading`): a CSV file (not a workbook)
  /// of at least `ImportSettings.splitFrom` bytes. Only the first half tells whether it is one of sales.
  private let splits: [Bool]
  /// What each file's reading ahead holds, in input bytes (0 for a file not read ahead).
  private let weights: [Int]
  private let limit: Int
  private let state = NSCondition()
  private var next = 0
  private var claimedFiles = 0
  private var claimedBytes = 0
  private var results: [Int: HeldApartReading] = [:]
  private let ready: [DispatchSemaphore]
  /// Files being read ahead now, and tasks offered by them (`SplitReading`) not yet taken.
  private var reading = 0
  private var tasks: [@Sendable () -> Void] = []

  init(importer: FileImporter, inputs: [ImportInput], workers: Int) {
    self.importer = importer
    self.inputs = inputs
    let measured = inputs.map { FileImporter.heldApartWeight($0.path) }
    readsAhead = measured.map { $0.map { $0 <= importer.settings.largestHeldApart } ?? false }
    weights = zip(measured, readsAhead).map { weight, read in read ? weight ?? 0 : 0 }
    let reads = readsAhead
    splits = inputs.indices.map { i in
      reads[i] && (measured[i] ?? 0) >= importer.settings.splitFrom && !XLSXReader.looksLikeXLSX(path: inputs[i].path)
    }
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
      // A task offered (a file's second half) comes first: the run waits for that file before the next.
      // The next file is claimed when there is room for it, and always when nothing is ahead (the run's
      // turn may be waiting for it). With no file left, a thread stays while files are being read: they
      // may still offer a task.
      while tasks.isEmpty,
        next < inputs.count
          ? claimedFiles > 0 && (claimedFiles >= limit || claimedBytes + weights[next] > Self.bytesAhead)
          : reading > 0
      {
        state.wait()
      }
      if !tasks.isEmpty {
        let task = tasks.removeFirst()
        state.unlock()
        task()
        continue
      }
      let i = next
      var split: SplitReading?
      if i < inputs.count {
        next += 1
        claimedFiles += 1
        claimedBytes += weights[i]
        reading += 1
        if splits[i] {
          // Its second half is offered as it is claimed, so that the next thread free takes it before
          // claiming a file after it.
          let half = SplitReading(path: inputs[i].path, importer: importer)
          tasks.append { half.readSecondHalf() }
          state.broadcast()
          split = half
        }
      }
      state.unlock()
      guard i < inputs.count else { return }
      let result = readsAhead[i] ? importer.readAhead(inputs[i], split: split) : nil
      state.lock()
      results[i] = result
      reading -= 1
      state.broadcast()
      state.unlock()
      ready[i].signal()
    }
  }

  /// Claims no more files (the run has taken its last, or stopped): the threads end once no file is being
  /// read (a file being read may still offer its second half).
  func stop() {
    state.lock()
    next = inputs.count
    state.broadcast()
    state.unlock()
  }

  /// The file read ahead for turn `i`, waiting for it; `nil` when it was not read ahead.
  func take(_ i: Int) -> HeldApartReading? {
    ready[i].wait()
    state.lock()
    let result = results.removeValue(forKey: i)
    claimedFiles -= 1
    claimedBytes -= weights[i]
    state.broadcast()
    state.unlock()
    return result
  }

}
