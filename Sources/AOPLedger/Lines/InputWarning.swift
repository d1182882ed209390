/// Something a run found to say about its inputs, short of an error: a warning in the log, the JSON
/// summary and the workbook's sources sheet (where it is said in the workbook's language).
public enum InputWarning: Hashable, Sendable, CustomStringConvertible {
  /// An `inputs` entry of the config that matches no file or folder.
  case patternMatchesNothing(pattern: String, root: String)
  /// An `inputs` entry that names folders with no export file in them.
  case patternHasNoFile(pattern: String)
  /// A link met inside an input folder that leads outside the config's folder: not followed.
  case linkNotFollowed(link: String, target: String)
  /// A folder that cannot be listed.
  case folderUnlistable(folder: String)
  /// A `profile_folders` entry that does not exist.
  case profileFolderMissing(folder: String)
  /// A `profile_folders` entry with files but no profile in it.
  case profileFolderEmpty(folder: String)
  /// Months of the year to date without a single sale or return in any export: their exports are
  /// likely missing, and the year-to-date figures count them as zero.
  case monthsWithoutSales(months: [Month])
  /// A product group the plan measures a KPI or risk on that no sale of the plan year or the baseline
  /// has: most likely misspelt, and its KPI would show no data month after month.
  case productGroupUnknown(group: String, known: [String])

  /// In English, for the log and the JSON summary.
  public var description: String {
    switch self {
    case .patternMatchesNothing(let pattern, let root):
      return "the inputs entry `\(pattern)` matches nothing (relative to \(root)); check its spelling"
    case .patternHasNoFile(let pattern): return "the inputs entry `\(pattern)` has no export file in it"
    case .linkNotFollowed(let link, let target):
      return
        "\(link) is a link to \(target), outside the config's folder: not followed (name it in `inputs` to read it)"
    case .folderUnlistable(let folder): return "\(folder): the folder cannot be listed"
    case .profileFolderMissing(let folder):
      return "the profile folder \(folder) does not exist: its profiles are not used"
    case .profileFolderEmpty(let folder): return "the profile folder \(folder) holds files but no profile (*.toml)"
    case .monthsWithoutSales(let months):
      return
        "no sale at all in \(Self.listed(months)) of the year to date: are those months' exports in the inputs? The figures of the year to date count them as zero"
    case .productGroupUnknown(let group, let known):
      return
        "the plan measures a KPI on the product group `\(group)`, which no sale has "
        + (known.isEmpty
          ? "(no cost source names a group)" : "(the groups are \(known.joined(separator: ", ")))")
        + ": its KPI shows no data"
    }
  }

  /// `2026-01, 2026-02 and 2026-03` (`và` for `and` in Vietnamese).
  public static func listed(_ months: [Month], and: String = "and") -> String {
    let names = months.map(\.description)
    return names.count <= 1
      ? names.joined() : names.dropLast().joined(separator: ", ") + " \(and) " + names[names.count - 1]
  }
}
