/// The fuzzer's bytes, taken from the front a value at a time, as LLVM's `FuzzedDataProvider`
/// does: once the bytes run out every value is zero (or empty), so any input, even an empty one,
/// makes *some* value, and a mutation of one byte changes one decision.
public struct FuzzInput {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    public init(_ data: UnsafePointer<UInt8>, _ size: Int) {
        bytes = UnsafeBufferPointer(start: data, count: size)
    }

    /// Whether every byte has been taken.
    public var isEmpty: Bool { position >= bytes.count }

    /// The bytes not taken yet.
    public var remaining: [UInt8] { position < bytes.count ? Array(bytes[position...]) : [] }

    /// One byte (0 once the input is used up).
    public mutating func byte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    public mutating func bool() -> Bool { byte() & 1 == 1 }

    /// A whole number in `range`, from as few bytes as the range needs.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(bitPattern: Int64(range.upperBound) &- Int64(range.lowerBound))
        var value: UInt64 = 0
        var covered: UInt64 = 0
        while covered < span {
            value = value << 8 | UInt64(byte())
            covered = covered << 8 | 0xFF
        }
        let offset = span == UInt64.max ? value : value % (span + 1)
        return Int(Int64(range.lowerBound) &+ Int64(bitPattern: offset))
    }

    /// One element of `choices`.
    public mutating func pick<T>(_ choices: [T]) -> T { choices[int(in: 0...(choices.count - 1))] }

    /// Any Double, NaN, infinities, subnormals and −0 included: 8 raw bytes.
    public mutating func anyDouble() -> Double {
        var bits: UInt64 = 0
        for _ in 0..<8 { bits = bits << 8 | UInt64(byte()) }
        return Double(bitPattern: bits)
    }

    /// A Double chosen to reach edge cases often: the first byte picks a special value (0, −0,
    /// ±1, the extremes, NaN, ±∞) or a plain small number, else 8 raw bytes follow.
    public mutating func double() -> Double {
        switch byte() {
        case 0: return 0
        case 1: return -0.0
        case 2: return 1
        case 3: return -1
        case 4: return .greatestFiniteMagnitude
        case 5: return -.greatestFiniteMagnitude
        case 6: return .leastNonzeroMagnitude
        case 7: return .nan
        case 8: return .infinity
        case 9: return -.infinity
        case 10...127: return Double(int(in: -1000...1000)) / Double(int(in: 1...64))
        default: return anyDouble()
        }
    }

    /// A finite Double (non-finite draws become 0).
    public mutating func finiteDouble() -> Double {
        let value = double()
        return value.isFinite ? value : 0
    }

    /// A Double in `range` with 16 bits of resolution.
    public mutating func double(in range: ClosedRange<Double>) -> Double {
        let fraction = Double(int(in: 0...0xFFFF)) / 0xFFFF
        return range.lowerBound + fraction * (range.upperBound - range.lowerBound)
    }

    /// Up to `maximumLength` bytes read as UTF-8, invalid sequences repaired (U+FFFD).
    public mutating func string(maximumLength: Int) -> String {
        let count = int(in: 0...maximumLength)
        var utf8: [UInt8] = []
        for _ in 0..<count where !isEmpty { utf8.append(byte()) }
        return String(decoding: utf8, as: UTF8.self)
    }
}

/// Stops the process with a message libFuzzer records as a crash: an invariant of a harness does
/// not hold. `fatalError` gives the same, but this names the harness's check in one line.
public func fuzzCheck(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String, file: StaticString = #file,
    line: UInt = #line
) {
    if !condition() {
        fatalError("fuzz invariant failed: \(message())", file: file, line: line)
    }
}
