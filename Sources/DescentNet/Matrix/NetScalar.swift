import CBLAS
import Foundation

/// The element types a network computes in: `Double` (the book's float64) and `Float` (float32,
/// twice the throughput). Only these two conform: DescentNet's matrix products and elementary
/// functions exist for them alone, and are internal, so that `Double` and `Float` show no members
/// of this package in a user's autocompletion.
public protocol NetScalar: BinaryFloatingPoint, Sendable where Self.RawSignificand: FixedWidthInteger {}

extension Double: NetScalar {}
extension Float: NetScalar {}

extension NetScalar {
    /// C ← α·op(A)·op(B) + β·C on row-major matrices: BLAS's `dgemm` or `sgemm`
    /// (``BLASLibrary``). Specialised code folds the type test away.
    ///
    /// - Complexity: O(m·n·k).
    @inline(__always)
    static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Self, a: UnsafePointer<Self>, lda: Int,
        b: UnsafePointer<Self>, ldb: Int, beta: Self, c: UnsafeMutablePointer<Self>, ldc: Int
    ) {
        let (transposeA, transposeB) = (Int32(transposeA ? 1 : 0), Int32(transposeB ? 1 : 0))
        if Self.self == Double.self {
            descent_blas_dgemm(
                transposeA, transposeB, Int32(m), Int32(n), Int32(k), Double(alpha), rebound(a), Int32(lda),
                rebound(b), Int32(ldb), Double(beta), rebound(c), Int32(ldc))
        } else if Self.self == Float.self {
            descent_blas_sgemm(
                transposeA, transposeB, Int32(m), Int32(n), Int32(k), Float(alpha), rebound(a), Int32(lda),
                rebound(b), Int32(ldb), Float(beta), rebound(c), Int32(ldc))
        } else {
            preconditionFailure("NetScalar is Double or Float, not \(Self.self)")
        }
    }

    /// The C library's `log` or `logf`.
    @inlinable
    static func logarithm(_ x: Self) -> Self {
        if Self.self == Float.self { return Self(Foundation.logf(Float(x))) }
        return Self(Foundation.log(Double(x)))
    }

    /// eˣ for x ≤ 0, every exponential the network takes (sigmoid's e^(−|x|), softmax's
    /// e^(x − max)): ``Exponential``, which vectorises.
    @inlinable
    static func exponentialOfNonPositive(_ x: Self) -> Self {
        if Self.self == Float.self {
            return unsafeBitCast(Exponential.ofNonPositive(unsafeBitCast(x, to: Float.self)), to: Self.self)
        }
        return unsafeBitCast(Exponential.ofNonPositive(unsafeBitCast(x, to: Double.self)), to: Self.self)
    }
}

/// `pointer` as a pointer to `Target`, the same type as `Source` (checked by the caller's type test).
@inline(__always)
private func rebound<Source, Target>(_ pointer: UnsafePointer<Source>) -> UnsafePointer<Target> {
    UnsafeRawPointer(pointer).assumingMemoryBound(to: Target.self)
}

@inline(__always)
private func rebound<Source, Target>(_ pointer: UnsafeMutablePointer<Source>) -> UnsafeMutablePointer<Target> {
    UnsafeMutableRawPointer(pointer).assumingMemoryBound(to: Target.self)
}
