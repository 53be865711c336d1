import CCmark

/// Small conveniences over libcmark's C node API, used while the renderer rewrites a parsed
/// chapter before handing it to `cmark_render_html`.
///
/// The tree is owned by the document node; these helpers never free a node that is still linked.
extension OpaquePointer {
    var nodeType: cmark_node_type { cmark_node_get_type(self) }
    var firstChild: OpaquePointer? { cmark_node_first_child(self) }
    var nextSibling: OpaquePointer? { cmark_node_next(self) }
    var parent: OpaquePointer? { cmark_node_parent(self) }

    /// The node's literal text (code, text, HTML), or "" when it has none.
    var literal: String { cmark_node_get_literal(self).map { String(cString: $0) } ?? "" }

    /// The info string of a fenced code block.
    var fenceInfo: String { cmark_node_get_fence_info(self).map { String(cString: $0) } ?? "" }

    /// The link or image destination.
    var url: String { cmark_node_get_url(self).map { String(cString: $0) } ?? "" }

    /// All descendants of this node (itself included) in document order.
    func descendants() -> [OpaquePointer] {
        var nodes: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(self) else { return nodes }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { nodes.append(node) }
        }
        return nodes
    }

    /// The plain text of an inline subtree (text, code spans, line breaks as spaces; no HTML tags).
    var plainText: String {
        var text = ""
        for node in descendants() {
            switch node.nodeType {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += node.literal
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text
    }

    /// Replaces this node by `replacement` and frees this node and its subtree.
    func replace(with replacement: OpaquePointer) {
        cmark_node_insert_before(self, replacement)
        cmark_node_unlink(self)
        cmark_node_free(self)
    }

    /// Unlinks and frees this node and its subtree.
    func remove() {
        cmark_node_unlink(self)
        cmark_node_free(self)
    }
}

/// A node whose HTML is written as given: `html` on entering, `closing` on leaving.
func rawHTMLNode(block: Bool, _ html: String, closing: String = "") -> OpaquePointer {
    let node = cmark_node_new(block ? CMARK_NODE_CUSTOM_BLOCK : CMARK_NODE_CUSTOM_INLINE)!
    cmark_node_set_on_enter(node, html)
    cmark_node_set_on_exit(node, closing)
    return node
}

/// A text node; cmark escapes its text when rendering.
func textNode(_ text: String) -> OpaquePointer {
    let node = cmark_node_new(CMARK_NODE_TEXT)!
    cmark_node_set_literal(node, text)
    return node
}
