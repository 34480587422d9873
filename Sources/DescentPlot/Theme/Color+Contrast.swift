import Foundation

/// Contrast as WCAG 2 measures it (Web Content Accessibility Guidelines 2.2, "relative
/// luminance" and "contrast ratio"): each sRGB component c in 0…1 is linearised,
///
/// ```
/// c ≤ 0.04045:  c / 12.92          otherwise:  ((c + 0.055) / 1.055)^2.4
/// ```
///
/// (the sRGB standard's threshold; WCAG's text still prints 0.03928, which differs from it for no
/// 8-bit value), the luminance is `L = 0.2126 R + 0.7152 G + 0.0722 B`, and two colours of
/// luminances L1 ≥ L2 have the contrast ratio `(L1 + 0.05) / (L2 + 0.05)`, from 1 (equal) to 21
/// (black on white). Text needs 4.5:1 to meet level AA. Alpha is ignored: the ratio is that of the
/// opaque colours.
extension Color {
    /// The WCAG relative luminance, 0 (black) … 1 (white).
    public var relativeLuminance: Double {
        0.2126 * Self.linear(red) + 0.7152 * Self.linear(green) + 0.0722 * Self.linear(blue)
    }

    /// The WCAG contrast ratio with `other`, 1…21, the same either way round.
    public func contrastRatio(with other: Color) -> Double {
        let (a, b) = (relativeLuminance, other.relativeLuminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// An sRGB component (0…1) in linear light.
    static func linear(_ component: Double) -> Double {
        component <= 0.04045 ? component / 12.92 : pow((component + 0.055) / 1.055, 2.4)
    }

    /// A linear-light component (0…1) encoded as sRGB.
    static func encoded(_ component: Double) -> Double {
        component <= 0.0031308 ? component * 12.92 : 1.055 * pow(component, 1 / 2.4) - 0.055
    }

    /// The colour as 8-bit sRGB would store it: each component rounded to a multiple of 1/255,
    /// so that a contrast computed on it is the contrast of the pixels.
    var rounded8Bit: Color {
        func byte(_ value: Double) -> Double { (value * 255).rounded() / 255 }
        return Color(red: byte(red), green: byte(green), blue: byte(blue), alpha: alpha, role: role)
    }
}
