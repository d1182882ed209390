import AOPLedger
// The only file that imports CXLSXWriter: turns `[Sheet]` into an .xlsx file, checking every return code.
internal import CXLSXWriter
import Foundation

/// Document properties written into the workbook.
public struct WorkbookProperties: Sendable, Hashable {
  public var title: String
  public var company: String
  public var subject: String
  /// The creation time recorded in the file; derived from the inputs (never the clock) so the same
  /// inputs give the same bytes.
  public var created: Day
  /// The word before the page number in each printed page's footer, in the workbook's language.
  public var page: String
  /// The unit after a difference of percentages (`pp`, `điểm %`).
  public var points: String
  /// How month and day cells are shown (`mm/yyyy` and `dd/mm/yyyy` in Vietnamese).
  public var monthFormat: String
  public var dateFormat: String

  public init(
    title: String, company: String, subject: String, created: Day, page: String = "Page", points: String = "pp",
    monthFormat: String = "yyyy-mm", dateFormat: String = "yyyy-mm-dd"
  ) {
    self.title = title
    self.company = company
    self.subject = subject
    self.created = created
    self.page = page
    self.points = points
    self.monthFormat = monthFormat
    self.dateFormat = dateFormat
  }
}

/// Why a workbook could not be written.
public enum WorkbookError: Error, Hashable, LocalizedError {
  case cannotCreate(path: String)
  case badSheetName(String)
  case writeFailed(path: String, sheet: String, cell: String, code: Int, message: String)
  /// Saving failed; `systemError` is the errno the system gave, when it gave one (a full disk).
  case closeFailed(path: String, code: Int, message: String, systemError: Int32 = 0)
  /// A sheet has traffic lights but no key holding both red and green (a layout mistake).
  case lightsWithoutKey(sheet: String)

  public var errorDescription: String? {
    switch self {
    case .cannotCreate(let path): return "\(path): cannot create the workbook (out of memory?)"
    case .badSheetName(let name): return "`\(name)` is not a valid sheet name (at most 31 characters, none of []:*?/\\)"
    case .writeFailed(let path, let sheet, let cell, let code, let message):
      return "\(path): writing \(sheet)!\(cell) failed: \(message) (libxlsxwriter error \(code))"
    case .closeFailed(let path, let code, let message, _):
      return "\(path): saving the workbook failed: \(message) (libxlsxwriter error \(code))"
    case .lightsWithoutKey(let sheet):
      return "sheet \(sheet): its traffic lights have no key with red and green, so the icons would be relative"
    }
  }
}

/// Writes sheets to an .xlsx file with libxlsxwriter.
///
/// In constant-memory mode rows stream to disk and memory stays flat however large the sheets, but
/// libxlsxwriter then cannot make Excel tables: a sheet's table becomes an autofiltered range.
public struct XLSXWriter: Sendable {
  public let currency: Currency
  public let constantMemory: Bool

  public init(currency: Currency, constantMemory: Bool = true) {
    self.currency = currency
    self.constantMemory = constantMemory
  }

  /// Constant memory when the sheets hold more cells than this (an Excel table is kept below it).
  public static let constantMemoryAboveCells = 600_000

  /// A writer in the mode the size of `sheets` calls for.
  public static func forSize(of sheets: [Sheet], currency: Currency) -> XLSXWriter {
    let cells = sheets.reduce(0) { $0 + $1.rows.reduce(0) { $0 + $1.count } }
    return XLSXWriter(currency: currency, constantMemory: cells > constantMemoryAboveCells)
  }

