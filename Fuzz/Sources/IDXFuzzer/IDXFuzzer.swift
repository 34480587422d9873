// Harness: the IDX reader (Sources/DescentNet/Data/IDX.swift, FileBytes.swift) — `IDXFile.read`
// on a file, raw or gzip'd, with and without a `limit`.
//
// Input: one control byte, then the file.
//   control & 3 == 0, 1: `read` of the bytes as a raw file
//                  2: `read` of the bytes as a `.gz` file (the fuzzer mutates the gzip stream)
//                  3: `read` of the bytes wrapped in a valid gzip member (stored blocks), so the
//                     fuzzer explores IDX contents behind the gzip reader
//   control bit 2: images magic (0x00000803), else labels magic (0x00000801)
//   control bits 3…7: the limit: 0 none, else 0 … 30 items
// Invariants: on success the dimensions multiply to the number of values, the values are the
// bytes after the header, the rank is the magic's, and a limit is respected.

import DescentNet
import Foundation
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let control = data[0]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let magic = control & 4 != 0 ? IDXFile.imagesMagic : IDXFile.labelsMagic
    let limitCode = Int(control >> 3)
    let limit: Int? = limitCode == 0 ? nil : limitCode - 1
    let file: IDXFile
    do {
        switch control & 3 {
        case 0, 1:
            let path = ScratchFiles.write(bytes, named: "file")
            file = try IDXFile.read(path, expectedMagic: magic, limit: limit)
        case 2:
            let path = ScratchFiles.write(bytes, named: "file.gz")
            file = try IDXFile.read(path, expectedMagic: magic, limit: limit)
        default:
            let path = ScratchFiles.write(gzipStored(bytes), named: "file.gz")
            file = try IDXFile.read(path, expectedMagic: magic, limit: limit)
        }
    } catch {
        fuzzCheck(!error.description.isEmpty, "an empty error")
        return 0
    }
    let rank = Int(magic & 0xFF)
    fuzzCheck(file.dimensions.count == rank, "rank \(file.dimensions.count), magic says \(rank)")
    fuzzCheck(file.dimensions.allSatisfy { $0 >= 0 }, "negative dimension \(file.dimensions)")
    fuzzCheck(file.dimensions.reduce(1, *) == file.values.count, "\(file.dimensions) for \(file.values.count) values")
    if let limit { fuzzCheck(file.dimensions[0] <= limit, "limit \(limit), kept \(file.dimensions[0])") }
    if control & 3 != 2 {  // the plain bytes are the file's: the values follow the header
        let header = 4 + 4 * rank
        fuzzCheck(Array(bytes[header..<(header + file.values.count)]) == file.values, "values are not the file's")
    }
    return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver (see `fuzzerMain`).
@_cdecl("IDXFuzzer_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    fuzzerMain(argc, argv, fuzz)
}
