import AOPLedger
import AOPRows
import Foundation

/// A draft import profile for an export no profile reads, made from its header row and first rows: the
/// columns the built-in profiles know (by their header aliases) mapped, the kind they point to, the
/// number and date forms its values fit, and the rest left as commented choices to fill in.
public enum ProfileDraft {
  /// The draft's TOML for the file at `path`.
  /// - Throws: `ImportError.unreadable` when the file cannot be read.
  public static func make(path: String, builtIns: ProfileSet) throws -> String {
    var records: [RawRecord] = []
    do {
      try RowSource.read(path: path) { event in
        if case .record(let r) = event, !(0..<r.count).allSatisfy({ r.bytes($0).isEmpty }) { records.append(r) }
        if records.count > 40 { throw StopReading() }
      }
    } catch is StopReading {
    } catch let error as RowsError {
      throw ImportError.unreadable(file: path, FileImporter.refusal(error))
    }
    guard let header = records.first else {
      throw ImportError.unreadable(file: path, .noRows)
    }
    let headers = header.fields.map(HeaderName.normalize)
    let rows = records.dropFirst()

    // What the built-in profiles call each header.
    var known: [String: [(field: Field, kind: ProfileKind, profile: String)]] = [:]
    for profile in builtIns.profiles where profile.kind != .ignored {
      for (field, aliases) in profile.columns.sorted(by: { $0.key < $1.key }) {
        for alias in aliases { known[alias, default: []].append((field, profile.kind, profile.id)) }
      }
    }
    var votes: [ProfileKind: Int] = [:]
    for h in headers { for kind in Set((known[h] ?? []).map(\.kind)) { votes[kind, default: 0] += 1 } }
    let kind = [ProfileKind.sales, .costs, .spend].max { (votes[$0] ?? 0) < (votes[$1] ?? 0) } ?? .sales

    var mapped: [(field: Field, header: String, from: String)] = []
    var used = Set<String>()
    for field in Field.allCases where Field.allowed(for: kind).contains(field) && field != .items {
      if let h = headers.first(where: { h in
        !used.contains(h) && (known[h] ?? []).contains { $0.field == field && $0.kind == kind }
      }) {
        let from = (known[h] ?? []).first { $0.field == field && $0.kind == kind }?.profile ?? ""
        mapped.append((field, h, from))
        used.insert(h)
      }
    }
    /// The non-empty cells of a column in the first rows, with whether each is a workbook's date cell.
    let cells = { (index: Int?) -> [(bytes: ArraySlice<UInt8>, isDateCell: Bool)] in
      guard let index else { return [] }
      return rows.compactMap { $0.count > index ? (trimmed($0.bytes(index)), $0.kind(index) == .date) : nil }.filter {
        !$0.bytes.isEmpty
      }
    }
    let values = { (index: Int?) -> [ArraySlice<UInt8>] in cells(index).map(\.bytes) }
    let candidates = [
      "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm", "dd/MM/yyyy",
      "d/M/yyyy", "MM/dd/yyyy HH:mm:ss", "MM/dd/yyyy", "dd-MM-yyyy", "dd.MM.yyyy", "yyyy/MM/dd",
    ].compactMap { try? DateFormat($0) }
    /// The usual date forms that read every text value of a column whole (a workbook's date cells are
    /// dates whatever the profile says, and need none).
    func dateForms(_ column: [(bytes: ArraySlice<UInt8>, isDateCell: Bool)]) -> [DateFormat] {
      let texts = column.filter { !$0.isDateCell }.map(\.bytes)
      return candidates.filter { format in texts.allSatisfy { format.parse($0) != nil } }
    }
    func isDates(_ column: [(bytes: ArraySlice<UInt8>, isDateCell: Bool)]) -> Bool {
      !column.isEmpty && (column.allSatisfy(\.isDateCell) || !dateForms(column).isEmpty)
    }
    // A date column the built-in profiles do not name: the first whose values all read as dates.
    if Field.allowed(for: kind).contains(.date), !mapped.contains(where: { $0.field == .date }),
      let i = headers.indices.first(where: { !used.contains(headers[$0]) && isDates(cells($0)) })
    {
      mapped.append((.date, headers[i], ""))
      used.insert(headers[i])
    }
    let column = { (field: Field) -> Int? in
      mapped.first { $0.field == field }.flatMap { m in headers.firstIndex(of: m.header) }
    }

    // Numbers: the marks that read every amount of the first rows (Vietnamese first when both do).
    let amountFields: [Field] = [.lineNet, .unitPrice, .unitCost, .amount, .quantity]
    let amounts = amountFields.flatMap { values(column($0)) }
    let numberForms: [(NumberFormat, String, String)] = [
      (.vietnamese, ",", "."), (.english, ".", ","), (.canonical, ".", ""),
    ]
    let numbers =
      amounts.isEmpty
      ? nil
      : numberForms.first { form in
        amounts.allSatisfy { if case .success = form.0.parse($0) { return true } else { return false } }
      }
    // Dates: the common forms that read every date written as text in the first rows.
    let dateColumns = [Field.date, .startDate, .endDate].flatMap { cells(column($0)) }
    let dates = dateColumns.contains { !$0.isDateCell } ? dateForms(dateColumns).map(\.pattern) : ["yyyy-MM-dd"]

    let file = (path as NSString).lastPathComponent
    let id = ((file as NSString).deletingPathExtension as String).lowercased().split {
      !($0.isLetter && $0.isASCII || $0.isNumber)
    }.prefix(4).joined(separator: "-")
    var out: [String] = []
    out.append("# A draft profile for `\(file)`, made by `aop profiles draft` from its header row and first rows.")
    out.append("# Check every line, fill in what is marked TODO, then save it in a folder the config names in")
    out.append("# `profile_folders` and try it with `aop profiles \(file)` (docs/profiles.md explains each key).")
    out.append("version = 1")
    out.append("id = \(quoted(id.isEmpty ? "my-export" : id))")
    out.append("name = \(quoted("My export (\(file))"))")
    out.append("kind = \(quoted(kind.rawValue))   # sales, costs or spend: what most of its known columns point to")
    if kind == .sales || kind == .spend {
      out.append("channel = \"TODO\"   # TODO: the id of one of the config's [[channels]]")
    }
    out.append("")
    out.append("[match]")
    let signature = mapped.isEmpty ? Array(headers.prefix(3)) : mapped.map(\.header)
    out.append("headers = [\(signature.map(quoted).joined(separator: ", "))]   # all must be on the header row")
    out.append("")
    out.append("[read]")
    let marks = numbers ?? numberForms[1]
    let check = numbers == nil ? "   # TODO: check (no amount of the first rows tells)" : ""
    out.append("decimal_mark = \(quoted(marks.1))\(check)")
    out.append("thousands_mark = \(quoted(marks.2))   # \"\" for none")
    out.append(
      "date_formats = [\((dates.isEmpty ? ["yyyy-MM-dd"] : Array(dates.prefix(2))).map(quoted).joined(separator: ", "))]"
        + (dates.isEmpty ? "   # TODO: the form of its dates (none of the usual forms reads them)" : ""))
    out.append("")
    out.append("[columns]")
    for m in mapped {
      out.append(
        "\(m.field.rawValue) = \(quoted(m.header))   # "
          + (m.from.isEmpty ? "its values read as dates" : "as \(m.from) reads it"))
    }
    let free = headers.filter { !used.contains($0) && !$0.isEmpty }
    let choices = free.isEmpty ? "" : " one of " + free.map(quoted).joined(separator: ", ")
    for group in Field.required(for: kind) where !group.contains(where: { f in mapped.contains { $0.field == f } }) {
      out.append(
        "# \(group[0].rawValue) = \"…\"   # TODO required\(group.count > 1 ? " (or \(group.dropFirst().map(\.rawValue).joined(separator: " or ")))" : ""): which column?\(choices)"
      )
    }
    if !free.isEmpty { out.append("# Columns not mapped: \(free.map(quoted).joined(separator: ", "))") }
    out.append("")
    out.append("[identity]")
    let identity: [Field]
    switch kind {
    case .sales: identity = [.orderID, .lineID, .sku]
    case .costs: identity = [.sku, .date, .unitCost]
    default: identity = [.date, .label, .lineID, .amount]
    }
    let requiredNames = Set(Field.required(for: kind).map { $0[0] })
    let identityFields = identity.filter { f in mapped.contains { $0.field == f } || requiredNames.contains(f) }
    out.append(
      "fields = [\(identityFields.map { quoted($0.rawValue) }.joined(separator: ", "))]   # what identifies a row, so overlapping exports count once"
    )
    return out.joined(separator: "\n") + "\n"
  }

  private static func quoted(_ s: String) -> String { ImportPreview.quoted(s) }
}
