/// AOPPipeline: the jobs behind the commands, as a library so they can be tested in-process.
///
/// A review: load config and plan → find input files → import them into a ledger → roll up →
/// compute the report → lay out and write the workbook (to a temporary file, then renamed) →
/// render the console and JSON summaries. Every job returns an `Outcome` whose status maps to one exit code.
public enum AOPPipelineModule {}
