import CBLAS

/// How many threads OpenBLAS uses for one matrix product. Training several networks at once
/// (one per learning rate, one per core) sets it to 1 so that the cores are not oversubscribed.
public enum BLASThreads {
    public static var count: Int {
        get { Int(openblas_get_num_threads()) }
        set { openblas_set_num_threads(Int32(newValue)) }
    }
}
