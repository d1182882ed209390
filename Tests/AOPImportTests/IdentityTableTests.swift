import Testing

@testable import AOPImport

@Suite struct IdentityTableTests {
  private func key(_ i: Int) -> IdentityKey {
    var k = IdentityKey(namespace: "test")
    k.mix(Array("row \(i)".utf8)[...])
    return k
  }

  /// Far past its first capacity (so it grows many times), every key keeps its first value and a
  /// key never stored is never found.
  @Test func keepsEachKeysFirstValueThroughGrowth() {
    let table = IdentityTable(capacity: 16)
    for i in 0..<200_000 { #expect(table.valueOrInsert(key(i), UInt64(i + 1)) == nil) }
    #expect(table.count == 200_000)
    var wrong = 0
    for i in 0..<200_000 where table.valueOrInsert(key(i), 999_999_999) != UInt64(i + 1) { wrong += 1 }
    #expect(wrong == 0)
    #expect(table.count == 200_000)
    #expect(table.valueOrInsert(key(200_000), 7) == nil)
  }

  /// Keys that differ in one half only, or share the slot they hash to, stay apart.
  @Test func keysAlikeInOneHalfStayApart() {
    let table = IdentityTable(capacity: 16)
    for i in 0..<1_000 {
      #expect(table.valueOrInsert(IdentityKey(a: 42, b: UInt64(i)), UInt64(i + 1)) == nil)
      #expect(table.valueOrInsert(IdentityKey(a: UInt64(i) << 40, b: 42), UInt64(i + 10_000)) == nil)
    }
    #expect(table.count == 2_000)
    for i in 0..<1_000 {
      #expect(table.valueOrInsert(IdentityKey(a: 42, b: UInt64(i)), 1) == UInt64(i + 1))
      #expect(table.valueOrInsert(IdentityKey(a: UInt64(i) << 40, b: 42), 1) == UInt64(i + 10_000))
    }
  }

  @Test func countsOccurrences() {
    let table = IdentityTable()
    #expect(table.increment(key(1)) == 1)
    #expect(table.increment(key(2)) == 1)
    #expect(table.increment(key(1)) == 2)
    #expect(table.increment(key(1)) == 3)
    #expect(table.count == 2)
  }
}
