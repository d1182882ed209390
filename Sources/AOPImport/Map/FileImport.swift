import AOPLedger
import AOPRows

/// The state of importing one file: buffering its first records until a profile is identified, then
/// mapping every row and keeping the file's tally.
final class FileImport {
  let importer: FileImporter
  /// The profiles this attempt may identify the file with.
  let profiles: ProfileSet
  let displayPath: String
  let fileName: String
  let sink: ImportSink

  private var buffered: [RowEvent] = []
  private var recordsSeen = 0
  private var profile: Profile?
  private var columns: ColumnMap?
  private var headerRecord = 0
  private var channel = ""
  /// The last row's channel text and the channel it gave (`rowChannel`).
  private var lastChannel: (text: String, channel: String)?
  private var tally = FileTally()
  private var revenue = Money.zero
  private var spend = Money.zero
  private var expenses = Money.zero
  private var purchases = Money.zero
  /// How many times each identity has occurred in this file so far.
  private let occurrences = IdentityTable()
  private let textMemo = TextMemo()
  private let fieldSpans = FieldSpans()
  /// The identity key of the profile's namespace, before any field is mixed in.
  private var identityBase: IdentityKey?
  /// Rows accepted with a warning, per reason, in the order first met.
  private var flags: [RowFlag] = []
  private var duplicatesOf: [String: DuplicateSummary] = [:]
  private var order = OpenOrder()
  /// Status texts met and whether each is cancelled or returned (`statusKind`).
  private var statusKinds: [String: (cancelled: Bool, returned: Bool)] = [:]
  private var lastStatus: (text: String, cancelled: Bool, returned: Bool)?

  /// For the first half of a file read in two halves (`SplitReading`): where it may stop, and the second
  /// half (offered to the other cores as the file was claimed), readied once the file is identified.
  var split: SplitReading?
  /// For the second half: true until its first record, the one where the first half stops.
  private var beforeSecondHalf = false
  /// The first order met past the split point (see `beginsSecondHalf`).
  private var orderAtSplit: String?
  /// The line of the record where the second half begins: for the first half, where it stopped; for the
  /// second, where it began (the halves are joined only if they agree).
  private(set) var secondHalfLine: Int?
  /// For the second half (and only there not `nil`): each row identity's fields, in order, numbered only
  /// when the halves are joined — the file's count of them so far is the first half's (`absorb`).
  private var unnumbered: [(base: IdentityKey, line: Int)]?

  init(importer: FileImporter, profiles: ProfileSet, displayPath: String, fileName: String, sink: ImportSink) {
    self.importer = importer
    self.profiles = profiles
    self.displayPath = displayPath
    self.fileName = fileName
    self.sink = sink
  }

  /// The second half of the file `first` is reading, to be read on another core into `sink`: the file
  /// identified as `first` identified it, with `importer`'s own totals. Made on `first`'s thread. (The
  /// header is before the split point: the first half reads the file whole otherwise.)
  init(secondHalfOf first: FileImport, importer: FileImporter, sink: ImportSink) {
    self.importer = importer
    profiles = first.profiles
    displayPath = first.displayPath
    fileName = first.fileName
    self.sink = sink
    profile = first.profile
    columns = first.columns
    headerRecord = -1  // every record of it is past the header
    channel = first.channel
    identityBase = first.identityBase
    beforeSecondHalf = true
    unnumbered = []
  }

  var result: SourceFile {
    var file = SourceFile(
      path: displayPath, profile: profile?.id, kind: profile?.kind.rawValue, status: .read,
      note: profile?.ignoredReason.map { .notUsed(reason: $0, vietnamese: profile?.ignoredReasonVietnamese) },
      tally: tally, revenue: revenue, spend: spend)
    file.duplicatesOf = duplicatesOf.values.sorted { $0.file < $1.file }
    file.flags = flags
    file.expenses = expenses
    file.purchases = purchases
    return file
  }