  /// Writes `sheets` to `path` (which is replaced).
  /// - Throws: `WorkbookError` with the sheet and cell of the first failure.
  ///
  /// libxlsxwriter assembles the file from temporary files; they are made in the folder of `path` (the
  /// output folder), not the system's temporary folder, so a full or small `/tmp` plays no part, and a
  /// failure there is a failure of this output. It does not notice every failed write to them, so the
  /// caller must check the finished file before using it (`WorkbookCheck` in AOPRows).
  public func write(_ sheets: [Sheet], properties: WorkbookProperties, to path: String) throws {
    let folder = strdup(
      (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent)
    defer { free(folder) }
    var options = lxw_workbook_options(constant_memory: constantMemory ? 1 : 0, tmpdir: folder, use_zip64: 0)
    guard let workbook = workbook_new_opt(path, &options) else { throw WorkbookError.cannotCreate(path: path) }
    var closed = false
    defer { if !closed { _ = workbook_close(workbook) } }

    try setProperties(properties, on: workbook, path: path)
    var formats = FormatCache(workbook: workbook, currency: currency, properties: properties)
    var used = Set<String>()
    for sheet in sheets {
      let name = uniqueSheetName(sanitizedSheetName(sheet.name), used: &used)
      guard let worksheet = workbook_add_worksheet(workbook, name) else { throw WorkbookError.badSheetName(sheet.name) }
      try write(sheet, named: name, to: worksheet, formats: &formats, path: path, properties: properties)
      for n in sheet.definedNames {
        let reference =
          "='\(name.replacingOccurrences(of: "'", with: "''"))'!\(absoluteReference(row: n.row, column: n.column))"
        let result = workbook_define_name(workbook, n.name, reference)
        guard result == LXW_NO_ERROR else {
          throw WorkbookError.writeFailed(
            path: path, sheet: name, cell: n.name, code: Int(result.rawValue),
            message: String(cString: lxw_strerror(result)))
        }
      }
    }
    closed = true
    errno = 0
    let result = workbook_close(workbook)
    guard result == LXW_NO_ERROR else {
      // The system's reason too, where the library's is vague ("error creating output xlsx file").
      throw WorkbookError.closeFailed(
        path: path, code: Int(result.rawValue), message: String(cString: lxw_strerror(result)), systemError: errno)
    }
  }

  private func setProperties(_ p: WorkbookProperties, on workbook: UnsafeMutablePointer<lxw_workbook>, path: String)
    throws
  {
    let title = strdup(clean(p.title)), company = strdup(clean(p.company)), subject = strdup(clean(p.subject)),
      author = strdup("aop")
    defer {
      free(title)
      free(company)
      free(subject)
      free(author)
    }
    var properties = lxw_doc_properties()
    properties.title = title
    properties.company = company
    properties.subject = subject
    properties.author = author
    properties.created = time_t(p.created.ordinal) * 86_400
    let result = workbook_set_properties(workbook, &properties)
    guard result == LXW_NO_ERROR else {
      throw WorkbookError.closeFailed(
        path: path, code: Int(result.rawValue), message: String(cString: lxw_strerror(result)))
    }
  }

  private func write(
    _ sheet: Sheet, named sheetName: String, to ws: UnsafeMutablePointer<lxw_worksheet>, formats: inout FormatCache,
    path: String,
    properties: WorkbookProperties
  ) throws {
    func check(_ result: lxw_error, _ row: Int, _ column: Int) throws {
      guard result == LXW_NO_ERROR else {
        throw WorkbookError.writeFailed(
          path: path, sheet: sheet.name, cell: cellReference(row: row, column: column),
          code: Int(result.rawValue), message: String(cString: lxw_strerror(result)))
      }
    }
    for (i, width) in sheet.columnWidths.enumerated() {
      try check(worksheet_set_column(ws, lxw_col_t(i), lxw_col_t(i), width, nil), 0, i)
    }
    if sheet.frozenRows > 0 { worksheet_freeze_panes(ws, lxw_row_t(sheet.frozenRows), 0) }
    if let f = sheet.filter {
      try check(
        worksheet_autofilter(ws, lxw_row_t(f.headerRow), 0, lxw_row_t(f.lastRow), lxw_col_t(f.columns - 1)),
        f.headerRow, 0)
    }
    let table = constantMemory ? nil : sheet.table
    if constantMemory, let t = sheet.table {
      try check(
        worksheet_autofilter(ws, lxw_row_t(t.headerRow), 0, lxw_row_t(t.lastRow), lxw_col_t(t.columns.count - 1)),
        t.headerRow, 0)
    }
    try setUpPrinting(sheet, on: ws, properties: properties, check: check)

    for block in sheet.overspendWatch {
      var rule = lxw_conditional_format()
      rule.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
      rule.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_LESS_THAN.rawValue)
      rule.value = 0
      rule.format = formats.overspent()
      try check(
        worksheet_conditional_format_range(
          ws, lxw_row_t(block.firstRow), lxw_col_t(block.firstColumn), lxw_row_t(block.lastRow),
          lxw_col_t(block.lastColumn), &rule),
        block.firstRow, block.firstColumn)
    }
    try addTrafficLights(sheet, to: ws, check: check)
    for (n, c) in sheet.charts.enumerated() {
      func newChart(_ kind: Chart.Kind) throws -> UnsafeMutablePointer<lxw_chart> {
        guard
          let chart = workbook_add_chart(
            formats.workbook,
            UInt8(
              (kind == .line ? LXW_CHART_LINE : kind == .column ? LXW_CHART_COLUMN : LXW_CHART_COLUMN_STACKED).rawValue)
          )
        else {
          throw WorkbookError.writeFailed(
            path: path, sheet: sheet.name, cell: "chart \(n + 1)", code: 0, message: "cannot create the chart")
        }
        return chart
      }
      let chart = try newChart(c.kind)
      chart_title_set_name(chart, clean(c.title))
      chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
      // Axes show what their cells show (LibreOffice otherwise labels months with date serials); money
      // in millions.
      if let axis = chart.pointee.x_axis,
        let format = axisFormat(sheet.cell(c.categories.firstRow, c.categories.column), properties)
      {
        chart_axis_set_num_format(axis, format)
      }
      if let axis = chart.pointee.y_axis, let first = c.series.first,
        let format = axisFormat(sheet.cell(first.values.firstRow, first.values.column), properties)
      {
        chart_axis_set_num_format(axis, format)
        if let title = c.valueAxisTitle { chart_axis_set_name(axis, clean(title)) }
      }
      for series in c.series {
        guard let line = chart_add_series(chart, nil, nil) else {
          throw WorkbookError.writeFailed(
            path: path, sheet: sheet.name, cell: "chart \(n + 1)", code: 0, message: "cannot add a series")
        }
        chart_series_set_categories(
          line, sheetName, lxw_row_t(c.categories.firstRow), lxw_col_t(c.categories.column),
          lxw_row_t(c.categories.lastRow), lxw_col_t(c.categories.column))
        chart_series_set_values(
          line, sheetName, lxw_row_t(series.values.firstRow), lxw_col_t(series.values.column),
          lxw_row_t(series.values.lastRow), lxw_col_t(series.values.column))
        chart_series_set_name(line, clean(series.name))
        if series.isBound {
          var dashed = lxw_chart_line()
          dashed.dash_type = UInt8(LXW_CHART_LINE_DASH_DASH.rawValue)
          dashed.width = 1.5
          dashed.color = 0x404040
          chart_series_set_line(line, &dashed)
        }
      }
      var size = lxw_chart_options()
      size.x_scale = c.scale
      size.y_scale = c.scale
      try check(worksheet_insert_chart_opt(ws, lxw_row_t(c.row), lxw_col_t(c.column), chart, &size), c.row, c.column)
    }
    for v in sheet.listValidations {
      let options = v.options.map { strdup(clean($0)) }
      defer { for option in options { free(option) } }
      var list: [UnsafeMutablePointer<CChar>?] = options + [nil]
      var validation = lxw_data_validation()
      validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
      let result = list.withUnsafeMutableBufferPointer { buffer in
        validation.value_list = buffer.baseAddress
        return worksheet_data_validation_range(
          ws, lxw_row_t(v.firstRow), lxw_col_t(v.column), lxw_row_t(v.lastRow), lxw_col_t(v.column), &validation)
      }
      try check(result, v.firstRow, v.column)
    }
    for (r, cells) in sheet.rows.enumerated() {
      if let table, r == table.headerRow {
        try addTable(table, to: ws, formats: &formats, check: check)  // it writes the header row itself
        continue
      }
      if let height = sheet.rowHeights[r] { try check(worksheet_set_row(ws, lxw_row_t(r), height, nil), r, 0) }
      for (c, cell) in cells.enumerated() {
        let row = lxw_row_t(r), col = lxw_col_t(c)
        let kind = NumberKind(cell.value.shown, decimals: cell.decimals)
        // In a tall row every cell keeps to the foot, where LibreOffice draws a light's icon whatever the
        // alignment: a wrapped label's last line sits level with its figures and light.
        let format = formats.format(role: cell.role, kind: kind, wraps: cell.wraps, column: c)
        if let link = cell.link {
          // The hyperlink first (it writes its text), then the cell's own value over it; text keeps the
          // look of a link.
          try check(worksheet_write_url(ws, row, col, "internal:" + link, nil), r, c)
          if case .text(let text) = cell.value {
            try check(
              worksheet_write_string(ws, row, col, clean(text), workbook_get_default_url_format(formats.workbook)), r, c
            )
            continue
          }
        }
        if cell.span > 1 {
          // The merged block first (blank), then the value in its first cell.
          try check(worksheet_merge_range(ws, row, col, row, col + lxw_col_t(cell.span - 1), "", format), r, c)
        }
        switch cell.value {
        case .formula(let formula, let cached) where !XLSXWriter.isWritableFormula(formula):
          // Never a formula Excel would refuse: its value alone (a layout that makes one is a bug to fix,
          // but the workbook must still open).
          try writeValue(
            cached.shown, row: row, col: col, r: r, c: c, role: cell.role, format: format, ws: ws, check: check)
        case .formula(let formula, let cached):
          switch cached.shown {
          case .text(let t): try check(worksheet_write_formula_str(ws, row, col, formula, format, clean(t)), r, c)
          case .empty, .ratio(nil), .points(nil):
            try check(worksheet_write_formula_str(ws, row, col, formula, format, ""), r, c)
          default:
            try check(worksheet_write_formula_num(ws, row, col, formula, format, number(cached.shown) ?? 0), r, c)
          }
        default:
          try writeValue(
            cell.value, row: row, col: col, r: r, c: c, role: cell.role, format: format, ws: ws, check: check)
        }
      }
    }
  }

