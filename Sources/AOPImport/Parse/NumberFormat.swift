/// How a source writes numbers: its decimal mark and thousands mark, decided per profile (never per cell:
/// `1.234` is 1234 in a Vietnamese export and 1.234 in an English one).
public struct NumberFormat: Hashable, Sendable {
  public var decimalMark: UInt8
  /// `nil` when the source writes no thousands separator.
  public var thousandsMark: UInt8?
  /// Currency signs or codes besides the usual ones (`SGD`).
  public var extraSymbols: [[UInt8]]

  public init(decimalMark: UInt8, thousandsMark: UInt8?, extraSymbols: [[UInt8]] = []) {
    self.decimalMark = decimalMark
    self.thousandsMark = thousandsMark
    self.extraSymbols = extraSymbols
  }

  /// `1234.56`, `1,234.56`.
  public static let english = NumberFormat(decimalMark: UInt8(ascii: "."), thousandsMark: UInt8(ascii: ","))
  /// `1.234.567`, `1.234,5`.
  public static let vietnamese = NumberFormat(decimalMark: UInt8(ascii: ","), thousandsMark: UInt8(ascii: "."))

  /// How spreadsheets store numbers: `.` decimal mark, no grouping (a numeric cell in an .xlsx).
  public static let canonical = NumberFormat(decimalMark: UInt8(ascii: "."), thousandsMark: nil)

  /// An example of the form, for messages.
  public var example: String {
    let t = thousandsMark.map { String(UnicodeScalar($0)) } ?? ""
    let d = String(UnicodeScalar(decimalMark))
    return "1\(t)234\(t)567\(d)89"
  }

  /// Why a number could not be read.
  public enum Failure: Error, Hashable, Sendable {
    case empty
    case notANumber
    case badGrouping
    case tooLarge
  }

  /// Parses a number from the bytes of a field, without making a `String`.
  ///
  /// Accepts surrounding spaces (also U+00A0), a leading `-` or `+`, an accounting `(…)` negative, a
  /// currency sign `₫`, `đ`, `$` or the code `VND` before or after, thousands marks in groups of three,
  /// and a decimal part. Anything else fails.
  public func parse(_ field: ArraySlice<UInt8>) -> Result<DecimalNumber, Failure> {
    var s = field.startIndex
    var e = field.endIndex
    func trim() {
      while s < e {
        if field[s] == 0x20 || field[s] == 0x09 {
          s += 1
        } else if field[s] == 0xC2, s + 1 < e, field[s + 1] == 0xA0 {
          s += 2
        } else {
          break
        }
      }
      while e > s {
        if field[e - 1] == 0x20 || field[e - 1] == 0x09 {
          e -= 1
        } else if e - 2 >= s, field[e - 2] == 0xC2, field[e - 1] == 0xA0 {
          e -= 2
        } else {
          break
        }
      }
    }
    func strip(_ symbol: [UInt8]) {
      if e - s >= symbol.count, field[s..<(s + symbol.count)].elementsEqual(symbol) {
        s += symbol.count
        trim()
      }
      if e - s >= symbol.count, field[(e - symbol.count)..<e].elementsEqual(symbol) {
        e -= symbol.count
        trim()
      }
    }
    func isDigit(_ b: UInt8?) -> Bool { b.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
    func stripSymbol() {
      // Most amounts begin and end with a digit, where no sign can be (unless a profile's own does).
      if s < e, isDigit(field[s]), isDigit(field[e - 1]),
        !extraSymbols.contains(where: { isDigit($0.first) || isDigit($0.last) })
      {
        return
      }
      for symbol in NumberFormat.currencySymbols { strip(symbol) }
      for symbol in extraSymbols { strip(symbol) }
    }
    trim()
    guard s < e else { return .failure(.empty) }
    var negative = false
    if field[s] == UInt8(ascii: "("), field[e - 1] == UInt8(ascii: ")") {
      negative = true
      s += 1
      e -= 1
      trim()
    }
    stripSymbol()
    if s < e, field[s] == UInt8(ascii: "-") || field[s] == UInt8(ascii: "+") {
      negative = negative != (field[s] == UInt8(ascii: "-"))
      s += 1
      trim()
      stripSymbol()
    }
    guard s < e else { return .failure(.notANumber) }

    var significand: Int64 = 0
    var scale = 0
    var digitsInGroup = 0
    var sawThousands = false
    var sawDecimal = false
    var anyDigit = false
    var i = s
    while i < e {
      let b = field[i]
      if b >= 0x30, b <= 0x39 {
        let (m, o1) = significand.multipliedReportingOverflow(by: 10)
        let (a, o2) = m.addingReportingOverflow(Int64(b - 0x30))
        if o1 || o2 { return .failure(.tooLarge) }
        significand = a
        anyDigit = true
        if sawDecimal { scale += 1 } else { digitsInGroup += 1 }
        if !sawDecimal, sawThousands, digitsInGroup > 3 { return .failure(.badGrouping) }
      } else if b == decimalMark, !sawDecimal {
        if sawThousands, digitsInGroup != 3 { return .failure(.badGrouping) }
        sawDecimal = true
      } else if let t = thousandsMark, b == t, !sawDecimal {
        // The first group has 1–3 digits, every later one exactly 3.
        if (!sawThousands && (digitsInGroup < 1 || digitsInGroup > 3)) || (sawThousands && digitsInGroup != 3) {
          return .failure(.badGrouping)
        }
        sawThousands = true
        digitsInGroup = 0
      } else {
        return .failure(.notANumber)
      }
      i += 1
    }
    guard anyDigit else { return .failure(.notANumber) }
    if sawThousands, !sawDecimal, digitsInGroup != 3 { return .failure(.badGrouping) }
    return .success(DecimalNumber(significand: negative ? -significand : significand, scale: scale))
  }

  /// A spreadsheet's numeric cell (`150000`, `0.015`, `1.5E-2`, `9.2233720368547758E+18`), rounded to
  /// `scale` decimals: the noise digits of binary floating point go, an exponent is applied exactly.
  public static func spreadsheetCell(_ field: ArraySlice<UInt8>, roundedTo scale: Int) -> Result<DecimalNumber, Failure>
  {
    guard let e = field.firstIndex(where: { $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "e") }) else {
      return canonical.parse(field).map { $0.rounded(toScale: scale) }
    }
    guard case .success(let mantissa) = canonical.parse(field[..<e]) else { return .failure(.notANumber) }
    var rest = field[(e + 1)...]
    var negativeExponent = false
    if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
      negativeExponent = sign == UInt8(ascii: "-")
      rest = rest.dropFirst()
    }
    guard !rest.isEmpty, rest.count <= 4, rest.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
      return .failure(.notANumber)
    }
    let exponent = rest.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    if negativeExponent {
      // Far below the smallest unit kept: zero.
      guard mantissa.scale + exponent <= 40 else { return .success(DecimalNumber(significand: 0, scale: 0)) }
      return .success(
        DecimalNumber(significand: mantissa.significand, scale: mantissa.scale + exponent).rounded(toScale: scale))
    }
    var n = mantissa
    for _ in 0..<exponent {
      if n.scale > 0 {
        n.scale -= 1
      } else {
        let (m, overflow) = n.significand.multipliedReportingOverflow(by: 10)
        guard !overflow else { return .failure(.tooLarge) }
        n.significand = m
      }
    }
    return .success(n.rounded(toScale: scale))
  }

  static let currencySymbols: [[UInt8]] = [Array("₫".utf8), Array("VND".utf8), Array("đ".utf8), Array("$".utf8)]
}
