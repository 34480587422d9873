import Foundation

/// The eigenvalues and eigenvectors of a small real symmetric matrix by the cyclic Jacobi method
/// (Golub & Van Loan, *Matrix Computations*, 4th ed., §8.5.3): sweeps of plane rotations, each
/// zeroing one off-diagonal pair, until the off-diagonal part is negligible. Accurate to a few
/// ulps of the largest eigenvalue and simple enough to read, which is all the landscape's PCA
/// needs: the Gram matrix of about 100 snapshots.
///
/// - Complexity: about 6n³ per sweep, usually 6–10 sweeps: measured in a release build, a few
///   hundredths of a second for n = 100, 0.3 s for n = 200, 8 s for n = 500 (the column updates
///   stride through memory), which is why the landscape keeps at most 201 snapshots.
public struct SymmetricEigen: Sendable {
    /// The eigenvalues, largest first.
    public let values: [Double]
    /// `vectors[k]` is the unit eigenvector of `values[k]`.
    public let vectors: [[Double]]

    /// At most this many sweeps; convergence is quadratic, so well before.
    static let maximumSweeps = 60

    /// Decomposes the n × n symmetric matrix stored row by row in `matrix`.
    ///
    /// - Precondition: `matrix.count == n * n`, symmetric, finite.
    public init(symmetric matrix: [Double], size n: Int) {
        precondition(matrix.count == n * n, "\(matrix.count) entries for a \(n) × \(n) matrix")
        var a = matrix
        var v = [Double](repeating: 0, count: n * n)
        for i in 0..<n { v[i * n + i] = 1 }
        let scale = a.reduce(0) { $0 + $1 * $1 }
        for _ in 0..<Self.maximumSweeps {
            var off = 0.0
            for p in 0..<n { for q in 0..<n where q != p { off += a[p * n + q] * a[p * n + q] } }
            guard off > scale * 1e-32, off > 0 else { break }
            for p in 0..<(n - 1) {
                for q in (p + 1)..<n where a[p * n + q] != 0 {
                    let apq = a[p * n + q]
                    let tau = (a[q * n + q] - a[p * n + p]) / (2 * apq)
                    let t = (tau >= 0 ? 1.0 : -1.0) / (abs(tau) + (1 + tau * tau).squareRoot())
                    let c = 1 / (1 + t * t).squareRoot()
                    let s = t * c
                    for k in 0..<n {
                        let (kp, kq) = (a[k * n + p], a[k * n + q])
                        a[k * n + p] = c * kp - s * kq
                        a[k * n + q] = s * kp + c * kq
                    }
                    for k in 0..<n {
                        let (pk, qk) = (a[p * n + k], a[q * n + k])
                        a[p * n + k] = c * pk - s * qk
                        a[q * n + k] = s * pk + c * qk
                    }
                    for k in 0..<n {
                        let (kp, kq) = (v[k * n + p], v[k * n + q])
                        v[k * n + p] = c * kp - s * kq
                        v[k * n + q] = s * kp + c * kq
                    }
                }
            }
        }
        let order = (0..<n).sorted { a[$0 * n + $0] > a[$1 * n + $1] }
        values = order.map { a[$0 * n + $0] }
        vectors = order.map { column in (0..<n).map { v[$0 * n + column] } }
    }
}
