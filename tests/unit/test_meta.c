/* src/meta/: each metadata source, the source order, the visible-text
 * fallbacks (and what they must not take), dates, and hostile JSON-LD. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "doc_helper.h"
#include "lexicon/date.h"
#include "meta/meta.h"
#include "runner.h"

#define P1 "<p>The footbridge over the river reopened on Thursday after six weeks of repairs, the " \
           "council said, and walkers were back on it within the hour of the opening.</p>"
#define P2 "<p>Engineers replaced two of the deck beams, which the storm in September had cracked, " \
           "and added a new handrail on the upstream side of the crossing.</p>"
#define P3 "<p>The work cost less than the council had planned, a spokesman said, because the old " \
           "railings could be repaired instead of being replaced.</p>"
#define ZP1 "<p>本市今年将新建和改造城市公园二十个，新增绿地面积约一百五十万平方米，市民出门五百米即可见到绿地的目标将基本实现。</p>"
#define ZP2 "<p>据介绍，今年的公园建设将重点向老城区倾斜，利用拆违腾退的空地建设口袋公园，方便周边居民就近休闲健身。</p>"
#define ZP3 "<p>市园林绿化局有关负责人表示，新建公园将同步配建健身步道和无障碍设施，并在年底前全部向市民开放。</p>"

typedef struct fixture {
    wn_test_doc t;
    wn_arena out;
    wn_meta m;
} fixture;

static void run(fixture *f, const char *html)
{
    wn_test_doc_scored(&f->t, html);
    wn_arena_init(&f->out, 0);
    ck_assert_int_eq(wn_meta_extract(&f->t.doc, &f->out, &f->m), WN_OK);
}

static void done(fixture *f)
{
    wn_arena_release(&f->out);
    wn_test_doc_free(&f->t);
}

static const char *field(const fixture *f, wn_meta_field which)
{
    return f->m.pub.field[which];
}

START_TEST(test_meta_tags)
{
    fixture f;
    run(&f, "<html><head><title>Bridge reopens | Larkvale Post</title>"
            "<meta property='og:title' content='Bridge reopens after repairs'>"
            "<meta property='og:site_name' content='Larkvale Post'>"
            "<meta property='article:published_time' content='2025-10-23T16:05:00+01:00'>"
            "<meta property='article:modified_time' content='2025-10-24T09:00:00Z'>"
            "<meta property='article:tag' content='bridges'><meta property='article:tag' content='council'>"
            "<meta name='keywords' content='ignored, because, article tags win'>"
            "<meta name='DC.creator' content='Ned Caister'>"
            "<meta name='description' content='  The footbridge   is open again. '>"
            "<meta property='og:image' content='https://larkvale.example/b.jpg'>"
            "<meta property='og:locale' content='en_GB'>"
            "<link rel='canonical' href='https://larkvale.example/bridge'>"
            "<link rel='license' href='https://creativecommons.org/licenses/by/4.0/'>"
            "</head><body><article><h1>Bridge reopens</h1>" P1 P2 P3 "</article></body></html>");
    ck_assert_str_eq(field(&f, WN_META_TITLE), "Bridge reopens after repairs");
    ck_assert_str_eq(field(&f, WN_META_SITE), "Larkvale Post");
    ck_assert_str_eq(field(&f, WN_META_DATE), "2025-10-23T16:05:00+01:00");
    ck_assert_str_eq(field(&f, WN_META_MODIFIED), "2025-10-24T09:00:00Z");
    ck_assert_str_eq(field(&f, WN_META_AUTHOR), "Ned Caister");
    ck_assert_str_eq(field(&f, WN_META_TAGS), "bridges, council");
    ck_assert_uint_eq(f.m.pub.tag_count, 2);
    ck_assert_str_eq(field(&f, WN_META_DESCRIPTION), "The footbridge is open again.");
    ck_assert_str_eq(field(&f, WN_META_IMAGE), "https://larkvale.example/b.jpg");
    ck_assert_str_eq(field(&f, WN_META_URL), "https://larkvale.example/bridge");
    ck_assert_str_eq(field(&f, WN_META_LICENSE), "https://creativecommons.org/licenses/by/4.0/");
    ck_assert_str_eq(field(&f, WN_META_LANG), "en-GB");
    ck_assert_str_eq(f.m.pub.lang_source, "og:locale");
    done(&f);
}
END_TEST

START_TEST(test_title_suffix_and_no_lang)
{
    fixture f;
    run(&f, "<html><head><title>新建城市公园二十个_江城日报</title></head><body><article>"
            ZP1 ZP2 ZP3 "</article></body></html>");
    ck_assert_str_eq(field(&f, WN_META_TITLE), "新建城市公园二十个");
    ck_assert_str_eq(field(&f, WN_META_SITE), "江城日报");
    ck_assert_str_eq(field(&f, WN_META_LANG), "");
    ck_assert_str_eq(f.m.pub.lang_source, "");
    ck_assert_str_eq(field(&f, WN_META_DATE), "");
    ck_assert_str_eq(field(&f, WN_META_AUTHOR), "");
    done(&f);
}
END_TEST

/* Chinese portals: the portal's own name in <meta name=author> is no author;
 * a reporter line, the dateline's 记者 and 文/ 执笔/ credits are. */
