import DescentCore
import Foundation
import Testing

/// The `.npy` reader against files NumPy wrote (`Fixtures/npy/make_npy_fixtures.py`): every dtype,
/// byte order, C and Fortran order and format version reads back to the numbers NumPy reads.
@Suite struct NumPyArrayTests {
    struct Expected: Decodable {
        let file: String
        let descr: String
        let shape: [Int]
        let fortranOrder: Bool
        let version: String
        let values: [[String]]

        enum CodingKeys: String, CodingKey {
            case file, descr, shape, version, values
            case fortranOrder = "fortran_order"
        }
    }

    static let folder = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/npy")

    static let manifest: [Expected] = {
        let data = try! Data(contentsOf: folder.appendingPathComponent("manifest.json"))
        return try! JSONDecoder().decode([Expected].self, from: data)
    }()

    @Test func theFixturesCoverEveryTypeOrderAndVersion() {
        let files = Self.manifest
        #expect(Set(files.map(\.descr)).count == 20)
        #expect(Set(files.map(\.version)) == ["1.0", "2.0", "3.0"])
        #expect(files.contains { $0.fortranOrder } && files.contains { !$0.fortranOrder })
    }

    @Test(arguments: manifest.map(\.file))
    func numPysFilesReadBackToTheSameNumbers(file: String) throws {
        let expected = try #require(Self.manifest.first { $0.file == file })
        let path = Self.folder.appendingPathComponent(file).path
        let array = try NumPyArray.read(contentsOf: path)
        #expect(array.shape == expected.shape)
        #expect(array.descr == expected.descr)
        #expect(array.fortranOrder == expected.fortranOrder)
        #expect(array.version == expected.version)
        let values = expected.values.flatMap { $0 }.map { Double($0)! }
        #expect(array.values.map(\.bitPattern) == values.map(\.bitPattern), "\(bits(array.values)) \(bits(values))")
        // The pure decoder agrees with the file reader.
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let decoded = try NumPyArray.decode(bytes)
        #expect(decoded.shape == array.shape && decoded.values.map(\.bitPattern) == array.values.map(\.bitPattern))
    }

    @Test func theBooksHistoryReadsAsItsRun() throws {
        let points = try RecordedHistory.read(contentsOf: Self.folder.appendingPathComponent("book-x-history.npy").path)
        let run = try GradientDescent.run(Preset.sphere.objective, from: [-3, 4], learningRate: 0.1, steps: 20)
        #expect(Array(points.coordinates.prefix(40)) == run.history.coordinates)
    }

    @Test func aOneVariableHistoryIsAColumn() throws {
        let points = try RecordedHistory.read(contentsOf: Self.folder.appendingPathComponent("one-variable.npy").path)
        #expect(points.dimension == 1)
        #expect(points.coordinates == [5, 4, 3.2, 2.56])
    }

