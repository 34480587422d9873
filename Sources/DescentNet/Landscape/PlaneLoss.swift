import DescentCore
import Dispatch
import Foundation

/// The book's `TwoLayerNet.loss` on fixed images at many points θ = θ_c + Σ cₖ·dₖ of an affine
/// subspace of parameter space, fast: the first layer is linear in its weights,
/// ```
/// x·(W + c₁·D₁ + c₂·D₂ + …) = x·W + c₁·(x·D₁) + c₂·(x·D₂) + …
/// ```
/// so one product of the images with W and the directions' W1 parts, made once, serves every
/// point; each point then costs only the cheap rest (combining those columns, the sigmoid, the
/// small hidden × output product, softmax and cross entropy), O(N·H·(k + C)) instead of
/// O(N·I·H) for N images of I pixels. The rows go in chunks that stay in the cache while every
/// point of a worker passes over them; the workers (one per core) take contiguous shares of the
/// points. The sum over the images runs row by row as the book's `cross_entropy_error` sums, so
/// each point's loss differs from the book's only by the rounding of the first layer's products.
/// Points with the same coefficients get bit-identical losses, whatever else is evaluated. A zero
/// coefficient is skipped (adding 0·d changes nothing but the sign of a zero), so the grid's
/// points, whose third coefficient is 0, pay for two directions, not three.
public struct PlaneLoss: Sendable {
    let shape: NetworkShape
    let labels: [Int]
    /// θ_c, then each direction: flat parameter vectors.
    let vectors: [[Double]]
    /// The images times [W1 of θ_c | W1 of d₁ | …]: N × ((k + 1)·H).
    let products: Matrix<Double>

    /// Rows of images per chunk: 256 × 50 hidden units of Double and their share of the products
    /// stay within a core's L2 cache.
    static let chunkRows = 256

    /// The loss at θ_c = `center` and along `directions` (flat vectors of `shape`) on the first
    /// `samples` rows of `images` and their `labels`. The one large product splits its rows
    /// between `threads`.
    ///
    /// - Complexity: O(N·I·H·(k + 1)) for N samples of I pixels, H hidden units, k directions.
    public init(
        images: Images, labels: [Int], samples: Int, center: [Double], directions: [[Double]],
        shape: NetworkShape, threads: Int
    ) {
        precondition(samples <= images.rows && images.columns == shape.inputSize, "images of another shape")
        precondition(
            ([center] + directions).allSatisfy { $0.count == shape.parameterCount }, "vectors of another shape")
        self.shape = shape
        self.labels = Array(labels.prefix(samples))
        vectors = [center] + directions
        let x = images.matrix(rows: 0..<samples, as: Double.self)
        let hidden = shape.hiddenSize
        let stackedWidth = vectors.count * hidden
        var stacked = Matrix<Double>(rows: shape.inputSize, columns: stackedWidth)
        for row in 0..<shape.inputSize {
            for (part, vector) in vectors.enumerated() {
                for column in 0..<hidden {
                    stacked.elements[row * stackedWidth + part * hidden + column] =
                        vector[shape.w1.lowerBound + row * hidden + column]
                }
            }
        }
        var products = Matrix<Double>(rows: samples, columns: stackedWidth)
        Matrix.multiplyInParallel(x, stacked, into: &products, parts: threads)
        self.products = products
    }

    /// The loss at each point θ_c + Σ cₖ·dₖ, `coefficients[i]` holding one cₖ per direction,
    /// computed by `threads` workers.
    ///
    /// - Complexity: O(points · N·H·(k + C)).
    public func losses(at coefficients: [[Double]], threads: Int) -> [Double] {
        precondition(coefficients.allSatisfy { $0.count == vectors.count - 1 }, "one coefficient per direction")
        let workers = max(1, min(threads, coefficients.count))
        let shares = ResultSlots<[Double]>(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let share = (coefficients.count * worker / workers)..<(coefficients.count * (worker + 1) / workers)
            shares.store(losses(at: Array(coefficients[share])), at: worker)
        }
        return shares.values.flatMap { $0 }
    }

    /// The losses of one worker's points, chunk by chunk.
    private func losses(at points: [[Double]]) -> [Double] {
        let (hidden, outputs) = (shape.hiddenSize, shape.outputSize)
        let rows = labels.count
        var sums = [Double](repeating: 0, count: points.count)
        var b1 = [Double](repeating: 0, count: hidden)
        var w2 = Matrix<Double>(rows: hidden, columns: outputs)
        var b2 = [Double](repeating: 0, count: outputs)
        var z1 = Matrix<Double>(rows: Self.chunkRows, columns: hidden)
        var a2 = Matrix<Double>(rows: Self.chunkRows, columns: outputs)
        for first in stride(from: 0, to: rows, by: Self.chunkRows) {
            let count = min(Self.chunkRows, rows - first)
            if z1.rows != count {
                z1 = Matrix(rows: count, columns: hidden)
                a2 = Matrix(rows: count, columns: outputs)
            }
            for (point, coefficients) in points.enumerated() {
                combine(shape.b1, coefficients, into: &b1)
                combine(shape.w2, coefficients, into: &w2.elements)
                combine(shape.b2, coefficients, into: &b2)
                firstLayer(rows: first..<(first + count), coefficients, into: &z1)
                Activations.sigmoidOfEachElement(&z1, addingToEachRow: b1)
                Matrix.multiply(z1, w2, into: &a2)
                Activations.softmaxRows(&a2, addingToEachRow: b2)
                for row in 0..<count {
                    sums[point] += Foundation.log(a2[row, labels[first + row]] + 1e-7)
                }
            }
        }
        return sums.map { -$0 / Double(rows) }
    }

    /// x·W1 for the images `rows` at the point `coefficients`, into `a1`, from the products:
    /// `((x·W + c₁·(x·D₁)) + c₂·(x·D₂)) + …`, each step one pass over a row that vectorises.
    private func firstLayer(rows: Range<Int>, _ coefficients: [Double], into a1: inout Matrix<Double>) {
        let hidden = shape.hiddenSize
        let width = products.columns
        products.elements.withUnsafeBufferPointer { products in
            a1.elements.withUnsafeMutableBufferPointer { a1 in
                for (slot, row) in rows.enumerated() {
                    let source = products.baseAddress! + row * width
                    let target = a1.baseAddress! + slot * hidden
                    for column in 0..<hidden { target[column] = source[column] }
                    for (k, c) in coefficients.enumerated() where c != 0 {
                        let direction = source + (k + 1) * hidden
                        for column in 0..<hidden { target[column] += c * direction[column] }
                    }
                }
            }
        }
    }

    /// The entries `range` of θ_c + Σ cₖ·dₖ, summed in order.
    private func combine(_ range: Range<Int>, _ coefficients: [Double], into target: inout [Double]) {
        for (offset, index) in range.enumerated() {
            var value = vectors[0][index]
            for (k, c) in coefficients.enumerated() where c != 0 { value += c * vectors[k + 1][index] }
            target[offset] = value
        }
    }
}
