/* The WARC reader's input: raw bytes from the caller's read function, the
 * codec (gzip per record or whole, zstd with its dictionary frame, or
 * none) told by content, and the decompressed stream read by lines or by
 * counts. */
#include "input/warc_internal.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- errors ---- */

wn_status wn_warc_fail(wn_warc_reader *r, wn_status st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->message, sizeof r->message, fmt, ap);
    va_end(ap);
    r->error = st;
    return st;
}

const char *wn_warc_error(const wn_warc_reader *r)
{
    return r ? r->message : "";
}

/* ---- the raw input ---- */

/* Keep what is unread at the front and read more after it. -1 on a read
 * error (r->error set). */
static int refill(wn_warc_reader *r)
{
    if (r->in_pos > 0) {
        memmove(r->in, r->in + r->in_pos, r->in_len - r->in_pos);
        r->in_len -= r->in_pos;
        r->in_pos = 0;
    }
    while (!r->in_eof && r->in_len < sizeof r->in) {
        long n = r->read(r->read_data, r->in + r->in_len, sizeof r->in - r->in_len);
        if (n < 0) {
            wn_warc_fail(r, WN_ERR_READ, "read error");
            return -1;
        }
        if (n == 0)
            r->in_eof = true;
        else {
            r->in_len += (size_t)n > sizeof r->in - r->in_len ? sizeof r->in - r->in_len : (size_t)n;
            break;
        }
    }
    return 0;
}

/* At least want raw bytes buffered, unless the input ends first. */
static int want_raw(wn_warc_reader *r, size_t want)
{
    while (r->in_len - r->in_pos < want && !r->in_eof)
        if (refill(r) != 0)
            return -1;
    return 0;
}

