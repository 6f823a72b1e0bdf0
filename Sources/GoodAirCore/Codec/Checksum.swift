import Crypto

/// SHA-256 checksums as lowercase hex, as manifests and lineage write them.
public enum Checksum {
    /// The SHA-256 of `bytes`, 64 lowercase hex digits.
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// The SHA-256 of `buffers` one after the other, 64 lowercase hex digits.
    static func sha256Hex(buffers: [UnsafeRawBufferPointer]) -> String {
        var hasher = SHA256()
        for buffer in buffers { hasher.update(bufferPointer: buffer) }
        return hex(hasher.finalize())
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.withUnsafeBytes { digest in
            String(unsafeUninitializedCapacity: 2 * digest.count) { hex in
                for (index, byte) in digest.enumerated() {
                    hex[2 * index] = digits[Int(byte >> 4)]
                    hex[2 * index + 1] = digits[Int(byte & 0x0F)]
                }
                return 2 * digest.count
            }
        }
    }

    /// Whether the SHA-256 of `bytes` is `hex` (64 hex digits, either case), without building
    /// a string: the check curation makes on every snapshot.
    public static func sha256(of bytes: [UInt8], matches hex: String) -> Bool {
        bytes.withUnsafeBytes { sha256(of: $0, matches: hex) }
    }

    /// ``sha256(of:matches:)-([UInt8],_)`` over raw memory (a reused gunzip buffer, say).
    public static func sha256(of bytes: UnsafeRawBufferPointer, matches hex: String) -> Bool {
        var hex = hex
        return hex.withUTF8 { text in
            guard text.count == 64 else { return false }
            var hasher = SHA256()
            hasher.update(bufferPointer: bytes)
            return hasher.finalize().withUnsafeBytes { digest in
                guard digest.count == 32 else { return false }
                for index in 0..<32 {
                    guard let high = value(text[2 &* index]), let low = value(text[2 &* index &+ 1]),
                          high << 4 | low == digest[index] else { return false }
                }
                return true
            }
        }
    }

    private static let digits = Array("0123456789abcdef".utf8)

    @inline(__always)
    private static func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return digit - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
