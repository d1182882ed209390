/// A calendar month (year and month 1–12).
public struct Month: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  public let year: Int
  public let month: Int

  /// Returns `nil` unless month is 1–12.
  public init?(year: Int, month: Int) {
    guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
    self.year = year
    self.month = month
  }

  init(uncheckedYear year: Int, month: Int) {
    self.year = year
    self.month = month
  }

  /// Parses `yyyy-MM`.
  public init?(text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
      let y = Int(parts[0]), let m = Int(parts[1])
    else { return nil }
    self.init(year: y, month: m)
  }

  public static func daysIn(year: Int, month: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

  public var dayCount: Int { Month.daysIn(year: year, month: month) }
  public var firstDay: Day { Day(ordinal: Day(year: year, month: month, day: 1).map(\.ordinal) ?? 0) }
  public var lastDay: Day { Day(ordinal: firstDay.ordinal + dayCount - 1) }

  /// The month before this one.
  public var previous: Month {
    month == 1 ? Month(uncheckedYear: year - 1, month: 12) : Month(uncheckedYear: year, month: month - 1)
  }
  /// The month after this one.
  public var next: Month {
    month == 12 ? Month(uncheckedYear: year + 1, month: 1) : Month(uncheckedYear: year, month: month + 1)
  }

  /// The months of `year`, January first.
  public static func allOf(year: Int) -> [Month] { (1...12).map { Month(uncheckedYear: year, month: $0) } }

  /// January to this month of the same year.
  public var yearToDate: [Month] { (1...month).map { Month(uncheckedYear: year, month: $0) } }

  public static func < (a: Month, b: Month) -> Bool { (a.year, a.month) < (b.year, b.month) }

  /// `yyyy-MM`.
  public var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }

  public init(from decoder: Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let m = Month(text: text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "not a yyyy-MM month: \(text)"))
    }
    self = m
  }
  public func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(description)
  }
}
