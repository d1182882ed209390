import AOPLedger
import AOPTestSupport
import Foundation
import Testing

@testable import AOPImport

@Suite struct ProfileLoadingTests {
  @Test func builtInProfilesLoad() throws {
    let ids = try ProfileSet.load().profiles.map(\.id).sorted()
    #expect(
      ids == [
        "generic-costs", "generic-expenses", "google-ads", "kiotviet-cash-book", "kiotviet-invoice-detail",
        "kiotviet-products",
        "kiotviet-purchase-detail", "lazada-orders", "meta-ads", "meta-ads-vi", "shopee-income", "shopee-orders",
        "shopify-orders", "shopify-products",
        "tiktok-shop-orders", "woocommerce-orders",
      ])
  }

  @Test func errorsNameTheFileAndTheKey() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write(
      "bad.toml",
      """
      id = "x"
      kind = "sales"
      channel = "web"
      [match]
      headers = ["a"]
      [columns]
      order_id = "a"
      date = "b"
      sku = "c"
      quantity = "d"
      line_net = "e"
      colour = "f"
      [identity]
      fields = ["order_id"]
      """)
    #expect(
      throws: ProfileError.invalid(
        file: path, key: "columns.colour",
        problem:
          "not a field of a sales profile; known: channel, date, items, line_discount, line_id, line_net, order_discount, order_id, product_group, product_name, quantity, returned_quantity, sku, status, unit_cost, unit_price"
      )
    ) {
      try Profile.load(from: URL(fileURLWithPath: path))
    }
    let missing = try folder.write(
      "missing.toml", "id = \"y\"\nkind = \"costs\"\n[match]\nheaders = [\"a\"]\n[columns]\nsku = \"a\"\n")
    #expect(
      throws: ProfileError.invalid(
        file: missing, key: "columns.unit_cost", problem: "missing: a costs profile must map unit_cost")
    ) {
      try Profile.load(from: URL(fileURLWithPath: missing))
    }
    let syntax = try folder.write("syntax.toml", "id = \"z\"\nkind = \n")
    #expect {
      try Profile.load(from: URL(fileURLWithPath: syntax))
    } throws: { error in
      if case .syntax(let file, let line, _) = error as? ProfileError { return file == syntax && line == 2 }
      return false
    }
  }

  @Test func aMisspeltProfileKeyIsAnErrorNotADefault() throws {
    // `thousand_mark` ignored would read 1.234.567 as a decimal: the profile must not load.
    let folder = try TemporaryFolder()
    let builtIn = try String(
      contentsOf: try #require(AOPImport.ProfileSet.load().profile(id: "kiotviet-products")).originURL, encoding: .utf8)
    let path = try folder.write(
      "mine.toml", builtIn.replacingOccurrences(of: "thousands_mark = ", with: "thousand_mark = "))
    let line =
      try #require(
        builtIn.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("thousands_mark") })
      + 1
    #expect(
      throws: ProfileError.invalid(
        file: "\(path):\(line)", key: "read.thousand_mark", problem: "unknown key; did you mean `thousands_mark`?")
    ) {
      try Profile.load(from: URL(fileURLWithPath: path))
    }
    #expect(throws: ProfileError.self) { try ProfileSet.load(userFolders: [folder.url]) }
  }

  @Test func aUserFolderReplacesABuiltInByID() throws {
    let folder = try TemporaryFolder()
    let builtIn = try String(
      contentsOf: try #require(AOPImport.ProfileSet.load().profile(id: "meta-ads")).originURL, encoding: .utf8)
    try folder.write("mine.toml", builtIn.replacingOccurrences(of: "channel = \"web\"", with: "channel = \"shopee\""))
    let set = try ProfileSet.load(userFolders: [folder.url])
    #expect(set.profile(id: "meta-ads")?.channel == "shopee")
    #expect(set.profiles.count == (try ProfileSet.load()).profiles.count)
  }
}

extension Profile {
  var originURL: URL {
    if origin.hasPrefix("built-in:") {
      return builtInProfilesFolder.appendingPathComponent(String(origin.dropFirst("built-in:".count)))
    }
    return URL(fileURLWithPath: origin)
  }
}

private let builtInProfilesFolder = repositoryRoot.appendingPathComponent("templates/profiles")
