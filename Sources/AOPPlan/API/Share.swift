import AOPLedger

/// A share or rate written in the plan: `0.45`, or the string `"45%"`. Kept exact as parts per million.
public struct Share: Hashable, Sendable, Decodable, CustomStringConvertible {
  public let partsPerMillion: Int64

  public init(partsPerMillion: Int64) { self.partsPerMillion = partsPerMillion }

  public init(from decoder: Decoder) throws {
    let c = try decoder.singleValueContainer()
    if let text = try? c.decode(String.self) {
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      guard trimmed.hasSuffix("%"), let v = Double(trimmed.dropLast().trimmingCharacters(in: .whitespaces)) else {
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "`\(text)` is not a percentage like \"45%\" or a fraction like 0.45"))
      }
      partsPerMillion = Int64((v * 10_000).rounded())
    } else if let v = try? c.decode(Double.self) {
      partsPerMillion = Int64((v * 1_000_000).rounded())
    } else {
      let i = try c.decode(Int.self)
      partsPerMillion = Int64(i) * 1_000_000
    }
  }

  /// As a ratio, for comparing with actual ratios.
  public var ratio: Ratio { Ratio(partsPerMillion: partsPerMillion) }
  public var value: Double { Double(partsPerMillion) / 1_000_000 }
  public var description: String { "\(Double(partsPerMillion) / 10_000)%" }
}

import Foundation