START_TEST(test_chinese_credits)
{
    fixture f;
    /* <meta author> = the first word of the <title>'s site: not an author;
     * "X记者 A B" on a line of its own: two authors */
    run(&f, "<html><head><title>新建城市公园二十个_江城新闻</title><meta name='author' content='江城'>"
            "</head><body><article><h1>新建城市公园二十个</h1><p>江城日报记者 段彦超 廖艳</p>"
            ZP1 ZP2 ZP3 "</article></body></html>");
    ck_assert_str_eq(field(&f, WN_META_AUTHOR), "段彦超; 廖艳");
    done(&f);
    /* the dateline's reporter ("...讯（记者陈智 整合）"), not the verb after him */
    run(&f, "<html><head><title>新建城市公园二十个</title></head><body><article>"
            "<h1>新建城市公园二十个</h1><p>江城网10月4日讯（记者陈智 整合） "
            "本市今年将新建和改造城市公园二十个，新增绿地面积约一百五十万平方米，市民出门五百米即可见到绿地的目标将基本实现。"
            "据介绍，今年的公园建设将重点向老城区倾斜，利用拆违腾退的空地建设口袋公园，方便周边居民就近休闲健身。</p>"
            ZP2 ZP3 "</article></body></html>");
    ck_assert_str_eq(field(&f, WN_META_AUTHOR), "陈智");
    done(&f);
    /* 执笔/ with names joined by 、 and &; a photo credit is no byline */
    run(&f, "<html><head><title>新建城市公园二十个</title></head><body><article>"
            "<h1>新建城市公园二十个</h1><p>执笔/叨叨姐、胡一刀&amp;李小飞刀</p>" ZP1
            "<p>图片记者 张蕊 摄</p>" ZP2 ZP3 "</article></body></html>");
    ck_assert_str_eq(field(&f, WN_META_AUTHOR), "叨叨姐; 胡一刀; 李小飞刀");
    done(&f);
    /* a template's "name, email@..." author and a numeric id are not names */
    run(&f, "<html><head><title>新建城市公园二十个</title><meta name='author' content='name, email@example.com'>"
            "</head><body><article><h1>新建城市公园二十个</h1>" ZP1 ZP2 ZP3 "</article></body></html>");
    ck_assert_str_eq(field(&f, WN_META_AUTHOR), "");
    done(&f);
    /* 原创 ACCOUNT only when no person is credited */
    run(&f, "<html><head><title>新建城市公园二十个</title></head><body><article>"
            "<h1>新建城市公园二十个</h1><div>原创 江城日报 2019-09-09 16:01:46</div>" ZP1 ZP2 ZP3
            "<p>采写：江城日报见习记者 林子沛</p></article></body></html>");
    ck_assert_str_eq(field(&f, WN_META_AUTHOR), "林子沛");
    ck_assert_str_eq(field(&f, WN_META_DATE), "2019-09-09T16:01:46");
    done(&f);
    run(&f, "<html><head><title>新建城市公园二十个</title></head><body><article>"
            "<h1>新建城市公园二十个</h1><div>原创 GameForce 2019-09-04 22:18:34</div>" ZP1 ZP2 ZP3
            "</article></body></html>");
    ck_assert_str_eq(field(&f, WN_META_AUTHOR), "GameForce");
    done(&f);
}
END_TEST

