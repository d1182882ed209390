import Testing

@testable import AOPImport

/// The identity of the test's row `i`.
private func key(_ i: Int) -> IdentityKey {
  var k = IdentityKey(namespace: "test")
  k.mix(Array("row \(i)".utf8)[...])
  return k
}

@Suite struct IdentityTableTests {
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

  /// Keys put in as a batch while the table has room for them, and taken out again, leave the table as it
  /// was: every earlier key keeps its value, none of the batch is found, and the batch goes in again as
  /// new. The batch includes keys that share their home slots (long runs of probing).
  @Test func aBatchTakenOutAgainLeavesTheTableAsItWas() {
    let table = IdentityTable(capacity: 16)
    for i in 0..<5_000 { #expect(table.valueOrInsert(key(i), UInt64(i + 1)) == nil) }
    // 5,000 keys grew it to 8,192 slots: room for 1,144 more.
    let batch = (5_000..<5_600).map(key) + (0..<500).map { IdentityKey(a: 42, b: UInt64($0)) }
    #expect(table.hasRoom(for: batch.count))
    var inserted: [Int] = []
    for (n, k) in batch.enumerated() {
      guard let slot = table.insertNew(k, UInt64(n + 1)) else {
        Issue.record("a new key was found")
        return
      }
      inserted.append(slot)
    }
    #expect(table.insertNew(key(17), 1) == nil)  // there already: nothing stored
    #expect(table.count == 5_000 + batch.count)
    table.remove(inserted)
    #expect(table.count == 5_000)
    var wrong = 0
    for i in 0..<5_000 where table.value(of: key(i)) != UInt64(i + 1) { wrong += 1 }
    for k in batch where table.value(of: k) != nil { wrong += 1 }
    #expect(wrong == 0)
    for (n, k) in batch.enumerated() where table.valueOrInsert(k, UInt64(n + 1)) != nil { wrong += 1 }
    #expect(wrong == 0)
    #expect(table.count == 5_000 + batch.count)
  }

  /// The bytes a key is made of tell its fields and its occurrence number apart, whatever the fields hold
  /// (with a separator byte instead of lengths, the 287th `X` and the first `X␟` made the same bytes).
  @Test func fieldsAndOccurrencesNeverRunTogether() {
    func key(_ fields: [[UInt8]], _ n: Int) -> IdentityKey {
      var k = IdentityKey(namespace: "test")
      for f in fields { k.mix(f[...]) }
      return k.occurrence(n)
    }
    #expect(key([[0x58]], 287) != key([[0x58, 0x1F]], 1))
    #expect(key([[0x41, 0x1F], [0x42]], 1) != key([[0x41], [0x1F, 0x42]], 1))
    #expect(key([[0x41], []], 1) != key([[0x41]], 1))
    #expect(key([[]], 0x80) != key([[0x00]], 1))
    #expect(key([[0x58]], 127) != key([[0x58]], 128))
    #expect(key([[0x58]], 1) == key([[0x58]], 1))
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

@Suite struct ReadAheadIdentityTests {
  /// A file read ahead is taken into the run's identities whole, or — when an earlier file has one of
  /// them — not at all, not even those before that one: read again in its turn, only that row is a
  /// duplicate, and a later file repeating one of its rows is a duplicate of its line.
  @Test func aFileReadAheadIsTakenInWholeOrNotAtAll() {
    let run = Deduplicator()
    let first = Deduplicator.forReadingAhead()
    for i in 0..<100 { #expect(first.firstOccurrence(of: key(i), file: "a.csv", line: i + 2) == nil) }
    #expect(first.count == 100)
    #expect(run.takeInUnlessSeen(first, file: "a.csv"))
    #expect(run.count == 100)

    let second = Deduplicator.forReadingAhead()
    for i in 100..<150 { #expect(second.firstOccurrence(of: key(i), file: "b.csv", line: i) == nil) }
    #expect(second.firstOccurrence(of: key(42), file: "b.csv", line: 999) == nil)  // alone, it is new
    for i in 150..<160 { #expect(second.firstOccurrence(of: key(i), file: "b.csv", line: i) == nil) }
    #expect(!run.takeInUnlessSeen(second, file: "b.csv"))
    #expect(run.count == 100)

    let again = Deduplicator.holdingApart(over: run)
    let duplicate = again.firstOccurrence(of: key(42), file: "b.csv", line: 999)
    #expect(duplicate?.file == "a.csv" && duplicate?.line == 44)
    for i in 100..<160 { #expect(again.firstOccurrence(of: key(i), file: "b.csv", line: i) == nil) }
    run.takeIn(again, file: "b.csv")
    #expect(run.count == 160)

    let third = Deduplicator.forReadingAhead()
    #expect(third.firstOccurrence(of: key(120), file: "c.csv", line: 5) == nil)
    #expect(!run.takeInUnlessSeen(third, file: "c.csv"))
    let seen = Deduplicator.holdingApart(over: run).firstOccurrence(of: key(120), file: "c.csv", line: 5)
    #expect(seen?.file == "b.csv" && seen?.line == 120)
  }

  /// A file with more identities than the run's table has room for is looked up before any goes in:
  /// one that overlaps an earlier file is taken in not at all, one that does not goes in whole.
  @Test func aLargeFileReadAheadIsLookedUpBeforeItGoesIn() {
    let run = Deduplicator()
    let first = Deduplicator.forReadingAhead()
    for i in 0..<10 { #expect(first.firstOccurrence(of: key(i), file: "a.csv", line: i + 2) == nil) }
    #expect(run.takeInUnlessSeen(first, file: "a.csv"))
    let overlapping = Deduplicator.forReadingAhead()
    for i in 5..<60_005 { #expect(overlapping.firstOccurrence(of: key(i), file: "b.csv", line: i) == nil) }
    #expect(!run.takeInUnlessSeen(overlapping, file: "b.csv"))
    #expect(run.count == 10)
    let new = Deduplicator.forReadingAhead()
    for i in 100..<60_100 { #expect(new.firstOccurrence(of: key(i), file: "c.csv", line: i) == nil) }
    #expect(run.takeInUnlessSeen(new, file: "c.csv"))
    #expect(run.count == 60_010)
    let seen = Deduplicator.holdingApart(over: run).firstOccurrence(of: key(150), file: "d.csv", line: 1)
    #expect(seen?.file == "c.csv" && seen?.line == 150)
  }
}
