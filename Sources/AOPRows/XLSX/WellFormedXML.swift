#if canImport(Glibc)
  import Glibc
#endif

/// A streaming check that bytes fed in chunks are one well-formed XML document (UTF-8): every tag closed
/// in order, one root element, attributes quoted, `&` only in a known entity or a character reference to
/// a character XML allows, no control character XML forbids, no DTD. Strict where the reader's scanner is
/// lenient: it checks what this tool writes, before a workbook replaces the last good one (a part cut off
/// by a full disk or a file-size limit ends inside an element, or inside a tag).
struct WellFormedXML {
  struct Malformed: Error, Equatable {
    var reason: String
  }

  private var carry: [UInt8] = []
  /// The names of the open elements, back to back in `names[..<namesEnd]` (the array only grows: an
  /// element closed just moves the end back), and where each starts.
  private var names: [UInt8] = []
  private var namesEnd = 0
  private var nameStarts: [Int] = []
  private var sawRoot = false
  private var utf8 = UTF8Check()
  /// Bytes checked so far, for messages.
  private var offset = 0

  mutating func feed(_ chunk: UnsafeRawBufferPointer) throws(Malformed) {
    // The chunk's first byte comes after the bytes consumed and those kept from the last chunk.
    try utf8.feed(chunk, at: offset + carry.count)
    if carry.isEmpty {
      // Where it lies, unless a tag was cut by the last chunk's end (a copy of every chunk cost 0.8 % of a
      // large review).
      let consumed = try chunk.withMemoryRebound(to: UInt8.self) { buffer throws(Malformed) in try scan(buffer) }
      if consumed < chunk.count { carry = Array(chunk[consumed...]) }
      offset += consumed
      return
    }
    var data = carry
    data.append(contentsOf: chunk)
    carry = []
    let consumed = try data.withUnsafeBufferPointer { buffer throws(Malformed) in try scan(buffer) }
    if consumed < data.count { carry = Array(data[consumed...]) }
    offset += consumed
  }

  /// Ends the document: nothing may be left open.
  mutating func finish() throws(Malformed) {
    try utf8.finish()
    if !carry.isEmpty {
      let data = carry
      carry = []
      let consumed = try data.withUnsafeBufferPointer { buffer throws(Malformed) in try scan(buffer) }
      if consumed < data.count { throw Malformed(reason: "it ends inside a tag (byte \(offset + consumed))") }
    }
    if let open = nameStarts.last {
      throw Malformed(
        reason:
          "it ends with the element <\(String(decoding: names[open..<namesEnd], as: UTF8.self))> still open (byte \(offset)): it was cut off"
      )
    }
    guard sawRoot else { throw Malformed(reason: "it has no element at all") }
  }

  /// Checks what is complete in `d`; returns how many bytes were consumed (the rest waits for more).
  private mutating func scan(_ d: UnsafeBufferPointer<UInt8>) throws(Malformed) -> Int {
    var i = 0
    let n = d.count
    while i < n {
      if d[i] != UInt8(ascii: "<") {
        var j = i
        while j < n, d[j] != UInt8(ascii: "<") { j += 1 }
        // An entity cut by the chunk's end is checked with the next chunk.
        if j == n, let amp = (i..<n).last(where: { d[$0] == UInt8(ascii: "&") }),
          !(amp..<n).contains(where: { d[$0] == UInt8(ascii: ";") })
        {
          try text(d, i, amp)
          return amp
        }
        try text(d, i, j)
        i = j
        continue
      }
      // The declaration, comments, character data and a DTD all start `<?` or `<!`; elements do not.
      let mark = i + 1 < n ? d[i + 1] : 0
      if mark == UInt8(ascii: "!"), d.has("<!--", at: i) {
        guard let end = d.find("-->", from: i + 4) else { return i }
        i = end + 3
        continue
      }
      if mark == UInt8(ascii: "!"), d.has("<![CDATA[", at: i) {
        guard let end = d.find("]]>", from: i + 9) else { return i }
        guard !nameStarts.isEmpty else { throw fail("character data outside the root element", at: i) }
        try legalCharacters(d, i + 9, end)
        i = end + 3
        continue
      }
      if mark == UInt8(ascii: "?") {
        guard let end = d.find("?>", from: i + 2) else { return i }
        i = end + 2
        continue
      }
      if mark == UInt8(ascii: "!") {
        if n - i < 9 { return i }
        throw fail("a document type declaration, which a spreadsheet part never has", at: i)
      }
      guard let close = d.tagEnd(from: i + 1) else { return i }
      try tag(d, i + 1, close)
      i = close + 1
    }
    return n
  }

