import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Finds the export files a run reads: each configured pattern (a folder, or a glob of folders or files,
/// relative to the config's folder) expanded and sorted, folders walked recursively, files sorted by
/// path. Hidden files are left out. The order is fixed, so "first occurrence wins" is reproducible.
public enum InputFiles {
  public struct Found: Sendable, Hashable {
    /// Absolute path.
    public var path: String
    /// Path relative to the config's folder, as reports show it.
    public var shown: String
  }

  public static func find(patterns: [String], root: URL) -> [Found] {
    var seen = Set<String>()
    var result: [Found] = []
    for pattern in patterns {
      let absolute = pattern.hasPrefix("/") ? pattern : root.appendingPathComponent(pattern).path
      for match in expand(absolute) {
        for file in files(under: match) where seen.insert(file).inserted {
          result.append(Found(path: file, shown: relative(file, to: root)))
        }
      }
    }
    return result
  }

  static func expand(_ pattern: String) -> [String] {
    var g = glob_t()
    defer { globfree(&g) }
    guard glob(pattern, 0, nil, &g) == 0 else { return [] }
    return (0..<Int(g.gl_pathc)).compactMap { g.gl_pathv[$0].map { String(cString: $0) } }.sorted()
  }

  static func files(under path: String) -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      // A dangling link is listed all the same, so that it is reported as unreadable, not skipped.
      return (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil ? [path] : []
    }
    guard isDirectory.boolValue else { return [path] }
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return [] }
    return names.filter { !$0.hasPrefix(".") }.sorted().flatMap { files(under: (path as NSString).appendingPathComponent($0)) }
  }

  static func relative(_ path: String, to root: URL) -> String {
    let base = root.standardizedFileURL.path
    let prefix = base.hasSuffix("/") ? base : base + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
  }
}
