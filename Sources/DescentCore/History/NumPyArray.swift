/// A NumPy `.npy` array of numbers, read without Python: the format of `np.save` and
/// `np.lib.format.write_array`, as numpy/lib/format.py documents it.
///
/// ```
/// \x93NUMPY  major minor  header length      header (a Python dict literal)            data
/// 6 bytes    1 + 1 byte   2 bytes LE (1.0)   {'descr': '<f8', 'fortran_order': False,  rows × columns
///                         4 bytes LE (2.0,   'shape': (20, 2), }  padded with spaces,   items
///                         3.0)               ending in '\n'; UTF-8 in 3.0, else Latin-1
/// ```
///
/// Read: versions 1.0, 2.0 and 3.0; shapes (n,) (one variable) and (n, d); C or Fortran order;
/// float64, float32 and float16 (`<f8 >f8 <f4 >f4 <f2 >f2`) and integers of 1 to 8 bytes, signed
/// or unsigned, in either byte order (`<i8 >i4 |i1 |u1 …`), all turned into Doubles (exactly,
/// but for integers beyond ±2⁵³, which round to the nearest Double as NumPy's `astype(float)`
/// does). Object arrays (`|O`, whose data is a pickle) and structured dtypes are refused without
/// reading their data: nothing is ever unpickled or evaluated. The header is parsed by a small
/// strict parser of exactly the literals NumPy writes (a dict of strings, `True`/`False` and a
/// tuple of integers), never by an evaluator.
///
/// The header is read first and checked against the limits before any data is: at most
/// ``RecordedHistory/maximumColumns`` columns and ``RecordedHistory/maximumRows`` rows, and the
/// data the header promises must be exactly what the file holds, so a header claiming more is
/// refused from the file's size, before a byte of data is read.
///
/// ``decode(_:)`` is a pure function of the bytes (for fuzzing: Fuzz/ may call it with any input);
/// ``read(contentsOf:)`` reads a file through the same checks.
public struct NumPyArray: Sendable, Equatable {
    /// The shape as the header gives it: `[n]` or `[n, d]`.
    public let shape: [Int]
    /// The dtype as the header spells it (`<f8`).
    public let descr: String
    /// Whether the data was stored column after column.
    public let fortranOrder: Bool
    /// The format version, as `"1.0"`.
    public let version: String
    /// Every element as a Double, row after row (C order, whatever the file's order).
    public let values: [Double]

    /// The number of rows: n.
    public var rows: Int { shape[0] }
    /// The number of columns: d, or 1 for the shape (n,).
    public var columns: Int { shape.count == 2 ? shape[1] : 1 }

