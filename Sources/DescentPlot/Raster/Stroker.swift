/// Turns strokes into filled outlines for the rasterizer: the standard stroker, which outlines the
/// band a polyline sweeps as one polygon per stretch of it, with the joins inline.
///
/// A stroke is, by definition (SVG's and matplotlib's), the union of simple pieces: a rectangle per
/// segment, a join piece at each vertex (bevel triangle, miter quadrilateral or disc, on the outer
/// side of the turn) and a cap piece at each open end. Filling those pieces with the non-zero rule
/// paints the union, but every row of a thin curve then overlaps itself, which ``Rasterizer`` can
/// only correct by sampling (within 8-line supersampling of exact), and a contour line becomes
/// thousands of tiny polygons to allocate, clip and scan (a third of `descent optimizers`' time,
/// measured). Instead, along each maximal stretch of vertices that allow it, the outline is the
/// band's boundary: the right offset forward and the left offset backward (a closed polyline drawn
/// inline all round gives two loops, the right one forward and the left one backward), with at each
/// vertex (``StrokeCorner``)
/// - on the outer side of the turn the join inline: the bevel's two corners, the miter's tip, or
///   the round join's disc between the corners;
/// - on the inner side the point where the two inner offset lines meet, h · tan(θ/2) back along
///   each segment for a turn θ at half-width h;
/// - nothing more at a vertex where the path runs straight on.
///
/// Cut across at every vertex, the outline is the sum of one quadrilateral per segment (its
/// rectangle less the triangles beyond the inner point) and one piece per vertex (the join and the
/// kite between the inner point and the outer corners), all with one orientation. It covers the
/// union of the pieces exactly when each of those is a simple polygon and the parts of the pieces
/// that the cut takes off (the rectangles' inner corners, a disc's halves over the segments) lie in
/// the neighbouring quadrilaterals: when every segment is at least as long as the reaches
/// (``StrokeCorner/reach``) of the vertices drawn inline at its two ends together, and at least h
/// long next to a round join's disc (``StrokeCorner/shortestSegment``), an end segment counted with
/// its square cap. The tests show both conditions needed: with ``StrokeCorner/trim`` for the reach
/// (h · tan 30° at a 60° corner onto a segment of 0.6 h) the outline misses 0.40 of a pixel that
/// the pieces cover, and without the disc's length a disc past a short segment's butt end is lost.
/// A vertex where that fails (a hairpin, a U-turn tighter than the width, a reversal, a corner onto
/// a segment shorter than the corner's reach) ends the stretch and starts the next; the two meet in
/// a butt end there and the join is added as a piece of its own, so the union is the same. The
/// greedy choice goes along the polyline: a vertex is drawn inline when it fits with the one
/// before.
///
/// All polygons have one orientation (positive signed area) and are filled non-zero. Where a
/// stretch's band crosses itself (a line that crosses itself, a long hairpin) the winding number is
/// 2, and where a separate join or cap overlaps a stretch, the rasterizer's overlap correction
/// covers it once; everywhere else the outline never overlaps itself and its coverage is the exact
/// area. Square caps are inline (the band starts and ends half a width beyond the end points);
/// round caps are discs of their own. Dashes (``Dasher``) are stroked the same way, each on its
/// own.
///
/// - Complexity: O(points) per polyline (O(points + disc vertices) with round joins), one polygon
///   per stretch.
enum Stroker {
    /// The outline of `polylines` stroked with `style`. With `visible`, dashes wholly outside it
    /// (widened by the stroke's reach) are not made (see ``Dasher``).
    ///
    /// With `piecewise`, every vertex ends a stretch and caps stay pieces: the outline is the union
    /// of one rectangle per segment, one join piece per vertex and one piece per cap, which is how
    /// the stroke is defined and what the tests compare the outline with. Default: false.
    static func outline(
        of polylines: [Polyline], style: StrokeStyle, visible: Rect? = nil, piecewise: Bool = false
    ) -> [Polyline] {
        let halfWidth = style.width / 2
        guard halfWidth > 0 else { return [] }
        // A miter reaches out to limit × the width at most; caps and round joins less.
        var reach = style.width + 1
        if case .miter(let limit) = style.join { reach = style.width * max(1, limit) + 1 }
        let lines =
            style.dash.map { Dasher.dash(polylines, pattern: $0, within: visible?.insetBy(-reach)) } ?? polylines
        let disc = style.join == .round || style.cap == .round ? DiscOutline(radius: halfWidth) : DiscOutline()
        var stroke = StrokeStretches(style: style, halfWidth: halfWidth, disc: disc, piecewise: piecewise)
        for polyline in lines {
            stroke.add(polyline)
        }
        return stroke.polygons
    }
}
