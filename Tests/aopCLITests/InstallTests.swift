import AOPTestSupport
import Foundation
import Testing

/// `make install` into a prefix of the test's own: the installed binary finds its templates and built-in
/// profiles beside itself (PREFIX/share/aop), never through the build folder, and says where it looked
/// when they are missing.
@Suite struct InstallTests {
  @Test func installedIntoAPrefixItWorksOnItsOwnAndUninstallsClean() throws {
    let prefix = try TemporaryFolder()
    let root = prefix.url.path
    // The debug build the tests run with (`make install` makes a release build first, then does this).
    let install = try shell("make --no-print-directory install-built PREFIX='\(root)' BUILT=.build/debug")
    #expect(install.status == 0, "\(install.stderr)")
    let bin = URL(fileURLWithPath: "\(root)/bin/aop")

    let elsewhere = try TemporaryFolder()  // no aop.toml, far from the repository
    let list = try run(bin, ["profiles"], in: elsewhere.url)
    #expect(list.status == 0, "\(list.stderr)")
    #expect(list.stdout.contains("woocommerce-orders") && list.stdout.contains("kiotviet-invoice-detail"))

    // `aop init` writes the cron line with the installed binary's absolute path (cron's PATH lacks it).
    let made = try run(bin, ["init", "shop", "--year", "2027", "--company", "Test"], in: elsewhere.url)
    #expect(made.status == 0, "\(made.stderr)")
    let cron = try #require(made.stdout.split(separator: "\n").last.map(String.init))
    #expect(cron == "0 6 1 * * cd \(elsewhere.url.standardizedFileURL.resolvingSymlinksInPath().path)/shop && \(bin.resolvingSymlinksInPath().path) review --config aop.toml --month auto --quiet 2>>aop.log"
      || cron == "0 6 1 * * cd \(elsewhere.url.standardizedFileURL.path)/shop && \(bin.resolvingSymlinksInPath().path) review --config aop.toml --month auto --quiet 2>>aop.log", "\(cron)")

    // The sample shop reviewed by the installed binary.
    let shop = try TemporaryFolder()
    #expect(try shell("cp -R '\(Samples.folder.path)/.' '\(shop.url.path)'").status == 0)
    let review = try run(bin, ["review", "-c", "aop.toml", "--month", "2026-10", "--quiet"], in: shop.url)
    #expect(review.status == 65, "\(review.stderr)")
    #expect(FileManager.default.fileExists(atPath: shop.path("out/review-2026-10.xlsx")))

    for completion in ["share/bash-completion/completions/aop", "share/zsh/site-functions/_aop", "share/fish/vendor_completions.d/aop.fish"] {
      let text = try String(contentsOfFile: "\(root)/\(completion)", encoding: .utf8)
      #expect(text.contains("review") && text.contains("--month"), "\(completion)")
    }

    // Without its templates it says so, naming where it looked, with exit 78: never "no profiles".
    try FileManager.default.moveItem(atPath: "\(root)/share/aop/templates", toPath: "\(root)/share/aop/moved")
    for arguments in [["profiles"], ["init", "other"]] {
      let missing = try run(bin, arguments, in: elsewhere.url)
      #expect(missing.status == 78, "\(arguments)")
      #expect(missing.stderr.contains("missing: looked in \(root)/share/aop/templates and \(root)/bin/aop_AOPTemplates.resources/templates"), "\(missing.stderr)")
    }
    try FileManager.default.moveItem(atPath: "\(root)/share/aop/moved", toPath: "\(root)/share/aop/templates")

