#include "CHeap.h"

// Any C library header defines __GLIBC__ when the library is glibc.
#include <stdint.h>
#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

/// Blocks smaller than this come from the heap rather than from a mapping of their own: every
/// pixmap up to 2 × 2 panels (19.7 MB) and all scratch buffers. (glibc's largest allowed value.)
static const int mapping_threshold = 32 << 20;
/// How much the heap grows beyond each request, and keeps when memory is freed at its top.
static const int heap_reserve = 32 << 20;
/// The heap shrinks (back to `heap_reserve` free at its top) only when more than this is free there.
static const int trim_threshold = 64 << 20;
/// The size of a transparent huge page on x86-64, and on arm64 with 4 KiB pages; where it is
/// larger, the advice covers no whole huge page and changes nothing.
static const uintptr_t huge_page = 2 << 20;

bool descent_heap_tune(void) {
#if defined(__GLIBC__)
    if (mallopt(M_MMAP_THRESHOLD, mapping_threshold) != 1 || mallopt(M_TOP_PAD, heap_reserve) != 1
        || mallopt(M_TRIM_THRESHOLD, trim_threshold) != 1) {
        return false;
    }
    // Grow the heap now, by a block and `heap_reserve`. Volatile, or the compiler removes a block
    // freed unused, and the growth with it.
    uintptr_t start = (uintptr_t)sbrk(0);
    void *volatile block = malloc(1 << 20);
    uintptr_t end = (uintptr_t)sbrk(0);
    // The advice below empties pages: only where the heap grew for this block (which may begin
    // in the free top the heap had before).
    uintptr_t block_start = (uintptr_t)block;
    if (block == NULL || block_start >= end || block_start + (1 << 20) <= start) {
        free(block);
        return true;
    }
    // Freed, the block joins the free top of the heap, whose header lies below `start`. The whole
    // huge pages of the new part are then handed back untouched (malloc wrote the header of the
    // rest after the block there, and a 2 MiB range with a 4 KiB page in it is never made a huge
    // page), and advised: each becomes one huge page when first written.
    free(block);
    uintptr_t first = (start + huge_page - 1) & ~(huge_page - 1);
    uintptr_t last = end & ~(huge_page - 1);
    if (last > first) {
        madvise((void *)first, last - first, MADV_DONTNEED);
        madvise((void *)first, last - first, MADV_HUGEPAGE);
    }
    return true;
#else
    return false;
#endif
}
