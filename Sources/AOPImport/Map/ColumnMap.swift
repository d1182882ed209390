import AOPRows

/// A profile's fields resolved against one file's header row: field → column index.
struct ColumnMap: Sendable {
  /// The header as found (normalised), by column index.
  let headers: [String]
  let index: FieldIndex
  let fallbackIndex: FieldIndex
  let skipIfPresent: [Int]

  /// The header's column positions by name; of two equal names the first wins.
  static func positions(of headers: [String]) -> [String: Int] {
    var positions: [String: Int] = [:]
    for (i, h) in headers.enumerated() where positions[h] == nil { positions[h] = i }
    return positions
  }

  /// Resolves `profile` against `headers` (`positions`: theirs, when already known), or returns what is
  /// missing.
  static func resolve(_ profile: Profile, headers: [String], positions known: [String: Int]? = nil) -> Result<
    ColumnMap, Mismatch
  > {
    let positions = known ?? positions(of: headers)
    var missing: [String] = profile.signature.filter { positions[$0] == nil }
    var index = FieldIndex()
    for (field, aliases) in profile.columns.sorted(by: { $0.key < $1.key }) {
      if let hit = aliases.lazy.compactMap({ positions[$0] }).first {
        index[field] = hit
      } else if !profile.optionalFields.contains(field) {
        missing.append(aliases.count == 1 ? aliases[0] : aliases.joined(separator: " | "))
      }
    }
    guard missing.isEmpty else { return .failure(Mismatch(missing: Array(Set(missing)).sorted())) }
    var fallbackIndex = FieldIndex()
    for (field, aliases) in profile.fallbacks {
      if let hit = aliases.lazy.compactMap({ positions[$0] }).first { fallbackIndex[field] = hit }
    }
    return .success(
      ColumnMap(
        headers: headers, index: index, fallbackIndex: fallbackIndex,
        skipIfPresent: profile.skipIfPresent.compactMap { positions[$0] }))
  }

  struct Mismatch: Error, Hashable {
    var missing: [String]
  }

  /// The header name of a field's column, for messages.
  func header(of field: Field) -> String? { index[field].map { headers[$0] } }
}
