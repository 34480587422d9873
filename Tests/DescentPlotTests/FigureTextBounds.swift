@testable import DescentPlot

extension Figure {
    /// Each panel's box with all its texts (ticks, labels, title), after layout: where one panel
    /// ends, for tests that no two overlap.
    func panelTextBounds(font: Font) -> [Rect] {
        let units = PlotUnits(dpi: dpi)
        return zip(zip(panels, layout(font: font)), cells).map { panelAndBox, cell in
            let (panel, box) = panelAndBox
            return panel.decorations(in: panel.frame(box: box, cell: cell, units: units, font: font)).bounds(
                including: box)
        }
    }
}
