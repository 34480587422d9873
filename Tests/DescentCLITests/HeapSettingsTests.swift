import CHeap
import Foundation
import Testing

/// The allocator settings `descent` applies at start (`CHeap`).
@Suite struct HeapSettingsTests {
    /// glibc takes the settings, and the heap's new reserve is advised as huge pages (`hg` among
    /// a mapping's VmFlags) where the kernel has transparent huge pages; other C libraries are
    /// left alone and say so.
    @Test func glibcTakesTheSettingsAndTheReserveIsAdvisedAsHugePages() throws {
        #if os(Linux) && canImport(Glibc)
            #expect(descent_heap_keep_freed_memory())
            guard FileManager.default.fileExists(atPath: "/sys/kernel/mm/transparent_hugepage/enabled") else { return }
            let mappings = try String(contentsOfFile: "/proc/self/smaps", encoding: .utf8)
            let advised = mappings.split(separator: "\n").contains {
                $0.hasPrefix("VmFlags:") && $0.split(separator: " ").contains("hg")
            }
            #expect(advised)
        #else
            #expect(!descent_heap_keep_freed_memory())
        #endif
    }
}
