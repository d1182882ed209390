import AOPPipeline
import ArgumentParser
import Foundation

struct Profiles: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List the import profiles, or show which profile each given file matches and why.",
    discussion: "With files, exits 0 only when every file matches exactly one profile, else 65.")

  @Option(name: .shortAndLong, help: "A config whose `profile_folders` add to the built-in profiles, and whose channels, limits and plan currency apply, as in a review (default: ./aop.toml when there is one).")
  var config: String?

  @Argument(help: "Export files to identify.")
  var files: [String] = []

  func run() throws {
    try runJob {
      let outcome = try ProfilesJob(configPath: config, files: files).run()
      if files.isEmpty {
        for p in outcome.profiles {
          print("\(padded(p.id, 26)) \(padded(p.kind.rawValue, 8)) \(p.name)  (\(p.origin))")
        }
        return .ok
      }
      for f in outcome.files {
        if let error = f.error {
          print(Escaped.forTerminal(error))
          continue
        }
        let verdict = f.matching.count == 1 ? "matches \(f.matching[0])" : f.matching.isEmpty ? "matches no profile" : "matches several profiles: \(f.matching.joined(separator: ", "))"
        print(Escaped.forTerminal("\(f.file): \(verdict)"))
        for v in f.verdicts {
          print(Escaped.forTerminal("  \(v.matches ? "+" : "-") \(v.profileID): \(v.reason)"))
        }
      }
      return outcome.allIdentified ? .ok : .rejectedRows
    }
  }
}

/// `text` followed by spaces up to `width` characters (never cut).
private func padded(_ text: String, _ width: Int) -> String {
  text + String(repeating: " ", count: max(0, width - text.count))
}
