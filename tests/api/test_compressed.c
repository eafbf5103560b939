/* Compressed pages and WARC files through the public API (winnow.h only;
 * zlib, libzstd and libbrotlienc make the test data). */
#include "winnow.h"

#include <brotli/encode.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <zstd.h>

#include "runner.h"

#define BODY "The ferry to the islands ran again on Monday after three days of storms had kept " \
             "every boat in the harbour, and the first crossing was full by eight."

static const char PAGE[] = "<!DOCTYPE html><html><head><title>Ferry</title></head><body>"
                           "<nav><a href=/>Home</a> <a href=/news>News</a></nav>"
                           "<article><h1>Ferry</h1><p>" BODY "</p><p>" BODY "</p></article>"
                           "</body></html>";

/* ---- making test data ---- */

typedef struct bytes {
    char *data;
    size_t len;
} bytes;

static void append(bytes *b, const void *data, size_t len)
{
    b->data = realloc(b->data, b->len + len + 1);
    ck_assert_ptr_nonnull(b->data);
    memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
}

static void append_str(bytes *b, const char *s)
{
    append(b, s, strlen(s));
}

/* One gzip member of data, appended to b. */
static void append_gzip(bytes *b, const void *data, size_t len)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    ck_assert_int_eq(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
    size_t room = deflateBound(&z, (uLong)len) + 32;
    char *out = malloc(room);
    z.next_in = (Bytef *)(uintptr_t)data;
    z.avail_in = (uInt)len;
    z.next_out = (Bytef *)out;
    z.avail_out = (uInt)room;
    ck_assert_int_eq(deflate(&z, Z_FINISH), Z_STREAM_END);
    append(b, out, room - z.avail_out);
    deflateEnd(&z);
    free(out);
}

static void append_zstd(bytes *b, const void *data, size_t len)
{
    size_t room = ZSTD_compressBound(len);
    char *out = malloc(room);
    size_t n = ZSTD_compress(out, room, data, len, 3);
    ck_assert(!ZSTD_isError(n));
    append(b, out, n);
    free(out);
}

static void append_brotli(bytes *b, const void *data, size_t len)
{
    size_t room = BrotliEncoderMaxCompressedSize(len);
    uint8_t *out = malloc(room);
    ck_assert(BrotliEncoderCompress(5, 22, BROTLI_MODE_TEXT, len, (const uint8_t *)data, &room, out));
    append(b, out, room);
    free(out);
}

static wn_extractor *extractor(unsigned flags, size_t max_input)
{
    wn_options options;
    wn_options_init(&options);
    options.flags = flags;
    if (max_input)
        options.max_input_bytes = max_input;
    wn_extractor *ex = NULL;
    ck_assert_int_eq(wn_extractor_new(&options, &ex), WN_OK);
    return ex;
}

static wn_status extract(const wn_extractor *ex, const bytes *b, const char *encoding,
                         wn_result **res)
{
    wn_source src;
    wn_source_init(&src);
    src.content_encoding = encoding;
    return wn_extract_source(ex, b->data, b->len, &src, res);
}

static void expect_page(const wn_extractor *ex, const bytes *b, const char *encoding)
{
    wn_result *res = NULL;
    wn_status st = extract(ex, b, encoding, &res);
    ck_assert_msg(st == WN_OK, "%s", wn_status_message(st));
    const char *text = wn_result_text(res, NULL);
    ck_assert_msg(strstr(text, "The ferry to the islands"), "text: %s", text);
    wn_result_free(res);
}

/* ---- compressed pages ---- */

START_TEST(test_gzip_zstd_by_magic)
{
    wn_extractor *ex = extractor(0, 0);
    bytes gz = {0}, zs = {0};
    append_gzip(&gz, PAGE, sizeof PAGE - 1);
    append_zstd(&zs, PAGE, sizeof PAGE - 1);
    expect_page(ex, &gz, NULL);
    expect_page(ex, &zs, NULL);
    /* wn_extract() too, and a declared coding changes nothing. */
    wn_result *res = NULL;
    ck_assert_int_eq(wn_extract(ex, gz.data, gz.len, NULL, NULL, &res), WN_OK);
    wn_result_free(res);
    expect_page(ex, &gz, "gzip");
    expect_page(ex, &zs, "zstd");
    ck_assert_ptr_null(wn_not_html_reason(gz.data, gz.len, NULL));
    free(gz.data);
    free(zs.data);
    wn_extractor_free(ex);
}
END_TEST

