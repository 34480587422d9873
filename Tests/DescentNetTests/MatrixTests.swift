import Testing

@testable import DescentNet

@Suite struct MatrixTests {
    let a = Matrix<Double>(rows: 2, columns: 3, elements: [1, 2, 3, 4, 5, 6])
    let b = Matrix<Double>(rows: 3, columns: 2, elements: [7, 8, 9, 10, 11, 12])

    @Test func productsFollowTheirTransposes() {
        #expect(Matrix.product(a, b).elements == [58, 64, 139, 154])
        #expect(Matrix.product(a, transposed: true, a).elements == [17, 22, 27, 22, 29, 36, 27, 36, 45])
        #expect(Matrix.product(a, transposed: false, a, transposed: true).elements == [14, 32, 32, 77])
        #expect(
            Matrix.product(a.converted(to: Float.self), b.converted(to: Float.self)).elements == [58, 64, 139, 154])
    }

    /// BLAS may block the rows differently for a smaller product, so sums can round differently:
    /// the split product agrees with the whole one to rounding, not always to the bit.
    @Test func productsSplitBetweenThreadsEqualTheWholeProduct() {
        var random = NumPyRandom(seed: 5)
        let x = Matrix(rows: 37, columns: 23, elements: (0..<(37 * 23)).map { _ in random.nextGaussian() })
        let w = Matrix(rows: 23, columns: 11, elements: (0..<(23 * 11)).map { _ in random.nextGaussian() })
        for parts in [1, 2, 3, 8, 100] {
            var split = Matrix<Double>(rows: 37, columns: 11)
            Matrix.multiplyInParallel(x, w, into: &split, parts: parts)
            #expect(
                maximumRelativeDifference(split.elements, Matrix.product(x, w).elements, floor: 1) < 1e-14,
                "\(parts) parts")
            var transposed = Matrix<Double>(rows: 23, columns: 23)
            Matrix.multiplyInParallel(x, transposed: true, x, into: &transposed, parts: parts)
            let whole = Matrix.product(x, transposed: true, x)
            #expect(maximumRelativeDifference(transposed.elements, whole.elements, floor: 1) < 1e-14)
        }
    }

    @Test func broadcastsSumsAndArgmax() {
        var m = a
        m.addToEachRow([10, 20, 30])
        #expect(m.elements == [11, 22, 33, 14, 25, 36])
        var sums = [0.0, 0, 0]
        a.columnSums(into: &sums)
        #expect(sums == [5, 7, 9])
        #expect(Matrix<Double>(rows: 2, columns: 3, elements: [0, 5, 5, 9, 1, 2]).rowArgmax() == [1, 0])
    }
}
