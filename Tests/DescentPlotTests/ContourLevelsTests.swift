import DescentCore
import Foundation
import Testing

@testable import DescentPlot

/// The levels and colours of contours against matplotlib's, from `Fixtures/contour_levels.json`
/// (written by `Fixtures/make_contour_levels.py` with matplotlib 3.11.2).
@Suite struct ContourLevelsTests {
    struct Case: Decodable {
        let zmin: String
        let zmax: String
        let levels: [String]
        let colors: [[String]]
        let count: Int?
        let filledLevels: [String]?
        let filledColors: [[String]]?
    }

    struct Fixture: Decodable {
        let linear: [Case]
        let linearFilled: [Case]
        let counted: [Case]
        let log: [Case]
        let logFilled: [Case]
        let rosenbrock: Case
    }

    static let fixture: Fixture = {
        let url = Bundle.module.url(forResource: "Fixtures/contour_levels", withExtension: "json")!
        return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }()

    static func double(_ hex: String) -> Double {
        Double(hex)!  // Swift reads C99 hex floats ("0x1.9p+4") exactly.
    }

    static func rgb(_ color: Color) -> [Double] { [color.red, color.green, color.blue] }

    @Test func linearLevelsAreMatplotlibsBitForBit() {
        for entry in Self.fixture.linear + Self.fixture.linearFilled {
            let levels = ContourLevels.linear(from: Self.double(entry.zmin), to: Self.double(entry.zmax))
            #expect(levels.values == entry.levels.map(Self.double), "\(entry.zmin)…\(entry.zmax)")
        }
    }

    @Test func aCountOfLevelsIsMatplotlibsLevelsN() {
        for entry in Self.fixture.counted {
            let levels = ContourLevels.linear(
                from: Self.double(entry.zmin), to: Self.double(entry.zmax), count: entry.count!)
            #expect(levels.values == entry.levels.map(Self.double), "\(entry.zmin)…\(entry.zmax), N = \(entry.count!)")
        }
    }