  /// Text between tags: only white space outside the root; legal characters and references inside.
  private func text(_ d: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) throws(Malformed) {
    guard start < end else { return }
    if nameStarts.isEmpty {
      for k in start..<end where !isXMLSpace(d[k]) { throw fail("text outside the root element", at: k) }
      return
    }
    try legalCharacters(d, start, end)
  }

  /// No control character XML forbids, and every `&` starts a known entity or a legal reference.
  private func legalCharacters(_ d: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, references: Bool = true)
    throws(Malformed)
  {
    var k = start
    while k < end {
      let c = d[k]
      if c < 0x20, c != 0x09, c != 0x0A, c != 0x0D {
        throw fail("the control character U+00\(hex(c)), which XML does not allow", at: k)
      }
      if c == UInt8(ascii: "&"), references {
        var semi = k + 1
        while semi < end, semi - k <= 12, d[semi] != UInt8(ascii: ";") { semi += 1 }
        guard semi < end, d[semi] == UInt8(ascii: ";") else { throw fail("an `&` that starts no entity", at: k) }
        try reference(String(decoding: UnsafeBufferPointer(rebasing: d[(k + 1)..<semi]), as: UTF8.self), at: k)
        k = semi + 1
        continue
      }
      k += 1
    }
  }

  private func reference(_ name: String, at position: Int) throws(Malformed) {
    switch name {
    case "lt", "gt", "amp", "quot", "apos": return
    default: break
    }
    let value: UInt32?
    if name.hasPrefix("#x") {
      value = UInt32(name.dropFirst(2), radix: 16)
    } else if name.hasPrefix("#") {
      value = UInt32(name.dropFirst())
    } else {
      value = nil
    }
    guard let v = value else { throw fail("the unknown entity &\(name);", at: position) }
    let legal =
      v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v)
      || (0x10000...0x10FFFF).contains(v)
    guard legal else {
      throw fail(
        "a reference to U+\(String(v, radix: 16, uppercase: true)), a character XML does not allow", at: position)
    }
  }

  private mutating func tag(_ d: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) throws(Malformed) {
    if d[start] == UInt8(ascii: "/") {
      var k = start + 1
      let nameStart = k
      while k < end, !isXMLSpace(d[k]) { k += 1 }
      for m in k..<end where !isXMLSpace(d[m]) { throw fail("text after the name of a closing tag", at: m) }
      guard let open = nameStarts.last else { throw fail("a closing tag with no element open", at: start - 1) }
      let same = names.withUnsafeBufferPointer { opened in
        namesEnd - open == k - nameStart
          && (k == nameStart || memcmp(opened.baseAddress! + open, d.baseAddress! + nameStart, k - nameStart) == 0)
      }
      guard same else {
        throw fail(
          "</\(String(decoding: UnsafeBufferPointer(rebasing: d[nameStart..<k]), as: UTF8.self))> closes <\(String(decoding: names[open..<namesEnd], as: UTF8.self))>",
          at: start - 1)
      }
      namesEnd = open
      nameStarts.removeLast()
      return
    }
    let selfClosing = d[end - 1] == UInt8(ascii: "/")
    let stop = selfClosing ? end - 1 : end
    var k = start
    while k < stop, !isXMLSpace(d[k]) { k += 1 }
    let nameEnd = k
    guard k > start, isNameStart(d[start]) else { throw fail("a tag without a valid name", at: start - 1) }
    if nameStarts.isEmpty {
      guard !sawRoot else { throw fail("a second root element", at: start - 1) }
      sawRoot = true
    }
    // Attributes: name="value" or name='value', separated by white space.
    while k < stop {
      guard isXMLSpace(d[k]) else { throw fail("no space before an attribute", at: k) }
      while k < stop, isXMLSpace(d[k]) { k += 1 }
      if k == stop { break }
      let nameStart = k
      while k < stop, d[k] != UInt8(ascii: "="), !isXMLSpace(d[k]) { k += 1 }
      guard k > nameStart, isNameStart(d[nameStart]) else {
        throw fail("an attribute without a valid name", at: nameStart)
      }
      while k < stop, isXMLSpace(d[k]) { k += 1 }
      guard k < stop, d[k] == UInt8(ascii: "=") else { throw fail("an attribute without a value", at: k) }
      k += 1
      while k < stop, isXMLSpace(d[k]) { k += 1 }
      guard k < stop, d[k] == 0x22 || d[k] == 0x27 else { throw fail("an attribute value not in quotes", at: k) }
      let quote = d[k]
      let valueStart = k + 1
      k = valueStart
      while k < stop, d[k] != quote {
        if d[k] == UInt8(ascii: "<") { throw fail("a `<` inside an attribute value", at: k) }
        k += 1
      }
      guard k < stop else { throw fail("an attribute value that is never closed", at: valueStart) }
      try legalCharacters(d, valueStart, k)
      k += 1
    }
    if !selfClosing {
      let length = nameEnd - start
      if names.count < namesEnd + length { names += repeatElement(0, count: namesEnd + length - names.count) }
      names.withUnsafeMutableBufferPointer {
        $0.baseAddress!.advanced(by: namesEnd).update(from: d.baseAddress! + start, count: length)
      }
      nameStarts.append(namesEnd)
      namesEnd += length
    }
  }

  private func fail(_ what: String, at position: Int) -> Malformed {
    Malformed(reason: "\(what) (byte \(offset + position))")
  }
  private func isNameStart(_ c: UInt8) -> Bool {
    (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
      || c == UInt8(ascii: "_") || c == UInt8(ascii: ":") || c >= 0x80
  }
  private func hex(_ c: UInt8) -> String {
    String(c, radix: 16, uppercase: true).count == 1
      ? "0" + String(c, radix: 16, uppercase: true) : String(c, radix: 16, uppercase: true)
  }

}

