/// AOPLedger: the values every other module shares.
///
/// Money is exact (integer minor units), days are the shop's local calendar days, every line remembers the
/// file and 1-based line it came from. The `Ledger` rolls accepted lines up as they stream in
/// (add → cost → roll up), so memory grows with days × channels × SKUs, never with the number of rows.
/// This module imports no other module of ours.
public enum AOPLedgerModule {}
