/* winnow-bench: how fast is winnow next to a bare Gumbo parse, where does
 * its time go, and how much memory does a page take?
 *
 *   winnow-bench SET_DIR [--passes N] [--threads LIST] [--no-memory] [--no-trafilatura]
 *                [--no-budget]
 *
 * --no-budget turns off the parse's CPU budget (wn_options.parse_ms_per_mib):
 * under valgrind a big page's parse may pass it and be parsed again
 * flattened, which changes what is counted from run to run.
 *
 * Loads every SET_DIR/pages/<name>.html into memory, then for each pass times
 * (a) gumbo_parse_with_options() + gumbo_destroy_output() on the raw bytes and
 * (b) wn_extract() + wn_result_text() + wn_result_xml() + wn_result_free(),
 * both single-threaded over all pages. The two measurements alternate pass by
 * pass (their order flips every pass) so that they share the machine's noise;
 * the figures reported are the medians over the passes. (b) also clocks its
 * phases (phases.h): decoding and the guard, Gumbo's parse of the guarded
 * page, and everything after the parse (rendering included), shown for the
 * pass of the median time.
 *
 * Memory: one more pass, untimed, counts the heap (every malloc of the
 * process, through a counting malloc) page by page: the peak above what was
 * live before the page, for (a) and for (b), and what was still live after
 * it. The page's own bytes, loaded before, are not counted.
 *
 * Threads: the same preloaded pages extracted (text and XML rendered) by N
 * threads sharing one extractor, each taking the next page not yet taken,
 * for each N of --threads (default 1,2), timed in the same run (medians
 * over the passes); pages/s for each N and its ratio to the first N.
 *
 * trafilatura: when python3 can import it, its extract() is timed on the
 * same pages, preloaded, in one process, as many passes (median).
 */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <gumbo.h>

#include "winnow.h"

#include "eval/fsutil.h"
#include "phases.h"

/* ---- the counting malloc ----
 * Every allocation of the process goes through these while `counting` is
 * on; glibc's own allocator does the work. Left out under the sanitizers,
 * which bring their own malloc (the memory figures are then not shown). */
#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) || \
    __has_feature(thread_sanitizer)
#define BENCH_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define BENCH_SANITIZED 1
#endif
#if defined(__GLIBC__) && !defined(BENCH_SANITIZED)
#define BENCH_COUNT_MALLOC 1
#include <malloc.h>

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *ptr, size_t size);
extern void __libc_free(void *ptr);
extern void *__libc_memalign(size_t alignment, size_t size);
extern void *__libc_valloc(size_t size);
extern void *__libc_pvalloc(size_t size);

static int counting;
static int64_t heap_live, heap_peak;

static void *counted(void *p)
{
    if (p && counting) {
        heap_live += (int64_t)malloc_usable_size(p);
        if (heap_live > heap_peak)
            heap_peak = heap_live;
    }
    return p;
}

static void uncount(void *p)
{
    if (p && counting)
        heap_live -= (int64_t)malloc_usable_size(p);
}

void *malloc(size_t size)
{
    return counted(__libc_malloc(size));
}

void *calloc(size_t count, size_t size)
{
    return counted(__libc_calloc(count, size));
}

void *realloc(void *ptr, size_t size)
{
    uncount(ptr);
    void *out = __libc_realloc(ptr, size);
    if (!out && size)
        counted(ptr); /* failed: the old block stands */
    return counted(out);
}

void free(void *ptr)
{
    uncount(ptr);
    __libc_free(ptr);
}

void *memalign(size_t alignment, size_t size)
{
    return counted(__libc_memalign(alignment, size));
}

void *aligned_alloc(size_t alignment, size_t size)
{
    return counted(__libc_memalign(alignment, size));
}

int posix_memalign(void **out, size_t alignment, size_t size)
{
    if (alignment < sizeof(void *) || (alignment & (alignment - 1)))
        return EINVAL;
    void *p = __libc_memalign(alignment, size);
    if (!p)
        return ENOMEM;
    *out = counted(p);
    return 0;
}

void *valloc(size_t size)
{
    return counted(__libc_valloc(size));
}

void *pvalloc(size_t size)
{
    return counted(__libc_pvalloc(size));
}
#endif

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

typedef struct winnow_times {
    double whole;         /* wall time of the loop */
    double decode_guard;  /* the phases, summed over the pages */
    double parse;
    double after;         /* after the parse, rendering and freeing included */
} winnow_times;

