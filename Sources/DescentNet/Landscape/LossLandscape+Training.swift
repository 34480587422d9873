import DescentCore

extension LossLandscape {
    /// The snapshot interval that keeps about 100 snapshots of a run of `iterations`: every
    /// ⌊iterations / 100⌋ updates, at least every one.
    public static func defaultSnapshotInterval(iterations: Int) -> Int {
        max(1, iterations / 100)
    }

    /// At most this many snapshots: the eigenvectors of their Gram matrix take 0.3 s at 200 and
    /// 8 s at 500 (``SymmetricEigen``, release build), and each snapshot holds every parameter.
    public static let maximumSnapshots = 201

    /// Trains as ``Trainer/train(_:configuration:as:progress:observer:)`` does, the same numbers,
    /// keeping the parameters every `snapshotInterval` updates (and the initial and final ones),
    /// then computes the landscape of the run on the first training images.
    ///
    /// Specialised for Double and Float like ``Trainer``'s entry points: generic code here would
    /// reach the training loop unspecialised, several times slower.
    ///
    /// - Precondition: a configuration ``Trainer`` accepts; `snapshotInterval` at least 1.
    /// - Throws: ``PlaneDirections/Error`` when the path spans no plane.
    @_specialize(exported:true,where Scalar == Double)
    @_specialize(exported:true,where Scalar == Float)
    public static func train<Scalar: NetScalar>(
        _ dataset: Dataset, configuration: TrainingConfiguration, snapshotInterval: Int, settings: Settings,
        as _: Scalar.Type = Scalar.self, progress: ((TrainingProgress) -> Void)? = nil
    ) throws(PlaneDirections.Error) -> (log: TrainingLog, landscape: LossLandscape) {
        var snapshots: [[Double]] = []
        var shape: NetworkShape?
        let observer = TrainingObserver<Scalar>(every: snapshotInterval) { _, network in
            shape = NetworkShape(of: network)
            snapshots.append(network.flatParameters)
        }
        let log = Trainer.train(
            dataset, configuration: configuration, as: Scalar.self, progress: progress, observer: observer)
        let landscape = try compute(
            snapshots: snapshots, iterations: configuration.iterations, shape: shape!, images: dataset.trainImages,
            labels: dataset.trainLabels, settings: settings)
        return (log, landscape)
    }
}
