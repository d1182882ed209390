import AOPTestSupport
import Foundation
import Testing

/// A small .xlsx whose shared strings inflate to 300 MB is read in bounded memory: only the strings its
/// sheet uses are kept (the whole part used to be held, some 940 MB).
@Suite struct XLSXMemoryTests {
  @Test func aWorkbookWhoseSharedStringsInflateTo300MBIsReadInUnder150MB() throws {
    let shop = try TemporaryFolder()
    let book = shop.path("exports/bomb.xlsx")
    try FileManager.default.createDirectory(
      at: shop.url.appendingPathComponent("exports"), withIntermediateDirectories: true)
    let made = try run(
      URL(fileURLWithPath: "/usr/bin/python3"),
      [repositoryRoot.appendingPathComponent("Tests/Tools/shared_strings_bomb.py").path, book])
    #expect(made.status == 0, "\(made.stderr)")
    let size = try #require(try FileManager.default.attributesOfItem(atPath: book)[.size] as? NSNumber).intValue
    #expect(size < 12_000_000)
    try shop.write(
      "aop.toml",
      """
      plan = "\(Samples.folder.appendingPathComponent("plan-2026.toml").path)"
      inputs = ["exports"]
      [baseline]
      file = "\(Samples.folder.appendingPathComponent("baseline/baseline-2025.csv").path)"
      [[channels]]
      id = "store"
      kind = "offline"
      [[channels]]
      id = "shopee"
      kind = "online"
      [[channels]]
      id = "web"
      kind = "online"
      """)
    let measured = try run(
      URL(fileURLWithPath: "/usr/bin/python3"),
      [
        repositoryRoot.appendingPathComponent("Tests/Tools/max_rss.py").path, aopBinary.path, "check", "-c", "aop.toml",
      ],
      in: shop.url)
    let result = try #require(try JSONSerialization.jsonObject(with: Data(measured.stdout.utf8)) as? [String: Int])
    #expect(result["status"] == 0, "\(measured.stderr)")
    #expect(measured.stderr.contains("exports/bomb.xlsx [generic-costs] read 11, accepted 10, rejected 0"))
    let peak = try #require(result["max_rss_kib"])
    #expect(peak < 150 * 1024, "peak memory \(peak / 1024) MiB")
  }
}
