import AOPRows
import Foundation

/// One profile's verdict on a file: does it match, and why (not).
public struct ProfileVerdict: Sendable, Hashable {
  public var profileID: String
  public var matches: Bool
  public var reason: String
}

/// What identification found in a file: the verdict of every profile, and the one that matched.
public struct Identification: Sendable {
  public var verdicts: [ProfileVerdict]
  /// The header names of the first non-blank record, as found (normalised).
  public var firstRecordHeaders: [String]
  public var profile: Profile?
  /// Index (among the file's first records) of the header row the matching profile uses.
  var headerRecord: Int
  var columns: ColumnMap?

  /// Every profile that matches; identification never guesses between several.
  public var matching: [String] { verdicts.filter(\.matches).map(\.profileID) }
}

extension ProfileSet {
  /// Checks every profile against the first records of a file (the header sits after each profile's
  /// preamble lines) and its file name.
  func identify(records: [RawRecord], fileName: String) -> Identification {
    var verdicts: [ProfileVerdict] = []
    var matched: [(Profile, Int, ColumnMap)] = []
    // The header row's names, normalised and placed once per row however many profiles read it there
    // (hashing a Vietnamese name normalises it again: each of the sixteen built-in profiles did so for
    // every header).
    var headersOf: [Int: (names: [String], positions: [String: Int])] = [:]
    func headers(_ row: Int) -> (names: [String], positions: [String: Int]) {
      if let known = headersOf[row] { return known }
      let names = records[row].fields.map(HeaderName.normalize)
      let found = (names, ColumnMap.positions(of: names))
      headersOf[row] = found
      return found
    }
    for profile in profiles {
      guard profile.preambleLines < records.count else {
        verdicts.append(
          ProfileVerdict(
            profileID: profile.id, matches: false, reason: "the file has fewer than \(profile.preambleLines + 1) rows"))
        continue
      }
      if let pattern = profile.fileNamePattern, fnmatch(pattern, fileName, 0) != 0 {
        verdicts.append(
          ProfileVerdict(profileID: profile.id, matches: false, reason: "file name does not match `\(pattern)`"))
        continue
      }
      let header = headers(profile.preambleLines)
      switch ColumnMap.resolve(profile, headers: header.names, positions: header.positions) {
      case .success(let map):
        verdicts.append(
          ProfileVerdict(
            profileID: profile.id, matches: true,
            reason: "all its headers are on line \(records[profile.preambleLines].line)"))
        matched.append((profile, profile.preambleLines, map))
      case .failure(let mismatch):
        let shown = mismatch.missing.prefix(4).map { "`\($0)`" }.joined(separator: ", ")
        verdicts.append(
          ProfileVerdict(
            profileID: profile.id, matches: false,
            reason: "missing \(shown)\(mismatch.missing.count > 4 ? " and \(mismatch.missing.count - 4) more" : "")"))
      }
    }
    let first = records.isEmpty ? [] : headers(0).names
    if matched.count == 1 {
      return Identification(
        verdicts: verdicts, firstRecordHeaders: first, profile: matched[0].0, headerRecord: matched[0].1,
        columns: matched[0].2)
    }
    return Identification(verdicts: verdicts, firstRecordHeaders: first, profile: nil, headerRecord: 0, columns: nil)
  }
}
