import AOPTestSupport
import Foundation
import Testing

@testable import AOPImport

/// Every built-in profile is regression-tested with awkward real-shaped samples in
/// Tests/Fixtures/profiles/<profile-id>/, each beside its expected normalised output (`<file>.expected`).
/// RECORD_GOLDENS=1 rewrites the expected files and fails, so that a person reads the diff first.
@Suite struct ProfileGoldenTests {
  static let root = repositoryRoot.appendingPathComponent("Tests/Fixtures/profiles")

  static var samples: [String] {
    let folders = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
    return folders.sorted().flatMap { folder in
      ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? [])
        .filter { !$0.hasSuffix(".expected") && !$0.hasPrefix(".") }.sorted().map { "\(folder)/\($0)" }
    }
  }

  @Test(arguments: samples)
  func golden(_ sample: String) throws {
    let url = Self.root.appendingPathComponent(sample)
    let profiles = try ProfileSet.load()
    let rendered = ImportPreview.render(path: url.path, displayPath: sample, profiles: profiles)
    let folder = String(sample.split(separator: "/")[0])
    #expect(
      rendered.contains("# profile: \(folder) "), "\(sample) is not read by the profile its folder names:\n\(rendered)")
    let expected = url.appendingPathExtension("expected")
    if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
      try rendered.write(to: expected, atomically: true, encoding: .utf8)
      Issue.record("recorded \(expected.lastPathComponent): read the diff, then run again without RECORD_GOLDENS")
      return
    }
    let want = try String(contentsOf: expected, encoding: .utf8)
    #expect(rendered == want, "\(sample): output differs from its golden file (RECORD_GOLDENS=1 records it)")
  }

  @Test func everyBuiltInProfileHasASampleAndEveryGoldenItsSample() throws {
    let folders = Set(
      (try FileManager.default.contentsOfDirectory(atPath: Self.root.path)).filter { !$0.hasPrefix(".") })
    let ids = Set(try ProfileSet.load().profiles.map(\.id))
    #expect(ids.subtracting(folders).isEmpty, "profiles without a golden sample: \(ids.subtracting(folders).sorted())")
    #expect(folders.subtracting(ids).isEmpty, "fixture folders naming no profile: \(folders.subtracting(ids).sorted())")
    for folder in folders {
      let names = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent(folder).path)
      for golden in names where golden.hasSuffix(".expected") {
        #expect(names.contains(String(golden.dropLast(".expected".count))), "\(folder)/\(golden) has no sample")
      }
      for sample in names where !sample.hasSuffix(".expected") {
        #expect(names.contains(sample + ".expected"), "\(folder)/\(sample) has no golden file")
      }
    }
  }
}
