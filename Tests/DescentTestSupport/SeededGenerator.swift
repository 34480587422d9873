import Foundation

/// A small deterministic generator (SplitMix64, Steele, Lea and Flood 2014) for tests: the same
/// seed gives the same numbers on every machine and every run, so a failure can be repeated.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    /// The seed the generator started from.
    public let seed: UInt64
    private var state: UInt64

    /// A generator that starts from `seed`.
    public init(seed: UInt64) {
        self.seed = seed
        state = seed
    }

    /// A generator from a seed that changes from run to run, so that runs together cover more
    /// inputs, printed with `name` so that a failing run can be repeated: set
    /// `DESCENT_TEST_SEED` to the printed seed and the test draws the same numbers again.
    public static func printingSeed(for name: String = #function) -> SeededGenerator {
        var system = SystemRandomNumberGenerator()
        let seed = ProcessInfo.processInfo.environment[seedVariable].flatMap { UInt64($0) } ?? system.next()
        print("\(name): random seed \(seed) (\(seedVariable)=\(seed) repeats it)")
        return SeededGenerator(seed: seed)
    }

    /// The environment variable that fixes ``printingSeed(for:)``'s seed.
    public static let seedVariable = "DESCENT_TEST_SEED"

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
