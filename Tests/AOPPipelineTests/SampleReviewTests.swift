import AOPKPIs
import AOPLedger
import AOPPipeline
import AOPPlan
import AOPTestSupport
import AOPWorkbook
import Foundation
import Testing

/// The review of the BabyCare House sample, end to end: exports → workbook, every key cell read back
/// from the file and compared with the figures the sample generator computed independently.
@Suite(.serialized) struct SampleReviewTests {
  static let months = (1...10).map { String(format: "2026-%02d", $0) }
  let expected: Samples.Expected
  let folder: TemporaryFolder
  let outcome: ReviewJob.Outcome
  let book: WorkbookReadBack

  init() throws {
    expected = try Samples.expected()
    folder = try TemporaryFolder()
    outcome = try ReviewJob(configPath: Samples.config, month: Month(year: 2026, month: 10)!, outputFolder: folder.url)
      .run()
    book = try WorkbookReadBack(path: outcome.workbook.path)
  }

  var current: Samples.Figures { expected.current2026 }

  @Test func theRunFinishesWithTheOneBadRowReported() throws {
    #expect(outcome.status == .rejectedRows)
    #expect(outcome.report.rejections.count == 1)
    let bad = try #require(outcome.report.rejections.kept.first)
    #expect(bad.source.file == expected.badRow["file"])
    #expect(bad.column == expected.badRow["column"])
    let rejects = try #require(book.sheets["Dòng bị loại"])
    #expect(rejects["A4"]?.value == expected.badRow["file"])
    #expect(rejects["B4"]?.number == Double(bad.source.line))
    #expect(rejects["C4"]?.value == "Thành tiền")
    #expect(rejects["E4"]?.value.contains("1.250.00") == true)
  }