/* Dates without a year take it from a date the page declares for that day;
 * a date element in an entry footer between headline and text counts. */
START_TEST(test_yearless_and_header_dates)
{
    fixture f;
    run(&f, "<html><head><title>新建城市公园二十个</title>"
            "<meta name='dateUpdate' content='2019-10-08 12:00:57'></head><body><article>"
            "<h1>新建城市公园二十个</h1><div>发布时间：10-0812:00</div>" ZP1 ZP2 ZP3
            "</article></body></html>");
    ck_assert_str_eq(field(&f, WN_META_DATE), "2019-10-08T12:00:00");
    done(&f);
    /* no declared date of that day: no year, no date */
    run(&f, "<html><head><title>新建城市公园二十个</title>"
            "<meta name='dateUpdate' content='2019-10-09 12:00:57'></head><body><article>"
            "<h1>新建城市公园二十个</h1><div>发布时间：10-08 12:00</div>" ZP1 ZP2 ZP3
            "</article></body></html>");
    ck_assert_str_eq(field(&f, WN_META_DATE), "");
    done(&f);
    run(&f, "<html><head><title>新建城市公园二十个</title></head><body><div class='post'>"
            "<h2>新建城市公园二十个</h2><h6 class='post-footer'><a class='post-date'>2019年09月11日</a>"
            " 江城日报</h6><div class='entry'>" ZP1 ZP2 ZP3 "</div></div>"
            "<div class='footer'><span class='date'>2020-01-01</span></div></body></html>");
    ck_assert_str_eq(field(&f, WN_META_DATE), "2019-09-11");
    done(&f);
    /* a masthead's today's-date clock gives way to the dated and timed line */
    run(&f, "<html><head><title>新建城市公园二十个</title></head><body><div class='top'>"
            "<span>2021年10月7日 星期四</span></div><div class='c'><div class='t'>新建城市公园二十个</div>"
            "<div>2020-11-23 10:22:14 出处：江城网</div>" ZP1 ZP2 ZP3 "</div></body></html>");
    ck_assert_str_eq(field(&f, WN_META_DATE), "2020-11-23T10:22:14");
    done(&f);
}
END_TEST

/* The headline as shown, when the <title> holds it with more around it. */
START_TEST(test_headline_from_title)
{
    fixture f;
    run(&f, "<html><head><title>城市新闻--新建城市公园二十个-江城网</title></head><body>"
            "<div class='nav'><a>城市新闻</a></div><div class='c'><div class='t'>新建城市公园二十个</div>"
            ZP1 ZP2 ZP3 "</div></body></html>");
    ck_assert_str_eq(field(&f, WN_META_TITLE), "新建城市公园二十个");
    done(&f);
    /* an og:title that an unescaped quote cut short gives way to the headline */
    run(&f, "<html><head><title>男孩写\"救命啊\"纸团抛出_江城网</title>"
            "<meta property='og:title' content='男孩写'></head><body><article>"
            "<h1>男孩写\"救命啊\"纸团抛出</h1>" ZP1 ZP2 ZP3 "</article></body></html>");
    ck_assert_str_eq(field(&f, WN_META_TITLE), "男孩写\"救命啊\"纸团抛出");
    done(&f);
}
END_TEST

