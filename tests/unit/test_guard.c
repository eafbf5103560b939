/* The pre-parse guard: what it cuts, what it leaves alone. */
#include "guard/guard.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runner.h"

static wn_guard_limits LIMITS = {16, 8, 100000, 0, 0};

typedef struct guarded {
    wn_arena arena;
    const char *out;
    size_t len;
    wn_guard_report report;
    char text[32768];
} guarded;

static wn_status guard_str(guarded *g, const char *html, const wn_guard_limits *limits)
{
    wn_arena_init(&g->arena, 0);
    wn_status st = wn_guard(&g->arena, html, strlen(html), limits ? limits : &LIMITS, &g->out,
                            &g->len, &g->report);
    if (st == WN_OK) {
        ck_assert_uint_lt(g->len, sizeof g->text);
        memcpy(g->text, g->out, g->len);
        g->text[g->len] = '\0';
    }
    return st;
}

static char *repeated(const char *unit, int times, const char *tail)
{
    size_t n = strlen(unit), t = strlen(tail);
    char *s = malloc(n * (size_t)times + t + 1);
    ck_assert_ptr_nonnull(s);
    for (int i = 0; i < times; i++)
        memcpy(s + n * (size_t)i, unit, n);
    memcpy(s + n * (size_t)times, tail, t + 1);
    return s;
}

START_TEST(test_plain_page_untouched)
{
    const char *html = "<html><body><div><p>one<p>two<ul><li>a<li>b</ul></div>"
                       "<table><tr><td>x<td>y<tr><td>z</table></body></html>";
    guarded g;
    ck_assert_int_eq(guard_str(&g, html, NULL), WN_OK);
    ck_assert_ptr_eq(g.out, html); /* no copy */
    ck_assert_uint_eq(g.report.dropped_deep, 0);
    ck_assert_uint_le(g.report.max_depth_seen, 5);
    wn_arena_release(&g.arena);
}
END_TEST

START_TEST(test_implied_ends_keep_depth_flat)
{
    /* 100 unclosed <p>, <li>, <td>, <option>: each closes the one before. */
    char *html = repeated("<p>a<ul><li>b<li>c</ul><table><tr><td>d<td>e</table><select><option>f"
                          "<option>g</select>", 100, "");
    guarded g;
    ck_assert_int_eq(guard_str(&g, html, NULL), WN_OK);
    ck_assert_uint_eq(g.report.dropped_deep, 0);
    ck_assert_uint_le(g.report.max_depth_seen, 4);
    wn_arena_release(&g.arena);
    free(html);
}
END_TEST

START_TEST(test_deep_nesting_flattened)
{
    char *html = repeated("<div>", 40, "text");
    guarded g;
    ck_assert_int_eq(guard_str(&g, html, NULL), WN_OK);
    ck_assert_uint_eq(g.report.dropped_deep, 24);
    ck_assert_uint_eq(g.report.max_depth_seen, 17);
    char *want = repeated("<div>", 16, "text");
    ck_assert_str_eq(g.text, want);
    free(want);
    wn_arena_release(&g.arena);
    free(html);

    /* Their end tags go too; the outer ones stay. */
    html = repeated("<div>", 20, "");
    char *closing = repeated("</div>", 20, "");
    size_t page_size = strlen(html) + strlen(closing) + 2;
    char *page = malloc(page_size);
    ck_assert_ptr_nonnull(page);
    snprintf(page, page_size, "%sx%s", html, closing);
    ck_assert_int_eq(guard_str(&g, page, NULL), WN_OK);
    char *kept_open = repeated("<div>", 16, "x");
    char *kept_close = repeated("</div>", 16, "");
    size_t expected_size = strlen(kept_open) + strlen(kept_close) + 1;
    char *expected = malloc(expected_size);
    ck_assert_ptr_nonnull(expected);
    snprintf(expected, expected_size, "%s%s", kept_open, kept_close);
    ck_assert_str_eq(g.text, expected);
    free(expected);
    free(kept_open);
    free(kept_close);
    free(page);
    free(closing);
    free(html);
    wn_arena_release(&g.arena);
}
END_TEST

