import AOPPipeline
import ArgumentParser
import Foundation
import Logging

/// Log lines on stderr, one per message: `aop: warning: …` (above the status line on a terminal).
/// Results go to stdout, never here.
struct StderrLogHandler: LogHandler {
  var logLevel: Logger.Level
  /// Says the level (`warning:`) in the run's language.
  let text: ConsoleText
  var metadata: Logger.Metadata = [:]

  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  func log(
    level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String,
    function: String, line: UInt
  ) {
    let prefix = level >= .warning ? "\(text.level(level.rawValue)): " : ""
    TerminalStatus.shared.printLine("aop: \(prefix)\(Escaped.forTerminal(message.description))")
  }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