START_TEST(test_jsonld_graph_authors)
{
    fixture f;
    run(&f, "<html lang='en'><head><title>T - Site</title>"
            "<meta property='og:title' content='Loses to JSON-LD'>"
            "<meta property='article:published_time' content='2020-01-01'>"
            "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@graph\":["
            "{\"@type\":\"WebSite\",\"name\":\"Larkvale Post\"},"
            "{\"@type\":\"Person\",\"name\":\"Not An Author\"},"
            "{\"@type\":[\"NewsArticle\"],\"headline\":\"Bridge reopens\","
            "\"author\":[{\"@type\":\"Person\",\"name\":\"Ned Caister\"},\"Ada Byrne\","
            "{\"name\":\"Ned Caister\"}],"
            "\"datePublished\":\"2025-10-23T16:05:00+01:00\",\"dateModified\":\"2025-10-24\","
            "\"keywords\":[\"bridges\",\"repairs\"],\"inLanguage\":\"en-GB\","
            "\"image\":{\"@type\":\"ImageObject\",\"url\":\"https://x.example/i.jpg\"},"
            "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Larkvale Post Ltd\"}}]}"
            "</script></head><body><article><h1>Bridge reopens</h1>" P1 P2 P3
            "</article></body></html>");
    ck_assert_str_eq(field(&f, WN_META_TITLE), "Bridge reopens");
    ck_assert_uint_eq(f.m.pub.author_count, 2);
    ck_assert_str_eq(f.m.pub.authors[0], "Ned Caister");
    ck_assert_str_eq(f.m.pub.authors[1], "Ada Byrne");
    ck_assert_str_eq(field(&f, WN_META_AUTHOR), "Ned Caister; Ada Byrne");
    ck_assert_str_eq(field(&f, WN_META_DATE), "2025-10-23T16:05:00+01:00");
    ck_assert_str_eq(field(&f, WN_META_MODIFIED), "2025-10-24");
    ck_assert_str_eq(field(&f, WN_META_SITE), "Larkvale Post Ltd");
    ck_assert_str_eq(field(&f, WN_META_TAGS), "bridges, repairs");
    ck_assert_str_eq(field(&f, WN_META_IMAGE), "https://x.example/i.jpg");
    /* the declared <html lang> comes before JSON-LD inLanguage */
    ck_assert_str_eq(field(&f, WN_META_LANG), "en");
    ck_assert_str_eq(f.m.pub.lang_source, "html");
    done(&f);
}
END_TEST

START_TEST(test_microdata)
{
    fixture f;
    run(&f, "<html><body><article itemscope itemtype='https://schema.org/BlogPosting'>"
            "<h1 itemprop='headline'>Bridge reopens</h1>"
            "<div class='byline'><span itemprop='author' itemscope><span itemprop='name'>Ned Caister"
            "</span></span> <time itemprop='datePublished' datetime='2025-10-23'>Thursday</time></div>"
            P1 P2 P3 "</article></body></html>");
    ck_assert_str_eq(field(&f, WN_META_AUTHOR), "Ned Caister");
    ck_assert_str_eq(field(&f, WN_META_DATE), "2025-10-23");
    ck_assert_str_eq(field(&f, WN_META_TITLE), "Bridge reopens");
    done(&f);
}
END_TEST

START_TEST(test_chinese_byline)
{
    fixture f;
    run(&f, "<html><head><title>新建城市公园二十个</title></head><body><div class='content'>"
            "<h1>新建城市公园二十个</h1>"
            "<div class='info'>来源：新华社　作者：张三　发布时间：2024-03-05 10:21</div>"
            ZP1 ZP2 ZP3 "</div></body></html>");
    ck_assert_str_eq(field(&f, WN_META_AUTHOR), "张三");
    ck_assert_str_eq(field(&f, WN_META_SITE), "新华社");
    ck_assert_str_eq(field(&f, WN_META_DATE), "2024-03-05T10:21:00");
    done(&f);
}
END_TEST

START_TEST(test_english_byline_and_cjk_date)
{
    fixture f;
    run(&f, "<html><body><article><h1>Bridge reopens</h1>"
            "<p class='meta'>By Jane Doe | March 5, 2024</p>" P1 P2 P3 "</article></body></html>");
    ck_assert_str_eq(field(&f, WN_META_AUTHOR), "Jane Doe");
    ck_assert_str_eq(field(&f, WN_META_DATE), "2024-03-05");
    done(&f);
    run(&f, "<html><body><div class='article'><h1>新建城市公园二十个</h1><div>2024年3月5日</div>"
            ZP1 ZP2 ZP3 "</div></body></html>");
    ck_assert_str_eq(field(&f, WN_META_DATE), "2024-03-05");
    done(&f);
}
END_TEST

