/* libFuzzer target: bytes as a WARC file (plain, gzip or zstd: the reader
 * tells which), read with a 64 KiB record limit; every page record is
 * extracted with its Content-Encoding and charset, under a 256 KiB input
 * limit (decompression bombs). The reader must end (each call consumes
 * input), never hand out a record without its strings, and every record
 * must extract or fail with a status that names a property of the data. */
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct memory {
    const uint8_t *data;
    size_t size, pos;
} memory;

/* Uneven reads, to reach the reader's buffer edges. */
static long read_memory(void *p, char *buffer, size_t len)
{
    memory *m = p;
    size_t n = m->size - m->pos;
    size_t step = 1 + (m->pos * 7919) % 4093;
    if (n > len)
        n = len;
    if (n > step)
        n = step;
    memcpy(buffer, m->data + m->pos, n);
    m->pos += n;
    return (long)n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static wn_extractor *ex;
    if (!ex) {
        wn_options opt;
        wn_options_init(&opt);
        opt.flags = WN_FLAG_COMMENTS | WN_FLAG_TITLE_IN_TEXT;
        opt.max_input_bytes = (size_t)256 << 10;
        FUZZ_REQUIRE(wn_extractor_new(&opt, &ex) == WN_OK);
    }
    (void)wn_is_warc((const char *)data, size);
    memory m = {data, size, 0};
    wn_warc_reader *reader = NULL;
    FUZZ_REQUIRE(wn_warc_open(read_memory, &m, (size_t)64 << 10, &reader) == WN_OK);
    unsigned long long last = 0;
    for (;;) {
        const wn_warc_record *rec = NULL;
        wn_status st = wn_warc_next(reader, &rec);
        if (st == WN_OK && !rec)
            break;
        if (st != WN_OK && st != WN_ERR_INPUT_TOO_LARGE) {
            FUZZ_REQUIRE(st == WN_ERR_CORRUPT || st == WN_ERR_NOMEM);
            FUZZ_REQUIRE(rec == NULL);
            FUZZ_REQUIRE(*wn_warc_error(reader) != '\0');
            /* An error is final. */
            FUZZ_REQUIRE(wn_warc_next(reader, &rec) == st && rec == NULL);
            break;
        }
        FUZZ_REQUIRE(rec != NULL);
        FUZZ_REQUIRE(rec->number > last);
        last = rec->number;
        FUZZ_REQUIRE(rec->type && rec->record_id && rec->target_uri && rec->content_type);
        FUZZ_REQUIRE(strcmp(rec->type, "response") == 0 || strcmp(rec->type, "resource") == 0);
        if (st == WN_ERR_INPUT_TOO_LARGE) {
            FUZZ_REQUIRE(rec->payload == NULL);
            continue;
        }
        FUZZ_REQUIRE(rec->payload != NULL && rec->payload_len <= ((size_t)64 << 10));
        wn_source src;
        wn_source_init(&src);
        src.charset_hint = rec->charset;
        src.url = rec->target_uri;
        src.content_encoding = rec->content_encoding;
        src.record_id = rec->record_id;
        wn_result *res = NULL;
        st = wn_extract_source(ex, rec->payload, rec->payload_len, &src, &res);
        if (st == WN_OK) {
            fuzz_check_result(res, 0);
            wn_result_free(res);
        } else {
            FUZZ_REQUIRE(res == NULL);
            FUZZ_REQUIRE(st == WN_ERR_NOT_HTML || st == WN_ERR_CORRUPT ||
                         st == WN_ERR_DECOMPRESSED_TOO_LARGE || st == WN_ERR_CHARSET);
        }
    }
    wn_warc_free(reader);
    return 0;
}
