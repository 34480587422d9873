import CKernels

/// One set of images, one flattened image per row, each pixel a Float in [0, 1] as the network
/// reads it.
///
/// Read from IDX files, the images stay the file's bytes, pixel p standing for `Float(p) / 255`
/// (the book's `astype(np.float32) / 255.0`): 784 bytes per Fashion-MNIST image instead of 3,136,
/// which quarters both the data set's memory (55 MB instead of 220 MB) and the traffic of gathering
/// a mini-batch from rows drawn at random, the training loop's one memory-bound step. Made from
/// Floats (``init(_:)``), they are kept as given. Either way the trainer's gathering gives the
/// network the same values, converted to its precision.
public struct Images: Sendable {
    /// The number of images.
    public let rows: Int
    /// Pixels per image.
    public let columns: Int
    private let storage: Storage

    private enum Storage: Sendable {
        /// IDX bytes, each p standing for Float(p) / 255.
        case bytes([UInt8])
        /// Floats as given.
        case floats([Float])
    }

    /// Images from their normalised Float pixels, one image per row of `matrix`.
    public init(_ matrix: Matrix<Float>) {
        (rows, columns, storage) = (matrix.rows, matrix.columns, .floats(matrix.elements))
    }

    /// `rows` images of `columns` IDX bytes each, `bytes` holding them row after row.
    ///
    /// - Precondition: `bytes.count == rows · columns`.
    init(rows: Int, columns: Int, bytes: [UInt8]) {
        precondition(bytes.count == rows * columns, "\(bytes.count) bytes for \(rows)×\(columns)")
        (self.rows, self.columns, storage) = (rows, columns, .bytes(bytes))
    }

    /// The pixel at `row`, `column`, both counted from 0.
    public subscript(row: Int, column: Int) -> Float {
        switch storage {
        case .bytes(let bytes): Float(bytes[row * columns + column]) / 255
        case .floats(let floats): floats[row * columns + column]
        }
    }

    /// The first `count` images, stored as these are (bytes stay bytes).
    ///
    /// - Precondition: `count` in 0…``rows``.
    /// - Complexity: O(`count · columns`): a copy.
    public func prefix(_ count: Int) -> Images {
        precondition((0...rows).contains(count), "\(count) of \(rows) images")
        switch storage {
        case .bytes(let bytes): return Images(rows: count, columns: columns, bytes: Array(bytes[0..<(count * columns)]))
        case .floats(let floats):
            return Images(Matrix(rows: count, columns: columns, elements: Array(floats[0..<(count * columns)])))
        }
    }

    /// The images `range` (default: all) as a matrix in `Scalar`.
    ///
    /// - Complexity: O(`range.count · columns`); allocates the matrix.
    public func matrix<Scalar: NetScalar>(rows range: Range<Int>? = nil, as _: Scalar.Type)
        -> Matrix<Scalar>
    {
        let range = range ?? 0..<rows
        var result = Matrix<Scalar>(rows: range.count, columns: columns)
        copyRows(Array(range), into: &result.elements)
        return result
    }

    /// Copies image `indices[i]` into row i of `target` (the book's `x_train[batch_mask]`),
    /// converted to `Scalar`. Bytes go through C (`CKernels`), which fetches the next image while
    /// it converts one.
    ///
    /// - Precondition: every index in 0..<``rows``; `target` holds at least
    ///   `indices.count · columns` elements.
    /// - Complexity: O(`indices.count · columns`); no allocation.
    func copyRows<Scalar: NetScalar>(_ indices: [Int], into target: inout [Scalar]) {
        precondition(target.count >= indices.count * columns, "room for \(target.count / max(columns, 1)) rows")
        precondition(indices.allSatisfy { (0..<rows).contains($0) }, "an image index outside 0..<\(rows)")
        guard !indices.isEmpty, columns > 0 else { return }
        let width = columns
        target.withUnsafeMutableBufferPointer { target in
            let out = UnsafeMutableRawPointer(target.baseAddress!)
            switch storage {
            case .bytes(let bytes):
                bytes.withUnsafeBufferPointer { pixels in
                    indices.withUnsafeBufferPointer { indices in
                        if Scalar.self == Double.self {
                            descent_gather_pixels(
                                pixels.baseAddress!, width, indices.baseAddress!, indices.count,
                                out.assumingMemoryBound(to: Double.self))
                        } else if Scalar.self == Float.self {
                            descent_gather_pixels_float(
                                pixels.baseAddress!, width, indices.baseAddress!, indices.count,
                                out.assumingMemoryBound(to: Float.self))
                        } else {
                            preconditionFailure("NetScalar is Double or Float, not \(Scalar.self)")
                        }
                    }
                }
            case .floats(let floats):
                floats.withUnsafeBufferPointer { source in
                    let out = out.assumingMemoryBound(to: Scalar.self)
                    for (slot, row) in indices.enumerated() {
                        // One row at a time through its own pointers, so that the conversion vectorises.
                        let (from, to) = (source.baseAddress! + row * width, out + slot * width)
                        for column in 0..<width { to[column] = Scalar(from[column]) }
                    }
                }
            }
        }
    }

    /// Bytes the images occupy: one per pixel read from IDX files, four per Float pixel.
    var byteCount: Int {
        switch storage {
        case .bytes(let bytes): bytes.count
        case .floats(let floats): floats.count * 4
        }
    }
}
