/// How hard the PNG encoder compresses: the zlib level behind libpng, chosen by measurement on
/// the gallery's 13 PNG figures (2,400 rows of which repeat the row above) with libpng 1.6.39 and
/// zlib 1.2.13, CPU time of 40 encodings each on a 2-core AMD EPYC, all 13 together:
///
/// | rows (filter)                         | level | bytes   | time    |
/// |---------------------------------------|-------|---------|---------|
/// | none, Up on a repeated row            | 6     | 625,363 | 85 ms   |
/// | none                                  | 6     | 629,855 | 84 ms   |
/// | Up                                    | 6     | 752,250 | 101 ms  |
/// | none, Up on a repeated row            | 9     | 592,653 | 435 ms  |
/// | none, Up on a repeated row            | 1     | 709,549 | 37 ms   |
/// | Up, `Z_RLE`                           | 1     | 1,057,326 | 46 ms |
///
/// libpng's adaptive choice of filter per row (what `png_image_write_to_memory` does) makes the
/// book's Figure 4-10 12,497 bytes against 11,226 here, in 1.5× the time: on flat colour, no
/// filter compresses best, and a repeated row, turned into zeros by the Up filter, costs zlib
/// next to nothing. `Z_FILTERED` was larger at every level, `Z_RLE` much larger.
public enum PNGCompression: String, CaseIterable, Sendable {
    /// zlib level 6: the files stay smaller than matplotlib's (Figure 4-10: 11,226 bytes against
    /// its 12,817). The default.
    case standard
    /// zlib level 1, for bulk work: about 2.3× less encoding time for files about 13 % larger.
    case fast

    /// The zlib level.
    var zlibLevel: Int32 {
        switch self {
        case .standard: 6
        case .fast: 1
        }
    }
}
