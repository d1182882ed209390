import AOPTestSupport
import Foundation
import Testing

@testable import AOPRows

/// A sheet row the reader cannot read right is rejected with its reason, never read as something else,
/// and the rows around it are read; a workbook it cannot read at all is refused as such.
@Suite struct XLSXFaultTests {
  let folder: TemporaryFolder
  init() throws { folder = try TemporaryFolder() }

  func events(_ path: String, limits: XLSXLimits = XLSXLimits()) throws -> [String] {
    var out: [String] = []
    try XLSXReader(path: path, limits: limits).read { event in
      switch event {
      case .record(let r): out.append("\(r.line): " + r.fields.joined(separator: "|"))
      case .malformed(let m): out.append("\(m.line): rejected: \(m.reason) <\(m.rawText)>")
      }
    }
    return out
  }

  func book(_ rows: String, shared: [String] = ["a", "b"]) throws -> String {
    let path = folder.path("\(UUID().uuidString).xlsx")
    try WorkbookBuilder.write(to: path, rows: rows, shared: shared)
    return path
  }

  static func row(_ n: Int, _ cells: String) -> String { "<row r=\"\(n)\">\(cells)</row>" }

  @Test(arguments: [
    (
      #"<c r="A2" t="s"><v>9999</v></c>"#,
      "cell A2 refers to shared string `9999`, which the workbook does not have (it has 2)"
    ),
    (
      #"<c r="A2" t="s"><v>-1</v></c>"#,
      "cell A2 refers to shared string `-1`, which the workbook does not have (it has 2)"
    ),
    (
      #"<c r="A2" t="s"><v>x</v></c>"#,
      "cell A2 refers to shared string `x`, which the workbook does not have (it has 2)"
    ),
    (#"<c r="XFE2"><v>1</v></c>"#, "cell XFE2 is beyond the sheet's last column (XFD)"),
    (#"<c r="A2"><v>1</v></c><c r="A2"><v>2</v></c>"#, "cell A2 is given twice, or out of order"),
    (#"<c r="B2"><v>1</v></c><c r="A2"><v>2</v></c>"#, "cell A2 is given twice, or out of order"),
    (#"<c r="a2"><v>1</v></c>"#, "`a2` is not a cell reference"),
    (#"<c r="A7"><v>1</v></c>"#, "cell A7 is inside row 2"),
  ])
  func aBadCellRejectsItsRowAndTheOthersAreRead(cells: String, reason: String) throws {
    let path = try book(
      Self.row(1, #"<c r="A1" t="s"><v>0</v></c>"#) + Self.row(2, cells) + Self.row(3, #"<c r="A3" t="s"><v>1</v></c>"#)
    )
    let out = try events(path)
    #expect(out.count == 3)
    #expect(out.first == "1: a")
    #expect(out[1].hasPrefix("2: rejected: \(reason) <"), "\(out[1])")
    #expect(out.last == "3: b")
  }

  @Test func rowsBeyondTheGridOrGivenAgainAreRejected() throws {
    let path = try book(
      Self.row(1, #"<c r="A1"><v>1</v></c>"#) + Self.row(3, #"<c r="A3"><v>3</v></c>"#)
        + Self.row(3, #"<c r="A3"><v>33</v></c>"#)
        + Self.row(2, #"<c r="A2"><v>2</v></c>"#) + Self.row(1_048_577, #"<c r="A1048577"><v>9</v></c>"#))
    #expect(
      try events(path) == [
        "1: 1", "3: 3", "3: rejected: row 3 comes again, or out of order, after row 3 <33>",
        "2: rejected: row 2 comes again, or out of order, after row 3 <2>",
        "1048577: rejected: row 1048577 is beyond the sheet's last row (1048576) <9>",
      ])
  }

  @Test func aCellOfMoreThanAMegabyteIsRejectedNotHeld() throws {
    // Text that does not compress much (or the zip-bomb check would refuse the file first).
    var big = ""
    while big.utf8.count <= 1 << 20 { big += UUID().uuidString }
    let path = try book(
      Self.row(1, "<c r=\"A1\" t=\"inlineStr\"><is><t>\(big)</t></is></c>") + Self.row(2, #"<c r="A2"><v>2</v></c>"#))
    let out = try events(path)
    #expect(out.first?.hasPrefix("1: rejected: cell A1 holds more than 1048576 bytes") == true)
    #expect(out.last == "2: 2")
  }

  @Test func aLargeSharedStringsPartKeepsOnlyWhatTheSheetUses() throws {
    // Forced into passes (as a part past 32 MiB is): the same rows, the same faults.
    let shared = (0..<5_000).map { "text \($0)" }
    let path = try book(
      Self.row(1, #"<c r="A1" t="s"><v>4999</v></c><c r="B1" t="s"><v>17</v></c>"#)
        + Self.row(2, #"<c r="A2" t="s"><v>5000</v></c>"#), shared: shared)
    var passes = XLSXLimits()
    passes.wholeSharedStringsBytes = 0
    let expected = [
      "1: text 4999|text 17",
      "2: rejected: cell A2 refers to shared string `5000`, which the workbook does not have (it has 5000) <>",
    ]
    #expect(try events(path) == expected)
    #expect(try events(path, limits: passes) == expected)
    // Past the limit of text kept, the workbook is refused as too large, not read in part.
    var small = XLSXLimits()
    small.maxSharedStringBytes = 1_000
    #expect {
      try events(path, limits: small)
    } throws: { error in
      guard case .notAWorkbook(_, let reason) = error as? RowsError else { return false }
      return reason.hasPrefix("the texts its sheet uses take more than 0 MiB: too large to read")
    }
    passes.maxSharedStringBytes = 20
    #expect(try events(path, limits: passes) == expected)  // two short strings kept: within 20 bytes
  }

  @Test func aPartWithACommentIsReadByTheFullScan() throws {
    // A comment could hide a tag-like text from the fast passes: they give way to the full scan.
    let path = try book(
      Self.row(1, #"<c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>2</v></c>"#),
      shared: ["a", "x</t><!-- <si><t>no</t></si> --><t>y", "b"])
    var passes = XLSXLimits()
    passes.wholeSharedStringsBytes = 0
    #expect(try events(path) == ["1: xy|b"])
    #expect(try events(path, limits: passes) == ["1: xy|b"])
  }

  @Test func aPasswordProtectedWorkbookIsRefusedAsSuch() throws {
    // What Excel writes for a workbook saved with a password: an OLE compound file around the package.
    let path = try folder.write(
      "locked.xlsx", bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504))
    #expect(throws: RowsError.protectedOrLegacyWorkbook(path: path)) { try RowSource.read(path: path) { _ in } }
    #expect(
      RowsError.protectedOrLegacyWorkbook(path: path).localizedDescription.contains(
        "save it as .xlsx without a password"))
  }

  @Test func oversizedSmallPartsAreRefused() throws {
    var limits = XLSXLimits()
    limits.maxSmallPartBytes = 100
    let path = try book(Self.row(1, #"<c r="A1"><v>1</v></c>"#))
    #expect {
      try events(path, limits: limits)
    } throws: { error in
      guard case .notAWorkbook(_, let reason) = error as? RowsError else { return false }
      return reason.contains("far more than such a part ever has")
    }
  }
}
