import AOPLedger

/// What a cell holds, before any file format: money stays exact here.
public enum CellValue: Hashable, Sendable {
  case text(String)
  case money(Money)
  /// A ratio; `nil` is "no data" and shows as empty, never as 0%.
  case ratio(Ratio?)
  /// A percentage-point difference (2.5 for +2.5 pp).
  case points(Double?)
  case integer(Int)
  /// A calendar day, written as a real date.
  case day(Day)
  /// A calendar month, written as the real date of its first day and shown as `yyyy-mm`.
  case month(Month)
  /// A traffic light, written as a number (red 0, amber 1, green 2) that a sheet-wide icon set draws
  /// and a number format names.
  indirect case light(Light)
  case empty
  /// A live formula (US-English function names) written with its computed value, so viewers that do
  /// not recalculate still show the number.
  ///
  /// Only this case and `light` (its words) are boxed (`indirect`): the others, a data sheet's millions of
  /// cells, are held inline (the largest, a `Day`, is three integers).
  indirect case formula(String, cached: CellValue)

  /// `formula` with `value` cached; `value` alone when there is no formula.
  public static func live(_ formula: String?, _ value: CellValue) -> CellValue {
    formula.map { .formula($0, cached: value) } ?? value
  }

  /// The value a reader sees (the cached one for a formula).
  public var shown: CellValue {
    if case .formula(_, let cached) = self { return cached.shown }
    return self
  }
}

/// A cell's role, which decides its look.
public enum CellRole: Hashable, Sendable {
  case title, subtitle, header, body, total, note
}

public struct Cell: Hashable, Sendable {
  public var value: CellValue
  public var role: CellRole
  /// The decimals a ratio shows (1 unless a bound it is judged against needs more to be told apart).
  public var decimals: Int?
  /// How many columns the cell covers, itself included (merged to its right when more than one).
  public var span: Int
  /// Text wraps within the cell's width (set by `Sheet.fitRows` for text longer than its width).
  public var wraps = false
  /// Where a click on the cell leads (`'Sheet'!C7`): the figure it comes from, or another sheet.
  public var link: String?

  public init(_ value: CellValue, _ role: CellRole = .body, decimals: Int? = nil, span: Int = 1) {
    self.value = value
    self.role = role
    self.decimals = decimals
    self.span = max(1, span)
  }
}

/// How a sheet prints: always A4, as wide as one page.
public struct PrintSetup: Hashable, Sendable {
  /// Fits the whole sheet on one page, tall as well as wide (the summary).
  public var onePage = false
  /// Rows printed at the top of every page (a long table's header), 0-based and inclusive.
  public var titleRows: ClosedRange<Int>?
  /// The rows printed, 0-based and inclusive; all when nil. A data sheet prints only its title, which
  /// says how to print the rows (thousands of lines are for filtering on screen, not for paper).
  public var rows: ClosedRange<Int>?
  /// The last column printed (0-based); all when nil. A file's SHA-256 is for machines, not paper.
  public var lastColumn: Int?

  public init() {}
}

