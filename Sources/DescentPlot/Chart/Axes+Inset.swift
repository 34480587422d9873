extension Axes {
    /// Draws an inset: the region it magnifies and a dashed line to it, then the inset on a white
    /// backdrop that covers its labels and title too, so that the parent's guides and spines never
    /// run through its text. The inset moves, if need be, so that all of it (labels included)
    /// stays inside the parent's box.
    func drawInset<C: Canvas>(_ inset: Inset, on canvas: inout C, parent: AxesFrame, font: Font) {
        let box = parent.box
        let extent = { (insetBox: Rect) in
            inset.axes.decorations(in: inset.axes.frame(box: insetBox, cell: box, units: parent.units, font: font))
                .bounds(including: insetBox)
        }
        let insetBox = Self.placedBox(of: inset, in: parent, extent: extent)
        if let region = inset.region {
            Self.drawRegion(region, joinedTo: insetBox, on: &canvas, in: parent)
        }
        canvas.beginGroup("inset-backdrop")
        canvas.fill(.rectangle(extent(insetBox).insetBy(-parent.units.pixels(2))), color: .paper)
        canvas.endGroup()
        inset.axes.draw(on: &canvas, box: insetBox, cell: box, units: parent.units, font: font)
    }

    /// The inset's box where its ``Inset/bounds`` ask, moved as little as needed for its `extent`
    /// (the box with its labels and title) to stay 3 pt inside the parent's box.
    private static func placedBox(of inset: Inset, in parent: AxesFrame, extent: (Rect) -> Rect) -> Rect {
        let box = parent.box
        let margin = parent.units.pixels(3)
        let requested = Rect(
            x: box.minX + inset.bounds.minX * box.width, y: box.maxY - inset.bounds.maxY * box.height,
            width: inset.bounds.width * box.width, height: inset.bounds.height * box.height)
        let overflow = extent(requested)
        let shiftX = max(box.minX + margin - overflow.minX, 0) + min(box.maxX - margin - overflow.maxX, 0)
        let shiftY = max(box.minY + margin - overflow.minY, 0) + min(box.maxY - margin - overflow.maxY, 0)
        return Rect(
            x: requested.x + shiftX, y: requested.y + shiftY, width: requested.width, height: requested.height)
    }

    /// Outlines the magnified `limits` of the parent in grey (at least a 4 pt square around their
    /// centre, so that a tiny region shows) and joins its centre to the nearest corner of
    /// `insetBox` with a dashed line, clipped to the parent's box.
    private static func drawRegion<C: Canvas>(
        _ limits: (x: ClosedRange<Double>, y: ClosedRange<Double>), joinedTo insetBox: Rect, on canvas: inout C,
        in parent: AxesFrame
    ) {
        let corner = parent.pixel(limits.x.lowerBound, limits.y.upperBound)
        let opposite = parent.pixel(limits.x.upperBound, limits.y.lowerBound)
        var region = Rect(x: corner.x, y: corner.y, width: opposite.x - corner.x, height: opposite.y - corner.y)
        let minimum = parent.units.pixels(4)
        if region.width < minimum || region.height < minimum {
            region = Rect(
                x: region.center.x - minimum / 2, y: region.center.y - minimum / 2, width: minimum, height: minimum)
        }
        canvas.beginGroup("inset-region")
        canvas.pushClip(parent.box)
        let gray = Color(hex: "#555555")!
        canvas.stroke(
            .rectangle(region), style: StrokeStyle(width: parent.units.pixels(0.8), join: .miter(limit: 10)),
            color: gray)
        let nearest = [
            Point(insetBox.minX, insetBox.minY), Point(insetBox.maxX, insetBox.minY),
            Point(insetBox.minX, insetBox.maxY), Point(insetBox.maxX, insetBox.maxY),
        ]
        .min { ($0 - region.center).length < ($1 - region.center).length }!
        canvas.stroke(
            .polyline([region.center, nearest]),
            style: StrokeStyle(width: parent.units.pixels(0.5), dash: DashPattern([3, 2])), color: gray)
        canvas.popClip()
        canvas.endGroup()
    }
}
