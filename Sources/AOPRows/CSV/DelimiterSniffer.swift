/// Picks the delimiter of a CSV file from its first lines: the candidate that splits the most lines into
/// the same number of fields wins (a title or preamble line has fewer, so it does not decide).
enum DelimiterSniffer {
  static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]

  static func sniff(_ head: [UInt8], maxLines: Int = 30) -> UInt8 {
    var lines: [ArraySlice<UInt8>] = []
    var start = 0
    var inQuotes = false
    for (i, b) in head.enumerated() {
      if b == UInt8(ascii: "\"") { inQuotes.toggle() }
      if b == 0x0A, !inQuotes {
        lines.append(head[start..<i])
        start = i + 1
        if lines.count == maxLines { break }
      }
    }
    if lines.count < maxLines, start < head.count { lines.append(head[start...]) }

    var best = candidates[0]
    var bestScore = (lines: 0, fields: 0)
    for candidate in candidates {
      let counts = lines.map { count(candidate, in: $0) }.filter { $0 > 0 }
      guard !counts.isEmpty else { continue }
      var frequency: [Int: Int] = [:]
      for c in counts { frequency[c, default: 0] += 1 }
      guard let mode = frequency.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }) else {
        continue
      }
      let score = (lines: mode.value, fields: mode.key)
      if score.lines > bestScore.lines || (score.lines == bestScore.lines && score.fields > bestScore.fields) {
        best = candidate
        bestScore = score
      }
    }
    return best
  }

  private static func count(_ delimiter: UInt8, in line: ArraySlice<UInt8>) -> Int {
    var n = 0
    var inQuotes = false
    for b in line {
      if b == UInt8(ascii: "\"") { inQuotes.toggle() } else if b == delimiter, !inQuotes { n += 1 }
    }
    return n
  }
}