  func refused(_ error: ImportError) -> SourceFile {
    SourceFile(
      path: displayPath, profile: profile?.id, kind: profile?.kind.rawValue, status: .refused,
      note: .refused(error.refusal), tally: FileTally())
  }

  // MARK: Reading

  func handle(_ event: RowEvent) throws {
    guard profile != nil else {
      buffered.append(event)
      if case .record = event { recordsSeen += 1 }
      if recordsSeen >= profiles.recordsNeededToIdentify { try identifyAndReplay() }
      return
    }
    try process(event)
  }

  func finish() throws {
    if profile == nil { try identifyAndReplay() }
    flushOrder()
  }

  private func identifyAndReplay() throws {
    let records = buffered.compactMap { event -> RawRecord? in
      if case .record(let r) = event { return r } else { return nil }
    }
    let identification = profiles.identify(records: records, fileName: fileName)
    guard let found = identification.profile, let map = identification.columns else {
      let matching = identification.matching
      if matching.count > 1 { throw ImportError.ambiguousProfile(file: displayPath, candidates: matching) }
      throw ImportError.noProfile(file: displayPath, headersFound: identification.firstRecordHeaders)
    }
    if found.kind == .sales || found.kind == .spend {
      let id = importer.settings.channelOverrides[found.id] ?? found.channel ?? ""
      for needed in [id] + found.channelValues.values.sorted() where !importer.settings.channels.contains(needed) {
        throw ImportError.unknownChannel(file: displayPath, profile: found.id, channel: needed)
      }
      channel = id
    }
    profile = found
    columns = map
    identityBase = found.identityFields.isEmpty ? nil : IdentityKey(namespace: found.identityNamespace)
    headerRecord = identification.headerRecord
    recordsSeen = 0
    if found.kind == .sales {
      split?.prepare(continuing: self)
    } else {
      split?.withdraw()
      split = nil
    }
    let replay = buffered
    buffered = []
    for event in replay { try process(event) }
  }

  private func process(_ event: RowEvent) throws {
    if beforeSecondHalf {
      guard beginsSecondHalf(event) else { return }  // the first half's
      beforeSecondHalf = false
      secondHalfLine = Self.line(of: event)
    } else if let split, let reached = split.point?.reached, Self.line(of: event) >= reached.line {
      // An event of a line past the split point (one replayed after the file's identification may be
      // of a line before it).
      if !reached.betweenRecords || recordsSeen <= headerRecord {
        // Its lines would not be read alike from there, or the header is still to come: read on alone.
        split.withdraw()
        self.split = nil
      } else if beginsSecondHalf(event) {
        self.split = nil
        if split.stopsFirstHalf() {
          secondHalfLine = Self.line(of: event)
          split.point?.firstPartEnded = true
          throw ReachedSecondHalf()
        }
      }
    }
    tally.read += 1
    switch event {
    case .malformed(let m):
      reject(line: m.line, column: nil, reason: m.reason, raw: m.rawText)
    case .record(let record):
      defer { recordsSeen += 1 }
      if recordsSeen <= headerRecord {
        tally.skipped += 1  // preamble lines and the header itself
        return
      }
      map(record)
    }
  }

  /// The line an event's record starts on.
  private static func line(of event: RowEvent) -> Int {
    switch event {
    case .record(let r): return r.line
    case .malformed(let m): return m.line
    }
  }

  // MARK: Mapping rows

  /// Why a record is not a row to map, told from its cells before its fields are placed: the profile's
  /// file is recognised and ignored, or it is a report's total or note row (skipped), or it does not
  /// have the header's width (rejected). Found without changing anything.
  private enum NotARow {
    case skipped
    case ragged(RejectReason)
  }

  @inline(__always) private func notARow(_ record: RawRecord, _ profile: Profile, _ columns: ColumnMap) -> NotARow? {
    if profile.kind == .ignored { return .skipped }
    if !profile.skipRowsStartingWith.isEmpty,
      let first = (0..<record.count).lazy.map({ trimmed(record.bytes($0)) }).first(where: { !$0.isEmpty })
    {
      let text = String(decoding: first, as: UTF8.self)
      if profile.skipRowsStartingWith.contains(where: { text.hasPrefix($0) }) { return .skipped }
    }
    let width = columns.headers.count
    let short = record.count < width && !record.isPositional
    let long = record.count > width && (width..<record.count).contains { !record.bytes($0).isEmpty }
    return short || long ? .ragged(.ragged(fields: record.count, headerFields: width)) : nil
  }

