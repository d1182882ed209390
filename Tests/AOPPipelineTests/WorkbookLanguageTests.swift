import AOPKPIs
import AOPLedger
import AOPPipeline
import AOPPlan
import AOPTestSupport
import AOPWorkbook
import Foundation
import Testing

/// Every text of a review workbook — cells, printed headers and footers, number formats' words, chart
/// titles and series, the file's title — is in the workbook's language, with no code id, except what
/// it quotes from the inputs (file names, SKUs, the plan's own words, a rejected row's text).
@Suite(.serialized) struct WorkbookLanguageTests {
  /// The sample's October review, and a month of the sample with bad files and bad rows of every
  /// kind added, so that reject reasons and file notes are read too.
  @Test(arguments: [false, true])
  func everyTextOfTheWorkbookIsInItsLanguage(withBadInputs: Bool) throws {
    let folder = try TemporaryFolder()
    let outcome: ReviewJob.Outcome
    if withBadInputs {
      let shop = try OneMonthShop(extra: #"language = "vi""#)
      try Self.addBadInputs(to: shop.url.appendingPathComponent("exports/2026-10"))
      outcome = try ReviewJob(configPath: shop.config, month: Month(year: 2026, month: 10)!, outputFolder: folder.url)
        .run()
      #expect(outcome.report.rejections.count >= 8)
      #expect(outcome.report.sources.filter { $0.status == .refused }.count >= 4)
    } else {
      outcome = try ReviewJob(
        configPath: Samples.config, month: Month(year: 2026, month: 10)!, outputFolder: folder.url
      ).run()
    }
    let quoted = Quoted(Self.quotedTexts(in: outcome.report))
    let english = folder.path("english.xlsx")
    try SampleReviewVariant.write(outcome.report, to: english)
    for (path, language) in [(outcome.workbook.path, Config.Language.vi), (english, .en)] {
      let book = try WorkbookReadBack(path: path)
      var texts = book.texts
      if language == .vi {
        // The rejects CSV beside the workbook says its reasons in the workbook's language too.
        let rows = CSVText.rows(try String(contentsOf: outcome.rejectsFile, encoding: .utf8)).dropFirst()
        texts += rows.map { ("rejects CSV line \($0.count > 1 ? $0[1] : "")", $0.count > 3 ? $0[3] : "") }
      }
      #expect(texts.count > 100)
      // Each distinct text judged once (the data sheets repeat theirs thousands of times).
      var judged: [String: String?] = [:]
      var problems: [String] = []
      for (place, text) in texts {
        let problem = judged[text] ?? Self.problem(in: quoted.removed(from: text), language: language)
        judged[text] = problem
        if let problem { problems.append("\(place): \(problem) in “\(text)”") }
      }
      let listed = problems.prefix(40).joined(separator: "\n")
      #expect(problems.isEmpty, "\(language): \(problems.count) texts:\n\(listed)")
    }
  }

  /// The strings the report holds (the inputs' and the plan's own words), but not the ids the workbook
  /// must not show (channel and budget line ids, a profile's kind, the plan's cadence; a channel the config
  /// leaves unnamed is named by its id), nor reasons and notes, which the workbook says in its own words.
  static func quotedTexts(in report: ReviewReport) -> Set<String> {
    var found = Set<String>()
    var ids = Set<String>()
    var names = Set<String>()  // a channel the config does not name is shown by its id
    func walk(_ value: Any, label: String?, depth: Int) {
      guard depth < 12 else { return }
      if value is RejectReason || value is FileNote { return }
      if let s = value as? String {
        if ["id", "kind", "cadence", "channel"].contains(label ?? "") { ids.insert(s) } else { found.insert(s) }
        if label == "name" { names.insert(s) }
        return
      }
      for child in Mirror(reflecting: value).children { walk(child.value, label: child.label, depth: depth + 1) }
    }
    walk(report, label: nil, depth: 0)
    // Each rejected row's own text and column, and each source's path, profile id and hash.
    for r in report.rejections.kept { found.formUnion([r.rawText, r.source.file, r.column ?? ""]) }
    return found.subtracting(ids.subtracting(names)).filter { $0.count >= 2 }
  }

  /// Texts quoted from the inputs, found in a workbook's texts by their first word.
  struct Quoted {
    let whole: Set<String>
    let byFirstWord: [String: [String]]

    init(_ texts: Set<String>) {
      whole = texts
      var index: [String: [String]] = [:]
      for t in texts {
        guard let first = WorkbookLanguageTests.words(t).first else { continue }
        index[first, default: []].append(t)
      }
      byFirstWord = index.mapValues { $0.sorted { $0.count > $1.count } }
    }

    /// The text with what it quotes removed: the inputs' strings (whole, between word boundaries) and
    /// anything between backticks (a value or a command, quoted as such).
    func removed(from text: String) -> String {
      if whole.contains(text) { return "" }
      var s = text.replacingOccurrences(of: "`[^`]*`", with: " ", options: .regularExpression)
      // The longest first: a budget line's name before the channel name inside it.
      let candidates = Set(WorkbookLanguageTests.words(s)).flatMap { byFirstWord[$0] ?? [] }
      for q in candidates.sorted(by: { $0.count > $1.count }) where s.contains(q) {
        let pattern = "(?<![\\p{L}\\p{N}])" + NSRegularExpression.escapedPattern(for: q) + "(?![\\p{L}\\p{N}])"
        s = s.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
      }
      return s
    }
  }

  static func words(_ text: String) -> [String] {
    text.components(separatedBy: CharacterSet.letters.inverted).filter { !$0.isEmpty }
  }

  /// Words Vietnamese accountants write as they are, and names of formats and tools.
  static let loanwords: Set<String> = [
    "kpi", "marketing", "online", "sha", "csv", "utf", "xlsx", "xls", "xfd", "excel", "windows", "byte",
    // Abbreviations as accountants write them: KH (kế hoạch, the plan).
    "kh",
  ]
  /// A syllable Vietnamese writes without diacritics (`thu`, `Doanh`, `T` in `T10/2026`).
  static let plainSyllable = try! NSRegularExpression(
    pattern:
      "^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?(oai|oay|uay|uya|uye|ieu|yeu|ai|ao|au|ay|eo|ia|iu|oa|oe|oi|ua|ui|uy|a|e|i|o|u|y)(ch|ng|nh|[cmnpt])?$",
    options: [.caseInsensitive])
  static let vietnameseLetters = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"

  /// What is wrong with a text of a workbook in `language`, if anything.
  static func problem(in text: String, language: Config.Language) -> String? {
    let ns = text as NSString
    // Lower-case words joined by `_` or `-` (`revenue_vs_target`, `marketing-web`), or camelCase.
    let id = try! NSRegularExpression(
      pattern:
        "(?<![\\p{L}\\p{N}])(?=[0-9_-]*[a-z])[a-z0-9]+(?:[_-][a-z0-9]+)+(?![\\p{L}\\p{N}])|\\b[a-z]+[A-Z][A-Za-z]*\\b")
    if let m = id.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) {
      return "a code id `\(ns.substring(with: m.range))`"
    }
    for word in words(text) {
      let lower = word.lowercased()
      switch language {
      case .vi:
        guard word.count > 1, !loanwords.contains(lower), !lower.contains(where: vietnameseLetters.contains) else {
          continue
        }
        let range = NSRange(location: 0, length: (lower as NSString).length)
        if plainSyllable.firstMatch(in: lower, range: range) == nil { return "an English word `\(word)`" }
      case .en:
        if lower.contains(where: vietnameseLetters.contains), lower != "đồng" { return "a Vietnamese word `\(word)`" }
      }
    }
    return nil
  }

