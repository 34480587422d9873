import Foundation

/// Two directions in parameter space that span the plane a loss landscape is drawn on, through
/// the final parameters of a run.
public struct PlaneDirections: Sendable {
    /// How the directions were chosen.
    public enum Kind: String, Sendable, CaseIterable {
        /// The top two principal components of the snapshots' differences from the final
        /// parameters (Li et al., "Visualizing the Loss Landscape of Neural Nets", 2018, §7: the
        /// plane that holds most of the path). Unit vectors.
        case pca
        /// Two Gaussian directions, filter-normalised (Li et al. §4): each unit's incoming
        /// weights scaled to the norm of that unit's weights in the final parameters, the biases'
        /// entries zero (their `ignore='biasbn'`).
        case random
    }

    /// How the directions were chosen.
    public let kind: Kind
    /// d₁, one entry per parameter in ``NetworkShape``'s order.
    public let first: [Double]
    /// d₂, one entry per parameter in ``NetworkShape``'s order.
    public let second: [Double]

    /// Why no plane can be drawn.
    public struct Error: Swift.Error, CustomStringConvertible, Equatable {
        /// Why, in words, as `the snapshots span fewer than two directions: no plane to draw`.
        public let description: String

        /// The run diverged: some parameter is NaN or infinite, so no point of its path has
        /// coordinates in any plane.
        public static let diverged = Error(
            description: "the run diverged: its parameters are no longer finite; lower the learning rate")
    }

    /// The principal components of `snapshots − final`, centred as scikit-learn's `PCA` centres
    /// them (Li et al. use it): the eigenvectors of the Gram matrix C·Cᵀ of the centred
    /// differences C (n × P), mapped back as Cᵀu / √λ. Each is turned so that the first snapshot
    /// lies at negative coordinates: the path comes in from the lower left.
    ///
    /// - Throws: ``Error`` when the path spans fewer than two directions (fewer than three
    ///   distinct snapshots, or all of them on one line).
    /// - Complexity: O(n²·P) for the Gram matrix, O(n³) for its eigenvectors.
    public static func principalComponents(of snapshots: [[Double]], around final: [Double]) throws(Error)
        -> PlaneDirections
    {
        let centred = centredDifferences(snapshots, from: final)
        let n = centred.rows
        let gram = Matrix.product(centred, transposed: false, centred, transposed: true)
        let eigen = SymmetricEigen(symmetric: gram.elements, size: n)
        let total = eigen.values.reduce(0) { $0 + max($1, 0) }
        guard n >= 2, total > 0, eigen.values[1] > total * 1e-12 else {
            throw Error(description: "the snapshots span fewer than two directions: no plane to draw")
        }
        let components = Matrix(rows: 2, columns: n, elements: eigen.vectors[0] + eigen.vectors[1])
        let mapped = Matrix.product(components, centred)
        let width = final.count
        let directions = (0..<2).map { k in
            var direction = Array(mapped.elements[(k * width)..<((k + 1) * width)])
            let norm = dot(direction, direction).squareRoot()
            let start = dot(direction, zip(snapshots[0], final).map { $0 - $1 })
            let sign = start > 0 ? -1.0 : 1.0
            for index in direction.indices { direction[index] *= sign / norm }
            return direction
        }
        return PlaneDirections(kind: .pca, first: directions[0], second: directions[1])
    }

    /// Two filter-normalised Gaussian directions for the network of `shape` at `final`: each
    /// drawn as NumPy's `np.random.seed(seed); randn(P)`, the second after the first; then for
    /// every unit (a column of W1, a hidden unit's incoming weights; a column of W2, an output
    /// unit's) d ← d · ‖θ‖ / ‖d‖ over that column; bias entries 0.
    public static func filterNormalisedRandom(around final: [Double], shape: NetworkShape, seed: UInt32)
        -> PlaneDirections
    {
        precondition(final.count == shape.parameterCount, "parameters of another shape")
        var random = NumPyRandom(seed: seed)
        let directions = (0..<2).map { _ in
            var direction = random.gaussians(shape.parameterCount)
            for (range, columns) in [(shape.w1, shape.hiddenSize), (shape.w2, shape.outputSize)] {
                for column in 0..<columns {
                    let entries = stride(from: range.lowerBound + column, to: range.upperBound, by: columns)
                    let weightNorm = entries.reduce(0) { $0 + final[$1] * final[$1] }.squareRoot()
                    let directionNorm = entries.reduce(0) { $0 + direction[$1] * direction[$1] }.squareRoot()
                    for index in entries { direction[index] *= weightNorm / directionNorm }
                }
            }
            for index in shape.b1 { direction[index] = 0 }
            for index in shape.b2 { direction[index] = 0 }
            return direction
        }
        return PlaneDirections(kind: .random, first: directions[0], second: directions[1])
    }

    /// The share of the path's variance along each direction: ‖C·d‖² / (‖d‖²·‖C‖²) for the
    /// centred differences C of `snapshots` from `final`. For principal components these are
    /// scikit-learn's `explained_variance_ratio_`, each in [0, 1], the first the larger, their sum
    /// at most 1; for random directions, what the path happens to move along them.
    public func explainedVariance(of snapshots: [[Double]], around final: [Double]) -> [Double] {
        let centred = centredDifferences(snapshots, from: final)
        let total = dot(centred.elements, centred.elements)
        guard total > 0 else { return [0, 0] }
        let directions = Matrix(rows: 2, columns: final.count, elements: first + second)
        let along = Matrix.product(centred, transposed: false, directions, transposed: true)
        return (0..<2).map { k in
            let direction = k == 0 ? first : second
            let moved = (0..<centred.rows).reduce(0.0) { $0 + along[$1, k] * along[$1, k] }
            return min(max(moved / (dot(direction, direction) * total), 0), 1)
        }
    }

    /// The coordinates (a, b) of each snapshot's difference from `final` in the plane: the least
    /// squares solution of a·d₁ + b·d₂ ≈ θ − θ_f (for orthonormal directions, the dot products).
    /// The final parameters lie at (0, 0).
    public func coordinates(of snapshots: [[Double]], around final: [Double]) -> [[Double]] {
        let (g11, g12, g22) = (dot(first, first), dot(first, second), dot(second, second))
        let determinant = g11 * g22 - g12 * g12
        return snapshots.map { snapshot in
            let difference = zip(snapshot, final).map { $0 - $1 }
            let (r1, r2) = (dot(first, difference), dot(second, difference))
            return [(g22 * r1 - g12 * r2) / determinant, (g11 * r2 - g12 * r1) / determinant]
        }
    }
}

/// The rows θᵢ − θ_f of `snapshots`, less their mean: the n × P matrix whose principal
/// components PCA finds.
func centredDifferences(_ snapshots: [[Double]], from final: [Double]) -> Matrix<Double> {
    let width = final.count
    var mean = [Double](repeating: 0, count: width)
    for snapshot in snapshots {
        for index in 0..<width { mean[index] += snapshot[index] - final[index] }
    }
    for index in 0..<width { mean[index] /= Double(snapshots.count) }
    var elements = [Double]()
    elements.reserveCapacity(snapshots.count * width)
    for snapshot in snapshots {
        for index in 0..<width { elements.append(snapshot[index] - final[index] - mean[index]) }
    }
    return Matrix(rows: snapshots.count, columns: width, elements: elements)
}

/// Σ aᵢ·bᵢ, in order.
func dot(_ a: [Double], _ b: [Double]) -> Double {
    precondition(a.count == b.count, "vectors of \(a.count) and \(b.count) entries")
    var sum = 0.0
    for index in a.indices { sum += a[index] * b[index] }
    return sum
}
