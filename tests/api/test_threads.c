/* One extractor shared by several threads: every thread's output must match
 * a single-threaded reference byte for byte. Public header only. */
#include "winnow.h"

#include <pthread.h>
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

Suite *wn_test_suite(void)
{
    Suite *s = suite_create("threads");
    TCase *tc = tcase_create("shared");
    tcase_add_test(tc, test_shared_extractor);
    tcase_set_timeout(tc, 120);
    suite_add_tcase(s, tc);
    return s;
}
