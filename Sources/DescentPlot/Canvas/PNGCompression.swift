import CPNGWriter

/// How hard the PNG encoder compresses: zlib's level and search behind the writer. The row filters
/// were chosen by measurement on the gallery's 13 PNG figures (libpng 1.6.39, zlib 1.2.13, CPU
/// time of 10 encodings each on a 2-core AMD EPYC, the 13 together, at zlib level 6):
///
/// | row filters                                  | level | bytes   | time   |
/// |----------------------------------------------|-------|---------|--------|
/// | none, Up on a row that repeats the row above | 6     | 510,036 | 80 ms  |
/// | libpng's adaptive choice of all five         | 6     | 520,489 | 149 ms |
/// | Paeth                                        | 6     | 539,848 | 105 ms |
/// | none, Up on a repeated row                   | 1     | 591,816 | 37 ms  |
/// | libpng's adaptive choice of all five         | 1     | 598,005 | 107 ms |
///
/// Plots are mostly flat colour, where no filter compresses best, and a repeated row, turned into
/// zeros by the Up filter, costs zlib next to nothing. It is the smallest on 11 of the 13 figures;
/// the two exceptions are the optimiser figures, whose many anti-aliased contour lines suit Paeth
/// (the 2×2 grid: 107 KB against 86 KB adaptive).
///
/// Then zlib's search, on those filtered rows of the 14 PNG figures of today's gallery (one
/// thread, CPU time of deflate alone, the least of 10 runs each, the 14 together; `deflateTune`'s
/// good length, lazy or insert length, nice length, chain):
///
/// | zlib                                              | bytes   | time  |
/// |---------------------------------------------------|---------|-------|
/// | level 6, its own search (the earlier standard)    | 702,315 | 87 ms |
/// | level 6, tuned 8, 16, 258, 8                      | 699,711 | 71 ms |
/// | level 3, tuned 8, 258, 258, 8: **standard**       | 686,033 | 54 ms |
/// | level 3, tuned 8, 258, 258, 16                    | 681,514 | 58 ms |
/// | level 3, tuned 8, 64, 258, 8                      | 745,595 | 45 ms |
/// | level 1, its own search: **fast**                 | 796,126 | 34 ms |
///
/// Level 3 is zlib's greedy matcher; entering every string of every match in the hash chains
/// (insert length 258) and stopping at a match of 258 (nice length) suits long runs of one colour,
/// and 8 links of each chain find them: 2.3 % smaller than level 6 in 38 % less time, smaller on 13
/// of the 14 figures (rosenbrock grows 1.3 %). On the earlier gallery, level 9 took 5× the time of
/// level 6 for 5 % less, `Z_FILTERED` was larger at every level and `Z_RLE` 1.5–2.5× larger.
public enum PNGCompression: String, CaseIterable, Sendable {
    /// zlib level 3 with the search above: the files stay smaller than matplotlib's (Figure 4-10:
    /// 10,786 bytes of image data, against matplotlib's 12,817 for the whole file). The default.
    case standard
    /// zlib level 1, for bulk work: about 60 % of the standard's time, for files 16 % larger across
    /// the gallery (47 % on Figure 4-10: 15,864 bytes of image data, larger than matplotlib's whole
    /// file, the price of speed).
    case fast

    /// The level and search handed to zlib.
    var deflateSettings: descent_deflate_settings {
        switch self {
        case .standard:
            descent_deflate_settings(level: 3, good_length: 8, max_lazy: 258, nice_length: 258, max_chain: 8)
        case .fast:
            descent_deflate_settings(level: 1, good_length: 0, max_lazy: 0, nice_length: 0, max_chain: 0)
        }
    }
}
