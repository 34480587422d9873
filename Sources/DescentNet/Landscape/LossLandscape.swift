import DescentCore
import Foundation

/// A training run drawn on its own loss landscape: the path of its parameters projected on a
/// plane through the final ones, the loss over a grid of that plane, and the loss along the
/// straight line from the initial to the final parameters.
///
/// The plane is θ(a, b) = θ_f + a·d₁ + b·d₂ (``PlaneDirections``), so the final parameters sit at
/// (0, 0) and every snapshot at its least-squares coordinates. The line is Goodfellow et al.'s
/// ("Qualitatively characterizing neural network optimization problems", 2015)
/// θ(α) = θ₀ + α·(θ_f − θ₀), evaluated as θ_f + (1 − α)·(θ₀ − θ_f), which is the same point: so
/// α = 1 is exactly θ_f, the plane's (0, 0), and both get the same loss to the bit.
public struct LossLandscape: Sendable {
    /// What to compute, and how finely.
    public struct Settings: Sendable {
        /// Points of the grid along each axis, 3…401 (``gridRange``). Default: 41.
        public var grid = 41
        /// Half the side of the grid, ±extent on both axes, within ``extentRange``; `nil` for the
        /// projected path's extent on each axis, widened by ``margin`` on both sides. Default: nil.
        public var extent: Double?
        /// The first this many training images are the evaluation set, at least 1. Default: 10,000.
        public var evaluationSamples = 10_000
        /// Default: principal components.
        public var directions = PlaneDirections.Kind.pca
        /// The seed of random directions. Default: 0.
        public var directionSeed: UInt32 = 0
        /// Workers for the grid. Default: the number of cores.
        public var threads = ProcessInfo.processInfo.activeProcessorCount

        /// The defaults of every setting: a 41 × 41 grid over the path's extent, principal components,
        /// 10,000 evaluation images.
        public init() {}
    }

    /// The grid sizes allowed: at least 3 × 3 for contours with a middle, at most 401 × 401
    /// (161,201 points, minutes of work).
    public static let gridRange = 3...401
    /// The half-widths allowed for a grid of fixed extent: 1e-8 to 1e8. Beyond them the grid's step
    /// is no longer a normal number, or its side overflows to infinity; no network's plane is that
    /// small or that large.
    public static let extentRange: ClosedRange<Double> = 1e-8...1e8
    /// The share of the path's extent added on each side of the automatic grid. Default: 0.25.
    public static let margin = 0.25
    /// The interpolation's α: −0.5 to 1.5 in steps of 0.05, computed as (i − 10)/20 so that 0 and
    /// 1 are exact.
    public static let alphas = (0...40).map { Double($0 - 10) / 20 }

    /// The number of updates of the run drawn.
    public var iterations: Int
    /// The number of training images every loss is measured on (the first ones).
    public var evaluationSamples: Int
    /// How the plane's two directions were chosen.
    public var directions: PlaneDirections.Kind
    /// The share of the path's variance along each direction
    /// (``PlaneDirections/explainedVariance(of:around:)``).
    public var explainedVariance: [Double]
    /// Each snapshot's (a, b), the initial first and the final, (0, 0), last.
    public var path: [[Double]]
    /// The grid's coordinates along d₁ and d₂, increasing; both include 0.
    public var gridA: [Double]
    /// The grid's coordinates along d₂, increasing, including 0.
    public var gridB: [Double]
    /// `gridLoss[j][i]` is the loss at (gridA[i], gridB[j]) (matplotlib's `Z[j, i]`).
    public var gridLoss: [[Double]]
    /// ``alphas``, and the loss at each.
    public var alpha: [Double]
    /// The loss at θ₀ + α·(θ_f − θ₀) for each α of ``alpha``: the mean cross-entropy over the
    /// evaluation images.
    public var interpolationLoss: [Double]

    /// The landscape of a run of `iterations` updates whose parameters were `snapshots` (the
    /// initial first, the final last), on `images` and `labels` of a network of `shape`.
    ///
    /// - Precondition: `settings.grid` lies in ``gridRange``, `settings.extent` (when given) in
    ///   ``extentRange``, and `settings.evaluationSamples` from 1 to the number of images.
    /// - Throws: ``PlaneDirections/Error`` when the path spans no plane, or
    ///   ``PlaneDirections/Error/diverged`` when a snapshot holds a NaN or infinite parameter.
    public static func compute(
        snapshots: [[Double]], iterations: Int, shape: NetworkShape, images: Images, labels: [Int],
        settings: Settings
    ) throws(PlaneDirections.Error) -> LossLandscape {
        precondition(gridRange.contains(settings.grid), "grid \(settings.grid) is outside \(gridRange)")
        precondition(
            settings.extent.map(extentRange.contains) ?? true,
            "extent \(settings.extent ?? 0) is outside \(extentRange)")
        precondition(
            settings.evaluationSamples >= 1 && settings.evaluationSamples <= images.rows,
            "evaluationSamples \(settings.evaluationSamples) is outside 1...\(images.rows)")
        guard snapshots.allSatisfy({ $0.allSatisfy(\.isFinite) }) else { throw .diverged }
        let final = snapshots[snapshots.count - 1]
        let plane =
            switch settings.directions {
            case .pca: try PlaneDirections.principalComponents(of: snapshots, around: final)
            case .random:
                PlaneDirections.filterNormalisedRandom(around: final, shape: shape, seed: settings.directionSeed)
            }
        let path = plane.coordinates(of: snapshots, around: final)
        let (gridA, gridB) = (
            gridAxis(path.map { $0[0] }, count: settings.grid, extent: settings.extent),
            gridAxis(path.map { $0[1] }, count: settings.grid, extent: settings.extent)
        )
        let toStart = zip(snapshots[0], final).map { $0 - $1 }
        let loss = PlaneLoss(
            images: images, labels: labels, samples: settings.evaluationSamples, center: final,
            directions: [plane.first, plane.second, toStart], shape: shape, threads: settings.threads)
        let gridPoints: [[Double]] = gridB.flatMap { b in gridA.map { a in [a, b, 0] } }
        let linePoints: [[Double]] = alphas.map { [0, 0, 1 - $0] }
        let losses = loss.losses(at: gridPoints + linePoints, threads: settings.threads)
        let rows = (0..<gridB.count).map { Array(losses[($0 * gridA.count)..<(($0 + 1) * gridA.count)]) }
        return LossLandscape(
            iterations: iterations, evaluationSamples: settings.evaluationSamples, directions: plane.kind,
            explainedVariance: plane.explainedVariance(of: snapshots, around: final), path: path,
            gridA: gridA, gridB: gridB,
            gridLoss: rows,
            alpha: alphas, interpolationLoss: Array(losses[gridPoints.count...]))
    }

    /// `count` evenly spaced coordinates, one of them exactly 0: over ±`extent`, or over the
    /// range of `values` (and 0) widened by ``margin`` on both sides. The nodes are k·h for whole
    /// k, with h the range over `count − 1`, so the range is covered to within half a step.
    static func gridAxis(_ values: [Double], count: Int, extent: Double?) -> [Double] {
        let (low, high): (Double, Double)
        if let extent {
            (low, high) = (-extent, extent)
        } else {
            let (least, most) = (min(values.min() ?? 0, 0), max(values.max() ?? 0, 0))
            let span = most - least > 0 ? most - least : 1
            (low, high) = (least - margin * span, most + margin * span)
        }
        let step = (high - low) / Double(count - 1)
        let first = min(max(Int((low / step).rounded()), -(count - 1)), 0)
        return (0..<count).map { Double(first + $0) * step }
    }
}
