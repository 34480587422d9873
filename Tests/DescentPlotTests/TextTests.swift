import CFreeType
import Foundation
import Testing

@testable import DescentPlot

/// Text through FreeType: advances and kerning as FreeType reports them, anchoring, rotation.
@Suite struct TextTests {
    let font: Font

    init() throws {
        font = try Font(path: Font.defaultPath)
    }

    /// Advance and kerning of `text` in font units, read from FreeType directly.
    private func freeTypeWidth(_ text: String) -> Double {
        var library: FT_Library?
        var face: FT_Face?
        FT_Init_FreeType(&library)
        FT_New_Face(library, Font.defaultPath, 0, &face)
        defer {
            FT_Done_Face(face)
            FT_Done_FreeType(library)
        }
        var width = 0.0
        var previous: UInt32?
        for scalar in text.unicodeScalars {
            let index = FT_Get_Char_Index(face, FT_ULong(scalar.value))
            if let previous {
                var kerning = FT_Vector()
                FT_Get_Kerning(face, previous, index, FT_UInt(FT_KERNING_UNSCALED.rawValue), &kerning)
                width += Double(kerning.x)
            }
            FT_Load_Glyph(face, index, Int32(FT_LOAD_NO_SCALE))
            width += Double(face!.pointee.glyph.pointee.metrics.horiAdvance)
            previous = index
        }
        return width
    }

    @Test(arguments: ["X0", "X1", "AVATAR", "Tο", "lr = 1e-8: stalled", "−4"])
    func advanceWidthsAreFreeTypes(text: String) {
        let size = 10 * 100 / 72.0
        let layout = font.layout(RichText(text), size: size)
        #expect(abs(layout.width - freeTypeWidth(text) * size / font.unitsPerEm) < 1e-9)
    }

    @Test func kerningTightensPairsThatNeedIt() {
        let size = 100.0
        let pair = font.layout("AV", size: size).width
        let apart = font.layout("A", size: size).width + font.layout("V", size: size).width
        #expect(pair < apart)
    }

    /// The font keeps the layouts it made: the same text at the same size, with the same minus
    /// signs, is laid out once (the glyphs come back in the very storage of the first layout);
    /// another size, another text or the other minus is laid out anew.
    @Test func aTextLaidOutAgainComesFromTheFontsCache() {
        let first = font.layout("lr = 1e-8", size: 13.9, typographicMinus: true)
        let again = font.layout("lr = 1e-8", size: 13.9, typographicMinus: true)
        let storage = { (layout: TextLayout) in layout.glyphs.withUnsafeBufferPointer { $0.baseAddress } }
        #expect(storage(again) == storage(first) && again.text == first.text)
        #expect(storage(font.layout("lr = 1e-8", size: 13.9)) != storage(first))
        #expect(font.layout("lr = 1e-8", size: 13.9).text.plainText == "lr = 1e-8")
        #expect(first.text.plainText == "lr = 1e\u{2212}8")
        #expect(font.layout("lr = 1e-8", size: 27.8, typographicMinus: true).width == 2 * first.width)
        #expect(font.layout("lr = 1e-9", size: 13.9, typographicMinus: true).width == first.width)
        #expect(font.layout("lr = 1e-9", size: 13.9, typographicMinus: true).text != first.text)
    }

    /// The layouts a font keeps do not keep the font: one no longer used is released (and its
    /// FreeType face closed).
    @Test func aFontThatLaidOutTextIsReleased() throws {
        weak var released: Font?
        do {
            let font = try Font(path: Font.defaultPath)
            _ = font.layout("lr = 0.1", size: 13.9)
            _ = font.layout("lr = 0.1", size: 13.9)
            released = font
        }
        #expect(released == nil)
    }

    @Test func numbersUseTheTypographicMinus() {
        let hyphen = font.layout("-3", size: 20)
        let minus = font.layout("-3", size: 20, typographicMinus: true)
        #expect(minus.width == font.layout("\u{2212}3", size: 20).width)
        #expect(minus.width > hyphen.width)
    }

    @Test func anchorsPlaceTheLayoutBox() {
        let layout = font.layout("X0", size: 20)
        let centered = PlacedText(layout, at: Point(100, 100), horizontal: .center, vertical: .center)
        #expect(abs(centered.bounds.center.x - 100) < 1e-9 && abs(centered.bounds.center.y - 100) < 1e-9)
        let topRight = PlacedText(layout, at: Point(100, 100), horizontal: .right, vertical: .top)
        #expect(abs(topRight.bounds.maxX - 100) < 1e-9 && abs(topRight.bounds.minY - 100) < 1e-9)
    }

    @Test func aQuarterTurnReadsUpwards() {
        let layout = font.layout("X1", size: 20)
        let turned = PlacedText(layout, at: Point(50, 200), horizontal: .left, vertical: .baseline, rotation: .pi / 2)
        let inkBounds = turned.path.controlBounds!
        // Reading upwards, the text extends from the anchor towards smaller y, its width tall.
        #expect(inkBounds.maxY <= 200.5 && abs(inkBounds.height - layout.width) < layout.width * 0.15)
        #expect(inkBounds.maxX <= 50.5)
    }

    @Test func superscriptsAreSmallerAndRaised() {
        let power = font.layout(.power(base: "10", exponent: "3"), size: 20)
        let plain = font.layout("10", size: 20)
        #expect(power.width < font.layout("103", size: 20).width)
        #expect(power.ascent > plain.ascent)
    }

    @Test func aMissingFontIsAClearError() {
        #expect(throws: Font.LoadError.self) { try Font(path: "/nonexistent/font.ttf") }
        do {
            _ = try Font(path: "/nonexistent/font.ttf")
        } catch {
            #expect(
                error.description
                    == "the font file /nonexistent/font.ttf does not exist; install fonts-dejavu-core or set DESCENT_FONT to a TrueType font"
            )
        }
    }
}
