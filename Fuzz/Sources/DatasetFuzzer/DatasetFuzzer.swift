// Harness: `Dataset.load` (Sources/DescentNet/Data/Dataset.swift) on a folder of four
// MNIST-named files made from the input: both pairs read at once, image and label counts
// compared, labels checked against the class count, pixels normalised.
//
// Input: a control byte (bits 0…3: which of the four files is gzip'd, in stored blocks; bits
// 4…7: the limit, 0 none, else 0 … 14 items), a class-count byte (1 … 16), then the four files
// in the order train images, train labels, test images, test labels, each as a 2-byte
// big-endian length and that many bytes (a short input leaves the last files short or empty;
// a file of length 0xFFFF is left out of the folder, to reach "not found").
// Invariants: on success every image row has a label, both sets have the same pixel count,
// every pixel is in [0, 1] and every label in 0 ..< classCount.

import DescentNet
import Foundation
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let control = input.byte()
    let classCount = Int(input.byte() % 16) + 1
    let limitCode = Int(control >> 4)
    let limit: Int? = limitCode == 0 ? nil : limitCode - 1
    let names = [
        Dataset.fileNames.trainImages, Dataset.fileNames.trainLabels, Dataset.fileNames.testImages,
        Dataset.fileNames.testLabels,
    ]
    var files: [[UInt8]?] = []
    for _ in names {
        let length = input.int(in: 0...0xFFFF)
        if length == 0xFFFF {
            files.append(nil)
            continue
        }
        var bytes: [UInt8] = []
        for _ in 0..<length where !input.isEmpty { bytes.append(input.byte()) }
        files.append(bytes)
    }
    for (index, name) in names.enumerated() {
        ScratchFiles.remove(name)
        ScratchFiles.remove(name + ".gz")
        guard let bytes = files[index] else { continue }
        if control & (1 << index) != 0 {
            ScratchFiles.write(gzipStored(bytes), named: name + ".gz")
        } else {
            ScratchFiles.write(bytes, named: name)
        }
    }
    let dataset: Dataset
    do {
        dataset = try Dataset.load(directory: ScratchFiles.folder, classCount: classCount, limit: limit)
    } catch {
        fuzzCheck(!error.description.isEmpty, "an empty error")
        return 0
    }
    for (images, labels) in [(dataset.trainImages, dataset.trainLabels), (dataset.testImages, dataset.testLabels)] {
        fuzzCheck(images.rows == labels.count, "\(images.rows) images, \(labels.count) labels")
        if let limit { fuzzCheck(labels.count <= limit, "limit \(limit), kept \(labels.count)") }
        fuzzCheck(labels.allSatisfy { (0..<classCount).contains($0) }, "a label outside 0..<\(classCount)")
        fuzzCheck(images.matrix(as: Float.self).elements.allSatisfy { (0...1).contains($0) }, "a pixel outside [0, 1]")
    }
    fuzzCheck(dataset.trainImages.columns == dataset.testImages.columns, "pixel counts differ")
    return 0
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver (see `fuzzerMain`).
@_cdecl("DatasetFuzzer_main")
func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    fuzzerMain(argc, argv, fuzz)
}
