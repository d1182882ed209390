import Foundation
import ZIPFoundation

/// Checks a finished .xlsx file before it replaces anything: the zip archive reads, every part inflates
/// with its checksum right, and every XML part is well-formed. A workbook cut short by a full disk or a
/// file-size limit (whose parts libxlsxwriter writes through temporary files without noticing a failed
/// write) fails here instead of replacing the last good one.
public enum WorkbookCheck {
  public struct Failure: Error, Hashable, Sendable {
    /// The part at fault (`xl/worksheets/sheet9.xml`), or empty for the archive itself.
    public var part: String
    public var reason: String
  }

  /// - Throws: `Failure` naming the first part that is not right.
  public static func verify(path: String) throws(Failure) {
    let archive: Archive
    do {
      archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    } catch {
      throw Failure(part: "", reason: "it is not a readable zip archive")
    }
    var parts = 0
    for entry in archive where entry.type == .file {
      parts += 1
      let isXML = entry.path.hasSuffix(".xml") || entry.path.hasSuffix(".rels")
      var xml = WellFormedXML()
      var malformed: WellFormedXML.Malformed?
      do {
        try archive.inflatePart(entry) { chunk in
          guard isXML, malformed == nil else { return }
          do {
            try chunk.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in try xml.feed(raw) }
          } catch let error as WellFormedXML.Malformed {
            malformed = error
          } catch {
            malformed = WellFormedXML.Malformed(reason: "\(error)")
          }
        }
        if isXML, malformed == nil {
          do { try xml.finish() } catch { malformed = error }
        }
      } catch {
        throw Failure(part: entry.path, reason: "it does not inflate (\(error))")
      }
      if let malformed { throw Failure(part: entry.path, reason: "it is not well-formed XML: \(malformed.reason)") }
    }
    guard parts > 0 else { throw Failure(part: "", reason: "the archive is empty") }
    guard archive["[Content_Types].xml"] != nil, archive["xl/workbook.xml"] != nil else {
      throw Failure(part: "", reason: "it lacks the parts every workbook has")
    }
  }
}
