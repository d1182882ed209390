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
    #expect(
      cron
        == "0 6 1 * * cd \(elsewhere.url.standardizedFileURL.resolvingSymlinksInPath().path)/shop && \(bin.resolvingSymlinksInPath().path) review --config aop.toml --month auto --quiet 2>>aop.log"
        || cron
          == "0 6 1 * * cd \(elsewhere.url.standardizedFileURL.path)/shop && \(bin.resolvingSymlinksInPath().path) review --config aop.toml --month auto --quiet 2>>aop.log",
      "\(cron)")

    // The sample shop reviewed by the installed binary.
    let shop = try TemporaryFolder()
    #expect(try shell("cp -R '\(Samples.folder.path)/.' '\(shop.url.path)'").status == 0)
    let review = try run(bin, ["review", "-c", "aop.toml", "--month", "2026-10", "--quiet"], in: shop.url)
    #expect(review.status == 65, "\(review.stderr)")
    #expect(FileManager.default.fileExists(atPath: shop.path("out/review-2026-10.xlsx")))

    for completion in [
      "share/bash-completion/completions/aop", "share/zsh/site-functions/_aop",
      "share/fish/vendor_completions.d/aop.fish",
    ] {
      let text = try String(contentsOfFile: "\(root)/\(completion)", encoding: .utf8)
      #expect(text.contains("review") && text.contains("--month"), "\(completion)")
    }

    // Without its templates it says so, naming where it looked, with exit 78: never "no profiles".
    try FileManager.default.moveItem(atPath: "\(root)/share/aop/templates", toPath: "\(root)/share/aop/moved")
    for arguments in [["profiles"], ["init", "other"]] {
      let missing = try run(bin, arguments, in: elsewhere.url)
      #expect(missing.status == 78, "\(arguments)")
      #expect(
        missing.stderr.contains(
          "missing: looked in \(root)/share/aop/templates and \(root)/bin/aop_AOPTemplates.resources/templates"),
        "\(missing.stderr)")
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
    try shop.write(
      "profiles/pos.toml",
      """
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
    try config.replacingOccurrences(of: "profile_folders = []", with: "profile_folders = [\"profiles\"]").write(
      toFile: shop.path("aop.toml"), atomically: true, encoding: .utf8)
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
    try shop.write(
      "exports/2026-10/pos.csv",
      """
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
    #expect(
      draft.stdout.contains("date_formats = [\"dd/MM/yyyy HH:mm\"]") && draft.stdout.contains("decimal_mark = \",\""))
    // The choices left to the user, filled in as they would.
    var toml = draft.stdout
    for (choice, column) in [("order_id", "Số HĐ"), ("sku", "Mã SP"), ("quantity", "SL")] {
      let line = try #require(
        toml.split(separator: "\n").first { $0.hasPrefix("# \(choice) = ") }, "\(choice) is not offered:\n\(toml)")
      toml = toml.replacingOccurrences(of: String(line), with: "\(choice) = \"\(column)\"")
    }
    toml = toml.replacingOccurrences(of: "channel = \"TODO\"", with: "channel = \"store\"")
    try shop.write("profiles/pos.toml", toml)
    let config = try String(contentsOfFile: shop.path("aop.toml"), encoding: .utf8)
    try config.replacingOccurrences(of: "profile_folders = []", with: "profile_folders = [\"profiles\"]").write(
      toFile: shop.path("aop.toml"), atomically: true, encoding: .utf8)
    let matched = try aop(["profiles", "exports/2026-10/pos.csv"], in: shop.url)
    #expect(matched.stdout.contains("exports/2026-10/pos.csv: matches pos"), "\(matched.stdout)")
    let check = try aop(["check"], in: shop.url)
    #expect(
      check.stdout.contains(
        "ok       exports/2026-10/pos.csv [pos] read 4, accepted 3, rejected 0, duplicate 0, skipped 1"),
      "\(check.stdout)")
    #expect(check.stdout.contains("costed: 3 lines by SKU, 0 by name, 0 not at all"))

    // Dates written ISO in a CSV: the form that reads them whole (a date and time form would not).
    try shop.write("elsewhere/iso.csv", "Receipt,Sold on,Item code,Qty,Net\nR1,2026-10-03,KHAN-UOT-100,1,42000\n")
    let iso = try aop(["profiles", "draft", "elsewhere/iso.csv"], in: shop.url)
    #expect(
      iso.stdout.contains("date_formats = [\"yyyy-MM-dd\"]\n") && iso.stdout.contains("id = \"iso\""), "\(iso.stdout)")

    let shown = try aop(["profiles", "show", "woocommerce-orders"], in: shop.url)
    #expect(
      shown.stdout
        == (try String(
          contentsOf: repositoryRoot.appendingPathComponent("templates/profiles/woocommerce-orders.toml"),
          encoding: .utf8)))
    let own = try aop(["profiles", "show", "pos"], in: shop.url)
    #expect(own.stdout == toml)
    let unknown = try aop(["profiles", "show", "nosuch"], in: shop.url)
    // (The shop is the sample's: Vietnamese.)
    #expect(
      unknown.status == 78
        && unknown.stderr.contains(
          "nạp các mẫu nhập dữ liệu: không có mẫu nhập `nosuch`; các mẫu nhập là generic-costs"),
      "\(unknown.stderr)")
  }
}

