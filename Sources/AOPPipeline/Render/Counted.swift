/// `1 file`, `3 files`: a count with its noun, in the plural when it is not one.
public func counted(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
  "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
}
