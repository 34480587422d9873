#ifndef DESCENT_CHEAP_H
#define DESCENT_CHEAP_H

#include <stdbool.h>

/// Keeps the memory the process frees for its own next allocations, and asks for it in huge
/// pages, so that drawing a figure does not fault its buffers in again and again, 4 KiB at a time.
///
/// glibc, by default, serves a block of 128 KiB or more (a threshold it raises as such blocks are
/// freed) with a mapping of its own, unmapped on `free`, and hands the top of the heap back to
/// the kernel once 128 KiB of it is free; every page of a new mapping is a page fault and a
/// zero-fill. Drawing allocates and frees coverage masks and scratch buffers of up to a few MiB
/// many times, and a pixmap of 4.9 MB (640 × 480) to 19.7 MB (2 × 2 panels). Here:
/// - blocks under 32 MiB come from the heap (`M_MMAP_THRESHOLD`);
/// - the heap grows by 32 MiB more than each request needs (`M_TOP_PAD`), and gives memory back
///   only when more than 64 MiB at its top are free, keeping 32 MiB (`M_TRIM_THRESHOLD`);
/// - the heap is grown once, now, and its new 32 MiB are advised as transparent huge pages
///   (`madvise(MADV_HUGEPAGE)`, which the kernel's default `madvise` mode honours): a 2 MiB page
///   is one fault instead of 512.
///
/// Measured with all else equal, in interleaved runs: `descent trajectory --output f.png` went
/// from 2,115 page faults to about 800 and took 12 % less CPU time, `descent compare` from 4,980
/// to about 800 and 14 % less; `descent train` peaks 2.5 MB higher (94 MB at 600 iterations)
/// in the same time.
/// Reserve never written costs address space only.
///
/// Returns whether the allocator took the settings: false on a C library other than glibc, which
/// is left as it is. Call it first thing in `main`, before other threads start.
bool descent_heap_tune(void);

#endif
