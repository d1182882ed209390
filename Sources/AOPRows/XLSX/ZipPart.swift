import CLibZ
import Foundation
import ZIPFoundation

extension Archive {
  /// A part whose inflated bytes do not match the CRC-32 its archive records for them.
  struct ChecksumMismatch: Error, CustomStringConvertible {
    var part: String
    var description: String { "\(part): its bytes do not match their recorded CRC-32 checksum" }
  }

  /// Inflates one part chunk by chunk and checks its CRC-32 at the end (`ChecksumMismatch`).
  ///
  /// ZIPFoundation only computes the checksum it is asked for (and, on Linux, a byte at a time); zlib's
  /// is several times faster, and here it is also compared with the archive's record. A part whose
  /// record says 0 is not checked: ZIPFoundation reports 0 where a data descriptor it could not read
  /// should have held it, and the inflate itself still refuses broken compressed data.
  func inflatePart(_ entry: Entry, _ consumer: (Data) throws -> Void) throws {
    var crc = crc32(0, nil, 0)
    _ = try extract(entry, bufferSize: 1 << 16, skipCRC32: true) { chunk in
      // (zlib's crc32 with no bytes at a null pointer starts over: an empty chunk is skipped.)
      if !chunk.isEmpty {
        crc = chunk.withUnsafeBytes { bytes in
          crc32(crc, bytes.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(bytes.count))
        }
      }
      try consumer(chunk)
    }
    let recorded = entry.checksum
    guard recorded == 0 || UInt32(truncatingIfNeeded: crc) == recorded else {
      throw ChecksumMismatch(part: entry.path)
    }
  }
}
