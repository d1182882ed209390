// The only file that imports CCSV: owns the libcsv parser, converts its callbacks and errors.
internal import CCSV

/// Fields and record boundaries collected while libcsv parses one piece of input.
///
/// libcsv is a push parser that calls back per field and per record end; the callbacks only append here,
/// and the reader takes the completed records out after each `feed`, so no Swift error ever crosses C.
/// It is plain memory reached through a pointer and grown by doubling: a field costs one copy, with no
/// reference counting or exclusivity check in the callback (it runs once per field of every file).
struct FieldBuffer {
  /// The bytes of every field collected since the last `clear`, back to back.
  private(set) var bytes = Growable<UInt8>(capacity: 1 << 16)
  /// End offset in `bytes` of each field.
  private(set) var fieldEnds = Growable<Int>(capacity: 256)
  /// For each completed record, the index in `fieldEnds` one past its last field.
  private(set) var recordEnds = Growable<Int>(capacity: 16)

  mutating func appendField(_ field: UnsafeRawPointer?, count: Int) {
    if let field, count > 0 { bytes.append(field.assumingMemoryBound(to: UInt8.self), count: count) }
    fieldEnds.append(bytes.count)
  }

  mutating func endRecord() { recordEnds.append(fieldEnds.count) }

  /// Drops everything, complete or not.
  mutating func clear() {
    bytes.count = 0
    fieldEnds.count = 0
    recordEnds.count = 0
  }

  func free() {
    bytes.free()
    fieldEnds.free()
    recordEnds.free()
  }
}

/// A strict libcsv parser for one delimiter.
///
/// Strict mode (`CSV_STRICT | CSV_STRICT_FINI`) makes a stray quote or an unterminated quoted field an
/// error instead of silently swallowing the following rows.
final class LibCSVTokenizer {
  private let parser = UnsafeMutablePointer<csv_parser>.allocate(capacity: 1)
  private let delimiter: UInt8
  private let fields = UnsafeMutablePointer<FieldBuffer>.allocate(capacity: 1)

  init(delimiter: UInt8) throws {
    self.delimiter = delimiter
    guard csv_init(parser, LibCSVTokenizer.options) == 0 else {
      parser.deallocate()
      fields.deallocate()
      throw RowsError.parserInit
    }
    fields.initialize(to: FieldBuffer())
    csv_set_delim(parser, delimiter)
  }

  deinit {
    csv_free(parser)
    parser.deallocate()
    fields.pointee.free()
    fields.deinitialize(count: 1)
    fields.deallocate()
  }

  /// The fields collected so far and where each completed record ends (valid until the next call).
  var collected: FieldBuffer { fields.pointee }

  /// True when at least one record is complete.
  var hasRecords: Bool { fields.pointee.recordEnds.count > 0 }

  /// True when no record is begun: nothing collected, and libcsv in its first state (`ROW_NOT_BEGUN`, 0 in
  /// libcsv.c) with no field bytes held.
  var isBetweenRecords: Bool {
    fields.pointee.fieldEnds.count == 0 && parser.pointee.pstate == 0 && parser.pointee.entry_pos == 0
  }

  /// Drops the fields collected, complete or not (after the reader has taken the records).
  func clearFields() { fields.pointee.clear() }

  private static let options = UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)

  /// Parses `chunk`; returns `false` when it is malformed (the parser must then be `reset()`).
  func feed(_ chunk: UnsafeRawBufferPointer) -> Bool {
    guard let base = chunk.baseAddress, chunk.count > 0 else { return true }
    let used = csv_parse(parser, base, chunk.count, fieldCallback, recordCallback, UnsafeMutableRawPointer(fields))
    return used == chunk.count && csv_error(parser) == CSV_SUCCESS
  }

  /// Ends the input: emits a last record that has no line terminator. Returns `false` if the input ended
  /// inside a quoted field.
  func finish() -> Bool {
    return csv_fini(parser, fieldCallback, recordCallback, UnsafeMutableRawPointer(fields)) == 0
  }

  /// Forgets any partial record and starts afresh (after a malformed record).
  func reset() {
    csv_free(parser)
    _ = csv_init(parser, LibCSVTokenizer.options)
    csv_set_delim(parser, delimiter)
    fields.pointee.clear()
  }
}

private func fieldCallback(_ field: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
  context?.assumingMemoryBound(to: FieldBuffer.self).pointee.appendField(field, count: length)
}

private func recordCallback(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
  context?.assumingMemoryBound(to: FieldBuffer.self).pointee.endRecord()
}
