import AOPImport
import AOPLedger
import Foundation

/// Writes every accepted ledger line to CSV as it arrives (schema in docs/ledger-csv.md), passing it on
/// to the next sink. Streaming: memory does not grow with the ledger. The file appears under its name
/// only when the run commits it.
final class LedgerCSVWriter: ImportSink {
  static let columns = ["kind", "date", "end_date", "channel", "order_id", "sku", "description", "product_group",
                        "quantity", "amount", "unit_cost", "currency", "source_file", "source_line", "profile"]

  private let next: ImportSink
  private let currency: Currency
  private let pending: AtomicFile.Pending
  private let handle: FileHandle
  private var buffer: [UInt8] = []
  private var failure: String?

  init(target: URL, currency: Currency, next: ImportSink) throws {
    self.next = next
    self.currency = currency
    pending = try AtomicFile.Pending(target: target)
    guard FileManager.default.createFile(atPath: pending.path, contents: nil), let handle = FileHandle(forWritingAtPath: pending.path) else {
      throw JobError.cannotWrite("\(target.path): cannot create (\(String(cString: strerror(errno))))")
    }
    self.handle = handle
    buffer.reserveCapacity(1 << 16)
    row(Self.columns)
  }

  func accept(_ line: SaleLine) {
    next.accept(line)
    row([line.isReturn ? "return" : "sale", line.day.description, "", line.channel, line.orderID, line.sku, line.productName, "",
         String(line.quantity), line.netRevenue.description, line.unitCost?.description ?? "", currency.code,
         line.source.file, String(line.source.line), line.source.profile])
  }

  func accept(_ entry: CostEntry) {
    next.accept(entry)
    row(["cost", entry.effectiveFrom?.description ?? "", "", "", "", entry.sku, entry.productName ?? "", entry.productGroup ?? "",
         "", entry.unitCost.description, entry.unitCost.description, currency.code, entry.source.file, String(entry.source.line), entry.source.profile])
  }

  func accept(_ line: SpendLine) {
    next.accept(line)
    row(["spend", line.firstDay.description, line.lastDay.description, line.channel, "", "", line.label, "", "",
         line.amount.description, "", currency.code, line.source.file, String(line.source.line), line.source.profile])
  }

  func reject(_ rejection: Rejection) { next.reject(rejection) }

  /// Flushes, then renames the file into place.
  func commit() throws {
    flushBuffer()
    try? handle.close()
    if let failure { throw JobError.cannotWrite("\(pending.target.path): \(failure)") }
    try pending.commit()
  }

  private func row(_ fields: [String]) {
    for (i, f) in fields.enumerated() {
      if i > 0 { buffer.append(UInt8(ascii: ",")) }
      if f.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
        buffer.append(UInt8(ascii: "\""))
        buffer.append(contentsOf: f.replacingOccurrences(of: "\"", with: "\"\"").utf8)
        buffer.append(UInt8(ascii: "\""))
      } else {
        buffer.append(contentsOf: f.utf8)
      }
    }
    buffer.append(0x0A)
    if buffer.count >= 1 << 16 { flushBuffer() }
  }

  private func flushBuffer() {
    guard failure == nil, !buffer.isEmpty else { return }
    do {
      try handle.write(contentsOf: buffer)
    } catch {
      failure = "write failed: \(error.localizedDescription)"
    }
    buffer.removeAll(keepingCapacity: true)
  }
}
