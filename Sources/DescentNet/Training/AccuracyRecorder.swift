import Dispatch
import Foundation

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
    mutating func accuracy(of network: TwoLayerNet<Scalar>, on images: Matrix<Float>, labels: [Int]) -> Double {
        var correct = 0
        var start = 0
        while start < images.rows {
            let count = min(chunk, images.rows - start)
            if count < chunk {
                var rest = AccuracyMeter(for: network, chunk: count, threads: workspace.threads)
                correct += rest.correctCount(network, images, labels, rows: start..<images.rows)
            } else {
                correct += correctCount(network, images, labels, rows: start..<(start + count))
            }
            start += count
        }
        return Double(correct) / Double(images.rows)
    }

    /// How many of `rows` (exactly `chunk` of them) the network classifies right.
    private mutating func correctCount(
        _ network: TwoLayerNet<Scalar>, _ images: Matrix<Float>, _ labels: [Int], rows: Range<Int>
    ) -> Int {
        Trainer.gather(images, labels, rows: Array(rows), into: &block, labels: &blockLabels)
        network.forward(block, workspace: &workspace)
        return zip(workspace.a2.rowArgmax(), blockLabels).count { $0 == $1 }
    }
}

/// Measures train and test accuracy on a background thread, from copies of the network taken when
/// asked, while training goes on: the book's 17 checks over 70,000 images cost about a fifth of a
/// run, and overlap the training instead of pausing it. The measurements run one at a time, in the
/// order asked, each on one thread.
final class AccuracyRecorder<Scalar: NetScalar>: @unchecked Sendable {
    private let dataset: Dataset
    private let queue = DispatchQueue(label: "Descent.AccuracyRecorder")
    private let lock = NSLock()
    /// Touched only on `queue`.
    private var meter: AccuracyMeter<Scalar>?
    /// Guarded by `lock`.
    private var measured: [TrainingLog.Accuracy] = []

    init(dataset: Dataset) {
        self.dataset = dataset
    }

    /// Starts measuring `network` as it is now, at `iteration`.
    func record(_ network: TwoLayerNet<Scalar>, at iteration: Int) {
        queue.async {
            // Taken out while in use, so that its buffers are written in place, not copied.
            var meter = self.meter ?? AccuracyMeter(for: network)
            self.meter = nil
            let accuracy = TrainingLog.Accuracy(
                iteration: iteration,
                train: meter.accuracy(of: network, on: self.dataset.trainImages, labels: self.dataset.trainLabels),
                test: meter.accuracy(of: network, on: self.dataset.testImages, labels: self.dataset.testLabels))
            self.meter = meter
            self.lock.withLock { self.measured.append(accuracy) }
        }
    }

    /// The latest finished measurement, if any.
    var latest: TrainingLog.Accuracy? {
        lock.withLock { measured.last }
    }

    /// Every measurement, in order, once all have finished.
    func finish() -> [TrainingLog.Accuracy] {
        queue.sync {}
        return lock.withLock { measured }
    }
}