/* One page through winnow: extract, render text and XML, free. */
static int run_winnow(const wn_extractor *ex, const page *pg, wn_phase_ns *phases,
                      size_t *out_bytes)
{
    wn_result *res = NULL;
    if (wn_extract_phased(ex, pg->bytes, pg->len, phases, &res) != WN_OK)
        return -1;
    size_t text_len = 0, xml_len = 0;
    int rc = wn_result_text(res, &text_len) && wn_result_xml(res, &xml_len) ? 0 : -1;
    *out_bytes += text_len + xml_len;
    wn_result_free(res);
    return rc;
}

static winnow_times time_winnow(const page_set *set, const wn_extractor *ex, size_t *failed,
                                size_t *out_bytes)
{
    winnow_times t;
    wn_phase_ns phases = {0, 0, 0};
    *failed = 0;
    *out_bytes = 0;
    double render = 0;
    double t0 = now_seconds();
    for (size_t i = 0; i < set->n; i++) {
        uint64_t before = phases.decode_guard + phases.parse + phases.after;
        double p0 = now_seconds();
        if (run_winnow(ex, &set->v[i], &phases, out_bytes) != 0)
            (*failed)++;
        /* what the phase clock did not see: rendering, freeing the result */
        render += now_seconds() - p0 -
                  (double)(phases.decode_guard + phases.parse + phases.after - before) * 1e-9;
    }
    t.whole = now_seconds() - t0;
    t.decode_guard = (double)phases.decode_guard * 1e-9;
    t.parse = (double)phases.parse * 1e-9;
    t.after = (double)phases.after * 1e-9 + render;
    return t;
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

/* ---- threads sharing one extractor ---- */

#define MAX_THREAD_COUNTS 8
#define MAX_THREADS 64

typedef struct thread_run {
    const page_set *set;
    const wn_extractor *ex;
    atomic_size_t next;     /* the next page to take */
    atomic_size_t failed;
} thread_run;

static void *thread_main(void *arg)
{
    thread_run *run = arg;
    size_t out_bytes = 0;
    for (;;) {
        size_t i = atomic_fetch_add(&run->next, 1);
        if (i >= run->set->n)
            break;
        wn_result *res = NULL;
        size_t text_len = 0, xml_len = 0;
        if (wn_extract(run->ex, run->set->v[i].bytes, run->set->v[i].len, NULL, NULL, &res) != WN_OK ||
            !wn_result_text(res, &text_len) || !wn_result_xml(res, &xml_len))
            atomic_fetch_add(&run->failed, 1);
        out_bytes += text_len + xml_len;
        wn_result_free(res);
    }
    (void)out_bytes;
    return NULL;
}

/* Seconds for `threads` threads to extract every page once (negative when
 * a thread could not be started). */
static double time_threads(const page_set *set, const wn_extractor *ex, unsigned threads,
                           size_t *failed)
{
    thread_run run;
    run.set = set;
    run.ex = ex;
    atomic_init(&run.next, 0);
    atomic_init(&run.failed, 0);
    pthread_t tid[MAX_THREADS];
    unsigned started = 0;
    double t0 = now_seconds();
    for (; started < threads; started++)
        if (pthread_create(&tid[started], NULL, thread_main, &run) != 0)
            break;
    for (unsigned k = 0; k < started; k++)
        pthread_join(tid[k], NULL);
    double t = now_seconds() - t0;
    *failed = atomic_load(&run.failed);
    return started == threads ? t : -1;
}

/* "1,2" -> {1, 2}; 0 on a bad list. */
static unsigned parse_thread_list(const char *list, unsigned *counts)
{
    unsigned n = 0;
    const char *p = list;
    while (*p) {
        char *end;
        errno = 0;
        long v = strtol(p, &end, 10);
        if (errno || end == p || v < 1 || v > MAX_THREADS || n == MAX_THREAD_COUNTS)
            return 0;
        counts[n++] = (unsigned)v;
        if (*end == ',')
            end++;
        else if (*end)
            return 0;
        p = end;
    }
    return n;
}

static void report_threads(const page_set *set, const wn_extractor *ex, long passes,
                           const unsigned *counts, unsigned n_counts)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    printf("threads  one extractor shared, every page extracted + text + XML once a pass"
           " (median of %ld; %ld cores online)\n", passes, cores);
    double first = 0;
    double *v = calloc((size_t)passes, sizeof *v);
    if (!v)
        return;
    for (unsigned c = 0; c < n_counts; c++) {
        size_t failed = 0, f = 0;
        int ok = 1;
        for (long p = 0; p < passes; p++) {
            v[p] = time_threads(set, ex, counts[c], &f);
            failed += f;
            if (v[p] < 0)
                ok = 0;
        }
        if (!ok) {
            printf("         -j %-3u could not start its threads\n", counts[c]);
            continue;
        }
        double t = median(v, (size_t)passes);
        double rate = t > 0 ? (double)set->n / t : 0.0;
        if (c == 0)
            first = rate;
        printf("         -j %-3u %8.3f s %9.1f pages/s", counts[c], t, rate);
        if (c > 0 && first > 0)
            printf("   %.2fx -j %u", rate / first, counts[0]);
        if (failed)
            printf("   (%zu failed)", failed);
        printf("\n");
    }
    free(v);
}