  /// Bad files and rows of every kind, beside the month's good exports.
  static func addBadInputs(to folder: URL) throws {
    func write(_ name: String, _ text: String) throws {
      try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }
    let garbled = String(data: Data("Điện nước".utf8), encoding: .windowsCP1252) ?? "Ä‘iá»‡n"
    try write(
      "chi-phi-khac.csv",
      """
      date,category,amount,channel,description
      2026-10-03,Điện nước,100000,store,đúng
      31/10/2026,Điện nước,100000,store,ngày sai dạng
      2026-10-05,Điện nước,"1,000,000",store,số nhóm sai
      2026-10-06,Điện nước,abc,store,chữ
      2026-10-07,Điện nước,,store,trống
      2026-10-08,Điện nước,100000,kho,kênh lạ
      2026-10-09,Điện nước,100000
      2026-10-10,\(garbled),100000,store,lỗi phông
      2026-10-11,Điện nước,100000.5,store,lẻ đồng
      2026-10-12,Điện nước,"100000,store,x

      """)
    try write("ghi-chu.csv", "foo,bar\n1,2\n")
    try write("trong.csv", "")
    // Latin-1, as an old Excel saves it: `é` is the one byte E9.
    try Data(
      Array("date,category,amount\n2026-10-03,".utf8) + [0xE9] + Array("lectricit".utf8) + [0xE9] + Array(",100\n".utf8)
    )
    .write(to: folder.appendingPathComponent("latin1.csv"))
    try FileManager.default.copyItem(
      at: folder.appendingPathComponent("chi-phi-khac.csv"), to: folder.appendingPathComponent("chi-phi-khac (1).csv"))
    try write("not-a-workbook.xlsx", "this is not a zip archive")
  }
}