/// What a person at a terminal sees: one status line, cleared before any log line.
@Suite struct TerminalProgressTests {
  @Test func theStatusLineNeverHasLogTextGluedToIt() throws {
    let shop = try TemporaryFolder()
    #expect(try shell("cp -R '\(Samples.folder.path)/.' '\(shop.url.path)'").status == 0)
    // A long cost list, so that the status line shows how far into a file the reading is.
    try shop.write("exports/2026-10/zz-costs.csv", "sku,unit_cost\n" + (1...20_000).map { "X-\($0),\($0)\n" }.joined())
    // `script` runs the review under a pseudo-terminal, as a person's terminal would.
    // A terminal of 60 columns: the status line must fit it (a wrapped line cannot be cleared).
    let command = "stty cols 60; '\(aopBinary.path)' review -c aop.toml --month 2026-10 --log-level info"
    let run = try shell("cd '\(shop.url.path)' && script -qec \"\(command)\" /dev/null")
    #expect(run.status == 0 || run.status == 65, "\(run.stderr)")
    let erase = "\r\u{1B}[K"
    #expect(run.stdout.contains(erase + "[1/"), "no status line drawn")
    #expect(run.stdout.contains(" rows"), "no row count")
    #expect(
      run.stdout.range(of: #"costs\.csv  \d+% · \d+(,\d{3})* rows"#, options: .regularExpression) != nil,
      "no percentage for the CSV file")
    // Every status drawn fits the 60 columns: long paths are cut in the middle.
    let statuses = run.stdout.components(separatedBy: erase).map { $0.prefix { $0 != "\r" && $0 != "\n" } }.filter {
      $0.hasPrefix("[")
    }
    #expect(
      !statuses.isEmpty && statuses.allSatisfy { $0.count <= 59 }, "\(statuses.filter { $0.count > 59 }.prefix(3))")
    #expect(statuses.contains { $0.contains("…") })
    var logLines = 0
    // A terminal ends lines with CR LF (one Character in Swift: split its scalars).
    let terminalLines = run.stdout.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
      String(String.UnicodeScalarView($0))
    }
    for raw in terminalLines {
      // What stays on the terminal's line: what follows the last erase.
      let shown = (raw.components(separatedBy: erase).last ?? "").trimmingCharacters(
        in: CharacterSet(charactersIn: "\r"))
      if shown.contains("aop: ") {
        logLines += 1
        #expect(shown.hasPrefix("aop: "), "log text glued to something: \(shown.debugDescription)")
      }
      #expect(!(shown.hasPrefix("[") && shown.contains("aop:")), "\(shown.debugDescription)")
    }
    #expect(logLines >= 60)  // an info line per file, and the closing summary
    // The status line is cleared when the files are read: the last line is the summary's, not a status.
    let after = run.stdout.components(separatedBy: erase).last ?? ""
    #expect(!after.hasPrefix("["), "\(after.debugDescription)")
  }

  @Test func offATerminalThereIsNoStatusLine() throws {
    let run = try aop(["check", "-c", Samples.config])
    #expect(!run.stderr.contains("\u{1B}[K") && !run.stderr.contains("[1/"))
  }
}

