import AOPLedger

/// The rejected rows and refused files of a run as CSV: file, line, column, reason, raw text. Written
/// beside the workbook (`rejects-YYYY-MM.csv`) so the exports can be fixed and the month run again.
enum RejectsCSV {
  static let header = "file,line,column,reason,raw_text\n"

  static func text(_ rejections: [Rejection], refused: [SourceFile]) -> String {
    var out = header
    for f in refused {
      out += [f.path, "", "", f.message ?? "refused", ""].map(quoted).joined(separator: ",") + "\n"
    }
    for r in rejections {
      out += [r.source.file, String(r.source.line), r.column ?? "", r.reason, r.rawText].map(quoted).joined(separator: ",") + "\n"
    }
    return out
  }

  private static func quoted(_ field: String) -> String {
    field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
      ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
  }
}
