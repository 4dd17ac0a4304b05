public import ArgumentParser

/// The `incidents` command: turns news reports into a map of what happened where and when.
@available(macOS 10.15, macCatalyst 13, iOS 13, tvOS 13, watchOS 6, *)
public struct Incidents: AsyncParsableCommand {
    /// The root command's help and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "incidents",
        abstract: "Turn news reports about north-east Syria into mapped, dated incidents.",
        subcommands: [Ingest.self, Near.self, List.self, Show.self, Export.self, Animate.self, Control.self, Serve.self, Extract.self, Eval.self, Resolve.self, Places.self, Places.Nearest.self, Distance.self]
    )

    /// Created by ArgumentParser.
    public init() {}
}

@available(macOS 10.15, macCatalyst 13, iOS 13, tvOS 13, watchOS 6, *)
extension Incidents {
    /// The program's entry point: parses the arguments and runs the command, awaiting the
    /// asynchronous ones (`serve`). A distinct name, so the executable cannot pick the
    /// synchronous `main()` that ParsableCommand also declares.
    public static func start() async {
        await main(nil)
    }
}
