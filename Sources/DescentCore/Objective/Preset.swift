/// The named test functions of `--preset`, each with the domain to draw it on, the usual start of
/// a descent, and its minima.
///
/// Formulas and minima are the standard ones (Jamil & Yang, "A literature survey of benchmark
/// functions for global optimisation problems", 2013); `sphere` and `book-ch6` are the functions of
/// the book's chapters 4 and 6 with the book's start points.
public enum Preset: String, CaseIterable, Sendable {
    /// x0² + x1², the book's `function_2`: start (−3, 4), drawn on −3.5..3.5 × −4.5..4.5 as Fig. 4-10.
    case sphere
    /// x²/20 + y², the book's chapter-6 optimiser function: start (−7, 2), drawn on −10..10 × −10..10.
    case bookCh6 = "book-ch6"
    /// (1 − x)² + 100 (y − x²)²: a long curved valley, minimum 0 at (1, 1); classic start (−1.2, 1).
    case rosenbrock
    /// Beale's function, minimum 0 at (3, 0.5); sharp ridges at the corners of −4.5..4.5.
    case beale
    /// (x² + y − 11)² + (x + y² − 7)²: four minima of value 0.
    case himmelblau
    /// (x + 2y − 7)² + (2x + y − 5)²: a tilted quadratic bowl, minimum 0 at (1, 3).
    case booth
    /// x² − y²: a saddle point at the origin and no minimum; descent escapes along y.
    case saddle
    /// 20 + Σ (xᵢ² − 10 cos 2πxᵢ): many regular local minima, global minimum 0 at the origin.
    case rastrigin

    /// The formula in the expression language.
    public var expression: String {
        switch self {
        case .sphere: "x0^2 + x1^2"
        case .bookCh6: "x^2 / 20 + y^2"
        case .rosenbrock: "(1 - x)^2 + 100 * (y - x^2)^2"
        case .beale: "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2"
        case .himmelblau: "(x^2 + y - 11)^2 + (x + y^2 - 7)^2"
        case .booth: "(x + 2*y - 7)^2 + (2*x + y - 5)^2"
        case .saddle: "x^2 - y^2"
        case .rastrigin: "20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)"
        }
    }

    /// The objective, with its analytic gradient and its ``landscape``.
    public var objective: Objective {
        do {
            var objective = try Objective(expression: expression)
            objective.landscape = landscape
            return objective
        } catch {
            preconditionFailure("preset \(rawValue) does not parse: \(error)")
        }
    }

    /// The domain, the minima, and the level scale that suits the function there: linear for the
    /// bowls, log for the functions whose values span many decades over their domain.
    public var landscape: Landscape {
        let levelScale: Landscape.LevelScale =
            switch self {
            case .sphere, .bookCh6, .booth, .saddle, .rastrigin: .linear
            case .rosenbrock, .beale, .himmelblau: .log
            }
        // Himmelblau's decades draw only rings around its minima and one line beyond: two levels
        // a decade show its four basins and the saddles between them.
        let levels: [Double]? = self == .himmelblau ? [1, 3, 10, 30, 100, 300] : nil
        return Landscape(x: domain.x, y: domain.y, levelScale: levelScale, levels: levels, minima: minima)
    }

    /// Where a descent starts unless told otherwise.
    public var start: [Double] {
        switch self {
        case .sphere: [-3, 4]
        case .bookCh6: [-7, 2]
        case .rosenbrock: [-1.2, 1]
        case .beale: [1, 1]
        case .himmelblau: [0, 0]
        case .booth: [-5, -5]
        case .saddle: [-3, 0.01]
        case .rastrigin: [-2.5, 3.4]
        }
    }

    /// The run `descent trajectory --preset NAME` makes when no flag says otherwise, chosen so
    /// that it goes downhill from ``start`` and shows the valley it follows: the book's for
    /// `sphere` (Fig. 4-10) and `book-ch6` (SGD of Fig. 6-8); Momentum along Rosenbrock's and
    /// Beale's curved valleys, where SGD at a rate that does not blow up crawls; the saddle's run
    /// shows the escape along y; Rastrigin's falls into the local minimum next to its start.
    public var suggestedRun: (optimizer: OptimizerKind, learningRate: Double, steps: Int) {
        switch self {
        case .sphere: (.sgd, 0.1, 20)
        case .bookCh6: (.sgd, 0.95, 30)
        case .rosenbrock: (.momentum, 0.002, 300)
        case .beale: (.momentum, 0.01, 200)
        case .himmelblau: (.sgd, 0.01, 50)
        case .booth: (.sgd, 0.05, 60)
        case .saddle: (.sgd, 0.1, 30)
        case .rastrigin: (.sgd, 0.002, 100)
        }
    }

    /// The region to draw: x range and y range.
    public var domain: (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        switch self {
        case .sphere: (-3.5...3.5, -4.5...4.5)
        case .bookCh6: (-10...10, -10...10)
        case .rosenbrock: (-2...2, -1...3)
        case .beale: (-4.5...4.5, -4.5...4.5)
        case .himmelblau: (-5...5, -5...5)
        case .booth: (-10...10, -10...10)
        case .saddle: (-3...3, -3...3)
        case .rastrigin: (-5.12...5.12, -5.12...5.12)
        }
    }

    /// The global minima (several for Himmelblau; none for the saddle, which is unbounded below).
    public var minima: [[Double]] {
        switch self {
        case .sphere, .bookCh6, .rastrigin: [[0, 0]]
        case .rosenbrock: [[1, 1]]
        case .beale: [[3, 0.5]]
        case .himmelblau:
            [[3, 2], [-2.805118, 3.131312], [-3.779310, -3.283186], [3.584428, -1.848126]]
        case .booth: [[1, 3]]
        case .saddle: []
        }
    }
}
