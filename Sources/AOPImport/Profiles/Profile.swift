import AOPLedger
import AOPRows
import AOPTOML
import Foundation

/// A validated import profile: how to recognise one export format and what its columns mean.
///
/// A class, immutable: every row read refers to its profile, and a reference costs nothing to pass.
public final class Profile: Sendable, Identifiable, Hashable {
  public static func == (a: Profile, b: Profile) -> Bool { a.id == b.id && a.origin == b.origin }
  public func hash(into hasher: inout Hasher) {
    hasher.combine(id)
    hasher.combine(origin)
  }

  public let id: String
  public let name: String
  public let kind: ProfileKind
  /// The channel its sales or spend are booked to, unless the config says otherwise.
  public let channel: String?
  /// Headers that must all be present (besides the mapped required columns).
  public let signature: [String]
  /// A `*`/`?` glob the file name must match, if any.
  public let fileNamePattern: String?
  /// The code page of the export when it is not UTF-8 (and has no byte-order mark).
  public let encoding: TextEncoding?
  /// The workbook sheet to read (the first when `nil`).
  public let sheet: String?
  /// Cell values that mean "empty" (`-`, `--`).
  public let emptyValues: [[UInt8]]
  /// Currency signs or codes a number may carry, besides ₫, đ, $ and VND (`SGD`).
  public let currencySymbols: [[UInt8]]
  /// Each row is one unit (Lazada): no quantity column.
  public let oneUnitPerRow: Bool
  /// Value of the `channel` column → channel id; other values go to the profile's channel.
  public let channelValues: [String: String]
  /// A row whose first non-empty cell starts with one of these is skipped (report totals, notes).
  public let skipRowsStartingWith: [String]
  /// For spend with a `category`: the categories (prefixes) that are marketing spend; the others are
  /// expenses that count only towards their budget category.
  public let marketingCategories: [String]
  /// The ledger writes payments negative and receipts positive (a cash book): receipts are skipped.
  public let paymentsNegative: Bool
  /// Why the review does not use a file of an `ignored` profile.
  public let ignoredReason: String?
  /// The reason in Vietnamese, for a Vietnamese workbook (`[ignored] reason_vi`), if the profile gives it.
  public let ignoredReasonVietnamese: String?
  /// Lines above the header (report titles, date ranges).
  public let preambleLines: Int
  public let numbers: NumberFormat
  public let dates: [DateFormat]
  /// Field → header aliases, first present wins.
  public let columns: [Field: [String]]
  /// Mapped fields a file may lack (all others must be present for the profile to match).
  public let optionalFields: Set<Field>
  /// Field → headers read when the field's own column is empty.
  public let fallbacks: [Field: [String]]
  /// Fields whose value belongs to the whole order: repeated on each line or only on the first.
  public let orderLevelFields: Set<Field>
  public let cancelledStatuses: [String]
  public let returnedStatuses: [String]
  /// Order ids that start with this are return documents (KiotViet `TH…`).
  public let returnDocumentPrefix: String?
  /// A row with any of these columns non-empty is skipped by rule (KiotViet alternate units).
  public let skipIfPresent: [String]
  /// Implausible rows (a date far from the plan's years, an absurd quantity, a sale whose quantity and
  /// amount disagree in sign) are rejected instead of accepted with a warning.
  public let rejectsImplausible: Bool
  /// How the `items` column lists an order's items, where the profile maps one.
  public let items: ItemListFormat?
  public let identityNamespace: String
  public let identityFields: [Field]
  /// Where the profile was loaded from, as shown (`built-in:shopify-orders.toml`, or the file's path).
  public let origin: String
  /// The profile's file.
  public let fileURL: URL?

