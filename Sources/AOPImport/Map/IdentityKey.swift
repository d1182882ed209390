/// A compact 128-bit key for a source row's own identity (two independent FNV-1a hashes), so the
/// de-duplication set stays small however many rows a run reads.
struct IdentityKey: Hashable, Sendable {
  var a: UInt64
  var b: UInt64

  init(a: UInt64, b: UInt64) {
    self.a = a
    self.b = b
  }

  init(namespace: String) {
    a = 0xcbf2_9ce4_8422_2325
    b = 0x84222325_cbf29ce4
    mix(Array(namespace.utf8)[...])
  }

  /// Mixes in one field: its length, then its bytes. With the lengths, the bytes mixed in tell the fields
  /// (and the occurrence after them) apart whatever they hold: a separator byte could be in a field, and
  /// then two different rows would make the same bytes.
  mutating func mix(_ bytes: ArraySlice<UInt8>) {
    mix(number: bytes.count)
    for byte in bytes { mix(byte: byte) }
  }

  @inline(__always) private mutating func mix(byte: UInt8) {
    a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    b = (b ^ UInt64(byte)) &* 0x0000_0001_0000_01B3 &+ 0x9E37_79B9
  }

  /// A count, 7 bits a byte, least significant first, the top bit set on every byte but the last: where
  /// it ends is in its bytes.
  private mutating func mix(number: Int) {
    var v = UInt(max(number, 0))
    while v >= 0x80 {
      mix(byte: UInt8(truncatingIfNeeded: v) | 0x80)
      v >>= 7
    }
    mix(byte: UInt8(v))
  }

  /// The key of the n-th row (1-based) with this identity in one file: `n` mixed in after the fields.
  func occurrence(_ n: Int) -> IdentityKey {
    var k = self
    k.mix(number: n)
    return k
  }
}

/// An open-addressing table (linear probing) from identity keys to a nonzero 64-bit value: 24 bytes a
/// key, no per-entry allocation, and no SipHash — the keys are hashes already, so their bits are the
/// slot. A run's every row identity lives here, so this is what its memory grows with.
final class IdentityTable {
  private struct Slot {
    var a: UInt64
    var b: UInt64
    /// 0 marks an empty slot; every value stored is nonzero.
    var value: UInt64
  }

  private var slots: UnsafeMutablePointer<Slot>
  private var mask: Int
  private var shift: UInt64
  private(set) var count = 0

  init(capacity: Int = 1 << 10) {
    var size = 16
    while size < capacity { size <<= 1 }
    slots = .allocate(capacity: size)
    slots.initialize(repeating: Slot(a: 0, b: 0, value: 0), count: size)
    mask = size - 1
    shift = UInt64(64 - size.trailingZeroBitCount)
  }

  deinit { slots.deallocate() }

  /// The value stored for `key`, or `nil` after storing `value` (nonzero) for it.
  func valueOrInsert(_ key: IdentityKey, _ value: UInt64) -> UInt64? {
    precondition(value != 0, "an identity table's values are nonzero")
    let i = index(of: key)
    if slots[i].value != 0 { return slots[i].value }
    slots[i] = Slot(a: key.a, b: key.b, value: value)
    count += 1
    if count * 4 > (mask + 1) * 3 { grow() }
    return nil
  }

  /// Stores `value` (nonzero) for `key` and returns the slot it went to; `nil`, storing nothing, when the
  /// key is there already. For a batch that `remove` may undo, while `hasRoom` for it.
  func insertNew(_ key: IdentityKey, _ value: UInt64) -> Int? {
    precondition(value != 0, "an identity table's values are nonzero")
    let i = index(of: key)
    if slots[i].value != 0 { return nil }
    slots[i] = Slot(a: key.a, b: key.b, value: value)
    count += 1
    if count * 4 > (mask + 1) * 3 { grow() }
    return i
  }

  /// True when `more` keys go in without the table growing (so no slot moves meanwhile).
  func hasRoom(for more: Int) -> Bool { (count + more) * 4 <= (mask + 1) * 3 }

  /// Takes out the keys `insertNew` put at `inserted` while the table had room for them all: their slots
  /// were free before and no key moved, so the table is as it was before them.
  func remove(_ inserted: [Int]) {
    for i in inserted {
      slots[i] = Slot(a: 0, b: 0, value: 0)
      count -= 1
    }
  }

  /// The value stored for `key`, if any.
  func value(of key: IdentityKey) -> UInt64? {
    let v = slots[index(of: key)].value
    return v == 0 ? nil : v
  }

  /// Adds one to the count stored for `key` (0 when absent) and returns it.
  func increment(_ key: IdentityKey) -> UInt64 {
    let i = index(of: key)
    if slots[i].value != 0 {
      slots[i].value += 1
      return slots[i].value
    }
    slots[i] = Slot(a: key.a, b: key.b, value: 1)
    count += 1
    if count * 4 > (mask + 1) * 3 { grow() }
    return 1
  }

  /// The slot holding `key`, or the empty slot where it belongs.
  @inline(__always) private func index(of key: IdentityKey) -> Int {
    var i = home(key.a, key.b)
    while slots[i].value != 0, slots[i].a != key.a || slots[i].b != key.b { i = (i + 1) & mask }
    return i
  }

  @inline(__always) private func home(_ a: UInt64, _ b: UInt64) -> Int {
    // FNV's low bits are its weakest: fold both halves and take the product's high bits.
    Int(truncatingIfNeeded: ((a ^ (b >> 29) ^ (b << 35)) &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  private func grow() {
    let old = slots
    let oldSize = mask + 1
    let size = oldSize * 2
    slots = .allocate(capacity: size)
    slots.initialize(repeating: Slot(a: 0, b: 0, value: 0), count: size)
    mask = size - 1
    shift = UInt64(64 - size.trailingZeroBitCount)
    for j in 0..<oldSize where old[j].value != 0 {
      var i = home(old[j].a, old[j].b)
      while slots[i].value != 0 { i = (i + 1) & mask }
      slots[i] = old[j]
    }
    old.deallocate()
  }
}
