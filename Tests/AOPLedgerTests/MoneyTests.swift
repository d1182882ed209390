import Testing

@testable import AOPLedger

@Suite struct MoneyTests {
  private func m(_ v: Int64) -> Money { Money(minorUnits: v) }

  @Test func largestRemainderAddsUpAndTiesGoToTheEarlierPart() {
    // 100 over three equal weights: 33.33 each, one unit left → the first.
    #expect(m(100).allocate(weights: [1, 1, 1]) == [m(34), m(33), m(33)])
    // 20000 over 970000 and 300000: 15275.59 and 4724.41 → 15276 and 4724.
    #expect(m(20_000).allocate(weights: [970_000, 300_000]) == [m(15_276), m(4_724)])
    // Remainders 0.5 and 0.5 (after 2 and 2): the tie goes to the earlier weight.
    #expect(m(5).allocate(weights: [1, 1]) == [m(3), m(2)])
    // The largest remainder wins over an earlier smaller one: 10 × [1, 2] / 3 = 3.33, 6.67 → 3, 7.
    #expect(m(10).allocate(weights: [1, 2]) == [m(3), m(7)])
  }

  @Test func allocationEdgeCases() {
    #expect(m(7).allocate(weights: []) == [])
    #expect(m(7).allocate(weights: [0, 0]) == [m(4), m(3)])  // no weight at all: an even split
    #expect(m(7).allocate(weights: [0, 5]) == [m(0), m(7)])
    #expect(m(-10).allocate(weights: [1, 2]) == [m(-3), m(-7)])
    let big = m(9_000_000_000_000_000).allocate(weights: [Int64.max / 2, Int64.max / 2])
    #expect(big.sum() == m(9_000_000_000_000_000))
  }

  @Test func scaledRoundsHalfAwayFromZero() {
    #expect(m(390_000).scaled(by: 1, over: 2) == m(195_000))
    #expect(m(5).scaled(by: 1, over: 2) == m(3))
    #expect(m(-5).scaled(by: 1, over: 2) == m(-3))
    #expect(m(10).scaled(by: 1, over: 3) == m(3))
    #expect(m(3_390_035_231).scaled(by: 1_200_000, over: 1_000_000) == m(4_068_042_277))  // +20%: 4068042277.2
    #expect(m(7).scaled(by: -1, over: 2) == m(-4))
    #expect(m(-7).scaled(by: -1, over: -2) == m(-4))
  }

  @Test func productsAndScalingThatCannotBeRepresentedAreNilNotATrap() {
    // A 128-bit intermediate that divides back into range is exact…
    #expect(m(4_000_000_000_000_000_000).scaled(by: 2_000_000, over: 1_000_000) == m(8_000_000_000_000_000_000))
    // …one that does not is nil, as is a division by zero.
    #expect(m(4_000_000_000_000_000_000).scaled(by: 3, over: 1) == nil)
    #expect(m(Int64.max).scaled(by: Int64.max, over: 1) == nil)
    #expect(m(Int64.min + 1).scaled(by: Int64.max, over: 2) == nil)
    #expect(m(1).scaled(by: 1, over: 0) == nil)
    #expect(m(9_000_000_000_000_000_000).times(checked: 2) == nil)
    #expect(m(-3_000_000_000_000_000_000).times(checked: 3) == m(-9_000_000_000_000_000_000))
    #expect(m(3).times(checked: Int.min) == nil)
    // Weights whose sum is past 64 bits (an order of 20,000 lines of 10^15) are scaled, never a trap.
    #expect(m(1_000).allocate(weights: Array(repeating: Int64.max, count: 3)) == [m(334), m(333), m(333)])
    let lines = m(7).allocate(weights: Array(repeating: 1_000_000_000_000_000, count: 20_000))
    #expect(lines.sum() == m(7) && lines.prefix(7).allSatisfy { $0 == m(1) })
    #expect(m(10).allocate(weights: [Int64.min, Int64.min]) == [m(5), m(5)])
  }

