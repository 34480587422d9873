import Benchmark
import Descent
import Foundation

/// The book's Figure 4-10 built and encoded in process, PNG (standard and fast compression) and
/// SVG, from a computed run: the same work as `peers/trajectory_figure.py` does with matplotlib.
let benchmarks: @Sendable () -> Void = {
    let font = try! Font.standard()
    let run = try! GradientDescent.run(Preset.sphere.objective, from: [-3, 4], learningRate: 0.1, steps: 20)

    Benchmark(
        "trajectory figure 640x480, PNG",
        configuration: .init(metrics: [.wallClock, .cpuTotal, .peakMemoryResident])
    ) {
        benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try TrajectoryFigures.trajectory(run, options: .init(style: .book)).pngData(font: font))
        }
    }

    Benchmark(
        "trajectory figure 640x480, PNG fast",
        configuration: .init(metrics: [.wallClock, .cpuTotal, .peakMemoryResident])
    ) {
        benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try TrajectoryFigures.trajectory(run, options: .init(style: .book)).pngData(font: font, compression: .fast))
        }
    }

    Benchmark("trajectory figure 640x480, SVG", configuration: .init(metrics: [.wallClock, .cpuTotal])) {
        benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(TrajectoryFigures.trajectory(run, options: .init(style: .book)).svgDocument(font: font))
        }
    }
}
