/* Inline spans in the content model (content.c's emitter, with
 * wn_content_opts) and the renderers' walk over them (spans.c), on pages
 * and on hand-made content. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "output/content.h"
#include "output/render.h"
#include "runner.h"
#include "unit/doc_helper.h"

typedef struct built {
    wn_test_doc t;
    wn_arena arena;
    wn_content content;
} built;

static void build(built *b, const char *html, unsigned spans, const char *base)
{
    wn_test_doc_scored(&b->t, html);
    wn_arena_init(&b->arena, 0);
    memset(&b->content, 0, sizeof b->content);
    b->content.arena = &b->arena;
    wn_content_opts opts = {false, spans, false, base, NULL, NULL};
    ck_assert_int_eq(wn_content_build_with(&b->t.doc, &opts, &b->content), WN_OK);
}

static void unbuild(built *b)
{
    wn_arena_release(&b->arena);
    wn_test_doc_free(&b->t);
}

/* The first item whose text starts with prefix. */
static const wn_content_item *item_with(const wn_content *c, const char *prefix)
{
    for (size_t i = 0; i < c->count; i++)
        if (c->items[i].text && strncmp(c->items[i].text, prefix, strlen(prefix)) == 0)
            return &c->items[i];
    ck_abort_msg("no item starts with %s", prefix);
    return NULL;
}

static void span_is(const wn_content_item *it, uint32_t k, wn_span_kind kind, const char *text,
                    uint32_t parent, const char *url)
{
    ck_assert_uint_lt(k, it->span_count);
    const wn_span *s = &it->spans[k];
    ck_assert_int_eq(s->kind, kind);
    ck_assert_uint_le(s->start, s->end);
    ck_assert_uint_le(s->end, it->len);
    ck_assert_msg(strlen(text) == s->end - s->start && memcmp(it->text + s->start, text, strlen(text)) == 0,
                  "span %u covers \"%.*s\", want \"%s\"", k, (int)(s->end - s->start), it->text + s->start,
                  text);
    ck_assert_uint_eq(s->parent, parent);
    if (url)
        ck_assert_str_eq(s->url, url);
}

START_TEST(spans_of_a_paragraph)
{
    built b;
    build(&b,
          "<html><body><article><p>Plain <a href='/a'>link <b>bold</b> end</a> "
          "and <em>it<code>co</code></em> then <img src='i.png' alt=' the\n alt '> tail.</p>"
          "<p>Second paragraph with enough text to keep the article whole here.</p>"
          "</article></body></html>",
          WN_FLAG_LINKS | WN_FLAG_IMAGES | WN_FLAG_FORMATTING, "http://e.org/d/p.html");
    const wn_content_item *it = item_with(&b.content, "Plain");
    ck_assert_str_eq(it->text, "Plain link bold end and itco then tail.");
    ck_assert_uint_eq(it->span_count, 5);
    span_is(it, 0, WN_SPAN_LINK, "link bold end", WN_SPAN_NONE, "http://e.org/a");
    span_is(it, 1, WN_SPAN_BOLD, "bold", 0, NULL);
    span_is(it, 2, WN_SPAN_ITALIC, "itco", WN_SPAN_NONE, NULL);
    span_is(it, 3, WN_SPAN_CODE, "co", 2, NULL);
    span_is(it, 4, WN_SPAN_IMAGE, "", WN_SPAN_NONE, "http://e.org/d/i.png");
    ck_assert_str_eq(it->spans[4].alt, "the alt");
    ck_assert_uint_eq(it->spans[4].start, strlen("Plain link bold end and itco then"));
    ck_assert_ptr_null(item_with(&b.content, "Second")->spans);
    ck_assert_uint_eq(b.content.spans, WN_FLAG_LINKS | WN_FLAG_IMAGES | WN_FLAG_FORMATTING);
    unbuild(&b);
}
END_TEST

/* Only what is asked is kept; the text is the same either way. */
START_TEST(spans_only_when_asked)
{
    static const char page[] = "<html><body><article><p>Plain <a href='/a'>link <b>bold</b></a> "
                               "<img src='i.png'> text of the article that goes on a while.</p>"
                               "</article></body></html>";
    built b;
    build(&b, page, 0, NULL);
    const wn_content_item *it = item_with(&b.content, "Plain");
    ck_assert_ptr_null(it->spans);
    char *plain = strdup(it->text);
    unbuild(&b);
    build(&b, page, WN_FLAG_FORMATTING, NULL);
    it = item_with(&b.content, "Plain");
    ck_assert_str_eq(it->text, plain);
    ck_assert_uint_eq(it->span_count, 1);
    span_is(it, 0, WN_SPAN_BOLD, "bold", WN_SPAN_NONE, NULL);
    unbuild(&b);
    build(&b, page, WN_FLAG_LINKS, NULL);
    it = item_with(&b.content, "Plain");
    ck_assert_uint_eq(it->span_count, 1);
    span_is(it, 0, WN_SPAN_LINK, "link bold", WN_SPAN_NONE, "/a"); /* no base: as written */
    unbuild(&b);
    free(plain);
}
END_TEST

