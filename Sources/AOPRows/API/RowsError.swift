import AOPLedger
import Foundation

/// Why a file could not be read at all (as opposed to a bad row, which is a `MalformedRecord`).
public enum RowsError: Error, Equatable, LocalizedError {
  case parserInit
  case cannotOpen(path: String, reason: String)
  case readFailed(path: String, reason: String)
  case empty(path: String)
  case notAWorkbook(path: String, reason: String)
  /// A workbook without the sheet a profile reads (so not that profile's export), as opposed to one that
  /// has it but cannot be read (`notAWorkbook`).
  case noSuchSheet(path: String, sheet: String, sheets: [String])
  case notUTF8(path: String)
  /// An OLE compound file: a password-protected (encrypted) workbook, or the old binary .xls format.
  case protectedOrLegacyWorkbook(path: String)

  /// What to do about an encrypted or old-format workbook.
  public static let protectedAdvice = FileRefusal.protectedAdvice

  /// What to do about a file that is not UTF-8.
  public static let notUTF8Advice = FileRefusal.notUTF8Advice

  /// `no sheet named `Doanh thu` (it has `Sheet1`, `Sheet2`)`.
  public static func noSuchSheetReason(_ sheet: String, among sheets: [String]) -> String {
    "no sheet named `\(sheet)` (it has \(sheets.map { "`\($0)`" }.joined(separator: ", ")))"
  }

  public var errorDescription: String? {
    switch self {
    case .parserInit: return "could not initialise the CSV parser (out of memory?)"
    case .cannotOpen(let path, let reason): return "\(path): cannot open: \(reason)"
    case .readFailed(let path, let reason): return "\(path): read failed: \(reason)"
    case .empty(let path): return "\(path): the file is empty (no rows at all)"
    case .notAWorkbook(let path, let reason): return "\(path): \(reason)"
    case .noSuchSheet(let path, let sheet, let sheets):
      return "\(path): \(RowsError.noSuchSheetReason(sheet, among: sheets))"
    case .notUTF8(let path): return "\(path): \(RowsError.notUTF8Advice)"
    case .protectedOrLegacyWorkbook(let path): return "\(path): \(RowsError.protectedAdvice)"
    }
  }
}
