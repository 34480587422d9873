import CBLAS
import Foundation

/// The element types a network computes in: `Double` (the book's float64) and `Float` (float32,
/// twice the throughput). Each brings its BLAS matrix product and its C library `exp`/`log`.
public protocol NetScalar: BinaryFloatingPoint, Sendable where Self.RawSignificand: FixedWidthInteger {
    /// C ← α·op(A)·op(B) + β·C on row-major matrices: `cblas_dgemm` or `cblas_sgemm`.
    static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Self, a: UnsafePointer<Self>, lda: Int,
        b: UnsafePointer<Self>, ldb: Int, beta: Self, c: UnsafeMutablePointer<Self>, ldc: Int)
    /// eˣ, by the C library (`exp`, `expf`), as NumPy's `np.exp` calls it: +∞ on overflow, 0 on
    /// underflow, NaN for NaN.
    static func exponential(_ x: Self) -> Self
    /// The natural logarithm, by the C library (`log`, `logf`), as `np.log`: −∞ at 0, NaN below 0.
    static func logarithm(_ x: Self) -> Self
}

/// Double is the book's float64: BLAS's `dgemm` and the C library's `exp` and `log`.
extension Double: NetScalar {
    /// `cblas_dgemm` on row-major matrices.
    public static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Double, a: UnsafePointer<Double>, lda: Int,
        b: UnsafePointer<Double>, ldb: Int, beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        cblas_dgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans, Int32(m),
            Int32(n),
            Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// `exp` from the C library.
    public static func exponential(_ x: Double) -> Double { Foundation.exp(x) }
    /// `log` from the C library.
    public static func logarithm(_ x: Double) -> Double { Foundation.log(x) }
}

/// Float is NumPy's float32: BLAS's `sgemm` and the C library's `expf` and `logf`.
extension Float: NetScalar {
    /// `cblas_sgemm` on row-major matrices.
    public static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float, a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int, beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        cblas_sgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans, Int32(m),
            Int32(n),
            Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// `expf` from the C library.
    public static func exponential(_ x: Float) -> Float { Foundation.expf(x) }
    /// `logf` from the C library.
    public static func logarithm(_ x: Float) -> Float { Foundation.logf(x) }
}
