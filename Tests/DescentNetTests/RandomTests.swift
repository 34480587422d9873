import Testing

@testable import DescentNet

/// NumPy's legacy streams after `np.random.seed(42)`, bit for bit.
@Suite struct RandomTests {
    let stream = NetReference.section("seed42")

    @Test func theGeneratorMatchesMT19937AsNumPySeedsIt() {
        var random = NumPyRandom(seed: 42)
        let expected = (stream["uint32"] as! [Int]).map(UInt32.init)
        #expect((0..<5).map { _ in random.nextUInt32() } == expected)
    }

    @Test func theCallsDrawTheSameNumbersInTheSameOrder() {
        var random = NumPyRandom(seed: 42)
        _ = (0..<5).map { _ in random.nextUInt32() }
        #expect(
            (0..<5).map { _ in random.nextDouble() }.map(\.bitPattern)
                == NetReference.doubles(stream["random_sample"]).map(\.bitPattern))
        // Seven Gaussians: the seventh leaves a cached value, which the next call returns first.
        #expect(random.gaussians(7).map(\.bitPattern) == NetReference.doubles(stream["randn"]).map(\.bitPattern))
        #expect(random.choice(60000, count: 12) == stream["choice_60000"] as! [Int])
        #expect(random.gaussians(3).map(\.bitPattern) == NetReference.doubles(stream["randn_after"]).map(\.bitPattern))
    }

    @Test func aSeededNetworkStartsFromTheBooksWeights() {
        var random = NumPyRandom(seed: 0)
        let network = TwoLayerNet<Double>(inputSize: 784, hiddenSize: 50, outputSize: 10, random: &random)
        let expected = NetReference.section("book_net_seed0")
        #expect(Array(network.w1.elements.prefix(6)) == NetReference.doubles(expected["W1_first"]))
        #expect(Array(network.w1.elements.suffix(3)) == NetReference.doubles(expected["W1_last"]))
        #expect(Array(network.w2.elements.prefix(6)) == NetReference.doubles(expected["W2_first"]))
        #expect(Array(network.w2.elements.suffix(3)) == NetReference.doubles(expected["W2_last"]))
        #expect(network.b1.allSatisfy { $0 == 0 } && network.b2.allSatisfy { $0 == 0 })
    }

    @Test func boundedIntegersStayInRange() {
        var random = NumPyRandom(seed: 1)
        for bound in [1, 2, 3, 10, 60000, 1 << 31] {
            for _ in 0..<200 { #expect((0..<bound).contains(random.nextInt(below: bound))) }
        }
    }
}
