// swift-tools-version: 6.1
// aop: monthly review of a retailer's Annual Operating Plan from raw sales and cost exports.
// Targets follow the data flow: files → rows → ledger → KPIs → workbook.
import PackageDescription

// The modules every row passes through: in release builds, no run-time exclusivity check per access
// (the compiler's static checks stay; debug builds, which the tests run, keep the run-time ones too).
// Measured in docs/bench.md: these checks were a tenth of the time reading a workbook.
let hotPath: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
  name: "aop",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "aop", targets: ["aop"]),
    .executable(name: "aop-fuzz", targets: ["aop-fuzz"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
  ],
  targets: [
    // C libraries, each seen by exactly one Swift file.
    .systemLibrary(name: "CCSV", providers: [.apt(["libcsv-dev"])]),  // Debian ships no libcsv.pc
    .systemLibrary(name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
    // SHA-256 of every input file, hardware-accelerated (docs/bench.md says why not a Swift one).
    .systemLibrary(name: "CLibCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
    // CRC-32 of workbook parts (ZIPFoundation's own, on Linux, runs a byte at a time).
    .systemLibrary(name: "CLibZ", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

    // The templates/ folder (profiles, plan, config) shipped as the built-in resources.
    .target(
      name: "AOPTemplates", path: ".",
      exclude: [
        "Sources/CCSV", "Sources/CXLSXWriter", "Sources/CLibCrypto", "Sources/CLibZ", "Sources/AOPLedger",
        "Sources/AOPRows",
        "Sources/AOPTOML",
        "Sources/AOPPlan", "Sources/AOPImport", "Sources/AOPKPIs", "Sources/AOPWorkbook", "Sources/AOPPipeline",
        "Sources/aop", "Sources/aop-fuzz",
        "Tests", "samples", "docs", "bench", "Makefile", "README.md",
      ],
      sources: ["Sources/AOPTemplates"],
      resources: [.copy("templates")],
      publicHeadersPath: "Sources/AOPTemplates"),

    // values only: money, days, channels, lines, tallies
    .target(name: "AOPLedger", swiftSettings: hotPath),
    // files → raw records
    .target(
      name: "AOPRows",
      dependencies: [
        "CCSV", "CLibCrypto", "CLibZ", "AOPLedger", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      swiftSettings: hotPath),
    // human-edited TOML files (config, plan, profiles) read strictly, errors by file, line and key
    .target(name: "AOPTOML", dependencies: [.product(name: "TOMLKit", package: "TOMLKit")]),
    // config, plan, baseline
    .target(name: "AOPPlan", dependencies: ["AOPLedger", "AOPTOML"]),
    // records → ledger lines (import profiles)
    .target(
      name: "AOPImport", dependencies: ["AOPRows", "AOPLedger", "AOPTOML", "AOPTemplates"], swiftSettings: hotPath),
    .target(name: "AOPKPIs", dependencies: ["AOPLedger", "AOPPlan"]),  // ledger + plan → report values
    .target(name: "AOPWorkbook", dependencies: ["AOPKPIs", "CXLSXWriter"]),  // report → sheets → .xlsx
    .target(
      name: "AOPPipeline",
      dependencies: [
        "AOPImport", "AOPPlan", "AOPKPIs", "AOPWorkbook", .product(name: "Logging", package: "swift-log"),
      ]),  // the jobs
    .executableTarget(
      name: "aop",
      dependencies: [
        "AOPPipeline", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ]),

    // Mutation fuzzing of the readers (`make fuzz`): seeds from the samples and fixtures.
    .executableTarget(name: "aop-fuzz", dependencies: ["AOPImport", "AOPRows", "AOPLedger"]),

    .target(
      name: "AOPTestSupport", dependencies: ["AOPLedger", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
      path: "Tests/AOPTestSupport"),
    .testTarget(name: "AOPLedgerTests", dependencies: ["AOPLedger"]),
    .testTarget(name: "AOPTOMLTests", dependencies: ["AOPTOML"]),
    .testTarget(name: "AOPRowsTests", dependencies: ["AOPRows", "AOPTestSupport"]),
    .testTarget(name: "AOPImportTests", dependencies: ["AOPImport", "AOPTestSupport"]),
    .testTarget(name: "AOPPlanTests", dependencies: ["AOPPlan", "AOPTestSupport"]),
    .testTarget(name: "AOPKPIsTests", dependencies: ["AOPKPIs", "AOPTestSupport"]),
    .testTarget(name: "AOPWorkbookTests", dependencies: ["AOPWorkbook", "AOPTestSupport"]),
    .testTarget(name: "AOPPipelineTests", dependencies: ["AOPPipeline", "AOPWorkbook", "AOPTestSupport"]),
    .testTarget(name: "aopCLITests", dependencies: ["AOPTestSupport"]),
  ]
)
