import Foundation
import GRDB
import Testing

/// Kills `incidents ingest` with SIGKILL in the middle of a 2,000-article batch, reruns it,
/// and compares the database with one from an uninterrupted run of the same batch.
///
/// Runs the real executable, which `swift test` builds next to the test bundle.
@Suite("incidents ingest survives a kill")
struct IngestKillTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `incidents` executable beside this test binary.
    static func executable() throws -> URL {
        let folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let candidates = [folder.appendingPathComponent("incidents"), repository.appendingPathComponent(".build/debug/incidents")]
        return try #require(
            candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) },
            "the incidents executable is not built: run `swift build` first")
    }

    /// 2,000 short articles: the seeds' paragraphs, each with a line of its own so that every
    /// file is a different document.
    static func makeBatch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("incidentmap-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var paragraphs = [String]()
        for name in try FileManager.default.contentsOfDirectory(atPath: repository.appendingPathComponent("seeds").path).sorted() {
            let text = try String(contentsOf: repository.appendingPathComponent("seeds/\(name)"), encoding: .utf8)
            paragraphs += text.components(separatedBy: "\n").filter { $0.unicodeScalars.count > 80 }
        }
        try #require(paragraphs.count > 20)
        for n in 0..<2_000 {
            let body = paragraphs[n % paragraphs.count] + "\n\nنسخة رقم \(n)\n"
            try body.write(to: folder.appendingPathComponent(String(format: "article-%04d.txt", n)), atomically: true, encoding: .utf8)
        }
        return folder
    }

    static func ingest(_ batch: URL, into database: String) throws -> Process {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = ["ingest", batch.path, "--db", database, "--published", "2022-01-24"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    struct Snapshot: Equatable {
        var integrity: String
        var documents: Int
        var incidents: [String]
        var sourcesPerDocument: [String: Int]
        /// One report (document, sentence start) stored twice as the same type of incident at the same place.
        var duplicateSources: Int
    }

    /// The documents stored so far, or nil when the ingest holds the lock. The ingest commits one
    /// article after another, so a reader may not get in at all: wait a little for the current
    /// transaction, never long enough to miss the moment to kill (progress is also read from the
    /// files' size, ``storedBytes(_:)``).
    static func documentCount(_ path: String) -> Int? {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(0.05)
        return try? DatabaseQueue(path: path, configuration: configuration).read {
            try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM document")
        }
    }

    /// The size of a database and its journal files, in bytes.
    static func storedBytes(_ path: String) -> Int64 {
        ["", "-wal", "-journal"].reduce(0) { sum, suffix in
            let size = (try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? NSNumber)?.int64Value ?? 0
            return sum + size
        }
    }

    static func snapshot(_ path: String) throws -> Snapshot {
        let queue = try DatabaseQueue(path: path)
        return try queue.read { db in
            Snapshot(
                integrity: try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "",
                documents: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document") ?? 0,
                incidents: try String.fetchAll(db, sql: "SELECT uid FROM incident ORDER BY uid"),
                sourcesPerDocument: Dictionary(
                    uniqueKeysWithValues: try Row.fetchAll(
                        db, sql: "SELECT d.id, COUNT(s.document_id) FROM document d LEFT JOIN incident_source s ON s.document_id = d.id GROUP BY d.id"
                    ).map { ($0[0] as String, $0[1] as Int) }),
                duplicateSources: try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM (SELECT 1 FROM incident_source s JOIN incident i ON i.rowid = s.incident_rowid
                        GROUP BY s.document_id, s.start, i.type, i.place_id HAVING COUNT(*) > 1)
                        """) ?? 0
            )
        }
    }

    @Test("SIGKILL mid-batch, then a rerun: integrity ok, no duplicate, no half-written document, same result as one clean run")
    func killAndRerun() async throws {
        let batch = try Self.makeBatch()
        defer { try? FileManager.default.removeItem(at: batch) }
        let temporary = FileManager.default.temporaryDirectory
        let clean = temporary.appendingPathComponent("clean-\(UUID().uuidString).sqlite").path
        let killed = temporary.appendingPathComponent("killed-\(UUID().uuidString).sqlite").path

        let reference = try Self.ingest(batch, into: clean)
        reference.waitUntilExit()
        #expect(reference.terminationStatus == 0)
        let expected = try Self.snapshot(clean)
        #expect(expected.documents == 2_000)
        #expect(expected.integrity == "ok")
        #expect(expected.duplicateSources == 0)

        // Kill once some hundreds of documents are in, at a random point. Racing a fast ingest
        // from outside lost twice on CI (the batch finished between two looks, or before a reader
        // got the lock), so the victim runs in slices: stopped (SIGSTOP) while the test looks at
        // its progress, read from the database files' size or a document count, and killed there
        // once past a random 20–60% of the clean run; else let go (SIGCONT) for 3 ms more.
        let target = Int.random(in: 150...1_500)
        let targetBytes = Int64(Double(Self.storedBytes(clean)) * Double.random(in: 0.2...0.6))
        let victim = try Self.ingest(batch, into: killed)
        let pid = victim.processIdentifier
        var stored = 0
        let deadline = Date().addingTimeInterval(600)
        // (A blocking sleep, not `Task.sleep`: with the other suites busy on two cores, a suspended
        // task was not resumed for seconds, and the victim ran to its end unwatched.)
        while victim.isRunning, Date() < deadline {
            usleep(3_000)
            kill(pid, SIGSTOP)
            if Self.storedBytes(killed) < targetBytes, FileManager.default.fileExists(atPath: killed) {
                stored = Self.documentCount(killed) ?? stored
            }
            if stored >= target || Self.storedBytes(killed) >= targetBytes {
                kill(pid, SIGKILL)
                break
            }
            kill(pid, SIGCONT)
        }
        victim.waitUntilExit()
        #expect(victim.terminationReason == .uncaughtSignal, "the ingest ended before it could be killed (\(stored) documents)")
        let partial = try Self.snapshot(killed)
        #expect(partial.integrity == "ok")
        #expect(partial.documents < 2_000)
        #expect(partial.documents > 0, "killed before any document was stored: the test proves little")
        // Every document already stored has all its sources: none is half-written.
        for (document, count) in partial.sourcesPerDocument {
            #expect(count == expected.sourcesPerDocument[document], "document \(document) is half-written")
        }

        let rerun = try Self.ingest(batch, into: killed)
        rerun.waitUntilExit()
        #expect(rerun.terminationStatus == 0)
        let after = try Self.snapshot(killed)
        #expect(after.duplicateSources == 0)
        #expect(after == expected)
        for path in [clean, killed] {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
    }
}
