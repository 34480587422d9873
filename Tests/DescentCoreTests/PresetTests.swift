import DescentCore
import Testing

/// Each preset's suggested run, as `descent trajectory --preset NAME` makes it with no other flag.
@Suite struct PresetTests {
    private func suggestedRun(of preset: Preset) throws -> Trajectory {
        let run = preset.suggestedRun
        return try GradientDescent.run(
            preset.objective, from: preset.start, steps: run.steps,
            optimizer: try run.optimizer.make(learningRate: run.learningRate))
    }

    @Test(arguments: Preset.allCases.filter { $0 != .saddle })
    func theSuggestedRunGoesDownhill(preset: Preset) throws {
        let run = try suggestedRun(of: preset)
        #expect([.converged, .running].contains(run.outcome.status), "\(run.outcome.reason)")
        #expect(run.finalValue < run.values[0])
        let landscape = preset.landscape
        #expect(landscape.x.contains(run.final[0]) && landscape.y.contains(run.final[1]), "ends inside its view")
    }

    @Test func theSaddlesRunEscapesAlongY() throws {
        let run = try suggestedRun(of: .saddle)
        #expect(run.finalValue < run.values[0])
        #expect(abs(run.final[1]) > 100 * abs(Preset.saddle.start[1]) && abs(run.final[0]) < 0.01)
    }

    @Test func theBooksPresetsRunTheBooksRuns() {
        #expect(Preset.sphere.suggestedRun == (.sgd, 0.1, 20))
        #expect(Preset.bookCh6.suggestedRun == (.sgd, 0.95, 30))
        #expect(Preset.sphere.start == [-3, 4] && Preset.bookCh6.start == [-7, 2])
    }

    @Test func anObjectiveCarriesItsPresetsLandscapeWhateverItsSpelling() throws {
        #expect(Preset.rosenbrock.objective.landscape?.levelScale == .log)
        #expect(Preset.sphere.objective.landscape?.x == -3.5...3.5)
        #expect(try Objective(expression: "x0^2 + x1^2").landscape == nil)
    }
}
