import Dispatch

/// A dense row-major matrix over contiguous storage: rows × columns elements, row after row, as a
/// C-ordered NumPy array.
public struct Matrix<Scalar: NetScalar>: Equatable, Sendable {
    /// The number of rows (for a batch: samples).
    public let rows: Int
    /// The number of columns (for a batch: features per sample).
    public let columns: Int
    /// The elements, row after row.
    public var elements: [Scalar]

    /// A `rows` × `columns` matrix holding `elements` row after row.
    public init(rows: Int, columns: Int, elements: [Scalar]) {
        precondition(
            rows >= 0 && columns >= 0 && elements.count == rows * columns,
            "\(elements.count) elements for \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// A matrix of zeros.
    ///
    /// - Complexity: O(`rows · columns`).
    public init(rows: Int, columns: Int) {
        self.init(rows: rows, columns: columns, elements: Array(repeating: 0, count: rows * columns))
    }

    /// The element at `row`, `column`, both counted from 0.
    ///
    /// - Precondition: `row` in 0..<``rows`` and `column` in 0..<``columns``; only the flat index is
    ///   checked, so an out-of-range column may read the next row.
    public subscript(row: Int, column: Int) -> Scalar {
        get { elements[row * columns + column] }
        set { elements[row * columns + column] = newValue }
    }

    /// The matrix with every element converted to another scalar type.
    ///
    /// - Complexity: O(`rows · columns`).
    public func converted<Other: NetScalar>(to _: Other.Type = Other.self) -> Matrix<Other> {
        Matrix<Other>(rows: rows, columns: columns, elements: elements.map { Other($0) })
    }
}

extension Matrix {
    /// result ← op(a)·op(b), through BLAS gemm, into an existing matrix of the right shape (no
    /// allocation).
    ///
    /// - Complexity: O(m·n·k).
    @_specialize(exported:true,where Scalar == Double)
    @_specialize(exported:true,where Scalar == Float)
    public static func multiply(
        _ a: Matrix, transposed transposeA: Bool = false, _ b: Matrix, transposed transposeB: Bool = false,
        into result: inout Matrix
    ) {
        let (m, n, k) = productShape(a, transposeA, b, transposeB, result)
        guard m > 0, n > 0 else { return }
        if k == 0 {
            for index in result.elements.indices { result.elements[index] = 0 }
            return
        }
        a.elements.withUnsafeBufferPointer { pa in
            b.elements.withUnsafeBufferPointer { pb in
                result.elements.withUnsafeMutableBufferPointer { pc in
                    Scalar.gemm(
                        transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: 1, a: pa.baseAddress!,
                        lda: a.columns, b: pb.baseAddress!, ldb: b.columns, beta: 0, c: pc.baseAddress!, ldc: n)
                }
            }
        }
    }

    /// result ← op(a)·op(b) with the rows of the result split between `parts` threads, each
    /// running a single-threaded BLAS product on its share (OpenBLAS's own threading does not pay
    /// off on the book's 100×784×50 products; two independent halves do, by 5–20 %). Each element
    /// is still one sum over the whole inner dimension, but BLAS may block a smaller product
    /// differently, so results can differ from ``multiply(_:transposed:_:transposed:into:)`` in
    /// the last bit.
    ///
    /// - Complexity: O(m·n·k), divided among `parts` threads.
    @_specialize(exported:true,where Scalar == Double)
    @_specialize(exported:true,where Scalar == Float)
    public static func multiplyInParallel(
        _ a: Matrix, transposed transposeA: Bool = false, _ b: Matrix, transposed transposeB: Bool = false,
        into result: inout Matrix, parts: Int
    ) {
        let (m, n, k) = productShape(a, transposeA, b, transposeB, result)
        let parts = max(1, min(parts, m))
        guard parts > 1, k > 0, n > 0 else {
            multiply(a, transposed: transposeA, b, transposed: transposeB, into: &result)
            return
        }
        a.elements.withUnsafeBufferPointer { pa in
            b.elements.withUnsafeBufferPointer { pb in
                result.elements.withUnsafeMutableBufferPointer { pc in
                    let base = (
                        a: SendablePointer(pa.baseAddress!), b: SendablePointer(pb.baseAddress!),
                        c: SendableMutablePointer(pc.baseAddress!)
                    )
                    DispatchQueue.concurrentPerform(iterations: parts) { part in
                        let first = m * part / parts
                        let rows = m * (part + 1) / parts - first
                        guard rows > 0 else { return }
                        // Rows first… of op(a): rows of a, or columns of a when transposed.
                        let aStart = transposeA ? base.a.pointer + first : base.a.pointer + first * a.columns
                        Scalar.gemm(
                            transposeA: transposeA, transposeB: transposeB, m: rows, n: n, k: k, alpha: 1, a: aStart,
                            lda: a.columns, b: base.b.pointer, ldb: b.columns, beta: 0, c: base.c.pointer + first * n,
                            ldc: n)
                    }
                }
            }
        }
    }

    /// The m × n result and inner dimension k of op(a)·op(b), checked against `result`'s shape.
    private static func productShape(_ a: Matrix, _ transposeA: Bool, _ b: Matrix, _ transposeB: Bool, _ result: Matrix)
        -> (m: Int, n: Int, k: Int)
    {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let n = transposeB ? b.rows : b.columns
        precondition(
            (transposeB ? b.columns : b.rows) == k, "inner dimensions \(k) and \(transposeB ? b.columns : b.rows)")
        precondition(
            result.rows == m && result.columns == n, "result is \(result.rows)×\(result.columns), product \(m)×\(n)")
        return (m, n, k)
    }

    /// op(a)·op(b) as a new matrix.
    ///
    /// - Complexity: O(m·n·k); allocates the result.
    @_specialize(exported:true,where Scalar == Double)
    @_specialize(exported:true,where Scalar == Float)
    public static func product(
        _ a: Matrix, transposed transposeA: Bool = false, _ b: Matrix, transposed transposeB: Bool = false
    )
        -> Matrix
    {
        var result = Matrix(rows: transposeA ? a.columns : a.rows, columns: transposeB ? b.rows : b.columns)
        multiply(a, transposed: transposeA, b, transposed: transposeB, into: &result)
        return result
    }

    /// Adds `vector` to every row (NumPy's broadcasting of `x + b`).
    ///
    /// - Complexity: O(`rows · columns`).
    @_specialize(exported:true,where Scalar == Double)
    @_specialize(exported:true,where Scalar == Float)
    public mutating func addToEachRow(_ vector: [Scalar]) {
        precondition(vector.count == columns, "a vector of \(vector.count) for \(columns) columns")
        elements.withUnsafeMutableBufferPointer { values in
            for row in 0..<rows {
                for column in 0..<columns { values[row * columns + column] += vector[column] }
            }
        }
    }

    /// The sum of each column (`np.sum(x, axis=0)`), into `result`.
    ///
    /// - Complexity: O(`rows · columns`); no allocation.
    @_specialize(exported:true,where Scalar == Double)
    @_specialize(exported:true,where Scalar == Float)
    public func columnSums(into result: inout [Scalar]) {
        precondition(result.count == columns, "a vector of \(result.count) for \(columns) columns")
        for column in 0..<columns { result[column] = 0 }
        elements.withUnsafeBufferPointer { values in
            for row in 0..<rows {
                for column in 0..<columns { result[column] += values[row * columns + column] }
            }
        }
    }

    /// The index of the largest element of each row (`np.argmax(x, axis=1)`; the first on ties).
    ///
    /// - Complexity: O(`rows · columns`).
    @_specialize(exported:true,where Scalar == Double)
    @_specialize(exported:true,where Scalar == Float)
    public func rowArgmax() -> [Int] {
        (0..<rows).map { row in
            var best = 0
            for column in 1..<max(columns, 1) where self[row, column] > self[row, best] { best = column }
            return best
        }
    }
}

/// A pointer handed to concurrent workers that touch disjoint parts of what it points to.
struct SendablePointer<Element>: @unchecked Sendable {
    let pointer: UnsafePointer<Element>
    init(_ pointer: UnsafePointer<Element>) { self.pointer = pointer }
}

/// A mutable pointer handed to concurrent workers that write disjoint parts of what it points to.
struct SendableMutablePointer<Element>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Element>
    init(_ pointer: UnsafeMutablePointer<Element>) { self.pointer = pointer }
}
