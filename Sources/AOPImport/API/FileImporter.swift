import AOPLedger
import AOPRows
import Foundation

/// Where an import delivers what it accepts and rejects.
public protocol ImportSink: AnyObject {
  func accept(_ line: SaleLine)
  func accept(_ entry: CostEntry)
  func accept(_ line: SpendLine)
  func reject(_ rejection: Rejection)
  /// A whole file was refused (no profile, several, unreadable); its rows were not read.
  func refused(_ file: SourceFile)
}

extension ImportSink {
  public func refused(_ file: SourceFile) {}
}

/// What an import needs from the config.
public struct ImportSettings: Sendable {
  public var currency: Currency
  /// Channel ids the config defines.
  public var channels: Set<String>
  /// Profile id → channel id, overriding the profile's own channel.
  public var channelOverrides: [String: String]
  /// The code page of CSV files that are not UTF-8 (and have no byte-order mark), if the shop has them.
  public var legacyEncoding: TextEncoding?
  /// Spend rows whose label matches a pattern (`*` and `?`, case ignored) go to its channel; first match wins.
  public var campaignChannels: [CampaignRule]
  /// Expense categories (prefixes) that are marketing, besides the profiles' own.
  public var marketingCategories: [String]
  /// The most input bytes (a workbook's counted twice) of a file whose reading is held apart from the
  /// run, its lines in memory, until it has read to its end — and so of a file read ahead. A larger file
  /// is read twice instead (`FileImporter.importHeldApart`).
  public var largestHeldApart = 256 << 20
  /// A CSV file of sales at least this large, read ahead, is read in two halves on two cores
  /// (`SplitReading`).
  public var splitFrom = 32 << 20
  /// For tests: the first half of a file read in two waits for a core to take the second, where it
  /// would read on alone when none has yet. (With as many files being split at once as reading threads,
  /// they would wait for each other: a test splits fewer.)
  var splitWaitsForSecondHalf = false
  /// Limits of the CSV reader (field and line length, fields per row).
  public var csvLimits = CSVOptions()
  /// The years of the review, from the baseline's to the plan's: a sale or spend dated more than a year
  /// outside them is flagged (`nil`: no such check).
  public var reviewYears: ClosedRange<Int>?
  /// A sale line of more units than this (either way) is flagged as implausible.
  public var implausibleQuantity = 10_000

  /// A campaign-name pattern and the channel its spend belongs to.
  public struct CampaignRule: Sendable, Hashable {
    public var pattern: String
    public var channel: String
    public init(pattern: String, channel: String) {
      self.pattern = pattern
      self.channel = channel
    }
  }

  public init(
    currency: Currency, channels: Set<String>, channelOverrides: [String: String] = [:],
    legacyEncoding: TextEncoding? = nil,
    campaignChannels: [CampaignRule] = [], marketingCategories: [String] = []
  ) {
    self.currency = currency
    self.channels = channels
    self.channelOverrides = channelOverrides
    self.legacyEncoding = legacyEncoding
    self.campaignChannels = campaignChannels
    self.marketingCategories = marketingCategories.map(HeaderName.normalize)
  }

  /// The channel a spend row's label sends it to, if a rule matches.
  func channel(forCampaign label: String) -> String? {
    campaignChannels.first { fnmatch($0.pattern.lowercased(), label.lowercased(), 0) == 0 }?.channel
  }
}

/// Reads export files into ledger lines: identify the profile → map each row → group orders and
/// allocate order discounts → de-duplicate → tally. A bad row is a `Rejection`; a file no profile
/// matches is refused whole; neither stops the run.
public struct FileImporter: Sendable {
  public let profiles: ProfileSet
  public let settings: ImportSettings
  public let deduplicator: Deduplicator
  /// The run's accepted amounts so far, kept within what can be added up exactly.
  public let magnitudes: RunMagnitudes

  public init(
    profiles: ProfileSet, settings: ImportSettings, deduplicator: Deduplicator = Deduplicator(),
    magnitudes: RunMagnitudes = RunMagnitudes()
  ) {
    self.profiles = profiles
    self.settings = settings
    self.deduplicator = deduplicator
    self.magnitudes = magnitudes
  }

