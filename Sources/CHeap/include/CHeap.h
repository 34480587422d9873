#ifndef DESCENT_CHEAP_H
#define DESCENT_CHEAP_H

#include <stdbool.h>

/// Keeps memory that the process frees for its own next allocations, instead of handing it back
/// to the kernel, which would fault it in again, page by page and zero-filled, on the next use.
///
/// glibc serves a block of 128 KiB or more (a threshold it raises as such blocks are freed) with
/// its own `mmap` and unmaps it on `free`, and gives the top of the heap back once 128 KiB of it
/// is free. Drawing a figure allocates and frees coverage masks and scratch buffers of up to a few
/// MiB again and again, so each came back as fresh pages: about a quarter of the page faults of
/// `descent trajectory --output f.png` (2,780 → 2,120) and 30 % of `descent compare`'s. Blocks
/// under 8 MiB now come from the heap, and up to 16 MiB of free heap stays mapped; a pixmap of
/// a whole figure (4.9 MB for 640 × 480) is still mapped once and freed for good. The cost is
/// that much more resident memory at most, 16 MB more at the peak of `descent train`.
///
/// Returns whether the allocator took the settings: false on a C library other than glibc, which
/// is left as it is.
bool descent_heap_keep_freed_memory(void);

#endif
