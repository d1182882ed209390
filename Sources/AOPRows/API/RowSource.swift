import Foundation

/// Reads the rows of an export file, whatever its shape: an .xlsx workbook (recognised by its zip
/// signature, not its name) or CSV text.
public enum RowSource {
  /// Streams the file's rows to `visit`, in order.
  /// - Parameters:
  ///   - sheet: the workbook sheet to read (the first when `nil`); ignored for CSV.
  ///   - encoding: the code page of a CSV without a byte-order mark (UTF-8 when `nil`).
  ///   - limits: the CSV reader's limits (field and line length, fields per record).
  ///   - bytesRead: told the bytes of a CSV file read so far, after each chunk (not for a workbook).
  ///   - splitPoint: for a CSV file, a line the reader marks as it comes to it (`CSVSplitPoint`).
  /// - Returns: the SHA-256 of a CSV file's bytes, hashed as they were read; `nil` for a workbook, whose
  ///   reader jumps about the archive and does not read it once through.
  /// - Throws: `RowsError` when the file cannot be read at all, or what `visit` throws.
  @discardableResult
  public static func read(
    path: String, sheet: String? = nil, encoding: TextEncoding? = nil, limits: CSVOptions = CSVOptions(),
    bytesRead: ((Int) -> Void)? = nil, splitPoint: CSVSplitPoint? = nil,
    _ visit: @escaping (RowEvent) throws -> Void
  ) throws -> String? {
    if startsWithCompoundFileSignature(path) { throw RowsError.protectedOrLegacyWorkbook(path: path) }
    if XLSXReader.looksLikeXLSX(path: path) {
      try XLSXReader(path: path).read(sheet: sheet, visit)
      return nil
    }
    var options = limits
    options.encoding = encoding
    let reader = CSVReader(path: path, options: options)
    reader.onChunk = bytesRead
    reader.splitPoint = splitPoint
    try reader.read(visit)
    return reader.sha256
  }

  /// True for an OLE compound file (`D0 CF 11 E0 A1 B1 1A E1`): what Excel writes for a workbook saved
  /// with a password (the encrypted package inside), and for the old .xls format.
  static func startsWithCompoundFileSignature(_ path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    return (try? handle.read(upToCount: 8)) == Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
  }

  /// The Excel serial day `text` (a number cell in a date column) as a day, 1900 date system.
  public static func day(fromSerial text: [UInt8]) -> [UInt8]? { SheetRows.renderSerial(text, date1904: false) }
}
