import AOPLedger
import AOPRows
import AOPTestSupport
import Foundation
import Testing

@testable import AOPImport

/// A large CSV file of sales read ahead in two halves on two cores gives exactly what reading it on one
/// core gives: every line with its file and line, every rejection in its place, the file's account and
/// hash, and the row identities a later file's rows are duplicates of. Where the halves could read
/// differently (the split point inside a quoted field, or after a blank line), the file is read whole.
@Suite struct SplitReadingTests {
  /// The sample year's KiotViet invoice export: its byte-order mark and header line, and its rows (CRLF).
  let sample: (header: String, rows: [String]) = {
    let path = Samples.folder.appendingPathComponent(
      "exports/2025/kiotviet/DanhSachChiTietHoaDon_KV02012026-081503-117.csv")
    let text = try! String(contentsOf: path, encoding: .utf8)
    var lines = text.components(separatedBy: "\r\n")
    if lines.last == "" { lines.removeLast() }
    return (lines[0], Array(lines.dropFirst()))
  }()

  /// The sample's rows with their invoice codes (`HD000123`) marked `mark` (same length), so that each
  /// copy's orders are other orders; `nil` keeps the codes, so its rows repeat the sample's.
  func rows(_ mark: Character?) -> [String] {
    guard let mark else { return sample.rows }
    return sample.rows.map { $0.replacingOccurrences(of: ";HD0", with: ";HD\(mark)") }
  }

  /// Rows a reader or profile rejects, one of each kind: a stray quote, too few fields, no date.
  let badRows = [
    "Chi nhánh trung tâm;HD9\"99;x",
    "Chi nhánh trung tâm;HD999998;01/01/2025 10:00:00",
    "Chi nhánh trung tâm;HD999999;;;;Khách lẻ;;Lan;Bán trực tiếp;1;0;1;1;1;0;Hoàn thành;SKU;Tên;Cái;;1;1;0;0;1;1",
  ]

  /// The export: the sample's rows as they are, three copies as other orders with bad rows among them,
  /// and the sample's rows as they are again (each of those rows then the second of its identity in the
  /// file: numbered 2, in the second half).
  func export(_ lineEnd: String = "\r\n") -> String {
    var body: [String] = rows(nil)
    for mark: Character in ["a", "b", "c"] {
      var copy = rows(mark)
      for (n, bad) in badRows.enumerated() { copy.insert(bad, at: 700 * (n + 1)) }
      body += copy
    }
    body += rows(nil)
    return ([sample.header] + body).joined(separator: lineEnd) + lineEnd
  }

  /// The sample's export twice: its rows are the big export's first and last copies (numbered 1 and 2).
  func repeatExport() -> String {
    ([sample.header] + rows(nil) + rows(nil)).joined(separator: "\r\n") + "\r\n"
  }

  struct Reading: Equatable {
    var files: [SourceFile]
    var sales: [SaleLine]
    var rejections: [Rejection]
    var tally: ReadAheadTally
  }

  /// Imports the files in order on `workers` threads; a file of sales from `splitFrom` bytes is read in
  /// halves (the first waiting for the second to be taken, so that it is, unless not `waiting`).
  func read(
    _ paths: [String], workers: Int, splitFrom: Int = .max, waiting: Bool = true, profiles: ProfileSet? = nil
  ) throws -> Reading {
    var settings = ImportSettings(currency: .vnd, channels: testChannels)
    settings.splitFrom = splitFrom
    settings.splitWaitsForSecondHalf = waiting
    let importer = FileImporter(profiles: try profiles ?? ProfileSet.load(), settings: settings)
    let sink = CollectingSink()
    var files: [SourceFile] = []
    let tally = try importer.importFiles(
      paths.map { ImportInput(path: $0, displayPath: ($0 as NSString).lastPathComponent) }, into: sink,
      workers: workers, starting: { _ in nil }, finished: { _, file in files.append(file) })
    return Reading(files: files, sales: sink.sales, rejections: sink.rejections, tally: tally)
  }

