// aop-fuzz: mutation fuzzing of the input readers, as a corpus-replay harness (libFuzzer is not wired
// into SwiftPM here). Seeds are real-shaped exports; each execution mutates one (flip, insert a byte that
// matters to CSV or XML, delete, duplicate, splice, truncate) and runs it through the reader and the
// profile mapping. Anything but a clean result or a clean refusal is a crash: the input that caused it
// is written to fuzz-crashes/ by a signal handler, to become a regression test.
//
// Usage: aop-fuzz csv|xml|xlsx SECONDS SEED_FILE...
import AOPImport
import AOPLedger
import AOPRows
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A small, fast, seeded PRNG (splitmix64): the same seed gives the same run.
struct Random {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
}

/// Bytes that steer CSV and XML parsers into their corners.
let interesting: [[UInt8]] = [
  [0x22], [0x2C], [0x3B], [0x09], [0x0A], [0x0D, 0x0A], [0x0D], [0x00], [0xFF], [0xC3], [0xEF, 0xBB, 0xBF],
  [0xFF, 0xFE],
  Array("\"\"".utf8), Array("<".utf8), Array(">".utf8), Array("&amp;".utf8), Array("<!DOCTYPE x>".utf8),
  Array("_x0041_".utf8),
  Array("<row r=\"999999999\">".utf8), Array("<c r=\"XFE1\" t=\"s\"><v>99999</v></c>".utf8), Array("1.234.567".utf8),
  Array("-".utf8),
  Array("31/02/2026".utf8), Array("Total:".utf8), Array("99999999999999999999".utf8),
  // Numeric extremes: the edges of 64 bits, exponents, a quantity past the limit, accounting negatives.
  Array("9223372036854775807".utf8), Array("-9223372036854775808".utf8), Array("9.2233720368547758E+18".utf8),
  Array("1E+300".utf8),
  Array("1e-300".utf8), Array("4000000000".utf8), Array("1000000000000001".utf8), Array("(1.234.567)".utf8),
  Array("-0".utf8),
  // Control characters, raw and as XML writes them.
  [0x01], [0x1F], [0x7F], Array("_x0001_".utf8), Array("_x001F_".utf8), Array("&#1;".utf8), Array("&#x1F;".utf8),
  Array("\u{202E}".utf8),
  // Shared-string indexes and cell references out of range or repeated.
  Array("<c r=\"A2\" t=\"s\"><v>-1</v></c>".utf8), Array("<c t=\"s\"><v>4294967296</v></c>".utf8),
  Array("<c r=\"A1\"><v>1</v></c><c r=\"A1\"><v>2</v></c>".utf8),
  Array("<row r=\"1048577\">".utf8), Array("<c r=\"zz9\">".utf8), Array("<si><t>x</t></si>".utf8),
]

func mutate(_ input: [UInt8], seeds: [[UInt8]], random: inout Random) -> [UInt8] {
  var data = input
  for _ in 0...random.below(4) {
    switch random.below(7) {
    case 0 where !data.isEmpty: data[random.below(data.count)] ^= UInt8(1 << random.below(8))
    case 1: data.insert(contentsOf: interesting[random.below(interesting.count)], at: random.below(data.count + 1))
    case 2 where !data.isEmpty:
      let start = random.below(data.count)
      data.removeSubrange(start..<min(data.count, start + 1 + random.below(64)))
    case 3 where !data.isEmpty:
      let start = random.below(data.count)
      let piece = Array(data[start..<min(data.count, start + 1 + random.below(256))])
      data.insert(contentsOf: piece, at: random.below(data.count + 1))
    case 4:
      let other = seeds[random.below(seeds.count)]
      if !other.isEmpty {
        let start = random.below(other.count)
        data.insert(
          contentsOf: other[start..<min(other.count, start + 1 + random.below(512))], at: random.below(data.count + 1))
      }
    case 5 where !data.isEmpty: data.removeLast(random.below(data.count))
    default: if !data.isEmpty { data[random.below(data.count)] = UInt8(truncatingIfNeeded: random.next()) }
    }
  }
  return data
}

// The input of the execution in progress, kept where a signal handler can write it out.
nonisolated(unsafe) var current = UnsafeMutableRawPointer.allocate(byteCount: 1 << 22, alignment: 8)
nonisolated(unsafe) var currentCount = 0
nonisolated(unsafe) var crashPath: [CChar] = Array("fuzz-crashes/crash.bin".utf8CString)

func installCrashHandler() {
  for sig in [SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE] {
    signal(sig) { number in
      crashPath.withUnsafeBufferPointer { path in
        guard let name = path.baseAddress else { return }
        let fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd >= 0 {
          _ = write(fd, current, currentCount)
          close(fd)
        }
      }
      let message = "aop-fuzz: crashed (signal \(number)); input saved to fuzz-crashes/crash.bin\n"
      _ = message.withCString { write(2, $0, strlen($0)) }
      _exit(70)
    }
  }
}

