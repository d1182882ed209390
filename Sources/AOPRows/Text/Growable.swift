/// A buffer of trivial values that only grows, emptied by setting `count` to 0 (no generic
/// `removeAll` per use, no uniqueness check): the storage of the readers' hot loops (libcsv's fields, a
/// sheet cell's text). Its owner frees it.
struct Growable<Element: BitwiseCopyable> {
  private var base: UnsafeMutablePointer<Element>
  var count = 0
  private var capacity: Int

  init(capacity: Int) {
    self.capacity = capacity
    base = .allocate(capacity: capacity)
  }

  mutating func append(_ value: Element) {
    if count == capacity { grow(to: count + 1) }
    base[count] = value
    count += 1
  }

  mutating func append(_ values: UnsafePointer<Element>, count n: Int) {
    if count + n > capacity { grow(to: count + n) }
    (base + count).update(from: values, count: n)
    count += n
  }

  private mutating func grow(to needed: Int) {
    var size = capacity * 2
    while size < needed { size *= 2 }
    let bigger = UnsafeMutablePointer<Element>.allocate(capacity: size)
    bigger.update(from: base, count: count)
    base.deallocate()
    base = bigger
    capacity = size
  }

  mutating func append(contentsOf values: Slice<UnsafeBufferPointer<Element>>) {
    guard let start = values.base.baseAddress, !values.isEmpty else { return }
    append(start + values.startIndex, count: values.count)
  }

  var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

  func free() { base.deallocate() }
}
