import Foundation
import Testing

@testable import AOPLedger

/// The CSV files the tool writes cannot run anything when opened in a spreadsheet, and say exactly what
/// they were given.
@Suite struct CSVFieldTests {
  @Test(arguments: [
    ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
    ("+SUM(A1)", "'+SUM(A1)"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"),
    ("\r=x", "\"'\r=x\""),
    ("'=x", "''=x"),
    ("''@x", "'''@x"),
    ("-150000", "-150000"),
    ("+12.5", "+12.5"),
    ("-", "'-"),
    ("-.5", "'-.5"),
    ("'quoted'", "'quoted'"),
    ("plain", "plain"),
    ("a,b", "\"a,b\""),
    ("say \"hi\"", "\"say \"\"hi\"\"\""),
    ("=a,b", "\"'=a,b\""),
    ("line\nbreak", "\"line\nbreak\""),
    ("", ""),
  ])
  func fieldsThatASpreadsheetWouldRunAreNeutralisedAndRestored(value: String, written: String) {
    #expect(CSVField.encode(value) == written)
    // A CSV reader removes the quotes; what is left restores to the value.
    var field = written
    if field.hasPrefix("\""), field.hasSuffix("\""), field.count >= 2 {
      field = String(field.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
    }
    #expect(CSVField.restored(field) == value)
  }

  @Test func nulBytesAreDropped() {
    #expect(CSVField.encode("a\0b") == "ab")
    #expect(CSVField.row(["x", "=1", "-1"]) == "x,'=1,-1")
  }
}
