#ifndef DESCENT_CKERNELS_PATTERN_LANES_H
#define DESCENT_CKERNELS_PATTERN_LANES_H

// The loop of the pixmap's run kernels: a paint repeated over a run of pixels, one pattern of
// `block` components (a whole number of pixels) laid along the run.
//
// DESCENT_FOR_EACH_LANE(total, block, position, lane, statement) runs `statement` for every
// component position 0..<total, with `lane` = position mod `block`, the pattern's index: whole
// blocks first, in an inner loop of constant length that the compiler vectorises, then the rest.
#define DESCENT_FOR_EACH_LANE(total, block, position, lane, statement) \
    do {                                                              \
        size_t descent_block_start = 0;                               \
        for (; descent_block_start + (block) <= (total); descent_block_start += (block)) { \
            for (size_t lane = 0; lane < (block); lane++) {           \
                size_t position = descent_block_start + lane;         \
                statement;                                            \
            }                                                         \
        }                                                             \
        for (size_t lane = 0; descent_block_start + lane < (total); lane++) { \
            size_t position = descent_block_start + lane;             \
            statement;                                                \
        }                                                             \
    } while (0)

#endif
