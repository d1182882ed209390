import AOPImport
import AOPLedger
import AOPTestSupport
import Foundation

/// Collects what an import delivers.
final class CollectingSink: ImportSink {
  var sales: [SaleLine] = []
  var costs: [CostEntry] = []
  var spend: [SpendLine] = []
  var rejections: [Rejection] = []
  func accept(_ line: SaleLine) { sales.append(line) }
  func accept(_ entry: CostEntry) { costs.append(entry) }
  func accept(_ line: SpendLine) { spend.append(line) }
  func reject(_ rejection: Rejection) { rejections.append(rejection) }
}

let testChannels: Set<String> = ["store", "shopee", "web"]

func makeImporter(_ profiles: ProfileSet? = nil, deduplicator: Deduplicator = Deduplicator()) throws -> FileImporter {
  FileImporter(
    profiles: try profiles ?? ProfileSet.load(),
    settings: ImportSettings(currency: .vnd, channels: testChannels),
    deduplicator: deduplicator)
}
