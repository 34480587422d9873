/// One PNG text chunk: a keyword and its text, as `tEXt` when the text is Latin-1 and as `iTXt`
/// (UTF-8) when it is not (PNG specification, 3rd edition, §11.3.3).
///
/// `tEXt` holds ISO 8859-1 only: keyword, NUL, text. Its text may use the printable Latin-1
/// characters (0x20–0x7E, 0xA0–0xFF) and the line feed; any other byte has no defined meaning
/// there, and a character beyond Latin-1 cannot be written at all (cut to one byte it would become
/// another character, or a NUL that ends the text early). Such a text goes into `iTXt`: keyword,
/// NUL, compression flag 0 and method 0 (uncompressed), an empty language tag and an empty
/// translated keyword (each NUL-terminated), then the text in UTF-8.
///
/// Neither chunk may hold a NUL in its text, so a NUL becomes U+FFFD (�), which says that something
/// was there. A keyword is the writer's own choice (`Software`, `Command`), so a keyword the
/// specification forbids is refused rather than repaired.
///
/// This type only builds the chunk's data, which ``PNGCodec`` hands to libpng (`png_write_chunk`)
/// as it is: the bytes do not depend on libpng's own text handling.
struct PNGTextChunk {
    /// The keyword: 1–79 printable Latin-1 characters, no space at either end, no two in a row.
    let keyword: String
    /// The text, with any NUL replaced by U+FFFD.
    let text: String

    /// A chunk for `keyword` and `text`; throws if the keyword breaks the specification's rules.
    init(keyword: String, text: String) throws(PNGCodec.Error) {
        let scalars = keyword.unicodeScalars
        guard (1...79).contains(scalars.count), scalars.allSatisfy(Self.isKeywordCharacter),
            scalars.first != " ", scalars.last != " ", !keyword.contains("  ")
        else {
            throw PNGCodec.Error(
                description: "PNG text keyword \"\(keyword)\": it must be 1 to 79 printable Latin-1 characters, "
                    + "without spaces at either end or two in a row, such as \"Software\"")
        }
        self.keyword = keyword
        self.text = String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\0" ? "\u{FFFD}" : $0 }))
    }

    /// `tEXt` if every character of the text is allowed there, else `iTXt`.
    var type: String { text.unicodeScalars.allSatisfy(Self.isLatin1TextCharacter) ? "tEXt" : "iTXt" }

    /// The chunk's data, without its length, type and CRC.
    var data: [UInt8] {
        let latin1Keyword = keyword.unicodeScalars.map { UInt8($0.value) }
        if type == "tEXt" { return latin1Keyword + [0] + text.unicodeScalars.map { UInt8($0.value) } }
        // Keyword NUL, compression flag 0, method 0, language tag "" NUL, translated keyword "" NUL.
        return latin1Keyword + [0, 0, 0, 0, 0] + Array(text.utf8)
    }

    /// The keyword and text of a `tEXt` or uncompressed `iTXt` chunk's data, or `nil` for any
    /// other chunk (a compressed `iTXt` included: this writer makes none).
    static func read(type: String, data: [UInt8]) -> (keyword: String, text: String)? {
        guard let separator = data.firstIndex(of: 0) else { return nil }
        let keyword = String(data[..<separator].map { Character(Unicode.Scalar($0)) })
        switch type {
        case "tEXt":
            return (keyword, String(data[(separator + 1)...].map { Character(Unicode.Scalar($0)) }))
        case "iTXt":
            // Compression flag and method, then the language tag and translated keyword, each ending in NUL.
            var rest = data[(separator + 1)...]
            guard rest.count >= 2, rest.first == 0 else { return nil }
            rest = rest.dropFirst(2)
            for _ in 0..<2 {
                guard let end = rest.firstIndex(of: 0) else { return nil }
                rest = rest[(end + 1)...]
            }
            return (keyword, String(decoding: rest, as: UTF8.self))
        default:
            return nil
        }
    }

    /// A keyword character: printable Latin-1 (32–126, 161–255; §11.3.3.1 excludes U+00A0).
    private static func isKeywordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        (0x20...0x7E).contains(scalar.value) || (0xA1...0xFF).contains(scalar.value)
    }

    /// A character a `tEXt` text may hold: printable Latin-1 or the line feed.
    private static func isLatin1TextCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || (0x20...0x7E).contains(scalar.value) || (0xA0...0xFF).contains(scalar.value)
    }
}
