/* A crawler's use of libwinnow, through winnow.h alone: one extractor made
 * once, then each fetched page handed to it with what the transport said
 * (here: files, and an optional charset), the article kept, the pages
 * without one (index, sign-in and error pages) counted and skipped.
 *
 *   crawl [--charset NAME] FILE...
 *
 * For each page with an article: a line "== TITLE (N chars, source)", then
 * its text. Build it against an installed libwinnow:
 *
 *   cc crawl.c $(pkg-config --cflags --libs winnow) -o crawl
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <winnow.h>

/* The whole file, malloc'ed; NULL on error. */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        char *grown = realloc(buf, cap * 2);
        if (!grown) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = grown;
        cap *= 2;
    }
    if (ferror(f)) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    const char *charset = NULL;
    int first = 1;
    if (argc > 2 && strcmp(argv[1], "--charset") == 0) {
        charset = argv[2];
        first = 3;
    }
    if (first >= argc) {
        fprintf(stderr, "usage: crawl [--charset NAME] FILE...\n");
        return 2;
    }

    wn_options options;
    wn_options_init(&options);
    options.max_input_bytes = (size_t)16 << 20; /* a crawler's own cap */
    wn_extractor *extractor;
    wn_status status = wn_extractor_new(&options, &extractor);
    if (status != WN_OK) {
        fprintf(stderr, "crawl: %s\n", wn_status_message(status));
        return 1;
    }

    unsigned articles = 0, skipped = 0, failed = 0;
    for (int i = first; i < argc; i++) {
        size_t len;
        char *bytes = read_file(argv[i], &len);
        if (!bytes) {
            perror(argv[i]);
            failed++;
            continue;
        }
        wn_result *result;
        status = wn_extract(extractor, bytes, len, charset, NULL, &result);
        free(bytes); /* the library never reads the input after wn_extract() */
        if (status != WN_OK) {
            fprintf(stderr, "crawl: %s: %s\n", argv[i], wn_status_message(status));
            failed++;
            continue;
        }
        if (!wn_result_has_article(result)) {
            printf("-- %s: no article (%s page)\n", argv[i],
                   wn_page_kind_name(wn_result_page_kind(result)));
            skipped++;
        } else {
            size_t text_len;
            const char *text = wn_result_text(result, &text_len);
            printf("== %s (%zu bytes, %s)\n%s", wn_result_title(result), text_len,
                   wn_article_source_name(wn_result_article_source(result)), text ? text : "");
            articles++;
        }
        wn_result_free(result);
    }
    wn_extractor_free(extractor);
    printf("-- %u articles, %u pages without one, %u failed (libwinnow %s)\n", articles, skipped,
           failed, wn_version());
    return failed ? 1 : 0;
}