static uint32_t le32(const char *p)
{
    const unsigned char *b = (const unsigned char *)p;
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

/* A .warc.zst may open with a skippable frame (magic 0x184D2A5D) holding
 * the dictionary every later frame needs, itself zstd-compressed or not. */
static wn_status load_zstd_dictionary(wn_warc_reader *r)
{
    if (want_raw(r, 8) != 0)
        return r->error;
    if (r->in_len - r->in_pos < 8 || memcmp(r->in + r->in_pos, "\x5D\x2A\x4D\x18", 4) != 0)
        return WN_OK;
    size_t size = le32(r->in + r->in_pos + 4);
    if (size > MAX_DICTIONARY)
        return wn_warc_fail(r, WN_ERR_CORRUPT, "zstd dictionary frame over 16 MiB");
    r->in_pos += 8;
    char *dict = malloc(size ? size : 1);
    if (!dict)
        return wn_warc_fail(r, WN_ERR_NOMEM, "out of memory");
    size_t got = 0;
    while (got < size) {
        if (r->in_pos == r->in_len) {
            if (r->in_eof)
                break;
            if (refill(r) != 0) {
                free(dict);
                return r->error;
            }
            continue;
        }
        size_t n = r->in_len - r->in_pos;
        if (n > size - got)
            n = size - got;
        memcpy(dict + got, r->in + r->in_pos, n);
        got += n;
        r->in_pos += n;
    }
    if (got < size) {
        free(dict);
        return wn_warc_fail(r, WN_ERR_CORRUPT, "zstd dictionary frame cut short");
    }
    char *plain = NULL;
    size_t plain_len = size;
    int rc = 0;
    if (wn_codec_sniff(dict, size) == WN_CODEC_ZSTD) {
        if (wn_decompress(WN_CODEC_ZSTD, dict, size, MAX_DICTIONARY, false, &plain, &plain_len) != WN_OK)
            rc = -1;
    }
    if (rc == 0)
        rc = wn_codec_set_dictionary(r->codec, plain ? plain : dict, plain_len);
    free(plain);
    free(dict);
    return rc == 0 ? WN_OK : wn_warc_fail(r, WN_ERR_CORRUPT, "bad zstd dictionary frame");
}

static wn_status start(wn_warc_reader *r)
{
    r->started = true;
    if (want_raw(r, 4) != 0)
        return r->error;
    const char *b = r->in + r->in_pos;
    size_t n = r->in_len - r->in_pos;
    wn_codec_kind kind = wn_codec_sniff(b, n);
    if (n >= 4 && memcmp(b, "\x5D\x2A\x4D\x18", 4) == 0)
        kind = WN_CODEC_ZSTD;
    r->kind = kind;
    r->codec = wn_codec_new(kind);
    if (!r->codec)
        return wn_warc_fail(r, WN_ERR_NOMEM, "out of memory");
    /* Bytes between gzip members are garbage between records, passed over
     * and counted like any other, not the end of the file. */
    wn_codec_resync(r->codec);
    if (kind == WN_CODEC_ZSTD)
        return load_zstd_dictionary(r);
    return WN_OK;
}

/* ---- the decompressed stream ---- */

/* Raw bytes the codec passed over since the last call. */
unsigned long long wn_warc_take_skipped(wn_warc_reader *r)
{
    if (!r->codec)
        return 0;
    unsigned long long now = wn_codec_skipped(r->codec);
    unsigned long long fresh = now - r->codec_skipped;
    r->codec_skipped = now;
    return fresh;
}

/* Bytes available in r->out: > 0, 0 at the end, -1 on an error. */
static long fill(wn_warc_reader *r)
{
    if (r->error != WN_OK)
        return -1;
    if (r->out_pos < r->out_len)
        return (long)(r->out_len - r->out_pos);
    if (!r->started && start(r) != WN_OK)
        return -1;
    r->out_pos = r->out_len = 0;
    while (r->out_len == 0) {
        if (r->out_end)
            return 0;
        if (r->codec_broken) {
            wn_warc_fail(r, WN_ERR_CORRUPT, "%s data %s (after record %llu)", wn_codec_name(r->kind),
                 wn_codec_truncated(r->codec) ? "cut short" : "corrupt", r->number);
            return -1;
        }
        if (r->in_pos == r->in_len && !r->in_eof && refill(r) != 0)
            return -1;
        const char *ip = r->in + r->in_pos;
        size_t il = r->in_len - r->in_pos;
        char *op = r->out;
        size_t ol = sizeof r->out;
        wn_codec_result res = wn_codec_run(r->codec, &ip, &il, &op, &ol, r->in_eof);
        size_t used = (size_t)(ip - (r->in + r->in_pos));
        r->in_pos += used;
        r->out_len = sizeof r->out - ol;
        /* Passed over before this call's output (see wn_codec_resync). */
        r->garbage += wn_warc_take_skipped(r);
        if (res == WN_CODEC_END)
            r->out_end = true;
        else if (res == WN_CODEC_CORRUPT && r->out_len > 0)
            r->codec_broken = true; /* what came before the damage first */
        else if (res == WN_CODEC_CORRUPT) {
            wn_warc_fail(r, WN_ERR_CORRUPT, "%s data %s (after record %llu)", wn_codec_name(r->kind),
                 wn_codec_truncated(r->codec) ? "cut short" : "corrupt", r->number);
            return -1;
        } else if (used == 0 && r->out_len == 0) {
            /* The codec waits for more than is buffered. */
            if (r->in_eof) {
                wn_warc_fail(r, WN_ERR_CORRUPT, "%s data cut short (after record %llu)",
                     wn_codec_name(r->kind), r->number);
                return -1;
            }
            if (refill(r) != 0)
                return -1;
        }
    }
    return (long)r->out_len;
}

/* Append one line (through its '\n') to r->hdr, NUL-terminated, at most
 * cap bytes kept (the rest of a longer line is read and dropped). Returns
 * the line's full length, 0 at the end of the stream, -1 on an error. */
long wn_warc_read_line(wn_warc_reader *r, size_t cap, size_t *kept)
{
    size_t total = 0;
    *kept = 0;
    for (;;) {
        long avail = fill(r);
        if (avail < 0)
            return -1;
        if (avail == 0)
            break;
        const char *p = r->out + r->out_pos;
        const char *nl = memchr(p, '\n', (size_t)avail);
        size_t n = nl ? (size_t)(nl - p) + 1 : (size_t)avail;
        size_t keep = *kept + n <= cap ? n : cap - *kept;
        if (keep > 0) {
            if (r->hdr_len + keep + 1 > r->hdr_cap) {
                size_t want = r->hdr_cap ? r->hdr_cap : 4096;
                while (want < r->hdr_len + keep + 1)
                    want *= 2;
                char *grown = realloc(r->hdr, want);
                if (!grown) {
                    wn_warc_fail(r, WN_ERR_NOMEM, "out of memory");
                    return -1;
                }
                r->hdr = grown;
                r->hdr_cap = want;
            }
            memcpy(r->hdr + r->hdr_len, p, keep);
            r->hdr_len += keep;
            *kept += keep;
        }
        r->out_pos += n;
        total += n;
        if (nl)
            break;
    }
    if (r->hdr)
        r->hdr[r->hdr_len] = '\0';
    return (long)total;
}

/* Copy up to n bytes into dst (or drop them when dst is NULL); returns how
 * many there were, or (size_t)-1 on an error. */
unsigned long long wn_warc_take(wn_warc_reader *r, char *dst, unsigned long long n)
{
    unsigned long long done = 0;
    while (done < n) {
        long avail = fill(r);
        if (avail < 0)
            return (unsigned long long)-1;
        if (avail == 0)
            break;
        size_t k = (size_t)avail;
        if (k > n - done)
            k = (size_t)(n - done);
        if (dst)
            memcpy(dst + done, r->out + r->out_pos, k);
        r->out_pos += k;
        done += k;
    }
    return done;
}