/// One worksheet: rows of cells (row 0 is the sheet's row 1), column widths, frozen header rows and an
/// optional autofilter over a table.
public struct Sheet: Hashable, Sendable {
  public var name: String
  public var rows: [[Cell]] = []
  public var columnWidths: [Double] = []
  /// Rows above this index stay visible when scrolling.
  public var frozenRows = 0
  /// The header row and last row (inclusive) and the column count of a filterable table.
  public var filter: (headerRow: Int, lastRow: Int, columns: Int)? {
    get { filterRange.map { ($0[0], $0[1], $0[2]) } }
    set { filterRange = newValue.map { [$0.headerRow, $0.lastRow, $0.columns] } }
  }
  private var filterRange: [Int]?
  public var landscape = true
  /// Cells whose value must be one of a list (a status column to fill in).
  public var listValidations: [ListValidation] = []
  /// Workbook-level names for key cells (`RevenueYTD`), so formulas and readers can refer to them.
  public var definedNames: [DefinedName] = []
  /// An Excel table (with its own filter buttons and banding) over a block of rows; its header row
  /// holds `columns`.
  public var table: Table?
  /// Charts drawn over ranges of this sheet.
  public var charts: [Chart] = []
  /// Blocks of money left of a budget: filled red when below zero (overspent).
  public var overspendWatch: [CellBlock] = []
  public var print = PrintSetup()
  /// Long text wraps in its cell (rows grow to hold it) rather than widening its column. Off for data
  /// sheets, whose rows stay one line each.
  public var wrapsLongText = true
  /// The widest a column grows for text (in characters); longer text wraps. A sheet laid out to fit
  /// a page (the summary) sets 0: its text wraps within the widths it set.
  public var textWidthLimit = 24.0
  /// Heights of rows taller than one line, in points (0-based row → height).
  public var rowHeights: [Int: Double] = [:]
  /// The cells other sheets point to, by the name the sheet's layout gives them as it places them: no
  /// other sheet computes this one's addresses.
  public var anchors: [String: CellPosition] = [:]

  public init(name: String) { self.name = name }

  /// The cell at a 0-based row and column, if any.
  public func cell(_ row: Int, _ column: Int) -> Cell? {
    guard row < rows.count, column < rows[row].count else { return nil }
    return rows[row][column]
  }

  /// Finds the first row whose first cell is `label` (for tests and cross-references).
  public func row(labelled label: String) -> Int? {
    rows.firstIndex { $0.first?.value == .text(label) }
  }

  mutating func append(_ cells: [Cell]) { rows.append(cells) }

  /// Publishes the cell at `row`, `column` (0-based) under `name`.
  mutating func publish(_ name: String, row: Int, column: Int) {
    anchors[name] = CellPosition(row: row, column: column)
  }

  /// `'Sheet name'!C7`: the published cell `name`, for a formula on another sheet; `nil` when this sheet
  /// has no such cell.
  func reference(_ name: String) -> String? {
    anchors[name].map { "\(quotedName)!\(cellReference(row: $0.row, column: $0.column))" }
  }

  /// `'Sheet name'!C7:C16`: the published cells `from`…`to`, for a sum on another sheet.
  func reference(_ from: String, through to: String) -> String? {
    guard let a = anchors[from], let b = anchors[to] else { return nil }
    return "\(quotedName)!\(cellReference(row: a.row, column: a.column)):\(cellReference(row: b.row, column: b.column))"
  }