  private func map(_ record: RawRecord) {
    guard let profile, let columns else { return }
    switch notARow(record, profile, columns) {
    case .skipped?:
      tally.skipped += 1
      return
    case .ragged(let reason)?:
      reject(record, column: nil, reason: reason)
      return
    case nil: break
    }
    // (Made here, in place: made by a function and returned, they were copied and destroyed once more.)
    var fields = RowFields(record: record, columns: columns, profile: profile, currency: importer.settings.currency)
    fields.memo = textMemo
    fields.spans = fieldSpans.forNewRow()
    if fields.hasSkipMarker {
      tally.skipped += 1
      return
    }
    do {
      switch profile.kind {
      case .sales: try mapSale(&fields)
      case .costs: try mapCost(fields)
      case .spend: try mapSpend(fields)
      case .ignored: break  // skipped by `notARow`
      }
    } catch {
      reject(record, column: error.column, reason: error.reason)
    }
  }

  /// True for the record where a file's second half begins: past the split point, the first sale row
  /// whose order is another than the first order met there. Both halves read the same records from
  /// the split point, and tell it from them alone, so both find the same one; an order is never cut.
  private func beginsSecondHalf(_ event: RowEvent) -> Bool {
    guard case .record(let record) = event, let profile, let columns, profile.kind == .sales,
      notARow(record, profile, columns) == nil
    else { return false }
    var fields = RowFields(record: record, columns: columns, profile: profile, currency: importer.settings.currency)
    fields.memo = textMemo
    fields.spans = fieldSpans.forNewRow()
    guard !fields.hasSkipMarker, let id = try? fields.requiredText(.orderID) else { return false }
    guard let first = orderAtSplit else {
      orderAtSplit = id
      return false
    }
    return id != first
  }

  /// Takes in the account of the file's second half, read on another core to the file's end from where
  /// this one stopped (`SplitReading`): its rows' identities numbered after this half's, as one reading
  /// would have numbered them. What it delivered is its own recording, played after this half's.
  func absorb(_ second: FileImport) {
    tally += second.tally
    revenue += second.revenue
    spend += second.spend
    expenses += second.expenses
    purchases += second.purchases
    for flag in second.flags {
      if let i = flags.firstIndex(where: { $0.kind == flag.kind }) {
        flags[i].count += flag.count
      } else {
        flags.append(flag)
      }
    }
    // (A second half reads ahead: no earlier file is asked, so none of its rows is a duplicate.)
    assert(second.duplicatesOf.isEmpty && second.tally.duplicates == 0)
    for (base, line) in second.unnumbered ?? [] {
      let n = Int(occurrences.increment(base))
      _ = importer.deduplicator.firstOccurrence(of: base.occurrence(n), file: displayPath, line: line)
    }
  }

  /// Registers the row's identity; returns false (and counts a duplicate) when it was seen before.
  private func isFirstOccurrence(_ fields: RowFields) -> Bool {
    guard let profile, var base = identityBase else { return true }
    for f in profile.identityFields { base.mix(fields.bytes(f)) }
    if unnumbered != nil {
      // A second half reads ahead: no earlier file is asked, so no row of it is a duplicate here.
      unnumbered?.append((base, fields.record.line))
      return true
    }
    let n = Int(occurrences.increment(base))
    if let first = importer.deduplicator.firstOccurrence(
      of: base.occurrence(n), file: displayPath, line: fields.record.line)
    {
      tally.duplicates += 1
      duplicatesOf[
        first.file,
        default: DuplicateSummary(file: first.file, count: 0, exampleLine: fields.record.line, originalLine: first.line)
      ].count += 1
      return false
    }
    return true
  }

