/* Decoding stage: page bytes in any encoding -> UTF-8 for the parser. */
#ifndef WN_DECODE_H
#define WN_DECODE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "input/decoders.h"
#include "winnow.h"

typedef struct wn_decoded {
    char *utf8;               /* in the arena; valid UTF-8, NUL-terminated */
    size_t len;
    const char *charset;      /* canonical name, static storage */
    wn_charset_source source;
    bool borrowed;            /* utf8 is the caller's bytes (wn_decode_borrowing()) */
} wn_decoded;

/* Chooses the charset (BOM, hint, <meta>, detection, fallback) and converts
 * as browsers do (the WHATWG decoders): invalid sequences become U+FFFD.
 * WN_ERR_CHARSET for an unknown hint. */
wn_status wn_decode(wn_arena *arena, const char *bytes, size_t len, const char *charset_hint,
                    wn_decoded *out);

/* wn_decode() with converters and detectors kept in decoders (which may be
 * NULL: then opened and closed here); the same result. */
wn_status wn_decode_using(wn_decoders *decoders, wn_arena *arena, const char *bytes, size_t len,
                          const char *charset_hint, wn_decoded *out);

/* wn_decode_using(), but when the bytes are valid UTF-8 read as UTF-8 (most
 * pages), out->utf8 is the bytes themselves (out->borrowed): read only, not
 * NUL-terminated, valid while the caller's bytes are. Saves a copy the
 * size of the page. */
wn_status wn_decode_borrowing(wn_decoders *decoders, wn_arena *arena, const char *bytes, size_t len,
                              const char *charset_hint, wn_decoded *out);

/* Converts bytes from charset (a name wn_charset_from_label() gives, or any
 * iconv name) to UTF-8 into the arena. */
wn_status wn_decode_with(wn_arena *arena, const char *bytes, size_t len, const char *charset,
                         wn_decoded *out);
wn_status wn_decode_with_using(wn_decoders *decoders, wn_arena *arena, const char *bytes, size_t len,
                               const char *charset, wn_decoded *out);

#endif
