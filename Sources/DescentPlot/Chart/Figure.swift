import DescentCore
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
    /// The whole figure's size in pixels, every panel included. Default: 640 × 480 a panel.
    public var width: Double
    /// The whole figure's height in pixels. Default: 480 a panel row.
    public var height: Double
    /// Resolution: how many pixels a point of text or line width takes (1 pt = dpi/72 px). Default: 100.
    public var dpi: Double
    /// The figure's background. Default: ``Color/background``, which the theme chooses.
    public var background: Color = .background
    /// Rows of panels. Default: 1.
    public let rows: Int
    /// Columns of panels. Default: 1.
    public let columns: Int
    /// The panels, row after row.
    public var panels: [Axes]

    /// No side longer than this many pixels.
    public static let maximumSide = 10_000
    /// No figure larger than this many pixels in all: the raster canvas keeps 3 bytes a pixel on an
    /// opaque background and 16 on a transparent one, so 16 million pixels take 48 MB, or 256 MB
    /// (and up to half as much again for a part drawn on a second thread) while drawing.
    public static let maximumPixels = 16_000_000.0

    /// A figure of `rows` × `columns` panels, each `panelWidth` × `panelHeight` pixels (as the
    /// command line's `--width` and `--height`), so `Figure(columns: 2)` is 1280 × 480: two panels
    /// of matplotlib's default size side by side.
    ///
    /// - Precondition: `rows > 0` and `columns > 0`. The size is not checked: the command line
    ///   holds it to ``maximumSide`` and ``maximumPixels``, and a program should too.
    public init(
        panelWidth: Double = 640, panelHeight: Double = 480, dpi: Double = 100, rows: Int = 1, columns: Int = 1
    ) {
        self.init(
            width: panelWidth * Double(columns), height: panelHeight * Double(rows), dpi: dpi, rows: rows,
            columns: columns)
    }

    /// A figure of `width` × `height` pixels in all, shared by `rows` × `columns` equal panels.
    ///
    /// - Precondition: `rows > 0` and `columns > 0`; the size is not checked, as for
    ///   ``init(panelWidth:panelHeight:dpi:rows:columns:)``.
    public init(width: Double, height: Double, dpi: Double = 100, rows: Int = 1, columns: Int = 1) {
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
    ///
    /// Each box starts where matplotlib puts a single subplot's in its cell and shrinks until its
    /// texts fit the cell, less 2 pt (at most six rounds, as shrinking can change the ticks); a box
    /// never shrinks below 10 px a side.
    ///
    /// - Complexity: per panel, up to six layouts of its tick labels, labels and title.
    public func layout(font: Font) -> [Rect] {
        zip(panels, cells).map { panel, cell in Self.box(of: panel, in: cell, units: PlotUnits(dpi: dpi), font: font) }
    }

    /// The axes box of `panel` in `cell`, as ``layout(font:)`` describes it.
    private static func box(of panel: Axes, in cell: Rect, units: PlotUnits, font: Font) -> Rect {
        let (cellWidth, cellHeight) = (cell.width, cell.height)
        var box = Rect(
            x: cell.minX + PlotDefaults.subplotLeft * cellWidth,
            y: cell.minY + (1 - PlotDefaults.subplotTop) * cellHeight,
            width: (PlotDefaults.subplotRight - PlotDefaults.subplotLeft) * cellWidth,
            height: (PlotDefaults.subplotTop - PlotDefaults.subplotBottom) * cellHeight)
        let allowed = cell.insetBy(units.pixels(2))
        // Shrinking a box can change its ticks, so repeat until the texts fit.
        for _ in 0..<6 {
            let frame = panel.frame(box: box, cell: cell, units: units, font: font)
            let used = panel.decorations(in: frame).bounds(including: box)
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

    /// Draws every panel on `canvas`, but a blank one (``Axes/isBlank``): a grid of five leaves
    /// its sixth cell empty.
    ///
    /// - Complexity: the layout, then every artist's drawing.
    public func draw<C: Canvas>(on canvas: inout C, font: Font) {
        let units = PlotUnits(dpi: dpi)
        for ((panel, box), cell) in zip(zip(panels, layout(font: font)), cells) where !panel.isBlank {
            panel.draw(on: &canvas, box: box, cell: cell, units: units, font: font)
        }
    }

    /// The pixels of every cell: the cells' edges rounded to whole pixels, so that the windows tile
    /// a canvas of `width` × `height` pixels.
    private func pixelCells(width: Int, height: Int) -> [PixelBounds] {
        func edge(_ index: Int, of count: Int, across length: Int) -> Int {
            index == count ? length : Int((Double(index) * Double(length) / Double(count)).rounded())
        }
        return panels.indices.map { index in
            let (row, column) = (index / columns, index % columns)
            return PixelBounds(
                minX: edge(column, of: columns, across: width), minY: edge(row, of: rows, across: height),
                maxX: edge(column + 1, of: columns, across: width), maxY: edge(row + 1, of: rows, across: height))
        }
    }

    /// Draws on `canvas`, a window of the figure's pixels holding the rows `rows`
    /// (``RasterCanvas/init(width:height:window:background:theme:)``), the panels that reach them:
    /// those whose cells meet the rows, as the layout keeps every text of a panel inside its cell
    /// (2 pt in: at least a pixel from 36 dpi on, so the cells' edges may be rounded to whole
    /// pixels), or every panel below 36 dpi. Each pixel of the window comes out as on a canvas of
    /// the whole figure, but for rounding along a shape the window's edge cuts (a byte in
    /// millions, by 1: ``RasterCanvas/init(width:height:window:background:theme:)``). A panel
    /// whose texts reach beyond its cell (at sizes too small to lay them out: the layout gives up
    /// after six rounds or at a 10 px box) would lose what reaches into a part of rows its cell
    /// does not meet.
    ///
    /// - Complexity: the layout and drawing of the panels that meet the rows.
    private func draw(on canvas: inout RasterCanvas, font: Font, rows: Range<Int>) {
        let units = PlotUnits(dpi: dpi)
        let (cells, windows) = (cells, pixelCells(width: Int(canvas.width), height: Int(canvas.height)))
        let everyPanel = units.pixels(2) < 1
        for index in panels.indices where !panels[index].isBlank {
            let window = windows[index]
            guard everyPanel || (window.minY < rows.upperBound && window.maxY > rows.lowerBound) else { continue }
            let box = Self.box(of: panels[index], in: cells[index], units: units, font: font)
            panels[index].draw(on: &canvas, box: box, cell: cells[index], units: units, font: font)
        }
    }

    /// The figure as PNG in `theme`, with `metadata` in text chunks (tEXt, or iTXt beyond Latin-1),
    /// compressed as `compression` says.
    ///
    /// An image large enough to be deflated in two parts (`PNGCodec.partCut`) is drawn in them
    /// too: the rows above its middle row and the rows from it on, each on a window of the
    /// figure's pixels, drawn and then deflated by one thread: the calling thread and a helper
    /// thread each take the part left (`SharedWork.map(_:_:)`), the calling thread both when
    /// the helper comes late (on a single core, one after the other: the same bytes). Neither waits for the other until the parts are joined: the parts of the zlib
    /// stream stand alone (`descent_png_deflate_rows`). Panels crossing the cut are laid out and
    /// cut into shapes by both threads.
    ///
    /// - Complexity: O(pixels) besides the drawing: the canvas is allocated, drawn and compressed.
    public func pngData(
        font: Font, metadata: [(key: String, value: String)] = [], theme: Theme = .light,
        compression: PNGCompression = .standard
    ) throws(PNGCodec.Error) -> Data {
        let (pixelWidth, pixelHeight) = (Int(width.rounded(.up)), Int(height.rounded(.up)))
        try PNGCodec.checkSize(width: pixelWidth, height: pixelHeight)
        let channels = RasterCanvas.pngChannels(background: background, theme: theme)
        guard
            let cut = PNGCodec.partCut(
                width: pixelWidth, height: pixelHeight, channels: channels, compression: compression)
        else {
            var canvas = RasterCanvas(width: pixelWidth, height: pixelHeight, background: background, theme: theme)
            draw(on: &canvas, font: font)
            return try canvas.png(dpi: dpi, metadata: metadata, compression: compression)
        }
        @Sendable func part(_ rows: Range<Int>) -> Result<PNGCodec.DeflatedRows, PNGCodec.Error> {
            var canvas = RasterCanvas(
                width: pixelWidth, height: pixelHeight,
                window: PixelBounds(minX: 0, minY: rows.lowerBound, maxX: pixelWidth, maxY: rows.upperBound),
                background: background, theme: theme)
            draw(on: &canvas, font: font, rows: rows)
            return Result { () throws(PNGCodec.Error) in
                try canvas.deflatedRows(compression: compression, isLast: rows.upperBound == pixelHeight)
            }
        }
        // On the helper the program started ahead (`HelperSlot.prestart`), its core already awake.
        let parts = SharedWork.map([0..<cut, cut..<pixelHeight], part)
        return try PNGCodec.assemble(
            parts.map { part throws(PNGCodec.Error) in try part.get() }, width: pixelWidth, channels: channels,
            dpi: dpi, metadata: metadata, compression: compression)
    }

    /// The figure as an SVG document in `theme`, switching to `darkTheme` (if any) for readers who
    /// prefer dark, its reveals played by `animation` (if any).
    ///
    /// - Complexity: the drawing; the document grows with the paths drawn, not with the pixels.
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
        /// PNG through libpng: anti-aliased pixels, with text chunks for metadata.
        case png
        /// SVG 1.1 written by ``SVGCanvas``: the same paths as vectors.
        case svg

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
            /// The path given, whose extension is neither `.png` nor `.svg`.
            public let path: String
            /// `<path>: the file name must end in .png or .svg`.
            public var description: String { "\(path): the file name must end in \(FileFormat.choices)" }
        }
    }

    /// A figure that could not be drawn to the format asked for.
    public struct EncodingError: Error, CustomStringConvertible {
        /// What went wrong, as `a PNG cannot be animated; write the animation to an .svg file`.
        public let description: String
    }

    /// The figure drawn as the bytes of a `format` file, for the caller to write where it wants:
    /// `metadata` goes into the PNG's text chunks (an SVG carries none, so it depends on the
    /// drawing alone), `theme` chooses the colours (``Theme/Choice/auto``: an SVG that follows the
    /// reader, a light PNG), `transparent` leaves the background out, and `animation` plays the
    /// figure's reveals — in an SVG only; `pngCompression` sets a PNG's zlib level.
    ///
    /// - Throws: ``EncodingError`` for an animated PNG, or when libpng fails.
    /// - Complexity: as ``pngData(font:metadata:theme:compression:)`` or
    ///   ``svgDocument(font:textMode:theme:darkTheme:animation:)``.
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
