import DescentCore
import Foundation

/// An image classification data set in MNIST's layout: training and test images with their
/// labels. Pixels are normalised as the book does (`astype(np.float32) / 255.0`), so each is a
/// Float in [0, 1] (kept as the IDX files' bytes, ``Images``); labels are class indices (the
/// one-hot vectors of the book are made from them where needed).
public struct Dataset: Sendable {
    /// Training images, one flattened image (rows × columns pixels) per row.
    public let trainImages: Images
    /// The class of each training image, in 0..<``classCount``.
    public let trainLabels: [Int]
    /// Test images, one flattened image per row, normalised to [0, 1] as the training images.
    public let testImages: Images
    /// The class of each test image, in 0..<``classCount``.
    public let testLabels: [Int]
    /// The number of classes: labels are 0..<classCount.
    public let classCount: Int

    /// Debian's `dataset-fashion-mnist` puts Fashion-MNIST here.
    public static let defaultDirectory = "/usr/share/datasets/fashion-mnist"

    /// The four file names of MNIST; each may also be gzip'd, with `.gz` appended.
    public static let fileNames = (
        trainImages: "train-images-idx3-ubyte", trainLabels: "train-labels-idx1-ubyte",
        testImages: "t10k-images-idx3-ubyte", testLabels: "t10k-labels-idx1-ubyte"
    )

    /// A data set from images already normalised to [0, 1] and their labels (`classCount` classes,
    /// default 10), for data that does not come from IDX files.
    ///
    /// - Precondition: none is checked: each image set's row count should equal its label count, and
    ///   every label should be below `classCount`.
    public init(
        trainImages: Matrix<Float>, trainLabels: [Int], testImages: Matrix<Float>, testLabels: [Int],
        classCount: Int = 10
    ) {
        self.init(
            trainImages: Images(trainImages), trainLabels: trainLabels, testImages: Images(testImages),
            testLabels: testLabels, classCount: classCount)
    }

    /// A data set from image sets and their labels (`classCount` classes, default 10): another
    /// data set's, or a part of one.
    ///
    /// - Precondition: none is checked, as for the Float matrices.
    public init(trainImages: Images, trainLabels: [Int], testImages: Images, testLabels: [Int], classCount: Int = 10) {
        self.trainImages = trainImages
        self.trainLabels = trainLabels
        self.testImages = testImages
        self.testLabels = testLabels
        self.classCount = classCount
    }

    /// Loads the four MNIST-named files from `directory`, the training and the test pair at once.
    /// With `limit`, keeps only the first `limit` images of each set, and reads no further: the
    /// gradient check needs three images, not 70,000.
    ///
    /// - Throws: ``DatasetError`` naming the file and the fault: missing, wrong magic number,
    ///   truncated, image and label counts that disagree, a label outside 0…9, no images or
    ///   images of no pixels (in either set: the test set gives the accuracies).
    /// - Complexity: O(bytes read), the two pairs of files read at once on two threads.
    public static func load(directory: String = defaultDirectory, classCount: Int = 10, limit: Int? = nil)
        throws(DatasetError) -> Dataset
    {
        let pairs = ResultSlots<Result<(Images, [Int]), DatasetError>>(count: 2)
        let names = [
            (fileNames.trainImages, fileNames.trainLabels), (fileNames.testImages, fileNames.testLabels),
        ]
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let pair = Result { () throws(DatasetError) in
                try loadPair(
                    images: names[index].0, labels: names[index].1, directory: directory, classCount: classCount,
                    limit: limit)
            }
            pairs.store(pair, at: index)
        }
        let (trainImages, trainLabels) = try pairs.values[0].get()
        let (testImages, testLabels) = try pairs.values[1].get()
        guard testImages.columns == trainImages.columns else {
            throw DatasetError(
                description:
                    "\(directory): training images have \(trainImages.columns) pixels, test images \(testImages.columns)"
            )
        }
        return Dataset(
            trainImages: trainImages, trainLabels: trainLabels, testImages: testImages, testLabels: testLabels,
            classCount: classCount)
    }

    private static func loadPair(images: String, labels: String, directory: String, classCount: Int, limit: Int?)
        throws(DatasetError)
        -> (Images, [Int])
    {
        let imagePath = try locate(images, in: directory)
        let labelPath = try locate(labels, in: directory)
        let imageFile = try IDXFile.read(imagePath, expectedMagic: IDXFile.imagesMagic, limit: limit)
        let labelFile = try IDXFile.read(labelPath, expectedMagic: IDXFile.labelsMagic, limit: limit)
        let count = imageFile.dimensions[0]
        let pixels = imageFile.dimensions.dropFirst().reduce(1, *)
        guard count > 0, pixels > 0 else {
            let shape = imageFile.dimensions.map(String.init).joined(separator: " × ")
            throw DatasetError(
                description: "\(imagePath): \(shape) pixels; a data set needs at least one image of at least one pixel")
        }
        guard labelFile.dimensions[0] == count else {
            throw DatasetError(
                description: "\(imagePath) has \(count) images but \(labelPath) has \(labelFile.dimensions[0]) labels")
        }
        if let index = labelFile.values.firstIndex(where: { Int($0) >= classCount }) {
            throw DatasetError(
                description:
                    "\(labelPath): label \(labelFile.values[index]) at index \(index) is outside 0…\(classCount - 1)")
        }
        return (Images(rows: count, columns: pixels, bytes: imageFile.values), labelFile.values.map(Int.init))
    }

    /// The path of `name` or `name.gz` in `directory`.
    private static func locate(_ name: String, in directory: String) throws(DatasetError) -> String {
        for candidate in [name, name + ".gz"] {
            let path = (directory as NSString).appendingPathComponent(candidate)
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        throw DatasetError(
            description:
                "\(directory): \(name) (or \(name).gz) not found; --data-dir takes a folder of MNIST-format files")
    }
}