START_TEST(test_gzip_members)
{
    /* A page split over three members, as `cat a.gz b.gz c.gz` makes. */
    wn_extractor *ex = extractor(0, 0);
    bytes gz = {0};
    size_t third = (sizeof PAGE - 1) / 3;
    append_gzip(&gz, PAGE, third);
    append_gzip(&gz, PAGE + third, third);
    append_gzip(&gz, PAGE + 2 * third, sizeof PAGE - 1 - 2 * third);
    wn_result *res = NULL;
    ck_assert_int_eq(extract(ex, &gz, NULL, &res), WN_OK);
    const char *text = wn_result_text(res, NULL);
    ck_assert_msg(strstr(text, "kept every boat") && strstr(text, "full by eight"), "%s", text);
    wn_result_free(res);
    /* Trailing zeros after the last member are ignored, as gzip -d does. */
    append(&gz, "\0\0\0\0", 4);
    expect_page(ex, &gz, NULL);
    free(gz.data);
    wn_extractor_free(ex);
}
END_TEST

START_TEST(test_brotli_only_when_declared)
{
    wn_extractor *ex = extractor(0, 0);
    bytes br = {0};
    append_brotli(&br, PAGE, sizeof PAGE - 1);
    expect_page(ex, &br, "br");
    expect_page(ex, &br, " identity , br ");
    wn_result *res = (wn_result *)(uintptr_t)1;
    /* Undeclared: brotli is not guessed. */
    ck_assert_int_ne(extract(ex, &br, NULL, &res), WN_OK);
    ck_assert_ptr_null(res);
    free(br.data);
    wn_extractor_free(ex);
}
END_TEST

START_TEST(test_content_encoding_list)
{
    /* "gzip, br": gzip applied first, so brotli is undone first. */
    wn_extractor *ex = extractor(0, 0);
    bytes gz = {0}, both = {0};
    append_gzip(&gz, PAGE, sizeof PAGE - 1);
    append_brotli(&both, gz.data, gz.len);
    expect_page(ex, &both, "gzip, br");
    /* A server that says gzip and sends the page as it is. */
    bytes plain = {0};
    append_str(&plain, PAGE);
    expect_page(ex, &plain, "gzip");
    /* An unknown coding is left alone. */
    expect_page(ex, &plain, "x-unknown");
    free(gz.data);
    free(both.data);
    free(plain.data);
    wn_extractor_free(ex);
}
END_TEST

START_TEST(test_no_decompress_flag)
{
    wn_extractor *ex = extractor(WN_FLAG_NO_DECOMPRESS, 0);
    bytes gz = {0};
    append_gzip(&gz, PAGE, sizeof PAGE - 1);
    wn_result *res = NULL;
    ck_assert_int_eq(extract(ex, &gz, NULL, &res), WN_ERR_NOT_HTML);
    free(gz.data);
    wn_extractor_free(ex);
}
END_TEST

