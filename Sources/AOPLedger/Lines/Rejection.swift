/// A row that could not be accepted: a value, reported and counted, never thrown.
public struct Rejection: Hashable, Sendable, Codable {
  public var source: SourceRef
  /// The column concerned (its header as found in the file), when one is.
  public var column: String?
  public var reason: RejectReason
  /// The row as it stands in the file (its fields joined by the delimiter, or the raw bytes).
  public var rawText: String

  public init(source: SourceRef, column: String?, reason: RejectReason, rawText: String) {
    self.source = source
    self.column = column
    self.reason = reason
    self.rawText = rawText
  }
}

/// The rejected rows of a run: every one counted, the first `limit` kept for the workbook and the
/// console. The complete list goes to the rejects CSV as the rows arrive, so a file of a million bad
/// rows still gives a report, in bounded memory.
public struct RejectedRows: Sendable, ExpressibleByArrayLiteral {
  /// How many rejected rows the workbook's sheet lists (the rejects CSV has them all).
  public static let keptLimit = 10_000

  public private(set) var kept: [Rejection] = []
  /// Every rejected row, kept or not.
  public private(set) var count = 0
  public let limit: Int

  public init(limit: Int = RejectedRows.keptLimit) { self.limit = limit }

  public init(arrayLiteral rows: Rejection...) {
    self.init()
    for row in rows { add(row) }
  }

  /// The most characters of a kept row's raw text (the rejects CSV has it whole), so that
  /// the rows kept take bounded memory however long the lines are.
  public static let keptTextLimit = 2_000

  public mutating func add(_ rejection: Rejection) {
    count += 1
    guard kept.count < limit else { return }
    var shortened = rejection
    shortened.rawText = Self.shortened(rejection.rawText)
    kept.append(shortened)
  }

  static func shortened(_ text: String) -> String {
    guard text.utf8.count > keptTextLimit else { return text }
    return String(text.prefix(keptTextLimit)) + " …[cut: the rejects CSV has it whole]"
  }

  /// Another run's rejected rows after these (counted all, kept up to the limit).
  public mutating func append(contentsOf other: RejectedRows) {
    kept += other.kept.prefix(max(0, limit - kept.count))
    count += other.count
  }

  /// Rows rejected beyond those kept.
  public var notKept: Int { count - kept.count }
  public var isEmpty: Bool { count == 0 }
}
