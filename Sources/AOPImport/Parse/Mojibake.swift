/// Text garbled by a wrong conversion: UTF-8 bytes read as Windows-1252 or Latin-1 and written out
/// again, so `đơn hàng` reads `Ä‘Æ¡n hÃ ng`. Such text is refused rather than imported.
enum Mojibake {
  /// The first characters of a UTF-8 lead byte seen as Latin-1 (`Â` `Ã` `Ä` `Å` `Æ`, and `á` of the
  /// three-byte sequences Vietnamese letters use).
  @inline(__always) private static func isLead(_ v: UInt32) -> Bool { (0xC2...0xC6).contains(v) || v == 0xE1 }
  /// What a continuation byte 0x80–0xBF becomes in Windows-1252 where it differs from Latin-1.
  private static let cp1252Continuations: Set<UInt32> = [
    0x20AC, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017D,
    0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x017E, 0x0178,
  ]

  /// True when `text` has a lead character directly followed by a continuation-byte character.
  static func looksGarbled(_ text: String) -> Bool {
    var previousWasLead = false
    for scalar in text.unicodeScalars {
      let v = scalar.value
      if previousWasLead, (0x80...0xBF).contains(v) || (v > 0xFF && cp1252Continuations.contains(v)) { return true }
      previousWasLead = isLead(v)
    }
    return false
  }
}