/* Dates a reader would not take for the article's. */
START_TEST(test_dates_not_taken)
{
    fixture f;
    run(&f, "<html><body><article><h1>Bridge reopens</h1>" P1 P2 P3 "</article>"
            "<div class='related-posts'><h3>Related</h3><ul><li><a href='/a'>Older story</a>"
            "<span>2023-01-02</span></li></ul></div>"
            "<div id='comments' class='comments'><div class='comment'><span class='comment-date'>"
            "发布时间：2024-06-07 08:00</span><p>Great news, I walk there every day with my dog and "
            "missed it.</p></div></div>"
            "<footer>© 2019-2025 Larkvale Post. Copyright 2025-01-01.</footer></body></html>");
    ck_assert_str_eq(field(&f, WN_META_DATE), "");
    done(&f);
    /* a copyright line inside the article is not a date either */
    run(&f, "<html><body><article><h1>Bridge reopens</h1><p>© 2024-03-05 Larkvale</p>" P1 P2 P3
            "</article></body></html>");
    ck_assert_str_eq(field(&f, WN_META_DATE), "");
    done(&f);
}
END_TEST

typedef struct date_case {
    const char *in;
    const char *out;
} date_case;

static const date_case DATES[] = {
    {"2024-03-05", "2024-03-05"},
    {"2024-03-05T10:21:00+08:00", "2024-03-05T10:21:00+08:00"},
    {"2024-03-05T10:21:00.000Z", "2024-03-05T10:21:00Z"},
    {"2024/3/5 10:21", "2024-03-05T10:21:00"},
    {"2024年3月5日 10:21", "2024-03-05T10:21:00"},
    {"March 5, 2024", "2024-03-05"},
    {"5 March 2024", "2024-03-05"},
    {"Tue, 05 Mar 2024 10:21:00 +0000", "2024-03-05T10:21:00+00:00"},
    {"2024-13-05", ""},
    {"20240305", ""},
    {"yesterday", ""},
};

START_TEST(test_date_normalised)
{
    char out[40];
    size_t n = wn_date_parse(DATES[_i].in, strlen(DATES[_i].in), false, out);
    ck_assert_str_eq(n ? out : "", DATES[_i].out);
}
END_TEST

/* Under valgrind (WINNOW_TEST_SCALE < 1, set by the valgrind setup) every
 * instruction costs tens of times more: the time bound is asserted at
 * native speed only, and the <meta> flood shrinks (still past the bound). */