  @Test func theRejectedRowIsAlsoWrittenAsCSVBesideTheWorkbook() throws {
    let text = try String(contentsOf: outcome.rejectsFile, encoding: .utf8)
    let lines = text.split(separator: "\n")
    #expect(lines.first == "file,line,column,reason,raw_text")
    #expect(lines.count == 2)
    #expect(
      lines.last?.hasPrefix(
        "\(expected.badRow["file"] ?? ""),\(outcome.report.rejections.kept[0].source.line),Thành tiền,") == true)
  }

  @Test func overlappingExportsNameTheFileTheirDuplicatesRepeat() throws {
    for source in outcome.report.sources where source.tally.duplicates > 0 {
      #expect(source.path.contains("orders_export"), "\(source.path)")
      let summary = try #require(source.duplicatesOf.first)
      #expect(source.duplicatesOf.count == 1)
      #expect(summary.count == source.tally.duplicates)
      // The previous month's Shopify export.
      let month = Int(source.path.dropFirst("exports/2026-".count).prefix(2)) ?? 0
      #expect(summary.file.hasPrefix(String(format: "exports/2026-%02d/orders_export", month - 1)), "\(summary.file)")
    }
  }

  @Test func everyRowOfEveryFileIsAccountedForAsTheGeneratorWroteIt() throws {
    let current = expected.files.filter { $0.key.hasPrefix("exports/2026-") }
    #expect(outcome.report.sources.count == current.count)
    for source in outcome.report.sources {
      let want = try #require(current[source.path], "\(source.path) is not a sample file")
      #expect(source.status == .read, "\(source.path)")
      #expect(source.tally.balances, "\(source.path)")
      let got = [
        "read": source.tally.read, "accepted": source.tally.accepted, "rejected": source.tally.rejected,
        "duplicates": source.tally.duplicates, "skipped": source.tally.skipped,
      ]
      #expect(got == want, "\(source.path)")
    }
  }

  @Test func everyChannelsMarginMatchesTheIndependentFiguresTheWooCommerceHalfMonthIncluded() throws {
    for c in outcome.report.channelLines {
      let id = c.channel.id
      for (figures, months) in [(c.monthFigures, ["2026-10"]), (c.yearToDateFigures, Self.months)] {
        #expect(figures.revenue.minorUnits == current.sum("revenue", months: months, channel: id), "\(id)")
        #expect(
          figures.coveredRevenue.minorUnits == current.sum("covered_revenue", months: months, channel: id), "\(id)")
        #expect(figures.cogs.minorUnits == current.sum("cogs", months: months, channel: id), "\(id)")
        #expect(figures.units == Int(current.sum("units", months: months, channel: id)), "\(id)")
        #expect(figures.orders == Int(current.sum("orders", months: months, channel: id)), "\(id)")
      }
    }
    // From 15 October the web shop's orders come from WooCommerce, whose export names products without
    // SKUs: costed by name, item by item, the web channel keeps its whole margin.
    let web = try #require(outcome.report.channelLines.first { $0.channel.id == "web" })
    #expect(web.monthFigures.coveredRevenue == web.monthFigures.revenue)
    #expect(web.monthFigures.grossMargin != nil)
    #expect(outcome.report.sources.contains { $0.profile == "woocommerce-orders" && $0.tally.accepted > 0 })
    let check = try CheckJob(configPath: Samples.config).run()
    let woo = try #require(check.sources.first { $0.profile == "woocommerce-orders" })
    #expect(
      woo.costing
        == {
          var c = CostingCounts()
          c.byName = woo.tally.accepted
          return c
        }())
    let shopify = try #require(check.sources.first { $0.path == "exports/2026-10/orders_export_1.csv" })
    #expect(shopify.costing?.bySKU == shopify.tally.accepted && shopify.costing?.uncosted == 0)
    let shopee = try #require(check.sources.first { $0.path.hasPrefix("exports/2026-10/Order.all") })
    #expect((shopee.costing?.uncosted ?? 0) > 0)  // the gift set no cost list names
    #expect(check.sources.allSatisfy { ($0.costing != nil) == ($0.kind == "sales") })
  }

  @Test func summarySheetMatchesTheIndependentFigures() throws {
    let s = try #require(book.sheets["Tổng quan"])
    let revenueRow = try #require(book.row("Tổng quan", labelled: "Doanh thu thuần"))
    // Columns: the name; the month's actual, plan, vs plan, last year, growth, light (B…G); the same for
    // the year to date (H…M).
    #expect(s["B\(revenueRow)"]?.number == Double(current.sum("revenue", months: ["2026-10"])))
    #expect(s["H\(revenueRow)"]?.number == Double(current.sum("revenue", months: Self.months)))
    // The % of plan achieved is a live formula with its value cached.
    let target = try #require(s["C\(revenueRow)"]?.number)
    #expect(s["D\(revenueRow)"]?.formula == "IF(C\(revenueRow)=0,\"\",B\(revenueRow)/C\(revenueRow))")
    #expect(
      abs((s["D\(revenueRow)"]?.number ?? 0) - Double(current.sum("revenue", months: ["2026-10"])) / target) < 1e-12)

    // Each figure leads to the sheet it comes from, which leads to the data rows.
    let total = try #require(book.row("Doanh thu theo kênh", labelled: "Tổng"))
    #expect(s["H\(revenueRow)"]?.formula == "'Doanh thu theo kênh'!G\(total)")
    let cogsRow = try #require(book.row("Tổng quan", labelled: "Giá vốn hàng bán"))
    #expect(s["H\(cogsRow)"]?.formula?.hasPrefix("'Lợi nhuận gộp'!D") == true)
    #expect(s["H\(cogsRow)"]?.number == Double(current.sum("cogs", months: Self.months)))
    let marginRow = try #require(book.row("Tổng quan", labelled: "Biên lợi nhuận gộp %"))
    let covered = Double(current.sum("covered_revenue", months: Self.months))
    let margin = (covered - Double(current.sum("cogs", months: Self.months))) / covered
    #expect(abs((s["H\(marginRow)"]?.number ?? 0) - margin) < 1e-12)
    let onlineRow = try #require(book.row("Tổng quan", labelled: "Tỷ trọng online"))
    let online = Double(
      current.sum("revenue", months: ["2026-10"], channel: "shopee")
        + current.sum("revenue", months: ["2026-10"], channel: "web"))
    #expect(
      abs((s["B\(onlineRow)"]?.number ?? 0) - online / Double(current.sum("revenue", months: ["2026-10"]))) < 1e-12)
    let ordersRow = try #require(book.row("Tổng quan", labelled: "Số đơn"))
    #expect(s["B\(ordersRow)"]?.number == Double(current.sum("orders", months: ["2026-10"])))
  }

  @Test func channelSheetHasEachChannelAndLiveTotals() throws {
    let s = try #require(book.sheets["Doanh thu theo kênh"])
    for (name, id) in [("Cửa hàng", "store"), ("Shopee", "shopee"), ("Website", "web")] {
      let row = try #require(book.row("Doanh thu theo kênh", labelled: name))
      #expect(s["C\(row)"]?.number == Double(current.sum("revenue", months: ["2026-10"], channel: id)), "\(name)")
      #expect(s["G\(row)"]?.number == Double(current.sum("revenue", months: Self.months, channel: id)), "\(name)")
    }
    let total = try #require(book.row("Doanh thu theo kênh", labelled: "Tổng"))
    #expect(s["C\(total)"]?.formula == "SUM(C4:C6)")
    #expect(s["C\(total)"]?.number == Double(current.sum("revenue", months: ["2026-10"])))
    #expect(s["G\(total)"]?.number == Double(current.sum("revenue", months: Self.months)))
    // Beside each month, the baseline year's same month.
    let october = try #require(book.row("Doanh thu theo kênh", month: "2026-10"))
    #expect(s["I\(october)"]?.number == Double(expected.baseline2025.sum("revenue", months: ["2025-10"])))
    // And the month's online share (the online channels over the total) beside its goal, for the chart.
    let online =
      current.sum("revenue", months: ["2026-10"], channel: "shopee")
      + current.sum("revenue", months: ["2026-10"], channel: "web")
    #expect(s["J\(october)"]?.formula == "IF(E\(october)=0,\"\",(C\(october)+D\(october))/E\(october))")
    #expect(
      abs((s["J\(october)"]?.number ?? 0) - Double(online) / Double(current.sum("revenue", months: ["2026-10"])))
        < 1e-12)
    #expect(s["K\(october)"]?.number == 0.45)
    // The monthly targets add up to the year-to-date target exactly.
    let ytdTarget = try #require(s["H\(total)"]?.number)
    #expect(ytdTarget == Double(try #require(outcome.report.yearToDate.revenue.plan).minorUnits))
  }

  @Test func channelTotalsAreLiveSumsOverTheDataTableOfEveryLine() throws {
    let s = try #require(book.sheets["Doanh thu theo kênh"])
    let store = try #require(book.row("Doanh thu theo kênh", labelled: "Cửa hàng"))
    let formula = try #require(s["C\(store)"]?.formula)
    // Over whole columns: a row added to the data table is counted too.
    #expect(formula == "SUMIFS('Dữ liệu'!$J:$J,'Dữ liệu'!$C:$C,\"Cửa hàng\",'Dữ liệu'!$A:$A,DATE(2026,10,1))")
    // The data sheet: one row per sale or return line of the year, adding up to the year's revenue.
    let data = try #require(book.sheets["Dữ liệu"])
    var revenue: Double = 0
    for (reference, cell) in data where reference.hasPrefix("J") && Int(reference.dropFirst()).map({ $0 >= 4 }) == true
    {
      revenue += cell.number ?? 0
    }
    #expect(revenue == Double(current.sum("revenue", months: Self.months)))
    #expect(book.parts.keys.contains { $0.hasPrefix("xl/tables/table") })
    #expect(data["M4"]?.value.hasPrefix("exports/2026-01/") == true)  // every line names its file and line
    #expect(data["N4"]?.number != nil)
    #expect(data["C4"]?.value == "Cửa hàng")  // the channel by its name
  }

  @Test func grossMarginAndMarketingSheets() throws {
    let g = try #require(book.sheets["Lợi nhuận gộp"])
    let ytd = try #require(book.row("Lợi nhuận gộp", labelled: "Lũy kế năm"))
    #expect(g["B\(ytd)"]?.number == Double(current.sum("revenue", months: Self.months)))
    #expect(g["C\(ytd)"]?.number == Double(current.sum("covered_revenue", months: Self.months)))
    #expect(g["D\(ytd)"]?.number == Double(current.sum("cogs", months: Self.months)))
    let uncosted = try #require(book.row("Lợi nhuận gộp", labelled: "SET-QUA-TANG"))
    #expect(g["C\(uncosted)"]?.number == Double(try #require(expected.uncosted2026["SET-QUA-TANG"]?["revenue"])))
    let m = try #require(book.sheets["Marketing"])
    let october = try #require(book.row("Marketing", month: "2026-10"))
    #expect(m["B\(october)"]?.number == Double(current.sum("marketing", months: ["2026-10"])))
    #expect(m["C\(october)"]?.number == 13_000_000)  // the revised budget: web 11M + store 2M
    let marketingYTD = try #require(book.row("Marketing", labelled: "Lũy kế năm"))
    #expect(m["B\(marketingYTD)"]?.number == Double(current.sum("marketing", months: Self.months)))
  }

  @Test func sourcesSheetTotalsEveryRow() throws {
    let s = try #require(book.sheets["Nguồn dữ liệu"])
    let total = try #require(book.row("Nguồn dữ liệu", labelled: "Tổng"))
    let files = expected.files.filter { $0.key.hasPrefix("exports/2026-") }.values
    #expect(s["D\(total)"]?.number == Double(files.map { $0["read"]! }.reduce(0, +)))
    #expect(s["E\(total)"]?.number == Double(files.map { $0["accepted"]! }.reduce(0, +)))
    #expect(s["F\(total)"]?.number == 1)
    #expect(s["I\(total)"]?.number == Double(current.sum("revenue")))
  }

  @Test func budgetCategoriesMatchTheIndependentFigures() throws {
    func expenses(_ prefixes: [String], months: [String]) -> Int64 {
      months.flatMap { expected.expenses2026[$0] ?? [:] }.filter { e in prefixes.contains { e.key.hasPrefix($0) } }
        .map(\.value).reduce(0, +)
    }
    let ytd = Self.months
    let lines = Dictionary(uniqueKeysWithValues: outcome.report.budget.map { ($0.id, $0) })
    #expect(lines["rent"]?.yearToDate.actual.minorUnits == expenses(["Phiếu chi Thuê mặt bằng"], months: ytd))
    #expect(lines["salaries"]?.yearToDate.actual.minorUnits == expenses(["Phiếu chi Lương nhân viên"], months: ytd))
    #expect(
      lines["utilities"]?.month.actual.minorUnits
        == expenses(["Phiếu chi Tiền điện", "Phiếu chi Tiền nước"], months: ["2026-10"]))
    // Not budgeted: the repairs, and the flash sales' ads (sent to Shopee by the config's campaign rule),
    // since no marketing category covers Shopee.
    #expect(
      lines[BudgetLine.unbudgetedID]?.yearToDate.actual.minorUnits
        == expenses(["Phiếu chi Sửa chữa"], months: ytd) + current.sum("marketing", months: ytd, channel: "shopee"))
    #expect(current.sum("marketing", months: ytd, channel: "shopee") > 0)
    #expect(
      lines["purchasing"]?.yearToDate.actual.minorUnits == ytd.compactMap { expected.purchases2026[$0] }.reduce(0, +))
    #expect(
      lines["marketing-web"]?.yearToDate.actual.minorUnits == current.sum("marketing", months: ytd, channel: "web"))
    #expect(
      lines["marketing-store"]?.month.actual.minorUnits
        == current.sum("marketing", months: ["2026-10"], channel: "store"))
    // The revision from July: web ads 12M a month until June, 11M after; the original was 12M all year.
    let webSoFar: Int64 = 6 * 12_000_000 + 4 * 11_000_000, webYear: Int64 = 6 * 12_000_000 + 6 * 11_000_000,
      webOriginal: Int64 = 12 * 12_000_000
    #expect(lines["marketing-web"]?.yearToDate.plan?.minorUnits == webSoFar)
    #expect(lines["marketing-web"]?.annual.minorUnits == webYear)
    #expect(lines["marketing-web"]?.originalAnnual.minorUnits == webOriginal)
    // The budget_used risk on web ads fires exactly when the year's spend so far is over its budget.
    let webRisk = try #require(outcome.report.risks.first { $0.shown.condition.kpi == .budgetUsed })
    #expect(
      webRisk.triggered == (current.sum("marketing", months: ytd, channel: "web") > 6 * 12_000_000 + 4 * 11_000_000))
    // In the workbook: the budget sheet's web line.
    let sheet = try #require(book.sheets["Ngân sách"])
    let row = try #require(book.row("Ngân sách", labelled: "Marketing — Website (Meta, Google)"))
    // The month (B…E), the year to date with its share used and status (F…J), the year (K…N).
    #expect(sheet["F\(row)"]?.number == Double(current.sum("marketing", months: ytd, channel: "web")))
    #expect(sheet["M\(row)"]?.formula == "K\(row)-F\(row)")
    #expect(sheet["I\(row)"]?.formula == "IF(G\(row)=0,\"\",F\(row)/G\(row))")
    // Each actual is a sum over the spend sheet's rows, which name the budget line they count toward.
    #expect(
      sheet["F\(row)"]?.formula
        == "SUMIFS('Dữ liệu chi phí'!$I:$I,'Dữ liệu chi phí'!$E:$E,\"Marketing — Website (Meta, Google)\")"
    )
    let unbudgeted = try #require(book.row("Ngân sách", labelled: "Chi phí ngoài ngân sách"))
    #expect(sheet["F\(unbudgeted)"]?.formula?.hasPrefix("SUMIFS(") == true)
    #expect(
      sheet["F\(unbudgeted)"]?.number == Double(lines[BudgetLine.unbudgetedID]?.yearToDate.actual.minorUnits ?? -1))
    // Purchases lead to their rows too: the cost lines stating them are rows of the spend sheet, of
    // their own kind, and add up to the generator's purchases.
    let purchasingName = try #require(lines["purchasing"]?.name)
    let purchasing = try #require(book.row("Ngân sách", labelled: purchasingName))
    #expect(
      sheet["F\(purchasing)"]?.formula
        == "SUMIFS('Dữ liệu chi phí'!$I:$I,'Dữ liệu chi phí'!$E:$E,\"\(purchasingName)\")")
    #expect(
      sheet["F\(purchasing)"]?.number == Double(Self.months.compactMap { expected.purchases2026[$0] }.reduce(0, +)))
    let spend = try #require(book.sheets["Dữ liệu chi phí"])
    let purchaseRows = spend.filter { $0.key.hasPrefix("C") && $0.value.value == "Nhập hàng" }.map {
      $0.key.dropFirst()
    }
    #expect(!purchaseRows.isEmpty)
    #expect(purchaseRows.allSatisfy { spend["J\($0)"]?.value.hasPrefix("exports/2026-") == true })
    #expect(
      purchaseRows.compactMap { spend["I\($0)"]?.number }.reduce(0, +)
        == Double(Self.months.compactMap { expected.purchases2026[$0] }.reduce(0, +)))
  }

  /// Every plan figure reads the plan sheet: its goals, the revenue targets by month and channel, the
  /// budgets by month and line; the targets add up to last year's revenue plus the growth goal,
  /// computed from the generator's figures.
  @Test func everyPlanFigureReadsThePlanSheet() throws {
    let plan = try #require(book.sheets["Kế hoạch"])
    let title = try #require(book.row("Kế hoạch", labelled: "Kế hoạch doanh thu theo tháng và kênh"))
    let lastYear = expected.baseline2025.sum("revenue")
    let annual = (lastYear * 12 + 5) / 10  // +20 %, rounded to the đồng as the plan rounds it
    let total = try #require(book.row("Kế hoạch", labelled: "Tổng"))
    #expect(total > title)
    #expect(plan["E\(total)"]?.number == Double(annual), "the year's target: last year's revenue + 20 %")
    #expect(plan["E\(total)"]?.formula == "SUM(E\(title + 2):E\(title + 13))")
    for (i, month) in Self.months.enumerated() {
      let row = title + 2 + i
      #expect(plan["A\(row)"]?.number == WorkbookReadBack.serial(month: month))
      #expect(plan["E\(row)"]?.formula == "SUM(B\(row):D\(row))")
    }
    // The channel sheet's targets: October's cell of the plan, and the sum of its months so far.
    let channels = try #require(book.sheets["Doanh thu theo kênh"])
    for (column, name) in ["B": "Cửa hàng", "C": "Shopee", "D": "Website"] {
      let row = try #require(book.row("Doanh thu theo kênh", labelled: name))
      #expect(channels["D\(row)"]?.formula == "'Kế hoạch'!\(column)\(title + 11)", "\(name)")
      #expect(channels["H\(row)"]?.formula == "SUM('Kế hoạch'!\(column)\(title + 2):\(column)\(title + 11))")
      #expect(channels["D\(row)"]?.number == plan["\(column)\(title + 11)"]?.number)
    }
    // The summary's goals are the plan's cells.
    let summary = try #require(book.sheets["Tổng quan"])
    for (label, goal) in [
      ("Tỷ trọng online", "Tỷ trọng doanh thu online"), ("Biên lợi nhuận gộp %", "Biên lợi nhuận gộp tối thiểu"),
      ("Marketing / doanh thu", "Marketing / doanh thu tối đa"),
    ] {
      let row = try #require(book.row("Tổng quan", labelled: label))
      let goalRow = try #require(book.row("Kế hoạch", labelled: goal))
      #expect(summary["C\(row)"]?.formula == "'Kế hoạch'!B\(goalRow)", "\(label)")
      #expect(summary["I\(row)"]?.formula == "'Kế hoạch'!B\(goalRow)", "\(label)")
    }
    // Budgets: the month's and the year's cells of the plan, and the months so far summed.
    let budget = try #require(book.sheets["Ngân sách"])
    let web = try #require(book.row("Ngân sách", labelled: "Marketing — Website (Meta, Google)"))
    let byMonth = try #require(book.row("Kế hoạch", labelled: "Ngân sách theo tháng và hạng mục"))
    #expect(budget["C\(web)"]?.formula == "'Kế hoạch'!B\(byMonth + 11)")
    #expect(budget["G\(web)"]?.formula == "SUM('Kế hoạch'!B\(byMonth + 2):B\(byMonth + 11))")
    #expect(budget["K\(web)"]?.formula == "'Kế hoạch'!B\(byMonth + 14)")
    #expect(
      budget["G\(web)"]?.number
        == Double(outcome.report.budget.first { $0.id == "marketing-web" }?.yearToDate.plan?.minorUnits ?? -1))
  }

  @Test func outlookAndRequiredRunRate() throws {
    let o = try #require(outcome.report.outlook)
    let actual = current.sum("revenue", months: Self.months)
    let ytdTarget = try #require(outcome.report.yearToDate.revenue.plan).minorUnits
    #expect(o.requiredRemaining.minorUnits == o.annualTarget.minorUnits - actual)
    #expect(o.atPlan.minorUnits == actual + (o.annualTarget.minorUnits - ytdTarget))
    #expect(o.requiredByMonth.map(\.0.description) == ["2026-11", "2026-12"])
    #expect(o.requiredByMonth.map(\.1.minorUnits).reduce(0, +) == o.requiredRemaining.minorUnits)
    let json = ReviewSummary(outcome, workbookShown: "w").json()
    #expect(json.contains("\"schema\" : \"aop.review.v3\""))
    #expect(json.contains("\"required_remaining\" : \(o.requiredRemaining.minorUnits)"))
  }

  @Test func sourcesCarryEachFilesSHA256AsSha256sumComputesIt() throws {
    // Every file, CSV (hashed while imported) and workbook (hashed apart), against sha256sum.
    let s = try #require(book.sheets["Nguồn dữ liệu"])
    let files = outcome.report.sources.map(\.path)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    process.arguments = files.map { Samples.folder.appendingPathComponent($0).path }
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let sums = text.split(separator: "\n").map { String($0.prefix(64)) }
    #expect(sums.count == files.count)
    #expect(files.contains { $0.hasSuffix(".xlsx") } && files.contains { $0.hasSuffix(".csv") })
    for (i, sum) in sums.enumerated() {
      let row = 4 + i  // the files, in the order read
      #expect(s["A\(row)"]?.value == files[i])
      #expect(s["L\(row)"]?.value == sum, "\(files[i])")
    }
  }

  @Test func keyFiguresHaveNamesAndActionsAStatusList() throws {
    let workbook = try #require(book.parts["xl/workbook.xml"])
    let revenueRow = try #require(book.row("Tổng quan", labelled: "Doanh thu thuần"))
    #expect(workbook.contains("<definedName name=\"RevenueYTD\">'Tổng quan'!$H$\(revenueRow)</definedName>"))
    #expect(workbook.contains("<definedName name=\"GrossMarginYTD\">"))
    let plan = try #require(book.sheetOrder.firstIndex(of: "Kế hoạch"))
    let sheetXML = try #require(book.parts["xl/worksheets/sheet\(plan + 1).xml"])
    #expect(sheetXML.contains("<formula1>\"Chưa bắt đầu,Đang làm,Xong,Dừng\"</formula1>"))
    // Five charts (revenue against the plan, the channels stacked, online share against its goal, margin
    // against its floor, marketing against its ceiling), their month axes shown as months; the bounds
    // dashed; money in millions.
    let charts = book.parts.filter { $0.key.hasPrefix("xl/charts/chart") }
    #expect(charts.count == 5)
    #expect(charts.values.allSatisfy { $0.contains("formatCode=\"mm/yyyy\"") })
    #expect(charts.values.filter { $0.contains("<a:prstDash val=\"dash\"/>") }.count == 4)
    #expect(charts.values.filter { $0.contains("formatCode=\"#,##0,,\"") && $0.contains("Triệu đồng") }.count == 2)
    #expect(charts.values.contains { $0.contains("<c:grouping val=\"stacked\"/>") })
  }

  /// The plan's headline goal (+20% on last year) beside the same period last year: revenue and online
  /// share now and then, from the generator's figures, with the growth as a live formula.
  @Test func samePeriodLastYearBesideTheGrowthGoal() throws {
    let s = try #require(book.sheets["Tổng quan"])
    let header = try #require(book.row("Tổng quan", labelled: "Chỉ tiêu"))
    #expect(s["E\(header)"]?.value == "Cùng kỳ T10/2025" && s["K\(header)"]?.value == "Cùng kỳ 2025")
    let row = try #require(book.row("Tổng quan", labelled: "Doanh thu thuần"))
    let now = current.sum("revenue", months: ["2026-10"]),
      then = expected.baseline2025.sum("revenue", months: ["2025-10"])
    #expect(s["B\(row)"]?.number == Double(now) && s["E\(row)"]?.number == Double(then))
    #expect(s["F\(row)"]?.formula == "IF(E\(row)=0,\"\",B\(row)/E\(row)-1)")
    #expect(abs((s["F\(row)"]?.number ?? 0) - (Double(now) / Double(then) - 1)) < 1e-12)
    let ytdNow = current.sum("revenue", months: Self.months)
    let ytdThen = expected.baseline2025.sum("revenue", months: Self.months.map { "2025" + $0.dropFirst(4) })
    #expect(s["H\(row)"]?.number == Double(ytdNow) && s["K\(row)"]?.number == Double(ytdThen))
    // The growth goal on a row of its own: the growth above against +20%, in points, with its light
    // (the plan has no growth KPI over the whole shop: green at or above the goal, red below).
    let growth = try #require(book.row("Tổng quan", labelled: "Tăng trưởng so cùng kỳ"))
    #expect(s["B\(growth)"]?.formula == "F\(row)" && s["H\(growth)"]?.formula == "L\(row)")
    #expect(s["C\(growth)"]?.number == 0.2 && s["I\(growth)"]?.number == 0.2)
    let ytdGrowth = Double(ytdNow) / Double(ytdThen) - 1
    #expect(abs((s["J\(growth)"]?.number ?? 0) - (ytdGrowth - 0.2) * 100) < 1e-6)
    #expect(s["M\(growth)"]?.number == (ytdGrowth >= 0.2 ? 2 : 0))
    #expect(
      s["M\(growth)"]?.formula
        == "IF(H\(growth)=\"\",\"Chưa có số liệu\",IF(H\(growth)>=I\(growth),2,IF(H\(growth)>=I\(growth),1,0)))")
    // Online share then and now, beside its goal.
    let online = try #require(outcome.report.lastYearMonth?.lastYearOnlineShare)
    let lastOnline =
      expected.baseline2025.sum("revenue", months: ["2025-10"], channel: "shopee")
      + expected.baseline2025.sum("revenue", months: ["2025-10"], channel: "web")
    #expect(online == Ratio(numerator: lastOnline, denominator: then))
    let share = try #require(book.row("Tổng quan", labelled: "Tỷ trọng online"))
    #expect(s["C\(share)"]?.number == 0.45 && abs((s["E\(share)"]?.number ?? 0) - online.value) < 1e-12)
    #expect(s["F\(share)"]?.formula == "IF(OR(B\(share)=\"\",E\(share)=\"\"),\"\",ROUND((B\(share)-E\(share))*100,6))")
    // Per channel, on the channel sheet: the same month and the same months of last year, and the growth.
    let channels = try #require(book.sheets["Doanh thu theo kênh"])
    let channelHeader = try #require(book.row("Doanh thu theo kênh", labelled: "Kênh"))
    #expect(
      channels["K\(channelHeader)"]?.value == "Cùng kỳ T10/2025"
        && channels["M\(channelHeader)"]?.value == "Cùng kỳ 2025")
    let lastYearMonths = Self.months.map { "2025" + $0.dropFirst(4) }
    var monthTotal: Double = 0
    for (name, id) in [("Cửa hàng", "store"), ("Shopee", "shopee"), ("Website", "web")] {
      let row = try #require(book.row("Doanh thu theo kênh", labelled: name))
      let month = Double(expected.baseline2025.sum("revenue", months: ["2025-10"], channel: id))
      monthTotal += month
      #expect(channels["K\(row)"]?.number == month, "\(name)")
      #expect(
        channels["M\(row)"]?.number == Double(expected.baseline2025.sum("revenue", months: lastYearMonths, channel: id))
      )
      #expect(channels["L\(row)"]?.formula == "IF(K\(row)=0,\"\",C\(row)/K\(row)-1)")
      #expect(channels["N\(row)"]?.formula == "IF(M\(row)=0,\"\",G\(row)/M\(row)-1)")
    }
    let total = try #require(book.row("Doanh thu theo kênh", labelled: "Tổng"))
    #expect(channels["K\(total)"]?.number == monthTotal && monthTotal == Double(then))
  }

  /// The Vietnamese workbook says its own words in Vietnamese: the printed pages' footer, the notes on
  /// repeated rows, the review cadence, the title in the file's properties; no KPI id of the plan file.
  @Test func theVietnameseWorkbooksOwnWordsAreVietnamese() throws {
    #expect(try sheetXML("Tổng quan").contains("&amp;RTrang &amp;P / &amp;N"))
    #expect(book.parts["docProps/core.xml"]?.contains("Đánh giá thực hiện kế hoạch tháng 10/2026") == true)
    let sources = try #require(book.sheets["Nguồn dữ liệu"])
    let repeats = sources.values.filter { $0.value.contains(" dòng trùng với exports/") }
    #expect(!repeats.isEmpty)
    #expect(!sources.values.contains { $0.value.contains(" rows repeat ") })
    let plan = try #require(book.sheets["Kế hoạch"])
    #expect(plan.values.contains { $0.value == "Hằng tháng, vào ngày 1" })
    let risks = try #require(book.sheets["Rủi ro và KPI"])
    for id in Plan.KPI.allCases.map(\.rawValue) {
      #expect(!risks.values.contains { $0.value.contains(id) }, "\(id)")
    }
  }

  /// Every hyperlink leads to a sheet and cell that exist; a formula reading one cell elsewhere links to
  /// that cell, which holds the same figure; every sheet but the summary links back to it; a file with
  /// rejected rows links to its first one.
  @Test func everyHyperlinkLeadsToTheFigureItNames() throws {
    func unescaped(_ text: String) -> String {
      text.replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
        .replacingOccurrences(of: "&amp;", with: "&")
    }
    var checked = 0
    for (index, name) in book.sheetOrder.enumerated() {
      let xml = try sheetXML(name)
      let links = xml.components(separatedBy: "<hyperlink ").dropFirst().map { part -> (ref: String, to: String) in
        func attribute(_ key: String) -> String {
          guard let start = part.range(of: "\(key)=\"") else { return "" }
          return unescaped(String(part[start.upperBound...].prefix { $0 != "\"" }))
        }
        return (attribute("ref"), attribute("location"))
      }
      if index > 0 { #expect(links.contains { $0.to == "'Tổng quan'!A1" }, "\(name) has no link back") }
      for link in links {
        let bang = try #require(link.to.lastIndex(of: "!"))
        let target = String(link.to[..<bang].dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
        let cell = String(link.to[link.to.index(after: bang)...])
        let sheet = try #require(book.sheets[target], "\(name)!\(link.ref) → \(link.to)")
        let source = book.sheets[name]?[link.ref]
        if source?.formula == link.to {  // a figure read from one cell: the same figure there
          #expect(sheet[cell]?.number == source?.number, "\(name)!\(link.ref) → \(link.to)")
          checked += 1
        }
      }
      if name == "Tổng quan" {
        let revenue = try #require(book.row("Tổng quan", labelled: "Doanh thu thuần"))
        #expect(links.contains { $0.ref == "H\(revenue)" && $0.to.hasPrefix("'Doanh thu theo kênh'!G") })
      }
      if name == "Nguồn dữ liệu" {
        let toRejects = links.filter { $0.to.hasPrefix("'Dòng bị loại'!A") }
        #expect(toRejects.count == 1)  // the one file with a rejected row
        for link in toRejects {
          let row = String(link.ref.drop { $0.isLetter })
          #expect(
            book.cell("Dòng bị loại", String(link.to.split(separator: "!")[1]))?.value
              == book.cell(name, "A\(row)")?.value)
        }
      }
    }
    #expect(checked > 10)
  }

  func sheetXML(_ name: String) throws -> String {
    let index = try #require(book.sheetOrder.firstIndex(of: name))
    return try #require(book.parts["xl/worksheets/sheet\(index + 1).xml"])
  }

  @Test func statusesAreTrafficLightsThatFollowTheFigures() throws {
    let s = try #require(book.sheets["Tổng quan"])
    let revenueRow = try #require(book.row("Tổng quan", labelled: "Doanh thu thuần"))
    let report = outcome.report
    func light(_ onTrack: Bool?) -> Double? { onTrack.map { $0 ? 2 : 0 } }
    func level(_ light: KPIStatus.Light) -> Double? { [.green: 2, .amber: 1, .red: 0][light] }
    // One definition of a goal's light: where the plan has a KPI for it over the whole shop, its bands
    // (the same level as on the KPI sheet), as a formula over the summary's own figure.
    let revenueKPI = try #require(report.kpis.first { $0.kpi == .revenueVsTarget && $0.scope == Plan.Scope() })
    #expect(s["G\(revenueRow)"]?.number == level(revenueKPI.monthLight))
    #expect(s["M\(revenueRow)"]?.number == level(revenueKPI.yearToDateLight))
    #expect(revenueKPI.yearToDateLight == .amber)  // -0.6%: within the 5% the plan allows, not red
    let d = "D\(revenueRow)"
    #expect(
      s["G\(revenueRow)"]?.formula
        == "IF(\(d)=\"\",\"Chưa có số liệu\",IF(\(d)>=1,2,IF(\(d)>=0.95,1,0)))")
    let marginRow = try #require(book.row("Tổng quan", labelled: "Biên lợi nhuận gộp %"))
    let marginKPI = try #require(report.kpis.first { $0.kpi == .grossMargin && $0.scope == Plan.Scope() })
    #expect(s["M\(marginRow)"]?.number == level(marginKPI.yearToDateLight))
    let kpiSheet = try #require(book.sheets["Rủi ro và KPI"])
    let kpiMarginRow = try #require(book.row("Rủi ro và KPI", labelled: "Biên lợi nhuận gộp"))
    #expect(s["M\(marginRow)"]?.number == kpiSheet["E\(kpiMarginRow)"]?.number)
    // Without a KPI (the marketing budget): green within the plan, red past it.
    let marketingRow = try #require(book.row("Tổng quan", labelled: "Chi phí marketing"))
    #expect(s["M\(marketingRow)"]?.number == light(report.yearToDate.marketing.onTrack))
    #expect(book.numberFormat("Tổng quan", "G\(revenueRow)") == "[=2]\"Đạt\";[=1]\"Theo dõi\";\"Chưa đạt\"")
    // Every sheet with lights has one icon set over them, anchored by its key (red and green).
    for name in ["Tổng quan", "Ngân sách", "Rủi ro và KPI"] {
      let xml = try sheetXML(name)
      #expect(xml.components(separatedBy: "<cfRule type=\"iconSet\"").count == 2, "\(name)")
      let key = try #require(book.row(name, labelled: "Chú giải"), "\(name)")
      #expect(book.cell(name, "B\(key)")?.number == 2 && book.cell(name, "D\(key)")?.number == 0, "\(name)")
    }
    // The web ads budget is over its limit (the sample's risk fires): red light, red remaining cell.
    let budget = try #require(book.sheets["Ngân sách"])
    let web = try #require(book.row("Ngân sách", labelled: "Marketing — Website (Meta, Google)"))
    #expect(budget["E\(web)"]?.number == 0)  // the month: 12,392,000 of 11,000,000
    #expect((budget["D\(web)"]?.number ?? 0) < 0)
    // The year to date on the same basis as its share used: 116,040,000 of 116,000,000 to date is 100.03%,
    // within the plan's 110% band: amber, by a formula over the share.
    #expect(abs((budget["I\(web)"]?.number ?? 0) - 116_040_000.0 / 116_000_000.0) < 1e-12)
    #expect(budget["J\(web)"]?.number == 1)
    #expect(
      budget["J\(web)"]?.formula
        == "IF(IF(G\(web)=0,\"\",F\(web)/G\(web))=\"\",\"Chưa có số liệu\",IF(IF(G\(web)=0,\"\",F\(web)/G\(web))<=1,2,IF(IF(G\(web)=0,\"\",F\(web)/G\(web))<=1.1,1,0)))"
    )
    // The total of the spend lines, purchases aside (they go to stock, not to spending).
    let total = try #require(book.row("Ngân sách", labelled: "Tổng chi phí (không gồm nhập hàng)"))
    let purchases = try #require(book.row("Ngân sách", labelled: "Nhập hàng"))
    let spendRows = (5..<total).filter { $0 != purchases }
    #expect(budget["F\(total)"]?.formula == "SUM(\(spendRows.map { "F\($0)" }.joined(separator: ",")))")
    #expect(budget["F\(total)"]?.number == spendRows.compactMap { budget["F\($0)"]?.number }.reduce(0, +))
    #expect(try sheetXML("Ngân sách").contains("operator=\"lessThan\"><formula>0</formula>"))
    let risks = try #require(book.sheets["Rủi ro và KPI"])
    let webRisk = try #require(book.row("Rủi ro và KPI", labelled: "Vượt ngân sách marketing website"))
    #expect(risks["B\(webRisk)"]?.number == 0)
  }

  /// The sample plan's own signals, judged month by month from the generator's figures: the margin
  /// squeeze (a month below 34.5%, or two below 35% in a row), online growth stalling (the online share
  /// under 40% two months running, or Shopee under +30% on the same month of 2025), and the lights of
  /// each channel's growth and each budget category's use.
  @Test func risksWithHistoryAndKPIsPerChannelAndCategory() throws {
    func margin(_ month: String) -> Ratio? {
      let covered = current.sum("covered_revenue", months: [month]), cogs = current.sum("cogs", months: [month])
      return Ratio(numerator: covered - cogs, denominator: covered)
    }
    func below(_ r: Ratio?, _ ppm: Int64) -> Bool {
      r.map { $0.compared(to: Ratio(partsPerMillion: ppm)) < 0 } ?? false
    }
    let squeeze = try #require(outcome.report.risks.first { $0.risk.risk.hasPrefix("Giá vốn sữa") })
    #expect(squeeze.risk.combination == .any && squeeze.conditions.count == 2)
    #expect(squeeze.conditions[1].judged.map(\.month.description) == ["2026-09", "2026-10"])
    #expect(squeeze.conditions[1].judged.map(\.value) == [margin("2026-09"), margin("2026-10")])
    #expect(
      squeeze.triggered
        == (below(margin("2026-10"), 345_000)
          || (below(margin("2026-09"), 350_000) && below(margin("2026-10"), 350_000))))
    // September's review: August and September both under 35% (September at 34.99%, shown as 35.0%).
    let september = try ReviewJob(
      configPath: Samples.config, month: Month(year: 2026, month: 9)!,
      outputFolder: folder.url.appendingPathComponent("sep")
    ).run()
    let sepSqueeze = try #require(september.report.risks.first { $0.risk.risk.hasPrefix("Giá vốn sữa") })
    #expect(below(margin("2026-08"), 350_000) && below(margin("2026-09"), 350_000))
    #expect(sepSqueeze.triggered && sepSqueeze.shown.condition.monthsInARow == 2)
    #expect(sepSqueeze.value == margin("2026-09"))
    let text = ConsoleSummary.render(september, workbookShown: "w.xlsx")
    #expect(
      text.contains("rủi ro đã kích hoạt: Giá vốn sữa tăng làm giảm biên lợi nhuận (biên lợi nhuận gộp 2026-08 "),
      "\(text)")
    #expect(text.contains(", 2026-09 34,99% dưới ngưỡng 35,0%) → "), "\(text)")
    // Its workbook: the risk's months judged on the risks sheet, and the risk among those fired on the summary.
    let sepBook = try WorkbookReadBack(path: september.workbook.path)
    let risks = try #require(sepBook.sheets["Rủi ro và KPI"])
    let first = try #require(sepBook.row("Rủi ro và KPI", labelled: "Giá vốn sữa tăng làm giảm biên lợi nhuận"))
    #expect(risks["A\(first + 1)"]?.value == "… hoặc")
    #expect(risks["C\(first + 1)"]?.value == "Biên lợi nhuận gộp (2 tháng liên tiếp)")
    #expect(risks["H\(first + 1)"]?.value.hasSuffix(" · T9/2026: 34,99%") == true)
    #expect(risks["G\(first + 1)"]?.number == 0)  // the condition holds: red
    // 34.99% against 35% shows its second decimal (35.0% would hide the breach), threshold included.
    #expect(sepBook.numberFormat("Rủi ro và KPI", "F\(first + 1)") == "0.00%")
    #expect(sepBook.numberFormat("Rủi ro và KPI", "E\(first + 1)") == "0.00%")
    #expect(sepBook.numberFormat("Rủi ro và KPI", "E\(first)") == "0.0%")
    let summary = try #require(sepBook.sheets["Tổng quan"])
    let fired = try #require(sepBook.row("Tổng quan", labelled: "Rủi ro đã kích hoạt"))
    let firedRows = (fired + 2)...(fired + 2 + september.report.risks.filter(\.triggered).count - 1)
    let squeezeRow = try #require(firedRows.first { summary["A\($0)"]?.value == sepSqueeze.risk.risk })
    #expect(summary["B\(squeezeRow)"]?.formula == "'Rủi ro và KPI'!F\(first + 1)")
    #expect(summary["E\(squeezeRow)"]?.value == "Biên lợi nhuận gộp (2 tháng liên tiếp)")

    // Online growth stalls: the share under 40% in September and October? Shopee under +30%?
    func online(_ month: String) -> Ratio? {
      let all = current.sum("revenue", months: [month])
      let on =
        current.sum("revenue", months: [month], channel: "shopee")
        + current.sum("revenue", months: [month], channel: "web")
      return Ratio(numerator: on, denominator: all)
    }
    func growth(_ channel: String, _ months: [String]) -> Ratio? {
      let now = current.sum("revenue", months: months, channel: channel)
      let before = expected.baseline2025.sum(
        "revenue", months: months.map { "2025" + $0.dropFirst(4) }, channel: channel)
      return Ratio(numerator: now - before, denominator: before)
    }
    let stalls = try #require(outcome.report.risks.first { $0.risk.risk == "Tăng trưởng online chững lại" })
    #expect(stalls.conditions[0].judged.map(\.value) == [online("2026-09"), online("2026-10")])
    #expect(stalls.conditions[1].judged.map(\.value) == [growth("shopee", ["2026-10"])])
    #expect(
      stalls.triggered
        == ((below(online("2026-09"), 400_000) && below(online("2026-10"), 400_000))
          || below(growth("shopee", ["2026-10"]), 300_000)))

    // A growth light per channel, in the config's order, and one budget light per category.
    let growthLights = outcome.report.kpis.filter { $0.kpi == .growthVsBaseline }
    #expect(growthLights.map(\.scope.channel) == ["store", "shopee", "web"])
    for k in growthLights {
      let channel = try #require(k.scope.channel)
      #expect(k.month == growth(channel, ["2026-10"]) && k.yearToDate == growth(channel, Self.months))
      #expect(k.byMonth.map(\.value) == Self.months.map { growth(channel, [$0]) })
      let light: KPIStatus.Light =
        !below(k.month, 200_000) ? .green : !below(k.month, 0) ? .amber : .red
      #expect(k.monthLight == light)
    }
    let budgetLights = outcome.report.kpis.filter { $0.kpi == .budgetUsed }
    #expect(budgetLights.map(\.scope.category) == outcome.report.plan.budget(in: outcome.report.month).map(\.id))
    let web = try #require(budgetLights.first { $0.scope.category == "marketing-web" })
    // 116,040,000 of 116,000,000 so far: 100.03%, past 100% but within 110%: amber.
    #expect(web.yearToDate == Ratio(numerator: 116_040_000, denominator: 116_000_000) && web.yearToDateLight == .amber)
    // A KPI's light is a formula over its value and bounds (a corrected figure re-colours), the decided
    // light cached: gross margin, higher is better.
    let kpis = try #require(book.sheets["Rủi ro và KPI"])
    let marginRow = try #require(book.row("Rủi ro và KPI", labelled: "Biên lợi nhuận gộp"))
    let margin = try #require(outcome.report.kpis.first { $0.kpi == .grossMargin })
    #expect(
      kpis["C\(marginRow)"]?.formula
        == "IF(B\(marginRow)=\"\",\"Chưa có số liệu\",IF(B\(marginRow)>=F\(marginRow),2,IF(B\(marginRow)>=G\(marginRow),1,0)))"
    )
    #expect(kpis["C\(marginRow)"]?.number == [.green: 2, .amber: 1, .red: 0][margin.monthLight])
    // The summary's KPIs to watch: those amber or red in the month or the year to date, each value and
    // light a link to the KPI's row on the risks and KPIs sheet.
    let s = try #require(book.sheets["Tổng quan"])
    let lights = try #require(book.row("Tổng quan", labelled: "KPI cần theo dõi"))
    let kpiSheet = try #require(book.sheets["Rủi ro và KPI"])
    let watched = outcome.report.kpis.filter { $0.monthLight != .green || $0.yearToDateLight != .green }
      .filter { [$0.monthLight, $0.yearToDateLight].contains { $0 == .amber || $0 == .red } }
    #expect(!watched.isEmpty && watched.count < outcome.report.kpis.count)
    for (i, k) in watched.enumerated() {
      // The KPI's name spans A…C; its month value is in D, the light in E.
      let formula = try #require(s["D\(lights + 2 + i)"]?.formula)
      let target = String(formula.dropFirst("'Rủi ro và KPI'!".count))
      #expect(abs((kpiSheet[target]?.number ?? -9) - (k.month?.value ?? -9)) < 1e-12, "\(formula)")
      let kpiRow = Int(target.dropFirst())!
      #expect(kpiSheet["A\(kpiRow)"]?.value == s["A\(lights + 2 + i)"]?.value)
      #expect(s["E\(lights + 2 + i)"]?.formula == "'Rủi ro và KPI'!C\(kpiRow)")
      #expect(s["E\(lights + 2 + i)"]?.number == kpiSheet["C\(kpiRow)"]?.number)
    }
  }

  @Test func eachChannelInEachMonthAgainstItsTargetAndTheBaselineMonth() throws {
    let s = try #require(book.sheets["Doanh thu theo kênh"])
    let title = try #require(book.row("Doanh thu theo kênh", labelled: "Theo tháng và kênh"))
    let names = ["Cửa hàng": "store", "Shopee": "shopee", "Website": "web"]
    var row = title + 2
    var targets: Double = 0
    for month in Self.months {
      for name in ["Cửa hàng", "Shopee", "Website"] {
        let id = try #require(names[name])
        #expect(s["A\(row)"]?.number == WorkbookReadBack.serial(month: month), "row \(row)")
        #expect(s["B\(row)"]?.value == name, "row \(row)")
        #expect(
          s["C\(row)"]?.number == Double(current.sum("revenue", months: [month], channel: id)), "\(month) \(name)")
        #expect(s["C\(row)"]?.formula?.hasPrefix("SUMIFS(") == true)
        #expect(s["E\(row)"]?.formula == "C\(row)-D\(row)")
        let baselineMonth = "2025" + month.dropFirst(4)
        #expect(
          s["G\(row)"]?.number == Double(expected.baseline2025.sum("revenue", months: [baselineMonth], channel: id)),
          "\(month) \(name)")
        targets += s["D\(row)"]?.number ?? 0
        row += 1
      }
    }
    // The channels' monthly targets add up to the year-to-date target exactly.
    #expect(targets == Double(try #require(outcome.report.yearToDate.revenue.plan).minorUnits))
  }

  @Test func everySummaryFigureIsALinkOrASumThatLeadsToRows() throws {
    let s = try #require(book.sheets["Tổng quan"])
    for (label, month, ytd) in [
      (
        "Tỷ trọng online", "SUMIFS('Doanh thu theo kênh'!C4:C6,'Doanh thu theo kênh'!B4:B6,\"Online\")",
        "SUMIFS('Doanh thu theo kênh'!G4:G6"
      ),
      ("Biên lợi nhuận gộp %", "'Lợi nhuận gộp'!F13", "'Lợi nhuận gộp'!F14"),
      ("Tỷ lệ có giá vốn", "'Lợi nhuận gộp'!G13", "'Lợi nhuận gộp'!G14"),
      ("Marketing / doanh thu", "'Marketing'!F13", "'Marketing'!F14"),
      ("Số lượng", "SUMIFS('Dữ liệu'!$I:$I,", "SUM('Dữ liệu'!$I:$I)"),
      ("Số đơn", "SUMIFS('Dữ liệu'!$O:$O,", "SUM('Dữ liệu'!$O:$O)"),
    ] {
      let row = try #require(book.row("Tổng quan", labelled: label))
      #expect(s["B\(row)"]?.formula?.contains(month) == true, "\(label): \(s["B\(row)"]?.formula ?? "")")
      #expect(s["H\(row)"]?.formula?.contains(ytd) == true, "\(label): \(s["H\(row)"]?.formula ?? "")")
    }
    // Ratio gaps in points, positive when better: online share above its goal, marketing below its ceiling.
    let online = try #require(book.row("Tổng quan", labelled: "Tỷ trọng online"))
    #expect(
      s["D\(online)"]?.formula == "IF(OR(B\(online)=\"\",C\(online)=\"\"),\"\",ROUND((B\(online)-C\(online))*100,6))")
    let ratio = try #require(book.row("Tổng quan", labelled: "Marketing / doanh thu"))
    #expect(s["J\(ratio)"]?.formula == "IF(OR(H\(ratio)=\"\",I\(ratio)=\"\"),\"\",ROUND((I\(ratio)-H\(ratio))*100,6))")
    #expect(s["J\(ratio)"]?.number == outcome.report.yearToDate.marketingToRevenue.variancePoints)
    let units = try #require(book.row("Tổng quan", labelled: "Số lượng"))
    #expect(s["H\(units)"]?.number == Double(current.sum("units", months: Self.months)))
    // Gross profit in đồng, and the operating costs (every spend line, purchases aside) against their
    // budget, from the margin and budget sheets.
    let profit = try #require(book.row("Tổng quan", labelled: "Lợi nhuận gộp"))
    #expect(s["H\(profit)"]?.formula == "'Lợi nhuận gộp'!E14")
    #expect(
      s["H\(profit)"]?.number
        == Double(current.sum("covered_revenue", months: Self.months) - current.sum("cogs", months: Self.months)))
    let costs = try #require(book.row("Tổng quan", labelled: "Chi phí hoạt động"))
    #expect(s["H\(costs)"]?.formula?.hasPrefix("'Ngân sách'!F") == true)
    let expenses = Self.months.flatMap { (expected.expenses2026[$0] ?? [:]).values }.reduce(0, +)
    #expect(s["H\(costs)"]?.number == Double(current.sum("marketing", months: Self.months) + expenses))
    // Orders lead to their rows: each order's first sale line in its month and channel counts 1.
    let orders = try #require(book.row("Tổng quan", labelled: "Số đơn"))
    #expect(s["B\(orders)"]?.number == Double(current.sum("orders", months: ["2026-10"])))
    #expect(s["H\(orders)"]?.number == Double(current.sum("orders", months: Self.months)))
    let data = try #require(book.sheets["Dữ liệu"])
    let ones = data.filter { $0.key.hasPrefix("O") && Int($0.key.dropFirst()).map { $0 >= 4 } == true }
      .compactMap(\.value.number).reduce(0, +)
    #expect(ones == Double(current.sum("orders", months: Self.months)))
    // The risks the figures triggered, each value a link to its row on the risks sheet.
    let fired = try #require(book.row("Tổng quan", labelled: "Rủi ro đã kích hoạt"))
    let triggered = outcome.report.risks.filter(\.triggered)
    #expect(!triggered.isEmpty)
    for (i, risk) in triggered.enumerated() {
      #expect(s["A\(fired + 2 + i)"]?.value == risk.risk.risk)
      #expect(s["B\(fired + 2 + i)"]?.formula?.hasPrefix("'Rủi ro và KPI'!F") == true)
      #expect(abs((s["B\(fired + 2 + i)"]?.number ?? 0) - (risk.value?.value ?? 1)) < 1e-12)
    }
  }

  @Test func marginAndMarketingFiguresAreSumsOverTheDataSheets() throws {
    let g = try #require(book.sheets["Lợi nhuận gộp"])
    let october = try #require(book.row("Lợi nhuận gộp", month: "2026-10"))
    #expect(g["B\(october)"]?.formula?.hasPrefix("SUMIFS('Dữ liệu'!$J:$J,") == true)
    #expect(g["C\(october)"]?.formula?.hasPrefix("SUMIFS('Dữ liệu'!$K:$K,") == true)
    #expect(g["D\(october)"]?.formula?.hasPrefix("SUMIFS('Dữ liệu'!$L:$L,") == true)
    #expect(g["D\(october)"]?.number == Double(current.sum("cogs", months: ["2026-10"])))
    let shopee = try #require(book.row("Lợi nhuận gộp", labelled: "Shopee"))
    #expect(g["B\(shopee)"]?.formula?.contains("\"Shopee\"") == true)
    #expect(g["B\(shopee)"]?.number == Double(current.sum("revenue", months: Self.months, channel: "shopee")))

    let m = try #require(book.sheets["Marketing"])
    let marketingOctober = try #require(book.row("Marketing", month: "2026-10"))
    #expect(m["B\(marketingOctober)"]?.formula?.hasPrefix("SUMIFS('Dữ liệu chi phí'!$I:$I,") == true)
    let web = try #require(book.row("Marketing", labelled: "Website"))
    #expect(m["F\(web)"]?.formula?.contains("\"Website\"") == true)
    #expect(m["F\(web)"]?.number == Double(current.sum("marketing", months: Self.months, channel: "web")))

    // The spend sheet: each spend line's part in each month, naming its file and line.
    let spend = try #require(book.sheets["Dữ liệu chi phí"])
    var marketing: Double = 0
    var rows = 0
    for (reference, cell) in spend where reference.hasPrefix("I") && Int(reference.dropFirst()).map({ $0 >= 4 }) == true
    {
      rows += 1
      if spend["C\(reference.dropFirst())"]?.value == "Marketing" { marketing += cell.number ?? 0 }
      #expect(spend["J\(reference.dropFirst())"]?.value.hasPrefix("exports/2026-") == true, "\(reference)")
    }
    #expect(rows == outcome.report.data.spend.count)
    #expect(marketing == Double(current.sum("marketing", months: Self.months)))
  }

  @Test func marketingByChannelAgainstTheChannelsOwnBudget() throws {
    let m = try #require(book.sheets["Marketing"])
    let web = try #require(book.row("Marketing", labelled: "Website"))
    #expect(m["B\(web)"]?.number == Double(current.sum("marketing", months: ["2026-10"], channel: "web")))
    #expect(m["C\(web)"]?.number == 11_000_000)  // the revised budget from July
    #expect(m["G\(web)"]?.number == Double(6 * 12_000_000 + 4 * 11_000_000))
    #expect(m["H\(web)"]?.formula == "G\(web)-F\(web)")
    let shopee = try #require(book.row("Marketing", labelled: "Shopee"))
    #expect(m["C\(shopee)"] == nil)  // no budget of its own: the note says where it is counted
    #expect(m.values.contains { $0.value.hasPrefix("Kênh không có ngân sách marketing riêng") })
    // The channels' spend added up, against the generator's figures per channel.
    let total = try #require(book.row("Marketing", labelled: "Tổng"))
    let channels = ["store", "shopee", "web"]
    #expect(
      m["B\(total)"]?.number
        == Double(channels.map { current.sum("marketing", months: ["2026-10"], channel: $0) }.reduce(0, +)))
    #expect(
      m["F\(total)"]?.number
        == Double(channels.map { current.sum("marketing", months: Self.months, channel: $0) }.reduce(0, +)))
  }

  @Test func consoleSummaryShowsTheIndependentFigures() throws {
    var english = outcome
    english.language = .en
    let text = ConsoleSummary.render(english, workbookShown: "w.xlsx")
    let october = current.sum("revenue", months: ["2026-10"])
    #expect(text.contains("  revenue \(MoneyText(currency: .vnd).format(Money(minorUnits: october))) vs target"))
    #expect(MoneyText(currency: .vnd).format(Money(minorUnits: -1_234_567)) == "-1,234,567 VND")
    #expect(
      MoneyText(currency: Currency(code: "USD", minorDigits: 2)).format(Money(minorUnits: 120_05)) == "120.05 USD")
    #expect(text.contains("workbook: w.xlsx"))
    // A budget over its limit says which period is over; spend no budget covers says so, not "of 0 VND".
    let money = MoneyText(currency: .vnd)
    let web = try #require(outcome.report.budget.first { $0.id == "marketing-web" })
    #expect(
      text.contains(
        "over budget: \(web.name): this month \(money.format(web.month.actual)) of \(money.format(web.month.plan ?? .zero)); "
          + "year to date \(money.format(web.yearToDate.actual)) of the \(money.format(web.yearToDate.plan ?? .zero)) budgeted to date; "
          + "\(money.format(web.remaining)) of the year's \(money.format(web.annual)) left"), "\(text)")
    #expect(web.yearToDate.actual.minorUnits == current.sum("marketing", months: Self.months, channel: "web"))
    // Outside every budget: the repairs and the flash sales' ads sent to Shopee (no category covers
    // Shopee's marketing), from the generator's figures.
    func unbudgeted(_ months: [String]) -> Int64 {
      months.flatMap { expected.expenses2026[$0] ?? [:] }.filter { $0.key.hasPrefix("Phiếu chi Sửa chữa") }.map(
        \.value
      ).reduce(0, +)
        + current.sum("marketing", months: months, channel: "shopee")
    }
    #expect(
      text.contains(
        "spent outside the budget: \(money.format(Money(minorUnits: unbudgeted(["2026-10"])))) this month, "
          + "\(money.format(Money(minorUnits: unbudgeted(Self.months)))) year to date (spend no budget category of the plan covers"
      ), "\(text)")
    #expect(!text.contains("of 0 VND"))
    // 116,040,000 of 116,000,000 is 100.03%: shown with the decimal that tells it from the 100% limit.
    #expect(text.contains("(budget used — Marketing — Website (Meta, Google) 100.03% above 100.0%)"), "\(text)")
  }

  /// The sample shop's config says `language = "vi"`: its console speaks Vietnamese, with numbers
  /// written the Vietnamese way (1.234.567 and 35,4%), the same figures as in English.
  @Test func aVietnameseShopsConsoleSummaryIsVietnamese() throws {
    #expect(outcome.language == .vi)
    let text = ConsoleSummary.render(outcome, workbookShown: "w.xlsx")
    let money = MoneyText(currency: .vnd, language: .vi)
    #expect(money.format(Money(minorUnits: -1_234_567)) == "-1.234.567 VND")
    #expect(
      MoneyText(currency: Currency(code: "USD", minorDigits: 2), language: .vi).format(Money(minorUnits: 1_234_05))
        == "1.234,05 USD")
    let october = current.sum("revenue", months: ["2026-10"])
    #expect(
      text.hasPrefix("BabyCare House — Đánh giá thực hiện kế hoạch năm (AOP) kỳ 2026-10\ntrong tháng:\n"), "\(text)")
    #expect(text.contains("  doanh thu thuần \(money.format(Money(minorUnits: october))) so với kế hoạch "), "\(text)")
    #expect(text.contains("\nlũy kế năm:\n"))
    let web = try #require(outcome.report.budget.first { $0.id == "marketing-web" })
    #expect(
      text.contains(
        "vượt ngân sách: \(web.name): tháng này chi \(money.format(web.month.actual))/ngân sách \(money.format(web.month.plan ?? .zero)); "
          + "lũy kế năm chi \(money.format(web.yearToDate.actual))/ngân sách lũy kế \(money.format(web.yearToDate.plan ?? .zero)); "
          + "ngân sách năm \(money.format(web.annual)) còn lại \(money.format(web.remaining))"), "\(text)")
    // A budget is kept or overspent, not "met": the marketing line says so in both languages.
    #expect(text.contains("so với ngân sách 13.000.000 VND (-6,5%)  vượt ngân sách\n"), "\(text)")
    #expect(
      text.contains("(ngân sách đã dùng — Marketing — Website (Meta, Google) 100,03% trên ngưỡng 100,0%)"), "\(text)")
    let t = outcome.report.tally
    #expect(
      text.contains(
        "tệp: \(outcome.report.sources.count) (0 bị từ chối); dòng: đọc \(Digits.grouped(t.read, separator: ".")), "
          + "nhận \(Digits.grouped(t.accepted, separator: ".")), loại 1, trùng \(t.duplicates), bỏ qua \(t.skipped)"),
      "\(text)")
    #expect(text.hasSuffix("báo cáo: w.xlsx\n"))
    // Not a word of the English summary is left.
    for english in ["revenue", "on track", "off track", "year to date", "over budget", "workbook", "target"] {
      #expect(!text.contains(english), "\(english)")
    }
  }

  @Test func jsonSummaryCarriesTheSameFigures() throws {
    let text = ReviewSummary(outcome, workbookShown: "out/review-2026-10.xlsx").json()
    let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(json["schema"] as? String == "aop.review.v3")
    #expect(json["exit_code"] as? Int == 65)
    let ytd = try #require(json["year_to_date_kpis"] as? [String: Any])
    #expect((ytd["revenue"] as? [String: Any])?["actual"] as? Int64 == current.sum("revenue", months: Self.months))
    #expect(ytd["cogs"] as? Int64 == current.sum("cogs", months: Self.months))
    #expect((ytd["marketing"] as? [String: Any])?["actual"] as? Int64 == current.sum("marketing", months: Self.months))
    #expect(ytd["units"] as? Int == Int(current.sum("units", months: Self.months)))
    let files = try #require(json["files"] as? [[String: Any]])
    let repeated = try #require(files.first { ($0["duplicates"] as? Int ?? 0) > 0 })
    let duplicateOf = try #require((repeated["duplicates_of"] as? [[String: Any]])?.first)
    #expect(duplicateOf["count"] as? Int == repeated["duplicates"] as? Int)
    #expect(duplicateOf["example_line"] as? Int != nil && duplicateOf["original_line"] as? Int != nil)
    // v3: each risk's conditions with the months judged; each KPI's scope and month-by-month lights.
    let risks = try #require(json["risks"] as? [[String: Any]])
    let squeeze = try #require(risks.first { ($0["risk"] as? String)?.hasPrefix("Giá vốn sữa") == true })
    #expect(squeeze["combination"] as? String == "any")
    let conditions = try #require(squeeze["conditions"] as? [[String: Any]])
    #expect(conditions.map { $0["months_in_a_row"] as? Int } == [1, 2])
    let judged = try #require(conditions[1]["months"] as? [[String: Any]])
    #expect(judged.map { $0["month"] as? String } == ["2026-09", "2026-10"])
    let report = try #require(outcome.report.risks.first { $0.risk.risk == squeeze["risk"] as? String })
    for (entry, check) in zip(judged, report.conditions[1].judged) {
      #expect(abs((entry["value"] as? Double ?? -9) - (check.value?.value ?? -9)) < 1e-12)
    }
    let kpis = try #require(json["kpis"] as? [[String: Any]])
    let store = try #require(
      kpis.first {
        ($0["scope"] as? [String: Any])?["channel"] as? String == "store"
          && $0["kpi"] as? String == "growth_vs_baseline"
      })
    let byMonth = try #require(store["by_month"] as? [[String: Any]])
    #expect(byMonth.map { $0["month"] as? String } == Self.months)
    let lights = try #require(outcome.report.kpis.first { $0.kpi == .growthVsBaseline && $0.scope.channel == "store" })
    #expect(byMonth.map { $0["light"] as? String } == lights.byMonth.map(\.light.rawValue))
    #expect(((store["scope"] as? [String: Any])?["category"]) is NSNull)
  }

  @Test func theSameInputsGiveTheSameBytes() throws {
    let again = try TemporaryFolder()
    let second = try ReviewJob(
      configPath: Samples.config, month: Month(year: 2026, month: 10)!, outputFolder: again.url
    ).run()
    let a = try Data(contentsOf: outcome.workbook), b = try Data(contentsOf: second.workbook)
    #expect(a == b)
    #expect(book.parts["docProps/core.xml"]?.contains("2026-11-01T00:00:00Z") == true)
  }
}

