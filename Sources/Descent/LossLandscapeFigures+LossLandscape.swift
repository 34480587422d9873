import DescentNet
import DescentPlot
import Foundation

// The figure of a loss landscape. This lives in the umbrella module because it joins two stages that
// know nothing of each other: the network's landscape (`LossLandscape`, DescentNet) and the chart
// (`LossLandscapeFigures`, DescentPlot).

/// The numbers of a loss-landscape figure, taken from a ``/DescentNet/LossLandscape``.
extension LossLandscapeFigures.Landscape {
    /// What the figure shows of a landscape, the axes named by direction and the share of the
    /// path's variance along it ("PC1 (88.1 %)").
    public init(_ landscape: LossLandscape) {
        let names = landscape.directions == .pca ? ["PC1", "PC2"] : ["random direction 1", "random direction 2"]
        let labels = zip(names, landscape.explainedVariance).map { name, share in
            "\(name) (\(String(format: "%.1f", share * 100)) %)"
        }
        self.init(
            gridA: landscape.gridA, gridB: landscape.gridB, loss: landscape.gridLoss.flatMap { $0 },
            pathA: landscape.path.map { $0[0] }, pathB: landscape.path.map { $0[1] }, labelA: labels[0],
            labelB: labels[1], alpha: landscape.alpha, interpolationLoss: landscape.interpolationLoss,
            evaluationSamples: landscape.evaluationSamples)
    }
}
