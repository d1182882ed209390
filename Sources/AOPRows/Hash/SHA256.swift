// The only file that imports CLibCrypto: SHA-256 from the system's OpenSSL libcrypto.
internal import CLibCrypto
import Foundation

/// SHA-256 (FIPS 180-4), to name a source file's exact bytes in the workbook: two runs, or two people,
/// can tell whether they read the same export.
///
/// OpenSSL's implementation picks the CPU's SHA extensions (or AVX2) at run time; it hashes at several
/// GB/s where a portable one manages a few hundred MB/s, so hashing every byte read costs next to nothing
/// (docs/bench.md).
public final class SHA256 {
  private let context: OpaquePointer

  public init() {
    guard let context = EVP_MD_CTX_new(), EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
      // Only an allocation failure gets here: nothing sensible can go on without memory.
      fatalError("libcrypto could not start a SHA-256 context")
    }
    self.context = context
  }

  deinit { EVP_MD_CTX_free(context) }

  /// Adds bytes to the hash.
  public func update(_ bytes: UnsafeRawBufferPointer) {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
    EVP_DigestUpdate(context, base, bytes.count)
  }

  /// Adds bytes to the hash.
  public func update(_ bytes: some ContiguousBytes) {
    bytes.withUnsafeBytes { update($0) }
  }

  /// The digest as 64 lowercase hex digits; the hash is finished (further updates start nothing new).
  public func hexDigest() -> String {
    var digest = [UInt8](repeating: 0, count: 32)
    var length: UInt32 = 0
    _ = digest.withUnsafeMutableBufferPointer { EVP_DigestFinal_ex(context, $0.baseAddress, &length) }
    let hex = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(64)
    for byte in digest.prefix(Int(length)) {
      text.append(hex[Int(byte >> 4)])
      text.append(hex[Int(byte & 0x0F)])
    }
    return String(decoding: text, as: UTF8.self)
  }
}
