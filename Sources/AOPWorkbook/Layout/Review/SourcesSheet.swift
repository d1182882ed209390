import AOPKPIs
import AOPLedger
import AOPPlan

/// The files read and the rows rejected.
extension ReviewLayout {
  func sources(_ r: ReviewReport) -> Sheet {
    let l = labels
    var s = Sheet(name: l.sourcesSheet)
    s.columnWidths = [36, 16, 9, 8, 8, 8, 8, 8, 15, 14, 40, 66]
    s.append([Cell(.text(l.sourcesSheet), .title)])
    s.blank()
    s.append(
      header([
        l.file, l.profile, l.status, l.read, l.accepted, l.rejected, l.duplicates, l.skipped, l.revenue, l.marketing,
        l.message, "SHA-256",
      ]))
    s.frozenRows = s.rows.count
    s.print.titleRows = (s.frozenRows - 1)...(s.frozenRows - 1)
    s.print.lastColumn = 10  // the message; not the SHA-256
    let first = s.rows.count
    // Each file's first rejected row on the rejects sheet (1-based: a title, a blank, the header).
    var firstRejected: [String: Int] = [:]
    for (i, x) in r.rejections.kept.enumerated() where firstRejected[x.source.file] == nil {
      firstRejected[x.source.file] = 4 + i
    }
    let rejectsSheet = "'\(l.rejectsSheet.replacingOccurrences(of: "'", with: "''"))'"
    for f in r.sources {
      var rejected = Cell(.integer(f.tally.rejected))
      rejected.link = firstRejected[f.path].map { "\(rejectsSheet)!A\($0)" }
      s.append([
        Cell(.text(f.path)), Cell(.text(f.profile ?? "")), Cell(.text(f.status == .read ? l.readStatus : l.refused)),
        Cell(.integer(f.tally.read)), Cell(.integer(f.tally.accepted)), rejected,
        Cell(.integer(f.tally.duplicates)), Cell(.integer(f.tally.skipped)), Cell(.money(f.revenue)),
        Cell(.money(f.spend)),
        Cell(
          .text(
            ([f.note.map(l.note)].compactMap { $0 } + f.duplicatesOf.map(l.duplicates) + f.flags.map(l.flagged)).joined(
              separator: "; "))),
        Cell(.text(f.sha256 ?? "")),
      ])
    }
    let last = s.rows.count - 1
    let t = r.tally
    var totals = [Cell(.text(l.total), .total), Cell(.empty, .total), Cell(.empty, .total)]
    let sums: [CellValue] = [
      .integer(t.read), .integer(t.accepted), .integer(t.rejected), .integer(t.duplicates), .integer(t.skipped),
      .money(r.sources.map(\.revenue).sum()), .money(r.sources.map(\.spend).sum()),
    ]
    for (i, cached) in sums.enumerated() {
      let col = 3 + i
      let formula =
        last >= first ? "SUM(\(cellReference(row: first, column: col)):\(cellReference(row: last, column: col)))" : "0"
      totals.append(Cell(.formula(formula, cached: cached), .total))
    }
    s.append(totals)
    if last >= first { s.filter = (first - 1, last, 12) }
    if !r.warnings.isEmpty {
      s.blank()
      s.append([Cell(.text(l.warnings), .subtitle)])
      for warning in r.warnings { s.append([Cell(.text(l.warning(warning)), .note)]) }
    }
    return s
  }

  func rejects(_ r: ReviewReport) -> Sheet {
    let l = labels
    var s = Sheet(name: l.rejectsSheet)
    s.columnWidths = [30, 7, 16, 40, 45]
    s.append([Cell(.text(l.rejectsSheet), .title)])
    s.blank()
    s.append(header([l.file, l.line, l.column, l.reason, l.rawText]))
    s.frozenRows = s.rows.count
    s.print.titleRows = (s.frozenRows - 1)...(s.frozenRows - 1)
    let first = s.rows.count
    for x in r.rejections.kept {
      s.append([
        Cell(.text(x.source.file)), Cell(.integer(x.source.line)), Cell(.text(x.column ?? "")),
        Cell(.text(l.reason(x.reason))),
        Cell(.text(x.rawText)),
      ])
    }
    if r.rejections.isEmpty {
      s.append([Cell(.text(l.noRejects), .note)])
    } else {
      s.filter = (first - 1, s.rows.count - 1, 5)
    }
    if r.rejections.notKept > 0 {
      s.append([
        Cell(
          .text(
            l.moreRejects(
              r.rejections.notKept, listed: r.rejections.kept.count, file: ReviewReport.rejectsFileName(r.month))),
          .note)
      ])
    }
    return s
  }
}