  /// A4, narrow margins, one page wide (the summary one page tall too), the sheet's title rows on
  /// every page, the header and footer in the workbook's language.
  private func setUpPrinting(
    _ sheet: Sheet, on ws: UnsafeMutablePointer<lxw_worksheet>, properties: WorkbookProperties,
    check: (lxw_error, Int, Int) throws -> Void
  ) throws {
    if sheet.landscape { worksheet_set_landscape(ws) }
    worksheet_set_paper(ws, 9)  // A4
    worksheet_set_margins(ws, 0.3, 0.3, 0.6, 0.6)
    worksheet_fit_to_pages(ws, 1, sheet.print.onePage ? 1 : 0)
    if let rows = sheet.print.titleRows {
      try check(worksheet_repeat_rows(ws, lxw_row_t(rows.lowerBound), lxw_row_t(rows.upperBound)), rows.lowerBound, 0)
    }
    if sheet.print.rows != nil || sheet.print.lastColumn != nil {
      let rows = sheet.print.rows ?? 0...max(0, sheet.rows.count - 1)
      let lastColumn = sheet.print.lastColumn ?? max(1, sheet.columnWidths.count) - 1
      try check(
        worksheet_print_area(ws, lxw_row_t(rows.lowerBound), 0, lxw_row_t(rows.upperBound), lxw_col_t(lastColumn)),
        rows.lowerBound, 0)
    }
    var margin = lxw_header_footer_options()
    margin.margin = 0.25
    try check(
      worksheet_set_header_opt(
        ws, "&L\(headerText(properties.company))&R\(headerText(properties.subject))", &margin), 0, 0)
    try check(
      worksheet_set_footer_opt(
        ws, "&L\(headerText(sheet.name))&R\(headerText(properties.page)) &P / &N", &margin), 0, 0)
  }

