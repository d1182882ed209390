import AOPLedger
import AOPRows
import Foundation

/// Where an import delivers what it accepts and rejects.
public protocol ImportSink: AnyObject {
  func accept(_ line: SaleLine)
  func accept(_ entry: CostEntry)
  func accept(_ line: SpendLine)
  func reject(_ rejection: Rejection)
}

/// What an import needs from the config.
public struct ImportSettings: Sendable {
  public var currency: Currency
  /// Channel ids the config defines.
  public var channels: Set<String>
  /// Profile id → channel id, overriding the profile's own channel.
  public var channelOverrides: [String: String]

  public init(currency: Currency, channels: Set<String>, channelOverrides: [String: String] = [:]) {
    self.currency = currency
    self.channels = channels
    self.channelOverrides = channelOverrides
  }
}

/// Reads export files into ledger lines: identify the profile → map each row → group orders and
/// allocate order discounts → de-duplicate → tally. A bad row is a `Rejection`; a file no profile
/// matches is refused whole; neither stops the run.
public struct FileImporter: Sendable {
  public let profiles: ProfileSet
  public let settings: ImportSettings
  public let deduplicator: Deduplicator

  public init(profiles: ProfileSet, settings: ImportSettings, deduplicator: Deduplicator = Deduplicator()) {
    self.profiles = profiles
    self.settings = settings
    self.deduplicator = deduplicator
  }

  /// Every profile's verdict on a file, reading only its first rows.
  /// - Throws: `ImportError.unreadable` when the file cannot be read.
  public func identify(path: String) throws -> Identification {
    var records: [RawRecord] = []
    let needed = profiles.recordsNeededToIdentify
    do {
      try RowSource.read(path: path) { event in
        if case .record(let r) = event { records.append(r) }
        if records.count >= needed { throw StopReading() }
      }
    } catch is StopReading {
    } catch let error as RowsError {
      throw ImportError.unreadable(file: path, reason: Self.describe(error))
    }
    return profiles.identify(records: records, fileName: (path as NSString).lastPathComponent)
  }

  /// Imports one file, delivering its lines and rejections to `sink`.
  /// - Parameters:
  ///   - path: where to read it.
  ///   - displayPath: how to name it in reports (relative to the run's folder).
  /// - Returns: the file's account; `status == .refused` with a message when it could not be read.
  public func importFile(at path: String, displayPath: String, into sink: ImportSink) -> SourceFile {
    let run = FileImport(importer: self, displayPath: displayPath, fileName: (path as NSString).lastPathComponent, sink: sink)
    do {
      try RowSource.read(path: path) { try run.handle($0) }
      try run.finish()
    } catch let refusal as ImportError {
      return run.refused(refusal)
    } catch let error as RowsError {
      return run.refused(.unreadable(file: displayPath, reason: Self.describe(error)))
    } catch {
      return run.refused(.unreadable(file: displayPath, reason: error.localizedDescription))
    }
    return run.result
  }

  private static func describe(_ error: RowsError) -> String {
    switch error {
    case .empty: return "the file is empty (no rows at all)"
    case .cannotOpen(_, let reason): return "cannot open: \(reason)"
    case .readFailed(_, let reason): return "read failed: \(reason)"
    case .unsupportedEncoding(_, let detail): return detail
    case .parserInit: return "could not initialise the CSV parser"
    case .notAWorkbook(_, let reason): return reason
    }
  }
}

struct StopReading: Error {}
