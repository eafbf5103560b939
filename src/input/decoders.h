/* Decoders kept across pages: iconv descriptors, single-byte charset tables
 * and charset detectors, so that a page does not open (and glibc does not
 * load and unload) a conversion module, nor build a 128-entry table with 128
 * iconv calls, nor set up every prober of libuchardet.
 *
 * One wn_decoders belongs to an extractor and is shared by all the threads
 * that extract with it: a mutex guards the pool, each page takes an entry
 * for itself and gives it back, and an entry is always handed out in its
 * initial state (iconv reset, detector reset). When every entry is busy the
 * caller gets a fresh one that is closed on return, as without a pool.
 * Every function accepts NULL for the pool: then nothing is kept. */
#ifndef WN_DECODERS_H
#define WN_DECODERS_H

#include <iconv.h>
#include <stdbool.h>
#include <stdint.h>
#include <uchardet.h>

typedef struct wn_decoders wn_decoders;

/* NULL when out of memory. */
wn_decoders *wn_decoders_new(void);
void wn_decoders_free(wn_decoders *decoders);

/* iconv_open("UTF-8", from) or a kept descriptor in its initial state;
 * (iconv_t)-1 when glibc has no such converter. */
iconv_t wn_decoders_iconv(wn_decoders *decoders, const char *from);
/* Gives back a descriptor from wn_decoders_iconv(). */
void wn_decoders_iconv_done(wn_decoders *decoders, iconv_t cd);

/* Copies the kept table of a single-byte charset (bytes 0x80..0xFF) into
 * table: false when none is kept yet. */
bool wn_decoders_table(wn_decoders *decoders, const char *charset, uint32_t table[128]);
/* Keeps a table built for charset (no-op when the pool is full). */
void wn_decoders_keep_table(wn_decoders *decoders, const char *charset, const uint32_t table[128]);

/* A reset charset detector, or NULL when out of memory. */
uchardet_t wn_decoders_detector(wn_decoders *decoders);
void wn_decoders_detector_done(wn_decoders *decoders, uchardet_t detector);

#endif
