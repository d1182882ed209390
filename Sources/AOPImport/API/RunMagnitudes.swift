import AOPLedger

/// Keeps the amounts a run accepts small enough that nothing computed from them can overflow: every
/// total, difference and cost of goods of the report stays within `Money.totalLimit`.
///
/// Each value is already within `Money.valueLimit` when it is read; here the run's sum of magnitudes is
/// kept under `Money.totalLimit`, and so is the run's units × its largest unit cost (which bounds every
/// cost of goods, whichever cost meets whichever sale). A line that would break either is rejected where
/// it is read, with its file and line, in the fixed order files are read: the same inputs reject the
/// same line. Real shops are many orders of magnitude below these limits.
public final class RunMagnitudes: @unchecked Sendable {
  /// Σ |amount| of every money value accepted (revenue, spend, purchase amounts).
  private var money: Int64 = 0
  /// Σ |quantity| of every sale and return line accepted.
  private var units: Int64 = 0
  /// The largest unit cost accepted (from cost sources or stated on sale lines).
  private var largestUnitCost: Int64 = 0

  public init() {}

  /// Takes in a line's amounts, or says why it cannot be (the run's totals would be too large to add
  /// up exactly) and takes in nothing.
  /// (Two amounts at most: a sale and its returned part; no array per line on the hot path.)
  func admit(_ amount: Money? = nil, _ more: Money? = nil, units quantity: Int = 0, unitCost: Money? = nil)
    -> RejectReason?
  {
    var newMoney = money
    func add(_ amount: Money?) -> Bool {
      guard let amount else { return true }
      let (sum, overflow) = newMoney.addingReportingOverflow(Int64(clamping: amount.minorUnits.magnitude))
      guard !overflow, sum <= Money.totalLimit else { return false }
      newMoney = sum
      return true
    }
    guard add(amount), add(more) else { return .runTotalsOverLimit }
    let (newUnits, unitsOverflow) = units.addingReportingOverflow(Int64(clamping: quantity.magnitude))
    let newCost = max(largestUnitCost, Int64(clamping: unitCost?.minorUnits.magnitude ?? 0))
    let (costBound, costOverflow) = newUnits.multipliedReportingOverflow(by: newCost)
    guard !unitsOverflow, !costOverflow, costBound <= Money.totalLimit else { return .runTotalsOverLimit }
    money = newMoney
    units = newUnits
    largestUnitCost = newCost
    return nil
  }

}