/// Messages a new user meets, in plain words.
@Suite struct PlainMessagesTests {
  @Test func messagesSayWhatHappenedInPlainWords() throws {
    let shop = try TemporaryFolder()
    #expect(try shell("cp -R '\(Samples.folder.path)/.' '\(shop.url.path)'").status == 0)
    // An output folder that cannot be made (a file is in its way): the system's reason, not "error 512".
    try shop.write("blocker", "a file where a folder should be")
    let blocked = try aop(["review", "-c", "aop.toml", "--month", "2026-10", "--output", "blocker/out"], in: shop.url)
    #expect(blocked.status == 73)
    // (The sample's config is Vietnamese: so are the messages.)
    #expect(
      blocked.stderr.contains("không tạo được thư mục kết quả: ") && !blocked.stderr.contains("NSCocoaErrorDomain"),
      "\(blocked.stderr)")
    #expect(blocked.stderr.contains("không tạo được thư mục kết quả: Not a directory"), "\(blocked.stderr)")
    // A month whose exports are not in: where it looked.
    let none = try aop(["review", "-c", "aop.toml", "--month", "2026-11", "--output", "out"], in: shop.url)
    #expect(none.status == 66)
    #expect(
      none.stderr.contains(
        "không có giao dịch bán hay chi phí nào của 2026-11 trong 64 tệp dữ liệu xuất của exports/2026-* (tính từ \(shop.url.path)"
      ),
      "\(none.stderr)")
    // A refused file is named once.
    try shop.write("exports/2026-10/mystery.csv", "foo,bar\n1,2\n")
    let check = try aop(["check", "-c", "aop.toml"], in: shop.url)
    let refused = try #require(check.stdout.split(separator: "\n").first { $0.hasPrefix("REFUSED") })
    #expect(
      refused.hasPrefix("REFUSED  exports/2026-10/mystery.csv: no import profile matches this file"), "\(refused)")
    #expect(
      refused.components(separatedBy: "exports/2026-10/mystery.csv:").count == 2, "the path said twice: \(refused)")
    // One file is "1 file".
    let config = try String(contentsOfFile: shop.path("aop.toml"), encoding: .utf8)
    try config.replacingOccurrences(
      of: "inputs = [\"exports/2026-*\"]", with: "inputs = [\"exports/2026-10/orders_export_1.csv\"]"
    )
    .write(toFile: shop.path("aop.toml"), atomically: true, encoding: .utf8)
    let one = try aop(["review", "-c", "aop.toml", "--month", "2026-10", "--output", "out", "-q"], in: shop.url)
    #expect(one.stderr.contains("đánh giá 2026-10: 1 tệp (0 bị từ chối)"), "\(one.stderr)")
    // The same in English says "1 file", not "1 files".
    try String(contentsOfFile: shop.path("aop.toml"), encoding: .utf8)
      .replacingOccurrences(of: "language = \"vi\"", with: "language = \"en\"")
      .write(toFile: shop.path("aop.toml"), atomically: true, encoding: .utf8)
    let english = try aop(["review", "-c", "aop.toml", "--month", "2026-10", "--output", "out", "-q"], in: shop.url)
    #expect(english.stderr.contains("aop: review 2026-10: 1 file (0 refused)"), "\(english.stderr)")
  }

  @Test func monthsOfTheYearWithoutASaleAreSaidNotCountedAsZeroInSilence() throws {
    // Only October's exports (whose Shopify export repeats the last days of September): January to
    // August have no sale at all.
    let shop = try OneMonthShop()
    let (run, json) = try shop.review()
    let months = (1...7).map { String(format: "2026-%02d", $0) }
    let warning =
      "no sale at all in \(months.joined(separator: ", ")) and 2026-08 of the year to date: are those months' exports in the inputs? The figures of the year to date count them as zero"
    #expect(json.allWarnings.contains(warning), "\(json.allWarnings)")
    #expect(run.stderr.contains("aop: warning: \(warning)"))
    let book = try WorkbookReadBack(path: shop.folder.path("out/review-2026-10.xlsx"))
    let sheet = try #require(book.sheets["Sources"])  // the shop's config names no language: English
    #expect(sheet.values.contains { $0.value == warning })
    // The whole sample year has none.
    let full = try aop([
      "review", "-c", Samples.config, "--month", "2026-10", "--output", shop.folder.path("full"), "--json",
    ])
    #expect(!full.stdout.contains("no sale at all"))
  }
}

