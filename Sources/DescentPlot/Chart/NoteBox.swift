/// Paragraphs of explanation in a translucent box, placed like a `best` legend where they hide
/// the fewest points: what a failing run did, in words, inside its panel.
enum NoteBox {
    /// The note's text size in points (times the axes' text scale).
    static let fontSize = 8.0

    /// Draws `paragraphs`, each wrapped into lines no wider than `width` × the panel's width.
    ///
    /// Lines are measured as typed, with hyphen-minus signs, while they are drawn with U+2212 (−),
    /// about half an em wider each: that is how the notes were always wrapped, and measuring the
    /// drawn minus would move one line break of the gallery's `lr_comparison` (the lr = 1e-8 note
    /// would break between "20" and "steps").
    static func draw<C: Canvas>(
        _ paragraphs: [RichText], width: Double, on canvas: inout C, in frame: AxesFrame, avoiding occupied: [Rect]
    ) {
        guard !paragraphs.isEmpty else { return }
        let size = frame.units.pixels(fontSize * frame.textScale)
        let measure = { (text: RichText) in frame.font.layout(text, size: size).width }
        let lines = paragraphs.flatMap { $0.wrapped(width: frame.cell.width * width, measure: measure) }
        let box = TextBox(
            rows: lines.map { frame.layout($0, points: fontSize) }, padding: frame.units.pixels(4 * frame.textScale))
        let chosen = Legend.place(width: box.width, height: box.height, location: .best, in: frame, avoiding: occupied)
        canvas.beginGroup("note")
        box.drawBackground(chosen, opacity: 0.85, on: &canvas, units: frame.units)
        for (index, layout) in box.rows.enumerated() {
            canvas.draw(
                PlacedText(layout, at: Point(chosen.minX + box.padding, box.rowTop(index, in: chosen)), vertical: .top),
                color: .foreground)
        }
        canvas.endGroup()
    }
}
