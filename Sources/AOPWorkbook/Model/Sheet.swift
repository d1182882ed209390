import AOPLedger

/// What a cell holds, before any file format: money stays exact here.
public indirect enum CellValue: Hashable, Sendable {
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
  case light(Light)
  case empty
  /// A live formula (US-English function names) written with its computed value, so viewers that do
  /// not recalculate still show the number.
  case formula(String, cached: CellValue)

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

  public init(_ value: CellValue, _ role: CellRole = .body, decimals: Int? = nil) {
    self.value = value
    self.role = role
    self.decimals = decimals
  }
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

  /// Widens each column to fit what it shows (titles and notes, which run across, aside), never
  /// narrower than its set width, at most 70 characters. Long sheets are measured on their first rows.
  mutating func fitColumns(measuringRows limit: Int = 2_000) {
    var widths = columnWidths
    for row in rows.prefix(limit) {
      for (c, cell) in row.enumerated() where cell.role != .title && cell.role != .note && cell.role != .subtitle {
        let needed = Double(Sheet.shownLength(cell.value.shown)) * 1.1 + 2
        if c >= widths.count { widths += Array(repeating: 8.43, count: c - widths.count + 1) }
        widths[c] = min(70, max(widths[c], needed))
      }
    }
    columnWidths = widths
  }

  /// Roughly how many characters a value takes on screen.
  static func shownLength(_ value: CellValue) -> Int {
    switch value {
    case .text(let t): return t.split(separator: "\n").map(\.count).max() ?? 0
    case .money(let m):
      let digits = String(m.minorUnits.magnitude).count
      return digits + (digits - 1) / 3 + 3
    case .integer(let i):
      let digits = String(i.magnitude).count
      return digits + (digits - 1) / 3 + 1
    case .ratio, .points: return 8
    case .day: return 10
    case .month: return 7
    case .light(let light): return light.words.longest + 3  // the icon takes about three characters
    case .empty: return 0
    case .formula(_, let cached): return shownLength(cached)
    }
  }
  mutating func blank() { rows.append([]) }

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
    rows.enumerated().flatMap { r, cells in
      cells.enumerated().compactMap { c, cell in
        if case .light(let light) = cell.value.shown { return (r, c, light.colour) }
        return nil
      }
    }
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
  public enum Kind: Hashable, Sendable { case line, column }
  public struct Series: Hashable, Sendable {
    public var name: String
    public var values: ColumnRange
  }
  public var kind: Kind
  public var title: String
  /// The top-left cell the chart is drawn at.
  public var row: Int
  public var column: Int
  public var categories: ColumnRange
  public var series: [Series]

  /// The rows a chart covers at libxlsxwriter's default size (288 pixels, rows of 20), so a layout can
  /// leave room below it.
  public static let heightInRows = 15
}

/// A rectangle of cells, 0-based and inclusive.
public struct CellBlock: Hashable, Sendable {
  public var firstRow: Int
  public var lastRow: Int
  public var firstColumn: Int
  public var lastColumn: Int
}