    /// The bad-input table, each refused with a reason that names what is wrong.
    @Test(arguments: [
        ("truncated.npy", "the header promises 80 bytes of data"),
        ("truncated-header.npy", "truncated inside the header"),
        ("bad-header.npy", "'shape' must be a tuple"),
        ("object.npy", "an object array ('|O'): its data is a pickle, which is never loaded"),
        ("three-d.npy", "shape (2, 3, 2) has 3 dimensions"),
        ("eleven-columns.npy", "11 columns; at most 10"),
        ("claims-more.npy", "the header promises 16000000 bytes of data"),
        ("complex.npy", "dtype '<c16' is not one read"),
    ])
    func badFilesAreRefusedWithTheirFault(file: String, reason: String) throws {
        let path = Self.folder.appendingPathComponent("bad/\(file)").path
        #expect {
            _ = try NumPyArray.read(contentsOf: path)
        } throws: { error in
            let error = error as! HistoryError
            return error.path == path && error.reason.contains(reason) && !error.description.contains("\n")
        }
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(throws: NumPyArray.FormatError.self) { try NumPyArray.decode(bytes) }
    }

    @Test func anEmptyArrayIsAnEmptyHistory() throws {
        let path = Self.folder.appendingPathComponent("bad/empty.npy").path
        #expect(try NumPyArray.read(contentsOf: path).rows == 0)
        #expect(throws: HistoryError(path: path, reason: "an empty history: no points")) {
            try RecordedHistory.read(contentsOf: path)
        }
    }

    /// A header is a dict literal of NumPy's three keys and nothing else; nothing is evaluated.
    @Test(
        arguments: [
            ("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 1), }", nil),
            ("{\"shape\": (2L, 1L), \"descr\": \"<f8\", \"fortran_order\": False}", nil),
            ("{'descr': '<f8', 'fortran_order': False}", "no 'shape'"),
            ("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 1), 'x': 1}", "unknown key 'x'"),
            ("{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (2, 1)}", "'descr' given twice"),
            ("{'descr': __import__('os'), 'fortran_order': False, 'shape': (2, 1)}", "expected a string"),
            ("{'descr': [('x', '<f8')], 'fortran_order': False, 'shape': (2,)}", "a structured dtype"),
            ("{'descr': '<f8', 'fortran_order': 0, 'shape': (2, 1)}", "expected a string, True, False"),
            ("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 1)} x", "text after the dict"),
            ("{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999, 1)}", "too large"),
            ("{'descr': '|f8', 'fortran_order': False, 'shape': (2, 1)}", "only for one-byte types"),
            ("{'descr': '<f8', 'fortran_order': False, 'shape': ()}", "shape () has 0 dimensions"),
            ("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 0)}", "points of no coordinates"),
            ("{'descr': '<f8', 'fortran_order': False, 'shape': (1000002, 1)}", "at most 1000001"),
        ] as [(String, String?)])
    func headersAreParsedStrictly(header: String, fault: String?) throws {
        let bytes = Self.npy(header: header, data: [UInt8](repeating: 0, count: 16))
        if let fault {
            #expect {
                try NumPyArray.decode(bytes)
            } throws: { error in
                "\(error)".contains(fault)
            }
        } else {
            #expect(try NumPyArray.decode(bytes).values == [0, 0])
        }
    }

    @Test func versionsAndMagicAreChecked() {
        var bytes = Self.npy(
            header: "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", data: Array(repeating: 0, count: 16))
        bytes[6] = 4
        #expect(throws: NumPyArray.FormatError.self) { try NumPyArray.decode(bytes) }
        #expect { try NumPyArray.decode(Array("\u{80}\u{2}cnumpy".utf8)) } throws: {
            "\($0)".contains("not a .npy file")
        }
        #expect { try NumPyArray.decode([]) } throws: { "\($0)".contains("truncated") }
        // Extra bytes after the data are refused too.
        let longer = Self.npy(
            header: "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", data: Array(repeating: 0, count: 16))
        #expect { try NumPyArray.decode(longer) } throws: { "\($0)".contains("8 bytes after the 8 bytes of data") }
    }

    @Test func onlyRegularFilesAreRead() {
        #expect { try NumPyArray.read(contentsOf: "/dev/zero") } throws: {
            ($0 as! HistoryError).reason.contains("not a regular file")
        }
        #expect { try RecordedHistory.read(contentsOf: "/nonexistent/h.npy") } throws: {
            ($0 as! HistoryError).reason.contains("cannot be read (no such file or directory)")
        }
    }

    /// A version 1.0 file with `header`, padded as NumPy pads it, then `data`.
    static func npy(header: String, data: [UInt8]) -> [UInt8] {
        var text = Array(header.utf8)
        while (10 + text.count + 1) % 64 != 0 { text.append(0x20) }
        text.append(0x0A)
        return [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(text.count & 0xFF), UInt8(text.count >> 8)] + text + data
    }
}
