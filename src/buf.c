#include "buf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

void wn_buf_init(wn_buf *buf)
{
    memset(buf, 0, sizeof *buf);
}

bool wn_buf_reserve(wn_buf *buf, size_t extra)
{
    if (buf->failed)
        return false;
    if (extra > SIZE_MAX - buf->len - 1) {
        buf->failed = true;
        return false;
    }
    size_t need = buf->len + extra + 1;
    if (need <= buf->cap)
        return true;
    size_t cap = buf->cap ? buf->cap : 256;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *data = realloc(buf->data, cap);
    if (!data) {
        buf->failed = true;
        return false;
    }
    buf->data = data;
    buf->cap = cap;
    return true;
}

/* Appends when the room is there (most appends), without a call. */
static inline bool append_in_room(wn_buf *buf, const char *bytes, size_t len)
{
    if (buf->failed || len >= buf->cap - buf->len)
        return false;
    if (len) /* bytes may be NULL then */
        memcpy(buf->data + buf->len, bytes, len);
    buf->len += len;
    buf->data[buf->len] = '\0';
    return true;
}

void wn_buf_append(wn_buf *buf, const char *bytes, size_t len)
{
    if (!append_in_room(buf, bytes, len) && wn_buf_reserve(buf, len))
        append_in_room(buf, bytes, len); /* the room is there now */
}

void wn_buf_puts(wn_buf *buf, const char *text)
{
    wn_buf_append(buf, text, strlen(text));
}

void wn_buf_putc(wn_buf *buf, char c)
{
    wn_buf_append(buf, &c, 1);
}

void wn_buf_printf(wn_buf *buf, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    char small[256];
    int n = vsnprintf(small, sizeof small, format, args);
    va_end(args);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        wn_buf_append(buf, small, (size_t)n);
        return;
    }
    if (!wn_buf_reserve(buf, (size_t)n))
        return;
    va_start(args, format);
    vsnprintf(buf->data + buf->len, (size_t)n + 1, format, args);
    va_end(args);
    buf->len += (size_t)n;
}

char *wn_buf_detach(wn_buf *buf, size_t *len)
{
    if (buf->failed) {
        wn_buf_free(buf);
        return NULL;
    }
    if (!buf->data && !wn_buf_reserve(buf, 0))
        return NULL;
    char *data = buf->data;
    data[buf->len] = '\0';
    if (len)
        *len = buf->len;
    wn_buf_init(buf);
    return data;
}

void wn_buf_free(wn_buf *buf)
{
    free(buf->data);
    wn_buf_init(buf);
}

bool wn_array_grow(void **array, size_t *cap, size_t count, size_t size)
{
    if (count < *cap)
        return true;
    size_t cap2 = *cap ? *cap * 2 : 16;
    void *grown = realloc(*array, cap2 * size);
    if (!grown)
        return false;
    *array = grown;
    *cap = cap2;
    return true;
}

/* wn_is_space() and wn_is_xml_char() of an ASCII character. */
static inline bool ascii_space(unsigned char c)
{
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
}

static inline bool ascii_xml_char(unsigned char c)
{
    return c >= 0x20 || c == 0x09 || c == 0x0A || c == 0x0D;
}

static inline void append_run(wn_buf *buf, const char *bytes, size_t len)
{
    if (!append_in_room(buf, bytes, len))
        wn_buf_append(buf, bytes, len);
}

void wn_buf_append_text(wn_buf *line, bool *pending_space, const char *s, size_t len, bool pre,
                        void (*before_space)(void *ctx), void *ctx)
{
    /* [run, pos) is kept and not yet in the line. */
    size_t pos = 0, run = 0;
    while (pos < len) {
        unsigned char c = (unsigned char)s[pos];
        if (c > 0x20 && c < 0x80 && !*pending_space) {
            pos++; /* printable ASCII: neither space nor dropped */
            continue;
        }
        uint32_t cp;
        size_t start = pos;
        bool space, xml_char;
        if (c < 0x80) {
            cp = c;
            pos++;
            space = !pre && ascii_space(c);
            xml_char = ascii_xml_char(c);
        } else {
            cp = wn_utf8_next(s, len, &pos);
            space = !pre && wn_is_space(cp);
            xml_char = wn_is_xml_char(cp);
        }
        if (space || (pre && cp == '\r') || !xml_char) {
            if (start > run)
                append_run(line, s + run, start - run);
            run = pos;
            if (space)
                *pending_space = line->len > 0;
            continue;
        }
        if (*pending_space) {
            /* Nothing is held back here (run == start): a space ended the
             * last run. */
            if (before_space)
                before_space(ctx);
            append_run(line, " ", 1);
            *pending_space = false;
        }
    }
    if (pos > run)
        append_run(line, s + run, pos - run);
}
