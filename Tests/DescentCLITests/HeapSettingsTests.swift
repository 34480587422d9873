import CHeap
import Foundation
import Testing

/// The allocator settings `descent` applies at start (`CHeap`).
@Suite struct HeapSettingsTests {
    /// glibc takes the settings; other C libraries are left alone and say so. In a process of its
    /// own, as `descent` calls it: first, before other threads allocate (the settings are the whole
    /// process's, and the test process runs tests in parallel).
    @Test func glibcTakesTheSettings() async {
        await #expect(processExitsWith: .success) {
            #if os(Linux) && canImport(Glibc)
                guard descent_heap_tune() else { exit(1) }
            #else
                guard !descent_heap_tune() else { exit(1) }
            #endif
        }
    }

    /// `descent` grows its heap at start and advises the new part as transparent huge pages, in
    /// whole 2 MiB pages. (Seen from outside, with strace: in the test process itself the tests
    /// run on threads whose allocations come from other arenas than the heap.)
    @Test(
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/strace")),
        .enabled(if: FileManager.default.fileExists(atPath: "/sys/kernel/mm/transparent_hugepage/enabled")))
    func theHeapsReserveIsAdvisedAsHugePages() throws {
        let result = try CommandRunner.run(
            ["-e", "trace=madvise", "-e", "signal=none", CommandRunner.executable.path, "--help"],
            executable: URL(fileURLWithPath: "/usr/bin/strace"))
        #expect(result.status == 0)
        let advice = result.stderr.split(separator: "\n").filter { $0.contains("MADV_HUGEPAGE") }
        #expect(advice.count == 1, "\(result.stderr)")
        let fields = advice.first?.split(whereSeparator: { "(, ".contains($0) }) ?? []
        let start = fields.count > 2 ? UInt(fields[1].dropFirst(2), radix: 16) : nil
        let length = fields.count > 2 ? UInt(fields[2]) : nil
        #expect(start.map { $0 % (2 << 20) == 0 } == true)
        #expect(length.map { $0 > 0 && $0 % (2 << 20) == 0 } == true)
    }
}