START_TEST(test_bomb_refused)
{
    /* 8 MiB of zeros in a few KiB; the limit is 1 MiB. */
    size_t big = (size_t)8 << 20;
    char *zeros = calloc(1, big);
    memcpy(zeros, "<p>", 3);
    bytes gz = {0}, zs = {0}, br = {0};
    append_gzip(&gz, zeros, big);
    append_zstd(&zs, zeros, big);
    append_brotli(&br, zeros, big);
    free(zeros);
    ck_assert_uint_lt(gz.len, 64 * 1024);
    wn_extractor *ex = extractor(0, (size_t)1 << 20);
    wn_result *res = (wn_result *)(uintptr_t)1;
    ck_assert_int_eq(extract(ex, &gz, NULL, &res), WN_ERR_DECOMPRESSED_TOO_LARGE);
    ck_assert_ptr_null(res);
    ck_assert_int_eq(extract(ex, &zs, NULL, &res), WN_ERR_DECOMPRESSED_TOO_LARGE);
    ck_assert_int_eq(extract(ex, &br, "br", &res), WN_ERR_DECOMPRESSED_TOO_LARGE);
    ck_assert_str_eq(wn_status_message(WN_ERR_DECOMPRESSED_TOO_LARGE),
                     "decompressed input larger than the configured limit");
    free(gz.data);
    free(zs.data);
    free(br.data);
    wn_extractor_free(ex);
}
END_TEST

START_TEST(test_corrupt_and_cut)
{
    wn_extractor *ex = extractor(0, 0);
    bytes gz = {0};
    append_gzip(&gz, PAGE, sizeof PAGE - 1);
    wn_result *res = NULL;
    bytes cut = {0};
    append(&cut, gz.data, gz.len / 2);
    ck_assert_int_eq(extract(ex, &cut, NULL, &res), WN_ERR_CORRUPT);
    gz.data[gz.len / 2] ^= 0x55;
    gz.data[gz.len / 2 + 1] ^= 0xAA;
    ck_assert_int_eq(extract(ex, &gz, NULL, &res), WN_ERR_CORRUPT);
    bytes br = {0};
    append_str(&br, "this is not brotli data at all, just words");
    ck_assert_int_eq(extract(ex, &br, "br", &res), WN_ERR_CORRUPT);
    free(gz.data);
    free(cut.data);
    free(br.data);
    wn_extractor_free(ex);
}
END_TEST

START_TEST(test_compressed_non_pages)
{
    static const char png[] = "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0";
    wn_extractor *ex = extractor(0, 0);
    bytes gz = {0}, zs = {0};
    append_gzip(&gz, png, sizeof png - 1);
    append_zstd(&zs, png, sizeof png - 1);
    wn_result *res = NULL;
    ck_assert_int_eq(extract(ex, &gz, NULL, &res), WN_ERR_NOT_HTML);
    ck_assert_int_eq(extract(ex, &zs, NULL, &res), WN_ERR_NOT_HTML);
    ck_assert_str_eq(wn_not_html_reason(gz.data, gz.len, NULL), "PNG image");
    ck_assert_str_eq(wn_not_html_reason(zs.data, zs.len, NULL), "PNG image");
    /* Compressed twice: the inner layer is not undone. */
    bytes twice = {0};
    append_gzip(&twice, gz.data, gz.len);
    ck_assert_int_eq(extract(ex, &twice, NULL, &res), WN_ERR_NOT_HTML);
    ck_assert_str_eq(wn_not_html_reason(twice.data, twice.len, NULL), "gzip-compressed data");
    /* A WARC file is not a page. */
    static const char warc[] = "WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n";
    ck_assert_int_eq(wn_extract(ex, warc, sizeof warc - 1, NULL, NULL, &res), WN_ERR_NOT_HTML);
    ck_assert_str_eq(wn_not_html_reason(warc, sizeof warc - 1, NULL), "WARC archive");
    free(gz.data);
    free(zs.data);
    free(twice.data);
    wn_extractor_free(ex);
}
END_TEST

START_TEST(test_source_fields)
{
    wn_extractor *ex = extractor(0, 0);
    wn_source src;
    wn_source_init(&src);
    src.url = "http://example.com/ferry";
    src.record_id = "<urn:uuid:0001>";
    src.charset_hint = "utf-8";
    wn_result *res = NULL;
    ck_assert_int_eq(wn_extract_source(ex, PAGE, sizeof PAGE - 1, &src, &res), WN_OK);
    const char *xml = wn_result_xml(res, NULL);
    ck_assert_msg(strstr(xml, "url=\"http://example.com/ferry\"") &&
                      strstr(xml, "record-id=\"&lt;urn:uuid:0001&gt;\""),
                  "%s", xml);
    wn_result_free(res);
    /* NULL source: wn_extract() with nothing known. */
    ck_assert_int_eq(wn_extract_source(ex, PAGE, sizeof PAGE - 1, NULL, &res), WN_OK);
    ck_assert_ptr_null(strstr(wn_result_xml(res, NULL), "record-id"));
    wn_result_free(res);
    wn_extractor_free(ex);
}
END_TEST

