import Crypto
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
                if matchesLowercase(digest, text) { return true }
                for index in 0..<32 {
                    guard let high = value(text[2 &* index]), let low = value(text[2 &* index &+ 1]),
                          high << 4 | low == digest[index] else { return false }
                }
                return true
            }
        }
    }

    private static let digits = Array("0123456789abcdef".utf8)

    /// Whether `text` is the lowercase hex of the 32-byte `digest` (as manifests write it): the
    /// digest spelled out on the stack, then one `memcmp`. Uppercase hex is decided by the caller.
    @inline(__always)
    private static func matchesLowercase(_ digest: UnsafeRawBufferPointer, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var spelled: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &spelled) { hex in
            for index in 0..<32 {
                let byte = digest[index]
                hex[2 &* index] = hexDigit(byte >> 4)
                hex[2 &* index &+ 1] = hexDigit(byte & 0x0F)
            }
            return memcmp(hex.baseAddress!, text.baseAddress!, 64) == 0
        }
    }

    @inline(__always)
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 &+ value : 0x57 &+ value   // "0"…"9", "a"…"f"
    }

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
