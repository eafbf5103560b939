/* libFuzzer target: raw bytes as a page, default limits, every output.
 * The extractor keeps the explain tree and the comment thread and puts the
 * title in the text, so every renderer runs. With default limits and no
 * hint, every input must extract (WN_OK), unless it is not a page
 * (WN_ERR_NOT_HTML, exactly when wn_not_html_reason() names what it is) or
 * is bad gzip/zstd data (WN_ERR_CORRUPT, or too large decompressed). */
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static wn_extractor *ex;
    if (!ex) {
        wn_options opt;
        wn_options_init(&opt);
        opt.flags = WN_FLAG_EXPLAIN | WN_FLAG_COMMENTS | WN_FLAG_TITLE_IN_TEXT | WN_FLAG_LINKS |
                    WN_FLAG_IMAGES | WN_FLAG_FORMATTING;
        FUZZ_REQUIRE(wn_extractor_new(&opt, &ex) == WN_OK);
    }
    wn_result *res = NULL;
    wn_status st = wn_extract(ex, (const char *)data, size, NULL, NULL, &res);
    /* gzip and zstd data are decompressed: bad data fails as such, before
     * anything is sniffed. */
    int compressed = (size >= 2 && data[0] == 0x1F && data[1] == 0x8B) ||
                     (size >= 4 && memcmp(data, "\x28\xB5\x2F\xFD", 4) == 0);
    if (compressed && (st == WN_ERR_CORRUPT || st == WN_ERR_DECOMPRESSED_TOO_LARGE)) {
        FUZZ_REQUIRE(res == NULL);
        return 0;
    }
    const char *not_html = wn_not_html_reason((const char *)data, size, NULL);
    FUZZ_REQUIRE((st == WN_ERR_NOT_HTML) == (not_html != NULL));
    if (st == WN_ERR_NOT_HTML) {
        FUZZ_REQUIRE(res == NULL);
        return 0;
    }
    if (st != WN_OK) {
        fprintf(stderr, "wn_extract: %s\n", wn_status_message(st));
        abort();
    }
    fuzz_check_result(res, 1);
    wn_result_free(res);
    return 0;
}
