/// How one cell appears in the rendered page, taken from its options.
struct CellDisplay: Equatable, Sendable {
    /// Left out of the page together with its output (`hidden`).
    var isHidden: Bool
    /// Shown, marked as not run (`no-run`).
    var isNotRun: Bool
    /// Expected to fail; its output is an error message and styled as one (`fails`).
    var isExpectedToFail: Bool
    /// A failure to show at the cell instead of its output, with the chapter's line (set only
    /// by `swiftbook preview`, for a cell that did not compile or trapped on the last save).
    var failure: String? = nil

    /// A cell shown with its output in the normal style.
    init(isHidden: Bool = false, isNotRun: Bool = false, isExpectedToFail: Bool = false) {
        self.isHidden = isHidden
        self.isNotRun = isNotRun
        self.isExpectedToFail = isExpectedToFail
    }
}