/* ---- memory, page by page ---- */

#ifdef BENCH_COUNT_MALLOC
typedef struct page_memory {
    double gumbo, winnow;    /* peak heap above the page's start, bytes */
    int64_t gumbo_left, winnow_left;  /* still live after the page */
} page_memory;

static void count_start(void)
{
    heap_live = heap_peak = 0;
    counting = 1;
}

static int64_t count_stop(int64_t *left)
{
    counting = 0;
    *left = heap_live;
    return heap_peak;
}

static int cmp_ratio(const void *a, const void *b)
{
    const page_memory *x = a, *y = b;
    double rx = x->gumbo > 0 ? x->winnow / x->gumbo : 0, ry = y->gumbo > 0 ? y->winnow / y->gumbo : 0;
    return (rx > ry) - (rx < ry);
}

static void report_memory(const page_set *set, const wn_extractor *ex)
{
    page_memory *m = calloc(set->n, sizeof *m);
    if (!m)
        return;
    double gumbo_sum = 0, winnow_sum = 0, gumbo_max = 0, winnow_max = 0;
    size_t held_gumbo = 0, held_winnow = 0, failed = 0;
    size_t worst = 0;
    double worst_ratio = 0;
    for (size_t i = 0; i < set->n; i++) {
        const page *pg = &set->v[i];
        count_start();
        GumboOutput *out = gumbo_parse_with_options(&kGumboDefaultOptions, pg->bytes, pg->len);
        if (out)
            gumbo_destroy_output(&kGumboDefaultOptions, out);
        m[i].gumbo = (double)count_stop(&m[i].gumbo_left);
        size_t out_bytes = 0;
        wn_phase_ns phases = {0, 0, 0};
        count_start();
        if (run_winnow(ex, pg, &phases, &out_bytes) != 0)
            failed++;
        m[i].winnow = (double)count_stop(&m[i].winnow_left);
        held_gumbo += m[i].gumbo_left != 0;
        held_winnow += m[i].winnow_left != 0;
        gumbo_sum += m[i].gumbo;
        winnow_sum += m[i].winnow;
        if (m[i].gumbo > gumbo_max)
            gumbo_max = m[i].gumbo;
        if (m[i].winnow > winnow_max)
            winnow_max = m[i].winnow;
        double ratio = m[i].gumbo > 0 ? m[i].winnow / m[i].gumbo : 0;
        if (ratio > worst_ratio) {
            worst_ratio = ratio;
            worst = i;
        }
    }
    const char *worst_name = set->v[worst].name;
    double worst_in = (double)set->v[worst].len;
    double worst_g = m[worst].gumbo, worst_w = m[worst].winnow;
    qsort(m, set->n, sizeof *m, cmp_ratio);
    const page_memory *mid = &m[set->n / 2];
    double in = (double)set->bytes;
    printf("memory   peak heap per page above what was live before it (every malloc counted)\n");
    printf("         %-14s %9s %9s %13s\n", "", "mean MB", "max MB", "bytes/input B");
    printf("         %-14s %9.2f %9.2f %13.2f\n", "gumbo alone", gumbo_sum / (double)set->n / 1e6,
           gumbo_max / 1e6, gumbo_sum / in);
    printf("         %-14s %9.2f %9.2f %13.2f\n", "winnow", winnow_sum / (double)set->n / 1e6,
           winnow_max / 1e6, winnow_sum / in);
    printf("         winnow/gumbo: all pages %.2f, median page %.2f, worst page %.2f"
           " (%s: %.0f KB in, gumbo %.2f MB, winnow %.2f MB)\n",
           gumbo_sum > 0 ? winnow_sum / gumbo_sum : 0.0,
           mid->gumbo > 0 ? mid->winnow / mid->gumbo : 0.0, worst_ratio, worst_name,
           worst_in / 1e3, worst_g / 1e6, worst_w / 1e6);
    printf("         returned after each page: gumbo %s, winnow %s%s\n",
           held_gumbo ? "NO" : "yes", held_winnow ? "NO" : "yes", failed ? " (some pages failed)" : "");
    if (held_gumbo || held_winnow)
        printf("         pages that left heap bytes live: gumbo %zu, winnow %zu\n", held_gumbo,
               held_winnow);
    free(m);
}
#endif