@Suite struct SampleBaselineTests {
  @Test func theBaselineMatchesTheIndependentFiguresAndTheCommittedFile() throws {
    let folder = try TemporaryFolder()
    let out = folder.url.appendingPathComponent("baseline.csv")
    let outcome = try BaselineJob(configPath: Samples.config, year: nil, outputFile: out).run()
    #expect(outcome.status == .ok)
    let expected = try Samples.expected().baseline2025
    let rollup = outcome.baseline.rollup
    for name in ["revenue", "covered_revenue", "cogs", "marketing", "orders", "units"] {
      let ours: Int64
      switch name {
      case "revenue": ours = rollup.total { _ in true }.revenue.minorUnits
      case "covered_revenue": ours = rollup.total { _ in true }.coveredRevenue.minorUnits
      case "cogs": ours = rollup.total { _ in true }.cogs.minorUnits
      case "marketing": ours = rollup.total { _ in true }.marketing.minorUnits
      case "orders": ours = Int64(rollup.total { _ in true }.orders)
      default: ours = Int64(rollup.total { _ in true }.units)
      }
      #expect(ours == expected.sum(name), "\(name)")
    }
    for m in 1...12 {
      let month = String(format: "2025-%02d", m)
      #expect(
        rollup.total { $0.month.description == month && $0.channel == "shopee" }.revenue.minorUnits
          == expected.sum("revenue", months: [month], channel: "shopee"))
    }
    // `make demo` regenerates samples/baseline: the committed file must be exactly what aop writes.
    #expect(
      try String(contentsOf: out, encoding: .utf8)
        == String(contentsOf: Samples.folder.appendingPathComponent("baseline/baseline-2025.csv"), encoding: .utf8))
  }
}