  /// Every profile's verdict on a file, reading only its first rows.
  /// - Throws: `ImportError.unreadable` when the file cannot be read.
  public func identify(path: String) throws -> Identification {
    var last: Identification?
    for attempt in attempts(for: path) {
      var records: [RawRecord] = []
      let needed = profiles.recordsNeededToIdentify
      do {
        try RowSource.read(path: path, sheet: attempt.sheet, encoding: attempt.encoding, limits: settings.csvLimits) {
          event in
          if case .record(let r) = event { records.append(r) }
          if records.count >= needed { throw StopReading() }
        }
      } catch is StopReading {
      } catch RowsError.notUTF8 where attempt.encoding == nil {
        continue
      } catch RowsError.noSuchSheet where attempt.sheet != nil {
        continue
      } catch let error as RowsError {
        throw ImportError.unreadable(file: path, Self.refusal(error))
      }
      let found = attempt.profiles.identify(records: records, fileName: (path as NSString).lastPathComponent)
      if found.profile != nil { return found }
      last = found
    }
    return last ?? profiles.identify(records: [], fileName: (path as NSString).lastPathComponent)
  }

  /// One way to read a file: a code page for CSV, a sheet for a workbook, and the profiles that apply.
  struct Attempt {
    var encoding: TextEncoding?
    var sheet: String?
    var profiles: ProfileSet
  }

  /// The ways to read a file, in order. A workbook: its first sheet with the profiles that name no
  /// sheet, then each sheet a profile names, with those profiles. A CSV: as UTF-8 (or what its
  /// byte-order mark says) with every profile; then, if it is not UTF-8, in each code page the config
  /// or a profile names, with the profiles that expect that code page.
  func attempts(for path: String) -> [Attempt] {
    if XLSXReader.looksLikeXLSX(path: path) {
      var result = [
        Attempt(encoding: nil, sheet: nil, profiles: ProfileSet(profiles.profiles.filter { $0.sheet == nil }))
      ]
      var sheets: [String] = []
      for p in profiles.profiles { if let s = p.sheet, !sheets.contains(s) { sheets.append(s) } }
      for sheet in sheets {
        result.append(
          Attempt(encoding: nil, sheet: sheet, profiles: ProfileSet(profiles.profiles.filter { $0.sheet == sheet })))
      }
      return result
    }
    var result = [Attempt(encoding: nil, sheet: nil, profiles: profiles)]
    var codePages: [TextEncoding] = settings.legacyEncoding.map { [$0] } ?? []
    for p in profiles.profiles { if let e = p.encoding, !codePages.contains(e) { codePages.append(e) } }
    for page in codePages {
      let eligible = profiles.profiles.filter {
        $0.encoding == page || ($0.encoding == nil && page == settings.legacyEncoding)
      }
      result.append(Attempt(encoding: page, sheet: nil, profiles: ProfileSet(eligible)))
    }
    return result
  }

  /// Imports one file, delivering its lines and rejections to `sink`.
  /// - Parameters:
  ///   - path: where to read it.
  ///   - displayPath: how to name it in reports (relative to the run's folder).
  /// - Returns: the file's account; `status == .refused` with a message when it could not be read.
  /// How far the reading of a file has come: rows read, and for a CSV file its bytes read so far.
  public typealias Progress = (_ rows: Int, _ bytes: Int?) -> Void

  /// - Parameter progress: told every few thousand rows how far the reading has come.
  /// - Throws: `ExportChangedWhileRead` when a file too large to hold apart read to its end once and
  ///   then failed midway into the run (see `importHeldApart`).
  public func importFile(at path: String, displayPath: String, into sink: ImportSink, progress: Progress? = nil)
    throws(ExportChangedWhileRead) -> SourceFile
  {
    try importFile(at: path, displayPath: displayPath, into: sink, progress: progress, readAhead: nil)
  }