  /// The name as a formula writes it: quoted, its quotes doubled.
  var quotedName: String { "'\(name.replacingOccurrences(of: "'", with: "''"))'" }

  /// Widens each column to fit the numbers, dates and lights it shows, never narrower than its set
  /// width, at most 70 characters; text widens a column only up to `textWidthLimit` when the sheet
  /// wraps long text (a long text then wraps, see `fitRows`) and titles, notes and cells that span
  /// columns never do. Long sheets are measured on their first rows.
  mutating func fitColumns(measuringRows limit: Int = 2_000) {
    var widths = columnWidths
    for row in rows.prefix(limit) {
      for (c, cell) in row.enumerated()
      where cell.role != .title && cell.role != .note && cell.role != .subtitle && cell.span == 1 {
        let needed = Sheet.widthNeeded(cell)
        if c >= widths.count { widths += Array(repeating: 8.43, count: c - widths.count + 1) }
        // A header wraps under its column's width, but never inside a word (`Duplicates` would print as
        // `Duplicate` over `s`): its longest word widens the column; other text widens it up to
        // `textWidthLimit`.
        let isText = { if case .text = cell.value.shown { return true } else { return false } }()
        let limit =
          !wrapsLongText
          ? 70 : cell.role == .header ? max(widths[c], Sheet.longestWordWidth(cell)) : isText ? textWidthLimit : 70
        widths[c] = min(max(limit, widths[c]), max(widths[c], needed))
      }
    }
    columnWidths = widths
  }

  /// The width a header's longest word needs (bold, with the cell's padding).
  static func longestWordWidth(_ cell: Cell) -> Double {
    guard case .text(let t) = cell.value.shown else { return 0 }
    let longest = t.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(\.count).max() ?? 0
    return Double(longest) * 1.1 + 2
  }

  /// The width (in characters, a digit's width each) a cell needs to show its value on one line:
  /// digits a character each, separators and dots half of one, room for the unit, a sign and the
  /// cell's padding; text a character a letter (a bold header or total a little more).
  static func widthNeeded(_ cell: Cell) -> Double {
    func grouped(_ magnitude: UInt64) -> Double {
      let digits = digitCount(magnitude)
      return Double(digits) + Double((digits - 1) / 3) * 0.5
    }
    let bold = cell.role == .header || cell.role == .total ? 1.1 : 1.0
    switch cell.value.shown {
    case .money(let m): return (grouped(m.minorUnits.magnitude) + 3) * bold
    case .integer(let i): return (grouped(UInt64(i.magnitude)) + 2) * bold
    case .ratio: return 8 * bold
    case .points: return 11 * bold  // +12.3 điểm %
    case .light(let light): return Double(light.words.longest) + 2.5  // the icon and its indent
    default: return Double(shownLength(cell.value.shown)) * bold + 2
    }
  }

  /// Wraps each text cell that does not fit its width (its columns' when it spans several) and makes
  /// its row tall enough for the lines, so that nothing is cut off on screen or paper. A note alone on
  /// its row spans the sheet's widest table and wraps there rather than running off the page.
  mutating func fitRows() {
    guard wrapsLongText else { return }
    // The columns the widest row covers (a spanned cell's own placeholders are not counted twice).
    let tableWidth = rows.map { row in row.indices.map { $0 + row[$0].span }.max() ?? 0 }.max() ?? 1
    for r in rows.indices {
      var lines = 1
      for c in rows[r].indices {
        let cell = rows[r][c]
        // Titles and subtitles run on over the empty cells beside them.
        guard case .text(let text) = cell.value.shown, cell.role != .title, cell.role != .subtitle else { continue }
        if cell.role == .note, rows[r].count == 1, tableWidth > 1 {
          rows[r][c].span = tableWidth
        }
        let span = rows[r][c].span
        let width = (c..<(c + span)).reduce(0.0) { $0 + (($1 < columnWidths.count) ? columnWidths[$1] : 8.43) }
        // A letter is a little narrower than the digit a width counts (bold a little wider).
        let perLine = max(1, Int((width - 1) / (cell.role == .header || cell.role == .total ? 1.05 : 0.95)))
        let needed = Sheet.wrappedLineCount(text, charactersPerLine: perLine)
        if needed > 1 || span > 1 {
          rows[r][c].wraps = true
          lines = max(lines, needed)
        }
      }
      if lines > 1 { rowHeights[r] = Double(lines) * Sheet.lineHeight }
    }
  }

  /// Puts a link to `sheet` in the title row, at the right end of the sheet's widest table.
  mutating func addLinkBack(to sheet: String, saying text: String) {
    guard !rows.isEmpty else { return }
    let column = max(1, (rows.map(\.count).max() ?? 1) - 1)
    while rows[0].count < column { rows[0].append(Cell(.empty)) }
    var back = Cell(.text(text))
    back.link = "'\(sheet.replacingOccurrences(of: "'", with: "''"))'!A1"
    if rows[0].count == column { rows[0].append(back) } else { rows[0][column] = back }
  }

  /// Makes each formula that reads another sheet a hyperlink to the first cell it reads there (a range
  /// or a whole column: its top), so that a click leads from a figure to where it comes from.
  mutating func linkFormulasToTheirSources() {
    for r in rows.indices {
      for c in rows[r].indices where rows[r][c].link == nil {
        if case .formula(let formula, _) = rows[r][c].value, let source = Sheet.firstOtherSheetReference(in: formula) {
          rows[r][c].link = source
        }
      }
    }
  }

  /// The first reference to a cell of another sheet in `formula` (`'Sheet'!$C$7`, `'Sheet'!$I:$I`), as
  /// a cell reference `'Sheet'!C7` (row 1 for a whole column).
  static func firstOtherSheetReference(in formula: String) -> String? {
    let characters = Array(formula)
    var i = 0
    while i < characters.count {
      guard characters[i] == "'" else {
        i += 1
        continue
      }
      // A quoted sheet name ('' inside is a quote), then !, then the cell or range.
      var j = i + 1
      var name = ""
      while j < characters.count {
        if characters[j] == "'" {
          if j + 1 < characters.count, characters[j + 1] == "'" {
            name.append("'")
            j += 2
            continue
          }
          break
        }
        name.append(characters[j])
        j += 1
      }
      guard j + 1 < characters.count, characters[j + 1] == "!" else { return nil }
      var k = j + 2
      var column = "", row = ""
      while k < characters.count, characters[k] == "$" || characters[k].isLetter {
        if characters[k] != "$" { column.append(characters[k]) }
        k += 1
      }
      while k < characters.count, characters[k] == "$" || characters[k].isNumber {
        if characters[k] != "$" { row.append(characters[k]) }
        k += 1
      }
      guard !column.isEmpty else { return nil }
      return "'\(name.replacingOccurrences(of: "'", with: "''"))'!\(column)\(row.isEmpty ? "1" : row)"
    }
    return nil
  }

  /// The height of one line of body text, in points (the default row height).
  static let lineHeight = 15.0

  /// How many lines `text` takes when wrapped to `charactersPerLine` as a spreadsheet wraps it: words
  /// at spaces; a word longer than a line on lines of its own, broken after a `/` or `-` (a path, a
  /// code) or, for a piece still too long, anywhere. Rather one line too many than a line cut off.
  static func wrappedLineCount(_ text: String, charactersPerLine width: Int) -> Int {
    var total = 0
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var lines = 1, used = 0
      for word in paragraph.split(separator: " ") {
        if word.count <= width {
          if used > 0, used + 1 + word.count > width {
            lines += 1
            used = 0
          }
          used += (used > 0 ? 1 : 0) + word.count
          continue
        }
        if used > 0 { lines += 1 }
        used = 0
        var piece = 0
        for (i, character) in word.enumerated() {
          piece += 1
          guard character == "/" || character == "-" || i == word.count - 1 else { continue }
          if used > 0, used + piece > width {
            lines += 1
            used = 0
          }
          used += piece
          piece = 0
          while used > width {  // still too long: broken anywhere
            lines += 1
            used -= width
          }
        }
      }
      total += lines
    }
    return total
  }

