import Foundation

/// A figure: a grid of axes on a canvas of `width` × `height` pixels at `dpi`.
///
/// Layout: each cell of the grid gets its axes box where matplotlib puts a single subplot's
/// (left 12.5 %, right 90 %, bottom 11 %, top 88 % of the cell), so a one-panel 640×480 figure
/// has its box at x = 80, top = 57.6, 496 × 369.6, as the book's figures. Then every box is
/// shrunk, side by side, until its title, labels and tick labels fit inside its cell: no text
/// of one panel can overlap another's, whatever the number of panels (matplotlib's defaults do
/// let them overlap).
public struct Figure: Sendable {
    /// Pixel size. Default: 640 × 480.
    public var width: Double
    public var height: Double
    /// Resolution: how many pixels a point of text or line width takes (1 pt = dpi/72 px). Default: 100.
    public var dpi: Double
    /// The figure's background. Default: ``Color/background``, which the theme chooses.
    public var background: Color = .background
    public let rows: Int
    public let columns: Int
    /// The panels, row after row.
    public var panels: [Axes]

    /// No side longer than this many pixels.
    public static let maximumSide = 10_000
    /// No figure larger than this many pixels in all: the raster canvas keeps 16 bytes a pixel,
    /// so 16 million pixels take 256 MB while drawing.
    public static let maximumPixels = 16_000_000.0

    public init(width: Double = 640, height: Double = 480, dpi: Double = 100, rows: Int = 1, columns: Int = 1) {
        precondition(rows > 0 && columns > 0, "a figure needs at least one panel")
        self.width = width
        self.height = height
        self.dpi = dpi
        self.rows = rows
        self.columns = columns
        panels = Array(repeating: Axes(), count: rows * columns)
    }

    /// The panel at `row`, `column`.
    public subscript(row: Int, column: Int) -> Axes {
        get { panels[row * columns + column] }
        set { panels[row * columns + column] = newValue }
    }

    /// The grid cell of every panel, row after row.
    public var cells: [Rect] {
        let cellWidth = width / Double(columns)
        let cellHeight = height / Double(rows)
        return panels.indices.map { index in
            Rect(
                x: Double(index % columns) * cellWidth, y: Double(index / columns) * cellHeight, width: cellWidth,
                height: cellHeight)
        }
    }

    /// The axes box of every panel, after layout.
    public func layout(font: Font) -> [Rect] {
        let units = PlotUnits(dpi: dpi)
        return zip(panels.indices, cells).map { index, cell in
            let (cellWidth, cellHeight) = (cell.width, cell.height)
            var box = Rect(
                x: cell.minX + PlotDefaults.subplotLeft * cellWidth,
                y: cell.minY + (1 - PlotDefaults.subplotTop) * cellHeight,
                width: (PlotDefaults.subplotRight - PlotDefaults.subplotLeft) * cellWidth,
                height: (PlotDefaults.subplotTop - PlotDefaults.subplotBottom) * cellHeight)
            let allowed = cell.insetBy(units.pixels(2))
            // Shrinking a box can change its ticks, so repeat until the texts fit.
            for _ in 0..<6 {
                let frame = panels[index].frame(box: box, cell: cell, units: units, font: font)
                let used = panels[index].decorations(in: frame).bounds(including: box)
                let left = max(0, allowed.minX - used.minX)
                let right = max(0, used.maxX - allowed.maxX)
                let top = max(0, allowed.minY - used.minY)
                let bottom = max(0, used.maxY - allowed.maxY)
                if left + right + top + bottom == 0 { break }
                box = Rect(
                    x: box.minX + left, y: box.minY + top, width: box.width - left - right,
                    height: box.height - top - bottom)
                guard box.width > 10, box.height > 10 else { break }
            }
            return box
        }
    }

    /// Draws every panel on `canvas`, but a blank one (``Axes/isBlank``): a grid of five leaves
    /// its sixth cell empty.
    public func draw<C: Canvas>(on canvas: inout C, font: Font) {
        let units = PlotUnits(dpi: dpi)
        for ((panel, box), cell) in zip(zip(panels, layout(font: font)), cells) where !panel.isBlank {
            panel.draw(on: &canvas, box: box, cell: cell, units: units, font: font)
        }
    }

