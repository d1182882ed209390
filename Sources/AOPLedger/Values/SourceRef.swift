/// Where a value came from: the file (as given, relative to the run's inputs), its 1-based physical line
/// (or sheet row), and the profile that read it.
public struct SourceRef: Hashable, Sendable, Codable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var profile: String

  public init(file: String, line: Int, profile: String) {
    self.file = file
    self.line = line
    self.profile = profile
  }

  /// `FILE:LINE`, the form compilers use, so editors can jump to it.
  public var description: String { "\(file):\(line)" }
}
