/// The account of one input file: every row read is accepted, rejected, a duplicate or skipped by a rule.
public struct FileTally: Hashable, Sendable, Codable {
  /// Rows read, header and preamble included; records whose cells are all empty are not rows.
  public var read = 0
  public var accepted = 0
  public var rejected = 0
  public var duplicates = 0
  /// Rows skipped by a rule: the header, preamble and footer lines, cancelled orders, alternate units.
  public var skipped = 0

  public init() {}

  public init(read: Int, accepted: Int, rejected: Int, duplicates: Int, skipped: Int) {
    self.read = read
    self.accepted = accepted
    self.rejected = rejected
    self.duplicates = duplicates
    self.skipped = skipped
  }

  /// True when every row read is accounted for.
  public var balances: Bool { read == accepted + rejected + duplicates + skipped }

  /// Adds another account's rows to this one (files added up, or a file's two halves joined).
  public static func += (a: inout FileTally, b: FileTally) {
    a.read += b.read
    a.accepted += b.accepted
    a.rejected += b.rejected
    a.duplicates += b.duplicates
    a.skipped += b.skipped
  }
}