/// The console speaks the config's language: the summary, the log lines, the errors and what `aop init`
/// writes and says.
@Suite struct ConsoleLanguageTests {
  @Test func aVietnameseShopsConsoleIsVietnameseAndAnEnglishOnesEnglish() throws {
    let out = try TemporaryFolder()
    let vi = try aop(["review", "-c", Samples.config, "--month", "2026-10", "--output", out.path("vi")])
    #expect(vi.status == 65)
    #expect(
      vi.stdout.hasPrefix(
        "BabyCare House — Đánh giá thực hiện kế hoạch năm (AOP) kỳ 2026-10\ntrong tháng:\n  doanh thu thuần "))
    #expect(
      vi.stdout.contains("\nlũy kế năm:\n") && vi.stdout.contains("\nbáo cáo: \(out.path("vi"))/review-2026-10.xlsx"))
    #expect(vi.stderr.contains("aop: cảnh báo: ") && !vi.stderr.contains("warning"), "\(vi.stderr)")
    // The same shop with `language = "en"`.
    let shop = try TemporaryFolder()
    #expect(try shell("cp -R '\(Samples.folder.path)/.' '\(shop.url.path)'").status == 0)
    try String(contentsOfFile: shop.path("aop.toml"), encoding: .utf8)
      .replacingOccurrences(of: "language = \"vi\"", with: "language = \"en\"")
      .write(toFile: shop.path("aop.toml"), atomically: true, encoding: .utf8)
    let en = try aop(["review", "-c", "aop.toml", "--month", "2026-10", "--output", out.path("en")], in: shop.url)
    #expect(en.status == 65)
    #expect(en.stdout.hasPrefix("BabyCare House — AOP review 2026-10\nmonth:\n  revenue "))
    #expect(en.stderr.contains("aop: warning: ") && !en.stderr.contains("cảnh báo"))
    // A config that does not load is still said in its own language.
    try String(contentsOfFile: Samples.config, encoding: .utf8)
      .replacingOccurrences(of: "output = ", with: "outptu = ")
      .write(toFile: shop.path("broken.toml"), atomically: true, encoding: .utf8)
    let broken = try aop(["check", "-c", "broken.toml"], in: shop.url)
    #expect(broken.status == 78)
    #expect(broken.stderr.hasPrefix("aop: đọc tệp cấu hình: \(shop.path("broken.toml")):"), "\(broken.stderr)")
  }

  @Test func initWritesAndSaysItsConfigInTheLanguageAsked() throws {
    let folder = try TemporaryFolder()
    let vi = try aop(["init", folder.path("vi"), "--year", "2026"])
    #expect(vi.status == 0)
    #expect(vi.stdout.hasPrefix("đã tạo exports/2026-01/\n") && vi.stdout.contains("\ntiếp theo: "))
    let viConfig = try String(contentsOfFile: folder.path("vi/aop.toml"), encoding: .utf8)
    #expect(viConfig.hasPrefix("# Cấu hình aop: ") && viConfig.contains("language = \"vi\""))
    let en = try aop(["init", folder.path("en"), "--year", "2026", "--language", "en"])
    #expect(en.status == 0)
    #expect(en.stdout.hasPrefix("created exports/2026-01/\n") && en.stdout.contains("\nnext: "))
    let enConfig = try String(contentsOfFile: folder.path("en/aop.toml"), encoding: .utf8)
    #expect(enConfig.hasPrefix("# aop configuration: ") && enConfig.contains("language = \"en\""))
    // Both are the same config but for their comments and the store channel's name.
    func keys(_ text: String) -> [String] {
      text.split(separator: "\n").map { String($0.prefix { $0 != "#" }) }
        .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("name =") }
    }
    #expect(keys(viConfig).map { $0.replacingOccurrences(of: "\"vi\"", with: "\"en\"") } == keys(enConfig))
  }
}