  /// Both ways agree in everything they deliver (a difference told by its first item, not the lists).
  func expectSame(_ got: Reading, _ expected: Reading) {
    #expect(got.files == expected.files)
    #expect(got.sales.count == expected.sales.count)
    if let i = got.sales.indices.first(where: { $0 < expected.sales.count && got.sales[$0] != expected.sales[$0] }) {
      Issue.record("sale line \(i) differs: \(got.sales[i]) instead of \(expected.sales[i])")
    }
    #expect(got.rejections.count == expected.rejections.count)
    if let i = got.rejections.indices.first(where: {
      $0 < expected.rejections.count && got.rejections[$0] != expected.rejections[$0]
    }) {
      Issue.record("rejection \(i) differs: \(got.rejections[i]) instead of \(expected.rejections[i])")
    }
  }

  @Test(arguments: ["\r\n", "\n"])
  func readInHalvesItIsReadAsOnOneCore(lineEnd: String) throws {
    let temp = try TemporaryFolder()
    let big = temp.path("1-big.csv")
    let again = temp.path("2-again.csv")
    try Data(export(lineEnd).utf8).write(to: URL(fileURLWithPath: big))
    try Data(repeatExport().utf8).write(to: URL(fileURLWithPath: again))
    let one = try read([big, again], workers: 1)
    // Only the big file (about 7.8 MB) is large enough to split.
    let halves = try read([big, again], workers: 2, splitFrom: 5 << 20)
    expectSame(halves, one)
    // The big file was read in halves, and its reading stood: its identities were numbered as one
    // reading numbers them (a second half numbering its own from 1 would repeat the first half's keys).
    #expect(halves.tally.inHalves == 1)
    #expect(halves.tally.readAhead == 2 && halves.tally.stood == 1)
    // What both found: every bad row rejected; the second file's rows all duplicates of the big one's —
    // more than one copy's worth, so its second copy too, of the big file's last copy (second half).
    let first = try #require(halves.files.first)
    #expect(first.tally.rejected == 9 && first.tally.balances)
    #expect(first.sha256 != nil && first.sha256 == one.files.first?.sha256)
    let second = try #require(halves.files.last)
    #expect(second.tally.accepted == 0 && second.tally.duplicates > sample.rows.count)
    #expect(second.duplicatesOf.map(\.file) == ["1-big.csv"])
    #expect(halves.sales.contains { $0.source.line > 4 * sample.rows.count }, "the last copy's rows were booked")
  }

  /// The reader from the middle gives the same records as the reader from the start gives from there:
  /// lines, fields, raw text and rejections.
  @Test func theSecondReaderReadsAsTheFirstFromTheSplitPoint() throws {
    let temp = try TemporaryFolder()
    let big = temp.path("big.csv")
    try Data(export().utf8).write(to: URL(fileURLWithPath: big))
    let size = try #require(try FileManager.default.attributesOfItem(atPath: big)[.size] as? Int)
    let point = try #require(CSVSplitPoint.middle(of: big, size: size))
    var whole: [String] = []
    try RowSource.read(path: big, splitPoint: point) { whole.append(Self.describe($0)) }
    let reached = try #require(point.reached)
    #expect(reached.betweenRecords)
    let lines = try CSVSplitPoint.lines(in: big, before: point.offset)
    #expect(lines + 1 == reached.line)
    let reader = CSVReader(
      path: big, options: CSVOptions(), continuingAt: point, linesBefore: lines, delimiter: UInt8(ascii: ";"))
    var tail: [String] = []
    try reader.read { tail.append(Self.describe($0)) }
    #expect(tail.count > 10_000)
    #expect(Array(whole.suffix(tail.count)) == tail)
    #expect(reader.sha256 == nil)
  }

  static func describe(_ event: RowEvent) -> String {
    switch event {
    case .record(let r): return "\(r.line)-\(r.lastLine) \(r.fields) \(r.rawText)"
    case .malformed(let m): return "\(m.line) \(m.reason) \(m.rawText)"
    }
  }

  /// With nothing making the first half wait, it stops for the second only if another core took it:
  /// whichever way it goes, the same reading.
  @Test func readInHalvesOrNotWithoutWaitingTheSame() throws {
    let temp = try TemporaryFolder()
    let big = temp.path("1-big.csv")
    let again = temp.path("2-again.csv")
    try Data(export().utf8).write(to: URL(fileURLWithPath: big))
    try Data(repeatExport().utf8).write(to: URL(fileURLWithPath: again))
    let one = try read([big, again], workers: 1)
    for _ in 0..<2 { expectSame(try read([big, again], workers: 2, splitFrom: 1, waiting: false), one) }
  }

