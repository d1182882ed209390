import Foundation

/// What a program run by a test did: its exit status and what it printed.
public struct Run: Sendable {
  public var status: Int32
  public var stdout: String
  public var stderr: String
}

/// Runs a program and collects its output and exit status.
public func run(_ executable: URL, _ arguments: [String], in folder: URL = repositoryRoot) throws -> Run {
  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  process.currentDirectoryURL = folder
  let out = Pipe(), err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  let stdout = out.fileHandleForReading.readDataToEndOfFile()
  let stderr = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return Run(
    status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
    stderr: String(decoding: stderr, as: UTF8.self))
}
