import CFreeType
import Foundation

/// A font file read through FreeType: glyph outlines in font units (y up), advances and kerning.
///
/// Outlines are loaded unscaled and unhinted (`FT_LOAD_NO_SCALE`), so text is laid out with exact
/// fractional advances and scaled as paths: the same geometry in PNG and SVG at any size.
/// Loaded glyphs are cached; a lock makes one font safe to share between threads.
public final class Font: @unchecked Sendable {
    /// A font that cannot be used, with the path and what to do about it.
    public struct LoadError: Error, CustomStringConvertible {
        /// The path, what is wrong, and what to do: install `fonts-dejavu-core`, or set
        /// ``Font/environmentVariable`` to another font file.
        public let description: String
    }

    /// DejaVu Sans from Debian's `fonts-dejavu-core`, matplotlib's default font.
    public static let defaultPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

    /// The environment variable that names another font file.
    public static let environmentVariable = "DESCENT_FONT"

    /// Font units per em (2048 for DejaVu Sans).
    public let unitsPerEm: Double
    /// The file the font came from.
    public let path: String

    private var library: FT_Library?
    private var face: FT_Face?
    private let lock = NSLock()
    private var glyphs: [UInt32: Glyph] = [:]
    private var flattenedGlyphs: [FlattenedGlyphKey: FlattenedGlyph] = [:]
    /// Layouts made (``layout(_:size:typographicMinus:)``), emptied when it holds
    /// ``layoutCacheCapacity`` of them.
    private var layouts: [LayoutKey: KeptLayout] = [:]

    /// The most layouts kept: a figure lays out a few hundred texts, most of them several times
    /// (the layout of its panels measures the tick labels, titles and notes, then draws them).
    private static let layoutCacheCapacity = 4096

    /// A text, its size's bit pattern and whether its minus signs are typographic.
    private struct LayoutKey: Hashable {
        let text: RichText
        let size: UInt64
        let typographicMinus: Bool
    }

    /// A layout as the font keeps it: all of it but the font, which a kept ``TextLayout`` would
    /// hold, so that the font could never be released.
    private struct KeptLayout {
        let glyphs: [PlacedGlyph]
        let width: Double
        let ascent: Double
        let descent: Double
        let size: Double
        let text: RichText

        init(_ layout: TextLayout) {
            (glyphs, width, ascent, descent, size, text) =
                (layout.glyphs, layout.width, layout.ascent, layout.descent, layout.size, layout.text)
        }

        /// The layout, in `font`.
        func layout(in font: Font) -> TextLayout {
            TextLayout(
                glyphs: glyphs, font: font, width: width, ascent: ascent, descent: descent, size: size, text: text)
        }
    }

    /// A glyph at one size: its index and the bit patterns of its x and y scale factors.
    private struct FlattenedGlyphKey: Hashable {
        let index: UInt32
        let scaleX: UInt64
        let scaleY: UInt64
    }

    /// A glyph's outline at one size, flattened, the smallest rectangle holding its points (`nil`
    /// for a glyph without any), and the winding number with which its contours fill when they
    /// are free of overlap (+1 or −1; `nil` when they may overlap: ``OverlapFreedom``).
    struct FlattenedGlyph {
        let polygons: [Polyline]
        let bounds: Rect?
        let filling: Int?
    }

    /// The outline and advance of one glyph, in font units.
    struct Glyph {
        let outline: Path
        let advance: Double
    }

