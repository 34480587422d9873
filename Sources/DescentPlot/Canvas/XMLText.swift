/// Text made safe for an XML 1.0 document, in character data or in a double-quoted attribute.
///
/// XML 1.0 (§2.2) allows only `#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
/// [#x10000-#x10FFFF]`; a document holding any other character (a C0 control, U+FFFE, U+FFFF) is
/// not well-formed, and parsers refuse all of it. Such a character becomes U+FFFD (�), so the
/// reader sees that something stood there. (Unpaired surrogates, the rest of the forbidden range,
/// cannot occur in a Swift `String`.) Then `&`, `<`, `>` and `"` become entity references.
enum XMLText {
    /// `text` with every character XML forbids replaced by U+FFFD and `& < > "` escaped.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return result
    }

    /// Whether XML 1.0's `Char` production admits `scalar`.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
