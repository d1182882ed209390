import Foundation

/// A small shop for one month: the sample's plan and baseline, October's exports copied into
/// `exports/2026-10`, and a config whose `inputs` and profile folders the test chooses.
public struct OneMonthShop {
  public let folder: TemporaryFolder
  public var url: URL { folder.url }
  public var config: String { folder.path("aop.toml") }

  public init(inputs: [String] = ["exports/*"], extra: String = "") throws {
    folder = try TemporaryFolder()
    let quoted = inputs.map { "\"\($0)\"" }.joined(separator: ", ")
    try folder.write(
      "aop.toml",
      """
      plan = "\(Samples.folder.appendingPathComponent("plan-2026.toml").path)"
      inputs = [\(quoted)]
      marketing_categories = ["Phiếu chi In ấn quảng cáo"]
      \(extra)
      [baseline]
      file = "\(Samples.folder.appendingPathComponent("baseline/baseline-2025.csv").path)"
      [[channels]]
      id = "store"
      kind = "offline"
      [[channels]]
      id = "shopee"
      kind = "online"
      [[channels]]
      id = "web"
      kind = "online"
      [profile_channels]
      "meta-ads" = "web"
      """)
    let month = url.appendingPathComponent("exports/2026-10")
    try FileManager.default.createDirectory(at: month, withIntermediateDirectories: true)
    for name in try FileManager.default.contentsOfDirectory(
      atPath: Samples.folder.appendingPathComponent("exports/2026-10").path)
    {
      try FileManager.default.copyItem(
        at: Samples.folder.appendingPathComponent("exports/2026-10/\(name)"), to: month.appendingPathComponent(name))
    }
  }
}
