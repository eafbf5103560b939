/* The WARC reader's state, shared by warc.c (records: the WARC and HTTP
 * heads, which records hold a page), warc_stream.c (the raw input and the
 * decompressed stream it is read from) and warc_head.c (parsing header
 * lines: values, media types, charsets; HTTP chunked bodies). winnow.h
 * has the reader's interface. */
#ifndef WN_INPUT_WARC_INTERNAL_H
#define WN_INPUT_WARC_INTERNAL_H

#include "winnow.h"

#include <stdbool.h>
#include <stddef.h>

#include "input/compress.h"

#define IN_CHUNK 65536
#define OUT_CHUNK 65536
/* A record's WARC header block. */
#define MAX_HEADER_BYTES ((size_t)1 << 20)
/* The part of a response block read before deciding to load it: the HTTP
 * head must end within it. */
#define HEAD_PEEK ((size_t)65536)
/* A zstd dictionary frame (.warc.zst). */
#define MAX_DICTIONARY ((size_t)16 << 20)
#define DEFAULT_MAX_RECORD ((size_t)64 << 20)

struct wn_warc_reader {
    wn_read_fn read;
    void *read_data;
    size_t max_record;
    wn_codec *codec;
    wn_codec_kind kind;
    bool started;
    char in[IN_CHUNK];
    size_t in_pos, in_len;
    bool in_eof;
    char out[OUT_CHUNK];
    size_t out_pos, out_len;
    bool out_end;
    bool codec_broken; /* the codec failed after the output buffered */
    wn_status error;
    char message[256];
    unsigned long long number;  /* records seen */
    unsigned long long garbage; /* bytes passed over since the last record given out */
    unsigned long long codec_skipped; /* the codec's count, as last seen */
    char *hdr;                  /* the current WARC header block, lines NUL-terminated */
    size_t hdr_len, hdr_cap;
    char *block;                /* the current record's block */
    size_t block_len, block_cap;
    wn_warc_record rec;
    char charset[64];
};

/* ---- warc_stream.c ---- */

/* Set r's error and message; returns st. */
wn_status wn_warc_fail(wn_warc_reader *r, wn_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Raw bytes the codec passed over since the last call. */
unsigned long long wn_warc_take_skipped(wn_warc_reader *r);
/* Append one line (through its '\n') to r->hdr, at most cap bytes kept
 * (*kept); the line's full length, 0 at the end, -1 on an error. */
long wn_warc_read_line(wn_warc_reader *r, size_t cap, size_t *kept);
/* Up to n bytes of the stream into dst (NULL: dropped); how many there
 * were, or (unsigned long long)-1 on an error. */
unsigned long long wn_warc_take(wn_warc_reader *r, char *dst, unsigned long long n);

/* ---- warc_head.c ---- */

bool wn_warc_is_space(char c);
/* Trim a header line in place and split it at ':': the value, or NULL when
 * the line's name is not name. */
char *wn_warc_header_value(char *line, const char *name);
/* The media type of a Content-Type, lower case, into buf. */
void wn_warc_media_type(const char *content_type, char *buf, size_t size);
/* The charset parameter of a Content-Type into buf ("" when none). */
void wn_warc_charset_param(const char *content_type, char *buf, size_t size);
/* Whether a media type is HTML's or XHTML's. */
bool wn_warc_is_page_media(const char *media);
/* Whether a block's start reads as HTML (the WHATWG sniffing patterns). */
bool wn_warc_looks_like_html(const char *b, size_t len);
/* Undo HTTP chunked transfer coding in place; the decoded length. */
size_t wn_warc_dechunk(char *b, size_t len);

#endif
