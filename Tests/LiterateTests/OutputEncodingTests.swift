import Testing
@testable import Literate

/// The notation of control characters in output blocks: visible, and read back exactly.
@Suite struct OutputEncodingTests {
    @Test func controlCharactersAreWrittenInSwiftNotation() {
        #expect(OutputEncoding.encode("a\rb\n") == "a\\u{D}b\n")
        #expect(OutputEncoding.encode("nul\u{0} bel\u{7} \u{1B}[1m del\u{7F} csi\u{9B}\n")
                == "nul\\u{0} bel\\u{7} \\u{1B}[1m del\\u{7F} csi\\u{9B}\n")
        #expect(OutputEncoding.encode("crlf\r\n") == "crlf\\u{D}\n")
        #expect(OutputEncoding.encode("tab\tstays\nünïcödé too\n") == "tab\tstays\nünïcödé too\n")
    }

    @Test func textThatLooksLikeTheNotationAndBlankLinesReadBackAsThemselves() {
        #expect(OutputEncoding.encode("\\u{41} and \\n\n") == "\\u{5C}u{41} and \\n\n")
        #expect(OutputEncoding.encode("a\n  \n\t\n\nb") == "a\n \\u{20}\n\\u{9}\n\nb")
        for text in ["\\u{41}", "\\\\u{1B}", "\\u{", "\\u{110000}", "  ", "\u{0}\\u{0}", "x\\", "\r\r\n\n", "\\u{5C}"] {
            #expect(OutputEncoding.decode(OutputEncoding.encode(text)) == text, "\(text.debugDescription)")
        }
    }

    @Test func visibleTextForATerminalKeepsLinesAndTabs() {
        #expect(OutputEncoding.visible("red \u{1B}[31m\n\tok\r\n") == "red \\u{1B}[31m\n\tok\\u{D}\n")
        #expect(OutputEncoding.visible("plain\n") == "plain\n")
    }
}
