import AOPLedger

/// A date pattern such as `dd/MM/yyyy HH:mm` or `yyyy-MM-dd HH:mm:ss Z`, matched against the whole value.
///
/// Tokens: `yyyy` `yy` `MM` `M` `dd` `d` `HH` `H` `mm` `ss` (two digits; the one-letter forms take one or
/// two), `Z` a UTC offset (`+0700`, `+07:00`, `Z`), `MMM` an English month abbreviation (`Jan`); any other
/// character must appear as written. Only the calendar day is kept: the offset is checked, never applied,
/// so `2026-03-01 00:05:34 +0700` is 1 March whatever the machine's zone.
public struct DateFormat: Hashable, Sendable, CustomStringConvertible {
  enum Token: Hashable, Sendable {
    case year4, year2, month2, month1, monthName, day2, day1, hour2, hour1, minute2, second2, offset
    case literal(UInt8)
  }

  let tokens: [Token]
  public let pattern: String

  /// - Throws: `DateFormat.InvalidPattern` when the pattern has no year, month and day.
  public init(_ pattern: String) throws {
    self.pattern = pattern
    var tokens: [Token] = []
    let chars = Array(pattern.utf8)
    var i = 0
    func run(_ c: UInt8) -> Int {
      var n = 0
      while i + n < chars.count, chars[i + n] == c { n += 1 }
      return n
    }
    while i < chars.count {
      let c = chars[i]
      let n = run(c)
      switch (UnicodeScalar(c), n) {
      case ("y", 4): tokens.append(.year4)
      case ("y", 2): tokens.append(.year2)
      case ("M", 3): tokens.append(.monthName)
      case ("M", 2): tokens.append(.month2)
      case ("M", 1): tokens.append(.month1)
      case ("d", 2): tokens.append(.day2)
      case ("d", 1): tokens.append(.day1)
      case ("H", 2): tokens.append(.hour2)
      case ("H", 1): tokens.append(.hour1)
      case ("m", 2): tokens.append(.minute2)
      case ("s", 2): tokens.append(.second2)
      case ("Z", 1): tokens.append(.offset)
      case ("y", _), ("M", _), ("d", _), ("H", _), ("m", _), ("s", _), ("Z", _):
        throw InvalidPattern(
          pattern: pattern, reason: "`\(String(repeating: String(UnicodeScalar(c)), count: n))` is not a known token")
      default:
        for _ in 0..<n { tokens.append(.literal(c)) }
      }
      i += n
    }
    let has = { (set: [Token]) in tokens.contains { set.contains($0) } }
    guard has([.year4, .year2]), has([.month2, .month1, .monthName]), has([.day2, .day1]) else {
      throw InvalidPattern(pattern: pattern, reason: "a date pattern needs a year, a month and a day")
    }
    self.tokens = tokens
  }

  init(tokens: [Token], pattern: String) {
    self.tokens = tokens
    self.pattern = pattern
  }

  /// `yyyy-MM-dd`: how the workbook reader renders date cells.
  static let isoDay = DateFormat(
    tokens: [.year4, .literal(0x2D), .month2, .literal(0x2D), .day2], pattern: "yyyy-MM-dd")

  public struct InvalidPattern: Error, Hashable, Sendable {
    public var pattern: String
    public var reason: String
  }

  public var description: String { pattern }

  /// Parses the bytes of a field (surrounding spaces and tabs ignored); `nil` when they do not match
  /// the pattern or name no real day (31/02).
  public func parse(_ field: ArraySlice<UInt8>) -> Day? {
    var s = field.startIndex
    var e = field.endIndex
    while s < e, field[s] == 0x20 || field[s] == 0x09 { s += 1 }
    while e > s, field[e - 1] == 0x20 || field[e - 1] == 0x09 { e -= 1 }
    var i = s
    var year = 0, month = 0, day = 0

    func digits(min: Int, max: Int) -> Int? {
      var v = 0, n = 0
      while n < max, i < e, field[i] >= 0x30, field[i] <= 0x39 {
        v = v * 10 + Int(field[i] - 0x30)
        i += 1
        n += 1
      }
      return n >= min ? v : nil
    }

    for token in tokens {
      switch token {
      case .year4:
        guard let v = digits(min: 4, max: 4) else { return nil }
        year = v
      case .year2:
        guard let v = digits(min: 2, max: 2) else { return nil }
        year = 2000 + v
      case .month2:
        guard let v = digits(min: 2, max: 2) else { return nil }
        month = v
      case .month1:
        guard let v = digits(min: 1, max: 2) else { return nil }
        month = v
      case .day2:
        guard let v = digits(min: 2, max: 2) else { return nil }
        day = v
      case .day1:
        guard let v = digits(min: 1, max: 2) else { return nil }
        day = v
      case .hour2: guard let v = digits(min: 2, max: 2), v < 24 else { return nil }
      case .hour1: guard let v = digits(min: 1, max: 2), v < 24 else { return nil }
      case .minute2: guard let v = digits(min: 2, max: 2), v < 60 else { return nil }
      case .second2: guard let v = digits(min: 2, max: 2), v < 61 else { return nil }
      case .monthName:
        guard e - i >= 3 else { return nil }
        let name = String(decoding: field[i..<(i + 3)], as: UTF8.self).lowercased()
        guard let index = DateFormat.monthNames.firstIndex(of: name) else { return nil }
        month = index + 1
        i += 3
      case .offset:
        guard i < e else { return nil }
        if field[i] == UInt8(ascii: "Z") {
          i += 1
          continue
        }
        guard field[i] == UInt8(ascii: "+") || field[i] == UInt8(ascii: "-") else { return nil }
        i += 1
        guard let h = digits(min: 2, max: 2), h <= 14 else { return nil }
        if i < e, field[i] == UInt8(ascii: ":") { i += 1 }
        guard let m = digits(min: 2, max: 2), m < 60 else { return nil }
      case .literal(let c):
        guard i < e, field[i] == c else { return nil }
        i += 1
      }
    }
    guard i == e else { return nil }
    return Day(year: year, month: month, day: day)
  }

  static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
}
