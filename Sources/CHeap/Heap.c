#include "CHeap.h"

// Any C library header defines __GLIBC__ when the library is glibc.
#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

/// Blocks smaller than this come from the heap rather than from a mapping of their own.
static const int mapping_threshold = 8 << 20;
/// Free memory at the top of the heap up to this much stays mapped.
static const int trim_threshold = 16 << 20;

bool descent_heap_keep_freed_memory(void) {
#if defined(__GLIBC__)
    return mallopt(M_MMAP_THRESHOLD, mapping_threshold) == 1 && mallopt(M_TRIM_THRESHOLD, trim_threshold) == 1;
#else
    return false;
#endif
}
