public import ArgumentParser
import Extraction
import Foundation
import Gazetteer
import IncidentStore

extension Incidents {
    /// `incidents ingest PATH…`: extract articles and store their incidents.
    public struct Ingest: AsyncParsableCommand {
        /// Help text.
        public static let configuration = CommandConfiguration(
            abstract: "Extract incidents from article files and folders and store them.",
            discussion: """
                Each file is read (text, Markdown or HTML; a NAME.meta.json sidecar may give published, source, \\
                url, lang), extracted and stored in one transaction. Unchanged files are skipped; changed ones \\
                replace their incidents. Bad files are reported by name and skipped; the exit code is 1 when any failed.
                """)

        @Argument(help: "Article files or folders.")
        var paths: [String]

        @Option(help: "The publication date (YYYY-MM-DD) for files that give none.")
        var published: DayArgument?

        @OptionGroup var store: StoreOptions
        @OptionGroup var gazetteer: GazetteerOptions

        /// Created by ArgumentParser.
        public init() {}

        /// Runs the command.
        public func run() async throws {
            let files = ArticleReader.files(in: paths)
            guard !files.isEmpty else { throw ValidationError("no article files in \(paths.joined(separator: ", "))") }
            let extractor = Extractor(gazetteer: try gazetteer.load())
            let published = self.published?.day
            let failures = try await store.withStore { database in
                var added = 0, replaced = 0, unchanged = 0, incidents = 0
                var failures = [String]()
                let started = Date()
                for (n, path) in files.enumerated() {
                    do {
                        var article = try ArticleReader.read(path: path)
                        if article.published == nil, let published { article.published = published }
                        let result = extractor.extract(article)
                        for warning in result.warnings { note("warning: \(warning)") }
                        let outcome = try await database.ingest(result)
                        switch outcome.status {
                        case .added: added += 1
                        case .replaced: replaced += 1
                        case .unchanged: unchanged += 1
                        }
                        incidents += outcome.incidents
                    } catch {
                        failures.append(path)
                        note("error: \(error)")
                    }
                    if files.count > 20, (n + 1) % 100 == 0 || n + 1 == files.count {
                        let rate = Double(n + 1) / max(Date().timeIntervalSince(started), 0.001)
                        note(String(format: "progress: %d/%d files (%.0f/s)", n + 1, files.count, rate))
                    }
                }
                print(
                    "ingested \(added + replaced + unchanged) of \(files.count) files into \(database.location): \(added) added, \(replaced) replaced, \(unchanged) unchanged; \(incidents) incidents extracted; \(failures.count) failed"
                )
                return failures
            }
            if !failures.isEmpty { throw ExitCode(1) }
        }
    }
}
