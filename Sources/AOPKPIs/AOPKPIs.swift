/// AOPKPIs: pure functions from the rolled-up ledger and the plan to report values.
///
/// Steps: phase the plan's annual goals into monthly, per-channel targets (`Targets`) → compare the
/// month and the year to date with them (`ReviewReport.compute`). Rendering (console, JSON, workbook)
/// is done elsewhere from the same report value, so they cannot disagree.
public enum AOPKPIsModule {}
