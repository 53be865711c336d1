extension Module {
    /// The module tree as PyTorch's `print(net)` shows it:
    ///
    /// ```
    /// Sequential(
    ///   (0): Linear(in_features=20, out_features=256, bias=True)
    ///   (1): ReLU()
    ///   (2): Linear(in_features=256, out_features=10, bias=True)
    /// )
    /// ```
    ///
    /// A module with no children prints on one line with its `extraDescription` in parentheses;
    /// otherwise the extra lines and then one `(name): child` line per child follow, indented by
    /// two spaces (a child used twice is shown twice, as PyTorch shows it).
    public var description: String {
        let extraLines = extraDescription.isEmpty ? [] : extraDescription.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let childLines = directMembers().children.map { child in
            "(\(child.name)): " + Self.indented(child.module.description, by: 2)
        }
        let lines = extraLines + childLines
        var text = typeName + "("
        if extraLines.count == 1 && childLines.isEmpty {
            text += extraLines[0]
        } else if !lines.isEmpty {
            text += "\n  " + lines.joined(separator: "\n  ") + "\n"
        }
        return text + ")"
    }

    /// Every line of `text` but the first indented by `spaces` (PyTorch's `_addindent`).
    static func indented(_ text: String, by spaces: Int) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count > 1 else { return text }
        let padding = String(repeating: " ", count: spaces)
        return ([String(lines[0])] + lines.dropFirst().map { padding + $0 }).joined(separator: "\n")
    }
}
