import Foundation

/// NumPy's legacy random generator (`np.random.seed`, `np.random.randn`, `np.random.choice`),
/// reproduced stream for stream: a seeded `NumPyRandom` gives the same numbers as
/// `np.random.seed(s)` followed by the same calls.
///
/// - The bit generator is MT19937 (Matsumoto & Nishimura, 1998), seeded as NumPy seeds it from an
///   integer: `mt19937_seed`, Knuth's linear recurrence `mt[i] = 1812433253·(mt[i−1] ^ mt[i−1] >> 30) + i`.
/// - Doubles in [0, 1) take 53 random bits from two outputs: `((a >> 5)·2²⁶ + (b >> 6)) / 2⁵³`.
/// - Gaussians use the Marsaglia polar method with NumPy's cached second value (`legacy_gauss`).
/// - Integers in [0, n) are masked rejection sampling on 32-bit outputs (`random_bounded_uint64_fill`
///   with `use_masked`, as the legacy `RandomState.randint` and `choice` draw them).
public struct NumPyRandom: Sendable {
    private var state = [UInt32](repeating: 0, count: 624)
    private var position = 624
    private var cachedGaussian: Double?

    /// `np.random.seed(seed)`.
    public init(seed: UInt32) {
        state[0] = seed
        for index in 1..<624 {
            let previous = state[index - 1]
            state[index] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(index)
        }
    }

    /// The next 32 random bits (MT19937's tempered output).
    public mutating func nextUInt32() -> UInt32 {
        if position >= 624 { regenerate() }
        var y = state[position]
        position += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    private mutating func regenerate() {
        let upper: UInt32 = 0x8000_0000
        let lower: UInt32 = 0x7FFF_FFFF
        for index in 0..<624 {
            let y = (state[index] & upper) | (state[(index + 1) % 624] & lower)
            var next = state[(index + 397) % 624] ^ (y >> 1)
            if y & 1 != 0 { next ^= 0x9908_B0DF }
            state[index] = next
        }
        position = 0
    }

    /// `np.random.random_sample()`: a double in [0, 1) with 53 random bits.
    public mutating func nextDouble() -> Double {
        let a = nextUInt32() >> 5
        let b = nextUInt32() >> 6
        return (Double(a) * 67_108_864.0 + Double(b)) / 9_007_199_254_740_992.0
    }

    /// `np.random.randn()`: a standard normal variate (polar method, second value cached).
    public mutating func nextGaussian() -> Double {
        if let cached = cachedGaussian {
            cachedGaussian = nil
            return cached
        }
        var x1 = 0.0
        var x2 = 0.0
        var r2 = 0.0
        repeat {
            x1 = 2 * nextDouble() - 1
            x2 = 2 * nextDouble() - 1
            r2 = x1 * x1 + x2 * x2
        } while r2 >= 1 || r2 == 0
        let f = (-2 * log(r2) / r2).squareRoot()
        cachedGaussian = f * x1
        return f * x2
    }

    /// `np.random.randn(count)`.
    ///
    /// - Complexity: O(`count`) (the polar method rejects about 21 % of its candidate pairs).
    public mutating func gaussians(_ count: Int) -> [Double] {
        (0..<count).map { _ in nextGaussian() }
    }

    /// An integer in 0..<`upperBound`, as `np.random.randint(0, upperBound)` draws it.
    ///
    /// - Precondition: 0 < upperBound ≤ 2³².
    public mutating func nextInt(below upperBound: Int) -> Int {
        precondition(upperBound > 0 && upperBound <= 1 << 32, "upper bound \(upperBound) out of 1…2³²")
        let range = UInt32(upperBound - 1)
        if range == 0 { return 0 }
        if range == UInt32.max { return Int(nextUInt32()) }
        var mask = range
        mask |= mask >> 1
        mask |= mask >> 2
        mask |= mask >> 4
        mask |= mask >> 8
        mask |= mask >> 16
        while true {
            let value = nextUInt32() & mask
            if value <= range { return Int(value) }
        }
    }

    /// `np.random.choice(population, count)`: `count` indices in 0..<`population`, with replacement.
    ///
    /// - Complexity: O(`count`) expected (masked rejection draws fewer than two outputs per index on
    ///   average).
    public mutating func choice(_ population: Int, count: Int) -> [Int] {
        (0..<count).map { _ in nextInt(below: population) }
    }

    /// Fills `buffer` with `np.random.choice(population, buffer.count)`, without allocating.
    ///
    /// - Complexity: O(`buffer.count`) expected.
    public mutating func choice(_ population: Int, into buffer: inout [Int]) {
        for index in buffer.indices { buffer[index] = nextInt(below: population) }
    }
}
