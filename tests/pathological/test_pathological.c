/* Hostile input through the public API: every page gets a result or its own
 * status, the XML is well-formed, the article text survives the guards.
 * Sizes shrink under valgrind (WINNOW_TEST_SCALE, set by the valgrind test
 * setup); tools/hostile.py measures time and memory at full size. */
#include "winnow.h"

#include <libxml/parser.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runner.h"

#define ARTICLE "The river rose overnight and the ferry stayed in port, so the market moved " \
                "to the school hall, where the stalls stood in rows between the climbing frames."

typedef struct text {
    char *bytes;
    size_t len, cap;
} text;

static void put(text *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 4096;
        while (cap < t->len + n + 1)
            cap *= 2;
        t->bytes = realloc(t->bytes, cap);
        if (!t->bytes)
            abort(); /* not ck_assert: Check logs every assertion, and put() runs millions of times */
        t->cap = cap;
    }
    memcpy(t->bytes + t->len, s, n);
    t->len += n;
    t->bytes[t->len] = '\0';
}

static void puts_(text *t, const char *s)
{
    put(t, s, strlen(s));
}

static void repeat(text *t, const char *s, size_t times)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < times; i++)
        put(t, s, n);
}

/* Under valgrind (WINNOW_TEST_SCALE < 1) every instruction costs tens of
 * times more, so the parse's CPU budget is stretched by the same factor as
 * the sizes shrink: the tests ask whether the budget fits a page at native
 * speed, not under an emulator. */
static double test_scale(void)
{
    const char *s = getenv("WINNOW_TEST_SCALE");
    double f = s ? atof(s) : 1.0;
    return f > 0 && f <= 1 ? f : 1.0;
}

/* Full-size counts are divided by WINNOW_TEST_SCALE's inverse under valgrind. */
static size_t scaled(size_t n)
{
    size_t out = (size_t)((double)n * test_scale());
    return out ? out : 1;
}

static wn_extractor *extractor(unsigned flags, void (*tweak)(wn_options *))
{
    wn_options o;
    wn_options_init(&o);
    o.flags = flags;
    o.parse_ms_per_mib = (unsigned)(o.parse_ms_per_mib / test_scale());
    if (tweak)
        tweak(&o);
    wn_extractor *ex = NULL;
    ck_assert_int_eq(wn_extractor_new(&o, &ex), WN_OK);
    return ex;
}

/* Offset of the first byte that breaks UTF-8's shape, or len. */
static size_t utf8_error(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        unsigned c = *p;
        size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (!n || (size_t)(end - p) < n)
            break;
        size_t k = 1;
        while (k < n && (p[k] & 0xC0) == 0x80)
            k++;
        if (k < n)
            break;
        p += n;
    }
    return (size_t)(p - (const unsigned char *)s);
}

/* The XML must parse without recovery; the text must be valid UTF-8. */
static void assert_outputs_sound(wn_result *res)
{
    size_t xml_len = 0, text_len = 0;
    const char *xml = wn_result_xml(res, &xml_len);
    ck_assert_ptr_nonnull(xml);
    xmlDocPtr doc = xmlReadMemory(xml, (int)xml_len, "result.xml", "UTF-8",
                                  XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_NOERROR |
                                  XML_PARSE_NOWARNING);
    ck_assert_msg(doc != NULL, "XML output is not well-formed");
    xmlFreeDoc(doc);
    const char *txt = wn_result_text(res, &text_len);
    ck_assert_ptr_nonnull(txt);
    ck_assert_uint_eq(strlen(txt), text_len); /* no NUL inside */
    ck_assert_msg(utf8_error(txt, text_len) == text_len, "text output is not UTF-8 at byte %zu",
                  utf8_error(txt, text_len));
}

static wn_result *run(const wn_extractor *ex, const text *page, wn_status want)
{
    wn_result *res = NULL;
    wn_status st = wn_extract(ex, page->bytes, page->len, NULL, NULL, &res);
    ck_assert_msg(st == want, "status %d (%s), want %d", st, wn_status_message(st), want);
    if (st == WN_OK)
        assert_outputs_sound(res);
    else
        ck_assert_ptr_null(res);
    return res;
}

static void page_open(text *t)
{
    puts_(t, "<!DOCTYPE html><html><head><title>t</title></head><body>");
}

/* ---- depth, attributes, formatting: degraded, article kept ---- */

