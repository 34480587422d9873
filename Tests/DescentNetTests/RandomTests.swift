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

    /// `nextInt(below:)` draws what NumPy's legacy `randint` draws (masked rejection sampling on
    /// 32-bit words), bound after bound from one stream: the first four draws and the sum of all
    /// 200 of each bound are NumPy's, from
    /// `np.random.seed(1); [np.random.randint(0, b, 200) for b in (1, 2, 3, 10, 60000, 2**31, 2**32)]`
    /// (NumPy 2.4.6; the legacy stream is frozen). Every draw is in range, and a small bound's
    /// draws reach every value.
    @Test func boundedIntegersAreNumPysAndCoverTheirRange() {
        let numpy: [(bound: Int, first: [Int], sum: Int)] = [
            (1, [0, 0, 0, 0], 0),
            (2, [1, 1, 0, 0], 101),
            (3, [0, 2, 0, 2], 193),
            (10, [6, 4, 7, 6], 884),
            (60000, [22095, 9030, 37208, 1018], 6_308_833),
            (1 << 31, [1_196_742_840, 81_673_047, 764_733_340, 750_417_316], 209_060_072_584),
            (1 << 32, [3_319_298_612, 686_480_289, 1_748_612_790, 870_169_486], 431_504_061_138),
        ]
        var random = NumPyRandom(seed: 1)
        for (bound, first, sum) in numpy {
            let draws = (0..<200).map { _ in random.nextInt(below: bound) }
            #expect(Array(draws.prefix(4)) == first, "bound \(bound)")
            #expect(draws.reduce(0, +) == sum, "bound \(bound)")
            #expect(draws.allSatisfy { (0..<bound).contains($0) }, "bound \(bound)")
            if bound <= 10 { #expect(Set(draws) == Set(0..<bound), "bound \(bound)") }
        }
    }
}
