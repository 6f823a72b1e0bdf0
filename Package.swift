// swift-tools-version:6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "goodair-lake",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "goodair", targets: ["goodair"]),
        .library(name: "GoodAirCore", targets: ["GoodAirCore"]),
        .library(name: "GoodAirSimulator", targets: ["GoodAirSimulator"]),
        .library(name: "GoodAirWarehouse", targets: ["GoodAirWarehouse"]),
        .library(name: "GoodAirDashboard", targets: ["GoodAirDashboard"]),
        .library(name: "GoodAirTesting", targets: ["GoodAirTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.3.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "GoodAirCore",
            dependencies: [
                "CCurl", "CZlib",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "GoodAirWarehouse",
            dependencies: [
                "GoodAirCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "GoodAirSimulator",
            dependencies: [
                "GoodAirCore", "GoodAirHTTPServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "GoodAirHTTPServer",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "GoodAirDashboard",
            dependencies: [
                "GoodAirCore", "GoodAirWarehouse", "GoodAirHTTPServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "goodair",
            dependencies: [
                "GoodAirCore", "GoodAirSimulator", "GoodAirWarehouse", "GoodAirDashboard",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "goodair-bench",
            dependencies: ["GoodAirCore", "GoodAirWarehouse"],
            path: "Sources/GoodAirBench",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "GoodAirTesting",
            dependencies: [
                "GoodAirCore", "GoodAirSimulator",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GoodAirCoreTests",
            dependencies: ["GoodAirCore", "GoodAirTesting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GoodAirWarehouseTests",
            dependencies: ["GoodAirWarehouse", "GoodAirCore", "GoodAirTesting", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GoodAirCLITests",
            dependencies: ["goodair", "GoodAirCore", "GoodAirTesting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GoodAirDashboardTests",
            dependencies: [
                "GoodAirDashboard", "GoodAirWarehouse", "GoodAirCore", "GoodAirTesting",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GoodAirSimulatorTests",
            dependencies: ["GoodAirSimulator", "GoodAirCore", "GoodAirTesting"],
            swiftSettings: swiftSettings
        ),
    ]
)
