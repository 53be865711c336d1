import CCmark
import Foundation

/// A chapter's structure as cmark sees it, apart from its output blocks: what must not change
/// when outputs are inserted, replaced or removed.
///
/// It is cmark's XML rendering of the document after every `output` block that follows a `swift`
/// cell is taken out. The XML holds every block and inline with its attributes (a list's
/// `tight`, a heading's level, a code block's info and text) and no source positions, so two
/// chapters have the same structure exactly when a reader would see the same document in them,
/// outputs aside. Splicing uses it to choose where blank lines go (see `Chapter.splicing`).
struct DocumentStructure: Equatable {
    let xml: String

    init(_ bytes: [UInt8]) {
        let document: OpaquePointer? = bytes.isEmpty ? cmark_parse_document("", 0, CMARK_OPT_DEFAULT)
            : bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parse_document($0, buffer.count, CMARK_OPT_DEFAULT)
                }
            }
        guard let document else {
            xml = ""
            return
        }
        defer { cmark_node_free(document) }
        var outputs: [OpaquePointer] = []
        let iterator = cmark_iter_new(document)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  Self.isCodeBlock(node, kind: "output"), let previous = cmark_node_previous(node),
                  Self.isCodeBlock(previous, kind: "swift") else { continue }
            outputs.append(node)
        }
        cmark_iter_free(iterator)
        for node in outputs {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        guard let rendered = cmark_render_xml(document, CMARK_OPT_DEFAULT) else {
            xml = ""
            return
        }
        defer { free(rendered) }
        xml = String(cString: rendered)
    }

    private static func isCodeBlock(_ node: OpaquePointer, kind: String) -> Bool {
        guard cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK, let info = cmark_node_get_fence_info(node) else {
            return false
        }
        return Chapter.kind(of: String(cString: info)) == kind
    }
}
