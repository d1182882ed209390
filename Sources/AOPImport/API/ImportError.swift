import Foundation

/// Why a whole file was refused (its rows are then not read; the run goes on with the other files).
public enum ImportError: Error, Hashable, LocalizedError {
  case noProfile(file: String, headersFound: [String])
  case ambiguousProfile(file: String, candidates: [String])
  case unreadable(file: String, reason: String)
  case unknownChannel(file: String, profile: String, channel: String)

  public var errorDescription: String? {
    switch self {
    case .noProfile(let file, let headers):
      let shown = headers.isEmpty ? "(none)" : headers.map { "`\($0)`" }.joined(separator: ", ")
      if headers.contains(where: Mojibake.looksGarbled) {
        return
          "\(file): its headers look garbled (\(shown)): UTF-8 text was converted with the wrong encoding somewhere on its way; export the file again"
      }
      return
        "\(file): no import profile matches this file; its first row has the headers \(shown). Run `aop profiles \(file)` to see why each profile refused it; `aop profiles draft \(file)` drafts a profile for this format (docs/profiles.md)."
    case .ambiguousProfile(let file, let candidates):
      return
        "\(file): several import profiles match this file (\(candidates.joined(separator: ", "))); make their `match.headers` tell them apart."
    case .unreadable(let file, let reason):
      return "\(file): \(reason)"
    case .unknownChannel(let file, let profile, let channel):
      return
        "\(file): profile `\(profile)` books to channel `\(channel)`, which the config does not define; add it under [[channels]] or map the profile in [profile_channels]."
    }
  }
}
