import AOPLedger
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// How to read a CSV file; `nil` means detect.
public struct CSVOptions: Sendable, Hashable {
  /// The field delimiter (`,` `;` or TAB); detected from the first lines when `nil`.
  public var delimiter: UInt8?
  /// The encoding; detected from the byte-order mark when `nil` (UTF-8 without one).
  public var encoding: TextEncoding?
  /// A quoted field still open after this many physical lines is taken as a stray quote.
  public var maxLinesPerRecord: Int
  /// Bytes read from the file at a time.
  public var chunkSize: Int
  /// A field longer than this is refused (the record is reported as malformed).
  public var maxFieldBytes: Int
  /// A record with more fields than this is refused.
  public var maxFieldsPerRecord: Int
  /// A physical line longer than this is refused without being held in memory.
  public var maxLineBytes: Int

  public init(
    delimiter: UInt8? = nil, encoding: TextEncoding? = nil, maxLinesPerRecord: Int = 200, chunkSize: Int = 1 << 20,
    maxFieldBytes: Int = 1 << 20, maxFieldsPerRecord: Int = 4_096, maxLineBytes: Int = 16 << 20
  ) {
    self.delimiter = delimiter
    self.encoding = encoding
    self.maxLinesPerRecord = maxLinesPerRecord
    self.chunkSize = chunkSize
    self.maxFieldBytes = maxFieldBytes
    self.maxFieldsPerRecord = maxFieldsPerRecord
    self.maxLineBytes = maxLineBytes
  }
}

/// Streams a CSV file through libcsv: chunks in, records out, each with its 1-based physical line.
///
/// Steps: detect the encoding (BOM) → transcode to UTF-8 → sniff the delimiter → split into physical
/// lines → feed libcsv line by line → hand out complete records. Feeding by line is what gives every
/// record its exact line number and raw text, and lets a malformed record be reported and skipped: a
/// stray quote costs one record, never the rows after it. Memory stays at one chunk plus one record.
public final class CSVReader {
  public let path: String
  private let options: CSVOptions
  /// The delimiter used (known after the first chunk).
  public private(set) var delimiter: UInt8 = UInt8(ascii: ",")
  /// The encoding used (known after the first chunk).
  public private(set) var encoding: TextEncoding = .utf8
  /// Bytes read from the file so far.
  public private(set) var bytesRead = 0
  /// Called with `bytesRead` after each chunk is read (progress on a terminal).
  public var onChunk: ((Int) -> Void)?
  /// The SHA-256 of the file's bytes, once `read` has read it to the end (hashed as it is read, so the
  /// hash is of the very bytes parsed, and the file is not read a second time for it).
  public private(set) var sha256: String?
  private let hash = SHA256()

  private var tokenizer: LibCSVTokenizer?
  private var lineNumber = 0
  /// For a reader from the file's start: the split point it marks as it comes to it (`CSVSplitPoint`).
  public var splitPoint: CSVSplitPoint?
  /// For the reader of a split file's second part: its split point (where it starts).
  private let continuing: CSVSplitPoint?
  /// Where the reading starts: 0, or for the second part of a split file its split point's offset.
  private let startOffset: Int
  /// The file offset (of a UTF-8 file) of the next line's first byte, and of the first byte of the text
  /// `consume` is given next.
  private var nextLineOffset = 0
  private var textOffset = 0
  /// The physical lines of the record in progress, back to back (terminators included), where each ends,
  /// and the first one's number.
  private var pendingRaw: [UInt8] = []
  private var pendingLineEnds: [Int] = []
  private var pendingFirstLine = 1
  private var partialLine: [UInt8] = []
  /// True while skipping the rest of a line over the length limit.
  private var skippingLongLine = false
  private var visit: ((RowEvent) throws -> Void)?
  private var visitError: Error?

  public init(path: String, options: CSVOptions = CSVOptions()) {
    self.path = path
    self.options = options
    continuing = nil
    startOffset = 0
  }

  /// A reader of a UTF-8 file from `point` (a line start) to its end, its lines numbered after the
  /// `linesBefore` before it, with the delimiter the reader from the start found. It reads those lines
  /// as that reader does when `point` says it came to them between records. It hashes nothing
  /// (`sha256` stays `nil`).
  public init(path: String, options: CSVOptions, continuingAt point: CSVSplitPoint, linesBefore: Int, delimiter: UInt8)
  {
    self.path = path
    self.options = options
    continuing = point
    startOffset = point.offset
    lineNumber = linesBefore
    nextLineOffset = point.offset
    textOffset = point.offset
    self.delimiter = delimiter
  }