  private func mapCost(_ fields: RowFields) throws(RowFields.Failure) {
    guard let profile else { return }
    if fields.has(.status), RowFields.status(try fields.text(.status), matchesAnyOf: profile.cancelledStatuses) {
      tally.skipped += 1
      return
    }
    let sku = try fields.requiredText(.sku)
    guard let cost = try fields.money(.unitCost) else {
      tally.skipped += 1  // a product without a stated cost states nothing about cost
      return
    }
    guard cost >= .zero else {
      throw RowFields.Failure(
        column: fields.columns.header(of: .unitCost), reason: .negativeUnitCost)
    }
    let group = fields.has(.productGroup) ? try fields.text(.productGroup) : ""
    let entry = CostEntry(
      sku: sku, unitCost: cost, effectiveFrom: try fields.day(.date),
      productName: fields.has(.productName) ? try fields.text(.productName) : nil,
      productGroup: group.isEmpty ? nil : Self.topLevel(of: group),
      purchaseAmount: try fields.money(.amount),
      source: source(fields.record.line))
    if let refused = importer.magnitudes.admit(entry.purchaseAmount, unitCost: cost) {
      throw RowFields.Failure(column: fields.columns.header(of: .unitCost), reason: refused)
    }
    guard isFirstOccurrence(fields) else {
      // Counted as a duplicate, and still said again: the latest list's cost is the one that applies.
      var again = entry
      again.purchaseAmount = nil
      again.isRepeat = true
      sink.accept(again)
      return
    }
    sink.accept(entry)
    if let amount = entry.purchaseAmount { purchases += amount }
    tally.accepted += 1
  }

  /// The first level of a category path such as `Sữa>>Sữa bột`.
  static func topLevel(of group: String) -> String {
    (group.components(separatedBy: ">>").first ?? group).trimmingCharacters(in: .whitespaces)
  }

  private func mapSpend(_ fields: RowFields) throws(RowFields.Failure) {
    guard let profile else { return }
    if fields.has(.status), RowFields.status(try fields.text(.status), matchesAnyOf: profile.cancelledStatuses) {
      tally.skipped += 1
      return
    }
    let first: Day
    let last: Day
    if fields.has(.startDate) {
      first = try fields.requiredDay(.startDate)
      last = try fields.requiredDay(.endDate)
      guard first <= last else {
        throw RowFields.Failure(
          column: fields.columns.header(of: .endDate), reason: .endsBeforeStart(start: first, end: last))
      }
    } else {
      first = try fields.requiredDay(.date)
      last = first
    }
    var amount = try fields.requiredMoney(.amount)
    var label = fields.has(.label) ? try fields.text(.label) : ""
    var category: String?
    var isMarketing = true
    if fields.has(.category) {
      // An expense list: every payment counts towards its budget category, only the marketing
      // categories towards marketing spend. A cash book writes payments negative, receipts positive.
      if profile.paymentsNegative {
        guard amount < .zero else {
          tally.skipped += 1  // a receipt, not an expense
          return
        }
        amount = -amount
      }
      let text = HeaderName.normalize(try fields.text(.category))
      category = text
      isMarketing = RowFields.status(
        text, matchesAnyOf: profile.marketingCategories + importer.settings.marketingCategories)
      if label.isEmpty { label = text }
    }
    let spendChannel: String
    if let ruled = importer.settings.channel(forCampaign: label) {
      spendChannel = ruled
    } else {
      spendChannel = try rowChannel(fields)
    }
    let found = try implausible(fields, day: first, lastDay: last)
    // Its identity is taken last: a row rejected is not one a later file's row can repeat.
    guard isFirstOccurrence(fields) else { return }
    if let refused = importer.magnitudes.admit(amount) {
      throw RowFields.Failure(column: fields.columns.header(of: .amount), reason: refused)
    }
    count(found, line: fields.record.line)
    sink.accept(
      SpendLine(
        firstDay: first, lastDay: last, channel: spendChannel, amount: amount, label: label, category: category,
        isMarketing: isMarketing, source: source(fields.record.line)))
    if isMarketing { spend += amount } else { expenses += amount }
    tally.accepted += 1
  }

