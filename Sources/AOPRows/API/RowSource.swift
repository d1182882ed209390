/// Reads the rows of an export file, whatever its shape: an .xlsx workbook (recognised by its zip
/// signature, not its name) or CSV text.
public enum RowSource {
  /// Streams the file's rows to `visit`, in order.
  /// - Parameter sheet: the workbook sheet to read (the first when `nil`); ignored for CSV.
  /// - Throws: `RowsError` when the file cannot be read at all, or what `visit` throws.
  /// - Parameters:
  ///   - encoding: the code page of a CSV without a byte-order mark (UTF-8 when `nil`).
  ///   - limits: the CSV reader's limits (field and line length, fields per record).
  public static func read(
    path: String, sheet: String? = nil, encoding: TextEncoding? = nil, limits: CSVOptions = CSVOptions(), _ visit: @escaping (RowEvent) throws -> Void
  ) throws {
    if XLSXReader.looksLikeXLSX(path: path) {
      try XLSXReader(path: path).read(sheet: sheet, visit)
    } else {
      var options = limits
      options.encoding = encoding
      try CSVReader(path: path, options: options).read(visit)
    }
  }

  /// The Excel serial day `text` (a number cell in a date column) as a day, 1900 date system.
  public static func day(fromSerial text: [UInt8]) -> [UInt8]? { SheetRows.renderSerial(text, date1904: false) }
}
