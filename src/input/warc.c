/* Reading WARC files: a small record reader over zlib/libzstd streams.
 *
 * Why not libarchive's WARC reader: it hands out each record as an archive
 * "entry" named by its WARC-Target-URI, drops the record id, only ever
 * surfaces resource and response records without telling them apart (the
 * HTTP head is left in the data), skips records it cannot name, and has no
 * way to resynchronise after garbage; gzip-per-record files go through its
 * generic multi-member filter. We need the record id, the type, the HTTP
 * status and headers, a bound on every record read, and a clear message for
 * a cut record, so the format (a header block, Content-Length bytes, CRLF
 * CRLF) is read here, in one pass over a decompressed stream, holding at
 * most one record. */
#include "winnow.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

/* ---- errors ---- */

static wn_status fail(wn_warc_reader *r, wn_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static wn_status fail(wn_warc_reader *r, wn_status st, const char *fmt, ...)
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
            fail(r, WN_ERR_READ, "read error");
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
        return fail(r, WN_ERR_CORRUPT, "zstd dictionary frame over 16 MiB");
    r->in_pos += 8;
    char *dict = malloc(size ? size : 1);
    if (!dict)
        return fail(r, WN_ERR_NOMEM, "out of memory");
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
        return fail(r, WN_ERR_CORRUPT, "zstd dictionary frame cut short");
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
    return rc == 0 ? WN_OK : fail(r, WN_ERR_CORRUPT, "bad zstd dictionary frame");
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
        return fail(r, WN_ERR_NOMEM, "out of memory");
    /* Bytes between gzip members are garbage between records, passed over
     * and counted like any other, not the end of the file. */
    wn_codec_resync(r->codec);
    if (kind == WN_CODEC_ZSTD)
        return load_zstd_dictionary(r);
    return WN_OK;
}

/* ---- the decompressed stream ---- */

