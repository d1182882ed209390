import AOPPipeline
import AOPPlan
import ArgumentParser
import Foundation

struct Profiles: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "List the import profiles, show which profile each given file matches and why, show a profile's TOML, or draft a profile for a new export.",
    discussion:
      "`aop profiles FILE…` is `aop profiles list FILE…`. Without --config, ./aop.toml is read when there is one, as the other commands do.",
    subcommands: [ProfilesList.self, ProfilesShow.self, ProfilesDraft.self],
    defaultSubcommand: ProfilesList.self)
}

/// The config option the profile commands share.
struct ProfilesConfigOption: ParsableArguments {
  @Option(
    name: .shortAndLong,
    help:
      "A config whose `profile_folders` add to the built-in profiles, and whose channels, limits and plan currency apply, as in a review (default: ./aop.toml when there is one)."
  )
  var config: String?

  /// The language of the messages: the config's (its listings and verdicts stay in English, as the
  /// profiles' own keys are).
  var language: Config.Language { Config.language(ofFile: config ?? "aop.toml") }
}

struct ProfilesList: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List the import profiles, or show which profile each given file matches and why.",
    discussion: "With files, exits 0 only when every file matches exactly one profile, else 65.")

  @OptionGroup var options: ProfilesConfigOption

  @Argument(help: "Export files to identify.")
  var files: [String] = []

  func run() throws {
    try runJob(in: options.language) {
      let outcome = try ProfilesJob(configPath: options.config, files: files).run()
      let text = ConsoleText(language: options.language)
      for warning in outcome.warnings { printError("\(text.level("warning")): \(text.warning(warning))") }
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
        let verdict =
          f.matching.count == 1
          ? "matches \(f.matching[0])"
          : f.matching.isEmpty
            ? "matches no profile" : "matches several profiles: \(f.matching.joined(separator: ", "))"
        print(Escaped.forTerminal("\(f.file): \(verdict)"))
        for v in f.verdicts {
          print(Escaped.forTerminal("  \(v.matches ? "+" : "-") \(v.profileID): \(v.reason)"))
        }
        if f.matching.isEmpty {
          print(
            Escaped.forTerminal(
              "  a profile to start from: `aop profiles draft \(f.file)` (or `aop profiles show ID` of one that is close); docs/profiles.md"
            ))
        }
      }
      return outcome.allIdentified ? .ok : .rejectedRows
    }
  }
}

struct ProfilesShow: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Print a profile's TOML (built-in or the shop's own), to copy and adapt.")

  @OptionGroup var options: ProfilesConfigOption

  @Argument(help: "The profile's id (see `aop profiles`).")
  var id: String

  func run() throws {
    try runJob(in: options.language) {
      print(try ProfilesJob(configPath: options.config, files: []).text(ofProfile: id), terminator: "")
      return .ok
    }
  }
}

struct ProfilesDraft: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "draft",
    abstract:
      "Print a draft profile for an export no profile reads, made from its header row: the columns the built-in profiles know mapped, the rest left as commented choices."
  )

  @Argument(help: "The export file.")
  var file: String

  func run() throws {
    try runJob(in: Config.language(ofFile: "aop.toml")) {
      print(try ProfilesJob(configPath: nil, files: []).draft(file: file), terminator: "")
      return .ok
    }
  }
}

/// `text` followed by spaces up to `width` characters (never cut).
private func padded(_ text: String, _ width: Int) -> String {
  text + String(repeating: " ", count: max(0, width - text.count))
}
