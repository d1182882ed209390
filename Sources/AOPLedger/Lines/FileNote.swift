/// What the report says about a whole file beside its tally: why it was refused, that it copies an
/// earlier file, or that its profile recognises it without using it. A value, so that each language says
/// it in its own words (the English here; the workbook's `Labels` has the Vietnamese).
public indirect enum FileNote: Hashable, Sendable, Codable, CustomStringConvertible {
  /// Recognised by a profile of kind `ignored`: its reason, and the Vietnamese one if the profile gives it.
  case notUsed(reason: String, vietnamese: String?)
  /// The same bytes as an earlier file (read once; every row of this one is a duplicate), and the
  /// earlier file's refusal when it was refused.
  case copy(of: String, refusal: FileRefusal?)
  case refused(FileRefusal)

  public var description: String {
    switch self {
    case .notUsed(let reason, _): return "not used: \(reason)"
    case .copy(let original, let refusal):
      return "a copy of \(original) (the same bytes)" + (refusal.map { ", refused like it: \($0)" } ?? "")
    case .refused(let refusal): return refusal.description
    }
  }
}

/// Why a whole file was not read (its rows are then not counted; the run goes on with the other files).
public enum FileRefusal: Hashable, Sendable, Codable, CustomStringConvertible {
  /// No profile's headers are on the file's header row; `garbled` when they look like UTF-8 decoded
  /// with the wrong code page.
  case noProfile(file: String, headers: [String], garbled: Bool)
  case ambiguousProfile(candidates: [String])
  case unknownChannel(profile: String, channel: String)
  case empty
  case noRows
  case notUTF8
  case protectedOrLegacyWorkbook
  /// A workbook the reader cannot take apart (its detail says where, in the reader's words).
  case notAWorkbook(detail: String)
  /// The system could not open or read the file (its detail is the system's message).
  case cannotOpen(detail: String)
  case readFailed(detail: String)
  case other(detail: String)

  public var description: String {
    switch self {
    case .noProfile(let file, let headers, let garbled):
      let shown = headers.isEmpty ? "(none)" : headers.map { "`\($0)`" }.joined(separator: ", ")
      if garbled {
        return
          "its headers look garbled (\(shown)): UTF-8 text was converted with the wrong encoding somewhere on its way; export the file again"
      }
      return
        "no import profile matches this file; its first row has the headers \(shown). Run `aop profiles \(file)` to see why each profile refused it; `aop profiles draft \(file)` drafts a profile for this format (docs/profiles.md)."
    case .ambiguousProfile(let candidates):
      return
        "several import profiles match this file (\(candidates.joined(separator: ", "))); make their `match.headers` tell them apart."
    case .unknownChannel(let profile, let channel):
      return
        "profile `\(profile)` books to channel `\(channel)`, which the config does not define; add it under [[channels]] or map the profile in [profile_channels]."
    case .empty: return "the file is empty (no rows at all)"
    case .noRows: return "the file has no rows to make a profile from"
    case .notUTF8: return Self.notUTF8Advice
    case .protectedOrLegacyWorkbook: return Self.protectedAdvice
    case .notAWorkbook(let detail), .other(let detail): return detail
    case .cannotOpen(let detail): return "cannot open: \(detail)"
    case .readFailed(let detail): return "read failed: \(detail)"
    }
  }

  /// What to do about a file that is not UTF-8.
  public static let notUTF8Advice =
    "the file is not UTF-8 text (an older Excel's \"Save as CSV\" writes Windows-1258 or Windows-1252); save it as \"CSV UTF-8\", or set `legacy_encoding` in the config (or `read.encoding` in its profile)"
  /// What to do about a workbook that cannot be opened.
  public static let protectedAdvice =
    "the file is a password-protected Excel workbook (or one in the old .xls format), which cannot be read; open it in Excel and save it as .xlsx without a password"
}