    /// The magic string every `.npy` file starts with.
    static let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)

    /// The longest header read: 10,000 bytes, NumPy's own default `max_header_size` for
    /// `np.load` (a header of this format's arrays takes about 120).
    public static let maximumHeaderLength = 10_000

    /// A fault in a `.npy` file: what is wrong, in words (without the file name, which the
    /// caller adds).
    public struct FormatError: Error, Equatable, CustomStringConvertible {
        /// The fault in words, as `unsupported dtype '|O'` (no file name: ``RecordedHistory`` adds it).
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// The parsed header and where the data begins.
    struct Header: Equatable {
        var version: String
        var descr: String
        var type: ElementType
        var fortranOrder: Bool
        var shape: [Int]
        /// The offset of the first data byte.
        var dataOffset: Int
        /// The number of data bytes the header promises.
        var dataLength: Int
    }

    /// The numeric element types read.
    struct ElementType: Equatable {
        enum Kind: Equatable { case float, signed, unsigned }
        var kind: Kind
        var size: Int
        var bigEndian: Bool
    }

    /// Decodes a whole `.npy` file held in `bytes`.
    ///
    /// - Throws: ``FormatError`` for anything but a well-formed array this reader accepts (see the
    ///   type's documentation), data of the wrong length included.
    /// - Complexity: O(`bytes.count`).
    public static func decode(_ bytes: [UInt8]) throws(FormatError) -> NumPyArray {
        let prelude = try preludeLength(bytes)
        guard bytes.count >= prelude.dataOffset else {
            throw FormatError(
                "truncated inside the header (\(bytes.count) bytes, the header ends at \(prelude.dataOffset))")
        }
        let header = try parseHeader(
            bytes[prelude.headerStart..<prelude.dataOffset], version: prelude.version,
            dataOffset: prelude.dataOffset)
        try checkDataLength(header, available: bytes.count - header.dataOffset)
        return array(header, data: bytes[header.dataOffset...])
    }

    /// The version, where the header text starts and where the data starts, from the first
    /// 10 (version 1.0) or 12 (2.0, 3.0) bytes.
    static func preludeLength(_ bytes: [UInt8]) throws(FormatError) -> (
        version: String, headerStart: Int, dataOffset: Int
    ) {
        guard bytes.count >= 8 else {
            throw FormatError("truncated: \(bytes.count) bytes, not even the 8 of the magic string and version")
        }
        guard Array(bytes[0..<6]) == magic else {
            throw FormatError(
                "not a .npy file: it does not start with \\x93NUMPY (a pickle or np.savez archive is not read)")
        }
        let version = "\(bytes[6]).\(bytes[7])"
        let lengthSize: Int
        switch (bytes[6], bytes[7]) {
        case (1, 0): lengthSize = 2
        case (2, 0), (3, 0): lengthSize = 4
        default: throw FormatError("format version \(version); versions 1.0, 2.0 and 3.0 are read")
        }
        guard bytes.count >= 8 + lengthSize else {
            throw FormatError("truncated: \(bytes.count) bytes, the header length is cut off")
        }
        var length = 0
        for index in (0..<lengthSize).reversed() {
            length = length << 8 | Int(bytes[8 + index])
        }
        guard length <= maximumHeaderLength else {
            throw FormatError("a header of \(length) bytes; at most \(maximumHeaderLength) are read")
        }
        return (version, 8 + lengthSize, 8 + lengthSize + length)
    }

    /// The header dict, checked: the three keys NumPy writes, a numeric dtype, a shape of one or
    /// two dimensions within the limits.
    static func parseHeader(_ text: ArraySlice<UInt8>, version: String, dataOffset: Int) throws(FormatError) -> Header {
        if version == "3.0", String(validating: text, as: UTF8.self) == nil {
            throw FormatError("bad header: version 3.0 headers are UTF-8, this one is not")
        }
        var parser = HeaderParser(text)
        let dict = try parser.parseDict()
        guard case .string(let descr)? = dict["descr"] else {
            if case .list? = dict["descr"] {
                throw FormatError("a structured dtype (a list of fields); only plain numbers are read")
            }
            throw FormatError("bad header: 'descr' must be a dtype string such as '<f8'")
        }
        guard case .bool(let fortranOrder)? = dict["fortran_order"] else {
            throw FormatError("bad header: 'fortran_order' must be True or False")
        }
        guard case .tuple(let shape)? = dict["shape"] else {
            throw FormatError("bad header: 'shape' must be a tuple of sizes, such as (20, 2)")
        }
        let type = try elementType(descr)
        let shown = "(" + shape.map(String.init).joined(separator: ", ") + (shape.count == 1 ? ",)" : ")")
        guard shape.count == 1 || shape.count == 2 else {
            throw FormatError(
                "shape \(shown) has \(shape.count) dimensions; a history is (n, d), n points of d coordinates, "
                    + "or (n,) for one variable")
        }
        let columns = shape.count == 2 ? shape[1] : 1
        guard columns >= 1 else {
            throw FormatError("shape \(shown): points of no coordinates")
        }
        guard columns <= RecordedHistory.maximumColumns else {
            throw FormatError(
                "shape \(shown): \(columns) columns; at most \(RecordedHistory.maximumColumns) (x0 … x9) are read")
        }
        guard shape[0] <= RecordedHistory.maximumRows else {
            throw FormatError("shape \(shown): \(shape[0]) points; at most \(RecordedHistory.maximumRows) are read")
        }
        // Within the limits, rows × columns × size is far below Int.max.
        let length = shape[0] * columns * type.size
        return Header(
            version: version, descr: descr, type: type, fortranOrder: fortranOrder, shape: shape,
            dataOffset: dataOffset, dataLength: length)
    }

    /// Fails unless exactly `header.dataLength` bytes follow the header.
    static func checkDataLength(_ header: Header, available: Int) throws(FormatError) {
        if available < header.dataLength {
            throw FormatError(
                "the header promises \(header.dataLength) bytes of data (shape \(header.shape), \(header.descr)) "
                    + "but the file holds \(available)")
        }
        if available > header.dataLength {
            throw FormatError(
                "\(available - header.dataLength) bytes after the \(header.dataLength) bytes of data its header promises"
            )
        }
    }

    /// The array from `data`, which holds exactly `header.dataLength` bytes.
    static func array(_ header: Header, data: ArraySlice<UInt8>) -> NumPyArray {
        let rows = header.shape[0]
        let columns = header.shape.count == 2 ? header.shape[1] : 1
        let size = header.type.size
        var values = [Double](repeating: 0, count: rows * columns)
        data.withUnsafeBytes { raw in
            for index in 0..<rows * columns {
                // Element (row, column) is the index-th of C order; Fortran order stores column
                // after column.
                let (row, column) = (index / columns, index % columns)
                let stored = header.fortranOrder ? column * rows + row : index
                values[index] = element(raw, at: stored * size, type: header.type)
            }
        }
        return NumPyArray(
            shape: header.shape, descr: header.descr, fortranOrder: header.fortranOrder, version: header.version,
            values: values)
    }

    /// The element of `type` at `offset`, as a Double.
    private static func element(_ raw: UnsafeRawBufferPointer, at offset: Int, type: ElementType) -> Double {
        var bits: UInt64 = 0
        for index in 0..<type.size {
            let byte = UInt64(raw[offset + (type.bigEndian ? index : type.size - 1 - index)])
            bits = bits << 8 | byte
        }
        switch (type.kind, type.size) {
        case (.float, 8): return Double(bitPattern: bits)
        case (.float, 4): return Double(Float(bitPattern: UInt32(bits)))
        case (.float, _): return halfToDouble(UInt16(bits))
        case (.unsigned, _): return Double(bits)
        case (.signed, _):
            // Sign-extend from size bytes.
            let shift = UInt64(64 - 8 * type.size)
            return Double(Int64(bitPattern: bits << shift) >> shift)
        }
    }

    /// An IEEE 754 half-precision value, exactly, as a Double (Float16 is not available on every
    /// platform Swift runs on).
    static func halfToDouble(_ bits: UInt16) -> Double {
        let sign: Double = bits & 0x8000 != 0 ? -1 : 1
        let exponent = Int(bits >> 10 & 0x1F)
        let fraction = Double(bits & 0x3FF)
        switch exponent {
        case 0: return sign * fraction * 0x1p-24
        case 31: return fraction == 0 ? sign * .infinity : .nan
        default: return sign * (1 + fraction / 1024) * Double(sign: .plus, exponent: exponent - 15, significand: 1)
        }
    }

    /// The dtypes read, as the error names them.
    static let allowedTypes =
        "float <f8 >f8 <f4 >f4 <f2 >f2, signed integer <i8 <i4 <i2 |i1, unsigned integer <u8 <u4 <u2 |u1 "
        + "(> for big-endian)"

    /// The element type `descr` names: a byte order (`<`, `>`, or `|` for single bytes), a kind
    /// (`f`, `i`, `u`) and a size in bytes.
    static func elementType(_ descr: String) throws(FormatError) -> ElementType {
        let characters = Array(descr.unicodeScalars)
        if characters.count >= 2, characters[1] == "O" || characters[0] == "O" {
            throw FormatError("an object array ('\(descr)'): its data is a pickle, which is never loaded; save numbers")
        }
        guard characters.count >= 3, "<>|".unicodeScalars.contains(characters[0]),
            let size = Int(String(String.UnicodeScalarView(characters[2...])))
        else {
            throw FormatError("dtype '\(descr)' is not one read; read are \(allowedTypes)")
        }
        let kind: ElementType.Kind
        switch (characters[1], size) {
        case ("f", 2), ("f", 4), ("f", 8): kind = .float
        case ("i", 1), ("i", 2), ("i", 4), ("i", 8): kind = .signed
        case ("u", 1), ("u", 2), ("u", 4), ("u", 8): kind = .unsigned
        default: throw FormatError("dtype '\(descr)' is not one read; read are \(allowedTypes)")
        }
        guard characters[0] != "|" || size == 1 else {
            throw FormatError("dtype '\(descr)': '|' (no byte order) is only for one-byte types; use < or >")
        }
        return ElementType(kind: kind, size: size, bigEndian: characters[0] == ">")
    }
}

