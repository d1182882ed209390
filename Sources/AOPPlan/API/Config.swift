import AOPLedger
import AOPTOML
import Foundation

/// The run's configuration (`aop.toml`): the plan to review against, where the exports are, where the
/// workbook goes, the channels, and which profile books to which channel. Paths are relative to the
/// config file's folder.
public struct Config: @unchecked Sendable {
  /// The language of the workbook's labels and of the console (summary, messages, warnings).
  public enum Language: String, Sendable, Codable, CaseIterable {
    case en, vi

    /// The text of this language out of its two phrasings: every fixed phrase the tool says is chosen here.
    public func say(_ english: String, _ vietnamese: String) -> String { self == .vi ? vietnamese : english }

    /// How the language writes numbers: 1,234,567.89 in English, 1.234.567,89 in Vietnamese.
    public var thousandsSeparator: Character { self == .vi ? "." : "," }
    public var decimalMark: Character { self == .vi ? "," : "." }
    /// 1234567 → `1,234,567` or `1.234.567`.
    public func grouped(_ n: some BinaryInteger) -> String { Digits.grouped(n, separator: thousandsSeparator) }

    /// 0.354 → `35.4%` or `35,4%`; with `distinctFrom`, the decimals that tell it from that other
    /// value (100.03% past a 100% limit, not 100.0%); `signed` writes a `+` before a gain.
    public func percent(_ v: Double, distinctFrom other: Double? = nil, signed: Bool = false) -> String {
      func written(_ digits: Int) -> String {
        String(format: "%\(signed ? "+" : "").\(digits)f%%", v * 100)
          .replacingOccurrences(of: ".", with: String(decimalMark))
      }
      guard let other else { return written(1) }
      for digits in 1...4 {
        let a = written(digits)
        let b = String(format: "%.\(digits)f%%", other * 100).replacingOccurrences(of: ".", with: String(decimalMark))
        if a != b || v == other { return a }
      }
      return written(4)
    }
  }

  public var file: URL
  public var planFile: URL
  public var outputFolder: URL
  public var language: Language
  /// Folders to read for the review (globs expanded, sorted).
  public var inputPatterns: [String]
  public var profileFolders: [URL]
  public var channels: [Channel]
  public var profileChannels: [String: String]
  public var baselineFile: URL?
  public var baselineInputPatterns: [String]
  public var baselineYear: Int?
  /// The code page of CSV exports that are not UTF-8 (`windows-1258`, `windows-1252`), if any.
  public var legacyEncoding: String?
  /// Spend rows whose label (campaign name) matches a pattern go to that channel, first match wins.
  public var campaignChannels: [(pattern: String, channel: String)]
  /// Expense categories (prefixes) that are marketing spend, besides those the profiles name.
  public var marketingCategories: [String]
  /// CSV limits: the longest field and line (bytes), the most fields in a row; `nil` keeps the default.
  public var maxFieldBytes: Int?
  public var maxLineBytes: Int?
  public var maxFieldsPerRow: Int?
  /// A sale line of more units than this is flagged as implausible (`nil`: the importer's default).
  public var implausibleQuantity: Int?

  /// The folder relative paths are resolved against.
  public var root: URL { file.deletingLastPathComponent() }

  public func channel(id: String) -> Channel? { channels.first { $0.id == id } }

