/* winnow-eval SET_DIR --meta: metadata accuracy against SET_DIR/meta.jsonl
 * ({"id", "title", "author", "date", "site", "lang"}, null when the page
 * states none). A field counts as right when both are null/empty, or when
 * both match after trimming (case-sensitive; dates on their YYYY-MM-DD part;
 * the author against the authors joined by "; "; the language on its primary
 * subtag, case-insensitive). */
#include "meta.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "fsutil.h"

#define PROG "winnow-eval"

static const struct {
    const char *key;
    wn_meta_field field;
} fields[] = {
    {"title", WN_META_TITLE}, {"author", WN_META_AUTHOR}, {"date", WN_META_DATE},
    {"site", WN_META_SITE}, {"lang", WN_META_LANG}};
#define N_FIELDS (sizeof fields / sizeof fields[0])

/* s without leading/trailing white space: start and length. */
static const char *trim(const char *s, size_t *len)
{
    size_t n = strlen(s);
    while (n && isspace((unsigned char)*s)) {
        s++;
        n--;
    }
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    *len = n;
    return s;
}

int ev_meta_matches(const char *key, const char *gold, const char *got)
{
    size_t gl = 0, pl = 0;
    gold = gold ? trim(gold, &gl) : "";
    got = got ? trim(got, &pl) : "";
    if (!gl || !pl)
        return gl == pl;
    if (strcmp(key, "date") == 0) {
        if (gl > 10)
            gl = 10;
        if (pl > 10)
            pl = 10;
    } else if (strcmp(key, "lang") == 0) {
        size_t a = strcspn(gold, "-_"), b = strcspn(got, "-_");
        return a == b && a <= gl && b <= pl && strncasecmp(gold, got, a) == 0;
    }
    return gl == pl && memcmp(gold, got, gl) == 0;
}

int ev_meta_run(const wn_extractor *ex, const char *set_dir, const char *gold_path, int per_page)
{
    char *path = gold_path ? strdup(gold_path) : ev_path_join(set_dir, "meta.jsonl", NULL);
    size_t len;
    char *file = path ? ev_read_file(path, &len) : NULL;
    if (!file) {
        fprintf(stderr, PROG ": cannot read %s\n", path ? path : "the metadata gold");
        free(path);
        return 1;
    }
    size_t right[N_FIELDS] = {0}, stated[N_FIELDS] = {0}, pages = 0, failed = 0;
    int rc = 0;
    char *line = file;
    while (line && *line) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        json_error_t error;
        json_t *row = *line ? json_loads(line, 0, &error) : NULL;
        const char *id = row ? json_string_value(json_object_get(row, "id")) : NULL;
        if (*line && (!id || !ev_id_is_safe(id, strlen(id)))) {
            fprintf(stderr, PROG ": %s: a line without a usable id\n", path);
            rc = 1;
        }
        if (id && ev_id_is_safe(id, strlen(id))) {
            char *pages_dir = ev_path_join(set_dir, "pages", NULL);
            char *page = pages_dir ? ev_path_join(pages_dir, id, ".html") : NULL;
            size_t page_len;
            char *bytes = page ? ev_read_file(page, &page_len) : NULL;
            wn_result *res = NULL;
            if (!bytes || wn_extract(ex, bytes, page_len, NULL, NULL, &res) != WN_OK) {
                fprintf(stderr, PROG ": warning: %s: not extracted (every field scored wrong)\n", id);
                failed++;
            }
            pages++;
            for (size_t f = 0; f < N_FIELDS; f++) {
                const char *gold = json_string_value(json_object_get(row, fields[f].key));
                const char *got = res ? wn_result_meta(res, fields[f].field) : NULL;
                int ok = res && ev_meta_matches(fields[f].key, gold, got);
                right[f] += ok;
                stated[f] += gold && *gold;
                if (per_page && !ok)
                    printf("  %-36s %-7s gold=%s got=%s\n", id, fields[f].key,
                           gold ? gold : "null", got && *got ? got : "null");
            }
            wn_result_free(res);
            free(bytes);
            free(page);
            free(pages_dir);
        }
        json_decref(row);
        line = nl ? nl + 1 : NULL;
    }
    printf("metadata: %s (%zu pages%s)\n", set_dir, pages, failed ? ", some not extracted" : "");
    printf("  %-8s %9s %9s\n", "field", "accuracy", "stated");
    for (size_t f = 0; f < N_FIELDS; f++)
        printf("  %-8s %8.1f%% %5zu/%zu\n", fields[f].key,
               pages ? 100.0 * (double)right[f] / (double)pages : 0.0, stated[f], pages);
    free(file);
    free(path);
    return rc || failed;
}
