#if canImport(Glibc)
  import Glibc
#endif

/// The byte searches the XML readers share (the reader's lenient scanner, the writer's strict check, the
/// fast passes over shared strings).
extension UnsafeBufferPointer where Element == UInt8 {
  /// True when the bytes at `i` are `prefix`.
  func has(_ prefix: StaticString, at i: Int) -> Bool {
    let count = prefix.utf8CodeUnitCount
    guard let base = baseAddress, i >= 0, i + count <= self.count else { return false }
    return memcmp(base + i, prefix.utf8Start, count) == 0
  }

  /// Where `needle` first starts in `from..<to` (the whole rest when `to` is nil): memchr for its first
  /// byte, then a compare.
  func find(_ needle: StaticString, from: Int, to: Int? = nil) -> Int? {
    guard let base = baseAddress else { return nil }
    let end = to ?? count
    let length = needle.utf8CodeUnitCount
    let first = Int32(needle.utf8Start[0])
    var i = from
    while i + length <= end {
      guard let hit = memchr(base + i, first, end - i) else { return nil }
      let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
      guard at + length <= end else { return nil }
      if memcmp(base + at, needle.utf8Start, length) == 0 { return at }
      i = at + 1
    }
    return nil
  }

  /// The index of the `>` closing the tag starting at `from`, skipping quoted attribute values.
  func tagEnd(from: Int) -> Int? {
    var quote: UInt8 = 0
    var k = from
    while k < count {
      let c = self[k]
      if quote != 0 {
        if c == quote { quote = 0 }
      } else if c == 0x22 || c == 0x27 {
        quote = c
      } else if c == UInt8(ascii: ">") {
        return k
      }
      k += 1
    }
    return nil
  }
}

/// XML's white space: space, tab, line feed, carriage return.
func isXMLSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
