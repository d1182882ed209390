extension Unicode.Scalar {
  /// A character XML 1.0 cannot hold: a C0 control other than tab, line feed and carriage return, or
  /// U+FFFE / U+FFFF. No text with one may reach a workbook part, cell or formula alike.
  public var isForbiddenInXML: Bool {
    (value < 0x20 && self != "\t" && self != "\n" && self != "\r") || value == 0xFFFE || value == 0xFFFF
  }
}
