import CBLAS

/// How many threads OpenBLAS uses for one matrix product. Training sets it to 1: it runs threads
/// of its own (the loss, the accuracy checks, one network per core side by side), which BLAS's
/// would only compete with. With Accelerate (Apple platforms), which sizes its own threads, it
/// reads 1 and setting it does nothing.
public enum BLASThreads {
    /// The number of threads of each OpenBLAS product (`openblas_get_num_threads` /
    /// `openblas_set_num_threads`); process-wide. 1 with Accelerate, where setting it does nothing.
    public static var count: Int {
        get { Int(openblas_get_num_threads()) }
        set { openblas_set_num_threads(Int32(newValue)) }
    }
}
