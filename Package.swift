// swift-tools-version: 6.1
import PackageDescription

/// Compiler rules that keep C pointers inside the wrapper targets (STYLE.md, convention 2).
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// The per-word hot paths (name folding, gazetteer look-ups, the extractor's vocabulary) in
/// release builds: no dynamic exclusivity checks there, which cost a tenth of a look-up (a
/// thread-local access set per class-property access). Debug builds, and so the tests, keep them.
let hotPathSettings: [SwiftSetting] = strictSettings + [
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))
]

let package = Package(
    name: "IncidentMap",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "incidents", targets: ["incidents"]),
        .library(name: "IncidentGeometry", targets: ["IncidentGeometry"]),
        .library(name: "IncidentGeodesy", targets: ["IncidentGeodesy"]),
        .library(name: "Gazetteer", targets: ["Gazetteer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // C at the bottom: system libraries found through pkg-config.
        .systemLibrary(
            name: "CGEOS",
            pkgConfig: "geos",
            providers: [.apt(["libgeos-dev"])]
        ),
        .systemLibrary(
            name: "CPROJ",
            pkgConfig: "proj",
            providers: [.apt(["libproj-dev"])]
        ),
        // Safe layers: no C pointer leaves these two targets.
        .target(
            name: "IncidentGeometry",
            dependencies: ["CGEOS"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "IncidentGeodesy",
            dependencies: ["CPROJ", "IncidentGeometry"],
            swiftSettings: strictSettings
        ),
        // Place names in Arabic and Latin script → places with coordinates.
        .target(
            name: "Gazetteer",
            dependencies: ["IncidentGeodesy", "IncidentGeometry"],
            swiftSettings: hotPathSettings
        ),
        // Articles → mentions → places → incidents.
        .target(
            name: "Extraction",
            dependencies: ["Gazetteer", "IncidentGeodesy"],
            swiftSettings: hotPathSettings
        ),
        // Incidents at rest: embedded SQLite (GRDB) with an R*Tree index.
        .target(
            name: "IncidentStore",
            dependencies: [
                "Extraction", "Gazetteer", "IncidentGeodesy", "IncidentGeometry",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        // The same store in PostgreSQL with PostGIS (vapor/postgres-nio), for teams.
        .target(
            name: "IncidentPostGIS",
            dependencies: [
                "IncidentStore", "Extraction", "Gazetteer", "IncidentGeodesy",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // Who controls which place when, and the zones around them.
        .target(
            name: "IncidentControl",
            dependencies: ["Extraction", "Gazetteer", "IncidentGeodesy", "IncidentGeometry"],
            swiftSettings: strictSettings
        ),
        // Layers for GIS tools: GeoJSON, GeoJSONSeq, ACLED-style CSV.
        .target(
            name: "IncidentExport",
            dependencies: [
                "IncidentStore", "IncidentControl", "Extraction", "Gazetteer", "IncidentGeodesy", "IncidentGeometry",
            ],
            swiftSettings: strictSettings
        ),
        // OGC API - Features over HTTP (Hummingbird).
        .target(
            name: "IncidentServer",
            dependencies: [
                "IncidentStore", "IncidentExport", "IncidentControl", "Extraction", "Gazetteer", "IncidentGeodesy",
                "IncidentGeometry", .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strictSettings
        ),
        // The command line: parsing and printing only.
        .target(
            name: "IncidentsCLI",
            dependencies: [
                "Extraction",
                "IncidentServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                "IncidentControl",
                "IncidentExport",
                "IncidentStore",
                "IncidentPostGIS",
                "Gazetteer",
                "IncidentGeometry",
                "IncidentGeodesy",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "incidents",
            dependencies: [
                "IncidentsCLI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // Benchmarks and the leak check (make bench, make leaks).
        .executableTarget(
            name: "incidents-bench",
            dependencies: [
                "Extraction", "Gazetteer", "IncidentGeodesy", "IncidentGeometry", "IncidentStore", "IncidentPostGIS",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "IncidentGeometryTests",
            dependencies: ["IncidentGeometry"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "IncidentGeodesyTests",
            dependencies: ["IncidentGeodesy", "IncidentGeometry"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "GazetteerTests",
            dependencies: ["Gazetteer", "IncidentGeodesy"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ExtractionTests",
            dependencies: ["Extraction", "Gazetteer", "IncidentGeodesy"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "IncidentStoreTests",
            dependencies: ["IncidentStore", "IncidentPostGIS", "Extraction", "Gazetteer", "IncidentGeodesy"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "IncidentExportTests",
            dependencies: ["IncidentExport", "IncidentStore", "Extraction", "Gazetteer", "IncidentGeodesy"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "IncidentControlTests",
            dependencies: ["IncidentControl", "IncidentExport", "IncidentStore", "Extraction", "Gazetteer", "IncidentGeodesy", "IncidentGeometry"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "IncidentServerTests",
            dependencies: [
                "IncidentServer", "IncidentStore", "IncidentControl", "Extraction", "Gazetteer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "IncidentsCLITests",
            dependencies: [
                "IncidentsCLI",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)
