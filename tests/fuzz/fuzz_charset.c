/* libFuzzer target: a charset hint and a page, under default and tiny limits.
 *
 * Input: "HINT\nPAGE". When no '\n' occurs in the first 65 bytes, there is no
 * hint and the whole input is the page. The page is extracted twice with the
 * hint: once with default options, once with small limits (input bytes, node
 * count, depth, attributes, a memory limit of a few KB, strict limits)
 * picked by the hint's length, so that the limit paths, their interplay and
 * the flattening of deep nesting are fuzzed too. */
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_HINT 64

typedef struct small_limits {
    size_t max_input_bytes, max_nodes;
    unsigned max_depth, flags;
    size_t max_memory_bytes;   /* 0: the default */
    unsigned max_attributes;   /* 0: the default */
} small_limits;

static const small_limits SMALL[] = {
    {1u << 16, 1, 1, 0, 0, 0},
    {4096, 64, 4, WN_FLAG_COMMENTS, 0, 0},
    {1u << 16, 500, 2, WN_FLAG_COMMENTS | WN_FLAG_EXPLAIN, 0, 0},
    {256, 1u << 20, 60001, WN_FLAG_EXPLAIN | WN_FLAG_TITLE_IN_TEXT, 0, 0},
    {1u << 16, 1u << 20, 8, WN_FLAG_COMMENTS, 6u << 10, 4},
    {1u << 16, 1u << 20, 8, WN_FLAG_STRICT_LIMITS, 48u << 10, 4},
};
#define NSMALL (sizeof SMALL / sizeof SMALL[0])

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static wn_extractor *plain;
    static wn_extractor *small[NSMALL];
    if (!plain) {
        FUZZ_REQUIRE(wn_extractor_new(NULL, &plain) == WN_OK);
        for (size_t i = 0; i < NSMALL; i++) {
            wn_options opt;
            wn_options_init(&opt);
            opt.max_input_bytes = SMALL[i].max_input_bytes;
            opt.max_nodes = SMALL[i].max_nodes;
            opt.max_depth = SMALL[i].max_depth;
            opt.flags = SMALL[i].flags;
            if (SMALL[i].max_memory_bytes)
                opt.max_memory_bytes = SMALL[i].max_memory_bytes;
            if (SMALL[i].max_attributes)
                opt.max_attributes = SMALL[i].max_attributes;
            FUZZ_REQUIRE(wn_extractor_new(&opt, &small[i]) == WN_OK);
        }
    }

    char hint_buf[MAX_HINT + 1];
    const char *hint = NULL;
    size_t hint_len = 0;
    const uint8_t *nl = memchr(data, '\n', size < MAX_HINT + 1 ? size : MAX_HINT + 1);
    if (nl) {
        hint_len = (size_t)(nl - data);
        memcpy(hint_buf, data, hint_len);
        hint_buf[hint_len] = '\0';
        hint = hint_buf;
        data = nl + 1;
        size -= hint_len + 1;
    }
    /* The copy makes ASan catch any read past the page's end. */
    char *page = malloc(size ? size : 1);
    FUZZ_REQUIRE(page != NULL);
    if (size)
        memcpy(page, data, size);

    wn_result *res = NULL;
    wn_status st = wn_extract(plain, page, size, hint, NULL, &res);
    /* Only an unknown hint, bytes that are not a page, or bad gzip/zstd
     * data (they are decompressed) may fail it under default limits. */
    int compressed = (size >= 2 && (uint8_t)page[0] == 0x1F && (uint8_t)page[1] == 0x8B) ||
                     (size >= 4 && memcmp(page, "\x28\xB5\x2F\xFD", 4) == 0);
    if (compressed && (st == WN_ERR_CORRUPT || st == WN_ERR_DECOMPRESSED_TOO_LARGE)) {
        FUZZ_REQUIRE(res == NULL);
        free(page);
        return 0;
    }
    const char *not_html = wn_not_html_reason(page, size, hint);
    FUZZ_REQUIRE((st == WN_ERR_NOT_HTML) == (not_html != NULL));

    if (st != WN_OK && st != WN_ERR_NOT_HTML && !(st == WN_ERR_CHARSET && hint && *hint)) {
        fprintf(stderr, "wn_extract: %s\n", wn_status_message(st));
        abort();
    }
    char charset[64] = "";
    if (st == WN_OK) {
        fuzz_check_result(res, 0);
        snprintf(charset, sizeof charset, "%s", wn_result_charset(res));
        wn_result_free(res);
    } else {
        FUZZ_REQUIRE(res == NULL);
    }

    const small_limits *lim = &SMALL[(hint ? strlen(hint) : 0) % NSMALL];
    wn_extractor *ex = small[lim - SMALL];
    wn_result *res2 = NULL;
    wn_status st2 = wn_extract(ex, page, size, hint, "http://example.com/a?b=<c>&d=\"e\"", &res2);
    if (compressed && st2 == WN_ERR_DECOMPRESSED_TOO_LARGE)
        FUZZ_REQUIRE(size <= lim->max_input_bytes); /* decompressed past a smaller limit */
    else if (size > lim->max_input_bytes)
        FUZZ_REQUIRE(st2 == WN_ERR_INPUT_TOO_LARGE);
    else if (st == WN_ERR_CHARSET || st == WN_ERR_NOT_HTML)
        FUZZ_REQUIRE(st2 == st);
    else if (lim->flags & WN_FLAG_STRICT_LIMITS)
        FUZZ_REQUIRE(st2 == WN_OK || st2 == WN_ERR_TOO_MANY_NODES || st2 == WN_ERR_MEMORY_LIMIT ||
                     st2 == WN_ERR_TOO_DEEP || st2 == WN_ERR_TOO_MANY_ATTRIBUTES ||
                     st2 == WN_ERR_WORK_LIMIT);
    else
        FUZZ_REQUIRE(st2 == WN_OK || st2 == WN_ERR_TOO_MANY_NODES ||
                     (lim->max_memory_bytes && st2 == WN_ERR_MEMORY_LIMIT));
    if (st2 == WN_OK) {
        fuzz_check_result(res2, (lim->flags & WN_FLAG_EXPLAIN) != 0);
        /* Limits do not change the decoding. */
        FUZZ_REQUIRE(strcmp(charset, wn_result_charset(res2)) == 0);
        wn_result_free(res2);
    } else {
        FUZZ_REQUIRE(res2 == NULL);
    }
    free(page);
    return 0;
}
