/// AOPWorkbook: the review report as an .xlsx workbook.
///
/// Two halves: a pure layout (`ReviewLayout`: report → `[Sheet]`, with values, roles, number formats
/// and formulas with their cached results) and a mechanical writer (`XLSXWriter`: sheets → file), the
/// only code that calls libxlsxwriter.
public enum AOPWorkbookModule {}