    #expect(try shell("make --no-print-directory uninstall PREFIX='\(root)'").status == 0)
    let left = try shell("find '\(root)' -type f")
    #expect(left.stdout.isEmpty, "\(left.stdout)")
  }

  @Test func profilesReadsTheShopsOwnConfigLikeTheOtherCommands() throws {
    // A shop folder whose own profile reads its POS export: `aop profiles FILE` there uses it without
    // --config, as `aop review` would.
    let shop = try TemporaryFolder()
    #expect(try shell("cp -R '\(Samples.folder.path)/.' '\(shop.url.path)'").status == 0)
    try shop.write("profiles/pos.toml", """
      id = "corner-pos"
      kind = "sales"
      channel = "store"
      [match]
      headers = ["Receipt", "Item code"]
      [columns]
      order_id = "Receipt"
      date = "Day"
      sku = "Item code"
      quantity = "Qty"
      line_net = "Net"
      [identity]
      fields = ["order_id", "sku"]
      """)
    let config = try String(contentsOfFile: shop.path("aop.toml"), encoding: .utf8)
    try config.replacingOccurrences(of: "profile_folders = []", with: "profile_folders = [\"profiles\"]").write(toFile: shop.path("aop.toml"), atomically: true, encoding: .utf8)
    try shop.write("exports/2026-10/pos.csv", "Receipt,Day,Item code,Qty,Net\nR1,2026-10-03,KHAN-UOT-100,1,42000\n")
    let found = try aop(["profiles", "exports/2026-10/pos.csv"], in: shop.url)
    #expect(found.status == 0, "\(found.stdout)\(found.stderr)")
    #expect(found.stdout.contains("exports/2026-10/pos.csv: matches corner-pos"))
    // Elsewhere, without a config, the built-in profiles alone: it matches none.
    let bare = try TemporaryFolder()
    try bare.write("pos.csv", "Receipt,Day,Item code,Qty,Net\nR1,2026-10-03,KHAN-UOT-100,1,42000\n")
    let none = try aop(["profiles", "pos.csv"], in: bare.url)
    #expect(none.status == 65)
    #expect(none.stdout.contains("pos.csv: matches no profile"))
  }

  @Test func aDraftProfileWithItsChoicesFilledInReadsTheFile() throws {
    let shop = try TemporaryFolder()
    #expect(try shell("cp -R '\(Samples.folder.path)/.' '\(shop.url.path)'").status == 0)
    // A corner shop's POS export no profile knows: Vietnamese numbers, day-first dates.
    try shop.write("exports/2026-10/pos.csv", """
      Số HĐ,Ngày bán,Mã SP,Tên SP,SL,Thành tiền,Ghi chú
      B001,03/10/2026 09:15,KHAN-UOT-100,Khăn ướt,2,"84.000",
      B001,03/10/2026 09:15,NUM-TI-PIGEON,Núm ti,1,"99.000",quà
      B002,04/10/2026 10:00,BINH-PIGEON-160,Bình sữa,1,"245.000",

      """)
    let refused = try aop(["profiles", "exports/2026-10/pos.csv"], in: shop.url)
    #expect(refused.status == 65)
    #expect(refused.stdout.contains("`aop profiles draft exports/2026-10/pos.csv`"))
    let draft = try aop(["profiles", "draft", "exports/2026-10/pos.csv"], in: shop.url)
    #expect(draft.status == 0, "\(draft.stderr)")
    #expect(draft.stdout.contains("line_net = \"Thành tiền\"") && draft.stdout.contains("date = \"Ngày bán\""))
    #expect(draft.stdout.contains("date_formats = [\"dd/MM/yyyy HH:mm\"]") && draft.stdout.contains("decimal_mark = \",\""))
    // The choices left to the user, filled in as they would.
    var toml = draft.stdout
    for (choice, column) in [("order_id", "Số HĐ"), ("sku", "Mã SP"), ("quantity", "SL")] {
      let line = try #require(toml.split(separator: "\n").first { $0.hasPrefix("# \(choice) = ") }, "\(choice) is not offered:\n\(toml)")
      toml = toml.replacingOccurrences(of: String(line), with: "\(choice) = \"\(column)\"")
    }
    toml = toml.replacingOccurrences(of: "channel = \"TODO\"", with: "channel = \"store\"")
    try shop.write("profiles/pos.toml", toml)
    let config = try String(contentsOfFile: shop.path("aop.toml"), encoding: .utf8)
    try config.replacingOccurrences(of: "profile_folders = []", with: "profile_folders = [\"profiles\"]").write(toFile: shop.path("aop.toml"), atomically: true, encoding: .utf8)
    let matched = try aop(["profiles", "exports/2026-10/pos.csv"], in: shop.url)
    #expect(matched.stdout.contains("exports/2026-10/pos.csv: matches pos-csv"), "\(matched.stdout)")
    let check = try aop(["check"], in: shop.url)
    #expect(check.stdout.contains("ok       exports/2026-10/pos.csv [pos-csv] read 4, accepted 3, rejected 0, duplicate 0, skipped 1"), "\(check.stdout)")
    #expect(check.stdout.contains("costed: 3 lines by SKU, 0 by name, 0 not at all"))

    let shown = try aop(["profiles", "show", "woocommerce-orders"], in: shop.url)
    #expect(shown.stdout == (try String(contentsOf: repositoryRoot.appendingPathComponent("templates/profiles/woocommerce-orders.toml"), encoding: .utf8)))
    let own = try aop(["profiles", "show", "pos-csv"], in: shop.url)
    #expect(own.stdout == toml)
    let unknown = try aop(["profiles", "show", "nosuch"], in: shop.url)
    #expect(unknown.status == 78 && unknown.stderr.contains("no profile `nosuch`; the profiles are generic-costs"))
  }
}