/* ---- WARC ---- */

static void append_record(bytes *b, const char *type, const char *id, const char *uri,
                          const char *content_type, const char *block, size_t block_len)
{
    char head[1024];
    snprintf(head, sizeof head,
             "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\n"
             "WARC-Date: 2026-12-01T00:00:00Z\r\n%s%s%s%s%s%sContent-Length: %zu\r\n\r\n",
             type, id, uri ? "WARC-Target-URI: " : "", uri ? uri : "", uri ? "\r\n" : "",
             content_type ? "Content-Type: " : "", content_type ? content_type : "",
             content_type ? "\r\n" : "", block_len);
    append_str(b, head);
    append(b, block, block_len);
    append_str(b, "\r\n\r\n");
}

static void append_response(bytes *b, const char *id, const char *uri, const char *http_head,
                            const char *body, size_t body_len)
{
    bytes block = {0};
    append_str(&block, http_head);
    append(&block, body, body_len);
    append_record(b, "response", id, uri, "application/http; msgtype=response", block.data, block.len);
    free(block.data);
}

/* The first place of needle in b (which may hold zero bytes). */
static const char *find(const bytes *b, const char *from, const char *needle)
{
    size_t n = strlen(needle);
    for (const char *p = from; p + n <= b->data + b->len; p++)
        if (memcmp(p, needle, n) == 0)
            return p;
    return NULL;
}

typedef struct memory_reader {
    const char *data;
    size_t len, pos;
    size_t step; /* bytes a call at most: tests the reader's buffering */
    int fail_at; /* report an error once pos reaches this (if > 0) */
} memory_reader;

static long read_memory(void *data, char *buffer, size_t len)
{
    memory_reader *m = data;
    if (m->fail_at > 0 && m->pos >= (size_t)m->fail_at)
        return -1;
    size_t n = m->len - m->pos;
    if (n > len)
        n = len;
    if (m->step && n > m->step)
        n = m->step;
    memcpy(buffer, m->data + m->pos, n);
    m->pos += n;
    return (long)n;
}

/* A WARC of every kind of record, plain. */
static void sample_warc(bytes *w)
{
    append_record(w, "warcinfo", "0", NULL, "application/warc-fields", "software: test\r\n", 16);
    append_record(w, "request", "1", "http://a.example/", "application/http; msgtype=request",
                  "GET / HTTP/1.1\r\n\r\n", 18);
    /* 2: an ordinary page. */
    append_response(w, "2", "http://a.example/", "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n",
                    PAGE, sizeof PAGE - 1);
    /* 3: a redirect, 4: an image. */
    append_response(w, "3", "http://a.example/old", "HTTP/1.1 301 Moved\r\nLocation: /\r\n\r\n", "", 0);
    append_response(w, "4", "http://a.example/i.png", "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n",
                    "\x89PNG\r\n\x1A\n", 8);
    /* 5: gzip-encoded and chunked, with the WARC/1.1 <URI> form. */
    {
        bytes gz = {0}, chunked = {0};
        append_gzip(&gz, PAGE, sizeof PAGE - 1);
        for (size_t i = 0; i < gz.len; i += 50) {
            char size[32];
            size_t n = gz.len - i < 50 ? gz.len - i : 50;
            snprintf(size, sizeof size, "%zx;ext=1\r\n", n);
            append_str(&chunked, size);
            append(&chunked, gz.data + i, n);
            append_str(&chunked, "\r\n");
        }
        append_str(&chunked, "0\r\nX-Trailer: 1\r\n\r\n");
        append_response(w, "5", "<http://a.example/gz>",
                        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
                        "Transfer-Encoding: chunked\r\n\r\n",
                        chunked.data, chunked.len);
        free(gz.data);
        free(chunked.data);
    }
    /* 6: a resource with a Latin-1 charset, 7: one with no type (sniffed), 8: text/plain. */
    append_record(w, "resource", "6", "http://a.example/r", "text/html; charset=\"iso-8859-1\"", PAGE,
                  sizeof PAGE - 1);
    append_record(w, "resource", "7", "http://a.example/n", NULL, PAGE, sizeof PAGE - 1);
    append_record(w, "resource", "8", "http://a.example/t", "text/plain", "just text", 9);
    append_record(w, "metadata", "9", "http://a.example/", "application/warc-fields", "x: y\r\n", 6);
}

