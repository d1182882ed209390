/// A sales channel of the shop (the store, Shopee, the web shop, …), each offline or online.
public struct Channel: Hashable, Sendable, Codable, Comparable {
  /// Whether a channel's revenue counts as online for the online-share KPI.
  public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
    case offline, online
  }

  /// The short id used in profiles, the plan and the baseline (`store`, `shopee`).
  public var id: String
  /// The name shown in the workbook.
  public var name: String
  public var kind: Kind

  public init(id: String, name: String, kind: Kind) {
    self.id = id
    self.name = name
    self.kind = kind
  }

  public static func < (a: Channel, b: Channel) -> Bool { a.id < b.id }
}