  /// `importFile`, taking the file's reading done ahead on another core when it stands (`importFiles`).
  func importFile(
    at path: String, displayPath: String, into sink: ImportSink, progress: Progress?, readAhead: HeldApartReading?
  ) throws(ExportChangedWhileRead) -> SourceFile {
    var info = stat()
    let size: UInt64? = stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? UInt64(info.st_size) : nil
    var file: SourceFile
    if let size, let (original, sha256) = deduplicator.earlierCopy(of: path, size: size) {
      file = Self.copy(of: original, at: displayPath, sha256: sha256)
      // A copy of a cost list says its costs again (the latest list's apply), adding nothing else.
      if original.kind == ProfileKind.costs.rawValue, original.status == .read {
        _ = try importHeldApart(at: path, displayPath: displayPath, into: CostsSaidAgain(next: sink))
      }
    } else if let readAhead, let read = commit(readAhead, displayPath: displayPath, into: sink) {
      file = read
      progress?(file.tally.read, readAhead.bytesRead)
    } else {
      file = try importHeldApart(at: path, displayPath: displayPath, into: sink, progress: progress)
      // A CSV file is hashed as it is imported; a workbook or a refused file is read once more for it.
      if file.sha256 == nil { file.sha256 = Self.sha256(of: path) }
    }
    if let size { deduplicator.recordFile(file, path: path, size: size) }
    if file.status == .refused { sink.refused(file) }
    return file
  }

  /// The account of a file whose bytes are an earlier file's: read by the same profile, every row it
  /// read is a duplicate (the header and preamble rows are still rows skipped by rule), nothing booked.
  static func copy(of original: SourceFile, at displayPath: String, sha256: String) -> SourceFile {
    let o = original.tally
    let rows = o.accepted + o.rejected + o.duplicates
    var file = SourceFile(
      path: displayPath, profile: original.profile, kind: original.kind, status: original.status,
      note: .copy(of: original.path, refusal: original.status == .refused ? original.refusal : nil),
      tally: original.status == .refused
        ? FileTally() : FileTally(read: o.read, accepted: 0, rejected: 0, duplicates: rows, skipped: o.skipped))
    if rows > 0, original.status == .read {
      file.duplicatesOf = [DuplicateSummary(file: original.path, count: rows, exampleLine: 0, originalLine: 0)]
    }
    file.sha256 = sha256
    return file
  }

