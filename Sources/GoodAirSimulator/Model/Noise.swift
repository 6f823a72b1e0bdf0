import Foundation

/// Deterministic hashing and smooth value noise for the simulator.
///
/// Everything here is a pure function of its integer inputs: no global random generator,
/// no wall clock, and never Swift's `Hasher` (which is seeded randomly per process).
/// The same inputs give the same numbers on every machine and in every run.
///
/// ```swift
/// let h = Noise.hash(42, 7)                                  // stable 64-bit hash
/// let u = Noise.unit(h)                                      // in [0, 1)
/// let n = Noise.smooth(hours: 1_000.5, period: 24, key: h)   // in [-1, 1], continuous in time
/// ```
public enum Noise {
    /// SplitMix64 finaliser: a bijective, well-mixed 64-bit scramble.
    @inlinable
    public static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Stable hash of two integers, e.g. `Noise.hash(seed, hourIndex)`.
    @inlinable
    public static func hash(_ a: UInt64, _ b: UInt64) -> UInt64 {
        mix(mix(a) ^ (b &* 0xD6E8_FEB8_6659_FD93))
    }

    /// Stable hash of three integers.
    @inlinable
    public static func hash(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 {
        hash(hash(a, b), c)
    }

    /// Stable hash of four integers.
    @inlinable
    public static func hash(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) -> UInt64 {
        hash(hash(hash(a, b), c), d)
    }

    /// Stable hash of a signed integer pair (bit patterns), handy for grid cells and indices.
    @inlinable
    public static func hash(_ key: UInt64, _ i: Int, _ j: Int) -> UInt64 {
        hash(key, UInt64(bitPattern: Int64(i)), UInt64(bitPattern: Int64(j)))
    }

    /// FNV-1a hash of a string's UTF-8 bytes: stable across runs (unlike `String.hashValue`).
    public static func fnv1a(_ text: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }

    /// Maps a hash to a Double in [0, 1) using its top 53 bits.
    @inlinable
    public static func unit(_ h: UInt64) -> Double {
        Double(h >> 11) * 0x1.0p-53
    }

    /// Maps a hash to a Double in [-1, 1).
    @inlinable
    public static func signed(_ h: UInt64) -> Double {
        unit(h) * 2 - 1
    }

    /// Cubic smoothstep of `x` clamped to [0, 1]: 0 → 0, 1 → 1, zero slope at both ends.
    @inlinable
    public static func smoothstep(_ x: Double) -> Double {
        let t = min(max(x, 0), 1)
        return t * t * (3 - 2 * t)
    }

    /// One-dimensional value noise in [-1, 1]: hashed knots every `period` hours,
    /// smoothstep-interpolated in between, so consecutive hours differ only a little.
    ///
    /// `Noise.smooth(hours: t, period: 72, key: k)` changes character over about three days.
    @inlinable
    public static func smooth(hours t: Double, period: Double, key: UInt64) -> Double {
        let x = t / period
        let k = x.rounded(.down)
        let i = Int64(k)
        let a = signed(hash(key, UInt64(bitPattern: i)))
        let b = signed(hash(key, UInt64(bitPattern: i &+ 1)))
        return a + (b - a) * smoothstep(x - k)
    }

    /// Two octaves of `smooth`, weights 0.65 / 0.35, still in [-1, 1].
    @inlinable
    public static func smooth2(hours t: Double, slow: Double, fast: Double, key: UInt64) -> Double {
        0.65 * smooth(hours: t, period: slow, key: key)
            + 0.35 * smooth(hours: t, period: fast, key: key &+ 0x5BD1_E995)
    }

    /// Large-scale space-time field in [-1, 1]: two-octave time noise at the corners of a
    /// `cellDegrees` grid, blended bilinearly (smoothstep weights) at (`latitude`, `longitude`).
    /// Nearby places get nearly the same value, which makes weather regionally coherent.
    public static func field(
        latitude: Double, longitude: Double, hours t: Double,
        cellDegrees: Double, slow: Double, fast: Double, key: UInt64
    ) -> Double {
        let gx = longitude / cellDegrees
        let gy = latitude / cellDegrees
        let fx = gx.rounded(.down)
        let fy = gy.rounded(.down)
        let ix = Int(fx)
        let iy = Int(fy)
        let wx = smoothstep(gx - fx)
        let wy = smoothstep(gy - fy)
        func corner(_ i: Int, _ j: Int) -> Double {
            smooth2(hours: t, slow: slow, fast: fast, key: hash(key, i, j))
        }
        let c00 = corner(ix, iy), c10 = corner(ix + 1, iy)
        let c01 = corner(ix, iy + 1), c11 = corner(ix + 1, iy + 1)
        let south = c00 + (c10 - c00) * wx
        let north = c01 + (c11 - c01) * wx
        return south + (north - south) * wy
    }
}
