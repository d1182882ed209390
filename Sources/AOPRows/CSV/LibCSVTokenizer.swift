// The only file that imports CCSV: owns the libcsv parser, converts its callbacks and errors.
internal import CCSV

/// Fields and record boundaries collected while libcsv parses one piece of input.
///
/// libcsv is a push parser that calls back per field and per record end; the callbacks only append here,
/// and the reader takes the completed records out after each `feed`, so no Swift error ever crosses C.
final class FieldCollector {
  /// The bytes of every field collected since the last `takeRecords`, back to back.
  var bytes: [UInt8] = []
  /// End offset in `bytes` of each field.
  var fieldEnds: [Int] = []
  /// For each completed record, the index in `fieldEnds` one past its last field.
  var recordEnds: [Int] = []

  init() {
    bytes.reserveCapacity(1 << 16)
    fieldEnds.reserveCapacity(256)
  }

  /// Drops everything, complete or not.
  func clear() {
    bytes.removeAll(keepingCapacity: true)
    fieldEnds.removeAll(keepingCapacity: true)
    recordEnds.removeAll(keepingCapacity: true)
  }
}

/// A strict libcsv parser for one delimiter.
///
/// Strict mode (`CSV_STRICT | CSV_STRICT_FINI`) makes a stray quote or an unterminated quoted field an
/// error instead of silently swallowing the following rows.
final class LibCSVTokenizer {
  private let parser = UnsafeMutablePointer<csv_parser>.allocate(capacity: 1)
  private let delimiter: UInt8
  let collector = FieldCollector()

  init(delimiter: UInt8) throws {
    self.delimiter = delimiter
    guard csv_init(parser, LibCSVTokenizer.options) == 0 else {
      parser.deallocate()
      throw RowsError.parserInit
    }
    csv_set_delim(parser, delimiter)
  }

  deinit {
    csv_free(parser)
    parser.deallocate()
  }

  private static let options = UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)

  /// Parses `chunk`; returns `false` when it is malformed (the parser must then be `reset()`).
  func feed(_ chunk: UnsafeRawBufferPointer) -> Bool {
    guard let base = chunk.baseAddress, chunk.count > 0 else { return true }
    let context = Unmanaged.passUnretained(collector).toOpaque()
    let used = csv_parse(parser, base, chunk.count, fieldCallback, recordCallback, context)
    return used == chunk.count && csv_error(parser) == CSV_SUCCESS
  }

  /// Ends the input: emits a last record that has no line terminator. Returns `false` if the input ended
  /// inside a quoted field.
  func finish() -> Bool {
    let context = Unmanaged.passUnretained(collector).toOpaque()
    return csv_fini(parser, fieldCallback, recordCallback, context) == 0
  }

  /// Forgets any partial record and starts afresh (after a malformed record).
  func reset() {
    csv_free(parser)
    _ = csv_init(parser, LibCSVTokenizer.options)
    csv_set_delim(parser, delimiter)
    collector.clear()
  }
}

private func fieldCallback(_ field: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
  guard let context else { return }
  let collector = Unmanaged<FieldCollector>.fromOpaque(context).takeUnretainedValue()
  if let field, length > 0 {
    collector.bytes.append(contentsOf: UnsafeRawBufferPointer(start: field, count: length))
  }
  collector.fieldEnds.append(collector.bytes.count)
}

private func recordCallback(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
  guard let context else { return }
  let collector = Unmanaged<FieldCollector>.fromOpaque(context).takeUnretainedValue()
  collector.recordEnds.append(collector.fieldEnds.count)
}
