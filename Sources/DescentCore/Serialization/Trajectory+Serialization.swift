extension Trajectory {
    /// The trajectory as the JSON object of DESIGN.md §3:
    /// `function`, `optimizer`, `gradient`, `lr`, then the optimiser's own settings when it has
    /// any (`momentum`; `decay`; `beta1`, `beta2`), then `steps`, `init`, `history`, `final`,
    /// `values`, `status`, followed by `reason`, `gradient_norms` and `final_value`.
    ///
    /// A recorded history (``Source/recorded(functionKnown:)``) has the same members after a first
    /// `"source": "recorded"`; what it does not know is `null`, whole: `optimizer` and `lr` always,
    /// and without a function `function`, `gradient`, `values`, `gradient_norms` and `final_value`
    /// (a `null` in place of an array says the numbers are unknown, where a `null` inside one says
    /// that number was not finite). `steps` is the number of points recorded less one.
    public var json: JSONValue {
        if case .recorded(let functionKnown) = source {
            return recordedJSON(functionKnown: functionKnown)
        }
        let settings = hyperparameters.map { ($0.setting.rawValue, JSONValue.number($0.value)) }
        return .object(
            [
                ("function", .string(objective.description)),
                ("optimizer", .string(optimizer)),
                ("gradient", .string(method.rawValue)),
                ("lr", .number(learningRate)),
            ] + settings + [
                ("steps", .number(Double(requestedSteps))),
                ("init", .numbers(initial)),
                ("history", .array(history.map { .numbers($0) })),
                ("final", .numbers(final)),
                ("values", .numbers(values)),
                ("status", .string(outcome.status.rawValue)),
                ("reason", .string(outcome.reason)),
                ("gradient_norms", .numbers(gradientNorms)),
                ("final_value", .number(finalValue)),
            ])
    }

    private func recordedJSON(functionKnown: Bool) -> JSONValue {
        let known = { (value: JSONValue) in functionKnown ? value : .null }
        return .object([
            ("source", .string("recorded")),
            ("function", known(.string(objective.description))),
            ("optimizer", .null),
            ("gradient", known(.string(method.rawValue))),
            ("lr", .null),
            ("steps", .number(Double(requestedSteps))),
            ("init", .numbers(initial)),
            ("history", .array(history.map { .numbers($0) })),
            ("final", .numbers(final)),
            ("values", known(.numbers(values))),
            ("status", .string(outcome.status.rawValue)),
            ("reason", .string(outcome.reason)),
            ("gradient_norms", known(.numbers(gradientNorms))),
            ("final_value", known(.number(finalValue))),
        ])
    }

    /// The trajectory as CSV: a header `step,x0,…,value,gradient_norm`, one row per point of the
    /// history, and a last row for the final x (its gradient norm left empty: no step was taken
    /// from it). Numbers are in their shortest round-tripping form; non-finite ones are `nan`,
    /// `inf` or `-inf`, as NumPy and pandas read them. For a history recorded without its
    /// function, the value and gradient norm cells are left empty (unknown; pandas reads NaN).
    public var csv: String {
        let coordinateNames = (0..<history.dimension).map { "x\($0)" }
        let known = knownObjective != nil
        let number = { (value: Double) in known ? NumberText.shortest(value) : "" }
        var lines = [(["step"] + coordinateNames + ["value", "gradient_norm"]).joined(separator: ",")]
        for (step, point) in history.enumerated() {
            let cells =
                [String(step)] + point.map(NumberText.shortest) + [number(values[step]), number(gradientNorms[step])]
            lines.append(cells.joined(separator: ","))
        }
        lines.append(
            ([String(history.count)] + final.map(NumberText.shortest) + [number(finalValue), ""])
                .joined(separator: ","))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Several runs as one CSV: the columns of ``csv`` after an `lr` column.
    public static func csv(_ runs: [Trajectory]) -> String {
        var lines: [Substring] = []
        for (index, run) in runs.enumerated() {
            let rows = run.csv.split(separator: "\n")
            if index == 0 { lines.append("lr," + rows[0]) }
            let rate = NumberText.shortest(run.learningRate)
            lines += rows.dropFirst().map { "\(rate),\($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Two lines for a person: the status with where the run ended, then the reason.
    ///
    /// ```
    /// converged after 20 steps: x = (-0.03458764513817675, 0.04611686018418694), f(x) = 0.003323069989452288
    ///   the steps shrink by a factor 0.8; about 0.05765 is left to go
    /// ```
    ///
    /// Without a known function, the first line ends at x.
    public var summary: String {
        let point = final.map(NumberText.shortest).joined(separator: ", ")
        let value = knownObjective == nil ? "" : ", f(x) = \(NumberText.shortest(finalValue))"
        return
            "\(outcome.status.rawValue) after \(history.count) steps: x = (\(point))\(value)\n"
            + "  \(outcome.reason)"
    }
}