  /// A value that is not a formula.
  private func writeValue(
    _ value: CellValue, row: lxw_row_t, col: lxw_col_t, r: Int, c: Int, role: CellRole,
    format: UnsafeMutablePointer<lxw_format>?,
    ws: UnsafeMutablePointer<lxw_worksheet>, check: (lxw_error, Int, Int) throws -> Void
  ) throws {
    switch value {
    case .text(let t):
      try check(worksheet_write_string(ws, row, col, clean(t), format), r, c)
    case .empty, .ratio(nil), .points(nil):
      if role != .body { try check(worksheet_write_blank(ws, row, col, format), r, c) }
    default:
      if let n = number(value) { try check(worksheet_write_number(ws, row, col, n, format), r, c) }
    }
  }

  /// Within Excel's 8,192 characters for a formula, and free of characters XML cannot hold.
  static func isWritableFormula(_ formula: String) -> Bool {
    formula.utf16.count <= 8_192 && !formula.unicodeScalars.contains(where: \.isForbiddenInXML)
  }

  /// The number format of a chart axis over cells like `cell`: months, whole money, percentages.
  private func axisFormat(_ cell: Cell?, _ properties: WorkbookProperties) -> String? {
    switch cell?.value.shown {
    case .month?: return properties.monthFormat
    case .money?: return "#,##0,,"  // in millions
    case .ratio?: return "0%"
    default: return nil
    }
  }

