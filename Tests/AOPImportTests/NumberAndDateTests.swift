import AOPLedger
import Testing

@testable import AOPImport

private func parse(_ text: String, _ format: NumberFormat) -> DecimalNumber? {
  try? format.parse(Array(text.utf8)[...]).get()
}

@Suite struct NumberFormatTests {
  @Test(arguments: [
    ("1.234.567", Int64(1_234_567), 0), ("150.000", 150_000, 0), ("1.234,5", 12345, 1), ("-1.000", -1000, 0),
    ("  90.000 ₫", 90000, 0), ("1.234.567 đ", 1_234_567, 0), ("0", 0, 0), ("(2.500)", -2500, 0), ("12", 12, 0),
  ])
  func vietnameseForms(text: String, significand: Int64, scale: Int) {
    #expect(parse(text, .vietnamese) == DecimalNumber(significand: significand, scale: scale))
  }

  @Test(arguments: [
    ("1,234.56", Int64(123_456), 2), ("150000.00", 15_000_000, 2), ("$172.45", 17245, 2), ("-$3.00", -300, 2),
    ("\"1,204\"".replacingOccurrences(of: "\"", with: ""), 1204, 0), ("62.10", 6210, 2), ("+5", 5, 0),
  ])
  func englishForms(text: String, significand: Int64, scale: Int) {
    #expect(parse(text, .english) == DecimalNumber(significand: significand, scale: scale))
  }

  @Test func wrongLocaleIsCaughtByGrouping() {
    // An English `150000.00` read as Vietnamese: `.` is a thousands mark, and 150000 is no group of 3.
    #expect(throws: NumberFormat.Failure.badGrouping) {
      try NumberFormat.vietnamese.parse(Array("150000.00".utf8)[...]).get()
    }
    // A Vietnamese `1.234.567` read as English: a second decimal mark is not a number.
    #expect(throws: NumberFormat.Failure.notANumber) {
      try NumberFormat.english.parse(Array("1.234.567".utf8)[...]).get()
    }
    #expect(throws: NumberFormat.Failure.badGrouping) { try NumberFormat.english.parse(Array("1,23".utf8)[...]).get() }
  }

  @Test func garbageIsNotANumber() {
    for text in ["abc", "12a", "-", "1..2", "₫"] {
      #expect(parse(text, .vietnamese) == nil, "\(text)")
    }
    #expect(throws: NumberFormat.Failure.empty) { try NumberFormat.english.parse(Array("   ".utf8)[...]).get() }
  }

  /// A profile's own currency signs, before or after the amount; one that ends or begins with a digit
  /// is still taken off an amount that begins and ends with digits.
  @Test func aProfilesOwnCurrencySigns() {
    let sgd = NumberFormat(
      decimalMark: UInt8(ascii: "."), thousandsMark: UInt8(ascii: ","), extraSymbols: [Array("SGD".utf8)])
    #expect(parse("SGD 1,234.50", sgd) == DecimalNumber(significand: 123_450, scale: 2))
    #expect(parse("1,234.50SGD", sgd) == DecimalNumber(significand: 123_450, scale: 2))
    #expect(parse("1,234.50 SGD", .english) == nil)
    let digits = NumberFormat(
      decimalMark: UInt8(ascii: "."), thousandsMark: nil, extraSymbols: [Array("2X".utf8), Array("Y9".utf8)])
    #expect(parse("2X15", digits) == DecimalNumber(significand: 15, scale: 0))
    #expect(parse("15Y9", digits) == DecimalNumber(significand: 15, scale: 0))
    #expect(parse("15", digits) == DecimalNumber(significand: 15, scale: 0))
  }

  @Test func minorUnitsAreExactOrRefused() {
    // 150000.00 VND is 150000 VND; 1.5 VND does not exist.
    #expect(DecimalNumber(significand: 15_000_000, scale: 2).minorUnits(digits: 0) == .success(150_000))
    #expect(DecimalNumber(significand: 15, scale: 1).minorUnits(digits: 0) == .failure(.tooManyDecimals))
    #expect(DecimalNumber(significand: 6210, scale: 2).minorUnits(digits: 2) == .success(6210))
    #expect(DecimalNumber(significand: 5, scale: 0).minorUnits(digits: 2) == .success(500))
    // 9.2 × 10^18 dollars in cents is beyond 64 bits: too large, not "too many decimals".
    #expect(
      DecimalNumber(significand: 9_200_000_000_000_000_000, scale: 0).minorUnits(digits: 2) == .failure(.tooLarge))
    #expect(DecimalNumber(significand: 10, scale: 1).integer == 1)
    #expect(DecimalNumber(significand: 15, scale: 1).integer == nil)
  }
}

