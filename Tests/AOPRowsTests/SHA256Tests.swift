import AOPRows
import Testing

@Suite struct SHA256Tests {
  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
  ])
  func knownVectors(text: String, digest: String) {
    let h = SHA256()
    h.update(Array(text.utf8))
    #expect(h.hexDigest() == digest)
  }

  @Test func chunkedInputGivesTheSameDigest() {
    let bytes = (0..<1000).map { UInt8($0 % 251) }
    let whole = SHA256()
    whole.update(bytes)
    let parts = SHA256()
    for chunk in stride(from: 0, to: bytes.count, by: 37) { parts.update(bytes[chunk..<min(chunk + 37, bytes.count)]) }
    #expect(whole.hexDigest() == parts.hexDigest())
  }
}

@Suite struct SHA256LongInputTests {
  /// FIPS 180-4's long vector: a million `a`, fed in uneven pieces.
  @Test func aMillionAsInUnevenPieces() {
    let h = SHA256()
    let piece = [UInt8](repeating: UInt8(ascii: "a"), count: 7_919)
    var left = 1_000_000
    while left > 0 {
      let n = min(left, piece.count)
      h.update(piece[..<n])
      left -= n
    }
    #expect(h.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }
}