/* ---- trafilatura in the same run ---- */

static const char TRAFILATURA_PY[] =
    "import glob, os, sys, time\n"
    "try:\n"
    "    import trafilatura\n"
    "except ImportError:\n"
    "    sys.exit(3)\n"
    "pages = [open(p, 'rb').read() for p in sorted(glob.glob(os.path.join(sys.argv[1], 'pages', '*.html')))]\n"
    "times = []\n"
    "for _ in range(int(sys.argv[2])):\n"
    "    t0 = time.perf_counter()\n"
    "    for b in pages:\n"
    "        trafilatura.extract(b)\n"
    "    times.append(time.perf_counter() - t0)\n"
    "times.sort()\n"
    "n = len(times)\n"
    "print(len(pages), times[n // 2] if n % 2 else (times[n // 2 - 1] + times[n // 2]) / 2,\n"
    "      trafilatura.__version__)\n";

/* Seconds per pass of trafilatura over the set (median of `passes`), or a
 * negative number: -3 when python3 cannot import it, -1 on other failures. */
static double time_trafilatura(const char *set_dir, long passes, char *version, size_t version_size)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    if (pid == 0) {
        char passes_arg[24];
        snprintf(passes_arg, sizeof passes_arg, "%ld", passes);
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        execlp("python3", "python3", "-c", TRAFILATURA_PY, set_dir, passes_arg, (char *)NULL);
        _exit(127);
    }
    close(fds[1]);
    char line[256];
    size_t got = 0;
    ssize_t r;
    while (got < sizeof line - 1 && (r = read(fds[0], line + got, sizeof line - 1 - got)) > 0)
        got += (size_t)r;
    line[got] = 0;
    close(fds[0]);
    int status = 0;
    if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status))
        return -1;
    if (WEXITSTATUS(status) == 3)
        return -3;
    if (WEXITSTATUS(status) != 0)
        return -1;
    size_t pages = 0;
    double sec = 0;
    char ver[64] = "";
    if (sscanf(line, "%zu %lf %63s", &pages, &sec, ver) < 2)
        return -1;
    snprintf(version, version_size, "%s", ver);
    return sec;
}

static void usage(FILE *out)
{
    fprintf(out, "usage: " PROG " SET_DIR [--passes N] [--threads LIST] [--no-memory]"
                 " [--no-trafilatura] [--no-budget]\n"
                 "  N in 1..1000, default 3; LIST: thread counts, e.g. 1,2 (the default),"
                 " or 0 for none\n");
}

static void report(const char *what, double sec, const page_set *set, double whole)
{
    printf("%-22s %8.3f s %9.1f pages/s %8.2f MB/s", what, sec,
           sec > 0 ? (double)set->n / sec : 0.0,
           sec > 0 ? (double)set->bytes / 1e6 / sec : 0.0);
    if (whole > 0)
        printf("  %5.1f%%", 100.0 * sec / whole);
    printf("\n");
}