static void deep_divs(text *t, size_t n)
{
    page_open(t);
    repeat(t, "<div>", n);
    puts_(t, "<p>" ARTICLE "</p>");
    repeat(t, "</div>", n);
}

static void deep_inline(text *t, size_t n)
{
    page_open(t);
    repeat(t, "<span><b><i>", n);
    puts_(t, "<p>" ARTICLE "</p>");
}

static void distinct_formatting(text *t, size_t n)
{
    page_open(t);
    char tag[32];
    for (size_t i = 0; i < n; i++) {
        snprintf(tag, sizeof tag, "<b id=x%zu>", i);
        puts_(t, tag);
    }
    puts_(t, "<p>" ARTICLE "</p>");
}

static void misnested_spans(text *t, size_t n)
{
    /* </span> cannot close a span across the <div>: the stack still grows. */
    page_open(t);
    repeat(t, "<span><div></span>", n);
    puts_(t, "<p>" ARTICLE "</p>");
}

static void deep_tables(text *t, size_t n)
{
    page_open(t);
    repeat(t, "<table><tr><td>", n);
    puts_(t, "<p>" ARTICLE "</p>");
}

static void many_attributes(text *t, size_t n)
{
    page_open(t);
    puts_(t, "<div");
    char attr[32];
    for (size_t i = 0; i < n; i++) {
        snprintf(attr, sizeof attr, " a%zu=v", i);
        puts_(t, attr);
    }
    puts_(t, "><p>" ARTICLE "</p></div>");
}

typedef struct degrade_case {
    const char *name;
    void (*make)(text *, size_t);
    size_t n;
    wn_status limit;
} degrade_case;

static const degrade_case DEGRADE[] = {
    {"1,000,000 nested <div>", deep_divs, 1000000, WN_ERR_TOO_DEEP},
    {"300,000 unclosed <span><b><i>", deep_inline, 300000, WN_ERR_TOO_DEEP},
    {"100,000 unclosed <b id=N>", distinct_formatting, 100000, WN_ERR_TOO_DEEP},
    {"100,000 <span><div></span>", misnested_spans, 100000, WN_ERR_TOO_DEEP},
    {"30,000 nested tables", deep_tables, 30000, WN_ERR_TOO_DEEP},
    {"100,000 attributes", many_attributes, 100000, WN_ERR_TOO_MANY_ATTRIBUTES},
};

START_TEST(test_degraded_keeps_article)
{
    const degrade_case *c = &DEGRADE[_i];
    text page = {0};
    c->make(&page, scaled(c->n));
    wn_extractor *ex = extractor(0, NULL);
    wn_result *res = run(ex, &page, WN_OK);
    ck_assert_msg(wn_result_degraded(res) == c->limit, "%s: degraded %d, want %d", c->name,
                  wn_result_degraded(res), c->limit);
    ck_assert_msg(strstr(wn_result_text(res, NULL), ARTICLE) != NULL, "%s: article lost", c->name);
    wn_result_free(res);
    wn_extractor_free(ex);

    /* Strict limits: the same page fails with the limit's own status. */
    ex = extractor(WN_FLAG_STRICT_LIMITS, NULL);
    run(ex, &page, c->limit);
    wn_extractor_free(ex);
    free(page.bytes);
}
END_TEST

START_TEST(test_ordinary_page_not_degraded)
{
    text page = {0};
    page_open(&page);
    repeat(&page, "<div><ul><li>item<li>item<li><b>bold</b></ul><p>" ARTICLE "<p>" ARTICLE
                  "</div><table><tr><td>a<td>b<tr><td>c</table>", 2000);
    wn_extractor *ex = extractor(WN_FLAG_STRICT_LIMITS, NULL);
    wn_result *res = run(ex, &page, WN_OK);
    ck_assert_int_eq(wn_result_degraded(res), WN_OK);
    wn_result_free(res);
    wn_extractor_free(ex);
    free(page.bytes);
}
END_TEST

/* ---- hard limits ---- */

static void small_nodes(wn_options *o) { o->max_nodes = 1000; }
static void small_memory(wn_options *o) { o->max_memory_bytes = 1u << 20; }
static void small_input(wn_options *o) { o->max_input_bytes = 1000; }

START_TEST(test_too_many_nodes)
{
    text page = {0};
    page_open(&page);
    repeat(&page, "<p>a</p>", 5000);
    wn_extractor *ex = extractor(0, small_nodes);
    run(ex, &page, WN_ERR_TOO_MANY_NODES);
    wn_extractor_free(ex);
    free(page.bytes);
}
END_TEST