@Suite struct DateFormatTests {
  private func day(_ text: String, _ pattern: String) throws -> Day? {
    try DateFormat(pattern).parse(Array(text.utf8)[...])
  }

  @Test func vietnameseDayFirst() throws {
    #expect(try day("05/03/2026 14:05", "dd/MM/yyyy HH:mm") == Day(year: 2026, month: 3, day: 5))
    #expect(try day("5/3/2026", "d/M/yyyy") == Day(year: 2026, month: 3, day: 5))
    #expect(try day("31/02/2026 10:00", "dd/MM/yyyy HH:mm") == nil)  // no such day
    #expect(try day("29/02/2024", "dd/MM/yyyy") == Day(year: 2024, month: 2, day: 29))  // leap year
    #expect(try day("29/02/2025", "dd/MM/yyyy") == nil)
  }

  @Test func offsetNeverMovesTheDay() throws {
    #expect(try day("2026-03-01 00:05:34 +0700", "yyyy-MM-dd HH:mm:ss Z") == Day(year: 2026, month: 3, day: 1))
    #expect(try day("2026-02-28 23:59:59 -0800", "yyyy-MM-dd HH:mm:ss Z") == Day(year: 2026, month: 2, day: 28))
    #expect(try day("2026-03-01 00:05:34 +07:00", "yyyy-MM-dd HH:mm:ss Z") == Day(year: 2026, month: 3, day: 1))
  }

  @Test func theWholeValueMustMatch() throws {
    #expect(try day("2026-03-01 10:00", "yyyy-MM-dd") == nil)
    #expect(try day("2026-03-01", "yyyy-MM-dd HH:mm") == nil)
    #expect(try day("03/01/2026", "yyyy-MM-dd") == nil)
    #expect(try day("2026-13-01", "yyyy-MM-dd") == nil)
    #expect(try day("2026-03-01 24:00", "yyyy-MM-dd HH:mm") == nil)
  }

  @Test func monthNamesAndTwoDigitYears() throws {
    #expect(try day("05 Jan 2024 14:23", "dd MMM yyyy HH:mm") == Day(year: 2024, month: 1, day: 5))
    #expect(try day("09/03/26", "MM/dd/yy") == Day(year: 2026, month: 9, day: 3))
  }

  @Test func badPatternsAreRefused() {
    #expect(throws: DateFormat.InvalidPattern.self) { try DateFormat("HH:mm") }
    #expect(throws: DateFormat.InvalidPattern.self) { try DateFormat("yyyyy-MM-dd") }
  }
}

@Suite struct HeaderNameTests {
  @Test func nfcTrimAndCollapseButKeepCase() {
    let decomposed = "Gia\u{0301} u\u{031B}u đa\u{0303}i"  // "Giá ưu đãi" in NFD
    #expect(HeaderName.normalize(decomposed).unicodeScalars.elementsEqual("Giá ưu đãi".unicodeScalars))
    #expect(HeaderName.normalize("\u{FEFF}  Mã  đơn hàng ") == "Mã đơn hàng")
    #expect(
      HeaderName.normalize("Tổng số tiền Người mua thanh toán")
        != HeaderName.normalize("Tổng số tiền người mua thanh toán"))
  }
}