/// The tiny parser of a `.npy` header: a Python dict literal of the values NumPy writes there.
///
/// ```
/// dict   = "{" [ pair { "," pair } [ "," ] ] "}"    then only spaces and a newline
/// pair   = string ":" value
/// value  = string | "True" | "False" | tuple | list (refused: a structured dtype)
/// tuple  = "(" [ int { "," int } [ "," ] ] ")"     int = digits [ "L" ]  (Python 2's long)
/// string = "'" chars "'" | '"' chars '"'           no escapes
/// ```
///
/// Each key must be one of `descr`, `fortran_order`, `shape`, and all three present, once.
struct HeaderParser {
    enum Value: Equatable {
        case string(String)
        case bool(Bool)
        case tuple([Int])
        case list
    }

    private let bytes: [UInt8]
    private var position = 0

    init(_ text: ArraySlice<UInt8>) {
        bytes = Array(text)
    }

    static let keys = ["descr", "fortran_order", "shape"]

    private func fail(_ what: String) -> NumPyArray.FormatError {
        NumPyArray.FormatError("bad header at byte \(position): \(what)")
    }

    mutating func parseDict() throws(NumPyArray.FormatError) -> [String: Value] {
        try expect(UInt8(ascii: "{"))
        var dict: [String: Value] = [:]
        while true {
            skipSpaces()
            if peek == UInt8(ascii: "}") { break }
            let keyPosition = position
            guard let key = try parseString() else { throw fail("expected a key in quotes or '}'") }
            guard Self.keys.contains(key) else {
                position = keyPosition
                throw fail("unknown key '\(key)'; a .npy header has 'descr', 'fortran_order' and 'shape'")
            }
            guard dict[key] == nil else { throw fail("'\(key)' given twice") }
            try expect(UInt8(ascii: ":"))
            dict[key] = try parseValue()
            skipSpaces()
            if peek == UInt8(ascii: ",") {
                position += 1
            } else if peek != UInt8(ascii: "}") {
                throw fail("expected ',' or '}'")
            }
        }
        position += 1
        while position < bytes.count, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\n") {
            position += 1
        }
        guard position == bytes.count else { throw fail("text after the dict's closing '}'") }
        for key in Self.keys where dict[key] == nil {
            throw NumPyArray.FormatError("bad header: no '\(key)'")
        }
        return dict
    }

    private var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipSpaces() {
        while let byte = peek, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") {
            position += 1
        }
    }

    private mutating func expect(_ byte: UInt8) throws(NumPyArray.FormatError) {
        skipSpaces()
        guard peek == byte else { throw fail("expected '\(Character(Unicode.Scalar(byte)))'") }
        position += 1
    }

    /// A quoted string, or nil (nothing consumed) when no quote comes next.
    private mutating func parseString() throws(NumPyArray.FormatError) -> String? {
        skipSpaces()
        guard let quote = peek, quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") else { return nil }
        let start = position + 1
        var end = start
        while end < bytes.count, bytes[end] != quote {
            guard bytes[end] != UInt8(ascii: "\\"), bytes[end] != UInt8(ascii: "\n") else {
                position = end
                throw fail("escapes and line breaks are not read in strings")
            }
            end += 1
        }
        guard end < bytes.count else { throw fail("a string without its closing quote") }
        position = end + 1
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private mutating func parseValue() throws(NumPyArray.FormatError) -> Value {
        if let string = try parseString() { return .string(string) }
        skipSpaces()
        if matches("True") { return .bool(true) }
        if matches("False") { return .bool(false) }
        switch peek {
        case UInt8(ascii: "("): return .tuple(try parseTuple())
        case UInt8(ascii: "["):
            try skipList()
            return .list
        default: throw fail("expected a string, True, False or a tuple")
        }
    }

    /// Steps over a list (a structured dtype's fields, refused later), brackets and parentheses
    /// balanced, strings skipped whole.
    private mutating func skipList() throws(NumPyArray.FormatError) {
        var depth = 0
        repeat {
            if try parseString() != nil { continue }
            guard let byte = peek else { throw fail("a list without its closing ']'") }
            if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "(") { depth += 1 }
            if byte == UInt8(ascii: "]") || byte == UInt8(ascii: ")") { depth -= 1 }
            position += 1
        } while depth > 0
    }

    private mutating func matches(_ word: String) -> Bool {
        let utf8 = Array(word.utf8)
        guard bytes.count - position >= utf8.count, Array(bytes[position..<position + utf8.count]) == utf8 else {
            return false
        }
        position += utf8.count
        return true
    }

    private mutating func parseTuple() throws(NumPyArray.FormatError) -> [Int] {
        position += 1
        var sizes: [Int] = []
        while true {
            skipSpaces()
            if peek == UInt8(ascii: ")") { break }
            sizes.append(try parseInteger())
            skipSpaces()
            if peek == UInt8(ascii: ",") {
                position += 1
            } else if peek != UInt8(ascii: ")") {
                throw fail("expected ',' or ')' in the shape")
            }
        }
        position += 1
        return sizes
    }

    private mutating func parseInteger() throws(NumPyArray.FormatError) -> Int {
        var value = 0
        let start = position
        while let byte = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = shifted.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { throw fail("a size too large for this machine") }
            value = sum
            position += 1
        }
        guard position > start else { throw fail("expected a size (a non-negative integer)") }
        if peek == UInt8(ascii: "L") { position += 1 }
        return value
    }
}
