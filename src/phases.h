/* Per-phase clock of one extraction, for the speed benchmark
 * (tools/bench.c). Internal: not in the public header, and hidden in the
 * shared library. */
#ifndef WN_PHASES_H
#define WN_PHASES_H

#include <stddef.h>
#include <stdint.h>

#include "winnow.h"

/* Nanoseconds of CLOCK_MONOTONIC, added to what the fields hold. */
typedef struct wn_phase_ns {
    uint64_t decode_guard;  /* decompression, sniffing, decoding, the guard */
    uint64_t parse;         /* Gumbo's parse of the guarded page (and of the flattened
                               page when the first passed its budget) */
    uint64_t after;         /* the rest of wn_extract(): block tree, scoring, content,
                               fallback ladder, title, metadata, freeing the page */
} wn_phase_ns;

/* wn_extract() with the phases' times added to *times. */
wn_status wn_extract_phased(const wn_extractor *extractor, const char *bytes, size_t len,
                            wn_phase_ns *times, wn_result **out);

#endif