int main(int argc, char **argv)
{
    const char *set_dir = NULL;
    long passes = 3;
    int trafilatura = 1, memory = 1, budget = 1;
    unsigned thread_counts[MAX_THREAD_COUNTS] = {1, 2};
    unsigned n_thread_counts = 2;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char *value = NULL;
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(arg, "--no-budget") == 0) {
            budget = 0;
        } else if (strcmp(arg, "--no-memory") == 0) {
            memory = 0;
        } else if (strcmp(arg, "--no-trafilatura") == 0) {
            trafilatura = 0;
        } else if (strcmp(arg, "--threads") == 0 || strncmp(arg, "--threads=", 10) == 0) {
            const char *list = arg[9] == '=' ? arg + 10 : (i + 1 < argc ? argv[++i] : NULL);
            if (list && strcmp(list, "0") == 0) {
                n_thread_counts = 0;
            } else if (!list || !(n_thread_counts = parse_thread_list(list, thread_counts))) {
                fprintf(stderr, PROG ": bad --threads %s\n", list ? list : "");
                usage(stderr);
                return 2;
            }
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
    wn_options options;
    wn_options_init(&options);
    if (!budget)
        options.parse_ms_per_mib = 0;
    wn_status status = wn_extractor_new(&options, &ex);
    if (status != WN_OK) {
        fprintf(stderr, PROG ": cannot create the extractor: %s\n", wn_status_message(status));
        free_pages(&set);
        return 1;
    }
    double *gumbo = calloc((size_t)passes * 5, sizeof *gumbo);
    if (!gumbo) {
        fprintf(stderr, PROG ": out of memory\n");
        wn_extractor_free(ex);
        free_pages(&set);
        return 1;
    }
    double *whole = gumbo + passes, *decode_guard = whole + passes, *parse = decode_guard + passes,
           *after = parse + passes;

    size_t failed = 0, out_bytes = 0;
    for (long p = 0; p < passes; p++) {
        winnow_times t;
        if (p % 2 == 0) {
            gumbo[p] = time_gumbo(&set);
            t = time_winnow(&set, ex, &failed, &out_bytes);
        } else {
            t = time_winnow(&set, ex, &failed, &out_bytes);
            gumbo[p] = time_gumbo(&set);
        }
        whole[p] = t.whole;
        decode_guard[p] = t.decode_guard;
        parse[p] = t.parse;
        after[p] = t.after;
    }
    size_t n = (size_t)passes;
    /* The phases of the pass whose whole time is the median (the upper one
     * of an even count), so that they add up to it. */
    size_t mid = 0;
    for (size_t p = 0, below_best = 0; p < n; p++) {
        size_t below = 0;
        for (size_t q = 0; q < n; q++)
            below += whole[q] < whole[p];
        if (below <= n / 2 && (p == 0 || below > below_best)) {
            mid = p;
            below_best = below;
        }
    }
    double dg = decode_guard[mid], pa = parse[mid], af = after[mid];
    double g = median(gumbo, n), w = median(whole, n);

    struct rusage ru;
    memset(&ru, 0, sizeof ru);
    getrusage(RUSAGE_SELF, &ru);

    printf("set: %s  (%zu pages, %.2f MB, %ld passes, medians, 1 thread, wall clock:"
           " noisy on a busy machine)\n",
           set_dir, set.n, (double)set.bytes / 1e6, passes);
    report("gumbo (raw page)", g, &set, 0);
    report("winnow", w, &set, 0);
    report("  decode + guard", dg, &set, w);
    report("  parse (guarded page)", pa, &set, w);
    report("  after the parse", af, &set, w);
    printf("ratio    winnow/gumbo %.2f   after-parse/parse %.2f"
           "   (after the parse: blocks, scoring, content, metadata, text + XML)\n",
           g > 0 ? w / g : 0.0, pa > 0 ? af / pa : 0.0);
    printf("output   %.2f MB of text+xml per pass  failed %zu\n", (double)out_bytes / 1e6, failed);
    printf("peak RSS %.1f MiB (whole run, pages loaded)\n", (double)ru.ru_maxrss / 1024.0);
    if (n_thread_counts)
        report_threads(&set, ex, passes, thread_counts, n_thread_counts);
#ifdef BENCH_COUNT_MALLOC
    if (memory)
        report_memory(&set, ex);
#else
    if (memory)
        printf("memory   not measured in this build (sanitizers bring their own malloc)\n");
#endif
    if (trafilatura) {
        char version[64] = "";
        double t = time_trafilatura(set_dir, passes, version, sizeof version);
        if (t > 0)
            printf("trafilatura %s %8.3f s %9.1f pages/s   winnow is %.1fx faster\n", version, t,
                   (double)set.n / t, w > 0 ? t / w : 0.0);
        else if (t == -3)
            printf("trafilatura: python3 cannot import it; to time it here on the same pages"
                   " (in one process, preloaded),\n"
                   "             install it for python3 (pip install trafilatura, or"
                   " PYTHONPATH=its source tree) and run again\n");
        else
            printf("trafilatura: its run failed\n");
    }

    free(gumbo);
    wn_extractor_free(ex);
    free_pages(&set);
    return 0;
}