  /// Roughly how many characters a value takes on screen.
  static func shownLength(_ value: CellValue) -> Int {
    switch value {
    case .text(let t): return longestLine(t)
    case .money(let m):
      let digits = digitCount(m.minorUnits.magnitude)
      return digits + (digits - 1) / 3 + 3
    case .integer(let i):
      let digits = digitCount(UInt64(i.magnitude))
      return digits + (digits - 1) / 3 + 1
    case .ratio, .points: return 8
    case .day: return 10
    case .month: return 7
    case .light(let light): return light.words.longest + 3  // the icon takes about three characters
    case .empty: return 0
    case .formula(_, let cached): return shownLength(cached)
    }
  }

  /// How many decimal digits `n` has (what `String(n).count` says, without making the string).
  static func digitCount(_ n: UInt64) -> Int {
    var digits = 1
    var rest = n
    while rest >= 10 {
      rest /= 10
      digits += 1
    }
    return digits
  }

  /// The characters of the longest line of `text`: counted as bytes when it is ASCII without a carriage
  /// return (which with its line feed is one character), as scalars when each is a character of its own
  /// (Vietnamese as written precomposed), as characters otherwise.
  static func longestLine(_ text: String) -> Int {
    var longest = 0
    var current = 0
    for byte in text.utf8 {
      guard byte < 0x80, byte != 0x0D else { return longestLineOfScalars(text) }
      if byte == 0x0A {
        longest = max(longest, current)
        current = 0
      } else {
        current += 1
      }
    }
    return max(longest, current)
  }

