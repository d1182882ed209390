import AOPTestSupport
import Foundation
import Testing

@testable import AOPRows

/// Reads a file and returns its events as (line, fields) or (line, "malformed: reason").
private func events(_ path: String, options: CSVOptions = CSVOptions()) throws -> [String] {
  var out: [String] = []
  try CSVReader(path: path, options: options).read { event in
    switch event {
    case .record(let r): out.append("\(r.line): \(r.fields.joined(separator: "|"))")
    case .malformed(let m): out.append("\(m.line): malformed <\(m.rawText)>")
    }
  }
  return out
}

@Suite struct CSVReaderTests {
  let folder: TemporaryFolder
  init() throws { folder = try TemporaryFolder() }

  @Test func commaLFAndCRLF() throws {
    let lf = try folder.write("lf.csv", "a,b,c\n1,2,3\n")
    #expect(try events(lf) == ["1: a|b|c", "2: 1|2|3"])
    let crlf = try folder.write("crlf.csv", "a,b,c\r\n1,2,3\r\n4,5,6")
    #expect(try events(crlf) == ["1: a|b|c", "2: 1|2|3", "3: 4|5|6"])
  }

  @Test func semicolonAndTabAreSniffed() throws {
    let semi = try folder.write("semi.csv", "Mã hàng;Thành tiền\nSP01;\"1.234.567\"\n")
    #expect(try events(semi) == ["1: Mã hàng|Thành tiền", "2: SP01|1.234.567"])
    let tab = try folder.write("tab.csv", "a\tb\n1,5\t2\n")
    #expect(try events(tab) == ["1: a|b", "2: 1,5|2"])
  }

  @Test func bomIsDroppedFromTheFirstHeader() throws {
    let path = try folder.write("bom.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("order_id,x\n1,2\n".utf8))
    #expect(try events(path) == ["1: order_id|x", "2: 1|2"])
  }

  @Test func utf16LittleEndianWithBOM() throws {
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in "Ngày\tChi phí\r\n2026-01-01\t1.000\r\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let path = try folder.write("u16.csv", bytes: bytes)
    #expect(try events(path) == ["1: Ngày|Chi phí", "2: 2026-01-01|1.000"])
  }

  @Test func quotedMultiLineFieldMakesTheNextLineNumberJump() throws {
    let path = try folder.write("ml.csv", "id,note,n\n1,\"line one\nline two\n\nline four\",5\n2,plain,6\n")
    #expect(try events(path) == ["1: id|note|n", "2: 1|line one\nline two\n\nline four|5", "6: 2|plain|6"])
  }

  @Test func escapedQuotesAndEmptyFields() throws {
    let path = try folder.write("q.csv", "a,b,c\n\"say \"\"hi\"\"\",,\"\"\n")
    #expect(try events(path) == ["1: a|b|c", "2: say \"hi\"||"])
  }

  @Test func blankRecordsAreNotRowsButCountAsLines() throws {
    let path = try folder.write("blank.csv", "a,b\n\n,\n1,2\n")
    #expect(try events(path) == ["1: a|b", "4: 1|2"])
  }

  @Test func strayQuoteCostsOneRecordOnly() throws {
    let path = try folder.write("stray.csv", "a,b\n1,x\"y\"z\n2,ok\n")
    #expect(try events(path) == ["1: a|b", "2: malformed <1,x\"y\"z>", "3: 2|ok"])
  }

  @Test func unterminatedQuoteDoesNotSwallowTheRowsAfterIt() throws {
    let path = try folder.write("open.csv", "a,b\n1,\"never closed\n2,ok\n3,fine\n")
    #expect(try events(path) == ["1: a|b", "2: malformed <1,\"never closed>", "3: 2|ok", "4: 3|fine"])
  }

  @Test func smallChunksGiveTheSameRecords() throws {
    let text = "id,note\r\n1,\"multi\r\nline\"\r\n2,\"x,y\"\r\n3,z"
    let path = try folder.write("chunks.csv", text)
    let whole = try events(path)
    for size in [1, 2, 3, 7] {
      #expect(try events(path, options: CSVOptions(chunkSize: size)) == whole)
    }
    #expect(whole == ["1: id|note", "2: 1|multi\r\nline", "4: 2|x,y", "5: 3|z"])
  }

  @Test func theFileIsHashedAsItIsReadInAnyChunkSize() throws {
    // printf 'id,note\r\n1,x\r\n' | sha256sum
    let path = try folder.write("hash.csv", "id,note\r\n1,x\r\n")
    let want = "e17d178ba48d35177cf6d8d64213e0fab0ac916be0e992ee677a7abf1ce12aeb"
    for size in [1, 5, 1 << 20] {
      let reader = CSVReader(path: path, options: CSVOptions(chunkSize: size))
      #expect(reader.sha256 == nil)
      try reader.read { _ in }
      #expect(reader.sha256 == want, "chunks of \(size)")
    }
    // Not read to the end (the visitor stopped it): no hash.
    let stopped = CSVReader(path: path)
    struct Stop: Error {}
    #expect(throws: Stop.self) { try stopped.read { _ in throw Stop() } }
    #expect(stopped.sha256 == nil)
  }

  @Test func emptyFileIsAnError() throws {
    let path = try folder.write("empty.csv", "")
    #expect(throws: RowsError.empty(path: path)) { try events(path) }
  }

  @Test func rawTextKeepsTheRowAsWritten() throws {
    let path = try folder.write("raw.csv", "a;b\r\n\"x\";1.234,5\r\n")
    var raws: [String] = []
    try CSVReader(path: path).read { if case .record(let r) = $0 { raws.append(r.rawText) } }
    #expect(raws == ["a;b", "\"x\";1.234,5"])
  }
}

@Suite struct CSVLimitTests {
  /// However the file is read in chunks (a line within one chunk, or across many), the limits hold.
  @Test(arguments: [64, 1 << 20])
  func overLongFieldsWideRowsAndEndlessLinesAreRefusedNotHeld(chunkSize: Int) throws {
    let folder = try TemporaryFolder()
    let wide = (0..<50).map(String.init).joined(separator: ",")
    let path = try folder.write(
      "limits.csv",
      "a,b\n1,\(String(repeating: "x", count: 300))\n\(wide)\n\(String(repeating: "y", count: 5_000))\n2,ok\n"
        + "\(String(repeating: "z", count: 250)),3\n3,\(String(repeating: "w", count: 200))\n")
    var out: [String] = []
    let options = CSVOptions(chunkSize: chunkSize, maxFieldBytes: 200, maxFieldsPerRecord: 20, maxLineBytes: 1_000)
    try CSVReader(path: path, options: options).read { event in
      switch event {
      case .record(let r): out.append("\(r.line): \(r.fields.joined(separator: "|"))")
      case .malformed(let m): out.append("\(m.line): \(m.reason)")
      }
    }
    #expect(
      out == [
        "1: a|b", "2: cannot be parsed as CSV: field 2 has 300 bytes, more than the limit of 200",
        "3: cannot be parsed as CSV: 50 fields, more than the limit of 20",
        "4: cannot be parsed as CSV: a line longer than 1000 bytes (not kept)", "5: 2|ok",
        "6: cannot be parsed as CSV: field 1 has 250 bytes, more than the limit of 200",
        "7: 3|\(String(repeating: "w", count: 200))",
      ])
  }

