import DescentCore
import Testing

@Suite struct LearningRateSweepTests {
    @Test func theDefaultRatesAreFourADecadeWithEveryDecadeExact() {
        let rates = LearningRateSweep.logSpaced(LearningRateSweep.bookRange, count: LearningRateSweep.defaultCount)
        #expect(rates.count == 45)
        #expect(rates.first == 1e-10 && rates.last == 10)
        #expect(zip(rates, rates.dropFirst()).allSatisfy { $0 < $1 })
        let decades = (-10...1).map { Double("1e\($0)")! }
        #expect(decades.allSatisfy(rates.contains), "every power of ten, as the literal reads")
        #expect(rates.contains(1e-8) && rates.contains(0.1) && rates.contains(10))
    }

    @Test func aSweepGivesEachRateTheRunItWouldHaveAlone() throws {
        let rates = [1e-8, 0.1, 1, 10]
        let objective = Preset.sphere.objective
        let runs = try LearningRateSweep.run(rates) { rate throws(DescentError) in
            try GradientDescent.run(objective, from: [-3, 4], learningRate: rate, steps: 20)
        }
        #expect(runs.map(\.learningRate) == rates)
        for run in runs {
            let alone = try GradientDescent.run(objective, from: [-3, 4], learningRate: run.learningRate, steps: 20)
            #expect(run.final.map(\.bitPattern) == alone.final.map(\.bitPattern))
        }
        #expect(runs.map(\.outcome.status) == [.stalled, .converged, .oscillating, .stalled])
    }

    @Test func aSmallSweepOnTheCallingThreadGivesTheSameRunsAsOnAllCores() throws {
        let rates = LearningRateSweep.logSpaced(LearningRateSweep.bookRange, count: LearningRateSweep.defaultCount)
        let objective = Preset.sphere.objective
        let descend: @Sendable (Double) throws(DescentError) -> Trajectory = { rate throws(DescentError) in
            try GradientDescent.run(objective, from: [-3, 4], learningRate: rate, steps: 100)
        }
        let work = rates.count * 100 * 2
        #expect(work < LearningRateSweep.parallelWork, "the book's sweep runs on the calling thread")
        let serial = try LearningRateSweep.run(rates, work: work, descend)
        let parallel = try LearningRateSweep.run(rates, descend)
        #expect(serial.map(\.learningRate) == rates)
        #expect(serial.map { $0.final.map(\.bitPattern) } == parallel.map { $0.final.map(\.bitPattern) })
        #expect(serial.map { $0.values.map(\.bitPattern) } == parallel.map { $0.values.map(\.bitPattern) })
    }

    @Test(arguments: [nil, 4]) func theFirstErrorInRateOrderIsThrown(work: Int?) {
        let error = #expect(throws: DescentError.self) {
            try LearningRateSweep.run([0.1, 1], work: work) { rate throws(DescentError) in
                try GradientDescent.run(
                    Preset.sphere.objective, from: rate == 1 ? [.nan, 1] : [1, 2, 3], learningRate: rate, steps: 1)
            }
        }
        #expect(error?.description.hasPrefix("the start point has 3 coordinates") == true)
    }
}
