import AOPLedger
import Foundation

/// One file imported on its own and written out as text, line by line: what each row became. Used by
/// the golden tests of the profiles (and handy to see what a profile does with a new export).
public enum ImportPreview {
  /// Imports `path` with `profiles` (fresh de-duplication; every channel a profile names is allowed)
  /// and renders the result.
  public static func render(path: String, displayPath: String, profiles: ProfileSet, currency: Currency = .vnd)
    -> String
  {
    var channels = Set<String>()
    for p in profiles.profiles {
      if let c = p.channel { channels.insert(c) }
      channels.formUnion(p.channelValues.values)
    }
    let importer = FileImporter(profiles: profiles, settings: ImportSettings(currency: currency, channels: channels))
    let sink = Recorder()
    var out = ["# file: \(displayPath)"]
    let file: SourceFile
    do {
      file = try importer.importFile(at: path, displayPath: displayPath, into: sink)
    } catch {
      out.append("# stopped: read to its end once, it then failed midway: \(error.refusal)")
      return out.joined(separator: "\n") + "\n"
    }
    if file.status == .refused {
      out.append("# refused: \(file.message ?? "")")
      return out.joined(separator: "\n") + "\n"
    }
    let t = file.tally
    out.append("# profile: \(file.profile ?? "") (version 1)")
    out.append(
      "# read \(t.read), accepted \(t.accepted), rejected \(t.rejected), duplicates \(t.duplicates), skipped \(t.skipped)"
    )
    out += sink.lines
    return out.joined(separator: "\n") + "\n"
  }

  private final class Recorder: ImportSink {
    var lines: [String] = []
    func accept(_ l: SaleLine) {
      lines.append(
        "\(l.isReturn ? "return" : "sale") \(l.day) \(l.channel) order=\(l.orderID) sku=\(l.sku) qty=\(l.quantity) net=\(l.netRevenue)"
          + "\(l.unitCost.map { " unit_cost=\($0)" } ?? "") name=\(quoted(l.productName))\(l.items.map { " items=" + Self.shown($0) } ?? "") line=\(l.source.line)"
      )
    }

    /// `[2×"Bình sữa" 1×"Set mũ, yếm"(joined)]`, or `unreadable("…")`.
    static func shown(_ list: ItemList) -> String {
      if let why = list.unreadable { return "unreadable(\(quoted(why)))" }
      return "["
        + list.items.map { "\($0.quantity)×\(quoted($0.name))\($0.joined ? "(joined)" : "")" }.joined(separator: " ")
        + "]"
    }
    func accept(_ c: CostEntry) {
      lines.append(
        "\(c.isRepeat ? "cost-again" : "cost") \(c.effectiveFrom.map(\.description) ?? "undated") sku=\(c.sku) unit_cost=\(c.unitCost) name=\(quoted(c.productName ?? ""))"
          + " group=\(quoted(c.productGroup ?? ""))\(c.purchaseAmount.map { " purchase=\($0)" } ?? "") line=\(c.source.line)"
      )
    }
    func accept(_ s: SpendLine) {
      lines.append(
        "\(s.isMarketing ? "spend" : "expense") \(s.firstDay)..\(s.lastDay) \(s.channel) amount=\(s.amount) label=\(quoted(s.label))"
          + "\(s.category.map { " category=\(quoted($0))" } ?? "") line=\(s.source.line)")
    }
    func reject(_ r: Rejection) {
      lines.append(
        "reject line=\(r.source.line) column=\(quoted(r.column ?? "")) reason=\(quoted(r.reason.description))")
    }
  }

  /// A string as a double-quoted literal (TOML's basic string): the preview's and a drafted profile's.
  static func quoted(_ s: String) -> String {
    "\""
      + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      .replacingOccurrences(of: "\n", with: "\\n")
      .replacingOccurrences(of: "\r", with: "\\r") + "\""
  }
}
