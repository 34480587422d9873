import ArgumentParser
import DescentCore
import DescentPlot
import Foundation

/// The flags that shape a figure and say where it goes (DESIGN.md §3).
struct FigureOptions: ParsableArguments {
    /// Where figures go unless told otherwise.
    static let defaultFolder = "output"

    /// The default file of a figure: `output/<name>.png`.
    static func defaultPath(_ name: String) -> String { "\(defaultFolder)/\(name).png" }

    @Option(
        help: ArgumentHelp(
            "Draw the figure to FILE: \(Figure.FileFormat.choices). Default: output/\u{3c}name\u{3e}.png.",
            valueName: "file"))
    var output: String?

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Width in pixels (per panel). Default: 640.", valueName: "pixels"),
        transform: ArgumentValues.pixelSize)
    var width: Double = 640

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Height in pixels. Default: 480.", valueName: "pixels"),
        transform: ArgumentValues.pixelSize)
    var height: Double = 480

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Resolution: text and line sizes in points become dpi/72 pixels. Default: 100.", valueName: "dpi"),
        transform: ArgumentValues.dpi)
    var dpi: Double = 100

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "The x range shown, e.g. --xlim=-3.5,3.5. Default: the book's, or the data's.", valueName: "low,high"),
        transform: ArgumentValues.range)
    var xlim: ClosedRange<Double>?

    @Option(
        parsing: .unconditional, help: ArgumentHelp("The y range shown.", valueName: "low,high"),
        transform: ArgumentValues.range)
    var ylim: ClosedRange<Double>?

    @Option(help: "A title for the figure.")
    var title: String?

    @Option(
        name: .customLong("svg-text"), help: "SVG text as glyph outlines (same everywhere) or characters (selectable).")
    var svgText: SVGTextMode = .outlines

    enum SVGTextMode: String, ExpressibleByArgument, CaseIterable {
        case outlines, characters
    }

    @Option(
        help: ArgumentHelp(
            "Colours: light (the book's), dark, or auto (an SVG that follows the reader's light or dark "
                + "setting through CSS; a PNG is light).", valueName: "theme"))
    var theme: Theme.Choice = .light

    @Flag(help: "Leave the background out: transparent pixels in a PNG, no background in an SVG.")
    var transparent = false

    @Option(
        help: ArgumentHelp(
            "PNG compression: standard (files smaller than matplotlib's) or fast (for bulk work: about 60 % of "
                + "the encoding time, files 16 % larger across the gallery). Default: standard.", valueName: "mode"))
    var pngCompression: PNGCompression = .standard

    /// The options of a trajectory figure drawn in `style`, with `contours` behind the path.
    func plotOptions(style: TrajectoryFigures.Style, contours: LandscapeContours) -> TrajectoryFigures.Options {
        TrajectoryFigures.Options(xLimits: xlim, yLimits: ylim, title: title, style: style, contours: contours)
    }

    /// The output path (`--output`, or `output/<defaultName>.png`), checked before any work: a
    /// figure size within the caps, and a path `checkFigurePath` accepts.
    func destination(defaultName: String, panels: Int, rows: Int = 1) throws(CommandError) -> String {
        let (figureWidth, figureHeight) = (width * Double(panels), height * Double(rows))
        guard max(figureWidth, figureHeight) <= Double(Figure.maximumSide),
            figureWidth * figureHeight <= Figure.maximumPixels
        else {
            let grid = rows == 1 ? "\(panels) panel\(panels == 1 ? "" : "s")" : "\(panels) × \(rows) panels"
            throw .usage(
                "--width \(Int(width)) × \(grid) × --height \(Int(height)): "
                    + "a figure may be at most \(Figure.maximumSide) pixels a side and \(Int(Figure.maximumPixels / 1_000_000)) million pixels in all"
            )
        }
        let path = output ?? Self.defaultPath(defaultName)
        try Self.checkFigurePath(path, flag: "--output")
        return path
    }

    /// Fails unless a figure can be saved to `path` (given with `flag`): a known extension, and a
    /// folder that takes files, or the default folder, which `save` creates, creatable.
    static func checkFigurePath(_ path: String, flag: String) throws(CommandError) {
        do {
            _ = try Figure.FileFormat(requiring: path)
        } catch {
            throw .usage("\(flag) \(error.description)")
        }
        let folder = FolderPath.parent(of: path)
        if folder == defaultFolder, !FileManager.default.fileExists(atPath: folder) {
            try CommandError.requireCreatableFolder(folder, flag: flag)
        } else {
            try CommandError.requireWritable(path, flag: flag)
        }
    }

    /// Saves `figure` to `path` (given with `flag`, which the error names) in the `--theme`, with
    /// the command line in the PNG's metadata, played by `animation` if any (``AnimationOptions``
    /// has checked that the path is an SVG's). The default folder is made here, on first use, and
    /// removed again if the figure cannot be written into it, so a failure leaves no empty folder
    /// behind.
    func save(
        _ figure: Figure, to path: String, flag: String = "--output", font: Font, animation: SVGAnimation? = nil
    ) throws(CommandError) {
        let folder = FolderPath.parent(of: path)
        let makesFolder = folder == Self.defaultFolder && !FileManager.default.fileExists(atPath: folder)
        if makesFolder {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let command = (["descent"] + CommandLine.arguments.dropFirst()).joined(separator: " ")
        do {
            try Self.write(
                figure, to: path, flag: flag, font: font, metadata: [("Software", "Descent"), ("Command", command)],
                textMode: svgText == .outlines ? .outlines : .characters, theme: theme, transparent: transparent,
                animation: animation, pngCompression: pngCompression)
        } catch {
            if makesFolder { rmdir(folder) }
            throw error
        }
    }

    /// Draws `figure` in the format of `path`'s extension and writes it there through a temporary
    /// file renamed into place (``AtomicFile``), so a failure leaves nothing behind. Errors start
    /// with `flag`, when given. The other arguments are ``Figure/fileData(_:font:metadata:textMode:theme:transparent:animation:pngCompression:)``'s.
    static func write(
        _ figure: Figure, to path: String, flag: String? = nil, font: Font, metadata: [(key: String, value: String)],
        textMode: SVGCanvas.TextMode = .outlines, theme: Theme.Choice = .light, transparent: Bool = false,
        animation: SVGAnimation? = nil, pngCompression: PNGCompression = .standard
    ) throws(CommandError) {
        let prefix = flag.map { "\($0) " } ?? ""
        let format: Figure.FileFormat
        do {
            format = try Figure.FileFormat(requiring: path)
        } catch {
            throw .usage(prefix + error.description)
        }
        let data: Data
        do {
            data = try figure.fileData(
                format, font: font, metadata: metadata, textMode: textMode, theme: theme, transparent: transparent,
                animation: animation, pngCompression: pngCompression)
            // The drawing is done: the helper thread the command started stops while the file is written.
            HelperSlot.shared.release()
        } catch {
            throw .cannotCreate("\(prefix)\(path): \(error.description)")
        }
        do {
            try AtomicFile.write(data, to: path)
        } catch {
            throw .cannotCreate(prefix + error.description)
        }
    }

    /// The font, loaded before any work so that a missing one fails fast, or a usage error
    /// naming the path and DESCENT_FONT.
    static func font() throws(CommandError) -> Font {
        do { return try Font.standard() } catch { throw .usage(error.description) }
    }
}

extension Theme.Choice: ExpressibleByArgument {}

extension PNGCompression: ExpressibleByArgument {}
