/// A row that could not be accepted: a value, reported and counted, never thrown.
public struct Rejection: Hashable, Sendable, Codable {
  public var source: SourceRef
  /// The column concerned (its header as found in the file), when one is.
  public var column: String?
  public var reason: String
  /// The row as it stands in the file (its fields joined by the delimiter, or the raw bytes).
  public var rawText: String

  public init(source: SourceRef, column: String?, reason: String, rawText: String) {
    self.source = source
    self.column = column
    self.reason = reason
    self.rawText = rawText
  }
}