  /// The file's SHA-256, read in chunks; `nil` when it cannot be read.
  static func sha256(of path: String) -> String? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    let hash = SHA256()
    while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty { hash.update(chunk) }
    return hash.hexDigest()
  }

  /// What holding a file's reading apart holds, in input bytes (a workbook's count twice: they are
  /// compressed); `nil` for what is not a regular file (missing, or a pipe: read once, held apart).
  static func heldApartWeight(_ path: String) -> Int? {
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    return Int(info.st_size) * (XLSXReader.looksLikeXLSX(path: path) ? 2 : 1)
  }

  /// Imports a file in its turn so that a fault midway (a workbook damaged after its first rows, a read
  /// error, a sheet too large) takes nothing of it into the run: the file is read held apart from the run
  /// (against its identities and totals so far, its lines recorded) and taken in only when it reads to
  /// its end. A file larger than `ImportSettings.largestHeldApart` is read through once keeping nothing,
  /// then again straight into the run; should that second reading fail after the first did not (the file
  /// changed or the disk failed in between), what it delivered cannot be taken back and the run stops.
  func importHeldApart(at path: String, displayPath: String, into sink: ImportSink, progress: Progress? = nil)
    throws(ExportChangedWhileRead) -> SourceFile
  {
    let apart = HeldApartReading(over: self)
    guard let weight = Self.heldApartWeight(path), weight > settings.largestHeldApart else {
      let file = apart.read(path, displayPath: displayPath, by: self, progress: progress)
      guard file.status == .read else { return file }
      deduplicator.takeIn(apart.deduplicator, file: displayPath)
      magnitudes.adopt(apart.magnitudes)
      apart.recording.play(into: sink)
      return file
    }
    let trial = apart.read(path, displayPath: displayPath, by: self, into: DiscardingSink(), progress: progress)
    guard trial.status == .read else { return trial }
    let file = importRows(at: path, displayPath: displayPath, into: sink, progress: progress)
    if file.status == .refused {
      guard case .refused(let refusal) = file.note else { preconditionFailure("a refused file without its refusal") }
      throw ExportChangedWhileRead(file: displayPath, refusal: refusal)
    }
    return file
  }

  func importRows(at path: String, displayPath: String, into sink: ImportSink, progress: Progress? = nil)
    -> SourceFile
  {
    let attempts = self.attempts(for: path)
    var refusal: SourceFile?
    for (n, attempt) in attempts.enumerated() {
      let run = FileImport(
        importer: self, profiles: attempt.profiles, displayPath: displayPath,
        fileName: (path as NSString).lastPathComponent, sink: sink)
      let more = n + 1 < attempts.count
      do {
        var rows = 0
        var bytes: Int?
        let sha256 = try RowSource.read(
          path: path, sheet: attempt.sheet, encoding: attempt.encoding, limits: settings.csvLimits,
          bytesRead: progress == nil ? nil : { bytes = $0 }
        ) { event in
          try run.handle(event)
          rows += 1
          if rows & 4095 == 0 { progress?(rows, bytes) }
        }
        try run.finish()
        var file = run.result
        file.sha256 = sha256
        return file
      } catch RowsError.notUTF8 where more {
        refusal = run.refused(.unreadable(file: displayPath, .notUTF8))
      } catch ImportError.noProfile(let file, let headers) where more {
        // Another code page or sheet may still fit; the first attempt's headers are the ones to report.
        refusal = refusal ?? run.refused(.noProfile(file: file, headersFound: headers))
      } catch RowsError.noSuchSheet(let path, let sheet, let sheets) where attempt.sheet != nil {
        // The workbook lacks the sheet this profile reads: not its format. (A sheet it has that fails
        // midway is that file's refusal, below: the next attempt never sees what it delivered.)
        if more { continue }
        return refusal
          ?? run.refused(
            .unreadable(
              file: displayPath, Self.refusal(RowsError.noSuchSheet(path: path, sheet: sheet, sheets: sheets))))
      } catch let error as ImportError {
        return run.refused(error)
      } catch let error as RowsError {
        return run.refused(.unreadable(file: displayPath, Self.refusal(error)))
      } catch {
        return run.refused(.unreadable(file: displayPath, .other(detail: error.localizedDescription)))
      }
    }
    return refusal
      ?? SourceFile(
        path: displayPath, profile: nil, kind: nil, status: .refused, note: .refused(.notUTF8),
        tally: FileTally())
  }

  /// A reader's error as the file's refusal.
  static func refusal(_ error: RowsError) -> FileRefusal {
    switch error {
    case .empty: return .empty
    case .cannotOpen(_, let reason): return .cannotOpen(detail: reason)
    case .readFailed(_, let reason): return .readFailed(detail: reason)
    case .parserInit: return .other(detail: "could not initialise the CSV parser")
    case .notAWorkbook(_, let reason): return .notAWorkbook(detail: reason)
    case .noSuchSheet(_, let sheet, let sheets):
      // Told as any unreadable workbook is: the reason, without the path.
      return .notAWorkbook(detail: RowsError.noSuchSheetReason(sheet, among: sheets))
    case .notUTF8: return .notUTF8
    case .protectedOrLegacyWorkbook: return .protectedOrLegacyWorkbook
    }
  }
}

struct StopReading: Error {}

/// Passes on only the costs a copied cost list says again; its rows are the original's, all counted
/// as duplicates (and its rejected rows were the original's too).
private final class CostsSaidAgain: ImportSink {
  let next: ImportSink
  init(next: ImportSink) { self.next = next }
  func accept(_ line: SaleLine) {}
  func accept(_ entry: CostEntry) {
    var again = entry
    again.purchaseAmount = nil
    again.isRepeat = true
    next.accept(again)
  }
  func accept(_ line: SpendLine) {}
  func reject(_ rejection: Rejection) {}
}
