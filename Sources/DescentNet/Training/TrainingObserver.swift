/// Sees a training run's parameters as it goes: before the first update, after every
/// ``interval``-th update, and after the last one. What `descent landscape` keeps of the path
/// through parameter space; the loop itself is untouched.
public struct TrainingObserver<Scalar: NetScalar> {
    /// Updates between two observations. Must be at least 1.
    public let interval: Int
    /// Called on the training thread with the number of updates done (0 for the initial
    /// parameters) and the network after them.
    public let observe: (_ updates: Int, _ network: TwoLayerNet<Scalar>) -> Void

    /// An observer that calls `observe` every `interval` updates (and before the first and after
    /// the last).
    ///
    /// - Precondition: `interval >= 1`.
    public init(every interval: Int, observe: @escaping (_ updates: Int, _ network: TwoLayerNet<Scalar>) -> Void) {
        precondition(interval >= 1, "observe at least every update")
        self.interval = interval
        self.observe = observe
    }

    /// Calls ``observe`` if `updates` (of a run of `iterations`) is 0, a multiple of ``interval``
    /// or the last.
    func notice(_ network: TwoLayerNet<Scalar>, after updates: Int, of iterations: Int) {
        if updates % interval == 0 || updates == iterations { observe(updates, network) }
    }

    /// The update counts at which a run of `iterations` is observed: 0, `interval`, 2·`interval`…
    /// and `iterations`.
    public static func observedUpdates(every interval: Int, of iterations: Int) -> [Int] {
        var updates = Array(stride(from: 0, through: iterations, by: interval))
        if updates.last != iterations { updates.append(iterations) }
        return updates
    }
}
