import Testing
@testable import Literate

@Suite("Math in prose")
struct RenderMathTests {
    func spans(_ markdown: String, verbatim: Set<Int> = []) -> [String] {
        MathProtector(markdown: markdown, verbatimLines: verbatim).spans.map(\.original)
    }

    @Test func dollarRulesFollowPandoc() {
        #expect(spans("a $x^2$ b $$y$$ c") == ["$x^2$", "$$y$$"])
        #expect(spans("costs $5 and $10 today") == [])           // closing $ before a digit
        #expect(spans("a $ x $ b") == [])                         // space after the opening $
        #expect(spans(#"escaped \$x$ is text"#) == [])
        #expect(spans("`$x$` is code, $y$ is math") == ["$y$"])
        #expect(spans("$a\n\nb$") == [])                          // never across a blank line
        #expect(spans("$$\na \\\\\nb\n$$") == ["$$\na \\\\\nb\n$$"])
    }

    @Test func codeAndHTMLBlockLinesAreLeftAlone() {
        let markdown = "```swift\nlet f = { $0 + $1 }\n```\n\n$z$\n"
        #expect(spans(markdown, verbatim: [1, 2, 3]) == ["$z$"])
    }

    @Test func placeholdersRoundTripToTheOriginalText() {
        let protector = MathProtector(markdown: "see $a_1 * b$ here", verbatimLines: [])
        #expect(!protector.protectedText.contains("$"))
        #expect(protector.restoringOriginals(in: protector.protectedText) == "see $a_1 * b$ here")
        #expect(protector.replacingMathWithTeX(in: protector.protectedText) == "see a_1 * b here")
    }
}
