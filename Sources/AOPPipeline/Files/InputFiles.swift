import AOPLedger
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Finds the export files a run reads: each configured pattern (a folder, or a glob of folders or files,
/// relative to the config's folder) expanded, folders walked recursively, hidden files left out; then
/// all of them in one order, by path (folder by folder, then file name), whatever the order of the
/// patterns. The order is fixed, so "first occurrence wins" is reproducible and means the earliest path.
///
/// Nothing is read twice: a folder or file reached again (a symbolic link loop, a folder listed twice,
/// a link to a file already found) is taken once, by the first of its paths in that order. A link met while
/// walking a folder is followed only when it leads inside the config's folder or the folder the pattern
/// named; a link elsewhere is left out with a warning (a pattern naming a place is followed wherever it
/// leads: the config named it). A pattern that matches nothing is a warning.
public enum InputFiles {
  public struct Found: Sendable, Hashable {
    /// Absolute path.
    public var path: String
    /// Path relative to the config's folder, as reports show it.
    public var shown: String
  }

  /// What a search found, and what it has to say about the patterns.
  public struct Search: Sendable {
    public var files: [Found] = []
    /// A pattern that matched nothing, a link not followed.
    public var warnings: [InputWarning] = []
  }

  public static func find(patterns: [String], root: URL) -> Search {
    var search = Search()
    var visited = Set<FileID>()
    var reached: [(found: Found, id: FileID?)] = []
    let rootReal = realPath(root.path) ?? root.standardizedFileURL.path
    // Every pattern's matches, walked in one order (by path), so the first path to reach a folder is
    // the first in that order whatever the order of the patterns.
    var matches: [(path: String, pattern: Int)] = []
    for (n, pattern) in patterns.enumerated() {
      let absolute = pattern.hasPrefix("/") ? pattern : root.appendingPathComponent(pattern).path
      var expanded = expand(absolute)
      if expanded.isEmpty, let renamed = sameNameOtherwiseNormalised(absolute) { expanded = [renamed] }
      if expanded.isEmpty { search.warnings.append(.patternMatchesNothing(pattern: pattern, root: root.path)) }
      matches += expanded.map { ($0, n) }
    }
    matches.sort { inOrder(relative($0.path, to: root), relative($1.path, to: root)) }
    var found = [Int](repeating: 0, count: patterns.count)
    for match in matches {
      let allowed = [rootReal, realPath(match.path) ?? match.path]
      walk(
        match.path, allowed: allowed, named: true, visited: &visited, root: root, into: &search, reached: &reached,
        found: &found[match.pattern])
    }
    for (n, pattern) in patterns.enumerated() where found[n] == 0 && matches.contains(where: { $0.pattern == n }) {
      search.warnings.append(.patternHasNoFile(pattern: pattern))
    }
    // One order for all: by path; a file reached by two paths is read once, by the first.
    reached.sort { inOrder($0.found.shown, $1.found.shown) }
    var taken = Set<FileID>()
    search.files = reached.filter { $0.id.map { taken.insert($0).inserted } ?? true }.map(\.found)
    return search
  }

  /// The processing order: by path, component by component (a folder's files before the next folder's).
  static func inOrder(_ a: String, _ b: String) -> Bool {
    a.split(separator: "/").lexicographicallyPrecedes(b.split(separator: "/"))
  }

  /// A file or folder by its device and inode: the same one however it is reached.
  private struct FileID: Hashable {
    var device: UInt64
    var inode: UInt64
  }

  private static func walk(
    _ path: String, allowed: [String], named: Bool, visited: inout Set<FileID>, root: URL, into search: inout Search,
    reached: inout [(found: Found, id: FileID?)], found: inout Int
  ) {
    var link = stat()
    let isLink = lstat(path, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK
    var info = stat()
    guard stat(path, &info) == 0 else {
      // A dangling link is listed all the same, so that it is reported as unreadable, not skipped.
      if isLink {
        reached.append((Found(path: path, shown: relative(path, to: root)), nil))
        found += 1
      }
      return
    }
    if isLink, !named, let target = realPath(path),
      !allowed.contains(where: { target == $0 || target.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") })
    {
      search.warnings.append(.linkNotFollowed(link: relative(path, to: root), target: target))
      return
    }
    let id = FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    guard (info.st_mode & S_IFMT) == S_IFDIR else {
      // Every path to a file is kept for now: the first in the final order is the one read.
      reached.append((Found(path: path, shown: relative(path, to: root)), id))
      found += 1
      return
    }
    guard visited.insert(id).inserted else {
      found += 1  // a folder walked already, by an earlier path: the entry is not empty
      return
    }
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
      search.warnings.append(.folderUnlistable(folder: relative(path, to: root)))
      return
    }
    for name in names.filter({ !$0.hasPrefix(".") }).sorted() {
      walk(
        (path as NSString).appendingPathComponent(name), allowed: allowed, named: false, visited: &visited, root: root,
        into: &search,
        reached: &reached, found: &found)
    }
  }

  static func expand(_ pattern: String) -> [String] {
    var g = glob_t()
    defer { globfree(&g) }
    guard glob(pattern, 0, nil, &g) == 0 else { return [] }
    return (0..<Int(g.gl_pathc)).compactMap { g.gl_pathv[$0].map { String(cString: $0) } }.sorted()
  }

  /// The path whose components equal the pattern's after Unicode normalisation (a folder named on a Mac,
  /// decomposed, and typed in the config composed): the same name to a user, so the same folder.
  static func sameNameOtherwiseNormalised(_ pattern: String) -> String? {
    guard !pattern.contains(where: { "*?[".contains($0) }) else { return nil }
    var path = pattern.hasPrefix("/") ? "/" : ""
    for component in pattern.split(separator: "/").map(String.init) {
      let here = path.isEmpty ? "." : path
      let candidate = (path as NSString).appendingPathComponent(component)
      if FileManager.default.fileExists(atPath: candidate) {
        path = candidate
        continue
      }
      let wanted = component.precomposedStringWithCanonicalMapping
      guard let names = try? FileManager.default.contentsOfDirectory(atPath: here),
        let match = names.first(where: { $0.precomposedStringWithCanonicalMapping == wanted })
      else { return nil }
      path = (path as NSString).appendingPathComponent(match)
    }
    return path
  }

  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  static func relative(_ path: String, to root: URL) -> String {
    let base = root.standardizedFileURL.path
    let prefix = base.hasSuffix("/") ? base : base + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
  }
}
