import Foundation
import Testing

/// `Sources/Literate` is one folder per stage of the pipeline, and a stage uses only the stages
/// before it (docs/ARCHITECTURE.md): a type declared in a folder is named only by files of that
/// folder and of later ones. Declarations are found as the type declarations at the start of a
/// line (top level); uses, as the capitalised words of the code with comments and string
/// literals removed.
@Suite struct ArchitectureTests {
    /// The stages in pipeline order.
    static let stages = ["Diagnostics", "Support", "Document", "Book", "Program", "Execute", "Cache", "Check", "Splice",
                         "Figures", "Translate", "Runner", "Render", "Preview"]

    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/Literate")

    struct SourceFile {
        var stage: String
        var name: String
        /// The file as written.
        var text: String
        /// The file without comments and string literals.
        var code: String

        init(stage: String, name: String, text: String) {
            self.stage = stage
            self.name = name
            self.text = text
            code = ArchitectureTests.withoutCommentsAndStrings(text)
        }
    }

    static func files() throws -> [SourceFile] {
        let manager = FileManager.default
        var files: [SourceFile] = []
        for folder in try manager.contentsOfDirectory(atPath: sources.path) {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: sources.appendingPathComponent(folder).path, isDirectory: &isFolder),
                  isFolder.boolValue else { continue }
            for name in try manager.contentsOfDirectory(atPath: sources.appendingPathComponent(folder).path)
            where name.hasSuffix(".swift") {
                let text = try String(contentsOf: sources.appendingPathComponent("\(folder)/\(name)"), encoding: .utf8)
                files.append(SourceFile(stage: folder, name: name, text: text))
            }
        }
        return files
    }

    /// `text` with `//` and `/* */` comments and string literals blanked out.
    static func withoutCommentsAndStrings(_ text: String) -> String {
        var result = ""
        var characters = Array(text)[...]
        while let character = characters.first {
            if characters.starts(with: "//") {
                while let next = characters.first, next != "\n" { characters.removeFirst() }
            } else if characters.starts(with: "/*") {
                characters.removeFirst(2)
                while !characters.isEmpty, !characters.starts(with: "*/") { characters.removeFirst() }
                characters = characters.dropFirst(2)
                result += " "
            } else if characters.starts(with: "\"\"\"") {
                characters.removeFirst(3)
                while !characters.isEmpty, !characters.starts(with: "\"\"\"") { characters.removeFirst() }
                characters = characters.dropFirst(3)
                result += "\"\""
            } else if character == "\"" {
                characters.removeFirst()
                while let next = characters.first, next != "\"", next != "\n" {
                    characters.removeFirst()
                    if next == "\\", !characters.isEmpty { characters.removeFirst() }
                }
                characters = characters.dropFirst()
                result += "\"\""
            } else {
                result.append(character)
                characters.removeFirst()
            }
        }
        return result
    }

    /// The names of the types a file declares at top level.
    static func declaredTypes(in code: String) -> [String] {
        let pattern = #/(?m)^(?:(?:public|package|internal|fileprivate|private|final|indirect)\s+)*(?:struct|enum|class|protocol|actor|typealias)\s+([A-Z]\w*)/#
        return code.matches(of: pattern).map { String($0.output.1) }
    }

    /// The identifiers of `code` (split at every other character: a regex `\b` follows Unicode
    /// word boundaries, which keep `Type.member` one word).
    static func identifiers(in code: String) -> Set<String> {
        Set(code.matches(of: #/[A-Za-z_][A-Za-z0-9_]*/#).map { String($0.output) })
    }

    @Test func everyFolderIsAStage() throws {
        let folders = Set(try Self.files().map(\.stage))
        #expect(folders == Set(Self.stages), "folders without a place in the pipeline: \(folders.subtracting(Self.stages).sorted()); stages without a folder: \(Set(Self.stages).subtracting(folders).sorted())")
    }

    @Test func aStageUsesOnlyEarlierStages() throws {
        let files = try Self.files()
        var owner: [String: String] = [:]
        for file in files {
            for type in Self.declaredTypes(in: file.code) { owner[type] = file.stage }
        }
        #expect(owner.count > 100, "found too few declarations to judge: \(owner.count)")
        var violations: [String] = []
        for file in files {
            guard let position = Self.stages.firstIndex(of: file.stage) else { continue }
            let words = Self.identifiers(in: file.code)
            for word in words.sorted() {
                guard let stage = owner[word], let used = Self.stages.firstIndex(of: stage), used > position else { continue }
                violations.append("\(file.stage)/\(file.name) uses \(word) of the later stage \(stage)")
            }
        }
        #expect(violations.isEmpty, "\(violations.joined(separator: "\n"))")
    }

    /// `Literate`'s public surface is what the command line needs, and every public declaration
    /// says what it is: a `///` comment right above it (or above its attributes).
    @Test func everyPublicDeclarationIsDocumented() throws {
        var undocumented: [String] = []
        var count = 0
        for file in try Self.files() {
            let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            for (index, line) in lines.enumerated() where line.hasPrefix("public ") && !line.hasPrefix("public extension") {
                count += 1
                var above = index - 1
                while above >= 0, lines[above].hasPrefix("@") { above -= 1 }
                if above < 0 || !lines[above].hasPrefix("///") { undocumented.append("\(file.stage)/\(file.name):\(index + 1): \(line)") }
            }
        }
        #expect(count > 0)
        #expect(undocumented.isEmpty, "\(undocumented.count) of \(count) undocumented:\n\(undocumented.joined(separator: "\n"))")
    }

    @Test func theCheckerSeesALaterStage() {
        // The rule itself: a declaration in Render named from Document is a violation.
        let code = Self.withoutCommentsAndStrings("let page = SiteRenderer() // Chapter\nlet text = \"Chapter\"")
        #expect(code.contains("SiteRenderer"))
        #expect(!code.contains("Chapter"))
        #expect(Self.declaredTypes(in: "public struct Chapter {}\n    struct Nested {}\nfinal class Box {}") == ["Chapter", "Box"])
        #expect(Self.identifiers(in: "throw ExecutionError.spawn(x)").contains("ExecutionError"))
    }
}
