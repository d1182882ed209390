import AOPLedger
import Foundation

/// Why a whole file was refused (its rows are then not read; the run goes on with the other files).
public enum ImportError: Error, Hashable, LocalizedError {
  case noProfile(file: String, headersFound: [String])
  case ambiguousProfile(file: String, candidates: [String])
  case unreadable(file: String, FileRefusal)
  case unknownChannel(file: String, profile: String, channel: String)

  public var file: String {
    switch self {
    case .noProfile(let file, _), .ambiguousProfile(let file, _), .unreadable(let file, _),
      .unknownChannel(let file, _, _):
      return file
    }
  }

  /// The refusal as the file's report states it.
  public var refusal: FileRefusal {
    switch self {
    case .noProfile(let file, let headers):
      return .noProfile(file: file, headers: headers, garbled: headers.contains(where: Mojibake.looksGarbled))
    case .ambiguousProfile(_, let candidates): return .ambiguousProfile(candidates: candidates)
    case .unreadable(_, let refusal): return refusal
    case .unknownChannel(_, let profile, let channel): return .unknownChannel(profile: profile, channel: channel)
    }
  }

  public var errorDescription: String? { "\(file): \(refusal)" }
}

/// A file too large to hold apart read to its end once, then failed midway on its reading into the run
/// (it changed, or the disk failed, in between): what it had delivered cannot be taken back, so the run
/// stops and writes nothing.
public struct ExportChangedWhileRead: Error, Sendable, Hashable {
  public var file: String
  public var refusal: FileRefusal

  public init(file: String, refusal: FileRefusal) {
    self.file = file
    self.refusal = refusal
  }
}