    /// Opens the font at `path`.
    ///
    /// - Complexity: opens and parses the font's tables; glyphs are loaded later, on first use.
    public init(path: String) throws(LoadError) {
        self.path = path
        // `stat` follows symbolic links, so a link to a font is a font. (Foundation's
        // `attributesOfItem` answered the same, after looking up the file owner's name in
        // /etc/passwd and /etc/group.)
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw LoadError(
                description: "the font file \(path) does not exist; install fonts-dejavu-core or set "
                    + "\(Self.environmentVariable) to a TrueType font")
        }
        // FreeType would block on a FIFO and read a device without end.
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw LoadError(
                description:
                    "the font file \(path) is not a regular file; set \(Self.environmentVariable) to a TrueType font")
        }
        guard FT_Init_FreeType(&library) == 0, let library else {
            throw LoadError(description: "FreeType could not start")
        }
        guard FT_New_Face(library, path, 0, &face) == 0, let face else {
            FT_Done_FreeType(library)
            throw LoadError(
                description:
                    "\(path) is not a font FreeType can read; set \(Self.environmentVariable) to a TrueType font")
        }
        unitsPerEm = Double(face.pointee.units_per_EM)
    }

    deinit {
        if let face { FT_Done_Face(face) }
        if let library { FT_Done_FreeType(library) }
    }

    nonisolated(unsafe) private static var shared: Font?
    private static let sharedLock = NSLock()

    /// The font named by `DESCENT_FONT`, or DejaVu Sans, loaded once.
    public static func standard() throws(LoadError) -> Font {
        sharedLock.lock()
        defer { sharedLock.unlock() }
        if let shared { return shared }
        let path =
            getenv(environmentVariable).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? defaultPath
        let font = try Font(path: path)
        shared = font
        return font
    }

    /// The glyph index for a character (0, the missing glyph, when the font has none).
    func glyphIndex(_ scalar: Unicode.Scalar) -> UInt32 {
        lock.lock()
        defer { lock.unlock() }
        return FT_Get_Char_Index(face, FT_ULong(scalar.value))
    }

    /// The kerning between two glyphs, in font units (from the font's `kern` table; 0 without one).
    func kerning(_ left: UInt32, _ right: UInt32) -> Double {
        lock.lock()
        defer { lock.unlock() }
        var vector = FT_Vector()
        guard FT_Get_Kerning(face, left, right, FT_UInt(FT_KERNING_UNSCALED.rawValue), &vector) == 0 else { return 0 }
        return Double(vector.x)
    }

    /// The layout of `text` at `size` from the cache, or `make()`'s, which is cached.
    func cachedLayout(
        of text: RichText, size: Double, typographicMinus: Bool, _ make: () -> TextLayout
    ) -> TextLayout {
        let key = LayoutKey(text: text, size: size.bitPattern, typographicMinus: typographicMinus)
        lock.lock()
        let kept = layouts[key]
        lock.unlock()
        if let kept { return kept.layout(in: self) }
        let layout = make()
        lock.lock()
        if layouts.count >= Self.layoutCacheCapacity { layouts.removeAll(keepingCapacity: true) }
        layouts[key] = KeptLayout(layout)
        lock.unlock()
        return layout
    }

    /// The outline of glyph `index`, in font units with y pointing up.
    public func outline(ofGlyph index: UInt32) -> Path { glyph(index).outline }

    /// The outline and advance of glyph `index`, in font units with y pointing up.
    func glyph(_ index: UInt32) -> Glyph {
        lock.lock()
        defer { lock.unlock() }
        if let cached = glyphs[index] { return cached }
        var glyph = Glyph(outline: Path(), advance: 0)
        if let face, FT_Load_Glyph(face, index, Int32(FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP)) == 0,
            let slot = face.pointee.glyph
        {
            glyph = Glyph(
                outline: Self.decompose(&slot.pointee.outline), advance: Double(slot.pointee.metrics.horiAdvance))
        }
        glyphs[index] = glyph
        return glyph
    }

    /// The outline of glyph `index` scaled by (`scaleX`, `scaleY`) from font units (pixels per
    /// font unit, `scaleY` negative to turn y down) and flattened at ``Path/flatteningTolerance``,
    /// with its bounds and whether it is free of overlap, cached per glyph and size: a raster
    /// canvas places the same few glyphs (digits, the minus sign, the letters of labels) again and
    /// again, and moves the cached polygons instead of transforming and flattening the curves each
    /// time. Flattening commutes with moving and turning (Wang's formula measures lengths), so the
    /// polygons are those of the placed outline, and moved they keep their freedom from overlap.
    func flattenedOutline(ofGlyph index: UInt32, scaleX: Double, scaleY: Double) -> FlattenedGlyph {
        let key = FlattenedGlyphKey(index: index, scaleX: scaleX.bitPattern, scaleY: scaleY.bitPattern)
        lock.lock()
        let cached = flattenedGlyphs[key]
        lock.unlock()
        if let cached { return cached }
        let polygons = glyph(index).outline.transformed(by: .scale(scaleX, scaleY)).flattened()
        let points = polygons.flatMap(\.points)
        let bounds = points.first.map { first in
            let (minX, maxX) = points.reduce((first.x, first.x)) { (min($0.0, $1.x), max($0.1, $1.x)) }
            let (minY, maxY) = points.reduce((first.y, first.y)) { (min($0.0, $1.y), max($0.1, $1.y)) }
            return Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
        }
        let flattened = FlattenedGlyph(
            polygons: polygons, bounds: bounds, filling: OverlapFreedom.filling(polygons))
        lock.lock()
        flattenedGlyphs[key] = flattened
        lock.unlock()
        return flattened
    }

    /// The outline as a path, through `FT_Outline_Decompose` (conic segments become quadratic
    /// curves, cubic ones cubic curves).
    private static func decompose(_ outline: inout FT_Outline) -> Path {
        final class Builder {
            var path = Path()
        }
        var funcs = FT_Outline_Funcs()
        funcs.move_to = { to, user in
            let builder = Unmanaged<Builder>.fromOpaque(user!).takeUnretainedValue()
            if !builder.path.isEmpty { builder.path.close() }
            builder.path.move(to: Point(Double(to!.pointee.x), Double(to!.pointee.y)))
            return 0
        }
        funcs.line_to = { to, user in
            Unmanaged<Builder>.fromOpaque(user!).takeUnretainedValue().path.line(
                to: Point(Double(to!.pointee.x), Double(to!.pointee.y)))
            return 0
        }
        funcs.conic_to = { control, to, user in
            Unmanaged<Builder>.fromOpaque(user!).takeUnretainedValue().path.quad(
                control: Point(Double(control!.pointee.x), Double(control!.pointee.y)),
                to: Point(Double(to!.pointee.x), Double(to!.pointee.y)))
            return 0
        }
        funcs.cubic_to = { control1, control2, to, user in
            Unmanaged<Builder>.fromOpaque(user!).takeUnretainedValue().path.cubic(
                control1: Point(Double(control1!.pointee.x), Double(control1!.pointee.y)),
                control2: Point(Double(control2!.pointee.x), Double(control2!.pointee.y)),
                to: Point(Double(to!.pointee.x), Double(to!.pointee.y)))
            return 0
        }
        let builder = Builder()
        let user = Unmanaged.passUnretained(builder).toOpaque()
        _ = withExtendedLifetime(builder) { FT_Outline_Decompose(&outline, &funcs, user) }
        if !builder.path.isEmpty { builder.path.close() }
        return builder.path
    }
}