START_TEST(test_memory_limit)
{
    text page = {0};
    page_open(&page);
    repeat(&page, "<p>a</p>", 100000);
    wn_extractor *ex = extractor(0, small_memory);
    run(ex, &page, WN_ERR_MEMORY_LIMIT);
    wn_extractor_free(ex);
    free(page.bytes);
}
END_TEST

START_TEST(test_input_too_large)
{
    text page = {0};
    page_open(&page);
    repeat(&page, "<p>" ARTICLE "</p>", 20);
    wn_extractor *ex = extractor(0, small_input);
    run(ex, &page, WN_ERR_INPUT_TOO_LARGE);
    wn_extractor_free(ex);
    free(page.bytes);

    /* A 100 MB page against the default limit fails at once, unread. */
    size_t big = (size_t)100 << 20;
    char *bytes = malloc(big);
    ck_assert_ptr_nonnull(bytes);
    memset(bytes, 'a', big);
    ex = extractor(0, NULL);
    wn_result *res = (wn_result *)(uintptr_t)1;
    ck_assert_int_eq(wn_extract(ex, bytes, big, NULL, NULL, &res), WN_ERR_INPUT_TOO_LARGE);
    ck_assert_ptr_null(res);
    wn_extractor_free(ex);
    free(bytes);
}
END_TEST

/* ---- odd bytes and odd markup: a sound result ---- */

static void empty(text *t, size_t n) { (void)n; put(t, "", 0); }

static void garbage(text *t, size_t n)
{
    uint32_t state = 0x2545F491u;
    for (size_t i = 0; i < n; i++) {
        state = state * 1103515245u + 12345u;
        char c = (char)(state >> 16);
        put(t, &c, 1);
    }
}

/* The page's first KB is ordinary: the same bytes from the start are not a
 * page at all (WN_ERR_NOT_HTML, test_binary_refused), and these cases test
 * what comes after. */
static void clean_lead(text *t)
{
    page_open(t);
    repeat(t, "<p>" ARTICLE "</p>", 8);
}

static void nul_bytes(text *t, size_t n)
{
    clean_lead(t);
    for (size_t i = 0; i < n; i++)
        put(t, "<p>a\0b</p>\0", 11);
}

static void truncated_utf8(text *t, size_t n)
{
    page_open(t);
    repeat(t, "<p>\xe4\xb8\xad\xe6\x96\x87 " ARTICLE "</p>", n);
    puts_(t, "<p>\xe4\xb8"); /* half of a three-byte sequence, then the end */
}

static void xml_forbidden(text *t, size_t n)
{
    clean_lead(t);
    puts_(t, "<p>" ARTICLE);
    for (size_t i = 0; i < n; i++) {
        for (char c = 1; c < 32; c++)
            put(t, &c, 1);
        puts_(t, "\xef\xbf\xbe\xef\xbf\xbf&#xFFFE;&#1;&#xD800;&#x110000;");
    }
    puts_(t, "</p>");
}

static void entity_flood(text *t, size_t n)
{
    page_open(t);
    puts_(t, "<p>" ARTICLE);
    repeat(t, "&amp;&lt;&#x4e2d;&eacute;&notanentity;&#0;&#xFFFFFFFF;", n);
    puts_(t, "</p>");
}

static void unterminated_comment(text *t, size_t n)
{
    page_open(t);
    puts_(t, "<p>" ARTICLE "</p><!-- ");
    repeat(t, "x ", n);
}

static void unterminated_script(text *t, size_t n)
{
    page_open(t);
    puts_(t, "<p>" ARTICLE "</p><script>");
    repeat(t, "var a = '<div>';\n", n);
}

static void unterminated_attribute(text *t, size_t n)
{
    page_open(t);
    puts_(t, "<p>" ARTICLE "</p><a href=\"");
    repeat(t, "x", n);
}

static void plaintext(text *t, size_t n)
{
    page_open(t);
    puts_(t, "<p>" ARTICLE "</p><plaintext>");
    repeat(t, "<p>not a tag</p>", n);
}

static void frameset(text *t, size_t n)
{
    puts_(t, "<html><frameset>");
    repeat(t, "<frame src=a.html>", n);
    puts_(t, "</frameset><p>" ARTICLE "</p>");
}

