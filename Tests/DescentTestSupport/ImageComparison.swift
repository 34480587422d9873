import DescentPlot
import Foundation

/// Two RGBA images of the same size compared: the mean absolute difference of each channel, and
/// the 8-connected regions of pixels that differ by more than a threshold in some channel.
public struct ImageComparison: Sendable {
    /// A region of differing pixels: its size, bounding box and its largest difference, with the
    /// two colours there.
    public struct Region: CustomStringConvertible, Sendable {
        public var pixels = 0
        public var minX = Int.max, minY = Int.max, maxX = Int.min, maxY = Int.min
        public var worst = (x: 0, y: 0, difference: 0)
        public var first: (r: UInt8, g: UInt8, b: UInt8, a: UInt8) = (0, 0, 0, 0)
        public var second: (r: UInt8, g: UInt8, b: UInt8, a: UInt8) = (0, 0, 0, 0)

        public var description: String {
            "\(pixels) px in x \(minX)…\(maxX), y \(minY)…\(maxY); worst \(worst.difference) at (\(worst.x), \(worst.y)): "
                + "first \(first), second \(second)"
        }
    }

    public let width: Int
    public let height: Int
    /// The largest channel difference of every pixel, row after row.
    public let differences: [Int]
    /// The mean absolute difference of each channel (R, G, B, A).
    public let meanDifference: [Double]
    /// The regions of pixels that differ by more than the threshold.
    public let regions: [Region]

    /// Compares `first` and `second` (of the same size), pixel by pixel.
    ///
    /// - Complexity: O(w·h).
    public init(_ first: PNGCodec.Image, _ second: PNGCodec.Image, threshold: Int) {
        precondition(first.width == second.width && first.height == second.height, "images of different sizes")
        width = first.width
        height = first.height
        var sums = [0, 0, 0, 0]
        var differences = [Int](repeating: 0, count: width * height)
        for pixel in 0..<(width * height) {
            for channel in 0..<4 {
                let d = abs(Int(first.rgba[pixel * 4 + channel]) - Int(second.rgba[pixel * 4 + channel]))
                sums[channel] += d
                differences[pixel] = max(differences[pixel], d)
            }
        }
        self.differences = differences
        meanDifference = sums.map { Double($0) / Double(max(1, first.width * first.height)) }
        var regions: [Region] = []
        var seen = [Bool](repeating: false, count: width * height)
        for start in 0..<(width * height) where differences[start] > threshold && !seen[start] {
            var region = Region()
            var stack = [start]
            seen[start] = true
            while let pixel = stack.popLast() {
                let (x, y) = (pixel % first.width, pixel / first.width)
                region.pixels += 1
                region.minX = min(region.minX, x)
                region.maxX = max(region.maxX, x)
                region.minY = min(region.minY, y)
                region.maxY = max(region.maxY, y)
                if differences[pixel] > region.worst.difference {
                    region.worst = (x, y, differences[pixel])
                    region.first = first.pixel(x, y)
                    region.second = second.pixel(x, y)
                }
                for dy in -1...1 {
                    for dx in -1...1 {
                        let (nx, ny) = (x + dx, y + dy)
                        guard (0..<first.width).contains(nx), (0..<first.height).contains(ny) else { continue }
                        let neighbour = ny * first.width + nx
                        if differences[neighbour] > threshold && !seen[neighbour] {
                            seen[neighbour] = true
                            stack.append(neighbour)
                        }
                    }
                }
            }
            regions.append(region)
        }
        self.regions = regions
    }

    /// The differences as a grey PNG, amplified 4×, black where the images agree.
    public func differenceImage() throws -> Data {
        let rgba = differences.flatMap { d -> [UInt8] in
            let v = UInt8(min(255, d * 4))
            return [v, v, v, 255]
        }
        return try PNGCodec.encode(rgba: rgba, width: width, height: height, dpi: 100, metadata: [])
    }

    /// The largest difference of any channel of any pixel.
    public var largestDifference: Int { differences.max() ?? 0 }
}
