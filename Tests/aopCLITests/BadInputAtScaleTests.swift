import AOPTestSupport
import Foundation
import Testing

/// Bad input at scale still gives a report: with a million rejected rows the workbook is written, its
/// rejected-rows sheet lists the first 10,000 and says how many more the rejects CSV has, which has them
/// all; every row is accounted for.
@Suite struct BadInputAtScaleTests {
  @Test func aMillionBadRowsStillGiveTheWorkbookAndACompleteRejectsFile() throws {
    let shop = try OneMonthShop()
    var text = "date,category,amount,channel,description\n"
    text.reserveCapacity(40_000_000)
    for i in 0..<1_000_000 { text += "2026-10-\(i % 20 + 10),Marketing,=1+\(i),web,bad \(i)\n" }
    try shop.folder.write("exports/2026-10/zz-expenses.csv", text)
    let (run, json) = try shop.review()
    #expect(run.status == 65, "\(run.stderr)")
    let file = try #require(json.file("exports/2026-10/zz-expenses.csv"))
    #expect(file["read"] as? Int == 1_000_001)
    #expect(file["rejected"] as? Int == 1_000_000)
    #expect((json["rows"] as? [String: Int])?["rejected"] == 1_000_001)  // with the sample's one bad row
    // The rejects CSV has every one, each with its file and line, the formula-like text neutralised.
    let rejects = try String(contentsOfFile: shop.folder.path("out/rejects-2026-10.csv"), encoding: .utf8)
    let lines = rejects.split(separator: "\n")
    #expect(lines.count == 1 + 1_000_001)
    #expect(
      lines.last
        == "exports/2026-10/zz-expenses.csv,1000001,amount,`=1+999999` is not a number like 1234567.89,\"2026-10-29,Marketing,=1+999999,web,bad 999999\""
    )
    // The workbook lists the first 10,000 and says where the rest are.
    let book = try WorkbookReadBack(path: shop.folder.path("out/review-2026-10.xlsx"))
    let sheet = try #require(book.sheets["Rejected rows"])
    let listed = sheet.keys.filter { $0.hasPrefix("B") && Int($0.dropFirst()) ?? 0 > 3 && sheet[$0]?.number != nil }
      .count
    #expect(listed == 10_000)
    #expect(
      sheet.values.contains {
        $0.value
          == "990001 more rejected rows are not listed here (the first 10000 are): rejects-2026-10.csv beside this workbook has every one."
      })
  }
}