START_TEST(test_special_blocks_other_end_tags)
{
    /* </span> does not close a span across a <div>: the stack grows. */
    char *html = repeated("<span><div></span>", 20, "");
    guarded g;
    ck_assert_int_eq(guard_str(&g, html, NULL), WN_OK);
    ck_assert_uint_gt(g.report.dropped_deep, 0);
    wn_arena_release(&g.arena);
    free(html);
}
END_TEST

START_TEST(test_formatting_capped)
{
    char buf[8192] = "";
    for (int i = 0; i < 40; i++)
        sprintf(buf + strlen(buf), "<b id=%d>", i);
    strcat(buf, "x");
    wn_guard_limits deep = {1000, 8, 100000, 0, 0};
    guarded g;
    ck_assert_int_eq(guard_str(&g, buf, &deep), WN_OK);
    /* Each weighs 2 (itself, its id): 24 fit the formatting list's weight
     * of 48, which Gumbo copies at every re-creation. */
    ck_assert_uint_eq(g.report.dropped_formatting, 16);
    ck_assert_uint_eq(g.report.dropped_deep, 0);
    wn_arena_release(&g.arena);

    /* Closed formatting elements never add up. */
    char *closed = repeated("<b>a</b><i>b</i><a href=x>c</a>", 100, "");
    ck_assert_int_eq(guard_str(&g, closed, &deep), WN_OK);
    ck_assert_uint_eq(g.report.dropped_formatting, 0);
    ck_assert_ptr_eq(g.out, closed);
    wn_arena_release(&g.arena);
    free(closed);
}
END_TEST

START_TEST(test_attributes_capped)
{
    guarded g;
    ck_assert_int_eq(guard_str(&g, "<div a=1 b='2' c=\"3\" d e=5 f=6 g=7 h=8 i=9 j=10>x</div>", NULL),
                     WN_OK);
    ck_assert_str_eq(g.text, "<div a=1 b='2' c=\"3\" d e=5 f=6 g=7 h=8  >x</div>");
    ck_assert_uint_eq(g.report.dropped_attributes, 2);
    wn_arena_release(&g.arena);

    ck_assert_int_eq(guard_str(&g, "<img a=1 b=2 c=3 d=4 e=5 f=6 g=7 h=8 i=9 />", NULL), WN_OK);
    ck_assert_str_eq(g.text, "<img a=1 b=2 c=3 d=4 e=5 f=6 g=7 h=8 />");
    wn_arena_release(&g.arena);

    /* A '/' left before the cut does not make the tag self-closing. */
    ck_assert_int_eq(guard_str(&g, "<svg a b c d e f g h/i>x</svg>", NULL), WN_OK);
    ck_assert_str_eq(g.text, "<svg a b c d e f g h/ >x</svg>");
    wn_arena_release(&g.arena);

    /* A '>' inside a quoted value does not end the tag. */
    ck_assert_int_eq(guard_str(&g, "<p title='a>b' class=x>t</p>", NULL), WN_OK);
    ck_assert_uint_eq(g.report.dropped_attributes, 0);
    wn_arena_release(&g.arena);
}
END_TEST

