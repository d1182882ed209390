import Foundation
import ZIPFoundation

/// Limits that keep a hostile or broken .xlsx from exhausting memory or disk.
public struct XLSXLimits: Sendable, Hashable {
  /// Most bytes all parts may inflate to together.
  public var maxUncompressedBytes: Int64 = 4 << 30
  /// Most bytes one sheet may inflate to.
  public var maxSheetBytes: Int64 = 2 << 30
  /// Highest inflated / compressed ratio allowed for a part over 1 MiB (a zip bomb has thousands).
  public var maxCompressionRatio: Int64 = 200
  /// Most bytes the workbook, relationships and styles parts may each inflate to (they are KBs).
  public var maxSmallPartBytes: Int64 = 16 << 20
  /// A shared strings part up to this size is held whole (compactly); a larger one is read in passes,
  /// keeping only the strings the sheet's cells use.
  public var wholeSharedStringsBytes: Int64 = 32 << 20
  /// Most bytes of shared-string text kept for one sheet: past it the workbook is refused as too large.
  public var maxSharedStringBytes = 96 << 20

  public init() {}
}

/// Streams the rows of one sheet of an .xlsx workbook: the sheet part is inflated chunk by chunk and
/// scanned as it comes, so a large sheet never becomes a large object graph. Shared strings (which cells
/// refer to by number) are held compactly, and of a large part only those the sheet uses (see
/// `SharedStrings`), so any workbook within the limits is read in bounded memory.
public final class XLSXReader {
  public let path: String
  private let limits: XLSXLimits

  public init(path: String, limits: XLSXLimits = XLSXLimits()) {
    self.path = path
    self.limits = limits
  }

  /// True when the file starts like a zip archive (as every .xlsx does).
  public static func looksLikeXLSX(path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    let head = (try? handle.read(upToCount: 4)) ?? Data()
    return head == Data([0x50, 0x4B, 0x03, 0x04])
  }

  /// Reads the named sheet (the first when `nil`), calling `visit` for each non-blank row in order.
  /// - Throws: `RowsError` for a file that is not a readable workbook, or what `visit` throws.
  public func read(sheet: String? = nil, _ visit: @escaping (RowEvent) throws -> Void) throws {
    let archive: Archive
    do {
      archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    } catch {
      throw RowsError.notAWorkbook(path: path, reason: "not a readable zip archive (a broken or truncated download?)")
    }
    let declared = archive.reduce(Int64(0)) { $0 + Int64($1.uncompressedSize) }
    guard declared <= limits.maxUncompressedBytes else {
      throw RowsError.notAWorkbook(
        path: path,
        reason: "its parts would inflate to \(declared) bytes, over the limit of \(limits.maxUncompressedBytes)")
    }
    for entry in archive where entry.uncompressedSize > 1 << 20 {
      let ratio = Int64(entry.uncompressedSize) / max(1, Int64(entry.compressedSize))
      guard ratio <= limits.maxCompressionRatio else {
        throw RowsError.notAWorkbook(path: path, reason: "\(entry.path) is compressed \(ratio):1 (a zip bomb?)")
      }
    }

    var parts = WorkbookParts()
    do {
      let (sheets, date1904) = try WorkbookParts.sheets(
        workbook: try small(archive, "xl/workbook.xml", required: true),
        relationships: try small(archive, "xl/_rels/workbook.xml.rels", required: true))
      parts.sheets = sheets
      parts.date1904 = date1904
      parts.dateStyles = try WorkbookParts.dateStyles(try small(archive, "xl/styles.xml", required: false))
    } catch let error as XMLScanner.Malformed {
      throw RowsError.notAWorkbook(path: path, reason: error.reason)
    }
    let chosen = sheet.map { name in parts.sheets.first { $0.name == name } } ?? parts.sheets.first
    guard let target = chosen else {
      guard let sheet else { throw RowsError.notAWorkbook(path: path, reason: "the workbook has no sheet") }
      throw RowsError.noSuchSheet(path: path, sheet: sheet, sheets: parts.sheets.map(\.name))
    }
    guard let entry = archive[target.path] else {
      throw RowsError.notAWorkbook(path: path, reason: "the sheet `\(target.name)` is missing its part \(target.path)")
    }
    do {
      parts.sharedStrings = try sharedStrings(archive, sheet: entry)
    } catch let error as XMLScanner.Malformed {
      throw RowsError.notAWorkbook(path: path, reason: "xl/sharedStrings.xml: \(error.reason)")
    } catch let error as SharedStrings.TooLarge {
      throw RowsError.notAWorkbook(
        path: path,
        reason:
          "the texts its sheet uses take more than \(error.limit >> 20) MiB: too large to read; export it in smaller parts (a month at a time)"
      )
    }
    let rows = SheetRows(parts: parts, emit: visit)
    do {
      try inflate(archive, entry, name: "sheet `\(target.name)`", limit: limits.maxSheetBytes) { try rows.feed($0) }
      try rows.finish()
    } catch let error as XMLScanner.Malformed {
      throw RowsError.notAWorkbook(path: path, reason: "sheet `\(target.name)`: \(error.reason)")
    }
  }

