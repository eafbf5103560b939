/* winnow-bench: how fast is winnow next to a bare Gumbo parse?
 *
 *   winnow-bench SET_DIR [--passes N]
 *
 * Loads every SET_DIR/pages/<name>.html into memory, then for each pass times
 * (a) gumbo_parse_with_options() + gumbo_destroy_output() on the raw bytes and
 * (b) wn_extract() + wn_result_text() + wn_result_xml() + wn_result_free(),
 * both single-threaded over all pages. The two measurements alternate pass by
 * pass (their order flips every pass) so that they share the machine's noise;
 * the figures reported are the medians over the passes.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <gumbo.h>

#include "winnow.h"

#include "eval/fsutil.h"

#define PROG "winnow-bench"

typedef struct page {
    char *name;
    char *bytes;
    size_t len;
} page;

typedef struct page_set {
    page *v;
    size_t n, cap;
    size_t bytes;
} page_set;

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_page(const void *a, const void *b)
{
    return strcmp(((const page *)a)->name, ((const page *)b)->name);
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n > m && strcmp(s + n - m, suffix) == 0;
}

static void free_pages(page_set *set)
{
    for (size_t i = 0; i < set->n; i++) {
        free(set->v[i].name);
        free(set->v[i].bytes);
    }
    free(set->v);
    memset(set, 0, sizeof *set);
}

static int load_pages(const char *set_dir, page_set *set)
{
    memset(set, 0, sizeof *set);
    char *dir_path = ev_path_join(set_dir, "pages", NULL);
    if (!dir_path)
        return -1;
    DIR *dir = opendir(dir_path);
    if (!dir) {
        fprintf(stderr, PROG ": cannot open %s: %s\n", dir_path, strerror(errno));
        free(dir_path);
        return -1;
    }
    int rc = 0;
    struct dirent *ent;
    while (rc == 0 && (ent = readdir(dir)) != NULL) {
        if (ent->d_name[0] == '.' || !ends_with(ent->d_name, ".html"))
            continue;
        if (set->n == set->cap) {
            size_t cap = set->cap ? set->cap * 2 : 256;
            page *v = realloc(set->v, cap * sizeof *v);
            if (!v) {
                rc = -1;
                break;
            }
            set->v = v;
            set->cap = cap;
        }
        page *p = &set->v[set->n];
        memset(p, 0, sizeof *p);
        char *path = ev_path_join(dir_path, ent->d_name, NULL);
        p->name = path ? ev_base_name(path) : NULL;
        p->bytes = path ? ev_read_file(path, &p->len) : NULL;
        if (!p->bytes)
            fprintf(stderr, PROG ": cannot read %s: %s\n", path ? path : ent->d_name,
                    strerror(errno));
        free(path);
        set->n++;
        if (!p->name || !p->bytes)
            rc = -1;
        else
            set->bytes += p->len;
    }
    closedir(dir);
    free(dir_path);
    if (rc != 0) {
        free_pages(set);
        return -1;
    }
    if (set->n == 0) {
        fprintf(stderr, PROG ": no pages/*.html in %s\n", set_dir);
        return -1;
    }
    qsort(set->v, set->n, sizeof *set->v, cmp_page);
    return 0;
}

static double time_gumbo(const page_set *set)
{
    double t0 = now_seconds();
    for (size_t i = 0; i < set->n; i++) {
        GumboOutput *out = gumbo_parse_with_options(&kGumboDefaultOptions, set->v[i].bytes,
                                                    set->v[i].len);
        if (out)
            gumbo_destroy_output(&kGumboDefaultOptions, out);
    }
    return now_seconds() - t0;
}

static double time_winnow(const page_set *set, const wn_extractor *ex, size_t *failed,
                          size_t *out_bytes)
{
    *failed = 0;
    *out_bytes = 0;
    double t0 = now_seconds();
    for (size_t i = 0; i < set->n; i++) {
        wn_result *res = NULL;
        if (wn_extract(ex, set->v[i].bytes, set->v[i].len, NULL, NULL, &res) != WN_OK) {
            (*failed)++;
            continue;
        }
        size_t text_len = 0, xml_len = 0;
        if (!wn_result_text(res, &text_len) || !wn_result_xml(res, &xml_len))
            (*failed)++;
        *out_bytes += text_len + xml_len;
        wn_result_free(res);
    }
    return now_seconds() - t0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, size_t n)
{
    qsort(v, n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void usage(FILE *out)
{
    fprintf(out, "usage: " PROG " SET_DIR [--passes N]   (N in 1..1000, default 3)\n");
}

static void report(const char *what, double sec, const page_set *set)
{
    printf("%-8s %8.3f s  %8.1f pages/s  %7.2f MB/s\n", what, sec,
           sec > 0 ? (double)set->n / sec : 0.0,
           sec > 0 ? (double)set->bytes / 1e6 / sec : 0.0);
}

int main(int argc, char **argv)
{
    const char *set_dir = NULL;
    long passes = 3;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char *value = NULL;
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(arg, "--passes") == 0) {
            if (i + 1 >= argc) {
                usage(stderr);
                return 2;
            }
            value = argv[++i];
        } else if (strncmp(arg, "--passes=", 9) == 0) {
            value = arg + 9;
        } else if (arg[0] == '-' && arg[1] != 0) {
            fprintf(stderr, PROG ": unknown option %s\n", arg);
            usage(stderr);
            return 2;
        } else if (set_dir) {
            fprintf(stderr, PROG ": only one set, please\n");
            usage(stderr);
            return 2;
        } else {
            set_dir = arg;
        }
        if (value) {
            char *end;
            errno = 0;
            passes = strtol(value, &end, 10);
            if (errno || end == value || *end || passes < 1 || passes > 1000) {
                fprintf(stderr, PROG ": bad --passes %s\n", value);
                usage(stderr);
                return 2;
            }
        }
    }
    if (!set_dir) {
        usage(stderr);
        return 2;
    }

    page_set set;
    if (load_pages(set_dir, &set) != 0)
        return 1;
    wn_extractor *ex = NULL;
    wn_status status = wn_extractor_new(NULL, &ex);
    if (status != WN_OK) {
        fprintf(stderr, PROG ": cannot create the extractor: %s\n", wn_status_message(status));
        free_pages(&set);
        return 1;
    }
    double *gumbo = calloc((size_t)passes, sizeof *gumbo);
    double *winnow = calloc((size_t)passes, sizeof *winnow);
    if (!gumbo || !winnow) {
        fprintf(stderr, PROG ": out of memory\n");
        free(gumbo);
        free(winnow);
        wn_extractor_free(ex);
        free_pages(&set);
        return 1;
    }

    size_t failed = 0, out_bytes = 0;
    for (long p = 0; p < passes; p++) {
        if (p % 2 == 0) {
            gumbo[p] = time_gumbo(&set);
            winnow[p] = time_winnow(&set, ex, &failed, &out_bytes);
        } else {
            winnow[p] = time_winnow(&set, ex, &failed, &out_bytes);
            gumbo[p] = time_gumbo(&set);
        }
    }
    double g = median(gumbo, (size_t)passes);
    double w = median(winnow, (size_t)passes);

    struct rusage ru;
    memset(&ru, 0, sizeof ru);
    getrusage(RUSAGE_SELF, &ru);

    printf("set: %s  (%zu pages, %.2f MB, %ld passes, medians, 1 thread)\n", set_dir, set.n,
           (double)set.bytes / 1e6, passes);
    report("gumbo", g, &set);
    report("winnow", w, &set);
    printf("ratio    winnow/gumbo %.2f\n", g > 0 ? w / g : 0.0);
    printf("output   %.2f MB of text+xml per pass  failed %zu\n", (double)out_bytes / 1e6, failed);
    printf("peak RSS %.1f MiB\n", (double)ru.ru_maxrss / 1024.0);

    free(gumbo);
    free(winnow);
    wn_extractor_free(ex);
    free_pages(&set);
    return 0;
}
