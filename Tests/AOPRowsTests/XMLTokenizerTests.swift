import Foundation
import Testing

@testable import AOPRows

/// The tokenizer reads a plainly written start tag in one pass and anything else the old way (`tagEnd`
/// then `tag`): both must report what the tag says, whole or cut anywhere by a chunk's end.
@Suite struct XMLTokenizerTests {
  /// What a scanner reported, as text: `<name a=v …>` (`/>` when self-closing), `</name>`, `"text"`.
  static func events(_ xml: String, chunk: Int? = nil) throws -> [String] {
    var events: [String] = []
    let scanner = XMLScanner()
    scanner.onStart = { name, attributes, selfClosing in
      let attributeText = attributes.map {
        " \(String(decoding: $0.name, as: UTF8.self))=\(String(decoding: $0.value, as: UTF8.self))"
      }
      events.append("<\(String(decoding: name, as: UTF8.self))\(attributeText.joined())\(selfClosing ? "/>" : ">")")
    }
    scanner.onEnd = { events.append("</\(String(decoding: $0, as: UTF8.self))>") }
    scanner.onText = { events.append("\"\(String(decoding: $0, as: UTF8.self))\"") }
    let bytes = Array(xml.utf8)
    let size = chunk ?? bytes.count
    var start = 0
    while start < bytes.count {
      try scanner.feed(Array(bytes[start..<min(start + size, bytes.count)]))
      start += size
    }
    try scanner.finish()
    return events
  }

  static let cases: [(xml: String, events: [String])] = [
    // Written plainly: read in one pass.
    (
      #"<row r="2" spans="1:3"><c r="A2" s="1" t="s"><v>7</v></c></row>"#,
      ["<row r=2 spans=1:3>", "<c r=A2 s=1 t=s>", "<v>", "\"7\"", "</v>", "</c>", "</row>"]
    ),
    (#"<c r="A1" s = '2'/>"#, ["<c r=A1 s=2/>"]),
    (#"<c r="A1"s="2" />"#, ["<c r=A1 s=2/>"]),
    (#"<x:c x:r="A1">t</x:c>"#, ["<c r=A1>", "\"t\"", "</c>"]),
    (#"<c r="A>1" t='x"y'>"#, ["<c r=A>1 t=x\"y>"]),
    ("<v/><v>", ["<v/>", "<v>"]),
    ("<a=b>", ["<a=b>"]),
    // Anything else: read the old way, to the same effect as before.
    ("<a/b>", ["<a/b>"]),
    (#"<c junk r="1">"#, ["<c junk=1>"]),
    (#"<c r="1"/ >"#, ["<c r=1>"]),
    (#"<c r=1 s="2">"#, ["<c r=2>"]),
    ("<a></a ></x:a\t>", ["<a>", "</a>", "</a>"]),
    (#"</a"b>c">"#, ["</a\"b>c\">"]),
    (#"<?xml version="1.0"?><!-- a > comment --><a><![CDATA[<b>]]></a>"#, ["<a>", "\"<b>\"", "</a>"]),
  ]

  @Test(arguments: cases.indices) func aTagReadsTheSameWholeOrCut(_ index: Int) throws {
    let (xml, expected) = Self.cases[index]
    #expect(try Self.events(xml) == expected, "\(xml)")
    for chunk in 1...8 { #expect(try Self.events(xml, chunk: chunk) == expected, "\(xml) in chunks of \(chunk)") }
  }

  @Test func aTagLeftOpenIsAnError() {
    for xml in [#"<c r="A1""#, "<c r=\"A1\" /", "<c"] {
      #expect(throws: XMLScanner.Malformed.self, "\(xml)") { try Self.events(xml) }
    }
  }
}
