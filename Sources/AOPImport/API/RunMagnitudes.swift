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

  /// True once a line was refused (a file read ahead on its own cannot stand then: see `absorb`).
  private(set) var refusedAny = false

  public init() {}

  /// A copy of the run's totals so far, for a file read in its turn but held apart until it is read to
  /// its end (`FileImporter.importHeldApart`); `adopt` takes its totals back when the file stands.
  func copy() -> RunMagnitudes {
    let copy = RunMagnitudes()
    (copy.money, copy.units, copy.largestUnitCost, copy.refusedAny) = (money, units, largestUnitCost, refusedAny)
    return copy
  }

  /// Takes the totals of a `copy` that went on with a file read in its turn.
  func adopt(_ copy: RunMagnitudes) {
    (money, units, largestUnitCost, refusedAny) = (copy.money, copy.units, copy.largestUnitCost, copy.refusedAny)
  }

  /// True when the totals of a file read ahead on its own (with fresh magnitudes) and the run's stay
  /// within the limits together. Totals only grow, so then each of its lines would have been
  /// admitted one by one in the run too, and its reading stands; otherwise the file is to be read again,
  /// in the run's order.
  func canAbsorb(_ file: RunMagnitudes) -> Bool { !file.refusedAny && together(with: file) != nil }

  /// Takes in the totals of a file read ahead, once `canAbsorb` said they fit.
  func absorb(_ file: RunMagnitudes) {
    guard let sum = together(with: file) else { preconditionFailure("absorb without canAbsorb") }
    (money, units, largestUnitCost) = sum
  }

  private func together(with file: RunMagnitudes) -> (money: Int64, units: Int64, largestUnitCost: Int64)? {
    let (newMoney, moneyOverflow) = money.addingReportingOverflow(file.money)
    let (newUnits, unitsOverflow) = units.addingReportingOverflow(file.units)
    let newCost = max(largestUnitCost, file.largestUnitCost)
    let (costBound, costOverflow) = newUnits.multipliedReportingOverflow(by: newCost)
    guard !moneyOverflow, !unitsOverflow, !costOverflow, newMoney <= Money.totalLimit, costBound <= Money.totalLimit
    else { return nil }
    return (newMoney, newUnits, newCost)
  }

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
    guard add(amount), add(more) else {
      refusedAny = true
      return .runTotalsOverLimit
    }
    let (newUnits, unitsOverflow) = units.addingReportingOverflow(Int64(clamping: quantity.magnitude))
    let newCost = max(largestUnitCost, Int64(clamping: unitCost?.minorUnits.magnitude ?? 0))
    let (costBound, costOverflow) = newUnits.multipliedReportingOverflow(by: newCost)
    guard !unitsOverflow, !costOverflow, costBound <= Money.totalLimit else {
      refusedAny = true
      return .runTotalsOverLimit
    }
    money = newMoney
    units = newUnits
    largestUnitCost = newCost
    return nil
  }

}