static void foreign(text *t, size_t n)
{
    page_open(t);
    puts_(t, "<p>" ARTICLE "</p>");
    repeat(t, "<svg><g><text>x</text><foreignObject><p>y</p></foreignObject></g></svg>"
              "<math><mi>x</mi><annotation-xml encoding='text/html'><p>z</p></annotation-xml></math>",
           n);
}

static void big_text_node(text *t, size_t n)
{
    page_open(t);
    puts_(t, "<p>");
    repeat(t, "word ", n);
    puts_(t, "</p>");
}

typedef struct sound_case {
    const char *name;
    void (*make)(text *, size_t);
    size_t n;
    int article_kept; /* the test article must be in the text */
} sound_case;

static const sound_case SOUND[] = {
    {"empty", empty, 0, 0},
    {"NUL bytes", nul_bytes, 50000, 1},
    {"truncated UTF-8 at the end", truncated_utf8, 100, 1},
    {"C0 controls, U+FFFE/FFFF, bad references", xml_forbidden, 1000, 1},
    {"entity flood", entity_flood, 200000, 1},
    {"unterminated comment", unterminated_comment, 1000000, 1},
    {"unterminated script", unterminated_script, 100000, 1},
    {"unterminated attribute", unterminated_attribute, 1000000, 1},
    {"plaintext", plaintext, 50000, 0},
    {"frameset", frameset, 20000, 0},
    {"SVG and MathML islands", foreign, 5000, 1},
    {"a 50 MB text node", big_text_node, 10000000, 0},
};

START_TEST(test_sound_result)
{
    const sound_case *c = &SOUND[_i];
    text page = {0};
    put(&page, "", 0);
    c->make(&page, scaled(c->n));
    wn_extractor *ex = extractor(WN_FLAG_COMMENTS | WN_FLAG_EXPLAIN, NULL);
    wn_result *res = run(ex, &page, WN_OK);
    if (c->article_kept)
        ck_assert_msg(strstr(wn_result_text(res, NULL), ARTICLE) != NULL, "%s: article lost",
                      c->name);
    wn_result_free(res);
    wn_extractor_free(ex);
    free(page.bytes);
}
END_TEST

/* 1 MB of noise, and NUL bytes from the start: not a page. */
START_TEST(test_binary_refused)
{
    wn_extractor *ex = extractor(0, NULL);
    text page = {0};
    garbage(&page, scaled(1000000));
    run(ex, &page, WN_ERR_NOT_HTML);
    free(page.bytes);
    text nuls = {0};
    page_open(&nuls);
    for (size_t i = 0; i < 1000; i++)
        put(&nuls, "<p>a\0b</p>\0", 11);
    run(ex, &nuls, WN_ERR_NOT_HTML);
    free(nuls.bytes);
    wn_extractor_free(ex);
}
END_TEST

START_TEST(test_truncated_sequence_replaced)
{
    text page = {0};
    truncated_utf8(&page, 1);
    wn_extractor *ex = extractor(0, NULL);
    wn_result *res = run(ex, &page, WN_OK);
    const char *txt = wn_result_text(res, NULL);
    /* The cut-off sequence becomes one U+FFFD, the rest is intact. */
    ck_assert_ptr_nonnull(strstr(txt, "\xe4\xb8\xad\xe6\x96\x87 " ARTICLE));
    ck_assert_ptr_nonnull(strstr(txt, "\xef\xbf\xbd"));
    wn_result_free(res);
    wn_extractor_free(ex);
    free(page.bytes);
}
END_TEST

Suite *wn_test_suite(void)
{
    Suite *s = suite_create("pathological");
    TCase *tc = tcase_create("degraded");
    tcase_set_timeout(tc, 0);
    tcase_add_loop_test(tc, test_degraded_keeps_article, 0, WN_COUNT(DEGRADE));
    tcase_add_test(tc, test_ordinary_page_not_degraded);
    suite_add_tcase(s, tc);

    tc = tcase_create("limits");
    tcase_set_timeout(tc, 0);
    tcase_add_test(tc, test_too_many_nodes);
    tcase_add_test(tc, test_memory_limit);
    tcase_add_test(tc, test_input_too_large);
    suite_add_tcase(s, tc);

    tc = tcase_create("sound");
    tcase_set_timeout(tc, 0);
    tcase_add_loop_test(tc, test_sound_result, 0, WN_COUNT(SOUND));
    tcase_add_test(tc, test_truncated_sequence_replaced);
    tcase_add_test(tc, test_binary_refused);
    suite_add_tcase(s, tc);
    return s;
}