  /// A file so short that its split point is among the first rows, read before the file is identified
  /// (and then taken again): the halves meet past that point, as in a large file.
  @Test func aSplitPointAmongTheRowsReadToIdentifyTheFile() throws {
    let temp = try TemporaryFolder()
    // The first row with a long note, so that the middle falls within it and the split point is the
    // next line, the third of the file: the reader delivers it with the third record, the last read to
    // identify the file (whose profiles need at most two lines before the header).
    var first = sample.rows[0].components(separatedBy: ";")
    first[19] = String(repeating: "giao hàng giờ hành chính ", count: 150)
    let text = ([sample.header, first.joined(separator: ";")] + sample.rows[1..<8]).joined(separator: "\r\n") + "\r\n"
    let tiny = temp.path("1-tiny.csv")
    try Data(text.utf8).write(to: URL(fileURLWithPath: tiny))
    let point = try #require(CSVSplitPoint.middle(of: tiny, size: text.utf8.count))
    try RowSource.read(path: tiny, splitPoint: point) { _ in }
    #expect(point.reached?.line == 3)
    // A file of spend after it (not one of sales: it is not split).
    let spend = temp.path("2-spend.csv")
    try FileManager.default.copyItem(
      atPath: Samples.folder.appendingPathComponent("exports/2025/meta/bao-cao-quang-cao-2025.csv").path,
      toPath: spend)
    let one = try read([tiny, spend], workers: 1)
    let halves = try read([tiny, spend], workers: 2, splitFrom: 1)
    expectSame(halves, one)
    #expect(halves.tally.inHalves == 1)
    #expect(one.sales.count == 8)
  }

  /// A file whose split point comes before its header (here the second of two lines before it, a
  /// profile of the shop's own allowing them): read whole, by one core.
  @Test func aSplitPointBeforeTheHeaderIsNotUsed() throws {
    let temp = try TemporaryFolder()
    let template = try String(
      contentsOf: repositoryRoot.appendingPathComponent("templates/profiles/kiotviet-invoice-detail.toml"),
      encoding: .utf8)
    let own = template.replacingOccurrences(of: "id = \"kiotviet-invoice-detail\"", with: "id = \"kv-with-title\"")
      .replacingOccurrences(of: "[read]\n", with: "[read]\npreamble_lines = 2\n")
    _ = try temp.write("kv-with-title.toml", own)
    let profiles = ProfileSet([try Profile.load(from: temp.url.appendingPathComponent("kv-with-title.toml"))])
    // A long title line (the middle of the file falls in it), then a totals line as wide as the header.
    let title = "Báo cáo chi tiết hóa đơn — " + String(repeating: "Chi nhánh trung tâm, ", count: 200)
    let totals = "Tổng;Tổng cộng" + String(repeating: ";", count: 24)
    let text = ([title, totals, sample.header] + sample.rows.prefix(8)).joined(separator: "\r\n") + "\r\n"
    let big = temp.path("1-titled.csv")
    try Data(text.utf8).write(to: URL(fileURLWithPath: big))
    let point = try #require(CSVSplitPoint.middle(of: big, size: text.utf8.count))
    try RowSource.read(path: big, splitPoint: point) { _ in }
    #expect(point.reached?.line == 2 && point.reached?.betweenRecords == true)
    // Another file after it, of the same shape, smaller: not split.
    let small = temp.path("2-small.csv")
    try Data(([title, totals, sample.header] + sample.rows.prefix(2)).joined(separator: "\r\n").utf8).write(
      to: URL(fileURLWithPath: small))
    let one = try read([big, small], workers: 1, profiles: profiles)
    let halves = try read([big, small], workers: 2, splitFrom: text.utf8.count, profiles: profiles)
    expectSame(halves, one)
    #expect(halves.tally.inHalves == 0 && one.files.first?.tally.rejected == 0)
    #expect(one.sales.count == 8 && one.files.last?.tally.duplicates == 2)
  }