/// Takes what an import delivers and checks the promises the rest of the tool relies on: no text with a
/// control character XML cannot hold, every amount and quantity within its limit.
final class CheckingSink: ImportSink {
  var lines = 0
  func clean(_ text: String) {
    precondition(
      !text.unicodeScalars.contains { $0.isForbiddenInXML || $0.value == 0x7F }, "a control character reached a line")
  }
  func small(_ amount: Money) {
    precondition(amount.minorUnits.magnitude <= 2 * Money.valueLimit.magnitude, "an amount past its limit")
  }
  func accept(_ line: SaleLine) {
    lines += 1
    [line.sku, line.productName, line.orderID].forEach(clean)
    small(line.netRevenue)
    precondition(line.quantity.magnitude <= SaleLine.quantityLimit.magnitude, "a quantity past its limit")
  }
  func accept(_ entry: CostEntry) {
    lines += 1
    [entry.sku, entry.productName ?? "", entry.productGroup ?? ""].forEach(clean)
    small(entry.unitCost)
  }
  func accept(_ line: SpendLine) {
    lines += 1
    [line.label, line.category ?? ""].forEach(clean)
    small(line.amount)
  }
  func reject(_ rejection: Rejection) { lines += 1 }
}

let arguments = CommandLine.arguments
guard arguments.count >= 4, let seconds = Double(arguments[2]) else {
  FileHandle.standardError.write(Data("usage: aop-fuzz csv|xml|xlsx SECONDS SEED_FILE...\n".utf8))
  exit(64)
}
let mode = arguments[1]
let seeds = arguments.dropFirst(3).compactMap { FileManager.default.contents(atPath: $0).map { [UInt8]($0) } }.filter {
  $0.count < 1 << 21
}
guard !seeds.isEmpty else {
  FileHandle.standardError.write(Data("aop-fuzz: no readable seed files\n".utf8))
  exit(66)
}
try? FileManager.default.createDirectory(atPath: "fuzz-crashes", withIntermediateDirectories: true)
installCrashHandler()

let scratch =
  (FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory())
  + "/aop-fuzz-\(getpid()).\(mode == "xlsx" ? "xlsx" : "csv")"
let profiles = (try? ProfileSet.load()) ?? ProfileSet([])
var settings = ImportSettings(
  currency: .vnd, channels: ["store", "shopee", "web", "tiktok", "lazada"], legacyEncoding: .windows1258)
settings.reviewYears = 2025...2026
var random = Random(state: 0xA0_2026)
let started = Date()
var executions = 0
var accepted = 0
while Date().timeIntervalSince(started) < seconds {
  for _ in 0..<200 {
    let input = mutate(seeds[random.below(seeds.count)], seeds: seeds, random: &random)
    currentCount = min(input.count, 1 << 22)
    input.withUnsafeBytes { bytes in
      if let base = bytes.baseAddress, currentCount > 0 { current.copyMemory(from: base, byteCount: currentCount) }
    }
    switch mode {
    case "xml":
      // The sheet scanner alone, on XML bytes: every byte mutation reaches the parser; read with plain tags
      // in one pass, fed in chunks of a random size, and whole with every tag read the general way, to the
      // same rows and the same verdict.
      let chunk = 1 + random.below(512)
      func read(onePass: Bool) -> [String] {
        var events: [String] = []
        do {
          try XLSXReader.readSheetXML(input, onePassTags: onePass, chunkSize: onePass ? chunk : .max) { event in
            switch event {
            case .record(let r): events.append("\(r.line) \(r.fields) \((0..<r.count).map { r.kind($0) })")
            case .malformed(let m): events.append("\(m.line) \(m.reason) \(m.rawText)")
            }
          }
        } catch {
          events.append("refused: \(error)")
        }
        return events
      }
      let events = read(onePass: true)
      precondition(
        events == read(onePass: false),
        "tags read in one pass, in chunks of \(chunk), read otherwise than the general way")
      if events.last?.hasPrefix("refused: ") != true { accepted += 1 }
    default:
      FileManager.default.createFile(atPath: scratch, contents: Data(input))
      let sink = CheckingSink()
      // A run of its own each time: its de-duplication and its totals start from nothing.
      let file: SourceFile
      do {
        file = try FileImporter(profiles: profiles, settings: settings).importFile(
          at: scratch, displayPath: "fuzz", into: sink)
      } catch {
        preconditionFailure("a small file is held apart, never read twice: \(error)")
      }
      if file.status == .read { accepted += 1 }
      precondition(file.status == .refused || file.tally.balances, "a file's rows do not add up")
      precondition(file.status == .read || sink.lines == 0, "a refused file delivered rows")
    }
    executions += 1
  }
}
let elapsed = Date().timeIntervalSince(started)
print(
  "aop-fuzz \(mode): \(executions) executions in \(String(format: "%.1f", elapsed)) s (\(Int(Double(executions) / elapsed)) exec/s), \(accepted) inputs read by a profile, no crash"
)
try? FileManager.default.removeItem(atPath: scratch)
