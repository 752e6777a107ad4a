// swift-tools-version:5.10
import PackageDescription

// Data flows one way: ReportParser (load, parse) → ReportChecks → Site (catalog, render, write).
// Only the Markdown module sees the C library.
let package = Package(
    name: "sitegen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sitegen", targets: ["sitegen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLibdeflate", providers: [.apt(["libdeflate-dev"])]),
        .target(name: "CSystem"),
        .target(name: "Markdown", dependencies: ["CMarkGFM"]),
        .target(name: "ReportModel"),
        .target(name: "ReportParser", dependencies: [
            "ReportModel",
            .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "ReportChecks", dependencies: ["ReportModel"]),
        .target(name: "Site", dependencies: [
            "ReportModel", "ReportParser", "ReportChecks", "Markdown", "CZlib", "CLibdeflate", "CSystem",
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Yams", package: "Yams"),
        ]),
        // Release builds use gperftools' tcmalloc: a build makes and frees millions of small
        // strings and arrays on every core, and glibc's allocator costs about 6 % more CPU
        // (BENCHMARKS.md). Debug and test builds (ThreadSanitizer among them) keep glibc's.
        .executableTarget(name: "sitegen", dependencies: [
            "Site",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: [.linkedLibrary("tcmalloc_minimal", .when(configuration: .release))]),
        .executableTarget(name: "fuzz-parser", dependencies: ["ReportParser"]),
        // What several test targets share (a seeded random generator).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "TestSupport"]),
        .testTarget(name: "ReportParserTests", dependencies: ["ReportParser", "ReportModel", "TestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "SiteTests", dependencies: [
            "Site", "sitegen", "Markdown",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], exclude: ["Fixtures"]),  // read from the repository by path
        .testTarget(name: "ReportChecksTests", dependencies: ["ReportChecks", "ReportModel", "ReportParser"]),
    ]
)