  /// `longestLine` of text that is not all ASCII. Below U+0300 (where the combining marks begin), the
  /// Latin letters with their Vietnamese marks (U+1E00–U+1EFF) and the dashes, quotes and dots of
  /// U+2010–U+2027, no scalar joins the one before into a character, so there a scalar is a character
  /// (a carriage return excepted); text with any other scalar is counted by its characters.
  private static func longestLineOfScalars(_ text: String) -> Int {
    var longest = 0
    var current = 0
    for scalar in text.unicodeScalars {
      let v = scalar.value
      if v == 0x0A {
        longest = max(longest, current)
        current = 0
        continue
      }
      guard (v < 0x300 && v != 0x0D) || (0x1E00...0x1EFF).contains(v) || (0x2010...0x2027).contains(v) else {
        return text.split(separator: "\n").map(\.count).max() ?? 0
      }
      current += 1
    }
    return max(longest, current)
  }

  mutating func blank() { rows.append([]) }

  /// Puts the sheet's charts under its tables, one below the other at the left, with room left for
  /// them (beside a table they would widen the printed page and shrink it).
  /// Charts side by side, as many as the sheet is wide enough for.
  mutating func placeChartsBelow() {
    // The columns as wide as what they hold so far (fitting only widens them, so tables added later
    // keep the charts within the sheet's width).
    fitColumns()
    // Where each column starts, in pixels (a column of w characters is 7w + 5 pixels).
    var starts = [0.0]
    for w in columnWidths { starts.append(starts[starts.count - 1] + w * 7 + 5) }
    let width = starts[starts.count - 1]
    // The columns charts side by side start at: each a chart's width (and a gap) right of the one before,
    // as many as the sheet's width holds.
    func slots(scale: Double) -> [Int] {
      let chart = Chart.widthInPixels * scale
      var slots = [0]
      while let next = starts.indices.first(where: { starts[$0] >= starts[slots[slots.count - 1]] + chart + 10 }),
        next < columnWidths.count, starts[next] + chart <= width
      {
        slots.append(next)
      }
      return slots
    }
    // One more chart to a row when, made at most a fifth smaller, it fits.
    var scale = 1.0
    var columns = slots(scale: 1)
    if charts.count > columns.count,
      let smaller = stride(from: 0.95, through: 0.8, by: -0.05).first(where: { slots(scale: $0).count > columns.count })
    {
      scale = smaller
      columns = slots(scale: smaller)
    }
    for i in charts.indices {
      let slot = i % columns.count
      if slot == 0 {
        blank()
        charts[i].row = rows.count
        for _ in 0..<Chart.heightInRows + 1 { blank() }
      } else {
        charts[i].row = charts[i - 1].row
      }
      charts[i].column = columns[slot]
      charts[i].scale = scale
    }
  }

  /// Appends a key row: `label`, then one light of each colour named by `words`.
  ///
  /// Every sheet with lights needs one. The icon set's thresholds are relative to the lowest and
  /// highest light of the sheet (libxlsxwriter sets them at 33% and 67% of that span), so a key that
  /// holds both red and green pins the span to 0…2: amber then sits at 1 whatever the other lights are,
  /// and a sheet of only red lights still shows red.
  mutating func appendLightKey(_ label: String, words: LightWords) {
    rows.append(
      [Cell(.text(label), .note)] + [Light.Colour.green, .amber, .red].map { Cell(.light(Light($0, words))) })
  }

