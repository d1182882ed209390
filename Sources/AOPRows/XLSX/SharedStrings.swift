import Foundation

/// A workbook's shared strings (the texts cells refer to by number), held compactly: their bytes back
/// to back and where each ends, never an array per string.
///
/// A part small enough is held whole. A larger one (a 5 MB workbook can inflate to 300 MB of shared
/// strings) is read in passes instead: first counted, then the sheet is scanned for the strings its
/// cells use, and only those are kept, so memory follows what the sheet uses, not what the part holds.
/// Either way the strings kept are limited (`XLSXLimits.maxSharedStringBytes`): past it the workbook is
/// refused as too large, never read in part.
struct SharedStrings {
  /// Strings kept, back to back.
  private var bytes: [UInt8] = []
  /// Where each kept string ends in `bytes`.
  private var ends: [UInt32] = []
  /// When only some are kept: which (one bit per string of the part), and how many are set before each
  /// 64-bit word, so that a string's place among the kept is found without a search.
  private var keptBits: [UInt64]?
  private var rankBefore: [UInt32] = []
  /// How many strings the part has.
  private(set) var count = 0

  /// The text of string `index` lent to `body` (nothing retained: every shared-string cell of a sheet
  /// comes here); `nil` when the part has no such string. (A string not kept is one no cell of the sheet
  /// asked for, so it is never looked up.)
  func withString<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
    guard let range = range(of: index) else { return nil }
    return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
  }

  private func range(of index: Int) -> Range<Int>? {
    guard index >= 0, index < count else { return nil }
    var position = index
    if let bits = keptBits {
      let word = index >> 6, bit = UInt64(1) << UInt64(index & 63)
      guard bits[word] & bit != 0 else { return nil }
      position = Int(rankBefore[word]) + (bits[word] & (bit &- 1)).nonzeroBitCount
    }
    let start = position == 0 ? 0 : Int(ends[position - 1])
    return start..<Int(ends[position])
  }

  /// Reads the shared strings part from `chunks` (called with a consumer that gets the part's bytes in
  /// order), keeping every string, or only those whose bit is set in `keep`, or none (`counting`: only
  /// `count` is wanted).
  /// - Throws: `XMLScanner.Malformed` for XML the scanner refuses; `TooLarge` past `limit` bytes kept.
  static func read(
    _ chunks: ((Data) throws -> Void) throws -> Void, keep: [UInt64]? = nil, counting: Bool = false, limit: Int
  ) throws -> SharedStrings {
    var result = SharedStrings()
    var current: [UInt8] = []
    var inText = false
    var phonetic = 0
    var index = 0
    let scanner = XMLScanner()
    result.keptBits = keep
    func wanted(_ i: Int) -> Bool {
      guard !counting else { return false }
      guard let bits = result.keptBits else { return true }
      return i >> 6 < bits.count && bits[i >> 6] & (UInt64(1) << UInt64(i & 63)) != 0
    }
    scanner.onStart = { name, _, selfClosing in
      if name.is("si") {
        current.removeAll(keepingCapacity: true)
        if selfClosing {
          if wanted(index) { result.ends.append(UInt32(result.bytes.count)) }
          index += 1
        }
      }
      if name.is("rPh") { phonetic += 1 }
      if name.is("t"), !selfClosing { inText = true }
    }
    scanner.onEnd = { name in
      if name.is("t") { inText = false }
      if name.is("rPh") { phonetic -= 1 }
      if name.is("si") {
        if wanted(index) {
          result.bytes.append(contentsOf: XMLText.decode(current[...]))
          guard result.bytes.count <= limit else { throw TooLarge(limit: limit) }
          result.ends.append(UInt32(result.bytes.count))
        }
        index += 1
      }
    }
    scanner.onText = { text in
      guard inText, phonetic == 0, wanted(index) else { return }
      current.append(contentsOf: text)
      // One string past the limit is refused as it grows, not once it is whole.
      guard current.count <= limit else { throw TooLarge(limit: limit) }
    }
    try chunks { try scanner.feed($0) }
    try scanner.finish()
    result.count = index
    result.finishKept()
    return result
  }

  /// The passes over a large part, at the speed of a byte search: each `<si>` item is found by its tags
  /// alone and only the kept ones are parsed. `nil` when the part holds a comment, CDATA or a DTD (`<!`),
  /// where a tag-like text could hide: the full scan (`read`) then reads it.
  static func readFast(
    _ chunks: ((Data) throws -> Void) throws -> Void, keep: [UInt64]? = nil, counting: Bool = false, limit: Int
  ) throws -> SharedStrings? {
    struct NotPlain: Error {}
    var result = SharedStrings()
    result.keptBits = keep
    var index = 0
    func wanted(_ i: Int) -> Bool {
      guard !counting else { return false }
      guard let bits = result.keptBits else { return true }
      return i >> 6 < bits.count && bits[i >> 6] & (UInt64(1) << UInt64(i & 63)) != 0
    }
    // The bytes not yet used up, and where in them each search goes on, so that no byte is searched
    // twice however long an item is: an item not kept is dropped as it streams past, a kept one may
    // grow only to the limit.
    var carry: [UInt8] = []
    var searchFrom = 0
    var bangFrom = 0
    var item: (wanted: Bool, contentStart: Int)?
    do {
      try chunks { chunk in
        carry.append(contentsOf: chunk)
        var consumed = 0
        try carry.withUnsafeBufferPointer { buffer in
          guard let base = buffer.baseAddress else { return }
          let n = buffer.count
          if buffer.find("<!", from: bangFrom, to: n) != nil { throw NotPlain() }
          bangFrom = max(0, n - 1)
          var i = searchFrom
          while true {
            if let open = item {
              guard let close = buffer.find("</si>", from: i, to: n) else {
                if open.wanted {
                  guard n - open.contentStart <= limit else { throw TooLarge(limit: limit) }
                  consumed = open.contentStart
                } else {
                  consumed = max(i, n - 4)
                }
                searchFrom = max(consumed, n - 4)
                return
              }
              if open.wanted {
                result.bytes.append(
                  contentsOf: try itemText(UnsafeBufferPointer(rebasing: buffer[open.contentStart..<close])))
                guard result.bytes.count <= limit else { throw TooLarge(limit: limit) }
                result.ends.append(UInt32(result.bytes.count))
              }
              index += 1
              item = nil
              i = close + 5
              continue
            }
            guard let start = buffer.find("<si", from: i, to: n) else {
              consumed = max(i, n - 4)  // a tag cut by the chunk's end waits for the next
              searchFrom = consumed
              return
            }
            guard start + 3 < n else {
              consumed = start
              searchFrom = start
              return
            }
            let after = buffer[start + 3]
            guard
              after == UInt8(ascii: ">") || after == UInt8(ascii: "/") || after == 0x20 || after == 0x09
                || after == 0x0A || after == 0x0D
            else {
              i = start + 3  // `<sis…`: not an item
              continue
            }
            guard let openEnd = buffer.find(">", from: start, to: n) else {
              guard n - start <= 1 << 20 else { throw XMLScanner.Malformed(reason: "a tag longer than 1 MiB") }
              consumed = start
              searchFrom = start
              return
            }
            if buffer[openEnd - 1] == UInt8(ascii: "/") {
              if wanted(index) { result.ends.append(UInt32(result.bytes.count)) }
              index += 1
              i = openEnd + 1
              continue
            }
            item = (wanted(index), openEnd + 1)
            i = openEnd + 1
          }
        }
        carry.removeFirst(consumed)
        searchFrom -= consumed
        bangFrom = max(0, bangFrom - consumed)
        if let open = item { item = (open.wanted, max(0, open.contentStart - consumed)) }
      }
    } catch is NotPlain {
      return nil
    }
    result.count = index
    result.finishKept()
    return result
  }

  /// The text of one item's inner XML (`<t>…</t>`, or the runs of rich text), phonetic guides left out.
  private static func itemText(_ inner: UnsafeBufferPointer<UInt8>) throws -> [UInt8] {
    var text: [UInt8] = []
    var inText = false
    var phonetic = 0
    let scanner = XMLScanner()
    scanner.onStart = { name, _, selfClosing in
      if name.is("rPh") { phonetic += 1 }
      if name.is("t"), !selfClosing { inText = true }
    }
    scanner.onEnd = { name in
      if name.is("t") { inText = false }
      if name.is("rPh") { phonetic -= 1 }
    }
    scanner.onText = { piece in if inText, phonetic == 0 { text.append(contentsOf: piece) } }
    try scanner.feed(UnsafeRawBufferPointer(inner))
    try scanner.finish()
    return XMLText.decode(text[...])
  }

  /// Trims the kept bits to the strings the part has and counts the kept ones before each word.
  private mutating func finishKept() {
    guard var bits = keptBits else { return }
    // Indexes past the part's end are not strings: a cell asking for one is refused, as any is.
    let words = (count + 63) >> 6
    if bits.count > words { bits.removeLast(bits.count - words) }
    if bits.count < words { bits += [UInt64](repeating: 0, count: words - bits.count) }
    keptBits = bits
    var running: UInt32 = 0
    rankBefore = bits.map { word in
      defer { running += UInt32(word.nonzeroBitCount) }
      return running
    }
  }

  /// The strings kept are more than the limit.
  struct TooLarge: Error {
    var limit: Int
  }
}

#if canImport(Glibc)
  import Glibc
#endif