  // MARK: Sales and orders

  /// The lines of the order being read; an order's lines are contiguous in every export.
  struct OpenOrder {
    var id: String?
    var filled = FieldValues()
    var lines: [Draft] = []
  }

  /// A sale row read and checked, waiting for the rest of its order.
  struct Draft {
    var line: Int
    /// The row's bytes, for its rejection should the order's close refuse it.
    var raw: [UInt8]
    var day: Day
    var status: String
    var sku: String
    var name: String
    var quantity: Int
    var value: Money
    var returned: Int
    var orderDiscount: Money?
    var unitCost: Money?
    var items: ItemList?
    var channel: String
    /// What is implausible about the row, to count once it is booked.
    var implausible: [Implausible]
  }

  /// Something implausible about a row: the column concerned, what, and the value.
  struct Implausible {
    var column: String?
    var kind: RowFlag.Kind
    var example: String
  }

  /// What is implausible about a sale or spend row: a date far from the plan's years, more units than
  /// the config allows, a quantity and an amount of opposite signs. Where the profile says so, the row
  /// is rejected for the first of them instead.
  private func implausible(
    _ fields: RowFields, day: Day, lastDay: Day? = nil, quantity: Int? = nil, amount: Money? = nil,
    amountField: Field? = nil
  ) throws(RowFields.Failure) -> [Implausible] {
    var found: [Implausible] = []
    let settings = importer.settings
    if let years = settings.reviewYears {
      let plausible = (years.lowerBound - 1)...(years.upperBound + 1)
      if let far = !plausible.contains(day.year) ? day : lastDay.flatMap({ plausible.contains($0.year) ? nil : $0 }) {
        found.append(
          Implausible(
            column: fields.columns.header(of: fields.has(.date) ? .date : .startDate),
            kind: .farDate(from: years.lowerBound, to: years.upperBound),
            example: far.description))
      }
    }
    if let quantity, quantity.magnitude > settings.implausibleQuantity.magnitude {
      found.append(
        Implausible(
          column: fields.columns.header(of: .quantity), kind: .largeQuantity(limit: settings.implausibleQuantity),
          example: "\(quantity)"))
    }
    if let quantity, let amount, (quantity > 0 && amount < .zero) || (quantity < 0 && amount > .zero) {
      found.append(
        Implausible(
          column: amountField.flatMap { fields.columns.header(of: $0) }, kind: .oppositeSigns,
          example: "\(quantity) / \(amount)"))
    }
    if let first = found.first, profile?.rejectsImplausible == true {
      throw RowFields.Failure(column: first.column, reason: .implausible(first.kind, example: first.example))
    }
    return found
  }

  /// Counts an accepted row's implausibilities.
  private func count(_ found: [Implausible], line: Int) {
    for f in found {
      if let i = flags.firstIndex(where: { $0.kind == f.kind }) {
        flags[i].count += 1
      } else {
        flags.append(RowFlag(kind: f.kind, count: 1, firstLine: line, example: f.example))
      }
    }
  }

