import DescentCore
import Foundation

extension Trainer {
    /// The bytes that training `configurations` on `dataset` in `Scalar` holds at its peak: the
    /// data set, and each run that trains at the same time (one per core, as
    /// ``train(_:configurations:as:progress:)`` runs them) with everything it keeps.
    ///
    /// Per run, in elements of `Scalar` for a network of P parameters, hidden size H, batch B,
    /// input size N and C classes:
    /// ```
    /// 6·P                 the network, its gradients, and the copies the loss and accuracy
    ///                     threads hold (up to four at once)
    /// 0, 1 or 2 · P       the optimiser's state: none for SGD, v or h for Momentum, Nesterov,
    ///                     AdaGrad and RMSprop, m and v for Adam
    /// 3·B·N               three mini-batches (one trains while the loss of another is computed
    ///                     and the third is gathered)
    /// 2·B·(2·H + C)       two workspaces (training, loss): z1, da1 and the output
    /// 2·1000·(N + 2·H + C) two accuracy meters' chunks and workspaces (training set, test set)
    /// ```
    /// plus 8 bytes per iteration for the loss log, beside the data set (one byte a pixel when read
    /// from IDX files, ``Images``). Measured peaks (resident size of the whole process, Double,
    /// Fashion-MNIST, 20 iterations) exceed it by the process's own 13–24 MB (code, libraries, the
    /// BLAS's buffers): at `--hidden 2000 --batch 5000`, 636 MB measured and 623 MB
    /// estimated; at the defaults, 97 MB and 73 MB.
    ///
    /// - Returns: bytes, as a Double, since the products of large settings can pass `Int`.
    /// - Complexity: O(1): arithmetic on the settings, nothing is allocated.
    public static func estimatedMemory<Scalar: NetScalar>(
        training configurations: [TrainingConfiguration], on dataset: Dataset, as _: Scalar.Type
    ) -> Double {
        let inputs = Double(dataset.trainImages.columns)
        let classes = Double(dataset.classCount)
        let datasetBytes = Double(dataset.trainImages.byteCount + dataset.testImages.byteCount)
        let perRun = configurations.map { configuration in
            let hidden = Double(configuration.hiddenSize)
            let batch = Double(configuration.batchSize)
            let parameters = (inputs + 1) * hidden + (hidden + 1) * classes
            let state: Double =
                switch configuration.optimizer {
                case .sgd: 0
                case .momentum, .nesterov, .adagrad, .rmsprop: 1
                case .adam: 2
                }
            let elements =
                (6 + state) * parameters + 3 * batch * inputs + 2 * batch * (2 * hidden + classes)
                + 2 * 1000 * (inputs + 2 * hidden + classes)
            return elements * Double(MemoryLayout<Scalar>.size) + 8 * Double(configuration.iterations)
        }
        let atOnce = max(1, min(configurations.count, ProcessInfo.processInfo.activeProcessorCount))
        return datasetBytes + perRun.sorted(by: >).prefix(atOnce).reduce(0, +)
    }
}