  /// The shared strings the sheet `entry` may use: the whole part when it is small, else (counted,
  /// then the sheet scanned for the strings its cells use) only those.
  private func sharedStrings(_ archive: Archive, sheet entry: Entry) throws -> SharedStrings {
    guard let part = archive["xl/sharedStrings.xml"] else { return SharedStrings() }
    let chunks: ((Data) throws -> Void) throws -> Void = { consumer in
      try self.inflate(archive, part, name: "xl/sharedStrings.xml", limit: self.limits.maxSheetBytes, consumer)
    }
    if Int64(part.uncompressedSize) <= limits.wholeSharedStringsBytes {
      return try SharedStrings.read(chunks, limit: limits.maxSharedStringBytes)
    }
    let count =
      try SharedStrings.readFast(chunks, counting: true, limit: limits.maxSharedStringBytes)?.count
      ?? SharedStrings.read(chunks, counting: true, limit: limits.maxSharedStringBytes).count
    var used = [UInt64](repeating: 0, count: (count + 63) >> 6)
    let scanner = XMLScanner()
    var isShared = false
    var inValue = false
    var value: [UInt8] = []
    scanner.onStart = { name, attributes, selfClosing in
      if name.is("c") { isShared = attributes[attribute: "t"] == [UInt8(ascii: "s")] }
      if name.is("v"), !selfClosing {
        inValue = isShared
        value.removeAll(keepingCapacity: true)
      }
    }
    scanner.onText = { text in if inValue, value.count < 24 { value.append(contentsOf: text) } }
    scanner.onEnd = { name in
      guard name.is("v"), inValue else { return }
      inValue = false
      if let i = decimalInteger(value), i < count { used[i >> 6] |= UInt64(1) << UInt64(i & 63) }
    }
    try inflate(archive, entry, name: "the sheet", limit: limits.maxSheetBytes) { try scanner.feed($0) }
    try scanner.finish()
    return try SharedStrings.readFast(chunks, keep: used, limit: limits.maxSharedStringBytes)
      ?? SharedStrings.read(chunks, keep: used, limit: limits.maxSharedStringBytes)
  }

  /// Inflates a part chunk by chunk, never past its declared size or `limit`.
  private func inflate(
    _ archive: Archive, _ entry: Entry, name: String, limit: Int64, _ consumer: (Data) throws -> Void
  ) throws {
    var inflated: Int64 = 0
    let allowed = min(limit, Int64(entry.uncompressedSize))
    do {
      try archive.inflatePart(entry) { chunk in
        inflated += Int64(chunk.count)
        guard inflated <= allowed else {
          throw RowsError.notAWorkbook(
            path: self.path, reason: "\(name) inflates beyond its declared or allowed size (a zip bomb?)")
        }
        try consumer(chunk)
      }
    } catch let error as RowsError {
      throw error
    } catch let error as XMLScanner.Malformed {
      throw error
    } catch let error as SharedStrings.TooLarge {
      throw error
    } catch let error as Archive.ArchiveError {
      throw RowsError.notAWorkbook(path: path, reason: "the zip archive is damaged (\(error))")
    } catch let error as Archive.ChecksumMismatch {
      throw RowsError.notAWorkbook(path: path, reason: "the zip archive is damaged (\(error))")
    } catch let error as CocoaError {
      throw RowsError.readFailed(path: path, reason: error.localizedDescription)
    }
  }

  /// Reads the rows of a sheet part's XML alone (no workbook around it: no shared strings, no styles),
  /// for fuzzing and tests of the sheet scanner (`onePassTags: false`: every tag read the general way), fed
  /// in chunks of `chunkSize` bytes (whole by default).
  /// - Throws: `RowsError.notAWorkbook` for XML the scanner refuses.
  public static func readSheetXML(
    _ xml: [UInt8], onePassTags: Bool = true, chunkSize: Int = .max, _ visit: @escaping (RowEvent) throws -> Void
  ) throws {
    let rows = SheetRows(parts: WorkbookParts(), onePassTags: onePassTags, emit: visit)
    do {
      var start = 0
      repeat {
        let end = xml.count - start > chunkSize ? start + chunkSize : xml.count
        try rows.feed(Data(xml[start..<end]))
        start = end
      } while start < xml.count
      try rows.finish()
    } catch let error as XMLScanner.Malformed {
      throw RowsError.notAWorkbook(path: "(sheet XML)", reason: error.reason)
    }
  }

  /// A small part (workbook, relationships, styles) read whole, within the limits.
  private func small(_ archive: Archive, _ name: String, required: Bool) throws -> [UInt8] {
    guard let entry = archive[name] else {
      if required { throw RowsError.notAWorkbook(path: path, reason: "it has no \(name): not an Excel workbook") }
      return []
    }
    var bytes: [UInt8] = []
    let limit = min(limits.maxSmallPartBytes, Int64(entry.uncompressedSize))
    guard Int64(entry.uncompressedSize) <= limits.maxSmallPartBytes else {
      throw RowsError.notAWorkbook(
        path: path,
        reason:
          "\(name) would inflate to \(entry.uncompressedSize) bytes, far more than such a part ever has (a zip bomb?)")
    }
    do {
      try archive.inflatePart(entry) { chunk in
        guard Int64(bytes.count + chunk.count) <= limit else {
          throw RowsError.notAWorkbook(
            path: self.path, reason: "\(name) inflates beyond its declared size (a zip bomb?)")
        }
        bytes.append(contentsOf: chunk)
      }
    } catch let error as RowsError {
      throw error
    } catch {
      throw RowsError.notAWorkbook(path: path, reason: "cannot inflate \(name): \(error)")
    }
    return bytes
  }
}