typedef struct seen {
    unsigned long long number[16];
    char uri[16][64];
    char charset[16][32];
    char encoding[16][16];
    int count;
} seen;

static wn_status read_all(memory_reader *m, size_t max_record, seen *s, char *error, size_t error_size)
{
    wn_warc_reader *r = NULL;
    ck_assert_int_eq(wn_warc_open(read_memory, m, max_record, &r), WN_OK);
    memset(s, 0, sizeof *s);
    wn_status st;
    for (;;) {
        const wn_warc_record *rec = NULL;
        st = wn_warc_next(r, &rec);
        if (st != WN_OK && st != WN_ERR_INPUT_TOO_LARGE)
            break;
        if (!rec)
            break;
        ck_assert_int_lt(s->count, 16);
        s->number[s->count] = rec->number;
        snprintf(s->uri[s->count], 64, "%s", rec->target_uri);
        snprintf(s->charset[s->count], 32, "%s", rec->charset ? rec->charset : "");
        snprintf(s->encoding[s->count], 16, "%s", rec->content_encoding ? rec->content_encoding : "");
        if (st == WN_ERR_INPUT_TOO_LARGE)
            ck_assert_ptr_null(rec->payload);
        else {
            /* Every page record's payload extracts to the page. */
            wn_extractor *ex = extractor(0, 0);
            wn_source src;
            wn_source_init(&src);
            src.content_encoding = rec->content_encoding;
            src.charset_hint = rec->charset;
            wn_result *res = NULL;
            ck_assert_int_eq(wn_extract_source(ex, rec->payload, rec->payload_len, &src, &res), WN_OK);
            ck_assert_msg(strstr(wn_result_text(res, NULL), "The ferry"), "record %llu", rec->number);
            wn_result_free(res);
            wn_extractor_free(ex);
        }
        s->count++;
    }
    snprintf(error, error_size, "%s", wn_warc_error(r));
    wn_warc_free(r);
    return st;
}

static void expect_sample(const seen *s)
{
    ck_assert_int_eq(s->count, 4);
    ck_assert_uint_eq(s->number[0], 3);
    ck_assert_str_eq(s->uri[0], "http://a.example/");
    ck_assert_str_eq(s->charset[0], "UTF-8");
    ck_assert_uint_eq(s->number[1], 6);
    ck_assert_str_eq(s->uri[1], "http://a.example/gz");
    ck_assert_str_eq(s->encoding[1], "gzip");
    ck_assert_uint_eq(s->number[2], 7);
    ck_assert_str_eq(s->charset[2], "iso-8859-1");
    ck_assert_uint_eq(s->number[3], 8);
}

START_TEST(test_warc_plain)
{
    bytes w = {0};
    sample_warc(&w);
    ck_assert(wn_is_warc(w.data, w.len));
    memory_reader m = {w.data, w.len, 0, 7, 0};
    seen s;
    char error[256];
    ck_assert_int_eq(read_all(&m, 0, &s, error, sizeof error), WN_OK);
    expect_sample(&s);
    free(w.data);
}
END_TEST