  /// Builds the strict profile from the decoded file.
  /// - Throws: `ProfileError` naming the file and the key at fault.
  init(validating file: ProfileFile, from origin: String, url: URL? = nil) throws {
    func fail(_ key: String, _ problem: String) -> ProfileError { .invalid(file: origin, key: key, problem: problem) }
    let version = file.version ?? 1
    guard version == 1 else { throw fail("version", "version \(version) is newer than this aop understands (1)") }
    guard !file.id.isEmpty, file.id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
      throw fail("id", "use letters, digits, - and _ only")
    }
    guard let kind = ProfileKind(rawValue: file.kind) else {
      throw fail("kind", "`\(file.kind)` is not one of \(ProfileKind.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    id = file.id
    name = file.name ?? file.id
    self.kind = kind
    channel = file.channel
    if kind == .sales || kind == .spend, file.channel == nil {
      throw fail("channel", "a \(kind.rawValue) profile needs a default channel")
    }
    ignoredReason = file.ignored?.reason
    ignoredReasonVietnamese = file.ignored?.reasonVietnamese
    if kind == .ignored, ignoredReason?.isEmpty ?? true {
      throw fail("ignored.reason", "say why the review does not use this export")
    }
    signature = file.match.headers.map(HeaderName.normalize)
    fileNamePattern = file.match.fileName
    self.origin = origin
    fileURL = url

    let read = file.read
    switch read?.encoding {
    case nil: encoding = nil
    case let name?:
      guard let e = TextEncoding(rawValue: name.lowercased()), e.isSingleByte else {
        throw fail(
          "read.encoding", "`\(name)` is not windows-1258 or windows-1252 (UTF-8 and UTF-16 are recognised without it)")
      }
      encoding = e
    }
    sheet = read?.sheet
    emptyValues = (read?.emptyValues ?? []).map { Array($0.utf8) }
    currencySymbols = (read?.currencySymbols ?? []).map { Array($0.utf8) }
    oneUnitPerRow = read?.oneUnitPerRow ?? false
    channelValues = (file.channelValues ?? [:]).reduce(into: [:]) { $0[HeaderName.normalize($1.key)] = $1.value }
    skipRowsStartingWith = file.skip?.rowsStartingWith ?? []
    marketingCategories = (file.spend?.marketingCategories ?? []).map(HeaderName.normalize)
    paymentsNegative = file.spend?.paymentsNegative ?? false
    preambleLines = read?.preambleLines ?? 0
    guard (0...20).contains(preambleLines) else { throw fail("read.preamble_lines", "must be 0 to 20") }
    let decimal = read?.decimalMark ?? "."
    let thousands = read?.thousandsMark ?? ""
    guard decimal.utf8.count == 1, let d = decimal.utf8.first else {
      throw fail("read.decimal_mark", "one character, \".\" or \",\"")
    }
    guard thousands.utf8.count <= 1, thousands != decimal else {
      throw fail("read.thousands_mark", "one character other than the decimal mark, or \"\"")
    }
    numbers = NumberFormat(
      decimalMark: d, thousandsMark: thousands.utf8.first,
      extraSymbols: (read?.currencySymbols ?? []).map { Array($0.utf8) })
    do {
      dates = try (read?.dateFormats ?? ["yyyy-MM-dd"]).map(DateFormat.init)
    } catch let e as DateFormat.InvalidPattern {
      throw fail("read.date_formats", "`\(e.pattern)`: \(e.reason)")
    }

    func fields(_ table: [String: HeaderList]?, key: String) throws -> [Field: [String]] {
      var result: [Field: [String]] = [:]
      for (name, headers) in table ?? [:] {
        guard let field = Field(rawValue: name), Field.allowed(for: kind).contains(field) else {
          throw fail(
            "\(key).\(name)",
            "not a field of a \(kind.rawValue) profile; known: \(Field.allowed(for: kind).map(\.rawValue).sorted().joined(separator: ", "))"
          )
        }
        guard !headers.names.isEmpty else { throw fail("\(key).\(name)", "give at least one header name") }
        result[field] = headers.names.map(HeaderName.normalize)
      }
      return result
    }
    let mapped = try fields(file.columns ?? [:], key: "columns")
    columns = mapped
    fallbacks = try fields(file.fallbacks, key: "fallbacks")
    optionalFields = Set(
      try (file.optionalFields ?? []).map { name in
        guard let f = Field(rawValue: name), mapped[f] != nil else {
          throw fail("optional_fields", "`\(name)` is not a mapped column")
        }
        return f
      })
    for group in Field.required(for: kind) where !group.contains(where: { mapped[$0] != nil }) {
      if group == [.quantity], read?.oneUnitPerRow == true { continue }
      throw fail(
        "columns.\(group[0].rawValue)",
        "missing: a \(kind.rawValue) profile must map \(group.map(\.rawValue).joined(separator: " or "))")
    }
    if kind == .spend, mapped[.startDate] != nil, mapped[.endDate] == nil {
      throw fail("columns.end_date", "missing: start_date needs end_date")
    }
    orderLevelFields = Set(
      try (file.orders?.levelFields ?? []).map { name in
        guard let f = Field(rawValue: name), mapped[f] != nil else {
          throw fail("orders.level_fields", "`\(name)` is not a mapped column")
        }
        return f
      })
    cancelledStatuses = (file.status?.cancelled ?? []).map(HeaderName.normalize)
    returnedStatuses = (file.status?.returned ?? []).map(HeaderName.normalize)
    if !(cancelledStatuses.isEmpty && returnedStatuses.isEmpty), mapped[.status] == nil {
      throw fail("status", "statuses are given but no status column is mapped")
    }
    if !channelValues.isEmpty, mapped[.channel] == nil {
      throw fail("channel_values", "values are given but no `channel` column is mapped")
    }
    if mapped[.category] != nil, marketingCategories.isEmpty {
      throw fail(
        "spend.marketing_categories", "a `category` column is mapped: name the categories that are marketing spend")
    }
    switch file.checks?.implausible {
    case nil, "flag": rejectsImplausible = false
    case "reject": rejectsImplausible = true
    case let other?: throw fail("checks.implausible", "`\(other)` is not \"flag\" or \"reject\"")
    }
    returnDocumentPrefix = file.returns?.documentPrefix
    switch (mapped[.items] != nil, file.items) {
    case (false, nil): items = nil
    case (false, _?): throw fail("items", "an [items] table is given but no `items` column is mapped")
    case (true, nil):
      throw fail(
        "items",
        "the `items` column is mapped: say how it lists items, e.g. pattern = \"{quantity}× {name}\" and separator = \", \""
      )
    case (true, let table?):
      if let both = [Field.sku, .productName, .unitCost].first(where: { mapped[$0] != nil }) {
        throw fail(
          "columns.\(both.rawValue)", "an `items` column lists the products: map it or `\(both.rawValue)`, not both")
      }
      do {
        items = try ItemListFormat(pattern: table.pattern, separator: table.separator)
      } catch {
        throw fail(error.key, error.problem)
      }
    }
    skipIfPresent = (file.skip?.ifPresent ?? []).map(HeaderName.normalize)
    identityNamespace = file.identity?.namespace ?? file.id
    identityFields = try (file.identity?.fields ?? []).map { name in
      guard let f = Field(rawValue: name), mapped[f] != nil else {
        throw fail("identity.fields", "`\(name)` is not a mapped column")
      }
      return f
    }
    // Every profile that books something says what identifies a row, so overlapping exports never double.
    if kind != .ignored, identityFields.isEmpty {
      let example =
        kind == .sales
        ? "[\"order_id\", \"sku\"]" : kind == .costs ? "[\"sku\", \"unit_cost\"]" : "[\"date\", \"label\"]"
      throw fail(
        "identity.fields",
        "a \(kind.rawValue) profile needs the fields that identify a row, so that overlapping exports count once (e.g. \(example))"
      )
    }
  }

  /// Loads and validates one profile file.
  /// - Throws: `ProfileError` with the file name, and the key or TOML line at fault.
  public static func load(from url: URL, displayPath: String? = nil) throws -> Profile {
    let origin = displayPath ?? url.path
    let decoded: ProfileFile
    do {
      decoded = try TOMLFile.decode(ProfileFile.self, from: url, shownAs: origin)
    } catch let error as TOMLFileError {
      throw ProfileError(error)
    }
    return try Profile(validating: decoded, from: origin, url: url)
  }
}
