import Foundation

/// The real client: LibreOffice (headless) through Tests/Tools/recalc_check.py.
public enum LibreOffice {
  public struct Failed: Error, CustomStringConvertible {
    public var output: String
    public var description: String { "LibreOffice could not check the workbooks: \(output)" }
  }

  public struct FileResult: Decodable {
    public var file: String
    public var opened: Bool
    public var formulas: Int?
    public var mismatches: [[String: AnyCodable]]?
    public var errors: [[String: AnyCodable]]?
  }

  /// Any JSON value, kept only to be shown in a failure.
  public struct AnyCodable: Decodable, CustomStringConvertible {
    public var description: String
    public init(from decoder: Decoder) throws {
      let c = try decoder.singleValueContainer()
      if let s = try? c.decode(String.self) {
        description = s
      } else if let d = try? c.decode(Double.self) {
        description = String(d)
      } else if let o = try? c.decode([String: AnyCodable].self) {
        description = o.description
      } else {
        description = "?"
      }
    }
  }

  /// Opens each workbook in LibreOffice (headless), recalculates it and compares with the cached values.
  /// - Throws: when LibreOffice could not check them.
  public static func recalculate(_ paths: [String]) throws -> [FileResult] {
    try JSONDecoder().decode([FileResult].self, from: run("recalc_check.py", paths))
  }

  /// Runs one of Tests/Tools' LibreOffice scripts over `paths`; its JSON output.
  /// - Throws: `Failed` when the script could not do its work.
  static func run(_ script: String, _ paths: [String]) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    process.arguments = [repositoryRoot.appendingPathComponent("Tests/Tools/\(script)").path] + paths
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw Failed(output: String(decoding: data, as: UTF8.self)) }
    return data
  }
}

extension LibreOffice {
  /// One printed page: the sheet it belongs to (from its footer) and the height of its body text.
  public struct PrintedPage: Decodable {
    public var sheet: String
    public var textHeight: Double?
  }

  public struct PrintedBook: Decodable {
    public var file: String
    public var pages: [PrintedPage]

    /// Each sheet's pages, in the order printed.
    public var sheets: [(name: String, pages: [PrintedPage])] {
      var result: [(name: String, pages: [PrintedPage])] = []
      for page in pages {
        if result.last?.name == page.sheet {
          result[result.count - 1].pages.append(page)
        } else {
          result.append((page.sheet, [page]))
        }
      }
      return result
    }
  }

  /// Prints each workbook to PDF as LibreOffice does (Tests/Tools/print_layout.py) and reads its pages back.
  public static func print(_ paths: [String]) throws -> [PrintedBook] {
    try JSONDecoder().decode([PrintedBook].self, from: run("print_layout.py", paths))
  }
}