START_TEST(test_warc_gzip_per_record_and_whole)
{
    /* One member per record (the norm), then the whole file in one. */
    bytes plain = {0};
    sample_warc(&plain);
    bytes per = {0};
    const char *p = plain.data;
    while (p < plain.data + plain.len) {
        const char *next = find(&plain, p + 1, "WARC/1.1\r\n");
        size_t n = next ? (size_t)(next - p) : (size_t)(plain.data + plain.len - p);
        append_gzip(&per, p, n);
        p += n;
    }
    ck_assert(wn_is_warc(per.data, per.len));
    memory_reader m = {per.data, per.len, 0, 0, 0};
    seen s;
    char error[256];
    ck_assert_int_eq(read_all(&m, 0, &s, error, sizeof error), WN_OK);
    expect_sample(&s);
    bytes whole = {0};
    append_gzip(&whole, plain.data, plain.len);
    memory_reader m2 = {whole.data, whole.len, 0, 3, 0};
    ck_assert_int_eq(read_all(&m2, 0, &s, error, sizeof error), WN_OK);
    expect_sample(&s);
    free(plain.data);
    free(per.data);
    free(whole.data);
}
END_TEST

START_TEST(test_warc_zstd)
{
    bytes plain = {0}, zs = {0};
    sample_warc(&plain);
    size_t half = plain.len / 2;
    append_zstd(&zs, plain.data, half);
    append_zstd(&zs, plain.data + half, plain.len - half);
    ck_assert(wn_is_warc(zs.data, zs.len));
    memory_reader m = {zs.data, zs.len, 0, 0, 0};
    seen s;
    char error[256];
    ck_assert_int_eq(read_all(&m, 0, &s, error, sizeof error), WN_OK);
    expect_sample(&s);
    /* With a dictionary frame first (.warc.zst): an uncompressed dictionary
     * of raw content, which zstd accepts as a prefix. */
    bytes framed = {0};
    static const char dict[] = "WARC/1.1\r\nWARC-Type: response\r\nContent-Type: text/html\r\n";
    unsigned char head[8] = {0x5D, 0x2A, 0x4D, 0x18, (unsigned char)(sizeof dict - 1), 0, 0, 0};
    append(&framed, head, 8);
    append(&framed, dict, sizeof dict - 1);
    ZSTD_CCtx *cc = ZSTD_createCCtx();
    size_t room = ZSTD_compressBound(plain.len);
    char *out = malloc(room);
    size_t n = ZSTD_compress_usingDict(cc, out, room, plain.data, plain.len, dict, sizeof dict - 1, 3);
    ck_assert(!ZSTD_isError(n));
    append(&framed, out, n);
    free(out);
    ZSTD_freeCCtx(cc);
    ck_assert(wn_is_warc(framed.data, framed.len));
    memory_reader m2 = {framed.data, framed.len, 0, 0, 0};
    ck_assert_int_eq(read_all(&m2, 0, &s, error, sizeof error), WN_OK);
    expect_sample(&s);
    free(plain.data);
    free(zs.data);
    free(framed.data);
}
END_TEST

START_TEST(test_warc_garbage_between_records)
{
    bytes w = {0};
    append_response(&w, "1", "http://a.example/1", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n", PAGE,
                    sizeof PAGE - 1);
    append_str(&w, "garbage that is not a record\r\nmore of it\r\n");
    append_response(&w, "2", "http://a.example/2", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n", PAGE,
                    sizeof PAGE - 1);
    wn_warc_reader *r = NULL;
    memory_reader m = {w.data, w.len, 0, 0, 0};
    ck_assert_int_eq(wn_warc_open(read_memory, &m, 0, &r), WN_OK);
    const wn_warc_record *rec;
    ck_assert_int_eq(wn_warc_next(r, &rec), WN_OK);
    ck_assert_uint_eq(rec->skipped_bytes, 0);
    ck_assert_int_eq(wn_warc_next(r, &rec), WN_OK);
    ck_assert_uint_eq(rec->number, 2);
    ck_assert_uint_eq(rec->skipped_bytes, strlen("garbage that is not a record\r\nmore of it\r\n"));
    ck_assert_int_eq(wn_warc_next(r, &rec), WN_OK);
    ck_assert_ptr_null(rec);
    wn_warc_free(r);
    free(w.data);
}
END_TEST

