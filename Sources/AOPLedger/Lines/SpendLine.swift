/// Spend over a range of days for a channel: an ad platform's row, or an expense (a cash-book payment).
/// Marketing spend counts towards the marketing KPIs; every expense counts towards its budget category.
///
/// A row covering several days is spread over them, so a monthly total row never lands on day 1.
public struct SpendLine: Hashable, Sendable {
  public var firstDay: Day
  public var lastDay: Day
  public var channel: String
  public var amount: Money
  public var label: String
  /// The expense category as the export names it (`Phiếu chi Tiền điện`); `nil` for ad platforms.
  public var category: String?
  /// True for marketing spend (every ad-platform row; expenses of a marketing category).
  public var isMarketing: Bool
  public var source: SourceRef

  public init(
    firstDay: Day, lastDay: Day, channel: String, amount: Money, label: String, category: String? = nil,
    isMarketing: Bool = true, source: SourceRef
  ) {
    self.firstDay = firstDay
    self.lastDay = lastDay
    self.channel = channel
    self.amount = amount
    self.label = label
    self.category = category
    self.isMarketing = isMarketing
    self.source = source
  }

  /// The amount per month, spread over the range's days in whole minor units (largest remainder).
  public func spreadByMonth() -> [(Month, Money)] {
    let days = Array(firstDay.ordinal...lastDay.ordinal)
    let parts = amount.allocate(weights: days.map { _ in 1 })
    var result: [(Month, Money)] = []
    for (ordinal, part) in zip(days, parts) {
      let month = Day(ordinal: ordinal).monthOf
      if let last = result.last, last.0 == month {
        result[result.count - 1].1 += part
      } else {
        result.append((month, part))
      }
    }
    return result
  }
}
