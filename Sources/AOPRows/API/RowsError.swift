import Foundation

/// Why a file could not be read at all (as opposed to a bad row, which is a `MalformedRecord`).
public enum RowsError: Error, Equatable, LocalizedError {
  case parserInit
  case cannotOpen(path: String, reason: String)
  case readFailed(path: String, reason: String)
  case empty(path: String)
  case unsupportedEncoding(path: String, detail: String)
  case notAWorkbook(path: String, reason: String)

  public var errorDescription: String? {
    switch self {
    case .parserInit: return "could not initialise the CSV parser (out of memory?)"
    case .cannotOpen(let path, let reason): return "\(path): cannot open: \(reason)"
    case .readFailed(let path, let reason): return "\(path): read failed: \(reason)"
    case .empty(let path): return "\(path): the file is empty (no rows at all)"
    case .unsupportedEncoding(let path, let detail): return "\(path): \(detail)"
    case .notAWorkbook(let path, let reason): return "\(path): \(reason)"
    }
  }
}
