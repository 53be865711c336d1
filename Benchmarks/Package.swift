// swift-tools-version:6.0
// Engine benchmarks, a package of their own so the main package's tests and
// builds never run them. Build and compare with PyTorch: `Benchmarks/engine.sh`.
import PackageDescription

let package = Package(
    name: "swiftbook-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "swiftbook", path: ".."),
    ],
    targets: [
        // OpenBLAS directly, as the baseline the engine's matmul is measured against.
        .systemLibrary(name: "BenchCBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .executableTarget(
            name: "engine-bench",
            dependencies: [
                "BenchCBLAS",
                .product(name: "Autograd", package: "swiftbook"),
                .product(name: "NN", package: "swiftbook"),
            ]
        ),
    ]
)