/* Raw bytes the codec passed over since the last call. */
static unsigned long long take_skipped(wn_warc_reader *r)
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
            fail(r, WN_ERR_CORRUPT, "%s data %s (after record %llu)", wn_codec_name(r->kind),
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
        r->garbage += take_skipped(r);
        if (res == WN_CODEC_END)
            r->out_end = true;
        else if (res == WN_CODEC_CORRUPT && r->out_len > 0)
            r->codec_broken = true; /* what came before the damage first */
        else if (res == WN_CODEC_CORRUPT) {
            fail(r, WN_ERR_CORRUPT, "%s data %s (after record %llu)", wn_codec_name(r->kind),
                 wn_codec_truncated(r->codec) ? "cut short" : "corrupt", r->number);
            return -1;
        } else if (used == 0 && r->out_len == 0) {
            /* The codec waits for more than is buffered. */
            if (r->in_eof) {
                fail(r, WN_ERR_CORRUPT, "%s data cut short (after record %llu)",
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
static long read_line(wn_warc_reader *r, size_t cap, size_t *kept)
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
                    fail(r, WN_ERR_NOMEM, "out of memory");
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
static unsigned long long take(wn_warc_reader *r, char *dst, unsigned long long n)
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

/* ---- headers ---- */

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Trim a header line in place and split it at ':': the value, or NULL when
 * the line's name is not name. */
static char *header_value(char *line, const char *name)
{
    size_t n = strlen(name);
    if (strncasecmp(line, name, n) != 0)
        return NULL;
    char *p = line + n;
    while (*p == ' ' || *p == '\t')
        p++;
    if (*p != ':')
        return NULL;
    p++;
    while (*p == ' ' || *p == '\t')
        p++;
    char *end = p + strlen(p);
    while (end > p && is_space(end[-1]))
        *--end = '\0';
    return p;
}

/* The media type of a Content-Type, lower case, into buf. */
static void media_type(const char *content_type, char *buf, size_t size)
{
    size_t o = 0;
    const char *p = content_type;
    while (*p == ' ' || *p == '\t')
        p++;
    for (; *p && *p != ';' && !is_space(*p) && o + 1 < size; p++)
        buf[o++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
    buf[o] = '\0';
}

/* The charset parameter of a Content-Type into buf ("" when none). */
static void charset_param(const char *content_type, char *buf, size_t size)
{
    buf[0] = '\0';
    const char *p = strchr(content_type, ';');
    while (p) {
        p++;
        while (*p == ' ' || *p == '\t')
            p++;
        if (strncasecmp(p, "charset", 7) == 0) {
            const char *v = p + 7;
            while (*v == ' ' || *v == '\t')
                v++;
            if (*v == '=') {
                v++;
                while (*v == ' ' || *v == '\t' || *v == '"' || *v == '\'')
                    v++;
                size_t o = 0;
                while (*v && *v != '"' && *v != '\'' && *v != ';' && !is_space(*v) && o + 1 < size)
                    buf[o++] = *v++;
                buf[o] = '\0';
                return;
            }
        }
        p = strchr(p, ';');
    }
}

static bool is_page_media(const char *media)
{
    return strcmp(media, "text/html") == 0 || strcmp(media, "application/xhtml+xml") == 0;
}

/* The WHATWG rule for an unknown type, its HTML patterns: after white space,
 * one of these tags followed by a space or '>' (or a comment). */
static bool looks_like_html(const char *b, size_t len)
{
    static const char *const tags[] = {"!doctype html", "html", "head", "script", "iframe",
                                       "h1", "div", "font", "table", "a", "style", "title",
                                       "b", "body", "br", "p"};
    size_t i = 0;
    if (len >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && (is_space(b[i]) || b[i] == '\f'))
        i++;
    if (i >= len || b[i] != '<')
        return false;
    i++;
    if (len - i >= 3 && memcmp(b + i, "!--", 3) == 0)
        return true;
    for (size_t t = 0; t < sizeof tags / sizeof tags[0]; t++) {
        size_t n = strlen(tags[t]);
        if (len - i > n && strncasecmp(b + i, tags[t], n) == 0 &&
            (b[i + n] == ' ' || b[i + n] == '>'))
            return true;
    }
    return false;
}

/* Undo the chunked transfer coding in place: the decoded length. A body
 * that does not start like chunks is left as it is; one cut short keeps
 * what was complete. */
static size_t dechunk(char *b, size_t len)
{
    size_t in = 0, out = 0;
    bool any = false;
    while (in < len) {
        size_t size = 0, digits = 0;
        while (in < len && digits < 16) {
            char c = b[in];
            int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                  : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (v < 0)
                break;
            size = size * 16 + (size_t)v;
            digits++;
            in++;
        }
        if (digits == 0)
            return any ? out : len;
        const char *nl = memchr(b + in, '\n', len - in);
        if (!nl)
            break;
        in = (size_t)(nl - b) + 1;
        any = true;
        if (size == 0)
            break;
        size_t n = size < len - in ? size : len - in;
        memmove(b + out, b + in, n);
        out += n;
        in += n;
        if (n < size)
            break;
        if (in < len && b[in] == '\r')
            in++;
        if (in < len && b[in] == '\n')
            in++;
    }
    return out;
}

/* ---- records ---- */

static bool grow_block(wn_warc_reader *r, size_t want)
{
    if (want <= r->block_cap)
        return true;
    char *grown = realloc(r->block, want);
    if (!grown)
        return false;
    r->block = grown;
    r->block_cap = want;
    return true;
}

/* Read the rest of a block (from r->block_len to len) into r->block, or drop
 * it when keep is false. */
static wn_status finish_block(wn_warc_reader *r, unsigned long long len, bool keep)
{
    unsigned long long rest = len - r->block_len;
    if (keep && !grow_block(r, (size_t)len + 1))
        return fail(r, WN_ERR_NOMEM, "out of memory");
    unsigned long long got = take(r, keep ? r->block + r->block_len : NULL, rest);
    if (got == (unsigned long long)-1)
        return r->error;
    if (got < rest)
        return fail(r, WN_ERR_CORRUPT, "record %llu cut short (%llu of %llu bytes)", r->number,
                    r->block_len + got, len);
    if (keep) {
        r->block_len = (size_t)len;
        r->block[r->block_len] = '\0';
    }
    return WN_OK;
}

typedef struct warc_head {
    const char *type, *id, *uri, *content_type;
    unsigned long long length;
    bool has_length;
} warc_head;

static void parse_warc_headers(wn_warc_reader *r, warc_head *h)
{
    memset(h, 0, sizeof *h);
    h->type = h->id = h->uri = h->content_type = "";
    /* Lines after the version line, NUL-separated by read_headers(). */
    for (size_t i = strlen(r->hdr) + 1; i < r->hdr_len; i += strlen(r->hdr + i) + 1) {
        char *line = r->hdr + i;
        char *v;
        if ((v = header_value(line, "WARC-Type")))
            h->type = v;
        else if ((v = header_value(line, "WARC-Record-ID")))
            h->id = v;
        else if ((v = header_value(line, "WARC-Target-URI")))
            h->uri = v;
        else if ((v = header_value(line, "Content-Type")))
            h->content_type = v;
        else if ((v = header_value(line, "Content-Length"))) {
            char *end;
            h->has_length = *v >= '0' && *v <= '9';
            h->length = strtoull(v, &end, 10);
            if (*end || h->length > (unsigned long long)SIZE_MAX / 2)
                h->has_length = false;
        }
    }
    /* WARC/1.1 allows the URI in angle brackets. */
    if (h->uri[0] == '<') {
        char *u = (char *)h->uri + 1;
        size_t n = strlen(u);
        if (n && u[n - 1] == '>')
            u[n - 1] = '\0';
        h->uri = u;
    }
}

/* Read a record's header block into r->hdr, its lines NUL-terminated,
 * after its version line (given). Returns WN_OK or an error status. */
static wn_status read_headers(wn_warc_reader *r)
{
    for (;;) {
        size_t start = r->hdr_len, kept;
        long n = read_line(r, MAX_HEADER_BYTES, &kept);
        if (n < 0)
            return r->error;
        if (n == 0)
            return fail(r, WN_ERR_CORRUPT, "record %llu cut short (in its header)", r->number + 1);
        if (r->hdr_len > MAX_HEADER_BYTES)
            return fail(r, WN_ERR_CORRUPT, "record %llu has a header over 1 MiB", r->number + 1);
        /* Strip the line end; NUL-separate. */
        while (r->hdr_len > start && (r->hdr[r->hdr_len - 1] == '\n' || r->hdr[r->hdr_len - 1] == '\r'))
            r->hdr_len--;
        r->hdr[r->hdr_len++] = '\0';
        if (r->hdr_len - 1 == start)
            return WN_OK;
    }
}

typedef struct http_head {
    int status;
    const char *content_type, *content_encoding;
    bool chunked;
    size_t length; /* of the head, through its blank line */
} http_head;

/* Parse the HTTP head at the start of r->block (r->block_len bytes read).
 * Returns false when no complete head is there. */
static bool parse_http(wn_warc_reader *r, http_head *h)
{
    char *b = r->block;
    size_t len = r->block_len;
    memset(h, 0, sizeof *h);
    h->content_type = "";
    size_t end = 0;
    for (size_t i = 0; i < len; i++) {
        if (b[i] != '\n')
            continue;
        if (i + 1 < len && b[i + 1] == '\n') {
            end = i + 2;
            break;
        }
        if (i + 2 < len && b[i + 1] == '\r' && b[i + 2] == '\n') {
            end = i + 3;
            break;
        }
    }
    if (end == 0)
        return false;
    h->length = end;
    if (len < 12 || strncmp(b, "HTTP/", 5) != 0)
        return true; /* status 0: not a page */
    const char *sp = memchr(b, ' ', end);
    if (sp && sp + 4 <= b + end && sp[1] >= '1' && sp[1] <= '5' && sp[2] >= '0' && sp[2] <= '9' &&
        sp[3] >= '0' && sp[3] <= '9')
        h->status = (sp[1] - '0') * 100 + (sp[2] - '0') * 10 + (sp[3] - '0');
    /* Header lines, NUL-terminated in place (the payload follows the head). */
    size_t i = (size_t)((const char *)memchr(b, '\n', end) - b) + 1;
    while (i < end) {
        char *line = b + i;
        char *nl = memchr(line, '\n', end - i);
        size_t next = (size_t)(nl - b) + 1;
        *nl = '\0';
        char *v;
        if ((v = header_value(line, "Content-Type")))
            h->content_type = v;
        else if ((v = header_value(line, "Content-Encoding")))
            h->content_encoding = v;
        else if ((v = header_value(line, "Transfer-Encoding"))) {
            for (const char *p = v; *p; p++)
                if (strncasecmp(p, "chunked", 7) == 0)
                    h->chunked = true;
        }
        i = next;
    }
    return true;
}

/* Handle a response or resource record whose headers are read: WN_OK with
 * r->rec filled, WN_ERR_INPUT_TOO_LARGE (filled, no payload), or -1 cast:
 * not a page, the block dropped. Other statuses are errors. */
#define NOT_A_PAGE ((wn_status)-1)

static wn_status read_candidate(wn_warc_reader *r, const warc_head *w, bool response)
{
    unsigned long long len = w->length;
    size_t peek = len < HEAD_PEEK ? (size_t)len : HEAD_PEEK;
    if (!grow_block(r, peek + 1))
        return fail(r, WN_ERR_NOMEM, "out of memory");
    r->block_len = 0;
    unsigned long long got = take(r, r->block, peek);
    if (got == (unsigned long long)-1)
        return r->error;
    r->block_len = (size_t)got;
    if (got < peek)
        return fail(r, WN_ERR_CORRUPT, "record %llu cut short (%llu of %llu bytes)", r->number,
                    got, len);
    r->block[r->block_len] = '\0';

    char media[128];
    const char *content_type = w->content_type;
    http_head http;
    memset(&http, 0, sizeof http);
    media_type(w->content_type, media, sizeof media);
    /* A response's block is an HTTP message; some writers leave out its
     * application/http type. */
    if (response && (strcmp(media, "application/http") == 0 ||
                     (media[0] == '\0' && strncmp(r->block, "HTTP/", 5) == 0))) {
        if (!parse_http(r, &http) || http.status < 200 || http.status > 299) {
            wn_status st = finish_block(r, len, false);
            return st == WN_OK ? NOT_A_PAGE : st;
        }
        content_type = http.content_type;
        media_type(content_type, media, sizeof media);
    }
    bool sniff = media[0] == '\0';
    if (!sniff && !is_page_media(media)) {
        wn_status st = finish_block(r, len, false);
        return st == WN_OK ? NOT_A_PAGE : st;
    }
    /* Strings of the record: they live in r->hdr and r->block. */
    r->rec.type = w->type;
    r->rec.record_id = w->id;
    r->rec.target_uri = w->uri;
    r->rec.content_type = content_type;
    charset_param(content_type, r->charset, sizeof r->charset);
    r->rec.charset = r->charset[0] ? r->charset : NULL;
    r->rec.content_encoding = http.content_encoding;
    r->rec.http_status = http.status;
    r->rec.payload = NULL;
    r->rec.payload_len = 0;
    if (len > r->max_record) {
        wn_status st = finish_block(r, len, false);
        return st == WN_OK ? WN_ERR_INPUT_TOO_LARGE : st;
    }
    /* The HTTP head's strings are in r->block, which finish_block() may
     * move: keep their offsets and point at the moved block after. */
    uintptr_t block_at = (uintptr_t)r->block, block_end = block_at + r->block_len;
    uintptr_t ct = (uintptr_t)content_type, ce = (uintptr_t)http.content_encoding;
    bool ct_in_block = ct >= block_at && ct <= block_end;
    bool ce_in_block = ce && ce >= block_at && ce <= block_end;
    size_t ct_at = ct_in_block ? (size_t)(ct - block_at) : 0;
    size_t ce_at = ce_in_block ? (size_t)(ce - block_at) : 0;
    wn_status st = finish_block(r, len, true);
    if (st != WN_OK)
        return st;
    if (ct_in_block)
        r->rec.content_type = r->block + ct_at;
    if (ce_in_block)
        r->rec.content_encoding = r->block + ce_at;
    char *payload = r->block + http.length;
    size_t payload_len = r->block_len - http.length;
    if (http.chunked)
        payload_len = dechunk(payload, payload_len);
    payload[payload_len] = '\0';
    if (sniff) {
        const char *probe = payload;
        size_t probe_len = payload_len;
        char *inner = NULL;
        wn_codec_kind kind = wn_codec_sniff(payload, payload_len);
        if (kind != WN_CODEC_IDENTITY &&
            wn_decompress(kind, payload, payload_len, 1024, true, &inner, &probe_len) == WN_OK)
            probe = inner;
        bool html = looks_like_html(probe, probe_len);
        free(inner);
        if (!html)
            return NOT_A_PAGE;
    }
    r->rec.payload = payload;
    r->rec.payload_len = payload_len;
    return WN_OK;
}

static bool is_version_line(const char *line)
{
    return strncmp(line, "WARC/1.", 7) == 0;
}

wn_status wn_warc_next(wn_warc_reader *r, const wn_warc_record **record)
{
    if (!record)
        return WN_ERR_ARGUMENT;
    *record = NULL;
    if (!r)
        return WN_ERR_ARGUMENT;
    if (r->error != WN_OK)
        return r->error;
    for (;;) {
        size_t kept;
        r->hdr_len = 0;
        long n = read_line(r, 64, &kept);
        if (n < 0)
            return r->error;
        if (n == 0) {
            r->garbage += take_skipped(r);
            if (r->garbage)
                return fail(r, WN_ERR_CORRUPT, "%llu bytes that are not WARC records after record %llu",
                            r->garbage, r->number);
            return WN_OK;
        }
        if (kept <= 2 && (r->hdr[0] == '\n' || (r->hdr[0] == '\r' && r->hdr[1] == '\n')))
            continue; /* the blank lines that end a record */
        if (!is_version_line(r->hdr)) {
            r->garbage += (unsigned long long)n;
            continue;
        }
        r->hdr_len = strlen(r->hdr);
        while (r->hdr_len && is_space(r->hdr[r->hdr_len - 1]))
            r->hdr_len--;
        r->hdr[r->hdr_len++] = '\0';
        wn_status st = read_headers(r);
        if (st != WN_OK)
            return st;
        r->number++;
        warc_head w;
        parse_warc_headers(r, &w);
        if (!w.has_length)
            return fail(r, WN_ERR_CORRUPT, "record %llu has no valid Content-Length", r->number);
        bool response = strcmp(w.type, "response") == 0;
        if (!response && strcmp(w.type, "resource") != 0) {
            unsigned long long got = take(r, NULL, w.length);
            if (got == (unsigned long long)-1)
                return r->error;
            if (got < w.length)
                return fail(r, WN_ERR_CORRUPT, "record %llu cut short (%llu of %llu bytes)",
                            r->number, got, w.length);
            continue;
        }
        st = read_candidate(r, &w, response);
        if (st == NOT_A_PAGE)
            continue;
        if (st != WN_OK && st != WN_ERR_INPUT_TOO_LARGE)
            return st;
        r->rec.number = r->number;
        r->rec.skipped_bytes = r->garbage;
        r->garbage = 0;
        *record = &r->rec;
        return st;
    }
}

wn_status wn_warc_open(wn_read_fn read, void *read_data, size_t max_record_bytes,
                       wn_warc_reader **out)
{
    if (!out)
        return WN_ERR_ARGUMENT;
    *out = NULL;
    if (!read)
        return WN_ERR_ARGUMENT;
    wn_warc_reader *r = calloc(1, sizeof *r);
    if (!r)
        return WN_ERR_NOMEM;
    r->read = read;
    r->read_data = read_data;
    r->max_record = max_record_bytes ? max_record_bytes : DEFAULT_MAX_RECORD;
    *out = r;
    return WN_OK;
}

void wn_warc_free(wn_warc_reader *r)
{
    if (!r)
        return;
    wn_codec_free(r->codec);
    free(r->hdr);
    free(r->block);
    free(r);
}

int wn_is_warc(const char *bytes, size_t len)
{
    if (!bytes)
        return 0;
    char *inner = NULL;
    const char *b = bytes;
    size_t n = len;
    wn_codec_kind kind = wn_codec_sniff(bytes, len);
    if (len >= 8 && memcmp(bytes, "\x5D\x2A\x4D\x18", 4) == 0) {
        /* The dictionary frame a .warc.zst opens with: what follows cannot
         * be read without loading it; no page starts so. */
        return 1;
    }
    if (kind != WN_CODEC_IDENTITY) {
        if (wn_decompress(kind, bytes, len, 64, true, &inner, &n) != WN_OK)
            return 0;
        b = inner;
    }
    size_t i = 0;
    while (i < n && (b[i] == '\r' || b[i] == '\n'))
        i++;
    int yes = n - i >= 9 && (memcmp(b + i, "WARC/1.0", 8) == 0 || memcmp(b + i, "WARC/1.1", 8) == 0) &&
              (b[i + 8] == '\r' || b[i + 8] == '\n');
    free(inner);
    return yes;
}
