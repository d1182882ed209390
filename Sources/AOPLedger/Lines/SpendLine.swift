/// Marketing spend over a range of days (an ad platform's row, a marketing expense) for a channel.
///
/// A row covering several days is spread over them, so a monthly total row never lands on day 1.
public struct SpendLine: Hashable, Sendable {
  public var firstDay: Day
  public var lastDay: Day
  public var channel: String
  public var amount: Money
  public var label: String
  public var source: SourceRef

  public init(firstDay: Day, lastDay: Day, channel: String, amount: Money, label: String, source: SourceRef) {
    self.firstDay = firstDay
    self.lastDay = lastDay
    self.channel = channel
    self.amount = amount
    self.label = label
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
