extension GradientField {
    /// The field as JSON: `{"function", "sign", "points": [[x0, x1], …], "vectors": [[v0, v1], …]}`,
    /// points in meshgrid order (x0 fastest), vectors as drawn (−∇f for descent); a coordinate of a
    /// vector that is not finite is `null`.
    public var json: JSONValue {
        .object([
            ("function", .string(function)),
            ("sign", .string(sign.rawValue)),
            ("points", .array(xs.indices.map { .numbers([xs[$0], ys[$0]]) })),
            ("vectors", .array(xs.indices.map { .numbers([us[$0], vs[$0]]) })),
        ])
    }

    /// The field as CSV: `x0,x1,v0,v1`, one row per point; non-finite numbers as `nan`, `inf`,
    /// `-inf`.
    public var csv: String {
        var lines = ["x0,x1,v0,v1"]
        lines.reserveCapacity(count + 1)
        for index in xs.indices {
            lines.append(
                [xs[index], ys[index], us[index], vs[index]].map(NumberText.shortest).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension TangentLine {
    /// `{"at", "slope", "intercept"}`.
    public var json: JSONValue {
        .object([("at", .number(at)), ("slope", .number(slope)), ("intercept", .number(intercept))])
    }
}