  /// A line at the length limit and one byte over it, with CRLF or LF, read in every chunk size that
  /// ends a chunk within or beside them: whether a line is too long depends on its length alone (the
  /// two halves of a file read on two cores cut it in chunks at other places).
  @Test func whetherALineIsTooLongDoesNotDependOnTheChunks() throws {
    let folder = try TemporaryFolder()
    let limit = 40
    var text = "a,b\r\n"
    for length in (limit - 2)...(limit + 2) {
      let line = "1," + String(repeating: "x", count: length - 2)
      text += line + "\r\n" + line + "\n"
    }
    let path = try folder.write("edge.csv", text)
    func read(_ chunkSize: Int) throws -> [String] {
      var out: [String] = []
      let options = CSVOptions(chunkSize: chunkSize, maxLineBytes: limit)
      try CSVReader(path: path, options: options).read { event in
        switch event {
        case .record(let r): out.append("\(r.line): \(r.fields[1].count)")
        case .malformed(let m): out.append("\(m.line): too long")
        }
      }
      return out
    }
    let whole = try read(1 << 20)
    // A line's bytes up to its line feed, a CR counted, may be one more than the limit (so a line of
    // the limit's length is read with CRLF as with LF); longer, it is refused.
    #expect(
      whole == [
        "1: 1", "2: 36", "3: 36", "4: 37", "5: 37", "6: 38", "7: 38", "8: too long", "9: 39", "10: too long",
        "11: too long",
      ])
    for size in 1...(2 * limit + 8) { #expect(try read(size) == whole, "chunks of \(size)") }
  }

  /// A last line over the limit with no line feed after it is refused like any other, not dropped.
  @Test(arguments: [16, 1 << 20])
  func aLastLineOverTheLimitIsRefusedNotDropped(chunkSize: Int) throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("last.csv", "a,b\n1,ok\n2," + String(repeating: "x", count: 100))
    var out: [String] = []
    try CSVReader(path: path, options: CSVOptions(chunkSize: chunkSize, maxLineBytes: 50)).read { event in
      switch event {
      case .record(let r): out.append("\(r.line): \(r.fields.joined(separator: "|"))")
      case .malformed(let m): out.append("\(m.line): \(m.reason)")
      }
    }
    #expect(out == ["1: a|b", "2: 1|ok", "3: cannot be parsed as CSV: a line longer than 50 bytes (not kept)"])
  }
}
