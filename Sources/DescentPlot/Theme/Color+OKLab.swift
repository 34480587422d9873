import Foundation

/// Lightness changes that keep a colour's hue, in Björn Ottosson's OKLab ("A perceptual color space
/// for image processing", 2020, bottosson.github.io/posts/oklab): L is perceived lightness
/// (0…1), a and b the green–red and blue–yellow axes, so changing L alone keeps the hue and the
/// colourfulness. The matrices are the article's, for linear sRGB with D65 white.
///
/// A lighter colour of the same L, a and b may fall outside sRGB (a saturated blue made light);
/// it is then brought back by shrinking a and b together — the hue stays, the colour is as
/// colourful as sRGB allows at that lightness — found by bisection to 1/1000 of the chroma.
extension Color {
    /// The colour in OKLab: (L, a, b).
    var oklab: (l: Double, a: Double, b: Double) {
        let (r, g, b) = (Self.linear(red), Self.linear(green), Self.linear(blue))
        let l = cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b)
        let m = cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b)
        let s = cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b)
        return (
            0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
            1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
            0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s
        )
    }

    /// The OKLab chroma √(a² + b²): 0 for greys, about 0.3 for the most colourful sRGB colours.
    var oklabChroma: Double {
        let lab = oklab
        return (lab.a * lab.a + lab.b * lab.b).squareRoot()
    }

    /// Linear sRGB of an OKLab colour, possibly outside 0…1.
    private static func linearRGB(l: Double, a: Double, b: Double) -> (Double, Double, Double) {
        let l3 = pow(l + 0.3963377774 * a + 0.2158037573 * b, 3)
        let m3 = pow(l - 0.1055613458 * a - 0.0638541728 * b, 3)
        let s3 = pow(l - 0.0894841775 * a - 1.2914855480 * b, 3)
        return (
            4.0767416621 * l3 - 3.3077115913 * m3 + 0.2309699292 * s3,
            -1.2684380046 * l3 + 2.6097574011 * m3 - 0.3413193965 * s3,
            -0.0041960863 * l3 - 0.7034186147 * m3 + 1.7076147010 * s3
        )
    }

    /// This colour's hue and chroma at OKLab lightness `lightness`, with the chroma reduced as
    /// far as needed to stay inside sRGB; alpha and role kept.
    func withOKLabLightness(_ lightness: Double) -> Color {
        let lab = oklab
        let tolerance = 1e-9
        func inGamut(_ c: (Double, Double, Double)) -> Bool {
            [c.0, c.1, c.2].allSatisfy { $0 >= -tolerance && $0 <= 1 + tolerance }
        }
        var rgb = Self.linearRGB(l: lightness, a: lab.a, b: lab.b)
        if !inGamut(rgb) {
            var (low, high) = (0.0, 1.0)  // fraction of the chroma kept: low fits, high does not
            while high - low > 1e-3 {
                let middle = (low + high) / 2
                if inGamut(Self.linearRGB(l: lightness, a: lab.a * middle, b: lab.b * middle)) {
                    low = middle
                } else {
                    high = middle
                }
            }
            rgb = Self.linearRGB(l: lightness, a: lab.a * low, b: lab.b * low)
        }
        func clamp(_ value: Double) -> Double { min(max(value, 0), 1) }
        return Color(
            red: Self.encoded(clamp(rgb.0)), green: Self.encoded(clamp(rgb.1)), blue: Self.encoded(clamp(rgb.2)),
            alpha: alpha, role: role)
    }
}
