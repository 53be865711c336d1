import CCmark
import Foundation

/// The few facts about a CommonMark document that chapters need, read with libcmark.
///
/// cmark gives the structure (which lines are fenced code blocks, in which container, which
/// block follows which) and start positions. It normalises text (tabs, line endings, NUL), so
/// everything that is cut or copied is taken from the original bytes by `FenceLayout`.
struct MarkdownOutline {
    /// A code block as cmark saw it.
    struct CodeBlock {
        /// 1-based line of the opening fence (of the first line for indented code).
        var startLine: Int
        /// 1-based byte column of the fence's first character.
        var startColumn: Int
        /// 1-based line of the closing fence, as cmark reports it (see `FenceLayout` for the
        /// case of an unclosed fence, where cmark reports the line after).
        var endLine: Int
        /// The info string, unescaped and trimmed; empty for indented code.
        var info: String
        /// The content as cmark read it, every line ending in `\n`.
        var literal: String
        /// Indented code blocks are never cells or outputs.
        var isFenced: Bool
        /// The code block that is the next sibling in the same container, if the next sibling is one.
        var followingCodeBlock: Int?
    }

    /// A top-level HTML block (settings comments live there).
    struct HTMLBlock {
        var startLine: Int
        var startColumn: Int
        var literal: String
    }

    var codeBlocks: [CodeBlock] = []
    var htmlBlocks: [HTMLBlock] = []
    /// The plain text of the first heading, if any.
    var title: String?
    /// Lines on which some block starts; a real closing fence line never starts one.
    var blockStartLines: Set<Int> = []
    /// Which lines are code, HTML and prose blocks (for finding math in the prose).
    var blockLines = BlockLines()

    init(bytes: [UInt8], lines: LineTable) {
        // An empty array may have no storage to point at; cmark still wants a pointer.
        let document: OpaquePointer? = bytes.isEmpty ? cmark_parse_document("", 0, CMARK_OPT_DEFAULT)
            : bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parse_document($0, buffer.count, CMARK_OPT_DEFAULT)
                }
            }
        guard let document else { return }
        defer { cmark_node_free(document) }
        var indexOfNode: [OpaquePointer: Int] = [:]
        var pendingFollowers: [(block: Int, next: OpaquePointer)] = []
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if Self.isBlock(type), type != CMARK_NODE_DOCUMENT {
                blockStartLines.insert(Int(cmark_node_get_start_line(node)))
            }
            blockLines.add(node)
            switch type {
            case CMARK_NODE_CODE_BLOCK:
                let line = Int(cmark_node_get_start_line(node))
                indexOfNode[node] = codeBlocks.count
                codeBlocks.append(CodeBlock(
                    startLine: line,
                    startColumn: Int(cmark_node_get_start_column(node)),
                    endLine: Int(cmark_node_get_end_line(node)),
                    info: Self.string(cmark_node_get_fence_info(node)),
                    literal: Self.string(cmark_node_get_literal(node)),
                    isFenced: Self.isFenced(bytes: bytes, lines: lines, line: line, column: Int(cmark_node_get_start_column(node))),
                    followingCodeBlock: nil))
                if let next = cmark_node_next(node) { pendingFollowers.append((codeBlocks.count - 1, next)) }
            case CMARK_NODE_HTML_BLOCK where cmark_node_parent(node) == document:
                htmlBlocks.append(HTMLBlock(
                    startLine: Int(cmark_node_get_start_line(node)),
                    startColumn: Int(cmark_node_get_start_column(node)),
                    literal: Self.string(cmark_node_get_literal(node))))
            case CMARK_NODE_HEADING where title == nil:
                title = Self.plainText(of: node)
            default:
                break
            }
        }
        for (block, next) in pendingFollowers {
            codeBlocks[block].followingCodeBlock = indexOfNode[next]
        }
    }

    private static func isBlock(_ type: cmark_node_type) -> Bool {
        type.rawValue >= CMARK_NODE_FIRST_BLOCK.rawValue && type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    /// cmark 0.30 does not say whether a code block is fenced; its start column does: a fenced
    /// block starts at its fence character, an indented one at the indentation.
    private static func isFenced(bytes: [UInt8], lines: LineTable, line: Int, column: Int) -> Bool {
        guard let text = lines.line(line) else { return false }
        let offset = text.start + column - 1
        guard offset < text.contentEnd else { return false }
        return bytes[offset] == UInt8(ascii: "`") || bytes[offset] == UInt8(ascii: "~")
    }

    /// The text a reader sees in an inline tree (a heading), without markup.
    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                text += string(cmark_node_get_literal(child))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text.trimmingCharacters(in: .whitespaces)
    }
}

/// How cmark reads a chapter's lines, which decides where math may be (see `MathProtector`):
/// the lines of code and HTML blocks (`verbatim`, where `$` is never math), and for each line of
/// a paragraph or heading the first line of that block (`inline`), so that a math span never
/// runs from one block into the next.
struct BlockLines: Equatable, Sendable {
    var verbatim: Set<Int> = []
    var inline: [Int: Int] = [:]

    init() {}

    /// The block lines of `markdown`, parsed for them alone (a chapter's are in `Chapter.blockLines`).
    init(markdown: String) {
        let document = cmark_parse_document(markdown, markdown.utf8.count, CMARK_OPT_DEFAULT)!
        defer { cmark_node_free(document) }
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { add(node) }
        }
    }

    /// Notes the lines of one node of a parsed document.
    mutating func add(_ node: OpaquePointer) {
        let start = Int(cmark_node_get_start_line(node))
        let end = max(start, Int(cmark_node_get_end_line(node)))
        switch cmark_node_get_type(node) {
        case CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK: verbatim.formUnion(start...end)
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING: for line in start...end { inline[line] = start }
        default: break
        }
    }
}
