public import ArgumentParser

/// The `incidents` command: turns news reports into a map of what happened where and when.
public struct Incidents: ParsableCommand {
    /// The root command's help and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "incidents",
        abstract: "Turn news reports about north-east Syria into mapped, dated incidents.",
        subcommands: [Ingest.self, Near.self, List.self, Show.self, Export.self, Animate.self, Control.self, Extract.self, Eval.self, Resolve.self, Places.self, Distance.self]
    )

    /// Created by ArgumentParser.
    public init() {}
}