  /// Where the sheet's lights are (row, column), in reading order.
  var lightCells: [(row: Int, column: Int, colour: Light.Colour)] {
    var found: [(row: Int, column: Int, colour: Light.Colour)] = []
    // In place, cell by cell (no cell copied): a data sheet has millions and no light.
    for r in rows.indices {
      for c in rows[r].indices {
        switch rows[r][c].value {
        case .light(let light): found.append((r, c, light.colour))
        case .formula: if case .light(let light) = rows[r][c].value.shown { found.append((r, c, light.colour)) }
        default: break
        }
      }
    }
    return found
  }
}

/// A traffic light and the words its colours say in its place (`On track`, `Over limit`…).
public struct Light: Hashable, Sendable {
  public enum Colour: Int, Hashable, Sendable {
    case red = 0, amber = 1, green = 2
  }
  public var colour: Colour
  public var words: LightWords

  public init(_ colour: Colour, _ words: LightWords) {
    self.colour = colour
    self.words = words
  }
}

/// What green, amber and red mean in one place of the workbook.
public struct LightWords: Hashable, Sendable {
  public var green: String
  public var amber: String
  public var red: String

  public init(green: String, amber: String, red: String) {
    self.green = green
    self.amber = amber
    self.red = red
  }

  var longest: Int { max(green.count, amber.count, red.count) }
}

/// `A1`-style reference of a 0-based row and column.
public func cellReference(row: Int, column: Int) -> String { "\(spreadsheetColumnName(column))\(row + 1)" }

/// A range of one column whose cells can only hold one of `options` (a drop-down in Excel).
public struct ListValidation: Hashable, Sendable {
  public var firstRow: Int
  public var lastRow: Int
  public var column: Int
  public var options: [String]
}

/// A cell of a sheet, 0-based.
public struct CellPosition: Hashable, Sendable {
  public var row: Int
  public var column: Int
}

/// A name for one cell of a sheet.
public struct DefinedName: Hashable, Sendable {
  public var name: String
  public var row: Int
  public var column: Int
}

/// An Excel table: a named block whose first row is the header.
public struct Table: Hashable, Sendable {
  public var name: String
  public var headerRow: Int
  public var lastRow: Int
  public var columns: [String]
}

/// A block of cells in one column (`firstRow`…`lastRow`), 0-based.
public struct ColumnRange: Hashable, Sendable {
  public var firstRow: Int
  public var lastRow: Int
  public var column: Int
}

/// A chart of some columns of a sheet against a category column.
public struct Chart: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    case line, column
    /// Columns whose series stack into their total (channels into the month's revenue).
    case stackedColumn
  }
  public struct Series: Hashable, Sendable {
    public var name: String
    public var values: ColumnRange
    /// A plan, goal, floor or ceiling: a dashed line.
    public var isBound = false

    public init(name: String, values: ColumnRange, isBound: Bool = false) {
      self.name = name
      self.values = values
      self.isBound = isBound
    }
  }
  public var kind: Kind
  public var title: String
  /// The top-left cell the chart is drawn at.
  public var row: Int
  public var column: Int
  public var categories: ColumnRange
  public var series: [Series]
  /// What the value axis counts (`%`, `millions of đồng`); money is shown in millions.
  public var valueAxisTitle: String?
  /// Its size against libxlsxwriter's default (480 × 288 pixels), both ways.
  public var scale = 1.0

  /// The rows a chart covers at libxlsxwriter's default size (288 pixels, rows of 20), so a layout can
  /// leave room below it.
  public static let heightInRows = 15
  /// Its width at libxlsxwriter's default size, in pixels.
  public static let widthInPixels = 480.0
}

/// A rectangle of cells, 0-based and inclusive.
public struct CellBlock: Hashable, Sendable {
  public var firstRow: Int
  public var lastRow: Int
  public var firstColumn: Int
  public var lastColumn: Int
}