    /// The figure as PNG in `theme`, with `metadata` in text chunks (tEXt, or iTXt beyond Latin-1),
    /// compressed as `compression` says.
    public func pngData(
        font: Font, metadata: [(key: String, value: String)] = [], theme: Theme = .light,
        compression: PNGCompression = .standard
    ) throws(PNGCodec.Error) -> Data {
        var canvas = RasterCanvas(
            width: Int(width.rounded(.up)), height: Int(height.rounded(.up)), background: background, theme: theme)
        draw(on: &canvas, font: font)
        return try canvas.png(dpi: dpi, metadata: metadata, compression: compression)
    }

    /// The figure as an SVG document in `theme`, switching to `darkTheme` (if any) for readers who
    /// prefer dark, its reveals played by `animation` (if any).
    public func svgDocument(
        font: Font, textMode: SVGCanvas.TextMode = .outlines, theme: Theme = .light, darkTheme: Theme? = nil,
        animation: SVGAnimation? = nil
    ) -> String {
        var canvas = SVGCanvas(
            width: width, height: height, background: background, textMode: textMode, theme: theme,
            darkTheme: darkTheme, animation: animation)
        draw(on: &canvas, font: font)
        return canvas.document
    }

    /// The file formats a figure is drawn to, by extension.
    public enum FileFormat: String, CaseIterable, Sendable {
        case png, svg

        /// The format of `path`'s extension (case-insensitive), or `nil`.
        public init?(path: String) {
            self.init(rawValue: URL(fileURLWithPath: path).pathExtension.lowercased())
        }

        /// The format of `path`'s extension (case-insensitive).
        ///
        /// - Throws: ``UnknownExtension``, naming the path and the extensions allowed.
        public init(requiring path: String) throws(UnknownExtension) {
            guard let format = FileFormat(path: path) else { throw UnknownExtension(path: path) }
            self = format
        }

        /// The extensions, for messages and help: `.png or .svg`.
        public static var choices: String {
            let names = allCases.map { ".\($0.rawValue)" }
            return names.dropLast().joined(separator: ", ") + " or " + names.last!
        }

        /// A path whose extension names no format.
        public struct UnknownExtension: Error, CustomStringConvertible {
            public let path: String
            /// `<path>: the file name must end in .png or .svg`.
            public var description: String { "\(path): the file name must end in \(FileFormat.choices)" }
        }
    }

    /// A figure that could not be drawn to the format asked for.
    public struct EncodingError: Error, CustomStringConvertible {
        public let description: String
    }

    /// The figure drawn as the bytes of a `format` file, for the caller to write where it wants:
    /// `metadata` goes into the PNG's text chunks (an SVG carries none, so it depends on the
    /// drawing alone), `theme` chooses the colours (``Theme/Choice/auto``: an SVG that follows the
    /// reader, a light PNG), `transparent` leaves the background out, and `animation` plays the
    /// figure's reveals — in an SVG only; `pngCompression` sets a PNG's zlib level.
    ///
    /// - Throws: ``EncodingError`` for an animated PNG, or when libpng fails.
    public func fileData(
        _ format: FileFormat, font: Font, metadata: [(key: String, value: String)] = [],
        textMode: SVGCanvas.TextMode = .outlines, theme: Theme.Choice = .light, transparent: Bool = false,
        animation: SVGAnimation? = nil, pngCompression: PNGCompression = .standard
    ) throws(EncodingError) -> Data {
        switch format {
        case .png:
            guard animation == nil else {
                throw EncodingError(description: "a PNG cannot be animated; write the animation to an .svg file")
            }
            do {
                return try pngData(
                    font: font, metadata: metadata, theme: theme.theme.transparent(transparent),
                    compression: pngCompression)
            } catch {
                throw EncodingError(description: error.description)
            }
        case .svg:
            return Data(
                svgDocument(
                    font: font, textMode: textMode, theme: theme.theme.transparent(transparent),
                    darkTheme: theme.darkTheme?.transparent(transparent), animation: animation
                ).utf8)
        }
    }
}
