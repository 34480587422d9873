import CHeap
import Testing

/// The allocator settings `descent` applies at start (`CHeap`).
@Suite struct HeapSettingsTests {
    /// glibc takes both settings; other C libraries are left alone and say so.
    @Test func glibcTakesTheSettings() {
        #if os(Linux) && canImport(Glibc)
            #expect(descent_heap_keep_freed_memory())
        #else
            #expect(!descent_heap_keep_freed_memory())
        #endif
    }
}
