import DescentCore

extension LossLandscape {
    /// The landscape as `descent landscape --json` prints it (strict JSON: a non-finite loss is
    /// `null`):
    /// ```
    /// {"iterations", "eval_samples", "directions", "explained_variance": [v1, v2],
    ///  "path": [[a, b], …], "grid": {"a": […], "b": […], "loss": [[…], …]},
    ///  "interpolation": {"alpha": […], "loss": […]}}
    /// ```
    /// `grid.loss[j][i]` is the loss at (a[i], b[j]).
    public var json: JSONValue {
        let numbers = { (values: [Double]) in JSONValue.array(values.map(JSONValue.number)) }
        return .object([
            ("iterations", .number(Double(iterations))),
            ("eval_samples", .number(Double(evaluationSamples))),
            ("directions", .string(directions.rawValue)),
            ("explained_variance", numbers(explainedVariance)),
            ("path", .array(path.map(numbers))),
            ("grid", .object([("a", numbers(gridA)), ("b", numbers(gridB)), ("loss", .array(gridLoss.map(numbers)))])),
            ("interpolation", .object([("alpha", numbers(alpha)), ("loss", numbers(interpolationLoss))])),
        ])
    }
}