/* The text goes to NFC piece by piece: offsets still point at the same text. */
START_TEST(spans_after_nfc)
{
    built b;
    build(&b,
          "<html><body><article><p>Cafe\xCC\x81 <b>re\xCC\x81sume\xCC\x81</b> na\xC3\xAFve, and a lot more "
          "text so that this paragraph is the article.</p></article></body></html>",
          WN_FLAG_FORMATTING, NULL);
    const wn_content_item *it = item_with(&b.content, "Caf");
    ck_assert(strncmp(it->text, "Caf\xC3\xA9 r\xC3\xA9sum\xC3\xA9 na\xC3\xAFve", 20) == 0);
    span_is(it, 0, WN_SPAN_BOLD, "r\xC3\xA9sum\xC3\xA9", WN_SPAN_NONE, NULL);
    unbuild(&b);
}
END_TEST

/* A code block keeps no spans, and names its language. */
START_TEST(code_block_language)
{
    built b;
    build(&b,
          "<html><body><article><p>Intro paragraph for the code that follows, long enough.</p>"
          "<pre class='x lang-rust'><code><b>fn</b> main() {}</code></pre>"
          "<pre><code class='language-c++ other'>int x;</code></pre>"
          "<pre><code class='language-bad\"name'>y</code></pre></article></body></html>",
          WN_FLAG_FORMATTING | WN_FLAG_LINKS, NULL);
    const wn_content_item *it = item_with(&b.content, "fn main");
    ck_assert_int_eq(it->kind, WN_C_CODE);
    ck_assert_ptr_null(it->spans);
    ck_assert_str_eq(it->lang, "rust");
    ck_assert_str_eq(item_with(&b.content, "int x;")->lang, "c++");
    ck_assert_ptr_null(item_with(&b.content, "y")->lang);
    unbuild(&b);
}
END_TEST

/* ---- the walk, on hand-made content -------------------------------------------- */

static int to_buf(void *data, const char *bytes, size_t len)
{
    wn_buf_append(data, bytes, len);
    return 0;
}

static char *render(wn_content *c, wn_format format)
{
    wn_buf b;
    wn_buf_init(&b);
    wn_status st = format == WN_FORMAT_MARKDOWN ? wn_render_markdown(c, NULL, to_buf, &b)
                   : format == WN_FORMAT_HTML   ? wn_render_html(c, NULL, to_buf, &b)
                                                : wn_render_xml(c, NULL, false, to_buf, &b);
    ck_assert_int_eq(st, WN_OK);
    wn_buf_putc(&b, '\0');
    return b.data;
}

START_TEST(walk_points_and_edges)
{
    /* "ab" with: an image at 0, a link over all of it holding an image at
     * its end, bold over "b" ending with the text */
    static const wn_span spans[] = {
        {0, 0, WN_SPAN_NONE, WN_SPAN_IMAGE, "p.png", "first"},
        {0, 2, WN_SPAN_NONE, WN_SPAN_LINK, "http://e.org/", ""},
        {1, 2, 1, WN_SPAN_BOLD, "", ""},
        {2, 2, 1, WN_SPAN_IMAGE, "q.png", "last"},
    };
    wn_content_item item = {WN_C_PARA, 0, 2, "ab", spans, 4, NULL};
    wn_content c = {&item, 1, 1, NULL, WN_FLAG_LINKS | WN_FLAG_IMAGES | WN_FLAG_FORMATTING};
    char *md = render(&c, WN_FORMAT_MARKDOWN);
    ck_assert_str_eq(md, "![first](p.png)[a**b**![last](q.png)](http://e.org/)\n");
    free(md);
    char *html = render(&c, WN_FORMAT_HTML);
    ck_assert_str_eq(html, "<article>\n<p><img src=\"p.png\" alt=\"first\"><a href=\"http://e.org/\">a<b>b</b>"
                           "<img src=\"q.png\" alt=\"last\"></a></p>\n</article>\n");
    free(html);
    char *xml = render(&c, WN_FORMAT_XML);
    ck_assert_msg(strstr(xml, "<p><graphic src=\"p.png\" alt=\"first\"/><ref target=\"http://e.org/\">a<hi "
                              "rend=\"bold\">b</hi><graphic src=\"q.png\" alt=\"last\"/></ref></p>"),
                  "%s", xml);
    free(xml);
}
END_TEST

/* Unsafe URLs: the markup goes, the text stays. */
START_TEST(walk_drops_unsafe_urls)
{
    static const wn_span spans[] = {
        {0, 5, WN_SPAN_NONE, WN_SPAN_LINK, "javascript:alert(1)", ""},
        {6, 6, WN_SPAN_NONE, WN_SPAN_IMAGE, "data:text/html,x", "x"},
    };
    wn_content_item item = {WN_C_PARA, 0, 11, "click here!", spans, 2, NULL};
    wn_content c = {&item, 1, 1, NULL, WN_FLAG_LINKS | WN_FLAG_IMAGES};
    char *md = render(&c, WN_FORMAT_MARKDOWN);
    ck_assert_str_eq(md, "click here!\n");
    free(md);
    char *html = render(&c, WN_FORMAT_HTML);
    ck_assert_str_eq(html, "<article>\n<p>click here!</p>\n</article>\n");
    free(html);
}
END_TEST

Suite *wn_test_suite(void)
{
    Suite *s = suite_create("spans");
    TCase *tc = tcase_create("model");
    tcase_add_test(tc, spans_of_a_paragraph);
    tcase_add_test(tc, spans_only_when_asked);
    tcase_add_test(tc, spans_after_nfc);
    tcase_add_test(tc, code_block_language);
    suite_add_tcase(s, tc);
    tc = tcase_create("walk");
    tcase_add_test(tc, walk_points_and_edges);
    tcase_add_test(tc, walk_drops_unsafe_urls);
    suite_add_tcase(s, tc);
    return s;
}