  /// The language the config at `path` asks for, read from its top-level `language` key alone, so that
  /// even a config that does not load has its error said in its own language (English when there is
  /// no such key or no such file).
  public static func language(ofFile path: String) -> Language {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return .en }
    for line in text.split(whereSeparator: \.isNewline) {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("[") { break }  // past the top-level keys
      let parts = trimmed.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      guard parts.count == 2, parts[0] == "language" else { continue }
      let value = parts[1].split(separator: "#", maxSplits: 1).first.map(String.init) ?? ""
      return Language(rawValue: value.trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))) ?? .en
    }
    return .en
  }

  /// Loads and validates the config.
  /// - Throws: `PlanError` naming the file and the key at fault.
  public static func load(from url: URL) throws -> Config {
    let shown = url.path
    let (raw, locator) = try PlanError.decoding(ConfigFile.self, from: url, shownAs: shown)
    let root = url.deletingLastPathComponent()
    func resolve(_ path: String) -> URL {
      path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
    }
    func fail(_ key: String, _ problem: String) -> PlanError { .at(shown, key, problem, in: locator) }

    guard !raw.channels.isEmpty else {
      throw fail("channels", "define at least one [[channels]] with id, name and kind")
    }
    var seen = Set<String>()
    var channels: [Channel] = []
    for (i, c) in raw.channels.enumerated() {
      guard let kind = Channel.Kind(rawValue: c.kind) else {
        throw fail("channels[\(i)].kind", "`\(c.kind)` is not \"online\" or \"offline\"")
      }
      guard !c.id.isEmpty, seen.insert(c.id).inserted else {
        throw fail("channels[\(i)].id", "`\(c.id)` is empty or used twice")
      }
      channels.append(Channel(id: c.id, name: c.name ?? c.id, kind: kind))
    }
    for (profile, channel) in raw.profileChannels ?? [:] where !seen.contains(channel) {
      throw fail("profile_channels.\(profile)", "channel `\(channel)` is not defined under [[channels]]")
    }
    let language: Language
    if let l = raw.language {
      guard let parsed = Language(rawValue: l) else { throw fail("language", "`\(l)` is not \"en\" or \"vi\"") }
      language = parsed
    } else {
      language = .en
    }
    guard !raw.inputs.isEmpty else { throw fail("inputs", "name at least one export folder") }
    if let e = raw.legacyEncoding, !["windows-1258", "windows-1252"].contains(e.lowercased()) {
      throw fail("legacy_encoding", "`\(e)` is not \"windows-1258\" or \"windows-1252\"")
    }
    for (key, value) in [
      ("max_field_bytes", raw.limits?.maxFieldBytes), ("max_line_bytes", raw.limits?.maxLineBytes),
      ("max_fields_per_row", raw.limits?.maxFieldsPerRow),
      ("implausible_quantity", raw.limits?.implausibleQuantity),
    ] {
      if let v = value, v < 1 { throw fail("limits.\(key)", "must be at least 1") }
    }
    for (i, rule) in (raw.campaignChannels ?? []).enumerated() where !seen.contains(rule.channel) {
      throw fail("campaign_channels[\(i)].channel", "channel `\(rule.channel)` is not defined under [[channels]]")
    }
    return Config(
      file: url, planFile: resolve(raw.plan), outputFolder: resolve(raw.output ?? "out"), language: language,
      inputPatterns: raw.inputs, profileFolders: (raw.profileFolders ?? []).map(resolve), channels: channels,
      profileChannels: raw.profileChannels ?? [:], baselineFile: raw.baseline?.file.map(resolve),
      baselineInputPatterns: raw.baseline?.inputs ?? [], baselineYear: raw.baseline?.year,
      legacyEncoding: raw.legacyEncoding?.lowercased(),
      campaignChannels: (raw.campaignChannels ?? []).map { ($0.pattern, $0.channel) },
      marketingCategories: raw.marketingCategories ?? [],
      maxFieldBytes: raw.limits?.maxFieldBytes, maxLineBytes: raw.limits?.maxLineBytes,
      maxFieldsPerRow: raw.limits?.maxFieldsPerRow,
      implausibleQuantity: raw.limits?.implausibleQuantity)
  }
}

struct ConfigFile: Decodable {
  var plan: String
  var output: String?
  var language: String?
  var inputs: [String]
  var profileFolders: [String]?
  var channels: [ChannelEntry]
  var profileChannels: [String: String]?
  var baseline: BaselineEntry?
  var legacyEncoding: String?
  var campaignChannels: [CampaignRule]?
  var marketingCategories: [String]?
  var limits: Limits?

  struct Limits: Decodable {
    var maxFieldBytes: Int?
    var maxLineBytes: Int?
    var maxFieldsPerRow: Int?
    var implausibleQuantity: Int?
    enum CodingKeys: String, CodingKey {
      case maxFieldBytes = "max_field_bytes", maxLineBytes = "max_line_bytes", maxFieldsPerRow = "max_fields_per_row"
      case implausibleQuantity = "implausible_quantity"
    }
  }

  struct CampaignRule: Decodable {
    var pattern: String
    var channel: String
  }

  struct ChannelEntry: Decodable {
    var id: String
    var name: String?
    var kind: String
  }

  struct BaselineEntry: Decodable {
    var file: String?
    var inputs: [String]?
    var year: Int?
  }

  enum CodingKeys: String, CodingKey {
    case plan, output, language, inputs, channels, baseline, limits
    case profileFolders = "profile_folders", profileChannels = "profile_channels", legacyEncoding = "legacy_encoding"
    case campaignChannels = "campaign_channels", marketingCategories = "marketing_categories"
  }
}
