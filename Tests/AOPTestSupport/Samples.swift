import Foundation

/// The BabyCare House sample and the figures its generator computed on its own (samples/expected).
public enum Samples {
  public static let folder = repositoryRoot.appendingPathComponent("samples")
  public static let config = folder.appendingPathComponent("aop.toml").path

  /// Figures per month → channel → name (revenue, covered_revenue, cogs, marketing, orders, units).
  public typealias Figures = [String: [String: [String: Int64]]]

  public struct Expected: Decodable {
    public var baseline2025: Figures
    public var current2026: Figures
    public var files: [String: [String: Int]]
    public var uncosted2026: [String: [String: Int64]]
    public var badRow: [String: String]
    /// Month → expense category → amount (not marketing).
    public var expenses2026: [String: [String: Int64]]
    public var purchases2026: [String: Int64]

    enum CodingKeys: String, CodingKey {
      case baseline2025 = "baseline_2025", current2026 = "current_2026", files, uncosted2026 = "uncosted_2026"
      case badRow = "bad_row", expenses2026 = "expenses_2026", purchases2026 = "purchases_2026"
    }
  }

  public static func expected() throws -> Expected {
    try JSONDecoder().decode(
      Expected.self, from: Data(contentsOf: folder.appendingPathComponent("expected/figures.json")))
  }
}

extension Samples.Figures {
  /// The sum of `name` over `months` (all when nil) and `channel` (all when nil).
  public func sum(_ name: String, months: [String]? = nil, channel: String? = nil) -> Int64 {
    var total: Int64 = 0
    for (month, channels) in self where months == nil || months!.contains(month) {
      for (ch, figures) in channels where channel == nil || ch == channel { total += figures[name] ?? 0 }
    }
    return total
  }
}
