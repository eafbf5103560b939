/* One extractor shared by several threads: every thread's output must match
 * a single-threaded reference byte for byte. Public header only. */
#include "winnow.h"

#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runner.h"

enum { THREADS = 4, ROUNDS = 50 };

#define PARA "The committee met on Tuesday to discuss the new budget, and after a long debate it " \
             "approved the plan by a narrow margin of seven votes to five."
#define ZH "北京时间昨天晚上，国家统计局发布了最新的经济数据。数据显示，今年前三个季度，全国居民人均" \
           "可支配收入继续增长，城镇和农村居民收入差距进一步缩小。专家认为，消费市场总体保持稳定。"

typedef struct page {
    const char *bytes;
    size_t len;
    const char *hint;
} page;

#define PAGE(s, hint) {s, sizeof(s) - 1, hint}

static const page PAGES[] = {
    PAGE("<html><head><title>News</title></head><body><nav><a href=/>Home</a> <a href=/x>Sport</a></nav>"
         "<div class=article><h1>Budget</h1><p>" PARA "</p><p>" PARA "</p><table><tr><td>a</td><td>b</td>"
         "</tr></table><ul><li>one</li><li>two</li></ul></div><footer>Copyright</footer></body></html>",
         NULL),
    PAGE("<html><head><meta charset=utf-8><title>秋天</title></head><body><div><h1>标题</h1><p>" ZH
         "</p><p>" ZH "</p><p>上一篇：<a href=/1>旧文章</a></p><h3>相关推荐</h3><ul><li><a href=/2>"
         "推荐文章一</a></li><li><a href=/3>推荐文章二</a></li></ul></div></body></html>",
         NULL),
    /* GBK bytes for 你好，世界。 repeated, declared by the transport. */
    PAGE("<html><body><p>\xC4\xE3\xBA\xC3\xA3\xAC\xCA\xC0\xBD\xE7\xA1\xA3\xC4\xE3\xBA\xC3\xA3\xAC"
         "\xCA\xC0\xBD\xE7\xA1\xA3</p></body></html>",
         "gbk"),
    PAGE("<div class=\"comments\"><h3>3 Comments</h3><p>" PARA "</p></div><div><p>" PARA "</p></div>", NULL),
    PAGE("", NULL),
};

enum { NPAGES = sizeof PAGES / sizeof PAGES[0] };

typedef struct output {
    char *xml, *text;
    char *charset;
} output;

static void run_one(const wn_extractor *ex, const page *p, output *out)
{
    wn_result *res = NULL;
    wn_status st = wn_extract(ex, p->bytes, p->len, p->hint, "http://example.com/", &res);
    out->xml = out->text = out->charset = NULL;
    if (st != WN_OK)
        return;
    const char *xml = wn_result_xml(res, NULL);
    const char *text = wn_result_text(res, NULL);
    out->xml = xml ? strdup(xml) : NULL;
    out->text = text ? strdup(text) : NULL;
    out->charset = strdup(wn_result_charset(res));
    wn_result_free(res);
}

static void output_free(output *o)
{
    free(o->xml);
    free(o->text);
    free(o->charset);
}

typedef struct worker {
    const wn_extractor *ex;
    const output *reference;
    unsigned id;
    unsigned mismatches;
    unsigned done;
} worker;

static void *work(void *arg)
{
    worker *w = arg;
    for (unsigned round = 0; round < ROUNDS; round++) {
        for (unsigned k = 0; k < NPAGES; k++) {
            /* Each thread walks the pages in its own order. */
            unsigned i = (k + w->id + round) % NPAGES;
            output o;
            run_one(w->ex, &PAGES[i], &o);
            const output *r = &w->reference[i];
            if (!o.xml || !o.text || strcmp(o.xml, r->xml) != 0 || strcmp(o.text, r->text) != 0 ||
                strcmp(o.charset, r->charset) != 0)
                w->mismatches++;
            w->done++;
            output_free(&o);
        }
    }
    return NULL;
}

START_TEST(test_shared_extractor)
{
    wn_options options;
    wn_options_init(&options);
    options.flags = WN_FLAG_COMMENTS | WN_FLAG_TITLE_IN_TEXT;
    wn_extractor *ex = NULL;
    ck_assert_int_eq(wn_extractor_new(&options, &ex), WN_OK);

    output reference[NPAGES];
    for (unsigned i = 0; i < NPAGES; i++) {
        run_one(ex, &PAGES[i], &reference[i]);
        ck_assert_msg(reference[i].xml && reference[i].text, "page %u failed single-threaded", i);
    }
    /* The pages are not trivial: the references differ. */
    ck_assert_str_ne(reference[0].text, reference[1].text);
    ck_assert_str_eq(reference[2].charset, "GB18030");

    pthread_t threads[THREADS];
    worker workers[THREADS];
    for (unsigned t = 0; t < THREADS; t++) {
        workers[t] = (worker){ex, reference, t, 0, 0};
        ck_assert_int_eq(pthread_create(&threads[t], NULL, work, &workers[t]), 0);
    }
    for (unsigned t = 0; t < THREADS; t++)
        ck_assert_int_eq(pthread_join(threads[t], NULL), 0);
    for (unsigned t = 0; t < THREADS; t++) {
        ck_assert_uint_eq(workers[t].done, ROUNDS * NPAGES);
        ck_assert_msg(workers[t].mismatches == 0, "thread %u: %u outputs differ from the reference", t,
                      workers[t].mismatches);
    }
    for (unsigned i = 0; i < NPAGES; i++)
        output_free(&reference[i]);
    wn_extractor_free(ex);
}
END_TEST

