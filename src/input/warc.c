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
#include "input/warc_internal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
        return wn_warc_fail(r, WN_ERR_NOMEM, "out of memory");
    unsigned long long got = wn_warc_take(r, keep ? r->block + r->block_len : NULL, rest);
    if (got == (unsigned long long)-1)
        return r->error;
    if (got < rest)
        return wn_warc_fail(r, WN_ERR_CORRUPT, "record %llu cut short (%llu of %llu bytes)", r->number,
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
        if ((v = wn_warc_header_value(line, "WARC-Type")))
            h->type = v;
        else if ((v = wn_warc_header_value(line, "WARC-Record-ID")))
            h->id = v;
        else if ((v = wn_warc_header_value(line, "WARC-Target-URI")))
            h->uri = v;
        else if ((v = wn_warc_header_value(line, "Content-Type")))
            h->content_type = v;
        else if ((v = wn_warc_header_value(line, "Content-Length"))) {
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
        long n = wn_warc_read_line(r, MAX_HEADER_BYTES, &kept);
        if (n < 0)
            return r->error;
        if (n == 0)
            return wn_warc_fail(r, WN_ERR_CORRUPT, "record %llu cut short (in its header)", r->number + 1);
        if (r->hdr_len > MAX_HEADER_BYTES)
            return wn_warc_fail(r, WN_ERR_CORRUPT, "record %llu has a header over 1 MiB", r->number + 1);
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
        if ((v = wn_warc_header_value(line, "Content-Type")))
            h->content_type = v;
        else if ((v = wn_warc_header_value(line, "Content-Encoding")))
            h->content_encoding = v;
        else if ((v = wn_warc_header_value(line, "Transfer-Encoding"))) {
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
        return wn_warc_fail(r, WN_ERR_NOMEM, "out of memory");
    r->block_len = 0;
    unsigned long long got = wn_warc_take(r, r->block, peek);
    if (got == (unsigned long long)-1)
        return r->error;
    r->block_len = (size_t)got;
    if (got < peek)
        return wn_warc_fail(r, WN_ERR_CORRUPT, "record %llu cut short (%llu of %llu bytes)", r->number,
                    got, len);
    r->block[r->block_len] = '\0';

    char media[128];
    const char *content_type = w->content_type;
    http_head http;
    memset(&http, 0, sizeof http);
    wn_warc_media_type(w->content_type, media, sizeof media);
    /* A response's block is an HTTP message; some writers leave out its
     * application/http type. */
    if (response && (strcmp(media, "application/http") == 0 ||
                     (media[0] == '\0' && strncmp(r->block, "HTTP/", 5) == 0))) {
        if (!parse_http(r, &http) || http.status < 200 || http.status > 299) {
            wn_status st = finish_block(r, len, false);
            return st == WN_OK ? NOT_A_PAGE : st;
        }
        content_type = http.content_type;
        wn_warc_media_type(content_type, media, sizeof media);
    }
    bool sniff = media[0] == '\0';
    if (!sniff && !wn_warc_is_page_media(media)) {
        wn_status st = finish_block(r, len, false);
        return st == WN_OK ? NOT_A_PAGE : st;
    }
    /* Strings of the record: they live in r->hdr and r->block. */
    r->rec.type = w->type;
    r->rec.record_id = w->id;
    r->rec.target_uri = w->uri;
    r->rec.content_type = content_type;
    wn_warc_charset_param(content_type, r->charset, sizeof r->charset);
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
        payload_len = wn_warc_dechunk(payload, payload_len);
    payload[payload_len] = '\0';
    if (sniff) {
        const char *probe = payload;
        size_t probe_len = payload_len;
        char *inner = NULL;
        wn_codec_kind kind = wn_codec_sniff(payload, payload_len);
        if (kind != WN_CODEC_IDENTITY &&
            wn_decompress(kind, payload, payload_len, 1024, true, &inner, &probe_len) == WN_OK)
            probe = inner;
        bool html = wn_warc_looks_like_html(probe, probe_len);
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
        long n = wn_warc_read_line(r, 64, &kept);
        if (n < 0)
            return r->error;
        if (n == 0) {
            r->garbage += wn_warc_take_skipped(r);
            if (r->garbage)
                return wn_warc_fail(r, WN_ERR_CORRUPT, "%llu bytes that are not WARC records after record %llu",
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
        while (r->hdr_len && wn_warc_is_space(r->hdr[r->hdr_len - 1]))
            r->hdr_len--;
        r->hdr[r->hdr_len++] = '\0';
        wn_status st = read_headers(r);
        if (st != WN_OK)
            return st;
        r->number++;
        warc_head w;
        parse_warc_headers(r, &w);
        if (!w.has_length)
            return wn_warc_fail(r, WN_ERR_CORRUPT, "record %llu has no valid Content-Length", r->number);
        bool response = strcmp(w.type, "response") == 0;
        if (!response && strcmp(w.type, "resource") != 0) {
            unsigned long long got = wn_warc_take(r, NULL, w.length);
            if (got == (unsigned long long)-1)
                return r->error;
            if (got < w.length)
                return wn_warc_fail(r, WN_ERR_CORRUPT, "record %llu cut short (%llu of %llu bytes)",
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