START_TEST(test_script_and_style_emptied)
{
    guarded g;
    ck_assert_int_eq(guard_str(&g, "<p>a</p><script>if (a < b) x = '<div>';</script><style>p{}</style>"
                                   "<p>b</p>", NULL), WN_OK);
    ck_assert_str_eq(g.text, "<p>a</p><script></script><style></style><p>b</p>");
    ck_assert_uint_eq(g.report.elided_bytes, strlen("if (a < b) x = '<div>';") + strlen("p{}"));
    wn_arena_release(&g.arena);

    /* Escaped script: "<!--" then "<script" hides the first "</script>". */
    ck_assert_int_eq(guard_str(&g, "<script><!-- document.write('<script>x</script>'); --></script>"
                                   "<p>after</p>", NULL), WN_OK);
    ck_assert_str_eq(g.text, "<script></script><p>after</p>");
    wn_arena_release(&g.arena);

    /* JSON-LD is kept, its '<' as the JSON escape \u003c (the same string
     * to a JSON reader, no markup to an HTML parser); markup inside a script
     * is not counted as elements. */
    const char *ld = "<script type=\"application/ld+json\">{\"articleBody\": \"<div>\"}</script>";
    ck_assert_int_eq(guard_str(&g, ld, NULL), WN_OK);
    ck_assert_str_eq(g.text, "<script type=\"application/ld+json\">{\"articleBody\": \"\\u003cdiv>\"}"
                             "</script>");
    ck_assert_uint_eq(g.report.elements, 1);
    wn_arena_release(&g.arena);

    /* Other JSON (a framework's state) goes with the scripts: only JSON-LD
     * is read; a type whose character reference could spell it is kept. */
    ck_assert_int_eq(guard_str(&g, "<script type=\"application/json\" id=s>{\"a\": \"<b>\"}</script>"
                                   "<script type=\"Application/LD+JSON\">{}</script>"
                                   "<script type=\"application/ld&#43;json\">{}</script><p>x", NULL),
                     WN_OK);
    ck_assert_str_eq(g.text, "<script  id=s></script>"
                             "<script type=\"Application/LD+JSON\">{}</script>"
                             "<script type=\"application/ld&#43;json\">{}</script><p>x");
    ck_assert_uint_eq(g.report.elided_bytes, strlen("{\"a\": \"<b>\"}"));
    wn_arena_release(&g.arena);
    wn_guard_limits whole = LIMITS;
    whole.untrimmed = 1;
    ck_assert_int_eq(guard_str(&g, "<script type=\"application/json\">{\"a\": 1}</script>", &whole),
                     WN_OK);
    ck_assert_str_eq(g.text, "<script type=\"application/json\">{\"a\": 1}</script>");
    wn_arena_release(&g.arena);

    /* An unterminated script runs to the end. */
    ck_assert_int_eq(guard_str(&g, "<p>a</p><script>var x = '</scrip", NULL), WN_OK);
    ck_assert_str_eq(g.text, "<p>a</p><script>");
    wn_arena_release(&g.arena);
}
END_TEST

START_TEST(test_comments_and_raw_text_hide_tags)
{
    char *inner = repeated("<div>", 40, "");
    char page[1024];
    snprintf(page, sizeof page, "<!-- %s --><textarea>%s</textarea><!-->%s", inner, inner, "<p>x");
    guarded g;
    ck_assert_int_eq(guard_str(&g, page, NULL), WN_OK);
    ck_assert_uint_eq(g.report.dropped_deep, 0);
    ck_assert_uint_eq(g.report.elements, 2); /* textarea, p */
    /* Comments are cut, and the textarea's '<' become "&lt;" (the same text
     * to a parser that reads it as RCDATA, and no markup to one that does
     * not). */
    char want[1024];
    char *escaped = repeated("&lt;div>", 40, "");
    snprintf(want, sizeof want, "<textarea>%s</textarea><p>x", escaped);
    ck_assert_str_eq(g.text, want);
    free(escaped);
    wn_arena_release(&g.arena);
    free(inner);
}
END_TEST