  /// One icon set over every light of the sheet (a multi-range rule, so that its thresholds are
  /// measured over all of them, key included: see `Sheet.appendLightKey`).
  private func addTrafficLights(
    _ sheet: Sheet, to ws: UnsafeMutablePointer<lxw_worksheet>, check: (lxw_error, Int, Int) throws -> Void
  ) throws {
    let lights = sheet.lightCells.sorted { ($0.column, $0.row) < ($1.column, $1.row) }
    guard let first = lights.first else { return }
    let colours = Set(lights.map(\.colour))
    guard colours.contains(.red), colours.contains(.green) else {
      throw WorkbookError.lightsWithoutKey(sheet: sheet.name)
    }
    var runs: [CellBlock] = []
    for cell in lights {
      if let last = runs.last, last.firstColumn == cell.column, last.lastRow + 1 == cell.row {
        runs[runs.count - 1].lastRow = cell.row
      } else {
        runs.append(CellBlock(firstRow: cell.row, lastRow: cell.row, firstColumn: cell.column, lastColumn: cell.column))
      }
    }
    // Side by side runs of the same rows (a key) become one block.
    var blocks: [CellBlock] = []
    for run in runs.sorted(by: { ($0.firstRow, $0.firstColumn) < ($1.firstRow, $1.firstColumn) }) {
      if let i = blocks.firstIndex(where: {
        $0.firstRow == run.firstRow && $0.lastRow == run.lastRow && $0.lastColumn + 1 == run.firstColumn
      }) {
        blocks[i].lastColumn = run.lastColumn
      } else {
        blocks.append(run)
      }
    }
    let ranges = blocks.map { b in
      let top = cellReference(row: b.firstRow, column: b.firstColumn)
      return b.lastRow == b.firstRow && b.lastColumn == b.firstColumn
        ? top : "\(top):\(cellReference(row: b.lastRow, column: b.lastColumn))"
    }
    let multiRange = strdup(ranges.joined(separator: " "))
    defer { free(multiRange) }
    var rule = lxw_conditional_format()
    rule.type = UInt8(LXW_CONDITIONAL_TYPE_ICON_SETS.rawValue)
    rule.icon_style = UInt8(LXW_CONDITIONAL_ICONS_3_TRAFFIC_LIGHTS_UNRIMMED.rawValue)
    if blocks.count > 1 { rule.multi_range = multiRange }  // the first block is the rule's own range, and listed in it
    let top = blocks[0]
    try check(
      worksheet_conditional_format_range(
        ws, lxw_row_t(top.firstRow), lxw_col_t(top.firstColumn), lxw_row_t(top.lastRow), lxw_col_t(top.lastColumn),
        &rule), first.row, first.column)
  }

