/// The accuracy of a network over a whole image set, evaluated `chunk` rows at a time so that the
/// converted copy stays small, with its buffers kept from one measurement to the next.
struct AccuracyMeter<Scalar: NetScalar> {
    /// Rows per forward pass. 1000 rows keep the Double copy of a chunk at 6 MB.
    let chunk: Int
    private var block: Matrix<Scalar>
    private var blockLabels: [Int]
    private var workspace: TwoLayerNet<Scalar>.Workspace

    /// A meter for `network`'s shapes. Its products run on `threads` threads.
    init(for network: TwoLayerNet<Scalar>, chunk: Int = 1000, threads: Int = 1) {
        self.chunk = chunk
        block = Matrix(rows: chunk, columns: network.inputSize)
        blockLabels = Array(repeating: 0, count: chunk)
        workspace = TwoLayerNet<Scalar>.Workspace(batch: chunk, network: network, threads: threads)
    }

    /// The fraction of `images`' rows whose most probable class under `network` is their label
    /// (the book's `accuracy`).
    mutating func accuracy(of network: TwoLayerNet<Scalar>, on images: Images, labels: [Int]) -> Double {
        Double(correctCount(of: network, on: images, labels: labels, rows: 0..<images.rows)) / Double(images.rows)
    }

    /// How many of `images`' rows in `rows` the network classifies right, `chunk` rows at a time
    /// from `rows.lowerBound`. Where that is a multiple of `chunk` and `rows` ends with the set,
    /// every product has the shape it has in a pass over the whole set, so the counts of two such
    /// parts add up to the whole's.
    mutating func correctCount(of network: TwoLayerNet<Scalar>, on images: Images, labels: [Int], rows: Range<Int>)
        -> Int
    {
        var correct = 0
        var start = rows.lowerBound
        while start < rows.upperBound {
            let count = min(chunk, rows.upperBound - start)
            if count < chunk {
                var rest = AccuracyMeter(for: network, chunk: count, threads: workspace.threads)
                correct += rest.chunkCorrectCount(network, images, labels, rows: start..<rows.upperBound)
            } else {
                correct += chunkCorrectCount(network, images, labels, rows: start..<(start + count))
            }
            start += count
        }
        return correct
    }

    /// How many of `rows` (exactly `chunk` of them) the network classifies right.
    private mutating func chunkCorrectCount(
        _ network: TwoLayerNet<Scalar>, _ images: Images, _ labels: [Int], rows: Range<Int>
    ) -> Int {
        images.copyRows(Array(rows), into: &block.elements)
        for (slot, row) in rows.enumerated() { blockLabels[slot] = labels[row] }
        network.forward(block, workspace: &workspace)
        return zip(workspace.a2.rowArgmax(), blockLabels).count { $0 == $1 }
    }
}
