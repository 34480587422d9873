import Benchmark
import Descent
import Foundation

/// The engine's hot paths, each through the expression program and through a hand-written Swift
/// closure for the same function, so the difference is the cost of interpreting the program.
///
/// Two closures: `pow(x[0], 2) + pow(x[1], 2)`, which the optimiser turns into `x * x` (the fastest
/// form, but not NumPy's bits: NumPy calls `pow`, which is not always the correctly rounded
/// square), and the same with an exponent known only at run time, so that C's `pow` is called as
/// NumPy and the program call it (the same bits).
let benchmarks: @Sendable () -> Void = {
    let program = Preset.sphere.objective
    let closure = Objective(description: "closure", dimension: 2, value: { x in pow(x[0], 2) + pow(x[1], 2) })
    let runTimeTwo = Double(CommandLine.arguments.count > 1000 ? 3 : 2)
    let powClosure = Objective(
        description: "closure, C pow", dimension: 2, value: { x in pow(x[0], runTimeTwo) + pow(x[1], runTimeTwo) })

    for (name, objective) in [("program", program), ("closure", closure), ("closure calling C pow", powClosure)] {
        Benchmark(
            "numerical gradient, sphere, \(name)",
            configuration: .init(metrics: [.wallClock, .throughput, .mallocCountTotal], scalingFactor: .kilo)
        ) { benchmark in
            let f = objective.callAsFunction
            var x = [-3.0, 4.0]
            var gradient = [0.0, 0.0]
            for _ in benchmark.scaledIterations {
                numericalGradient(f, at: &x, into: &gradient)
                blackHole(gradient)
            }
        }

        Benchmark(
            "1e6 descent steps, sphere, \(name)",
            configuration: .init(metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal], maxIterations: 5)
        ) { benchmark in
            for _ in benchmark.scaledIterations {
                let trajectory = try GradientDescent.run(
                    objective, from: [-3, 4], learningRate: 1e-7, steps: 1_000_000)
                blackHole(trajectory.final)
            }
        }
    }
}
