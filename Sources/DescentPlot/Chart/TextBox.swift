/// Rows of text in a box on the theme's paper, translucent, with a thin edge: the legend's and
/// the note's. It measures the box and says where each row goes; the caller places the box and
/// draws what each row holds.
struct TextBox {
    /// The rows' texts, top to bottom.
    let rows: [TextLayout]
    /// Space between the edge and the rows, in pixels.
    let padding: Double
    /// Widths in pixels reserved before the texts (the legend's line sample and the gap after
    /// it), in the order they are added. Default: none.
    let indent: [Double]
    /// Space between rows, in pixels. Default: 0.
    let rowGap: Double

    /// - Precondition: at least one row.
    init(rows: [TextLayout], padding: Double, indent: [Double] = [], rowGap: Double = 0) {
        precondition(!rows.isEmpty, "a text box needs a row")
        self.rows = rows
        self.padding = padding
        self.indent = indent
        self.rowGap = rowGap
    }

    /// The height of a row: the first text's layout box (every row has the same size).
    var rowHeight: Double { rows[0].ascent + rows[0].descent }

    /// The box's width: padding on both sides, the indent, and the widest text.
    var width: Double { indent.reduce(padding * 2, +) + (rows.map(\.width).max() ?? 0) }

    /// The box's height: padding above and below, the rows and the gaps between them.
    var height: Double { padding * 2 + Double(rows.count) * rowHeight + Double(rows.count - 1) * rowGap }

    /// The top of row `index` when the box is at `box`.
    func rowTop(_ index: Int, in box: Rect) -> Double {
        box.minY + padding + Double(index) * (rowHeight + rowGap)
    }

    /// Fills `box` with the paper colour at `opacity` and edges it with a 0.8 pt line.
    func drawBackground<C: Canvas>(_ box: Rect, opacity: Double, on canvas: inout C, units: PlotUnits) {
        canvas.fill(.rectangle(box), color: Color.paper.withAlpha(opacity))
        canvas.stroke(
            .rectangle(box), style: StrokeStyle(width: units.pixels(0.8), join: .miter(limit: 10)), color: .boxEdge)
    }
}