/* ---- the corpus, many threads on one extractor ----
 *
 * Every page of corpus/pages, each extracted twice over by THREADS_CORPUS
 * threads pulling work from a shared counter, compared with a
 * single-threaded reference in every rendering. Short enough for the
 * ThreadSanitizer build (tools/run-tests.sh), which runs it. */

enum { THREADS_CORPUS = 8, CORPUS_ROUNDS = 2, MAX_PAGES = 512 };

typedef struct corpus_page {
    char *bytes;
    size_t len;
    char *xml, *text, *json;
} corpus_page;

typedef struct corpus {
    const wn_extractor *ex;
    corpus_page *pages;
    size_t count;
    pthread_mutex_t lock;
    size_t next;       /* the next work item: page next % count */
    size_t mismatches;
    size_t done;
} corpus;

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (n == cap)
            buf = realloc(buf, cap *= 2);
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    fclose(f);
    *len = n;
    return buf;
}

static int render_all(const wn_extractor *ex, const corpus_page *p, char **xml, char **text,
                      char **json)
{
    wn_result *res = NULL;
    if (wn_extract(ex, p->bytes, p->len, NULL, "http://example.com/page", &res) != WN_OK)
        return -1;
    *xml = strdup(wn_result_xml(res, NULL));
    *text = strdup(wn_result_text(res, NULL));
    *json = strdup(wn_result_json(res, NULL));
    wn_result_free(res);
    return 0;
}

static void *corpus_work(void *arg)
{
    corpus *c = arg;
    for (;;) {
        pthread_mutex_lock(&c->lock);
        size_t item = c->next++;
        pthread_mutex_unlock(&c->lock);
        if (item >= c->count * CORPUS_ROUNDS)
            return NULL;
        const corpus_page *p = &c->pages[item % c->count];
        char *xml = NULL, *text = NULL, *json = NULL;
        int bad = render_all(c->ex, p, &xml, &text, &json) != 0 || strcmp(xml, p->xml) != 0 ||
                  strcmp(text, p->text) != 0 || strcmp(json, p->json) != 0;
        free(xml);
        free(text);
        free(json);
        pthread_mutex_lock(&c->lock);
        c->mismatches += (size_t)bad;
        c->done++;
        pthread_mutex_unlock(&c->lock);
    }
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

START_TEST(test_corpus_shared_extractor)
{
    DIR *d = opendir(WN_CORPUS_PAGES);
    ck_assert_msg(d != NULL, "cannot open %s", WN_CORPUS_PAGES);
    char *names[MAX_PAGES];
    size_t count = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && count < MAX_PAGES) {
        size_t n = strlen(e->d_name);
        if (n > 5 && strcmp(e->d_name + n - 5, ".html") == 0)
            names[count++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, count, sizeof names[0], by_name);
    ck_assert_msg(count >= 20, "only %zu corpus pages", count);
    /* Under valgrind (WINNOW_TEST_SCALE < 1) a part of the corpus. */
    const char *scale = getenv("WINNOW_TEST_SCALE");
    if (scale && atof(scale) > 0 && atof(scale) < 1) {
        size_t keep = (size_t)((double)count * atof(scale));
        keep = keep < 8 ? 8 : keep;
        while (count > keep)
            free(names[--count]);
    }

    wn_options options;
    wn_options_init(&options);
    options.flags = WN_FLAG_COMMENTS;
    wn_extractor *ex = NULL;
    ck_assert_int_eq(wn_extractor_new(&options, &ex), WN_OK);
    corpus c = {ex, calloc(count, sizeof(corpus_page)), count, PTHREAD_MUTEX_INITIALIZER, 0, 0, 0};
    for (size_t i = 0; i < count; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", WN_CORPUS_PAGES, names[i]);
        c.pages[i].bytes = read_file(path, &c.pages[i].len);
        ck_assert_msg(c.pages[i].bytes != NULL, "cannot read %s", path);
        ck_assert_msg(render_all(ex, &c.pages[i], &c.pages[i].xml, &c.pages[i].text, &c.pages[i].json) == 0,
                      "%s fails single-threaded", names[i]);
    }
    pthread_t threads[THREADS_CORPUS];
    for (unsigned t = 0; t < THREADS_CORPUS; t++)
        ck_assert_int_eq(pthread_create(&threads[t], NULL, corpus_work, &c), 0);
    for (unsigned t = 0; t < THREADS_CORPUS; t++)
        ck_assert_int_eq(pthread_join(threads[t], NULL), 0);
    ck_assert_uint_eq(c.done, count * CORPUS_ROUNDS);
    ck_assert_msg(c.mismatches == 0, "%zu outputs differ from the single-threaded ones", c.mismatches);
    for (size_t i = 0; i < count; i++) {
        free(c.pages[i].bytes);
        free(c.pages[i].xml);
        free(c.pages[i].text);
        free(c.pages[i].json);
        free(names[i]);
    }
    free(c.pages);
    wn_extractor_free(ex);
}
END_TEST

Suite *wn_test_suite(void)
{
    Suite *s = suite_create("threads");
    TCase *tc = tcase_create("shared");
    tcase_add_test(tc, test_shared_extractor);
    tcase_add_test(tc, test_corpus_shared_extractor);
    tcase_set_timeout(tc, 600);
    suite_add_tcase(s, tc);
    return s;
}
