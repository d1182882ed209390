import AOPLedger
import AOPPipeline
import ArgumentParser
import Foundation

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Dry run: read the config, plan and every export; report per file what would be accepted, rejected and skipped, and how its sales were costed. Writes nothing."
  )

  @OptionGroup var common: CommonOptions

  func run() throws {
    let language = common.language  // read once from the config
    try runJob(in: language) {
      let outcome = try CheckJob(configPath: common.config).run(
        progress: TerminalProgress.make(), logger: common.logger(in: language))
      if common.json, !common.quiet {
        print(CheckSummary(outcome).json(), terminator: "")
      } else if !common.quiet {
        for s in outcome.sources {
          let t = s.tally
          if s.status == .refused {
            // The message names the file already (it is also a log line of its own).
            let message = s.message ?? ""
            print(
              Escaped.forTerminal("REFUSED  " + (message.hasPrefix(s.path + ":") ? message : "\(s.path): \(message)")))
          } else {
            print(
              "\(s.tally.rejected > 0 ? "REJECTS " : "ok      ") \(Escaped.forTerminal(s.path)) [\(s.profile ?? "")] read \(t.read), accepted \(t.accepted), rejected \(t.rejected), duplicate \(t.duplicates), skipped \(t.skipped)"
            )
            if let c = s.costing, c != CostingCounts() {
              print(
                "           costed: \(c.bySKU) lines by SKU, \(c.byName) by name\(c.byLine > 0 ? ", \(c.byLine) by their own unit cost" : ""), \(c.uncosted) not at all"
              )
            }
            for d in s.duplicatesOf { print("           \(Escaped.forTerminal(d.description))") }
            for f in s.flags { print("           implausible, accepted: \(Escaped.forTerminal(f.description))") }
          }
        }
        for r in outcome.rejections.kept {
          print(
            Escaped.forTerminal("  \(r.source.file):\(r.source.line)\(r.column.map { " [\($0)]" } ?? ""): \(r.reason)"))
        }
        if outcome.rejections.notKept > 0 { print("  … and \(outcome.rejections.notKept) more rejected rows") }
      }
      return outcome.status
    }
  }
}