  /// Reads the whole file, calling `visit` for each record or malformed record in file order.
  /// Records whose fields are all empty are not rows and are not visited.
  /// - Throws: `RowsError` when the file cannot be opened or read, or what `visit` throws.
  public func read(_ visit: @escaping (RowEvent) throws -> Void) throws {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw RowsError.cannotOpen(
        path: path, reason: FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")
    }
    defer { try? handle.close() }
    self.visit = visit
    defer { self.visit = nil }
    let opened = splitPoint == nil && continuing == nil ? nil : CSVSplitPoint.FileIdentity(handle.fileDescriptor)
    splitPoint?.file = opened
    if let continuing, continuing.file == nil || continuing.file != opened {
      throw RowsError.readFailed(path: path, reason: "the file changed while it was read")
    }
    do {
      try readChunks(from: handle)
    } catch {
      // The reader from the start stopped where the second part begins: it hashes the rest of the file
      // from its own handle, so that the hash is of the one file both parts read.
      if let point = splitPoint, point.firstPartEnded { point.sha256 = hashRest(of: handle, opened: opened) }
      throw error
    }
  }

  private func readChunks(from handle: FileHandle) throws {
    var transcoder: UTF8Transcoder?
    var utf8: [UInt8] = []
    if startOffset > 0 {
      do {
        try handle.seek(toOffset: UInt64(startOffset))
      } catch {
        throw RowsError.readFailed(path: path, reason: error.localizedDescription)
      }
      transcoder = UTF8Transcoder(encoding: .utf8)
      tokenizer = try LibCSVTokenizer(delimiter: delimiter)
    }
    while true {
      let data: Data
      do {
        data = try handle.read(upToCount: options.chunkSize) ?? Data()
      } catch {
        throw RowsError.readFailed(path: path, reason: error.localizedDescription)
      }
      if data.isEmpty { break }
      bytesRead += data.count
      onChunk?(bytesRead)
      if startOffset == 0 { hash.update(data) }
      try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
        var chunk = raw
        if transcoder == nil {
          let (detected, bom) = TextEncoding.detect(raw)
          // A byte-order mark is unambiguous; a declared code page applies only to a file without one.
          encoding = bom > 0 ? detected : (options.encoding ?? .utf8)
          chunk = UnsafeRawBufferPointer(rebasing: raw[bom...])
          if encoding == .utf8, !TextEncoding.isUTF8(chunk, final: data.count < options.chunkSize) {
            throw RowsError.notUTF8(path: path)
          }
          transcoder = UTF8Transcoder(encoding: encoding)
          (nextLineOffset, textOffset) = (bom, bom)
        }
        transcoder?.transcode(chunk, into: &utf8)
        if tokenizer == nil {
          delimiter = options.delimiter ?? DelimiterSniffer.sniff(Array(utf8.prefix(64 * 1024)))
          tokenizer = try LibCSVTokenizer(delimiter: delimiter)
          // Offsets in the text are the file's (less the mark) only when nothing was decoded.
          if encoding == .utf8 { splitPoint?.delimiter = delimiter }
        }
        try consume(utf8)
      }
    }
    guard bytesRead > 0 else { throw RowsError.empty(path: path) }
    if startOffset == 0 { sha256 = hash.hexDigest() }
    transcoder?.finish(into: &utf8)
    try consume(utf8)
    try finishInput()
  }

  /// The SHA-256 of the whole file: what was read so far, then the rest from `handle`; `nil` when the
  /// rest cannot be read or the file changed (size or modification time) since it was opened.
  private func hashRest(of handle: FileHandle, opened: CSVSplitPoint.FileIdentity?) -> String? {
    do {
      while let data = try handle.read(upToCount: options.chunkSize), !data.isEmpty { hash.update(data) }
    } catch {
      return nil
    }
    guard let opened, CSVSplitPoint.FileIdentity(handle.fileDescriptor) == opened else { return nil }
    return hash.hexDigest()
  }

  /// Splits decoded bytes into physical lines and feeds each complete one, straight from `bytes`.
  private func consume(_ bytes: [UInt8]) throws {
    try bytes.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      var start = 0
      while start < buffer.count {
        guard let hit = memchr(base + start, 0x0A, buffer.count - start) else { break }
        let end = base.distance(to: UnsafeRawPointer(hit)) + 1
        defer { start = end }
        lineNumber += 1
        if let point = splitPoint, point.delimiter != nil, nextLineOffset == point.offset {
          let between = !skippingLongLine && pendingLineEnds.isEmpty && tokenizer?.isBetweenRecords == true
          point.reached = (lineNumber, between)
        }
        nextLineOffset = textOffset + end
        if skippingLongLine {
          // The end of a line over the limit: it becomes one malformed record, never held whole.
          skippingLongLine = false
          try reportLongLine()
        } else if partialLine.count + (end - start) > options.maxLineBytes + 2 {
          // A whole line over the limit (its terminator aside): one malformed record, not kept.
          partialLine.removeAll(keepingCapacity: true)
          try reportLongLine()
        } else if partialLine.isEmpty {
          try feed(line: UnsafeRawBufferPointer(rebasing: buffer[start..<end]), number: lineNumber)
        } else {
          partialLine.append(contentsOf: buffer[start..<end])
          let line = partialLine
          partialLine.removeAll(keepingCapacity: true)
          try line.withUnsafeBytes { try feed(line: $0, number: lineNumber) }
        }
      }
      textOffset += buffer.count
      if start < buffer.count, !skippingLongLine { partialLine.append(contentsOf: buffer[start...]) }
      // Over the limit whatever comes after it: with its line feed still to come, a line of more than
      // `maxLineBytes + 1` bytes (a CR counted) is more than the `maxLineBytes + 2` allowed a whole line.
      // (So whether a line is too long never depends on where a chunk ends.)
      if partialLine.count > options.maxLineBytes + 1 {
        partialLine = []
        skippingLongLine = true
      }
    }
  }

  /// A line over the length limit: the line itself is not kept (it is what was too long), the reason says so.
  private func reportLongLine() throws {
    try report(malformed: .lineTooLong(limit: options.maxLineBytes), raw: [], first: lineNumber)
  }

  /// Feeds one physical line to libcsv and delivers the records it completes.
  private func feed(line: UnsafeRawBufferPointer, number: Int) throws {
    guard let tokenizer else { return }
    if pendingLineEnds.isEmpty { pendingFirstLine = number }
    pendingRaw.append(contentsOf: line)
    pendingLineEnds.append(pendingRaw.count)
    if !tokenizer.feed(line) {
      try report(malformed: .strayQuote, raw: pendingRaw, first: pendingFirstLine)
      tokenizer.reset()
      clearPending()
      return
    }
    if tokenizer.hasRecords {
      try deliverRecords(lastLine: number)
      clearPending()
    } else if pendingLineEnds.count >= options.maxLinesPerRecord {
      try recoverFromOpenQuote()
    }
  }

  private func clearPending() {
    pendingRaw.removeAll(keepingCapacity: true)
    pendingLineEnds.removeAll(keepingCapacity: true)
  }

  /// At the end of input: emit a last record without a terminator, or recover from an unclosed quote.
  private func finishInput() throws {
    if skippingLongLine {
      // A last line over the limit, with no line feed after it: one malformed record, as any other.
      skippingLongLine = false
      lineNumber += 1
      try reportLongLine()
    }
    if !partialLine.isEmpty {
      lineNumber += 1
      let line = partialLine
      partialLine = []
      try line.withUnsafeBytes { try feed(line: $0, number: lineNumber) }
    }
    guard let tokenizer else { return }
    while !pendingLineEnds.isEmpty {
      let hadTerminator = pendingRaw.last == 0x0A
      if !hadTerminator, tokenizer.finish(), tokenizer.hasRecords {
        try deliverRecords(lastLine: lineNumber)
        clearPending()
        break
      }
      try recoverFromOpenQuote()
    }
  }

  /// A quoted field that never closes would swallow every row after it. Reject only the line where the
  /// record started and read the lines after it again from a clean state.
  private func recoverFromOpenQuote() throws {
    guard let tokenizer else { return }
    let raw = pendingRaw
    let ends = pendingLineEnds
    let first = pendingFirstLine
    try report(malformed: .quoteNeverClosed, raw: Array(raw[..<ends[0]]), first: first)
    tokenizer.reset()
    clearPending()
    try raw.withUnsafeBytes { bytes in
      for n in 1..<ends.count {
        try feed(line: UnsafeRawBufferPointer(rebasing: bytes[ends[n - 1]..<ends[n]]), number: first + n)
      }
    }
  }

  private func deliverRecords(lastLine: Int) throws {
    guard let tokenizer, let visit else { return }
    let collected = tokenizer.collected
    let bytes = Array(collected.bytes.buffer)
    let fieldEnds = Array(collected.fieldEnds.buffer)
    // The records' ends are read where they lie (nothing made of them outlives this call).
    defer { tokenizer.clearFields() }
    let raw = pendingRaw
    var fieldStart = 0
    for end in collected.recordEnds.buffer {
      let base = fieldStart == 0 ? 0 : fieldEnds[fieldStart - 1]
      let record = RawRecord(
        line: pendingFirstLine, lastLine: lastLine, bytes: bytes, fieldEnds: fieldEnds[fieldStart..<end],
        fieldBase: base, raw: raw)
      fieldStart = end
      if record.count > options.maxFieldsPerRecord {
        try report(
          malformed: .tooManyFields(count: record.count, limit: options.maxFieldsPerRecord), raw: raw,
          first: pendingFirstLine)
        continue
      }
      if let long = record.firstField(longerThan: options.maxFieldBytes) {
        try report(
          malformed: .fieldTooLong(field: long.index + 1, bytes: long.bytes, limit: options.maxFieldBytes),
          raw: raw, first: pendingFirstLine)
        continue
      }
      if !record.isBlank { try visit(.record(record)) }
    }
  }

  private func report(malformed reason: RejectReason, raw: [UInt8], first: Int) throws {
    try visit?(.malformed(MalformedRecord(line: first, reason: reason, rawText: RawRecord.text(ofRaw: raw))))
  }
}
