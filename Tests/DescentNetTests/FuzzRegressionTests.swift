import DescentCore
import Foundation
import Testing

@testable import DescentNet

/// Faults in the data and history writers that the fuzz harnesses' model of them found (see
/// TESTING.md), pinned here.
@Suite struct NetFuzzRegressionTests {
    /// An empty test set makes the test accuracy 0/0 = NaN; `TrainingLog.csvRows` then trapped in
    /// `NumberText.shortest` ("-nan has no decimal spelling"), so `descent train --data out.csv`
    /// on such a folder crashed after training. Found while writing SerializationFuzzer (whose
    /// logs take NaN accuracies) and confirmed end to end; fixed in main by c87aabd (non-finite
    /// numbers spelled as Python does, empty data sets refused).
    @Test func aNaNAccuracyIsWrittenAsNaN() throws {
        var log = TrainingLog(learningRate: 0.1)
        log.loss = [2.3, 2.2]
        log.accuracy = [.init(iteration: 0, train: 0.25, test: -.nan)]
        // lr, iteration, loss, train_accuracy, test_accuracy (then any later columns).
        let cells = log.csvRows.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(Array(cells[0][2...4]) == ["2.3", "0.25", "nan"])
        #expect(Array(cells[1][2...4]) == ["2.2", "", ""])
        #expect(TrainingLog.csv([log]).split(separator: "\n").count == 3)
        let json = log.json.serialized()
        #expect(json.contains(#""test": null"#))
        #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) is [String: Any])
    }
}