START_TEST(test_unclosed_raw_text_closed_where_markup_resumes)
{
    /* Without </title> (</style>, ...) the element would hold the rest of
     * the page as its text; it is closed before the first HTML tag. */
    static const char *const cases[][2] = {
        {"<title>News <b>x</b>", "<title>News </title><b>x</b>"},
        {"<title>a < b, c<d\n<meta name=robots><p>x", "<title>a &lt; b, c&lt;d\n</title><meta name=robots><p>x"},
        {"<textarea>note<p>x", "<textarea>note</textarea><p>x"},
        {"<style>p{color:red}<p>x", "<style></style><p>x"},
        {"<xmp>code<div>x", "<xmp>code</xmp><div>x"},
        {"<iframe>alt<p>x", "<iframe></iframe><p>x"},
        /* a script's code holds tags in strings: only the page's own
         * structure ends it */
        {"<script>s='<p>';</head><body><p>x", "<script></script></head><body><p>x"},
        {"<script>s='<p>';<body>x", "<script></script><body>x"},
        /* a truncated page: nothing resumes, nothing changes */
        {"<p>x<title>cut off", "<p>x<title>cut off"},
        {"<p>x<script>s='<p>';", "<p>x<script>"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        guarded g;
        ck_assert_int_eq(guard_str(&g, cases[i][0], NULL), WN_OK);
        ck_assert_str_eq(g.text, cases[i][1]);
        ck_assert_uint_eq(g.report.closed_raw_text, i < 8 ? 1 : 0);
        wn_arena_release(&g.arena);
    }
}
END_TEST

START_TEST(test_too_many_elements)
{
    char *html = repeated("<br>", 200, "");
    wn_guard_limits few = {16, 8, 100, 0, 0};
    guarded g;
    ck_assert_int_eq(guard_str(&g, html, &few), WN_ERR_TOO_MANY_NODES);
    wn_arena_release(&g.arena);
    free(html);

    /* Text nodes count: 60 paragraphs are 120 nodes. */
    html = repeated("<p>x", 60, "");
    ck_assert_int_eq(guard_str(&g, html, &few), WN_ERR_TOO_MANY_NODES);
    ck_assert_uint_gt(g.report.nodes, 100);
    wn_arena_release(&g.arena);
    free(html);

    /* Formatting elements re-created in every paragraph count too: 4 <b>
     * left open in a <p>, then 25 paragraphs, are 30 start tags but 130
     * elements (each new <p> closes the last with its <b>s, its text
     * re-creates them). */
    html = repeated("<p>x", 25, "");
    char *page = malloc(strlen(html) + 64);
    ck_assert_ptr_nonnull(page);
    sprintf(page, "<p><b id=1><b id=2><b id=3><b id=4>%s", html);
    wn_guard_limits elements_only = {16, 8, 140, 0, 0};
    ck_assert_int_eq(guard_str(&g, page, &elements_only), WN_ERR_TOO_MANY_NODES);
    ck_assert_uint_gt(g.report.elements, 2 * 30); /* far more than the start tags */
    wn_arena_release(&g.arena);
    free(page);
    free(html);
}
END_TEST

/* Attribute bytes no reader wants are left out; what blocks.c and the
 * metadata read stays, and formatting elements keep all theirs. SVG and
 * MathML elements (blocks.c skips them) keep none but those that steer the
 * parser; an HTML element that breaks out of them keeps its own. A <link>
 * keeps its href's value only for the rels src/meta reads. */
static void expect_gone_and_kept(const char *text, const char *const *gone, size_t n_gone,
                                 const char *const *kept, size_t n_kept)
{
    for (size_t i = 0; i < n_gone; i++)
        ck_assert_msg(!strstr(text, gone[i]), "%s still in %s", gone[i], text);
    for (size_t i = 0; i < n_kept; i++)
        ck_assert_msg(strstr(text, kept[i]) != NULL, "%s lost from %s", kept[i], text);
}

START_TEST(test_unread_attributes_left_out)
{
    const char *html =
        "<body><div class=\"c\" data-x=\"1\" onclick=\"f()\" style=\"color:red\" id=i title=t>"
        "<b data-y=\"2\" onclick=\"g()\">t</b><b title=\"a longer title\">u</b>"
        "<p style=\"DISPLAY: none\" data-src=\"/lazy.jpg\">h</p>"
        "<img srcset=\"a.jpg 1x, b.jpg 2x\" alt=\"x\" width=10 src=\"data:image/png;base64,"
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\">"
        "<svg viewBox=\"0 0 1 1\"><path d=\"M0 0L1 1Z\"/></svg>"
        "<span style=\"a\" style=\"display:none\">two styles</span>"
        "<i>x</i><em style=\"color: blue\">kept</em><q style=\"dis\r\nplay : none\">spaced</q>"
        "<a href=\"/x\" rel=\"author\" itemprop=\"url\" data-z=\"3\">a</a></div>"
        "<script src=\"/app.js\" type=\"module\"></script><math><mi class=m>x</mi></math>"
        "<svg class=icon><p class=out>broke out</p></svg>"
        "<link rel=stylesheet href=/site.css><link rel=\"Canonical\" href=\"/page\">"
        "<link itemprop=url href=\"/item\"><link href=/print.css rel=stylesheet media=print>"
        "<svg><g/fill=red><rect/></g></svg>"
        "<img src=\"data:,\" data-original=\"/lazy1.jpg\" data-lazy-src=\"/lazy2.jpg\">"
        "<img srcset=\"/set.jpg 1x\" data-srcset=\"/set2.jpg 1x\"><source srcset=\"/source.jpg\">"
        "<meta charset=utf-8 name=description content=d><time datetime=2020-01-02 lang=en>t</time>"
        "<span itemprop=p content=c lang=en>s</span><button class=b type=submit>go</button>"
        "<input type=hidden name=n value=v class=c2 hidden><option value=o>o</option>"
        "<script type=\"application/ld+json\" async>{}</script><html lang=fr data-x=1>"
        /* a repeated name: Gumbo reads "z class" as "zclass", so left whole */
        "<div z z class=x lang=de onclick=f()>";
    /* Without links and images: an <img>'s addresses and alt go too. */
    guarded g;
    ck_assert_int_eq(guard_str(&g, html, NULL), WN_OK);
    static const char *const gone[] = {
        "data-x", "onclick=\"f", "color:red", "M0 0", "iVBOR", "viewBox", "/app.js", "class=m",
        "class=icon", ".css", "/source.jpg", "media=print", "title=", "srcset", "alt=", "width=",
        "lazy", "charset", "lang=en", "class=b", "type=submit", "name=n", "value=", "class=c2",
        "type=\"module\"", "async"};
    static const char *const kept[] = {
        "class=\"c\"", "id=i", "style=\"DISPLAY: none\"", "class=out", "<link rel=stylesheet href>",
        "href=\"/page\"", "href=\"/item\"", "<link href rel=stylesheet >", "<img   >",
        "<g/ ><rect/>", /* the '/' left before the '>' makes no self-closing tag */
        "style=\"a\" style=\"display:none\"", "href=\"/x\" rel=\"author\" itemprop=\"url\" >",
        "<em style=\"color: blue\">", "<q style=\"dis\r\nplay : none\">",
        "name=description content=d", "datetime=2020-01-02", "itemprop=p content=c",
        "type=hidden", "hidden>", "type=\"application/ld+json\"", "<html lang=fr >",
        "<div z z class=x lang=de onclick=f()>"};
    expect_gone_and_kept(g.text, gone, WN_COUNT(gone), kept, WN_COUNT(kept));
    wn_arena_release(&g.arena);

    /* With links or images wanted, what blocks/declare.c reads of an
     * image stays: its address (a long data: URL keeps "data:"), the lazy
     * ones, its alt text. */
    wn_guard_limits spans = LIMITS;
    spans.inline_attrs = 1;
    ck_assert_int_eq(guard_str(&g, html, &spans), WN_OK);
    static const char *const gone_spans[] = {"iVBOR", "/source.jpg", "width=", "/lazy.jpg"};
    static const char *const kept_spans[] = {
        "srcset=\"a.jpg 1x, b.jpg 2x\" alt=\"x\"  src=\"data:\"", "data-original=\"/lazy1.jpg\"",
        "data-lazy-src=\"/lazy2.jpg\"", "srcset=\"/set.jpg 1x\"", "data-srcset=\"/set2.jpg 1x\""};
    expect_gone_and_kept(g.text, gone_spans, WN_COUNT(gone_spans), kept_spans, WN_COUNT(kept_spans));
    wn_arena_release(&g.arena);
}
END_TEST

/* An <a>'s href is a link whatever its value: without links and images
 * wanted the value goes (hashed into the stand-in), unless its rel is one
 * src/meta reads the address for. */
START_TEST(test_link_address_left_out)
{
    const char *html = "<p><a href=\"/a/long/address.html\" class=x>1</a>"
                       "<a rel=author href=\"/by/someone\">2</a><a rel=nofollow href=\"/somewhere/else/entirely\">3</a>"
                       "<a href=\"/one/more/address\"class=y>4</a>";
    guarded g;
    ck_assert_int_eq(guard_str(&g, html, NULL), WN_OK);
    ck_assert_msg(!strstr(g.text, "/a/long/address.html") && !strstr(g.text, "/somewhere/else/entirely"), "%s",
                  g.text);
    ck_assert_msg(strstr(g.text, "<a href class=x>") != NULL, "%s", g.text);
    ck_assert_msg(strstr(g.text, "<a rel=nofollow href>") != NULL, "%s", g.text);
    /* a name right after the value is kept apart */
    ck_assert_msg(strstr(g.text, "<a href class=y>") != NULL, "%s", g.text);
    ck_assert_msg(strstr(g.text, "<a rel=author href=\"/by/someone\">") != NULL, "%s", g.text);
    wn_arena_release(&g.arena);

    wn_guard_limits spans = LIMITS;
    spans.inline_attrs = 1;
    ck_assert_int_eq(guard_str(&g, html, &spans), WN_OK);
    ck_assert_str_eq(g.text, html);
    wn_arena_release(&g.arena);
}
END_TEST

/* The stand-in (wn="<hash>") of a formatting element's unread
 * attributes. */
static void stand_in_of(const char *text, const char *tag, char *out, size_t size)
{
    const char *at = strstr(text, tag);
    ck_assert_ptr_nonnull(at);
    while (at > text && *at != '<')
        at--;
    const char *in = strstr(at, "wn=");
    ck_assert_msg(in && in < strchr(at, '>'), "no stand-in in %s", at);
    snprintf(out, size, "%.16s", in);
}

/* A formatting element's unread attributes give way to one stand-in that
 * is equal for two elements exactly when those attributes are (Gumbo
 * compares them: the Noah's ark clause). */
START_TEST(test_formatting_stand_in)
{
    const char *html =
        "<p><b href=/1 id=one data-track=\"story-list-item-1\" onclick=\"go(this, 'story')\">1</b>"
        "<b href=/1 id=two ONCLICK=\"go(this, 'story')\" Data-Track=\"story-list-item-1\">2</b>"
        "<b href=/3 id=three data-track=\"story-list-item-2\" onclick=\"go(this, 'story')\">3</b>"
        "<b href=/4 id=four data-track=\"story&amp;list-item-1\" onclick=\"go(this, 'story')\">4</b>"
        "<b href=/5 id=five data-track=\"story-list-item-1\" data-track=\"x\" onclick=\"go()\">5</b>"
        "<b onclick=\"go(this, 'story-list')\"class=next href=/6>6</b>"
        "<span data-track=\"story-list-item-1\" onclick=\"go(this, 'story')\">6</span>";
    guarded g;
    ck_assert_int_eq(guard_str(&g, html, NULL), WN_OK);
    char one[32], two[32], three[32];
    stand_in_of(g.text, "id=one", one, sizeof one);
    stand_in_of(g.text, "id=two", two, sizeof two);
    stand_in_of(g.text, "id=three", three, sizeof three);
    ck_assert_str_eq(one, two);    /* same attributes: order and case of names aside */
    ck_assert_str_ne(one, three);  /* another value */
    ck_assert_msg(!strstr(g.text, "story-list-item-1\" onclick"), "%s", g.text);
    /* left whole: a character reference, a name given twice */
    ck_assert_msg(strstr(g.text, "story&amp;list-item-1") != NULL, "%s", g.text);
    ck_assert_msg(strstr(g.text, "data-track=\"x\"") != NULL, "%s", g.text);
    /* the attribute after it keeps its name */
    ck_assert_msg(strstr(g.text, "\"class=next >") != NULL, "%s", g.text);
    /* not a formatting element: the attributes simply go */
    ck_assert_msg(strstr(g.text, "<span  >6</span>") != NULL, "%s", g.text);
    wn_arena_release(&g.arena);
}
END_TEST

/* A page's own wn="..." never passes for another element's stand-in
 * (Gumbo would compare the two as equal where the attributes they stand
 * for are not): it gives way to a stand-in however short, and when it
 * holds a character reference (any stand-in once decoded) the page gets
 * none. */
START_TEST(test_own_wn_is_no_stand_in)
{
    const char *one = "<p><b data-x=\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\">1</b>";
    guarded g;
    ck_assert_int_eq(guard_str(&g, one, NULL), WN_OK);
    char stand[32];
    stand_in_of(g.text, "<b", stand, sizeof stand);
    wn_arena_release(&g.arena);

    char page[256];
    snprintf(page, sizeof page, "%s<b %s id=two>2</b>", one, stand);
    ck_assert_int_eq(guard_str(&g, page, NULL), WN_OK);
    char two[32];
    stand_in_of(g.text, "id=two", two, sizeof two);
    ck_assert_str_ne(stand, two);
    wn_arena_release(&g.arena);

    /* the same value with its last character written as a reference */
    char ref[64];
    snprintf(ref, sizeof ref, "%.14s&#%d;\"", stand, stand[14]);
    snprintf(page, sizeof page, "%s<b %s id=two>2</b>", one, ref);
    ck_assert_int_eq(guard_str(&g, page, NULL), WN_OK);
    ck_assert_msg(strstr(g.text, "data-x=") != NULL, "%s", g.text);
    ck_assert_msg(strstr(g.text, ref) != NULL, "%s", g.text);
    wn_arena_release(&g.arena);
}
END_TEST

/* Runs of white space in text are cut to one byte (a line break when the
 * run holds one) wherever the text does not keep its white space. */
START_TEST(test_white_space_collapsed)
{
    static const char *const cases[][2] = {
        /* between tags and inside text */
        {"<div>\n    <p>a  b\t\t c</p>\n\n  </div>  ", "<div>\n<p>a b\tc</p>\n</div> "},
        {"<ul>  \r\n   <li>x</li>\r\n</ul>", "<ul>\r<li>x</li>\r</ul>"},
        /* kept inside pre, listing, plaintext, and elements nested in them */
        {"<p>a  b<pre>  x\n\n  y <b>  z  </b><div>  w  </div></pre>  c",
         "<p>a b<pre>  x\n\n  y <b>  z  </b><div>  w  </div></pre> c"},
        {"<listing>\n\n  a  </listing>  b", "<listing>\n\n  a  </listing> b"},
        {"<div>  a<plaintext>  b  </div>  c", "<div> a<plaintext>  b  </div>  c"},
        /* kept where a style may set white-space (even spelled with a
         * character reference, or spaced out) */
        {"<div style=\"white-space: pre-wrap\">  a  <span>  b  </span></div>  c",
         "<div style=\"white-space: pre-wrap\">  a  <span>  b  </span></div> c"},
        {"<p style='WHITE - SPACE:pre'>  a  </p><p style='color:&#114;ed'>  b  </p>  c",
         "<p style='WHITE - SPACE:pre'>  a  </p><p style='color:&#114;ed'>  b  </p> c"},
        /* a <pre> left unclosed keeps the rest; one closed by an end tag of
         * an element around it does not */
        {"<p>x  y<pre>a  b<p>c  d", "<p>x y<pre>a  b<p>c  d"},
        {"<div><pre>  a  </div>  b", "<div><pre>  a  </div> b"},
        /* text a table fosters into the <pre> it sits in */
        {"<pre><table>  x  <tr><td>  y  </td></tr></table></pre>  z",
         "<pre><table>  x  <tr><td>  y  </td></tr></table></pre> z"},
        /* the adoption agency moves <b>'s clone into the <pre> */
        {"<b><pre>  a  </b>  c  </pre>  d", "<b><pre>  a  </b>  c  </pre> d"},
        /* foreign content: an SVG's text is collapsed; <pre> leaves it */
        {"<svg>  <text>  a  </text>  </svg>  b", "<svg> <text> a </text> </svg> b"},
        {"<svg><g>  <pre>  a  </pre>  b", "<svg><g> <pre>  a  </pre> b"},
        /* raw text is left whole: title, textarea, xmp */
        {"<title>a  b</title><textarea>  x  </textarea><xmp>  y  </xmp>",
         "<title>a  b</title><textarea>  x  </textarea><xmp>  y  </xmp>"},
        /* a run with a form feed is left whole */
        {"a \f b  c", "a \f b c"},
    };
    for (size_t i = 0; i < WN_COUNT(cases); i++) {
        guarded g;
        ck_assert_int_eq(guard_str(&g, cases[i][0], NULL), WN_OK);
        ck_assert_msg(strcmp(g.text, cases[i][1]) == 0, "case %zu: \"%s\" became \"%s\"", i,
                      cases[i][0], g.text);
        ck_assert_uint_eq(g.report.collapsed_bytes, strlen(cases[i][0]) - strlen(g.text));
        wn_arena_release(&g.arena);
    }
}
END_TEST

/* Where the guard cannot mark the element that keeps white space on its
 * stack, it stops collapsing: a formatting element with such a style (the
 * parser re-creates it), or <html>/<body> with one (the parser merges it
 * into the one element, text before it included: the page is read again). */
START_TEST(test_white_space_kept_page_wide)
{
    guarded g;
    const char *formatting = "<p>a  b<b style=\"white-space:pre\">  c  </b><p>  d  ";
    ck_assert_int_eq(guard_str(&g, formatting, NULL), WN_OK);
    ck_assert_str_eq(g.text, "<p>a b<b style=\"white-space:pre\">  c  </b><p>  d  ");
    wn_arena_release(&g.arena);

    const char *body = "<p>a  b</p><body style='white-space:pre'><p>c  d";
    ck_assert_int_eq(guard_str(&g, body, NULL), WN_OK);
    ck_assert_str_eq(g.text, body);
    ck_assert_uint_eq(g.report.collapsed_bytes, 0);
    ck_assert_uint_eq(g.report.elements, 2);
    wn_arena_release(&g.arena);

    /* And when asked to keep it (limits.untrimmed). */
    wn_guard_limits keep = LIMITS;
    keep.untrimmed = 1;
    ck_assert_int_eq(guard_str(&g, "<p>a  b\n\n c", &keep), WN_OK);
    ck_assert_str_eq(g.text, "<p>a  b\n\n c");
    wn_arena_release(&g.arena);
}
END_TEST

Suite *wn_test_suite(void)
{
    Suite *s = suite_create("guard");
    TCase *tc = tcase_create("guard");
    tcase_add_test(tc, test_plain_page_untouched);
    tcase_add_test(tc, test_implied_ends_keep_depth_flat);
    tcase_add_test(tc, test_deep_nesting_flattened);
    tcase_add_test(tc, test_special_blocks_other_end_tags);
    tcase_add_test(tc, test_formatting_capped);
    tcase_add_test(tc, test_attributes_capped);
    tcase_add_test(tc, test_script_and_style_emptied);
    tcase_add_test(tc, test_comments_and_raw_text_hide_tags);
    tcase_add_test(tc, test_unclosed_raw_text_closed_where_markup_resumes);
    tcase_add_test(tc, test_too_many_elements);
    tcase_add_test(tc, test_unread_attributes_left_out);
    tcase_add_test(tc, test_link_address_left_out);
    tcase_add_test(tc, test_white_space_collapsed);
    tcase_add_test(tc, test_formatting_stand_in);
    tcase_add_test(tc, test_own_wn_is_no_stand_in);
    tcase_add_test(tc, test_white_space_kept_page_wide);
    suite_add_tcase(s, tc);
    return s;
}
