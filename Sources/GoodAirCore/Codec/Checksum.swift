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
        var hex = [UInt8]()
        hex.reserveCapacity(64)
        for byte in digest {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Whether the SHA-256 of `bytes` is `hex` (64 hex digits, either case), without building
    /// a string: the check curation makes on every snapshot.
    public static func sha256(of bytes: [UInt8], matches hex: String) -> Bool {
        var hex = hex
        return hex.withUTF8 { text in
            guard text.count == 64 else { return false }
            var index = 0
            var hasher = SHA256()
            bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
            let digest = hasher.finalize()
            for byte in digest {
                guard let high = value(text[index]), let low = value(text[index + 1]), high << 4 | low == byte else { return false }
                index += 2
            }
            return true
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