/* A page far larger than the first read of its block: the block is
 * reallocated while the record's Content-Type and Content-Encoding, which
 * live in its HTTP head, are still wanted (ASan sees a stale pointer). */
START_TEST(test_warc_big_record_keeps_http_head)
{
    bytes w = {0}, body = {0};
    append_str(&body, "<html><body><article><p>The ferry sailed at dawn.</p>");
    while (body.len < (4u << 20))
        append_str(&body, "<p>Another paragraph of the long page, to make its record large.</p>");
    append_str(&body, "</article></body></html>");
    for (int i = 0; i < 3; i++)
        append_response(&w, i == 0 ? "1" : i == 1 ? "2" : "3", "http://a.example/big",
                        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1250\r\n"
                        "Content-Encoding: identity\r\n\r\n",
                        body.data, body.len);
    wn_warc_reader *r = NULL;
    memory_reader m = {w.data, w.len, 0, 0, 0};
    ck_assert_int_eq(wn_warc_open(read_memory, &m, 0, &r), WN_OK);
    for (int i = 0; i < 3; i++) {
        const wn_warc_record *rec = NULL;
        ck_assert_int_eq(wn_warc_next(r, &rec), WN_OK);
        ck_assert_ptr_nonnull(rec);
        ck_assert_str_eq(rec->content_type, "text/html; charset=windows-1250");
        ck_assert_str_eq(rec->content_encoding, "identity");
        ck_assert_str_eq(rec->charset, "windows-1250");
        ck_assert_uint_eq(rec->payload_len, body.len);
    }
    wn_warc_free(r);
    free(w.data);
    free(body.data);
}
END_TEST

START_TEST(test_warc_cut_short)
{
    bytes w = {0};
    sample_warc(&w);
    /* Cut in the middle of record 7's block. */
    const char *seventh = find(&w, w.data, "<urn:uuid:7>");
    ck_assert_ptr_nonnull(seventh);
    size_t cut = (size_t)(seventh - w.data) + 200;
    memory_reader m = {w.data, cut, 0, 0, 0};
    seen s;
    char error[256];
    ck_assert_int_eq(read_all(&m, 0, &s, error, sizeof error), WN_ERR_CORRUPT);
    ck_assert_int_eq(s.count, 3); /* the records before the cut */
    ck_assert_msg(strstr(error, "record 8 cut short"), "%s", error);
    /* Cut in a header. */
    memory_reader m2 = {w.data, (size_t)(seventh - w.data), 0, 0, 0};
    ck_assert_int_eq(read_all(&m2, 0, &s, error, sizeof error), WN_ERR_CORRUPT);
    ck_assert_msg(strstr(error, "in its header"), "%s", error);
    /* A cut gzip member. */
    bytes gz = {0};
    append_gzip(&gz, w.data, w.len);
    memory_reader m3 = {gz.data, gz.len - 20, 0, 0, 0};
    ck_assert_int_eq(read_all(&m3, 0, &s, error, sizeof error), WN_ERR_CORRUPT);
    ck_assert_msg(strstr(error, "gzip data cut short"), "%s", error);
    /* A read error. */
    memory_reader m4 = {w.data, w.len, 0, 100, 300};
    ck_assert_int_eq(read_all(&m4, 0, &s, error, sizeof error), WN_ERR_READ);
    free(w.data);
    free(gz.data);
}
END_TEST

START_TEST(test_warc_oversized_record_skipped)
{
    bytes w = {0};
    sample_warc(&w);
    memory_reader m = {w.data, w.len, 0, 0, 0};
    seen s;
    char error[256];
    wn_warc_reader *r = NULL;
    ck_assert_int_eq(wn_warc_open(read_memory, &m, 200, &r), WN_OK);
    const wn_warc_record *rec;
    /* Every page record is over 200 bytes: each is named, none loaded. */
    for (int i = 0; i < 4; i++) {
        ck_assert_int_eq(wn_warc_next(r, &rec), WN_ERR_INPUT_TOO_LARGE);
        ck_assert_ptr_nonnull(rec);
        ck_assert_ptr_null(rec->payload);
    }
    ck_assert_int_eq(wn_warc_next(r, &rec), WN_OK);
    ck_assert_ptr_null(rec);
    wn_warc_free(r);
    (void)s;
    (void)error;
    free(w.data);
}
END_TEST

