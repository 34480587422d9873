import DescentCore
import Testing

/// Points are indexed from 0, as arrays are, wherever they are stored.
@Suite struct PointListTests {
    @Test func aRunsPointsAreIndexedFromZero() throws {
        let run = try GradientDescent.run(Preset.sphere.objective, from: [-3, 4], learningRate: 0.1, steps: 20)
        #expect(run.history[0][0] == -3 && run.history[0][1] == 4)
        #expect(run.history[1][0] == Array(run.history[1])[0])
        #expect(run.history[1].indices == 0..<2)
        #expect(run.history.map { $0[1] }.count == 20)
        #expect(run.points[20][0] == run.final[0] && run.points[20][1] == run.final[1])
    }

    @Test func pointsCompareAndPrintAsArraysDo() {
        let list = PointList([[1, 2], [-2.4, 3.2]], dimension: 2)
        #expect(list.count == 2 && list.coordinates == [1, 2, -2.4, 3.2])
        #expect(list[1] == PointList.Coordinates([-2.4, 3.2]))
        #expect(list[1] != PointList.Coordinates([-2.4, 3.3]))
        #expect(list[1].description == [-2.4, 3.2].description)
        #expect(Array(list[1]) == [-2.4, 3.2])
    }

    @Test func aPathComputedElsewhereBecomesATrajectory() throws {
        let points: [[Double]] = [[-3, 4], [-2.4, 3.2], [-1.92, 2.56]]
        let path = try Trajectory(recorded: points, objective: Preset.sphere.objective)
        #expect(path.history.count == 2 && path.history[1][0] == -2.4)
        #expect(path.final == [-1.92, 2.56])
        #expect(path.values == [25, Preset.sphere.objective([-2.4, 3.2])])
        let unknown = try Trajectory(recorded: points)
        #expect(unknown.knownObjective == nil && unknown.history.dimension == 2)
    }

    @Test(arguments: [
        ([] as [[Double]], "an empty history: no points"),
        ([[]], "point 0 has no coordinates"),
        ([[1, 2], [3]], "point 1 has 1 coordinate where point 0 has 2"),
    ])
    func pointsThatMakeNoPathAreRefused(points: [[Double]], message: String) {
        #expect(throws: DescentError.self) { try Trajectory(recorded: points) }
        do {
            _ = try Trajectory(recorded: points)
        } catch {
            #expect(error.description == message)
        }
    }
}
