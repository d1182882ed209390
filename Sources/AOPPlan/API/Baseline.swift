import AOPLedger

/// Last year's figures per month × channel × product group: what the growth goal is measured against
/// and where the plan's seasonality comes from. Stored as CSV (see docs/baseline.md).
public struct Baseline: Sendable {
  public var year: Int
  public var currency: String
  public var rollup: Rollup

  public init(year: Int, currency: String, rollup: Rollup) {
    self.year = year
    self.currency = currency
    self.rollup = rollup
  }

  /// The CSV header, in column order.
  public static let columns = [
    "month", "channel", "product_group", "currency", "revenue", "covered_revenue", "cogs", "marketing_spend", "orders",
    "units",
  ]

  /// The baseline as CSV text: amounts in minor units, rows sorted by month, channel, group; text that
  /// a spreadsheet would run is written neutralised (`CSVField`), and read back as it was.
  public var csv: String {
    var out = Baseline.columns.joined(separator: ",") + "\n"
    for key in rollup.cells.keys.sorted() {
      guard let f = rollup.cells[key] else { continue }
      let fields = [
        key.month.description, key.channel, key.productGroup, currency, f.revenue.description,
        f.coveredRevenue.description,
        f.cogs.description, f.marketing.description, String(f.orders), String(f.units),
      ]
      out += CSVField.row(fields) + "\n"
    }
    return out
  }

  /// Builds a baseline from the rows of its CSV file (header first), as read by the CSV reader.
  /// - Throws: `PlanError.invalid` naming the line and column at fault.
  public init(rows: [(line: Int, fields: [String])], file: String) throws {
    guard let header = rows.first else {
      throw PlanError.invalid(file: file, key: "", problem: "the baseline file is empty")
    }
    guard header.fields == Baseline.columns else {
      throw PlanError.invalid(
        file: file, key: "",
        problem:
          "line \(header.line): expected the header \(Baseline.columns.joined(separator: ",")), found \(header.fields.joined(separator: ","))"
      )
    }
    var cells: [Rollup.Key: Rollup.Figures] = [:]
    var year: Int?
    var currency: String?
    /// Per column, the sum of magnitudes so far: kept within `Money.totalLimit`, as a run's are.
    var magnitudes = [Int64](repeating: 0, count: 6)
    for (line, written) in rows.dropFirst() {
      let f = written.map(CSVField.restored)
      func fail(_ column: String, _ problem: String) -> PlanError {
        .invalid(file: file, key: "", problem: "line \(line), column \(column): \(problem)")
      }
      guard f.count == Baseline.columns.count else {
        throw fail("-", "expected \(Baseline.columns.count) fields, found \(f.count)")
      }
      guard let month = Month(text: f[0]) else { throw fail("month", "`\(f[0])` is not yyyy-MM") }
      if let y = year, y != month.year { throw fail("month", "the baseline mixes years \(y) and \(month.year)") }
      year = month.year
      if let c = currency, c != f[3] { throw fail("currency", "the baseline mixes currencies \(c) and \(f[3])") }
      currency = f[3]
      var numbers: [Int64] = []
      for i in 4..<10 {
        guard let v = Int64(f[i]) else {
          throw fail(Baseline.columns[i], "`\(f[i])` is not a whole number of minor units")
        }
        let (sum, overflow) = magnitudes[i - 4].addingReportingOverflow(Int64(clamping: v.magnitude))
        guard !overflow, sum <= Money.totalLimit else {
          throw fail(
            Baseline.columns[i],
            "the column adds up to more than \(Money.totalLimit), beyond what can be added up exactly")
        }
        magnitudes[i - 4] = sum
        numbers.append(v)
      }
      var figures = Rollup.Figures()
      figures.revenue = Money(minorUnits: numbers[0])
      figures.coveredRevenue = Money(minorUnits: numbers[1])
      figures.cogs = Money(minorUnits: numbers[2])
      figures.marketing = Money(minorUnits: numbers[3])
      figures.orders = Int(numbers[4])
      figures.units = Int(numbers[5])
      let key = Rollup.Key(month: month, channel: f[1], productGroup: f[2])
      guard cells[key] == nil else { throw fail("month", "\(month) \(f[1]) \(f[2]) appears twice") }
      cells[key] = figures
    }
    guard let year, let currency else {
      throw PlanError.invalid(file: file, key: "", problem: "the baseline has no rows")
    }
    self.init(year: year, currency: currency, rollup: Rollup(cells: cells, uncosted: [:]))
  }
}
