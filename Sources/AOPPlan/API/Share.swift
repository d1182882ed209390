import AOPLedger
import Foundation

/// A share or rate written in the plan: `0.45`, or the string `"45%"`. Kept exact as parts per million.
public struct Share: Hashable, Sendable, Decodable, CustomStringConvertible {
  public let partsPerMillion: Int64

  public init(partsPerMillion: Int64) { self.partsPerMillion = partsPerMillion }

  /// The largest share a plan may write (±1,000,000%): beyond it a value is a typo, and it could not be
  /// held exactly.
  static let limit = 10_000.0

  public init(from decoder: Decoder) throws {
    let c = try decoder.singleValueContainer()
    let fraction: Double
    if let text = try? c.decode(String.self) {
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      guard trimmed.hasSuffix("%"), let v = Double(trimmed.dropLast().trimmingCharacters(in: .whitespaces)) else {
        throw DecodingError.dataCorrupted(
          .init(
            codingPath: decoder.codingPath,
            debugDescription: "`\(text)` is not a percentage like \"45%\" or a fraction like 0.45"))
      }
      fraction = v / 100
    } else if let v = try? c.decode(Double.self) {
      fraction = v
    } else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath, debugDescription: "expected a percentage like \"45%\" or a fraction like 0.45"
        ))
    }
    guard fraction.isFinite, abs(fraction) <= Share.limit else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath,
          debugDescription: "\(fraction) is not a plausible share (write 0.45 or \"45%\" for 45%)"))
    }
    partsPerMillion = Int64((fraction * 1_000_000).rounded())
  }

  /// As a ratio, for comparing with actual ratios.
  public var ratio: Ratio { Ratio(partsPerMillion: partsPerMillion) }
  public var value: Double { Double(partsPerMillion) / 1_000_000 }
  public var description: String { "\(Double(partsPerMillion) / 10_000)%" }
}