  @Test func ratiosAreNilWithoutADenominator() {
    #expect(Ratio(m(1), over: m(0)) == nil)
    #expect(Ratio(m(35), over: m(100))?.value == 0.35)
  }
}

@Suite struct CalendarTests {
  @Test func ordinalsRoundTripAcrossLeapYears() throws {
    #expect(try #require(Day(year: 1970, month: 1, day: 1)).ordinal == 0)
    #expect(
      try #require(Day(year: 2024, month: 3, day: 1)).ordinal
        - (try #require(Day(year: 2024, month: 2, day: 28))).ordinal == 2)
    #expect(
      try #require(Day(year: 2026, month: 3, day: 1)).ordinal
        - (try #require(Day(year: 2026, month: 2, day: 28))).ordinal == 1)
    for ordinal in stride(from: -1000, to: 30_000, by: 7) {
      let d = Day(ordinal: ordinal)
      #expect(d.ordinal == ordinal)
      #expect(Day(year: d.year, month: d.month, day: d.day) == d)
    }
  }

  @Test func daysThatDoNotExistAreRefused() {
    #expect(Day(year: 2026, month: 2, day: 29) == nil)
    #expect(Day(year: 2024, month: 2, day: 29) != nil)
    #expect(Day(year: 2100, month: 2, day: 29) == nil)
    #expect(Day(year: 2000, month: 2, day: 29) != nil)
    #expect(Day(year: 2026, month: 4, day: 31) == nil)
    #expect(Day(iso: "2026-13-01") == nil)
  }

  @Test func monthsStepAndPrint() throws {
    let jan = try #require(Month(year: 2026, month: 1))
    #expect(jan.previous.description == "2025-12")
    #expect(try #require(Month(text: "2026-12")).next.description == "2027-01")
    #expect(try #require(Month(text: "2024-02")).dayCount == 29)
    #expect(try #require(Month(text: "2026-03")).yearToDate.map(\.description) == ["2026-01", "2026-02", "2026-03"])
    #expect(Month(text: "2026-3") == nil)
    #expect(try #require(Month(text: "2026-02")).lastDay.description == "2026-02-28")
  }
}

@Suite struct RatioComparisonTests {
  func r(_ n: Int64, _ d: Int64) -> Ratio { Ratio(numerator: n, denominator: d)! }

  @Test func comparedExactlyWhateverTheSigns() {
    #expect(r(3_499, 10_000).compared(to: Ratio(partsPerMillion: 350_000)) < 0)
    #expect(r(7, 20).compared(to: Ratio(partsPerMillion: 350_000)) == 0)
    #expect(r(-7, -20).compared(to: r(7, 20)) == 0)
    #expect(r(-1, 3).compared(to: r(1, -4)) < 0)  // −1/3 < −1/4
    #expect(r(1, -4).compared(to: r(-1, 3)) > 0)
    // Beyond 64 bits when cross-multiplied: 10^15 / 3 against (10^15 + 1) / 3.
    #expect(r(1_000_000_000_000_000, 3).compared(to: r(1_000_000_000_000_001, 3)) < 0)
  }

  @Test func aPercentShowsTheDecimalsThatTellItFromItsBounds() {
    let floor = Ratio(partsPerMillion: 350_000)
    #expect(r(3_537, 10_000).percentDecimals(distinctFrom: [floor]) == 1)  // 35.4%
    #expect(r(3_499, 10_000).percentDecimals(distinctFrom: [floor]) == 2)  // 34.99%, not 35.0%
    #expect(r(349_996, 1_000_000).percentDecimals(distinctFrom: [floor]) == 4)  // 34.9996%
    #expect(r(7, 20).percentDecimals(distinctFrom: [floor]) == 1)  // exactly at the bound: 35.0%
    #expect(r(116_040_000, 116_000_000).percentDecimals(distinctFrom: [Ratio(partsPerMillion: 1_000_000)]) == 2)
  }
}
