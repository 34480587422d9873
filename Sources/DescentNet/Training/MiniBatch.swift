/// One mini-batch's images (in the network's precision) and labels, in storage that training
/// reuses. A class, so that a batch can be filled on the loss thread while the training thread
/// holds the others: each batch is touched by one thread at a time, in the order ``Trainer``
/// arranges (it waits for each loss before the batch that loss gathered is used).
final class MiniBatch<Scalar: NetScalar>: @unchecked Sendable {
    private(set) var images: Matrix<Scalar>
    private(set) var labels: [Int]

    /// A batch of `rows` images of `columns` pixels.
    init(rows: Int, columns: Int) {
        images = Matrix(rows: rows, columns: columns)
        labels = Array(repeating: 0, count: rows)
    }

    /// Fills the batch with the training images and labels at `rows` (the book's
    /// `x_train[batch_mask]`, `t_train[batch_mask]`).
    func gather(_ rows: [Int], from dataset: Dataset) {
        dataset.trainImages.copyRows(rows, into: &images.elements)
        for (slot, row) in rows.enumerated() { labels[slot] = dataset.trainLabels[row] }
    }
}
