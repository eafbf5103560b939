/* Compressed pages: gzip (any number of members), zstd (any number of
 * frames) and brotli, undone with zlib, libzstd and libbrotlidec.
 *
 * gzip and zstd are told by their magic bytes. Brotli has no magic number:
 * it is only tried where the transport names it (Content-Encoding: br, a
 * .br file name), never guessed. */
#ifndef WN_COMPRESS_H
#define WN_COMPRESS_H

#include <stdbool.h>
#include <stddef.h>

#include "winnow.h"

typedef enum wn_codec_kind {
    WN_CODEC_IDENTITY = 0,
    WN_CODEC_GZIP,
    WN_CODEC_ZSTD,
    WN_CODEC_BROTLI
} wn_codec_kind;

/* gzip or zstd by the first bytes, else WN_CODEC_IDENTITY. */
wn_codec_kind wn_codec_sniff(const char *bytes, size_t len);

/* "gzip", "zstd", "brotli". */
const char *wn_codec_name(wn_codec_kind kind);

/* One Content-Encoding token ("gzip", "x-gzip", "br", "zstd", "identity",
 * any case). Returns 0 and sets *kind, or -1 for a coding winnow does not
 * undo ("compress", "deflate" is taken as zlib-wrapped deflate: not done). */
int wn_codec_from_label(const char *label, size_t len, wn_codec_kind *kind);

/* A streaming decoder: feed input, take output. */
typedef struct wn_codec wn_codec;

typedef enum wn_codec_result {
    WN_CODEC_MORE,    /* progress made; call again (with more input or room) */
    WN_CODEC_END,     /* the stream is complete (all members/frames) */
    WN_CODEC_CORRUPT  /* the data is not valid for the format */
} wn_codec_result;

wn_codec *wn_codec_new(wn_codec_kind kind);
/* zstd only: decode with this dictionary (copied). Returns 0 or -1. */
int wn_codec_set_dictionary(wn_codec *codec, const char *dict, size_t len);
void wn_codec_free(wn_codec *codec);

/* Decode from *in (advancing it and *in_len) into *out (advancing it and
 * *out_len). last: no input follows what is given, so a stream cut short is
 * WN_CODEC_CORRUPT (see wn_codec_truncated) rather than waiting for more.
 * gzip members follow one another; bytes after a gzip member that do not
 * start another are ignored (as gzip -d does) and end the stream. */
wn_codec_result wn_codec_run(wn_codec *codec, const char **in, size_t *in_len, char **out,
                             size_t *out_len, bool last);

/* gzip: instead of ending the stream at bytes after a member that do not
 * start another, pass over them to the next member (a damaged archive of
 * one member per record); wn_codec_skipped() counts them. */
void wn_codec_resync(wn_codec *codec);
unsigned long long wn_codec_skipped(const wn_codec *codec);

/* After WN_CODEC_CORRUPT: whether the data was cut short rather than bad. */
bool wn_codec_truncated(const wn_codec *codec);

/* Decode all of in, at most cap bytes of output. On WN_OK *out (malloc'd,
 * NUL-terminated past *out_len) holds the result. WN_ERR_DECOMPRESSED_TOO_LARGE
 * past cap, WN_ERR_CORRUPT for bad or cut data, WN_ERR_NOMEM.
 * With partial set, output past cap is not an error: the first cap bytes are
 * returned (for sniffing a prefix), and so is what came before a corruption. */
wn_status wn_decompress(wn_codec_kind kind, const char *in, size_t in_len, size_t cap,
                        bool partial, char **out, size_t *out_len);

#endif