  /// An order of many lines with an order discount across the split point: the first half reads it
  /// whole (to the next order), so its discount is shared over all its lines, as on one core.
  @Test func anOrderAcrossTheSplitPointIsReadWholeByTheFirstHalf() throws {
    let temp = try TemporaryFolder()
    let half = rows("a")
    let discounted = sample.rows.filter { $0.contains(";HD000004;") }
    #expect(discounted.count == 2 && discounted[0].contains(";20.000;"))
    let order = Array(repeating: discounted, count: 20).joined().map {
      $0.replacingOccurrences(of: ";HD000004;", with: ";HD888888;")
    }
    let text =
      ([sample.header] + half + order + rows("b") + [half[1]]).joined(separator: "\r\n") + "\r\n"
    let big = temp.path("1-big.csv")
    try Data(text.utf8).write(to: URL(fileURLWithPath: big))
    let point = try #require(CSVSplitPoint.middle(of: big, size: text.utf8.count))
    try RowSource.read(path: big, splitPoint: point) { _ in }
    let orderStart = ([sample.header] + half).joined(separator: "\r\n").utf8.count + 2
    #expect(point.offset > orderStart + 1_000 && point.offset < orderStart + order.joined().utf8.count - 1_000)
    #expect(point.reached?.betweenRecords == true)
    let small = temp.path("2-small.csv")
    try Data(repeatExport().utf8).write(to: URL(fileURLWithPath: small))
    let one = try read([big, small], workers: 1)
    let halves = try read([big, small], workers: 2, splitFrom: text.utf8.count)
    expectSame(halves, one)
    #expect(halves.tally.inHalves == 1)
    let lines = one.sales.filter { $0.orderID == "HD888888" }
    #expect(lines.count == 40)
    #expect(
      lines.reduce(Money.zero) { $0 + $1.netRevenue } == Money(minorUnits: 20 * 1_419_000 - 20_000),
      "one discount over the whole order")
  }

  /// The split point inside a quoted note over many lines, or among blank lines: the reader from the
  /// start does not come to it between records, so the file is read whole, by one core.
  @Test(arguments: ["quoted", "blank"])
  func aSplitPointTheHalvesWouldReadDifferentlyIsNotUsed(kind: String) throws {
    let temp = try TemporaryFolder()
    let half = rows("a")
    let middle: String
    if kind == "quoted" {
      let note = (1...40).map { "dòng ghi chú thứ \($0) của đơn hàng" }.joined(separator: "\r\n")
      middle =
        "Chi nhánh trung tâm;HD777777;01/06/2025 10:00:00;01/06/2025 10:00:00;;Khách lẻ;;Lan;Bán trực tiếp;"
        + "100.000;0;100.000;100.000;100.000;0;Hoàn thành;TA-BOBBY-M;Tã quần Bobby size M 76 miếng;Cái;"
        + "\"\(note)\";1;100.000;0;0;100.000;100.000"
    } else {
      // (Fewer than the 200 lines a record may span: more blank lines would be taken for an open quote.)
      middle = String(repeating: "\r\n", count: 190) + half[0]
    }
    // About as many bytes after the middle row as before it (a row more after it for the header before
    // it), so that the split point falls within it (checked below).
    let text = ([sample.header] + half + [middle] + rows("b") + [half[1]]).joined(separator: "\r\n") + "\r\n"
    let big = temp.path("1-big.csv")
    try Data(text.utf8).write(to: URL(fileURLWithPath: big))
    let size = text.utf8.count
    let point = try #require(CSVSplitPoint.middle(of: big, size: size))
    try RowSource.read(path: big, splitPoint: point) { _ in }
    #expect(point.reached?.betweenRecords == false)
    let small = temp.path("2-small.csv")
    try FileManager.default.copyItem(
      atPath: Samples.folder.appendingPathComponent(
        "exports/2025/kiotviet/DanhSachChiTietHoaDon_KV02012026-081503-117.csv"
      ).path, toPath: small)
    let one = try read([big, small], workers: 1)
    let halves = try read([big, small], workers: 2, splitFrom: size)
    expectSame(halves, one)
    #expect(halves.tally.inHalves == 0 && halves.tally.readAhead == 2)
    #expect(one.files.first?.tally.rejected == 0 && one.files.first?.tally.accepted ?? 0 > 10_000)
  }
}
