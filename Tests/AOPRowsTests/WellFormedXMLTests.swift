import Foundation
import Testing

@testable import AOPRows

/// The check a finished workbook's XML parts pass before the workbook replaces the last good one.
@Suite struct WellFormedXMLTests {
  static let good =
    #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Sữa &amp; tã &#x1F37C; &lt;</t></is></c>"#
    + #"<c r="B1"><f>SUMIFS('Dữ liệu'!$J$3:$J$9,'Dữ liệu'!$C$3:$C$9,"web")</f><v>12</v></c></row><!-- a comment --><row r="2"/></sheetData></worksheet>"#

  /// The verdict on `text` fed in chunks of `size` bytes.
  func check(_ text: String, chunk size: Int = 1 << 16) -> String? { check(Array(text.utf8), chunk: size) }

  func check(_ bytes: [UInt8], chunk size: Int = 1 << 16) -> String? {
    var xml = WellFormedXML()
    do {
      var start = 0
      while start < bytes.count {
        let end = min(bytes.count, start + size)
        try bytes[start..<end].withUnsafeBytes { try xml.feed($0) }
        start = end
      }
      try xml.finish()
      return nil
    } catch {
      return (error as? WellFormedXML.Malformed)?.reason ?? "\(error)"
    }
  }

  @Test func aWellFormedPartPassesHoweverItIsChunked() {
    for size in [1, 2, 3, 5, 7, 64, 1 << 16] { #expect(check(Self.good, chunk: size) == nil, "chunks of \(size)") }
  }

  @Test func aPartCutOffAnywhereFails() {
    let bytes = Array(Self.good.utf8)
    for cut in stride(from: 1, to: bytes.count - 1, by: 7) {
      let text = String(decoding: bytes[..<cut], as: UTF8.self)
      #expect(check(text) != nil, "cut at \(cut)")
    }
  }

  @Test(arguments: [
    ("<a>x\u{01}y</a>", "the control character U+0001"),
    ("<a>&bogus;</a>", "the unknown entity &bogus;"),
    ("<a>&#1;</a>", "a reference to U+1, a character XML does not allow"),
    ("<a>a & b</a>", "an `&` that starts no entity"),
    ("<a><b></a></b>", "</a> closes <b>"),
    ("<ab><cd></c></ab>", "</c> closes <cd>"),
    ("<abc><d></d><efgh></efgh></ab>", "</ab> closes <abc>"),
    ("<a/><b/>", "a second root element"),
    ("x<a/>", "text outside the root element"),
    ("<a x=1/>", "an attribute value not in quotes"),
    ("<a x=\"<\"/>", "a `<` inside an attribute value"),
    ("<a x=\"\u{02}\"/>", "the control character U+0002"),
    ("<!DOCTYPE a [<!ENTITY e \"x\">]><a/>", "a document type declaration"),
    ("</a>", "a closing tag with no element open"),
    ("", "it has no element at all"),
    ("<a>", "still open"),
  ])
  func malformedPartsAreNamed(text: String, reason: String) {
    #expect(check(text)?.contains(reason) == true, "\(check(text) ?? "passed")")
  }

  @Test func bytesThatAreNotUTF8Fail() {
    var xml = WellFormedXML()
    let bytes: [UInt8] = Array("<a>".utf8) + [0xC3, 0x28] + Array("</a>".utf8)
    #expect(throws: WellFormedXML.Malformed.self) {
      try bytes.withUnsafeBytes { try xml.feed($0) }
      try xml.finish()
    }
  }

  /// A byte that is not UTF-8 is named by its place, wherever it falls among the ASCII read eight bytes at
  /// a time — in text, or in a tag that a chunk's end cuts — however the part is chunked; names opened and
  /// closed at every depth are matched.
  @Test func aBadByteIsNamedByItsPlace() {
    let nested = "<sheet><row><c><v>1</v></c><cell><v>2</v></cell></row><r/></sheet>"
    for size in [1, 3, 8, 64] { #expect(check(nested, chunk: size) == nil, "chunks of \(size)") }
    let inText = "<a>" + String(repeating: "x", count: 40) + "</a>"
    let inTag = "<a x=\"" + String(repeating: "y", count: 40) + "\">z</a>"
    for (text, places) in [(inText, 3..<30), (inTag, 6..<40)] {
      for place in places {
        var bytes = Array(text.utf8)
        bytes[place] = 0xFF
        for size in [1, 5, 8, 1 << 16] {
          #expect(
            check(bytes, chunk: size) == "bytes that are not UTF-8 (byte \(place))", "byte \(place), chunks of \(size)")
        }
      }
    }
  }
}
