public import ArgumentParser
import Extraction
import Foundation
import Gazetteer

extension Incidents {
    /// `incidents extract FILE…`: what extraction finds, without storing it.
    public struct Extract: ParsableCommand {
        /// Help text.
        public static let configuration = CommandConfiguration(
            abstract: "Show the places and incidents found in articles, without storing them.")

        @Argument(help: "Article files or folders (text, Markdown or HTML).")
        var paths: [String]

        @Option(help: "The publication date (YYYY-MM-DD) when the files do not give one.")
        var published: String?

        @Flag(help: "Print one JSON line per article, in the gold format.")
        var json = false

        @OptionGroup var gazetteer: GazetteerOptions

        /// Created by ArgumentParser.
        public init() {}

        /// Checks the date before anything is read.
        public func validate() throws {
            if let published, Day(iso: published) == nil {
                throw ValidationError("--published \"\(published)\" is not a YYYY-MM-DD date")
            }
        }

        /// Runs the command.
        public func run() throws {
            let extractor = Extractor(gazetteer: try gazetteer.load())
            var failed = false
            for path in ArticleReader.files(in: paths) {
                do {
                    var article = try ArticleReader.read(path: path)
                    if article.published == nil, let published { article.published = Day(iso: published) }
                    let result = extractor.extract(article)
                    for warning in result.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
                    if json {
                        print(try encodeJSON(PredictionJSON(result)))
                    } else {
                        print("== \(path) (published \(result.article.published?.description ?? "unknown"))")
                        for i in result.incidents {
                            print("  \(i.type.rawValue)  \(i.date?.start.description ?? "?")  \(i.place.name)  [\(i.actors.map(\.rawValue).joined(separator: ", "))]  «\(i.sources.first?.sentence.prefix(90) ?? "")»")
                        }
                    }
                } catch {
                    failed = true
                    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                }
            }
            if failed { throw ExitCode(1) }
        }
    }
}
