/// How hard the PNG encoder compresses: the zlib level behind libpng. Chosen by measurement on
/// the gallery's 13 PNG figures as the current code draws them (a short training run for the two
/// training charts), libpng 1.6.39 and zlib 1.2.13, CPU time of 10 encodings each on a 2-core AMD
/// EPYC, the 13 together (a C program over the decoded figures, not part of the package):
///
/// | row filters                                  | level | bytes   | time   |
/// |----------------------------------------------|-------|---------|--------|
/// | none, Up on a row that repeats the row above | 6     | 510,036 | 80 ms  |
/// | libpng's adaptive choice of all five         | 6     | 520,489 | 149 ms |
/// | Paeth                                        | 6     | 539,848 | 105 ms |
/// | none, Up on a repeated row                   | 1     | 591,816 | 37 ms  |
/// | libpng's adaptive choice of all five         | 1     | 598,005 | 107 ms |
///
/// The first row is what ``standard`` writes: plots are mostly flat colour, where no filter
/// compresses best, and a repeated row, turned into zeros by the Up filter, costs zlib next to
/// nothing. It is the smallest on 11 of the 13 figures; the two exceptions are the optimiser
/// figures, whose many anti-aliased contour lines suit Paeth (the 2×2 grid: 107 KB against
/// 86 KB adaptive). On the earlier gallery, level 9 took 5× the time of level 6 for 5 % less,
/// `Z_FILTERED` was larger at every level and `Z_RLE` 1.5–2.5× larger.
public enum PNGCompression: String, CaseIterable, Sendable {
    /// zlib level 6: the files stay smaller than matplotlib's (Figure 4-10: 11,365 bytes with
    /// its metadata, against matplotlib's 12,817). The default.
    case standard
    /// zlib level 1, for bulk work: about half the encoding time, for files 16 % larger across the
    /// gallery (42 % on Figure 4-10, 16,100 bytes: larger than matplotlib's, the price of speed).
    case fast

    /// The zlib level.
    var zlibLevel: Int32 {
        switch self {
        case .standard: 6
        case .fast: 1
        }
    }
}
