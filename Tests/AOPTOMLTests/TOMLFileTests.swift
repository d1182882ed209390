import Foundation
import Testing

@testable import AOPTOML

/// The TOML reader on its own, with a small file type of its own: every failure is a `TOMLFileError`
/// naming the file, the 1-based line and the key, whatever reads the file afterwards.
@Suite struct TOMLFileTests {
  struct Shop: Decodable, Equatable {
    struct Channel: Decodable, Equatable {
      var id: String
      var share: Double?
    }
    var name: String
    var year: Int
    var channels: [Channel]
  }

  func error(_ text: String) -> TOMLFileError? {
    do {
      _ = try TOMLFile.decode(Shop.self, text: text, shownAs: "shop.toml")
      return nil
    } catch let error as TOMLFileError {
      return error
    } catch {
      Issue.record("not a TOMLFileError: \(error)")
      return nil
    }
  }

  @Test func aGoodFileDecodesAndItsKeysAreLocated() throws {
    let text =
      "name = \"BabyCare\"\nyear = 2026\n\n[[channels]]\nid = \"store\"\n[[channels]]\nid = \"web\"\nshare = 0.4\n"
    let (shop, locator) = try TOMLFile.decode(Shop.self, text: text, shownAs: "shop.toml")
    #expect(shop == Shop(name: "BabyCare", year: 2026, channels: [.init(id: "store"), .init(id: "web", share: 0.4)]))
    #expect(locator.line(of: "year") == 2)
    #expect(locator.line(of: "channels[1].share") == 8)
    #expect(locator.line(of: "channels[1].missing") == 6)  // the nearest enclosing table
  }

  @Test func theInlineTablesOfAnArrayAreLocatedLineByLine() {
    let text = """
      [[risks]]
      risk = "r"   # a comment with = and [ in it
      any = [
        { kpi = "gross_margin", threshold = "34.5%" },   # {not = a table}
        { kpi = "gross_margin", "threshold" = "35%", in_months = [{ months = [1, 2], threshold = "8%" }] },
      ]
      months = [1,
        2]
      after = "x"
      """
    let locator = TOMLLocator(text: text)
    #expect(locator.line(of: "risks[0].any") == 3)
    #expect(locator.line(of: "risks[0].any[0].threshold") == 4)
    #expect(locator.line(of: "risks[0].any[1]") == 5)
    #expect(locator.line(of: "risks[0].any[1].threshold") == 5)
    #expect(locator.line(of: "risks[0].any[1].in_months") == 5)
    #expect(locator.line(of: "risks[0].any[2]") == 3)  // no such element: the array's line
    #expect(locator.line(of: "risks[0].months") == 7)
    #expect(locator.line(of: "risks[0].after") == 9)  // the array closed on line 8
  }

  @Test func aSyntaxErrorNamesItsLine() {
    guard case .syntax(let file, let line, _)? = error("name = \"x\"\nyear = = 3\n") else {
      Issue.record("expected a syntax error")
      return
    }
    #expect(file == "shop.toml" && line == 2)
  }

  @Test func aMisspeltKeyIsRefusedWithItsLineAndTheKnownKey() {
    let text = "name = \"x\"\nyear = 2026\n[[channels]]\nid = \"store\"\nshrae = 0.3\n"
    #expect(
      error(text)
        == .invalidAt(
          file: "shop.toml", line: 5, key: "channels[0].shrae", problem: "unknown key; did you mean `share`?"))
  }

  @Test func aValueOfTheWrongTypeSaysWhatWasFound() {
    let text = "name = \"x\"\nyear = \"2026\"\nchannels = []\n"
    #expect(
      error(text)
        == .invalidAt(
          file: "shop.toml", line: 2, key: "year", problem: "expected a whole number, found the string \"2026\""))
  }

  @Test func aMissingFileIsUnreadable() {
    let url = URL(fileURLWithPath: "/nonexistent/shop.toml")
    #expect(throws: TOMLFileError.unreadable(file: "shown.toml", reason: "no such file")) {
      _ = try TOMLFile.decode(Shop.self, from: url, shownAs: "shown.toml")
    }
  }
}
