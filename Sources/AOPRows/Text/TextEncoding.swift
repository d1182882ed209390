/// The text encodings a CSV export arrives in. UTF-16 is recognised by its byte-order mark (Excel's
/// "Unicode text" and Google Ads' "CSV (Excel)"); UTF-8 with or without BOM is the default; the Windows
/// code pages of an older Excel's "Save as CSV" are read only when a profile or the config says so,
/// since their bytes cannot be told apart.
public enum TextEncoding: String, Sendable, Hashable, CaseIterable {
  case utf8 = "utf-8"
  case utf16LE = "utf-16le"
  case utf16BE = "utf-16be"
  case windows1252 = "windows-1252"
  case windows1258 = "windows-1258"

  /// True for the single-byte Windows code pages.
  public var isSingleByte: Bool { self == .windows1252 || self == .windows1258 }

  /// True when `bytes` are valid UTF-8; a sequence cut at the end of a non-final chunk is allowed.
  static func isUTF8(_ bytes: UnsafeRawBufferPointer, final: Bool) -> Bool {
    var end = bytes.count
    if !final {
      // Step back over a multi-byte sequence the chunk boundary may have cut.
      var k = end - 1
      while k >= 0, k > end - 4, bytes[k] & 0xC0 == 0x80 { k -= 1 }
      if k >= 0, bytes[k] >= 0xC0 { end = k }
    }
    return String(validating: UnsafeRawBufferPointer(rebasing: bytes[..<end]), as: UTF8.self) != nil
  }

  /// Detects the encoding from the first bytes and returns it with the length of the BOM to skip.
  public static func detect(_ head: some Collection<UInt8>) -> (TextEncoding, bomLength: Int) {
    let b = Array(head.prefix(3))
    if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { return (.utf8, 3) }
    if b.count >= 2, b[0] == 0xFF, b[1] == 0xFE { return (.utf16LE, 2) }
    if b.count >= 2, b[0] == 0xFE, b[1] == 0xFF { return (.utf16BE, 2) }
    return (.utf8, 0)
  }
}

/// Turns a stream of chunks in some encoding into UTF-8 chunks, carrying partial code units across
/// chunk boundaries.
struct UTF8Transcoder {
  let encoding: TextEncoding
  private var carry: [UInt8] = []
  private var pendingHighSurrogate: UInt16?
  /// Count of code units that were not valid UTF-16 (lone surrogates), replaced by U+FFFD.
  private(set) var invalidUnits = 0

  init(encoding: TextEncoding) { self.encoding = encoding }

  /// Returns `chunk` as UTF-8. UTF-8 input passes through unchanged (validation happens per field).
  mutating func transcode(_ chunk: UnsafeRawBufferPointer, into out: inout [UInt8]) {
    out.removeAll(keepingCapacity: true)
    switch encoding {
    case .utf8:
      out.append(contentsOf: chunk)
      return
    case .windows1252, .windows1258:
      let vietnamese = encoding == .windows1258
      for byte in chunk {
        if byte < 0x80 {
          out.append(byte)
        } else {
          appendScalar(SingleByteEncoding.scalar(byte, vietnamese: vietnamese), to: &out)
        }
      }
      return
    case .utf16LE, .utf16BE: break
    }
    var bytes = carry
    bytes.append(contentsOf: chunk)
    let usable = bytes.count & ~1
    carry = Array(bytes[usable...])
    var i = 0
    while i < usable {
      let unit =
        encoding == .utf16LE
        ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8
        : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
      i += 2
      append(unit: unit, to: &out)
    }
  }

  /// Flushes what is left at the end of the input.
  mutating func finish(into out: inout [UInt8]) {
    out.removeAll(keepingCapacity: true)
    if pendingHighSurrogate != nil || !carry.isEmpty {
      invalidUnits += 1
      appendScalar(0xFFFD, to: &out)
      pendingHighSurrogate = nil
      carry = []
    }
  }

  private mutating func append(unit: UInt16, to out: inout [UInt8]) {
    if let high = pendingHighSurrogate {
      pendingHighSurrogate = nil
      if (0xDC00...0xDFFF).contains(unit) {
        let scalar = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(unit) - 0xDC00)
        appendScalar(scalar, to: &out)
        return
      }
      invalidUnits += 1
      appendScalar(0xFFFD, to: &out)
    }
    switch unit {
    case 0xD800...0xDBFF: pendingHighSurrogate = unit
    case 0xDC00...0xDFFF:
      invalidUnits += 1
      appendScalar(0xFFFD, to: &out)
    default: appendScalar(UInt32(unit), to: &out)
    }
  }

  private func appendScalar(_ v: UInt32, to out: inout [UInt8]) {
    switch v {
    case 0..<0x80: out.append(UInt8(v))
    case 0x80..<0x800:
      out.append(UInt8(0xC0 | (v >> 6)))
      out.append(UInt8(0x80 | (v & 0x3F)))
    case 0x800..<0x10000:
      out.append(UInt8(0xE0 | (v >> 12)))
      out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (v & 0x3F)))
    default:
      out.append(UInt8(0xF0 | (v >> 18)))
      out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
      out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (v & 0x3F)))
    }
  }
}