  private func addTable(
    _ table: Table, to ws: UnsafeMutablePointer<lxw_worksheet>, formats: inout FormatCache,
    check: (lxw_error, Int, Int) throws -> Void
  ) throws {
    let headers = table.columns.map { strdup(clean($0)) }
    let name = strdup(table.name)
    defer {
      for header in headers { free(header) }
      free(name)
    }
    var columns = headers.map { header -> lxw_table_column in
      var column = lxw_table_column()
      column.header = header
      column.header_format = formats.format(role: .header, kind: .none)
      return column
    }
    try columns.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      var pointers: [UnsafeMutablePointer<lxw_table_column>?] = (0..<buffer.count).map { base + $0 } + [nil]
      try pointers.withUnsafeMutableBufferPointer { list in
        var options = lxw_table_options()
        options.name = name
        options.style_type = UInt8(LXW_TABLE_STYLE_TYPE_LIGHT.rawValue)
        options.style_type_number = 9
        options.columns = list.baseAddress
        try check(
          worksheet_add_table(
            ws, lxw_row_t(table.headerRow), 0, lxw_row_t(table.lastRow), lxw_col_t(table.columns.count - 1), &options),
          table.headerRow, 0)
      }
    }
  }

  /// The value Excel stores: money divided once by the currency's scale; never NaN or infinite.
  private func number(_ value: CellValue) -> Double? {
    let n: Double?
    switch value {
    case .money(let m): n = Double(m.minorUnits) / Double(currency.unitScale)
    case .ratio(let r?): n = r.value
    case .points(let p?): n = p
    case .integer(let i): n = Double(i)
    case .day(let d): n = Double(d.ordinal - XLSXWriter.excelEpoch)
    case .month(let m): n = Double(m.firstDay.ordinal - XLSXWriter.excelEpoch)
    case .light(let light): n = Double(light.colour.rawValue)
    default: n = nil
    }
    return n.flatMap { $0.isFinite ? $0 : nil }
  }

  /// 1899-12-30, day 0 of Excel's serial dates (for days after February 1900).
  static let excelEpoch = Day(year: 1899, month: 12, day: 30)?.ordinal ?? 0

  /// Text safe for the file: no NUL or other XML-illegal control characters; a literal `_xHHHH_` escaped
  /// so Excel shows it as typed (libxlsxwriter leaves it, and Excel would read it as an escape); at most
  /// 32,767 UTF-16 units (Excel's limit; libxlsxwriter counts code points), longer text cut with a mark.
  func clean(_ text: String) -> String {
    let limit = 32_767
    let mark = Self.cutMark
    // Most texts are short and hold nothing XML forbids (no UTF-16 unit is more than a UTF-8 byte) and
    // nothing like an escape: one pass over the bytes tells, and they are kept as they are.
    if text.utf8.count <= limit - Self.cutMarkUnits {
      var forbidden = false
      var escapeLike = false
      var afterUnderscore = false
      for byte in text.utf8 {
        if Self.mayBeForbiddenInXML(byte) {
          forbidden = true
          break
        }
        if afterUnderscore, byte == UInt8(ascii: "x") { escapeLike = true }
        afterUnderscore = byte == UInt8(ascii: "_")
      }
      if !forbidden { return escapeLike ? XLSXWriter.escapeLiteralEscapes(text) : text }
    }
    var scalars = String.UnicodeScalarView()
    var units = 0
    var cut = false
    for s in text.unicodeScalars {
      if s.isForbiddenInXML { continue }
      if units + s.utf16.count > limit - Self.cutMarkUnits {
        cut = true
        break
      }
      units += s.utf16.count
      scalars.append(s)
    }
    var result = String(scalars)
    if cut { result += mark }
    return XLSXWriter.escapeLiteralEscapes(result)
  }

  /// What ends a text cut at Excel's limit, and its length in UTF-16 units (counted once, not per text).
  private static let cutMark = " …[cut]"
  private static let cutMarkUnits = cutMark.utf16.count

  /// A byte of a character XML may not hold: a control other than tab and line breaks, or the lead
  /// byte of U+FFFE and U+FFFF (`EF BF BE`, `EF BF BF`: checked in full by the slow path).
  private static func mayBeForbiddenInXML(_ byte: UInt8) -> Bool {
    (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0xEF
  }

  /// `_x0041_` typed as text becomes `_x005F_x0041_`, which Excel shows as `_x0041_`.
  static func escapeLiteralEscapes(_ text: String) -> String {
    // One pass over the bytes (a file name in every row of the data sheet has underscores; Foundation's
    // `contains` would search each one with CFString).
    var afterUnderscore = false
    let hasEscapeLike = text.utf8.contains { byte in
      defer { afterUnderscore = byte == UInt8(ascii: "_") }
      return afterUnderscore && byte == UInt8(ascii: "x")
    }
    guard hasEscapeLike else { return text }
    var out = ""
    var rest = Substring(text)
    while let range = rest.range(of: "_x") {
      let after = rest[range.upperBound...]
      let hex = after.prefix(4)
      let isEscape = hex.count == 4 && hex.allSatisfy(\.isHexDigit) && after.dropFirst(4).first == "_"
      out += rest[..<range.lowerBound]
      out += isEscape ? "_x005F_x" : "_x"
      rest = after
    }
    return out + rest
  }

  /// Header/footer text with `&` escaped (it starts a control code there).
  private func headerText(_ text: String) -> String {
    String(clean(text).prefix(60)).replacingOccurrences(of: "&", with: "&&")
  }

  /// `name`, or `name (2)`… when an earlier sheet has it (compared as Excel does, ignoring case).
  private func uniqueSheetName(_ name: String, used: inout Set<String>) -> String {
    var candidate = name
    var n = 2
    while used.contains(candidate.lowercased()) {
      let suffix = " (\(n))"
      candidate = String(name.prefix(31 - suffix.count)) + suffix
      n += 1
    }
    used.insert(candidate.lowercased())
    return candidate
  }

  private func absoluteReference(row: Int, column: Int) -> String {
    let plain = cellReference(row: row, column: column)
    let letters = plain.prefix { $0.isLetter }
    return "$\(letters)$\(plain.dropFirst(letters.count))"
  }

  private func sanitizedSheetName(_ name: String) -> String {
    let forbidden = Set("[]:*?/\\")
    let cleaned = String(name.filter { !forbidden.contains($0) }.prefix(31))
    return cleaned.isEmpty ? "Sheet" : cleaned
  }
}

