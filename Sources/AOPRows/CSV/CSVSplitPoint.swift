import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A line start in the middle of a UTF-8 CSV file, where a second reader may take over
/// (`CSVReader(path:options:continuingAt:)`) while the first reads up to it.
///
/// The reader from the file's start says here, as it comes to that line, with which number and whether
/// it was between records: only then does it read the lines from there exactly as a reader starting
/// there does (a quoted field open across the point, or an earlier blank line still waiting to be
/// numbered into the next record, would make them differ).
public final class CSVSplitPoint: @unchecked Sendable {
  /// The file offset of the line's first byte (a line start: the byte before it is a line feed).
  public let offset: Int
  /// The delimiter of the reader from the start; `nil` until its first chunk, and for a file it decodes
  /// from another encoding than UTF-8 (whose offsets are not the decoded text's).
  public internal(set) var delimiter: UInt8?
  /// Where the reader from the start came to the line: its number, and whether it was between records.
  public internal(set) var reached: (line: Int, betweenRecords: Bool)?
  /// The file the reader from the start opened; the reader from the point reads on only if it opened the
  /// same one, unchanged (not replaced, resized or modified in between).
  var file: FileIdentity?
  /// Set by the first part's reading before it stops where the second part begins: its reader then
  /// hashes the rest of the file from its own handle into `sha256`.
  public var firstPartEnded = false
  /// The SHA-256 of the whole file, once the first part stopped (`nil` when the rest could not be read or
  /// the file changed meanwhile).
  public internal(set) var sha256: String?

  public init(offset: Int) { self.offset = offset }

  /// What tells one state of a file from another: the file (device and inode), its size and its last
  /// modification.
  struct FileIdentity: Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Int
    var modifiedNanoseconds: Int

    init?(_ descriptor: Int32) {
      var info = stat()
      guard fstat(descriptor, &info) == 0 else { return nil }
      device = UInt64(info.st_dev)
      inode = UInt64(info.st_ino)
      size = Int64(info.st_size)
      modified = info.st_mtim.tv_sec
      modifiedNanoseconds = info.st_mtim.tv_nsec
    }
  }

  /// The first line start at or after the middle of the file at `path` of `size` bytes, found within a
  /// megabyte of it; `nil` when none is (a file of very long lines is not split).
  public static func middle(of path: String, size: Int) -> CSVSplitPoint? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    let from = size / 2
    var block = [UInt8](repeating: 0, count: 1 << 20)
    let got = block.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(from - 1)) }
    guard got > 0, let feed = block[..<got].firstIndex(of: 0x0A) else { return nil }
    let offset = from + feed
    return offset < size ? CSVSplitPoint(offset: offset) : nil
  }

  /// The line feeds in the file at `path` before `offset`: the number of the line before it.
  /// - Throws: `RowsError` when the file cannot be read.
  public static func lines(in path: String, before offset: Int) throws -> Int {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw RowsError.cannotOpen(path: path, reason: "cannot open")
    }
    defer { try? handle.close() }
    var left = offset
    var count = 0
    while left > 0 {
      let data: Data
      do {
        data = try handle.read(upToCount: min(left, 1 << 20)) ?? Data()
      } catch {
        throw RowsError.readFailed(path: path, reason: error.localizedDescription)
      }
      guard !data.isEmpty else { throw RowsError.readFailed(path: path, reason: "the file became shorter") }
      left -= data.count
      data.withUnsafeBytes { raw in
        guard var p = raw.baseAddress else { return }
        let end = p + raw.count
        while p < end, let hit = memchr(p, 0x0A, end - p) {
          count += 1
          p = UnsafeRawPointer(hit) + 1
        }
      }
    }
    return count
  }
}