START_TEST(test_warc_response_without_type)
{
    /* A response record whose writer left out "application/http". */
    bytes w = {0}, block = {0};
    append_str(&block, "HTTP/1.0 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\n\r\n");
    append_str(&block, PAGE);
    append_record(&w, "response", "1", "http://a.example/", NULL, block.data, block.len);
    memory_reader m = {w.data, w.len, 0, 0, 0};
    seen s;
    char error[256];
    ck_assert_int_eq(read_all(&m, 0, &s, error, sizeof error), WN_OK);
    ck_assert_int_eq(s.count, 1);
    ck_assert_str_eq(s.charset[0], "windows-1252");
    free(w.data);
    free(block.data);
}
END_TEST

START_TEST(test_warc_not_warc)
{
    ck_assert(!wn_is_warc(PAGE, sizeof PAGE - 1));
    ck_assert(!wn_is_warc("WARC/2.0\r\n", 10));
    ck_assert(!wn_is_warc(NULL, 0));
    ck_assert(wn_is_warc("\r\nWARC/1.0\n", 11));
    /* A file of garbage: an error, not a hang or a crash. */
    memory_reader m = {PAGE, sizeof PAGE - 1, 0, 0, 0};
    seen s;
    char error[256];
    ck_assert_int_eq(read_all(&m, 0, &s, error, sizeof error), WN_ERR_CORRUPT);
    ck_assert_int_eq(s.count, 0);
    /* No Content-Length. */
    static const char bad[] = "WARC/1.0\r\nWARC-Type: resource\r\n\r\n<p>x</p>";
    memory_reader m2 = {bad, sizeof bad - 1, 0, 0, 0};
    ck_assert_int_eq(read_all(&m2, 0, &s, error, sizeof error), WN_ERR_CORRUPT);
    ck_assert_msg(strstr(error, "Content-Length"), "%s", error);
    /* An empty file has no records. */
    memory_reader m3 = {"", 0, 0, 0, 0};
    ck_assert_int_eq(read_all(&m3, 0, &s, error, sizeof error), WN_OK);
    ck_assert_int_eq(s.count, 0);
    ck_assert_int_eq(wn_warc_open(NULL, NULL, 0, NULL), WN_ERR_ARGUMENT);
    ck_assert_int_eq(wn_warc_next(NULL, NULL), WN_ERR_ARGUMENT);
    wn_warc_free(NULL);
}
END_TEST

Suite *wn_test_suite(void)
{
    Suite *s = suite_create("compressed");
    TCase *tc = tcase_create("pages");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_gzip_zstd_by_magic);
    tcase_add_test(tc, test_gzip_members);
    tcase_add_test(tc, test_brotli_only_when_declared);
    tcase_add_test(tc, test_content_encoding_list);
    tcase_add_test(tc, test_no_decompress_flag);
    tcase_add_test(tc, test_bomb_refused);
    tcase_add_test(tc, test_corrupt_and_cut);
    tcase_add_test(tc, test_compressed_non_pages);
    tcase_add_test(tc, test_source_fields);
    suite_add_tcase(s, tc);
    tc = tcase_create("warc");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_warc_plain);
    tcase_add_test(tc, test_warc_gzip_per_record_and_whole);
    tcase_add_test(tc, test_warc_zstd);
    tcase_add_test(tc, test_warc_garbage_between_records);
    tcase_add_test(tc, test_warc_cut_short);
    tcase_add_test(tc, test_warc_oversized_record_skipped);
    tcase_add_test(tc, test_warc_response_without_type);
    tcase_add_test(tc, test_warc_big_record_keeps_http_head);
    tcase_add_test(tc, test_warc_not_warc);
    suite_add_tcase(s, tc);
    return s;
}