  private func mapSale(_ fields: inout RowFields) throws(RowFields.Failure) {
    guard let profile else { return }
    let orderID = try fields.requiredText(.orderID)
    if orderID != order.id {
      flushOrder()
      order = OpenOrder(id: orderID)
    }
    // Order-level values: the first non-empty one of the order stands for its empty cells.
    for field in profile.orderLevelFields {
      if fields.bytes(field).isEmpty, let value = order.filled[field] {
        fields.filled[field] = value
      } else if order.filled[field] == nil, !fields.bytes(field).isEmpty {
        order.filled[field] = fields.bytes(field)
      }
    }
    let day = try fields.requiredDay(.date)
    let status = fields.has(.status) ? try fields.text(.status) : ""
    var sku: String
    var name = ""
    var items: ItemList?
    if let format = profile.items {
      // The cell as written stands for the line's products; its items are costed by name. An empty or
      // unreadable cell still books the order (its revenue is real), uncosted with the reason.
      sku = try fields.text(.items)
      items = format.parse(sku)
    } else {
      sku = try fields.text(.sku)
      name = fields.has(.productName) ? try fields.text(.productName) : ""
      if sku.isEmpty {
        guard !name.isEmpty else {
          throw RowFields.Failure(
            column: fields.columns.header(of: .sku), reason: .noSKUNorName)
        }
        sku = SaleLine.noSKUPrefix + name
      }
    }
    let quantity = profile.oneUnitPerRow && !fields.has(.quantity) ? 1 : try fields.requiredInteger(.quantity)
    let value: Money
    if fields.has(.lineNet) {
      value = try fields.requiredMoney(.lineNet)
    } else {
      let price = try fields.requiredMoney(.unitPrice)
      guard let gross = price.times(checked: quantity), gross.minorUnits.magnitude <= Money.valueLimit.magnitude else {
        throw RowFields.Failure(
          column: fields.columns.header(of: .unitPrice),
          reason: .lineAmountOverLimit(
            quantity: quantity, unitPrice: "\(price)", limitUnits: Money.valueLimit / fields.currency.unitScale,
            currency: fields.currency.code))
      }
      value = gross - (try fields.money(.lineDiscount) ?? .zero).absolute
    }
    let returned = try fields.integer(.returnedQuantity) ?? 0
    guard returned >= 0, returned <= abs(quantity) else {
      throw RowFields.Failure(
        column: fields.columns.header(of: .returnedQuantity),
        reason: .moreReturnedThanSold(returned: returned, sold: quantity))
    }
    let draft = Draft(
      line: fields.record.line, raw: fields.record.rawBytes, day: day, status: status, sku: sku, name: name,
      quantity: quantity, value: value,
      returned: returned, orderDiscount: try fields.money(.orderDiscount)?.absolute,
      unitCost: try fields.money(.unitCost), items: items,
      channel: try rowChannel(fields),
      implausible: try implausible(
        fields, day: day, quantity: quantity, amount: value, amountField: fields.has(.lineNet) ? .lineNet : .unitPrice))
    guard isFirstOccurrence(fields) else { return }
    order.lines.append(draft)
  }

  /// Closes the open order: drops cancelled lines, allocates the order discount over the rest pro rata
  /// (largest remainder, so the lines add up exactly), and books sales and returns.
  private func flushOrder() {
    guard let profile, let orderID = order.id, !order.lines.isEmpty else { return }
    defer { order = OpenOrder() }
    // (Most orders have no cancelled line and no discount: then no list is made for either.)
    let live =
      order.lines.contains { statusKind($0.status, of: profile).cancelled }
      ? order.lines.filter { !statusKind($0.status, of: profile).cancelled } : order.lines
    tally.skipped += order.lines.count - live.count
    guard !live.isEmpty else { return }
    let discount = live.lazy.compactMap(\.orderDiscount).first ?? .zero
    let shares = discount == .zero ? nil : discount.allocate(weights: live.map(\.value.minorUnits))
    let isReturnDocument = profile.returnDocumentPrefix.map { orderID.hasPrefix($0) } ?? false
    for (i, draft) in live.enumerated() {
      let net = draft.value - (shares?[i] ?? .zero)
      let ref = source(draft.line)
      // The line, and for a sale with a returned part (no return date in the export) that return,
      // booked in the month of the sale.
      let line: SaleLine
      var returnLine: SaleLine?
      if isReturnDocument || draft.quantity < 0 {
        line = SaleLine(
          day: draft.day, channel: draft.channel, orderID: orderID, sku: draft.sku, productName: draft.name,
          quantity: -abs(draft.quantity), netRevenue: -net.absolute, unitCost: draft.unitCost, isReturn: true,
          items: draft.items,
          source: ref)
      } else {
        line = SaleLine(
          day: draft.day, channel: draft.channel, orderID: orderID, sku: draft.sku, productName: draft.name,
          quantity: draft.quantity, netRevenue: net, unitCost: draft.unitCost, items: draft.items, source: ref)
        let returned =
          statusKind(draft.status, of: profile).returned ? draft.quantity : draft.returned
        // The returned part of the line (at most all of it, so it is always representable).
        if returned > 0, let part = net.scaled(by: Int64(returned), over: Int64(draft.quantity)) {
          returnLine = SaleLine(
            day: draft.day, channel: draft.channel, orderID: orderID, sku: draft.sku, productName: draft.name,
            quantity: -returned, netRevenue: -part, unitCost: draft.unitCost, isReturn: true, items: draft.items,
            source: ref)
        }
      }
      if let refused = importer.magnitudes.admit(
        line.netRevenue, returnLine?.netRevenue, units: abs(line.quantity) + abs(returnLine?.quantity ?? 0),
        unitCost: draft.unitCost)
      {
        reject(line: draft.line, column: nil, reason: refused, raw: RawRecord.text(ofRaw: draft.raw))
        continue
      }
      book(line)
      if let returnLine { book(returnLine) }
      count(draft.implausible, line: draft.line)
      tally.accepted += 1
    }
  }

