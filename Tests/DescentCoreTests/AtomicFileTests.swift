import DescentCore
import Foundation
import Testing

/// `AtomicFile`: whole files or none, the real reason for a failure, the permissions a plain
/// create would give. (A write that fails half way, on a full disk or past the file-size limit,
/// is pinned end to end in `FileSafetyEndToEndTests`, which can limit a child process.)
@Suite struct AtomicFileTests {
    /// A fresh empty folder, removed by the caller.
    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private func permissions(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test func atomicWritesLeaveNoTemporaryFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("run.json").path
        try AtomicFile.write("first", to: path)
        try AtomicFile.write("second", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["run.json"])
    }

    @Test func atomicWritesIntoAMissingDirectoryFailWithAReason() {
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("x", to: "/nonexistent-dir/run.json") }
        do {
            try AtomicFile.write("x", to: "/nonexistent-dir/run.json")
        } catch {
            #expect(
                error.description
                    == "cannot write /nonexistent-dir/run.json: the directory /nonexistent-dir does not exist")
        }
    }

    @Test func aFileNameOfTheFull255BytesIsWritten() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // 50 two-byte letters, 151 ASCII ones and .svg: the longest name a file system allows.
        let name = String(repeating: "é", count: 50) + String(repeating: "x", count: 151) + ".svg"
        #expect(name.utf8.count == 255)
        let path = folder.appendingPathComponent(name).path
        try AtomicFile.write("<svg/>", to: path)
        try AtomicFile.checkWritable(path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [name])
    }

    @Test func aReplacedFileKeepsItsPermissions() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("private.json").path
        try AtomicFile.write("first", to: path)
        #expect(chmod(path, 0o600) == 0)
        try AtomicFile.write("second", to: path)
        #expect(try permissions(path) == 0o600)
        #expect(chmod(path, 0o640) == 0)
        try AtomicFile.write("third", to: path)
        #expect(try permissions(path) == 0o640)
    }

    @Test func aNewFileGetsThePermissionsOfAPlainCreate() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reference = folder.appendingPathComponent("reference").path
        let descriptor = open(reference, O_WRONLY | O_CREAT | O_EXCL, 0o666)
        #expect(descriptor >= 0)
        close(descriptor)
        let path = folder.appendingPathComponent("new.json").path
        try AtomicFile.write("{}", to: path)
        #expect(try permissions(path) == permissions(reference))
    }

    @Test func aFailedRenameRemovesTheTemporaryFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A folder that is not empty cannot be replaced by a file: the rename is what fails.
        let path = folder.appendingPathComponent("taken").path
        try FileManager.default.createDirectory(atPath: path + "/inside", withIntermediateDirectories: true)
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("x", to: path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["taken"])
    }

    @Test func checkingAFolderAsAFileNamesIt() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.checkWritable(folder.path) }
        do {
            try AtomicFile.checkWritable(folder.path)
        } catch {
            #expect(error.description == "cannot write \(folder.path): it is a directory")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func aFullDeviceIsReportedAsNoSpaceLeft() throws {
        let descriptor = open("/dev/full", O_WRONLY)
        try #require(descriptor >= 0, "this system has no /dev/full")
        defer { close(descriptor) }
        let bytes = [UInt8](repeating: 1, count: 100)
        #expect(throws: SystemError(code: ENOSPC)) {
            try SystemError.writeAll(bytes, to: descriptor)
        }
        #expect(SystemError(code: ENOSPC).description == "no space left on device")
    }
}