static double test_scale(void)
{
    const char *s = getenv("WINNOW_TEST_SCALE");
    double f = s ? atof(s) : 1.0;
    return f > 0 && f <= 1 ? f : 1.0;
}

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* A page whose JSON-LD script is script (malloc'ed page). */
static char *page_with_script(const char *script, size_t len)
{
    static const char head[] = "<html><head><script type='application/ld+json'>";
    static const char tail[] = "</script></head><body><article>" P1 P2 P3 "</article></body></html>";
    char *page = malloc(sizeof head + len + sizeof tail);
    ck_assert_ptr_nonnull(page);
    memcpy(page, head, sizeof head - 1);
    memcpy(page + sizeof head - 1, script, len);
    memcpy(page + sizeof head - 1 + len, tail, sizeof tail);
    return page;
}

START_TEST(test_hostile_jsonld)
{
    size_t cap = 4 << 20;
    char *s = malloc(cap);
    ck_assert_ptr_nonnull(s);
    size_t n = 0;
    if (_i == 0) {
        /* 10,000 levels of nesting, with a headline at each */
        for (int k = 0; k < 10000; k++)
            n += (size_t)snprintf(s + n, cap - n, "{\"headline\":\"h\",\"a\":");
        n += (size_t)snprintf(s + n, cap - n, "1");
        for (int k = 0; k < 10000; k++)
            s[n++] = '}';
    } else if (_i == 1) {
        /* 1 MB strings */
        n += (size_t)snprintf(s + n, cap - n, "{\"@type\":\"Article\",\"headline\":\"");
        memset(s + n, 'x', 1 << 20);
        n += 1 << 20;
        n += (size_t)snprintf(s + n, cap - n, "\",\"author\":\"");
        memset(s + n, 'y', 1 << 20);
        n += 1 << 20;
        n += (size_t)snprintf(s + n, cap - n, "\"}");
    } else {
        /* 100,000 keys, articles nested in arrays */
        n += (size_t)snprintf(s + n, cap - n, "{\"@type\":\"Article\",\"headline\":\"Real\"");
        for (int k = 0; k < 100000; k++)
            n += (size_t)snprintf(s + n, cap - n, ",\"k%d\":[{\"headline\":\"x\"}]", k);
        s[n++] = '}';
    }
    s[n] = '\0';
    char *page = page_with_script(s, n);
    free(s);
    fixture f;
    double t0 = seconds();
    run(&f, page);
    double took = seconds() - t0;
    if (test_scale() == 1.0)
        ck_assert_msg(took < 5.0, "took %.2f s", took);
    ck_assert_uint_le(strlen(field(&f, WN_META_TITLE)), WN_META_VALUE_MAX);
    ck_assert_uint_le(strlen(field(&f, WN_META_AUTHOR)), WN_META_VALUE_MAX);
    if (_i == 1)
        ck_assert_uint_gt(strlen(field(&f, WN_META_TITLE)), 0);
    if (_i == 2)
        ck_assert_str_eq(field(&f, WN_META_TITLE), "Real");
    done(&f);
    free(page);
}
END_TEST

/* More <meta> than the walk keeps: bounded, the first ones read. */
START_TEST(test_many_meta_tags)
{
    size_t cap = 200000 * 48;
    char *page = malloc(cap);
    ck_assert_ptr_nonnull(page);
    size_t n = (size_t)snprintf(page, cap, "<html><head><meta name='author' content='First'>");
    int count = (int)(100000 * test_scale());
    if (count < 2000)
        count = 2000;
    for (int k = 0; k < count; k++)
        n += (size_t)snprintf(page + n, cap - n, "<meta name='author' content='A%d'>", k);
    n += (size_t)snprintf(page + n, cap - n, "</head><body><article>" P1 P2 P3 "</article></body></html>");
    fixture f;
    run(&f, page);
    ck_assert_uint_le(f.t.doc.tag_count, WN_DOC_TAGS_MAX);
    ck_assert_uint_eq(f.m.pub.author_count, WN_META_AUTHORS_MAX);
    ck_assert_str_eq(f.m.pub.authors[0], "First");
    done(&f);
    free(page);
}
END_TEST

/* Nested itemprop and byline elements around one huge white-space text:
 * each reads a bounded prefix, not the whole text again. */
START_TEST(test_nested_bylines_around_huge_text)
{
    size_t spaces = (size_t)((8 << 20) * test_scale());
    size_t cap = spaces + 200000;
    char *page = malloc(cap);
    ck_assert_ptr_nonnull(page);
    size_t n = (size_t)snprintf(page, cap, "<html><body><article>" P1 P2 P3);
    for (int k = 0; k < 500; k++)
        n += (size_t)snprintf(page + n, cap - n, "<span itemprop='author' class='byline'>");
    memset(page + n, ' ', spaces);
    n += spaces;
    n += (size_t)snprintf(page + n, cap - n, "Ned</article></body></html>");
    fixture f;
    double t0 = seconds();
    run(&f, page);
    double took = seconds() - t0;
    if (test_scale() == 1.0)
        ck_assert_msg(took < 5.0, "took %.2f s", took);
    ck_assert_uint_le(strlen(field(&f, WN_META_AUTHOR)), WN_META_VALUE_MAX);
    done(&f);
    free(page);
}
END_TEST

Suite *wn_test_suite(void)
{
    Suite *s = suite_create("meta");
    TCase *tc = tcase_create("sources");
    tcase_add_test(tc, test_meta_tags);
    tcase_add_test(tc, test_title_suffix_and_no_lang);
    tcase_add_test(tc, test_chinese_credits);
    tcase_add_test(tc, test_yearless_and_header_dates);
    tcase_add_test(tc, test_headline_from_title);
    tcase_add_test(tc, test_jsonld_graph_authors);
    tcase_add_test(tc, test_microdata);
    tcase_add_test(tc, test_chinese_byline);
    tcase_add_test(tc, test_english_byline_and_cjk_date);
    tcase_add_test(tc, test_dates_not_taken);
    tcase_add_loop_test(tc, test_date_normalised, 0, WN_COUNT(DATES));
    suite_add_tcase(s, tc);
    tc = tcase_create("hostile");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_hostile_jsonld, 0, 3);
    tcase_add_test(tc, test_many_meta_tags);
    tcase_add_test(tc, test_nested_bylines_around_huge_text);
    suite_add_tcase(s, tc);
    return s;
}
