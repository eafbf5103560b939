/* Growable byte buffer (malloc-backed), always NUL-terminated when non-empty. */
#ifndef WN_BUF_H
#define WN_BUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct wn_buf {
    char *data;
    size_t len;
    size_t cap;
    bool failed;   /* an allocation failed; later appends are ignored */
} wn_buf;

void wn_buf_init(wn_buf *buf);
bool wn_buf_reserve(wn_buf *buf, size_t extra);
void wn_buf_append(wn_buf *buf, const char *bytes, size_t len);
void wn_buf_puts(wn_buf *buf, const char *text);
void wn_buf_putc(wn_buf *buf, char c);
void wn_buf_printf(wn_buf *buf, const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Hands the bytes to the caller (free() them); the buffer is left empty. */
char *wn_buf_detach(wn_buf *buf, size_t *len);
void wn_buf_free(wn_buf *buf);

/* Appends text as a line of output reads it: runs of white space become one
 * space unless pre (then only '\r' is dropped), characters XML cannot hold
 * are dropped, and a space is written only before the next kept character
 * (none at the line's start; *pending_space carries it between calls).
 * before_space, when given, runs just before that space is written. Kept
 * characters are appended a run at a time. */
void wn_buf_append_text(wn_buf *line, bool *pending_space, const char *s, size_t len, bool pre,
                        void (*before_space)(void *ctx), void *ctx);

/* Makes room in a malloc'ed array of *cap elements of size bytes for one
 * more past count, doubling *cap (16 the first time); false when out of
 * memory, the array unchanged. */
bool wn_array_grow(void **array, size_t *cap, size_t count, size_t size);

#endif
