import Foundation
import Testing
@testable import Literate

/// Cells run as the compiler runs them concatenated into one `main.swift`, with the notebook's
/// rule for names declared again. Each fixture in `Fixtures/notebook` records the right outputs
/// (what `swiftc -swift-version 5` gives, or what the README's rule promises); `check` must
/// agree with every one of them.
@Suite(.serialized) struct NotebookSemanticsTests {
    static let fixtures = CLI.packageRoot.appendingPathComponent("Tests/LiterateTests/Fixtures/notebook")

    /// A scratch folder with copies of the named notebook fixtures.
    func cli(_ names: String...) throws -> CLI {
        let cli = try CLI()
        for name in names {
            try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(name), to: cli.chapter(name))
        }
        return cli
    }

    @Test(arguments: ["fails-at-file-scope.md", "overloads.md", "display.md", "renaming.md", "renaming-earlier.md",
                      "declaration-kinds.md", "runtime-names.md"])
    func recordedOutputsAreRight(_ name: String) throws {
        let cli = try cli(name)
        defer { cli.remove() }
        let result = try cli.run("check", "Chapters/\(name)")
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// Hashing and the standard library's random numbers are seeded like the engine's.
    @Test func dictionaryOrderAndSystemRandomNumbersAreTheSameOnEveryRun() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let text = """
        ```swift
        let legs = ["spider": 8, "ant": 6, "cat": 4, "bird": 2, "snake": 0, "fish": 0]
        for (animal, count) in legs { print(animal, count) }
        print(Set(["a", "b", "c", "d", "e", "f", "g"]))
        print(Int.random(in: 0..<1_000_000), (1...9).shuffled(), Double.random(in: 0..<1))
        ```\n
        """
        try text.write(to: cli.chapter("order.md"), atomically: true, encoding: .utf8)
        #expect(try cli.run("run", "Chapters/order.md").status == 0)
        for _ in 0..<4 {
            let result = try cli.run("check", "--no-cache", "Chapters/order.md")
            #expect(result.status == 0, "\(result.stderr)")
        }
    }

    /// Redeclaring an extension member is an error of the later cell; the earlier cell keeps its output.
    @Test func anErrorBelongsToTheCellThatCausesIt() throws {
        let cli = try cli("extensions.md")
        defer { cli.remove() }
        let result = try cli.run("run", "Chapters/extensions.md")
        #expect(result.status == 1)
        #expect(result.stderr.contains("Chapters/extensions.md:13:") && result.stderr.contains("cell 2 does not compile: invalid redeclaration of 'doubled'"),
                "\(result.stderr)")
        #expect(!result.stderr.contains("cell 1 does not compile"))
        #expect(try cli.text("extensions.md").contains("print(3.doubled)\n```\n\n```output\n6\n```"))
    }

    /// A trap is reported with the runtime's message, at the line of the code that trapped.
    @Test func trapsKeepTheRuntimesMessageAndLine() throws {
        let cli = try cli("traps.md")
        defer { cli.remove() }
        let result = try cli.run("check", "Chapters/traps.md")
        #expect(result.status == 1)
        #expect(result.stderr.contains("Chapters/traps.md:15:16: error: cell 2 crashed: Could not cast value of type 'NN.ReLU' to 'NN.Linear'."),
                "\(result.stderr)")
        #expect(result.stderr.contains("    casting"))

        try "Text.\n\n```swift\nlet value: Any = 1\nlet text = value as! String\n```\n"
            .write(to: cli.chapter("cast.md"), atomically: true, encoding: .utf8)
        let cast = try cli.run("run", "Chapters/cast.md")
        #expect(cast.stderr.contains("Chapters/cast.md:5:18: error: cell 1 crashed: Could not cast value of type 'Swift.Int' to 'Swift.String'."),
                "\(cast.stderr)")
    }

    /// Inserting a cell leaves the random draws of the other cells as they were.
    @Test func randomDrawsDoNotDependOnACellsPosition() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let draw = "```swift\nTensor.rand(3)\n```\n\nProse.\n\n```swift\nprint(Tensor.randn(2))\n```\n"
        try draw.write(to: cli.chapter("seeds.md"), atomically: true, encoding: .utf8)
        #expect(try cli.run("run", "Chapters/seeds.md").status == 0)
        let before = try cli.text("seeds.md")
        let inserted = "```swift\nlet noise = Tensor.rand(5)\n```\n\n" + before
        try inserted.write(to: cli.chapter("seeds.md"), atomically: true, encoding: .utf8)
        // The new cell draws and shows nothing; the two old cells' outputs are still right.
        let result = try cli.run("check", "Chapters/seeds.md")
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// A cell that prints in an endless loop and times out shows the end of what it printed.
    @Test func aTimedOutFloodShowsItsEnd() throws {
        let cli = try CLI()
        defer { cli.remove() }
        try "```swift\nvar i = 0\nwhile true { print(i); i += 1 }\n```\n".write(to: cli.chapter("flood.md"), atomically: true, encoding: .utf8)
        let result = try cli.run("run", "--timeout", "2", "Chapters/flood.md")
        #expect(result.status == 1)
        #expect(result.stderr.contains("earlier lines ("), "\(result.stderr.prefix(2000))")
        #expect(result.stderr.split(separator: "\n").count < 40)
    }
}