/// The number format a cell's value needs.
enum NumberKind: Hashable {
  case none, money, points, integer, date, month
  /// A percentage with this many decimals.
  case ratio(Int)
  case light(LightWords)

  init(_ value: CellValue, decimals: Int? = nil) {
    switch value {
    case .day: self = .date
    case .month: self = .month
    case .light(let light): self = .light(light.words)
    case .money: self = .money
    case .ratio: self = .ratio(min(max(decimals ?? 1, 0), 4))
    case .points: self = .points
    case .integer: self = .integer
    default: self = .none
    }
  }
}

/// One libxlsxwriter format per (role, number kind), created on first use.
private struct FormatCache {
  let workbook: UnsafeMutablePointer<lxw_workbook>
  let currency: Currency
  /// The unit after a difference of percentages.
  let points: String
  let monthFormat: String
  let dateFormat: String
  /// A format per look; the overspent fill has no role (`nil`).
  struct Key: Hashable {
    var role: CellRole?
    var kind: NumberKind
    var wraps: Bool
  }
  var cache: [Key: UnsafeMutablePointer<lxw_format>] = [:]
  /// The last format each column asked for: a column's cells mostly share one, and comparing the key
  /// costs less than hashing it (a data sheet asks millions of times).
  private var lastByColumn: [(key: Key, format: UnsafeMutablePointer<lxw_format>?)?] = []

  init(workbook: UnsafeMutablePointer<lxw_workbook>, currency: Currency, properties: WorkbookProperties) {
    self.workbook = workbook
    self.currency = currency
    self.points = properties.points.filter { $0 != "\"" && $0 != "\\" }
    monthFormat = properties.monthFormat
    dateFormat = properties.dateFormat
  }