/// Past the data sheet's line limit the detail is summed by month × channel × product group: the totals
/// still lead to rows (the same SUMIFS), the figures do not change, and the summary says so.
@Suite struct SampleReviewPastTheDataSheetLimitTests {
  @Test func theDataSheetIsAggregatedAndTheSumsStillLeadToIt() throws {
    let expected = try Samples.expected().current2026
    let folder = try TemporaryFolder()
    var job = ReviewJob(configPath: Samples.config, month: Month(year: 2026, month: 10)!, outputFolder: folder.url)
    job.dataSheetLineLimit = 1_000
    let outcome = try job.run()
    #expect(outcome.report.data.isAggregated)
    let book = try WorkbookReadBack(path: outcome.workbook.path)
    let data = try #require(book.sheets["Dữ liệu"])
    #expect(data["A1"]?.value.contains("cộng theo tháng, kênh và nhóm hàng") == true)
    let rows = outcome.report.data.aggregate.count
    #expect(rows > 0 && rows < 1_000)
    var revenue: Double = 0
    for r in 4..<(4 + rows) {  // a title, the print note, the header
      #expect(data["D\(r)"]?.value == "Cộng gộp")
      revenue += data["J\(r)"]?.number ?? 0
    }
    #expect(revenue == Double(expected.sum("revenue", months: SampleReviewTests.months)))
    let channels = try #require(book.sheets["Doanh thu theo kênh"])
    let store = try #require(book.row("Doanh thu theo kênh", labelled: "Cửa hàng"))
    #expect(
      channels["C\(store)"]?.formula
        == "SUMIFS('Dữ liệu'!$J:$J,'Dữ liệu'!$C:$C,\"Cửa hàng\",'Dữ liệu'!$A:$A,DATE(2026,10,1))")
    #expect(channels["C\(store)"]?.number == Double(expected.sum("revenue", months: ["2026-10"], channel: "store")))
    let summary = try #require(book.sheets["Tổng quan"])
    #expect(summary.values.contains { $0.value.contains(". cộng theo tháng, kênh và nhóm hàng: sổ có 8.") })
  }
}

