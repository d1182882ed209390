import AOPPlan
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// An output that could not be written (exit 73): which file or folder, and why in plain words. The
/// last good output is always left as it was.
public enum OutputError: SaidInLanguages, Hashable {
  case folderNotMade(folder: String, cause: FileCause)
  /// The folder refuses a new file (the temporary file an output is written to first).
  case notCreatable(folder: String, file: String, cause: FileCause)
  case notWritten(file: String, cause: FileCause)
  case lockFileNotMade(path: String, cause: FileCause)
  /// Another run holds the output folder's lock (exit 75).
  case lockHeld(path: String)
  /// A folder whose making or filling failed (`aop init`'s).
  case inFolder(folder: String, cause: FileCause)

  public func said(in language: Config.Language) -> String {
    let l = language
    switch self {
    case .folderNotMade(let folder, let cause):
      return l.say("\(folder): cannot create the output folder: ", "\(folder): không tạo được thư mục kết quả: ")
        + cause.said(in: l)
    case .notCreatable(let folder, let file, let cause):
      return l.say("\(folder): cannot write \(file) here: ", "\(folder): không ghi được \(file) vào đây: ")
        + cause.said(in: l)
    case .notWritten(let file, let cause):
      return l.say("\(file): not written: ", "\(file): không ghi được: ") + cause.said(in: l)
        + l.say(
          "; the last good one (if any) is left as it was", "; bản hợp lệ gần nhất (nếu có) được giữ nguyên")
    case .lockFileNotMade(let path, let cause):
      return l.say("\(path): cannot create the lock file: ", "\(path): không tạo được tệp khóa: ") + cause.said(in: l)
    case .inFolder(let folder, let cause): return "\(folder): " + cause.said(in: l)
    case .lockHeld(let path):
      return l.say(
        "\(path): another aop run is writing to this output folder; try again when it has finished (or pass --wait-lock SECONDS)",
        "\(path): một lần chạy aop khác đang ghi vào thư mục kết quả này; hãy chạy lại khi nó xong (hoặc thêm --wait-lock SỐ_GIÂY)"
      )
    }
  }
}

/// Why a file or folder could not be written, in plain words: an errno's meaning first, the system's
/// own words after.
public enum FileCause: Hashable, Sendable {
  case system(Int32)
  case fileInTheWay
  /// An output that came out incomplete (a part of the .xlsx does not inflate or is not well-formed).
  case incomplete(part: String, reason: String)
  /// libxlsxwriter's own words.
  case library(String)
  /// What any other error says of itself.
  case described(String)

  /// A file operation's error: its errno where it carries one (as Foundation's file errors do,
  /// underneath a generic "error 512"), else what it says of itself.
  public init(of error: any Error) {
    let ns = error as NSError
    if ns.domain == NSPOSIXErrorDomain {
      self = .system(Int32(ns.code))
      return
    }
    if let underlying = (ns.userInfo[NSUnderlyingErrorKey] as? any Error).map({ $0 as NSError }),
      underlying.domain == NSPOSIXErrorDomain
    {
      self = .system(Int32(underlying.code))
      return
    }
    if ns.domain == NSCocoaErrorDomain {
      switch CocoaError.Code(rawValue: ns.code) {
      case .fileWriteOutOfSpace: self = .system(ENOSPC)
      case .fileWriteNoPermission, .fileReadNoPermission: self = .system(EACCES)
      case .fileWriteVolumeReadOnly: self = .system(EROFS)
      case .fileNoSuchFile, .fileReadNoSuchFile: self = .system(ENOENT)
      case .fileWriteFileExists: self = .fileInTheWay
      default: self = .described(ns.localizedFailureReason ?? ns.localizedDescription)
      }
      return
    }
    self = .described(ns.localizedFailureReason ?? ns.localizedDescription)
  }

  public func said(in language: Config.Language) -> String {
    let l = language
    switch self {
    case .system(let code):
      let system = String(cString: strerror(code))
      switch code {
      case ENOSPC: return l.say("the disk is full", "ổ đĩa đã đầy") + " (\(system))"
      case EFBIG:
        return l.say(
          "a file-size limit was reached (\(system)); see `ulimit -f`",
          "đã chạm giới hạn kích thước tệp (\(system)); xem `ulimit -f`")
      case EDQUOT: return l.say("the disk quota is used up", "đã hết hạn mức dung lượng đĩa") + " (\(system))"
      case EROFS: return l.say("the disk is read-only", "ổ đĩa chỉ cho đọc") + " (\(system))"
      case EACCES, EPERM:
        return l.say("permission denied: the folder cannot be written", "không có quyền ghi vào thư mục")
          + " (\(system))"
      case EIO:
        return l.say("an input/output error: the disk may be failing", "lỗi đọc/ghi: ổ đĩa có thể đang hỏng")
          + " (\(system))"
      case ENOENT: return l.say("the folder does not exist", "thư mục không tồn tại") + " (\(system))"
      default: return system
      }
    case .fileInTheWay: return l.say("a file of that name is in the way", "đã có một tệp trùng tên ở vị trí này")
    case .incomplete(let part, let reason):
      let at = part.isEmpty ? "" : "\(part): "
      return l.say(
        "the file came out incomplete (\(at)\(reason)); the disk may be full or a file-size limit reached",
        "tệp ghi ra không hoàn chỉnh (\(at)\(reason)); có thể ổ đĩa đã đầy hoặc chạm giới hạn kích thước tệp")
    case .library(let message):
      return l.say("libxlsxwriter could not save it: ", "libxlsxwriter không lưu được: ") + message
    case .described(let text): return text
    }
  }
}