    /// Log levels are powers of ten; NumPy computes `10.0 ** decades` with its own vectorised
    /// `pow`, which on some machines is one ulp off the correctly rounded value (9.999999999999999e-06
    /// for 1e-5), so they are compared to within 4 ulp.
    @Test func logLevelsAreMatplotlibsLogLocatorLevels() {
        for entry in Self.fixture.log + Self.fixture.logFilled {
            let lower = Self.double(entry.zmin)
            let levels = ContourLevels.logarithmic(from: lower, to: Self.double(entry.zmax))
            // matplotlib keeps 10⁻³³³, which is 0 in Double, as a level; Descent leaves it out.
            let expected = entry.levels.map(Self.double).filter { $0 > 0 }
            #expect(levels.values.count == expected.count, "\(entry.zmin)…\(entry.zmax): \(levels.values)")
            for (value, reference) in zip(levels.values, expected) {
                #expect(
                    abs(value - reference) <= 4 * reference.ulp, "\(entry.zmin)…\(entry.zmax): \(value) vs \(reference)"
                )
            }
        }
    }

    @Test func lineAndBandColoursAreViridisAsMatplotlibGivesThem() throws {
        for entry in Self.fixture.linear + Self.fixture.counted {
            let levels = try ContourLevels(values: entry.levels.map(Self.double))
            #expect(levels.lineColors().map(Self.rgb) == entry.colors.map { $0.map(Self.double) }, "\(entry.levels)")
        }
        for entry in Self.fixture.linearFilled {
            let levels = try ContourLevels(values: entry.levels.map(Self.double))
            #expect(levels.bandColors().map(Self.rgb) == entry.colors.map { $0.map(Self.double) }, "\(entry.levels)")
        }
        // Log-spaced: matplotlib's LogNorm, on the fixture's own level values.
        for (entry, filled) in Self.fixture.log.map({ ($0, false) }) + Self.fixture.logFilled.map({ ($0, true) })
        where entry.levels.allSatisfy({ Self.double($0) > 0 }) {
            let levels = try ContourLevels(values: entry.levels.map(Self.double), scale: .logarithmic)
            let colors = filled ? levels.bandColors() : levels.lineColors()
            #expect(colors.map(Self.rgb) == entry.colors.map { $0.map(Self.double) }, "\(entry.levels)")
        }
        #expect(Colormap.viridis.colors.count == 256)
        #expect(Colormap.viridis(0) == Color(red: 0.267004, green: 0.004874, blue: 0.329415))
        #expect(Colormap.viridis(1) == Color(red: 0.993248, green: 0.906157, blue: 0.143936))
    }

    /// Rosenbrock on its view spans about eight decades (0.0000253 to 2509): Descent picks log
    /// levels by itself, and they are the ones `LogLocator` gives matplotlib on the same grid.
    @Test func rosenbrockGetsLogSpacedLevelsOnItsOwn() throws {
        let grid = ContourGrid(sampling: Preset.rosenbrock.objective, x: -2...2, y: -1...3)
        let reference = Self.fixture.rosenbrock
        #expect(grid.smallestPositive == Self.double(reference.zmin))
        #expect(grid.finiteRange?.upperBound == Self.double(reference.zmax))
        #expect(ContourLevels.prefersLogarithmicScale(grid))
        let levels = try ContourLevels.choose(.automatic, for: grid)
        #expect(levels.scale == .logarithmic)
        let expected = reference.levels.map(Self.double)
        #expect(levels.values.count == expected.count)
        for (value, reference) in zip(levels.values, expected) { #expect(abs(value - reference) <= 4 * reference.ulp) }
        // Filled: the same levels, and contourf's colours for the bands.
        let filled = try ContourArtist(grid: grid, style: .filled)
        for (color, reference) in zip(filled.colors, reference.filledColors!) {
            #expect(Self.rgb(color) == reference.map(Self.double))
        }
        #expect(filled.colors.count == reference.filledColors!.count)
    }

    @Test func bowlsKeepLinearLevels() throws {
        for preset in [Preset.sphere, .bookCh6, .booth, .rastrigin, .himmelblau] {
            let domain = preset.domain
            let grid = ContourGrid(sampling: preset.objective, x: domain.x, y: domain.y)
            #expect(!ContourLevels.prefersLogarithmicScale(grid), "\(preset)")
            #expect(try ContourLevels.choose(.automatic, for: grid).scale == .linear, "\(preset)")
        }
        for preset in [Preset.rosenbrock, .beale] {
            let domain = preset.domain
            let grid = ContourGrid(sampling: preset.objective, x: domain.x, y: domain.y)
            #expect(ContourLevels.prefersLogarithmicScale(grid), "\(preset)")
        }
        // Any negative sample keeps the scale linear.
        let saddle = ContourGrid(x: -3...3, y: -3...3) { $0[0] * $0[0] * $0[0] * $0[0] * 1e6 - $0[1] }
        #expect(!ContourLevels.prefersLogarithmicScale(saddle))
    }

    @Test func explicitLevelsAreCheckedAndKeptAsGiven() throws {
        let grid = ContourGrid(sampling: Preset.rosenbrock.objective, x: -2...2, y: -1...3, resolution: (50, 50))
        #expect(
            try ContourLevels.choose(.values([1, 10, 100]), for: grid)
                == ContourLevels(values: [1, 10, 100], scale: .logarithmic))
        #expect(try ContourLevels.choose(.values([-1, 10, 100]), for: grid).scale == .linear)
        #expect(throws: ContourLevels.Error.self) { try ContourLevels.choose(.values([1, 1, 2]), for: grid) }
        #expect(throws: ContourLevels.Error.self) { try ContourLevels.choose(.values([1, .nan]), for: grid) }
        #expect(throws: ContourLevels.Error.self) { try ContourLevels.choose(.values([]), for: grid) }
        #expect(throws: ContourLevels.Error.self) { try ContourLevels.choose(.count(0), for: grid) }
        #expect(throws: ContourLevels.Error.self) { try ContourLevels(values: [0, 1], scale: .logarithmic) }
        do {
            _ = try ContourLevels(values: [3, 2])
        } catch {
            #expect(error.description == "contour levels must increase: 2 follows 3 (e.g. 0.1,1,10)")
        }
        let nothing = ContourGrid(xs: [0, 1], ys: [0, 1], values: [.nan, .nan, .infinity, .nan])
        #expect(throws: ContourLevels.Error.self) { try ContourLevels.choose(.automatic, for: nothing) }
    }

    @Test func aCountOnALogScaleSplitsDecadesWhenThereAreTooFew() {
        // 4 decades in range: 12 levels asked for take 1, 2, 5 in each.
        let levels = ContourLevels.logarithmic(from: 2, to: 30000, count: 12)
        #expect(levels.values.filter { (2...30000).contains($0) }.count >= 12)
        #expect(levels.values.contains(5) && levels.values.contains(20000))
        // Fewer asked for than decades: every other decade.
        let thinned = ContourLevels.logarithmic(from: 1e-8, to: 1e8, count: 5)
        #expect(thinned.values.filter { (1e-8...1e8).contains($0) }.count <= 5)
    }
}