  /// Whether a status is one of the profile's cancelled or returned ones. An order's lines repeat one
  /// status and a file has few, so each text is matched once (`RowFields.status` normalises it).
  private func statusKind(_ status: String, of profile: Profile) -> (cancelled: Bool, returned: Bool) {
    if let last = lastStatus, last.text == status { return (last.cancelled, last.returned) }
    let kind: (cancelled: Bool, returned: Bool)
    if let known = statusKinds[status] {
      kind = known
    } else {
      kind = (
        RowFields.status(status, matchesAnyOf: profile.cancelledStatuses),
        RowFields.status(status, matchesAnyOf: profile.returnedStatuses)
      )
      // Shopee's status sentences carry dates: a file may have many; the table stays small.
      if statusKinds.count >= 4_096 { statusKinds.removeAll(keepingCapacity: true) }
      statusKinds[status] = kind
    }
    lastStatus = (status, kind.cancelled, kind.returned)
    return kind
  }

  /// The row's channel: from its `channel` column's value where the profile maps values, else the
  /// profile's (or the config's) channel for the file.
  private func rowChannel(_ fields: RowFields) throws(RowFields.Failure) -> String {
    guard let profile, fields.has(.channel) else { return channel }
    let text = try fields.text(.channel)
    // Rows come with few channel texts, usually the same as the row before: its answer is kept.
    if let last = lastChannel, last.text == text { return last.channel }
    let value = HeaderName.normalize(text)
    let found: String
    if value.isEmpty {
      found = channel
    } else if let mapped = profile.channelValues[value] {
      found = mapped
    } else if importer.settings.channels.contains(value) {
      found = value
    } else {
      let known = (Array(profile.channelValues.keys) + importer.settings.channels).sorted()
      throw RowFields.Failure(
        column: fields.columns.header(of: .channel), reason: .unknownChannel(RejectReason.quoted(value), known: known))
    }
    lastChannel = (text, found)
    return found
  }

  private func book(_ line: SaleLine) {
    sink.accept(line)
    revenue += line.netRevenue
  }

  // MARK: Accounting

  private func source(_ line: Int) -> SourceRef { SourceRef(file: displayPath, line: line, profile: profile?.id ?? "") }

  private func reject(_ record: RawRecord, column: String?, reason: RejectReason) {
    reject(line: record.line, column: column, reason: reason, raw: record.rawText)
  }

  private func reject(line: Int, column: String?, reason: RejectReason, raw: String) {
    tally.rejected += 1
    sink.reject(Rejection(source: source(line), column: column, reason: reason, rawText: raw))
  }
}

/// Thrown to stop the first half of a file read in two where the second half begins.
struct ReachedSecondHalf: Error {}

extension Money {
  var absolute: Money { minorUnits < 0 ? -self : self }
}
