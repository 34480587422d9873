extension Axes {
    /// Draws the axes in `box` (the plot and, if any, its colour bar), bottom to top: the
    /// background, the grid, the artists clipped to the box, marks for their points outside the
    /// view, spines and ticks, the colour bar, the texts, the legend and note, and the insets.
    func draw<C: Canvas>(on canvas: inout C, box: Rect, cell: Rect, units: PlotUnits, font: Font) {
        let frame = frame(box: box, cell: cell, units: units, font: font)
        let decorations = decorations(in: frame)
        let screenPoints = artists.flatMap { $0.screenPoints(in: frame) }

        canvas.beginGroup("axes")
        canvas.fill(.rectangle(frame.box), color: .background)
        if grid {
            drawGrid(at: decorations.ticks, on: &canvas, in: frame)
        }
        let marks = artists.compactMap(\.trackedPoints).flatMap {
            OutsideViewMarks.marks(for: $0, in: frame, avoiding: screenPoints)
        }
        canvas.pushClip(frame.box)
        for artist in artists {
            // The type's name, as String(describing:) would give it, without the dynamic casts and
            // the Mirror that String(describing:) tries first: their first conformance lookup for
            // each type scans every conformance record of the process, which measured 16 % of a
            // whole `descent trajectory --output f.svg`.
            canvas.beginGroup(_typeName(type(of: artist), qualified: false))
            artist.draw(on: &canvas, in: frame)
            canvas.endGroup()
        }
        canvas.popClip()
        OutsideViewMarks.draw(marks, on: &canvas, in: frame)
        drawSpinesAndTicks(decorations.ticks, on: &canvas, in: frame)
        colorBar?.draw(on: &canvas, bar: ColorBar.barBox(beside: frame.box), units: units)
        canvas.beginGroup("labels")
        for text in decorations.texts {
            canvas.draw(text, color: .foreground)
        }
        canvas.endGroup()
        // Legend and note avoid the data and the labels of points outside the view.
        let occupied = screenPoints.map { Rect(x: $0.x, y: $0.y, width: 0, height: 0) } + marks.map(\.label.bounds)
        if let legend {
            Legend.draw(artists.compactMap(\.legendEntry), location: legend, on: &canvas, in: frame, avoiding: occupied)
        }
        NoteBox.draw(note, width: noteWidth, on: &canvas, in: frame, avoiding: occupied)
        for inset in insets {
            drawInset(inset, on: &canvas, parent: frame, font: font)
        }
        canvas.endGroup()
    }

    /// A spine-wide line's position moved onto the pixel grid (``PlotUnits/snap(_:width:)``).
    private func snapped(_ position: Double, in frame: AxesFrame) -> Double {
        PlotUnits.snap(position, width: frame.units.pixels(PlotDefaults.spineWidth))
    }

    /// Light lines across the box at the ticks, as wide as the spines.
    private func drawGrid<C: Canvas>(at ticks: [Decorations.Tick], on canvas: inout C, in frame: AxesFrame) {
        let box = frame.box
        canvas.beginGroup("grid")
        for tick in ticks {
            let position = snapped(tick.position, in: frame)
            let path: Path =
                tick.isX
                ? .polyline([Point(position, box.minY), Point(position, box.maxY)])
                : .polyline([Point(box.minX, position), Point(box.maxX, position)])
            canvas.stroke(path, style: StrokeStyle(width: frame.units.pixels(PlotDefaults.spineWidth)), color: .grid)
        }
        canvas.endGroup()
    }

    /// The frame around the box, snapped to the pixel grid, and the ticks pointing out of it.
    private func drawSpinesAndTicks<C: Canvas>(_ ticks: [Decorations.Tick], on canvas: inout C, in frame: AxesFrame) {
        let box = frame.box
        let spineWidth = frame.units.pixels(PlotDefaults.spineWidth)
        canvas.beginGroup("spines")
        let frameRect = Rect(
            x: snapped(box.minX, in: frame), y: snapped(box.minY, in: frame),
            width: snapped(box.maxX, in: frame) - snapped(box.minX, in: frame),
            height: snapped(box.maxY, in: frame) - snapped(box.minY, in: frame))
        canvas.stroke(
            .rectangle(frameRect), style: StrokeStyle(width: spineWidth, cap: .square, join: .miter(limit: 10)),
            color: .spine)
        canvas.endGroup()
        canvas.beginGroup("ticks")
        let tickLength = frame.units.pixels(PlotDefaults.tickLength)
        for tick in ticks {
            let position = snapped(tick.position, in: frame)
            let path: Path =
                tick.isX
                ? .polyline([Point(position, frameRect.maxY), Point(position, frameRect.maxY + tickLength)])
                : .polyline([Point(frameRect.minX, position), Point(frameRect.minX - tickLength, position)])
            canvas.stroke(path, style: StrokeStyle(width: spineWidth), color: .spine)
        }
        canvas.endGroup()
    }
}
