/// A compact 128-bit key for a source row's own identity (two independent FNV-1a hashes), so the
/// de-duplication set stays small however many rows a run reads.
struct IdentityKey: Hashable, Sendable {
  var a: UInt64
  var b: UInt64

  init(namespace: String) {
    a = 0xcbf2_9ce4_8422_2325
    b = 0x84222325_cbf29ce4
    mix(Array(namespace.utf8)[...])
  }

  /// Mixes in one field's bytes, followed by a separator no field can contain unescaped in the hash.
  mutating func mix(_ bytes: ArraySlice<UInt8>) {
    for byte in bytes {
      a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
      b = (b ^ UInt64(byte)) &* 0x0000_0001_0000_01B3 &+ 0x9E37_79B9
    }
    a = (a ^ 0x1F) &* 0x0000_0100_0000_01B3
    b = (b ^ 0x1F) &* 0x0000_0001_0000_01B3 &+ 0x9E37_79B9
  }

  /// The key of the n-th row (1-based) with this identity in one file.
  func occurrence(_ n: Int) -> IdentityKey {
    var k = self
    var v = n
    var bytes: [UInt8] = []
    repeat {
      bytes.append(UInt8(v & 0xFF))
      v >>= 8
    } while v > 0
    k.mix(bytes[...])
    return k
  }
}
