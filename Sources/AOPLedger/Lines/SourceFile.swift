/// One input file as the run saw it: which profile read it, its tally and the revenue it contributed.
public struct SourceFile: Hashable, Sendable, Codable {
  public enum Status: String, Hashable, Sendable, Codable {
    /// Read with a profile (rows may still have been rejected).
    case read
    /// Not read: no profile matched, several did, or the file could not be opened or decoded.
    case refused
  }

  /// The path as given, relative to the folder the run was started from.
  public var path: String
  public var profile: String?
  public var kind: String?
  public var status: Status
  /// Why a refused file was refused; that a file copies another; that its profile does not use it.
  public var note: FileNote?
  /// The note in English (the console's and the JSON summary's words).
  public var message: String? { note?.description }
  /// Why the file was refused, if it was.
  public var refusal: FileRefusal? {
    if case .refused(let r) = note { return r }
    return nil
  }
  public var tally: FileTally
  /// Net revenue of the lines accepted from this file.
  public var revenue: Money
  /// Marketing spend of the lines accepted from this file.
  public var spend: Money
  /// Other expenses (not marketing) of the lines accepted from this file, counted toward their budget
  /// categories.
  public var expenses = Money.zero
  /// Purchase amounts of the cost lines accepted from this file (the purchasing budget's actual).
  public var purchases = Money.zero
  /// Where this file's duplicate rows were first seen, per earlier file.
  public var duplicatesOf: [DuplicateSummary] = []
  /// SHA-256 of the file's bytes, so a reader can tell which export exactly was read.
  public var sha256: String?
  /// Rows accepted although implausible (a date far from the plan's years, a quantity nobody sells),
  /// counted per kind: a warning for whoever reads the report, never silent.
  public var flags: [RowFlag] = []
  /// How the file's sale lines found their cost of goods, once the run's cost sources are all read
  /// (`aop check` counts it); `nil` where not counted.
  public var costing: CostingCounts?

  public init(
    path: String, profile: String?, kind: String?, status: Status, note: FileNote? = nil, tally: FileTally,
    revenue: Money = .zero, spend: Money = .zero
  ) {
    self.path = path
    self.profile = profile
    self.kind = kind
    self.status = status
    self.note = note
    self.tally = tally
    self.revenue = revenue
    self.spend = spend
  }
}

/// How many of a file's sale and return lines were costed, and how.
public struct CostingCounts: Hashable, Sendable, Codable {
  /// By the line's SKU, from a cost source.
  public var bySKU = 0
  /// By the product's name (a line without a known SKU, or an order's items all costed by name).
  public var byName = 0
  /// By the unit cost the line states itself.
  public var byLine = 0
  public var uncosted = 0

  public init() {}

  public mutating func count(_ costedBy: CostedBy, times n: Int = 1) {
    switch costedBy {
    case .sku: bySKU += n
    case .name: byName += n
    case .line: byLine += n
    case .none: uncosted += n
    }
  }
}

/// How one sale line found its cost of goods.
public enum CostedBy: Hashable, Sendable {
  case sku, name, line, none
}

/// Rows of one file accepted with the same warning: what is implausible, how many, and the first one.
public struct RowFlag: Hashable, Sendable, Codable, CustomStringConvertible {
  /// What is implausible about a row.
  public enum Kind: Hashable, Sendable, Codable {
    /// Dated more than a year outside the review's years (`from`…`to`).
    case farDate(from: Int, to: Int)
    /// More units than the config's limit.
    case largeQuantity(limit: Int)
    /// A quantity and an amount of opposite signs.
    case oppositeSigns
  }

  public var kind: Kind
  public var count: Int
  /// The first such row's line, and what it held (`2019-03-01`).
  public var firstLine: Int
  public var example: String

  public init(kind: Kind, count: Int, firstLine: Int, example: String) {
    self.kind = kind
    self.count = count
    self.firstLine = firstLine
    self.example = example
  }

  /// What is implausible, in English (`dated far from 2025–2026`).
  public var reason: String { kind.description }

  /// `3 rows dated far from 2025–2026 (first: line 12, 2019-03-01)`.
  public var description: String {
    "\(counted(count, "row")) \(reason) (first: line \(firstLine), \(example))"
  }
}

/// The rows of one file that repeat rows of an earlier file (overlapping exports).
public struct DuplicateSummary: Hashable, Sendable, Codable {
  /// The earlier file that has them.
  public var file: String
  public var count: Int
  /// One example: a line of this file and the line of `file` it repeats (both 0 for a whole copy).
  public var exampleLine: Int
  public var originalLine: Int

  public init(file: String, count: Int, exampleLine: Int, originalLine: Int) {
    self.file = file
    self.count = count
    self.exampleLine = exampleLine
    self.originalLine = originalLine
  }

  /// `12 rows repeat exports/2026-09/orders_export.csv (line 2 = line 130)`.
  public var description: String {
    "\(counted(count, "row")) repeat \(file) "
      + (exampleLine > 0 ? "(line \(exampleLine) = line \(originalLine))" : "(the same file, line for line)")
  }
}

extension Sequence where Element == SourceFile {
  /// The rows of all these files, added up.
  public var tally: FileTally {
    reduce(into: FileTally()) { $0 += $1.tally }
  }
}

extension RowFlag.Kind: CustomStringConvertible {
  public var description: String {
    switch self {
    case .farDate(let from, let to): return "dated far from \(from)–\(to)"
    case .largeQuantity(let limit): return "of more than \(limit) units"
    case .oppositeSigns: return "whose quantity and amount have opposite signs"
    }
  }
}