/// The sample review written another way than its config says: in English (`language = "en"`), or in
/// constant-memory mode (as for inputs past `XLSXWriter.constantMemoryAboveCells`).
enum SampleReviewVariant {
  static func write(
    _ report: ReviewReport, language: Config.Language = .en, constantMemory: Bool = false, to path: String
  ) throws {
    let layout = ReviewLayout(language: language)
    try XLSXWriter(currency: report.currency, constantMemory: constantMemory).write(
      layout.layOut(report), properties: layout.properties(report), to: path)
  }
}

@Suite struct EnglishWorkbookTests {
  @Test func labelsLightsAndSumsAreInEnglish() throws {
    let outcome = try ReviewJob(
      configPath: Samples.config, month: Month(year: 2026, month: 10)!, outputFolder: TemporaryFolder().url
    ).run()
    let folder = try TemporaryFolder()
    let path = folder.path("en.xlsx")
    try SampleReviewVariant.write(outcome.report, to: path)
    let book = try WorkbookReadBack(path: path)
    #expect(
      book.sheetOrder == [
        "Summary", "Revenue by channel", "Gross margin", "Marketing", "Budget", "Risks and KPIs", "KPIs by month",
        "Plan", "Sources",
        "Rejected rows", "Data", "Spend data",
      ])
    let revenue = try #require(book.row("Summary", labelled: "Net revenue"))
    #expect(book.numberFormat("Summary", "G\(revenue)") == "[=2]\"On track\";[=1]\"Watch\";\"Off track\"")
    #expect(book.cell("Summary", "H\(revenue)")?.formula?.hasPrefix("'Revenue by channel'!G") == true)
    let store = try #require(book.row("Revenue by channel", labelled: "Cửa hàng"))  // channel names are the config's
    #expect(
      book.cell("Revenue by channel", "C\(store)")?.formula?.hasPrefix("SUMIFS('Data'!$J:$J,'Data'!$C:$C,\"Cửa hàng\"")
        == true)
    let budget = try #require(book.row("Budget", labelled: "Key"))
    #expect(book.numberFormat("Budget", "B\(budget)") == "[=2]\"Within\";[=1]\"Watch\";\"Over\"")
    #expect(
      book.cell("Spend data", "C4")?.value == "Marketing" || book.cell("Spend data", "C4")?.value == "Other expense")
  }
}
