import AOPImport
import AOPLedger
import AOPWorkbook
import Foundation

/// Writes every accepted ledger line to CSV as it arrives (schema in docs/ledger-csv.md), passing it on
/// to the next sink. Streaming: memory does not grow with the ledger. The file appears under its name
/// only when the run commits it.
final class LedgerCSVWriter: ImportSink {
  static let columns = [
    "kind", "date", "end_date", "channel", "order_id", "sku", "description", "product_group",
    "quantity", "amount", "unit_cost", "currency", "source_file", "source_line", "profile",
  ]

  private let next: ImportSink
  private let currency: Currency
  let pending: AtomicFile.Pending

  init(target: URL, currency: Currency, next: ImportSink) throws {
    self.next = next
    self.currency = currency
    pending = try AtomicFile.Pending(target: target)
    row(Self.columns)
  }

  func accept(_ line: SaleLine) {
    next.accept(line)
    row([
      line.isReturn ? "return" : "sale", line.day.description, "", line.channel, line.orderID, line.sku,
      line.productName, "",
      String(line.quantity), line.netRevenue.description, line.unitCost?.description ?? "", currency.code,
      line.source.file, String(line.source.line), line.source.profile,
    ])
  }

  func accept(_ entry: CostEntry) {
    next.accept(entry)
    guard !entry.isRepeat else { return }  // a duplicate: not a line of the ledger
    row([
      "cost", entry.effectiveFrom?.description ?? "", "", "", "", entry.sku, entry.productName ?? "",
      entry.productGroup ?? "",
      "", entry.unitCost.description, entry.unitCost.description, currency.code, entry.source.file,
      String(entry.source.line), entry.source.profile,
    ])
  }

  func accept(_ line: SpendLine) {
    next.accept(line)
    // Marketing is `spend`; every other expense (rent, wages…) `expense`, so a query can tell them apart.
    row([
      line.isMarketing ? "spend" : "expense", line.firstDay.description, line.lastDay.description, line.channel, "",
      "", line.label, line.category ?? "", "", line.amount.description, "", currency.code, line.source.file,
      String(line.source.line), line.source.profile,
    ])
  }

  func reject(_ rejection: Rejection) { next.reject(rejection) }
  func refused(_ file: SourceFile) { next.refused(file) }

  private func row(_ fields: [String]) {
    pending.write(CSVField.row(fields))
    pending.write("\n")
  }
}

/// Writes every rejected row and refused file to CSV as they arrive (file, line, column, reason, raw
/// text), in file order, passing them on: the complete list, however many there are, while the workbook
/// lists the first ones.
final class RejectsCSVWriter: ImportSink {
  static let header = ["file", "line", "column", "reason", "raw_text"]

  private let next: ImportSink
  private let labels: Labels
  let pending: AtomicFile.Pending

  /// Reasons are said in the workbook's language (`labels`): the accountant reads this file beside it.
  init(target: URL, labels: Labels, next: ImportSink) throws {
    self.next = next
    self.labels = labels
    pending = try AtomicFile.Pending(target: target)
    row(Self.header)
  }

  func accept(_ line: SaleLine) { next.accept(line) }
  func accept(_ entry: CostEntry) { next.accept(entry) }
  func accept(_ line: SpendLine) { next.accept(line) }

  func reject(_ r: Rejection) {
    next.reject(r)
    row([r.source.file, String(r.source.line), r.column ?? "", labels.reason(r.reason), r.rawText])
  }

  func refused(_ file: SourceFile) {
    next.refused(file)
    row([file.path, "", "", file.note.map(labels.note) ?? labels.refused, ""])
  }

  private func row(_ fields: [String]) {
    pending.write(CSVField.row(fields))
    pending.write("\n")
  }
}