/// An incremental UTF-8 validator (overlong forms, surrogates and values past U+10FFFF refused).
struct UTF8Check {
  private var pending = 0
  private var lowerBound: UInt8 = 0x80
  private var upperBound: UInt8 = 0xBF

  mutating func feed(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws(WellFormedXML.Malformed) {
    var k = 0
    let n = bytes.count
    while k < n {
      // ASCII eight bytes at a time (most of a sheet's XML).
      if pending == 0, n - k >= 8, bytes.loadUnaligned(fromByteOffset: k, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
      {
        k += 8
        continue
      }
      let b = bytes[k]
      k += 1
      if pending > 0 {
        guard b >= lowerBound, b <= upperBound else {
          throw WellFormedXML.Malformed(reason: "bytes that are not UTF-8 (byte \(offset + k - 1))")
        }
        pending -= 1
        lowerBound = 0x80
        upperBound = 0xBF
        continue
      }
      switch b {
      case 0x00...0x7F: continue
      case 0xC2...0xDF: pending = 1
      case 0xE0:
        pending = 2
        lowerBound = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: pending = 2
      case 0xED:
        pending = 2
        upperBound = 0x9F
      case 0xF0:
        pending = 3
        lowerBound = 0x90
      case 0xF1...0xF3: pending = 3
      case 0xF4:
        pending = 3
        upperBound = 0x8F
      default: throw WellFormedXML.Malformed(reason: "bytes that are not UTF-8 (byte \(offset + k - 1))")
      }
    }
  }

  func finish() throws(WellFormedXML.Malformed) {
    guard pending == 0 else {
      throw WellFormedXML.Malformed(reason: "it ends inside a UTF-8 character: it was cut off")
    }
  }
}
