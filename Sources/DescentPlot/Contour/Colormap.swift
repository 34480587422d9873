/// A colormap as matplotlib's `ListedColormap` applies one: a table of N colours, and a value in
/// 0…1 picks entry ⌊value · N⌋ (1 itself picks the last, values outside 0…1 the first or last),
/// with no interpolation between entries — so the colours are exactly matplotlib's
/// (`Colormap.__call__` in `lib/matplotlib/colors.py`).
///
/// - Complexity: O(1) per colour.
public struct Colormap: Sendable {
    /// The name matplotlib gives the map.
    public let name: String
    /// The entries, from the colour of 0 to the colour of 1.
    public let colors: [Color]

    /// A colormap of the (red, green, blue) entries of `table`, each component in 0…1.
    ///
    /// - Precondition: `table` is not empty.
    public init(name: String, table: [(Double, Double, Double)]) {
        precondition(!table.isEmpty, "a colormap needs at least one colour")
        self.name = name
        colors = table.map { Color(red: $0.0, green: $0.1, blue: $0.2) }
    }

    /// The colour of `value` (0 → first entry, 1 → last); a NaN takes the first entry.
    public func callAsFunction(_ value: Double) -> Color {
        let count = Double(colors.count)
        var scaled = value * count
        if scaled == count { scaled = count - 1 }
        guard scaled >= 0 else { return colors[0] }
        guard scaled < count else { return colors[colors.count - 1] }
        return colors[Int(scaled)]
    }
}
