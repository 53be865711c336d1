// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "swiftbook",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Autograd", targets: ["Autograd"]),
        .library(name: "NN", targets: ["NN"]),
        .library(name: "Plot", targets: ["Plot"]),
        // The engine as one shared library: chapter programs compile and link against it. It also
        // carries the seeded standard-library random numbers of chapter programs (CSeededRandom).
        .library(name: "SwiftbookEngine", type: .dynamic, targets: ["Autograd", "NN", "Plot", "CSeededRandom"]),
        .library(name: "Literate", targets: ["Literate"]),
        .executable(name: "swiftbook", targets: ["swiftbook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swiftlang/swift-syntax", from: "603.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // `swift package generate-documentation` for the engine's DocC catalogs (Scripts/docs, run by Scripts/test).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        .systemLibrary(
            name: "CBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        .target(name: "Autograd", dependencies: [.target(name: "CBLAS", condition: .when(platforms: [.linux]))]),
        .target(name: "NN", dependencies: ["Autograd"]),
        // Figures for cells: SVG plots of lines, points and histograms (see Sources/Plot).
        .target(name: "Plot", dependencies: ["Autograd"]),
        .target(name: "CSeededRandom"),
        .target(
            name: "Literate",
            dependencies: [
                "CCmark",
                .product(name: "SwiftParser", package: "swift-syntax"),
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftIDEUtils", package: "swift-syntax"),
            ],
            // The site's stylesheet, compiled in as bytes (see Sources/Literate/Render/Stylesheet.swift).
            resources: [.embedInCode("Render/style.css")]
        ),
        .executableTarget(
            name: "swiftbook",
            dependencies: [
                "Literate",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "AutogradTests", dependencies: ["Autograd"], resources: [.copy("Fixtures")]),
        .testTarget(name: "NNTests", dependencies: ["NN"]),
        .testTarget(name: "PlotTests", dependencies: ["Plot"], exclude: ["Fixtures"]),
        .testTarget(name: "LiterateTests", dependencies: ["Literate", "Plot"], resources: [.copy("Fixtures")]),
    ]
)
