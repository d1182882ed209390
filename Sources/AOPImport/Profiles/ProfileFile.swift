/// A profile file as written (TOML), decoded loosely: most keys optional. `Profile(validating:)` turns it
/// into the strict form.
struct ProfileFile: Decodable {
  var version: Int?
  var id: String
  var name: String?
  var kind: String
  var channel: String?
  var match: Match
  var read: Read?
  var columns: [String: HeaderList]?
  var optionalFields: [String]?
  var fallbacks: [String: HeaderList]?
  var orders: Orders?
  var status: Status?
  var returns: Returns?
  var skip: Skip?
  var identity: Identity?
  var channelValues: [String: String]?
  var spend: Spend?
  var ignored: Ignored?
  var checks: Checks?
  var items: Items?

  /// How the `items` column lists an order's items.
  struct Items: Decodable {
    var pattern: String
    var separator: String
  }

  struct Checks: Decodable {
    /// `flag` (the default): implausible rows are accepted and counted as warnings; `reject`: rejected.
    var implausible: String?
  }

  struct Ignored: Decodable {
    var reason: String
    var reasonVietnamese: String?
    enum CodingKeys: String, CodingKey {
      case reason
      case reasonVietnamese = "reason_vi"
    }
  }

  enum CodingKeys: String, CodingKey {
    case version, id, name, kind, channel, match, read, columns, fallbacks, orders, status, returns, skip, identity,
      spend, ignored, checks, items
    case optionalFields = "optional_fields", channelValues = "channel_values"
  }

  struct Spend: Decodable {
    var marketingCategories: [String]?
    var paymentsNegative: Bool?
    enum CodingKeys: String, CodingKey {
      case marketingCategories = "marketing_categories", paymentsNegative = "payments_negative"
    }
  }

  struct Match: Decodable {
    var headers: [String]
    var fileName: String?
    enum CodingKeys: String, CodingKey { case headers, fileName = "file_name" }
  }

  struct Read: Decodable {
    var encoding: String?
    var sheet: String?
    var emptyValues: [String]?
    var currencySymbols: [String]?
    var oneUnitPerRow: Bool?
    var preambleLines: Int?
    var decimalMark: String?
    var thousandsMark: String?
    var dateFormats: [String]?
    enum CodingKeys: String, CodingKey {
      case encoding, sheet
      case emptyValues = "empty_values", currencySymbols = "currency_symbols", oneUnitPerRow = "one_unit_per_row"
      case preambleLines = "preamble_lines", decimalMark = "decimal_mark", thousandsMark = "thousands_mark",
        dateFormats = "date_formats"
    }
  }

  struct Orders: Decodable {
    var levelFields: [String]?
    enum CodingKeys: String, CodingKey { case levelFields = "level_fields" }
  }

  struct Status: Decodable {
    var cancelled: [String]?
    var returned: [String]?
  }

  struct Returns: Decodable {
    var documentPrefix: String?
    enum CodingKeys: String, CodingKey { case documentPrefix = "document_prefix" }
  }

  struct Skip: Decodable {
    var ifPresent: [String]?
    var rowsStartingWith: [String]?
    enum CodingKeys: String, CodingKey { case ifPresent = "if_present", rowsStartingWith = "rows_starting_with" }
  }

  struct Identity: Decodable {
    var namespace: String?
    var fields: [String]
  }
}

/// A column given by one header name or a list of aliases (the first present in the file is used).
struct HeaderList: Decodable {
  var names: [String]

  init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let one = try? container.decode(String.self) {
      names = [one]
    } else {
      names = try container.decode([String].self)
    }
  }
}
