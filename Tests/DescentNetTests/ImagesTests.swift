import Testing

@testable import DescentNet

/// Images read from IDX files stay bytes; what the network reads from them must be the Floats the
/// book's `astype(np.float32) / 255.0` makes, and those converted to its precision.
@Suite struct ImagesTests {
    /// Every byte value, in an order that is not the identity, across rows of an odd width.
    static let bytes: [UInt8] = (0..<(7 * 111)).map { UInt8(($0 * 37 + 11) % 256) }

    @Test func bytesGatherAsTheBooksFloats() {
        let images = Images(rows: 7, columns: 111, bytes: Self.bytes)
        let indices = [3, 0, 6, 6, 1]
        var floats = [Float](repeating: .nan, count: indices.count * 111)
        var doubles = [Double](repeating: .nan, count: indices.count * 111)
        images.copyRows(indices, into: &floats)
        images.copyRows(indices, into: &doubles)
        let expected = indices.flatMap { row in Self.bytes[(row * 111)..<((row + 1) * 111)].map { Float($0) / 255 } }
        #expect(floats.map(\.bitPattern) == expected.map(\.bitPattern))
        #expect(doubles.map(\.bitPattern) == expected.map { Double($0).bitPattern })
        #expect(Set(Self.bytes).count == 256)
    }

    @Test func floatImagesGatherAsGiven() {
        let values = Self.bytes.map { Float($0) / 256 }
        let images = Images(Matrix(rows: 7, columns: 111, elements: values))
        #expect(images.matrix(rows: 2..<4, as: Double.self).elements == values[222..<444].map(Double.init))
        #expect(images.prefix(2).matrix(as: Float.self).elements == Array(values[0..<222]))
        #expect(images[6, 110] == values[776])
    }

    @Test func bytesAndTheirFloatsAreTheSameImages() {
        let bytes = Images(rows: 7, columns: 111, bytes: Self.bytes)
        let floats = Images(bytes.matrix(as: Float.self))
        #expect(bytes.prefix(3).matrix(as: Double.self) == floats.prefix(3).matrix(as: Double.self))
        #expect(bytes[4, 5] == Float(Self.bytes[449]) / 255)
        #expect(bytes.byteCount == 777 && floats.byteCount == 4 * 777)
    }
}
