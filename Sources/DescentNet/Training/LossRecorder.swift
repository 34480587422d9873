import Dispatch
import Foundation

/// Computes the loss after each update on a second thread, while the training thread goes on to
/// the next batch's gradient: the two need the same updated weights but nothing of each other, and
/// the loss's forward pass is about a third of an iteration. One loss is in flight at a time.
final class LossRecorder<Scalar: NetScalar>: @unchecked Sendable {
    private let queue = DispatchQueue(label: "Descent.LossRecorder")
    private let pending = DispatchGroup()
    /// Touched only on `queue`.
    private var workspace: TwoLayerNet<Scalar>.Workspace
    private let lock = NSLock()
    /// Appended to on `queue`, under `lock`.
    private var losses: [Double] = []

    /// A recorder for batches of `batch` rows through networks shaped like `network`, expecting
    /// `count` losses.
    init(batch: Int, network: TwoLayerNet<Scalar>, count: Int) {
        workspace = TwoLayerNet<Scalar>.Workspace(batch: batch, network: network, threads: 1)
        losses.reserveCapacity(count)
    }

    /// Starts computing the loss of `network` on `batch`; waits for the previous one first.
    func record(_ network: TwoLayerNet<Scalar>, on batch: Matrix<Scalar>, labels: [Int]) {
        pending.wait()
        queue.async(group: pending) {
            network.forward(batch, workspace: &self.workspace)
            let loss = Double(Activations.crossEntropy(self.workspace.a2, labels: labels))
            self.lock.withLock { self.losses.append(loss) }
        }
    }

    /// The latest finished loss and how many have finished, without waiting.
    var latest: (loss: Double, count: Int)? {
        lock.withLock { losses.last.map { ($0, losses.count) } }
    }

    /// Every loss, once the last one asked for has finished.
    func finish() -> [Double] {
        pending.wait()
        return lock.withLock { losses }
    }
}
