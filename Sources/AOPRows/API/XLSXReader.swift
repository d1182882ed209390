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

  public init() {}
}

/// Streams the rows of one sheet of an .xlsx workbook: the sheet part is inflated chunk by chunk and
/// scanned as it comes, so a large sheet never becomes a large object graph. Shared strings (which cells
/// refer to by number) are kept in memory.
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
      throw RowsError.notAWorkbook(path: path, reason: "its parts would inflate to \(declared) bytes, over the limit of \(limits.maxUncompressedBytes)")
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
        workbook: try small(archive, "xl/workbook.xml", required: true), relationships: try small(archive, "xl/_rels/workbook.xml.rels", required: true))
      parts.sheets = sheets
      parts.date1904 = date1904
      parts.sharedStrings = try WorkbookParts.sharedStrings(try small(archive, "xl/sharedStrings.xml", required: false))
      parts.dateStyles = try WorkbookParts.dateStyles(try small(archive, "xl/styles.xml", required: false))
    } catch let error as XMLScanner.Malformed {
      throw RowsError.notAWorkbook(path: path, reason: error.reason)
    }
    let chosen = sheet.map { name in parts.sheets.first { $0.name == name } } ?? parts.sheets.first
    guard let target = chosen else {
      let names = parts.sheets.map { "`\($0.name)`" }.joined(separator: ", ")
      throw RowsError.notAWorkbook(path: path, reason: sheet.map { "no sheet named `\($0)` (it has \(names))" } ?? "the workbook has no sheet")
    }
    guard let entry = archive[target.path] else {
      throw RowsError.notAWorkbook(path: path, reason: "the sheet `\(target.name)` is missing its part \(target.path)")
    }
    let rows = SheetRows(parts: parts) { record in try visit(.record(record)) }
    var inflated: Int64 = 0
    let limit = min(limits.maxSheetBytes, Int64(entry.uncompressedSize))
    do {
      _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: false) { chunk in
        inflated += Int64(chunk.count)
        guard inflated <= limit else {
          throw RowsError.notAWorkbook(path: self.path, reason: "the sheet inflates beyond its declared or allowed size (a zip bomb?)")
        }
        try rows.feed(chunk)
      }
      try rows.finish()
    } catch let error as XMLScanner.Malformed {
      throw RowsError.notAWorkbook(path: path, reason: "sheet `\(target.name)`: \(error.reason)")
    } catch let error as SheetRows.TooWide {
      throw RowsError.notAWorkbook(path: path, reason: "row \(error.row) of sheet `\(target.name)` has more than \(error.columns - 1) columns")
    } catch let error as RowsError {
      throw error
    } catch let error as Archive.ArchiveError {
      throw RowsError.notAWorkbook(path: path, reason: "the zip archive is damaged (\(error))")
    } catch let error as CocoaError {
      throw RowsError.readFailed(path: path, reason: error.localizedDescription)
    }
  }

  /// Reads the rows of a sheet part's XML alone (no workbook around it: no shared strings, no styles),
  /// for fuzzing and tests of the sheet scanner.
  /// - Throws: `RowsError.notAWorkbook` for XML the scanner refuses.
  public static func readSheetXML(_ xml: [UInt8], _ visit: @escaping (RowEvent) throws -> Void) throws {
    let rows = SheetRows(parts: WorkbookParts()) { try visit(.record($0)) }
    do {
      try rows.feed(Data(xml))
      try rows.finish()
    } catch let error as XMLScanner.Malformed {
      throw RowsError.notAWorkbook(path: "(sheet XML)", reason: error.reason)
    } catch let error as SheetRows.TooWide {
      throw RowsError.notAWorkbook(path: "(sheet XML)", reason: "row \(error.row) has more than \(error.columns - 1) columns")
    }
  }

  /// A small part (workbook, relationships, shared strings, styles) read whole, within the limits.
  private func small(_ archive: Archive, _ name: String, required: Bool) throws -> [UInt8] {
    guard let entry = archive[name] else {
      if required { throw RowsError.notAWorkbook(path: path, reason: "it has no \(name): not an Excel workbook") }
      return []
    }
    var bytes: [UInt8] = []
    let limit = min(limits.maxSheetBytes, Int64(entry.uncompressedSize))
    do {
      _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: false) { chunk in
        guard Int64(bytes.count + chunk.count) <= limit else {
          throw RowsError.notAWorkbook(path: self.path, reason: "\(name) inflates beyond its declared size (a zip bomb?)")
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