  var moneyFormat: String {
    if currency.code == "VND" { return "#,##0 \"₫\";[Red]-#,##0 \"₫\"" }
    let decimals = currency.minorDigits > 0 ? "." + String(repeating: "0", count: currency.minorDigits) : ""
    return "#,##0\(decimals) \"\(currency.code)\";[Red]-#,##0\(decimals) \"\(currency.code)\""
  }

  /// The look of an overspent budget: Excel's light red fill with dark red text.
  mutating func overspent() -> UnsafeMutablePointer<lxw_format>? {
    let key = Key(role: nil, kind: .none, wraps: false)
    if let f = cache[key] { return f }
    guard let f = workbook_add_format(workbook) else { return nil }
    format_set_bg_color(f, 0xFFC7CE)
    format_set_font_color(f, 0x9C0006)
    cache[key] = f
    return f
  }

  /// Names a light's number: `[=2]"On track";[=1]"Watch";"Off track"` (a condition per section).
  static func lightFormat(_ words: LightWords) -> String {
    func quoted(_ word: String) -> String { "\"" + word.filter { $0 != "\"" && $0 != "\\" } + "\"" }
    return "[=2]\(quoted(words.green));[=1]\(quoted(words.amber));\(quoted(words.red))"
  }

  /// `format(role:kind:wraps:)` for a cell of `column`, remembered per column.
  mutating func format(role: CellRole, kind: NumberKind, wraps: Bool, column: Int) -> UnsafeMutablePointer<lxw_format>?
  {
    let key = Key(role: role, kind: kind, wraps: wraps)
    if column < lastByColumn.count, let last = lastByColumn[column], last.key == key { return last.format }
    let found = format(role: role, kind: kind, wraps: wraps)
    // "No format" is remembered only where none is needed (a plain body cell): a format libxlsxwriter
    // failed to make is asked for again.
    guard found != nil || (role == .body && kind == .none && !wraps) else { return found }
    if column >= lastByColumn.count { lastByColumn += Array(repeating: nil, count: column + 1 - lastByColumn.count) }
    lastByColumn[column] = (key, found)
    return found
  }

  /// The format of a cell of `role` showing `kind`; `wraps` wraps its text.
  mutating func format(role: CellRole, kind: NumberKind, wraps: Bool = false) -> UnsafeMutablePointer<lxw_format>? {
    if role == .body, kind == .none, !wraps { return nil }
    let key = Key(role: role, kind: kind, wraps: wraps)
    if let f = cache[key] { return f }
    guard let f = workbook_add_format(workbook) else { return nil }
    switch kind {
    case .money: format_set_num_format(f, moneyFormat)
    case .ratio(let decimals):
      format_set_num_format(f, decimals == 0 ? "0%" : "0." + String(repeating: "0", count: decimals) + "%")
    case .points: format_set_num_format(f, "+0.0\" \(points)\";[Red]-0.0\" \(points)\";0.0\" \(points)\"")
    case .integer: format_set_num_format(f, "#,##0")
    case .date: format_set_num_format(f, dateFormat)
    case .month:
      format_set_num_format(f, monthFormat)
      // A month labels its row (or its cell in a long table beside a name): left, like the text it reads with.
      format_set_align(f, UInt8(LXW_ALIGN_LEFT.rawValue))
    case .light(let words):
      format_set_num_format(f, FormatCache.lightFormat(words))
      // The word just after its icon (LibreOffice draws the icon over the first characters without an indent).
      format_set_align(f, UInt8(LXW_ALIGN_LEFT.rawValue))
      format_set_indent(f, 1)
    case .none: break
    }
    switch role {
    case .title:
      format_set_bold(f)
      format_set_font_size(f, 14)
    case .subtitle:
      format_set_bold(f)
      format_set_font_size(f, 12)
    case .header:
      format_set_bold(f)
      format_set_bg_color(f, 0xDDEBF7)
      format_set_bottom(f, UInt8(LXW_BORDER_THIN.rawValue))
    case .total:
      format_set_bold(f)
      format_set_top(f, UInt8(LXW_BORDER_THIN.rawValue))
    case .note:
      format_set_italic(f)
      format_set_font_color(f, 0x595959)
    case .body: break
    }
    if wraps { format_set_text_wrap(f) }
    cache[key] = f
    return f
  }
}
