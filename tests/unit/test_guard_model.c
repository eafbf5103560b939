/* The guard against the parser it protects: whatever the input, Gumbo's
 * tree built from the guard's output stays within the depth and attribute
 * limits, and the guard counts at least the elements Gumbo creates. Checked
 * on the shapes a red team found (each a model error of an earlier guard),
 * on ordinary shapes the guard must leave alone, and on random tag soups. */
#include <gumbo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guard/guard.h"
#include "parse.h"
#include "runner.h"

typedef struct tree_stats {
    unsigned depth;        /* deepest element, <html> = 1 */
    unsigned attributes;   /* most attributes on one element */
    size_t elements;
    size_t tags[GUMBO_TAG_LAST + 1];
} tree_stats;

/* Guard, then parse with Gumbo's own allocator, and measure the tree. */
static wn_status guarded_tree(const char *html, size_t len, const wn_guard_limits *limits,
                              tree_stats *stats, wn_guard_report *report)
{
    wn_arena arena;
    wn_arena_init(&arena, 0);
    const char *out;
    size_t out_len;
    wn_status st = wn_guard(&arena, html, len, limits, &out, &out_len, report);
    memset(stats, 0, sizeof *stats);
    if (st != WN_OK) {
        wn_arena_release(&arena);
        return st;
    }
    GumboOutput *parsed = gumbo_parse_with_options(&kGumboDefaultOptions, out, out_len);
    ck_assert_ptr_nonnull(parsed);
    size_t cap = 1024, n = 0;
    const GumboNode **stack = malloc(cap * sizeof *stack);
    unsigned *depths = malloc(cap * sizeof *depths);
    ck_assert(stack && depths);
    stack[n] = parsed->root;
    depths[n++] = 1;
    while (n) {
        const GumboNode *node = stack[--n];
        unsigned d = depths[n];
        if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE)
            continue;
        const GumboElement *el = &node->v.element;
        stats->elements++;
        stats->tags[el->tag]++;
        if (d > stats->depth)
            stats->depth = d;
        if (el->attributes.length > stats->attributes)
            stats->attributes = el->attributes.length;
        for (unsigned i = 0; i < el->children.length; i++) {
            if (n == cap) {
                cap *= 2;
                stack = realloc(stack, cap * sizeof *stack);
                depths = realloc(depths, cap * sizeof *depths);
                ck_assert(stack && depths);
            }
            stack[n] = el->children.data[i];
            depths[n++] = d + 1;
        }
    }
    free(stack);
    free(depths);
    gumbo_destroy_output(&kGumboDefaultOptions, parsed);
    wn_arena_release(&arena);
    return WN_OK;
}

/* `unit` repeated to `size` bytes after `head`. */
static char *shape(const char *head, const char *unit, size_t size, size_t *len)
{
    size_t h = strlen(head), u = strlen(unit);
    char *s = malloc(size + h + u + 1);
    ck_assert_ptr_nonnull(s);
    memcpy(s, head, h);
    size_t n = h;
    while (n < size + h) {
        memcpy(s + n, unit, u);
        n += u;
    }
    s[n] = '\0';
    *len = n;
    return s;
}

/* <html> and <body> sit above the limit. */
#define ABOVE_BODY 2

static const wn_guard_limits DEFAULT_LIMITS = {512, 256, 100000000, 0, 0};

static void assert_within(const char *head, const char *unit, size_t size)
{
    size_t len;
    char *html = shape(head, unit, size, &len);
    tree_stats stats;
    wn_guard_report report;
    ck_assert_int_eq(guarded_tree(html, len, &DEFAULT_LIMITS, &stats, &report), WN_OK);
    if (stats.depth > DEFAULT_LIMITS.max_depth + ABOVE_BODY)
        ck_abort_msg("%s%s...: Gumbo's tree is %u deep, the limit %u", head, unit, stats.depth,
                     DEFAULT_LIMITS.max_depth);
    ck_assert_uint_le(stats.attributes, DEFAULT_LIMITS.max_attributes);
    ck_assert_uint_le(stats.elements, report.elements + 3); /* + html, head, body */
    free(html);
}

START_TEST(test_red_team_shapes)
{
    /* Each took minutes at 1 MB: the guard's model parted from Gumbo's. */
    static const char *const shapes[][2] = {
        {"", "<li><section>"},                       /* <li> does not close through <section> */
        {"", "<dd><article>"},
        {"<!-- a --!>", "<div>"},                    /* "--!>" ends a comment */
        {"<select><xmp></select>", "<div>"},         /* <xmp> is ignored in a <select> */
        {"<math><mi><textarea><!--</textarea>", "<div>"}, /* raw text at an integration point */
        {"<body>", "<section><li>"},
        {"", "<b><div></b>"},                        /* adoption agency: the clone sits above */
    };
    size_t sizes[] = {(size_t)1 << 20, (size_t)4 << 20};
    for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++)
        for (size_t i = 0; i < sizeof shapes / sizeof *shapes; i++)
            assert_within(shapes[i][0], shapes[i][1], sizes[s]);
}
END_TEST

START_TEST(test_table_text_held_back)
{
    /* In a table Gumbo holds text back and re-creates the formatting
     * elements only when the next token reaches the HTML rules; a push or
     * pop of foreign content flushes it without them. A doctype there is
     * such a token (the guard cuts it). */
    static const char *const shapes[][2] = {
        {"<table><svg><title><b><i><u><s></b>w</title>", "<p>u"}, /* a clone a letter */
        {"<table><b><i><u></b>", "<svg><title><s></s>w</title><p>u"},
        {"<table><b><i><u></b>", "<svg><title>w</title>x</b><p>u"},
        {"<table><b><i><u></b>", "x<!DOCTYPE html><svg></svg>y</title>"},
    };
    for (size_t i = 0; i < sizeof shapes / sizeof *shapes; i++)
        assert_within(shapes[i][0], shapes[i][1], 64 << 10);
}
END_TEST

START_TEST(test_noahs_ark_values_keep_case)
{
    /* The Noah's ark clause keeps at most three equal entries; "x" and "X"
     * are different values, so Gumbo keeps all four <b>s and re-creates
     * them in every paragraph. */
    assert_within("<p><b class=x><b class=X><b class=X><b class=X></p>", "<p>y</p>", 64 << 10);
}
END_TEST

START_TEST(test_merged_attributes_bounded)
{
    /* Gumbo merges the attributes of every <body> (<html>) into the first,
     * each checked against all before it. */
    for (int which = 0; which < 2; which++) {
        char *html = malloc(2 << 20);
        ck_assert_ptr_nonnull(html);
        size_t n = 0;
        for (int i = 0; n < (1 << 20); i++)
            n += (size_t)sprintf(html + n, which ? "<html a%d=v>" : "<body a%d=v>", i);
        tree_stats stats;
        wn_guard_report report;
        ck_assert_int_eq(guarded_tree(html, n, &DEFAULT_LIMITS, &stats, &report), WN_OK);
        ck_assert_uint_le(stats.attributes, DEFAULT_LIMITS.max_attributes);
        ck_assert_uint_gt(report.dropped_attributes, 0);
        free(html);
    }
}
END_TEST

START_TEST(test_overflow_when_a_cut_tag_lost_attributes)
{
    /* A tag first loses its attributes past the limit, then is cut whole
     * (one formatting element too many, or too deep): the copy must never
     * go back over what it already wrote (ASan found a negative memcpy). */
    char html[4096];
    size_t n = 0;
    for (int i = 0; i < 40; i++)
        n += (size_t)sprintf(html + n, "<b id=%d>", i);
    n += (size_t)sprintf(html + n, "<b");
    for (int i = 0; i < 257; i++)
        n += (size_t)sprintf(html + n, " a");
    n += (size_t)sprintf(html + n, ">x");
    tree_stats stats;
    wn_guard_report report;
    ck_assert_int_eq(guarded_tree(html, n, &DEFAULT_LIMITS, &stats, &report), WN_OK);
    ck_assert_uint_gt(report.dropped_formatting, 0);

    size_t len;
    char *deep = shape("", "<div>", 520 * 5, &len);
    char *tail = realloc(deep, len + 600);
    ck_assert_ptr_nonnull(tail);
    n = len + (size_t)sprintf(tail + len, "<div");
    for (int i = 0; i < 257; i++)
        n += (size_t)sprintf(tail + n, " a");
    n += (size_t)sprintf(tail + n, ">x");
    ck_assert_int_eq(guarded_tree(tail, n, &DEFAULT_LIMITS, &stats, &report), WN_OK);
    ck_assert_uint_gt(report.dropped_deep, 0);
    ck_assert_uint_le(stats.depth, DEFAULT_LIMITS.max_depth + ABOVE_BODY);
    free(tail);
}
END_TEST

START_TEST(test_unclosed_link_menu_kept)
{
    /* Each <a> closes the one before (the adoption agency): a menu of 100
     * unclosed links nests nothing and loses no link. */
    char html[8192];
    size_t n = (size_t)sprintf(html, "<ul>");
    for (int i = 0; i < 100; i++)
        n += (size_t)sprintf(html + n, "<li><a href=/p%d>item %d", i, i);
    n += (size_t)sprintf(html + n, "</ul><p>The article.</p>");
    tree_stats stats;
    wn_guard_report report;
    ck_assert_int_eq(guarded_tree(html, n, &DEFAULT_LIMITS, &stats, &report), WN_OK);
    ck_assert_uint_eq(report.dropped_formatting, 0);
    ck_assert_uint_eq(report.dropped_deep, 0);
    ck_assert_uint_ge(stats.tags[GUMBO_TAG_A], 100); /* and the last one reopened in <p> */
    ck_assert_uint_le(stats.depth, 6);
}
END_TEST

START_TEST(test_ordinary_nesting_untouched)
{
    /* Tables in tables, lists in lists, formatting across paragraphs: what
     * real pages do, well under the limit, is never cut. */
    const char *pages[] = {
        "<table><tr><td><table><tr><td><table><tr><td>x</table></table></table>",
        "<ul><li>a<ul><li>b<ul><li>c</ul></ul><li>d</ul>",
        "<p><b>bold<p>still bold</b><p>plain",
        "<div><form><input><select><option>a<option>b</select></form></div>",
        "<svg><g><text>x</text><foreignObject><p>y</p></foreignObject></g></svg>",
        "<font><center><font><table><tr><td><font>z</table></font></center></font>",
    };
    for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
        tree_stats stats;
        wn_guard_report report;
        ck_assert_int_eq(guarded_tree(pages[i], strlen(pages[i]), &DEFAULT_LIMITS, &stats,
                                      &report), WN_OK);
        ck_assert_uint_eq(report.dropped_deep + report.dropped_formatting, 0);
        /* The model's depth is Gumbo's. */
        ck_assert_uint_eq(report.max_depth_seen + ABOVE_BODY, stats.depth);
    }
}
END_TEST

/* Tokens that decide the open-element stack: implied ends, special and
 * scoping elements, formatting elements, tables, select, foreign content
 * and its integration points, raw text, comments, templates, framesets. */
static const char *const SOUP[] = {
    "<div>", "</div>", "<p>", "</p>", "<li>", "</li>", "<ul>", "</ul>", "<dd>", "<dt>", "<dl>",
    "</dl>", "<section>", "</section>", "<article>", "<b>", "</b>", "<i>", "</i>", "<a href=x>",
    "</a>", "<nobr>", "</nobr>", "<font color=red>", "</font>", "<b id=1>", "<b id=2>", "<em>",
    "<table>", "</table>", "<tr>", "<td>", "</td>", "</tr>", "<th>", "<tbody>", "</tbody>",
    "<caption>", "</caption>", "<col>", "<colgroup>", "<select>", "</select>", "<option>",
    "<optgroup>", "<xmp>", "</xmp>", "<textarea>", "</textarea>", "<title>", "</title>", "<math>",
    "</math>", "<mi>", "</mi>", "<mtext>", "<svg>", "</svg>", "<foreignObject>",
    "</foreignObject>", "<desc>", "<annotation-xml encoding=text/html>", "<g>", "</g>", "<span>",
    "</span>", "<button>", "</button>", "<form>", "</form>", "<h1>", "<h2>", "</h1>", "<pre>",
    "<listing>", "<object>", "</object>", "<marquee>", "<br>", "</br>", "<img>", "<input>",
    "<input type=hidden>", "<hr>", "<body a=1>", "<html b=2>", "<noscript>", "</noscript>",
    "<script>", "</script>", "<style>", "</style>", "<!--", "-->", "--!>", "text ", "  ",
    "<ruby>", "<rt>", "<rp>", "<rb>", "<rtc>", "</ruby>", "<address>", "<main>", "</main>",
    "<center>", "<menu>", "<x-y>", "</x-y>", "<s>", "<u>", "</u>", "<strong>", "</strong>",
    "<small>", "<big>", "<tt>", "<code>", "<strike>", "<plaintext>", "<iframe>", "</iframe>",
};

START_TEST(test_random_soups_within_limits)
{
    /* A deterministic sample of tag soups under tiny limits: a model error
     * shows as a tree deeper than the limit. (The differential fuzz target
     * fuzz_guard explores the same invariant without end.) */
    unsigned seed = 12345;
    char html[8192];
    size_t nsoup = sizeof SOUP / sizeof *SOUP;
    for (int round = 0; round < 4000; round++) {
        size_t n = 0;
        seed = seed * 1103515245u + 12345u;
        int tokens = 1 + (int)((seed >> 16) % 160);
        for (int k = 0; k < tokens; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *tok = SOUP[(seed >> 16) % nsoup];
            size_t l = strlen(tok);
            memcpy(html + n, tok, l);
            n += l;
        }
        seed = seed * 1103515245u + 12345u;
        wn_guard_limits limits = {3 + (seed >> 16) % 12, 4, 100000, 0, 0};
        tree_stats stats;
        wn_guard_report report;
        ck_assert_int_eq(guarded_tree(html, n, &limits, &stats, &report), WN_OK);
        if (stats.depth > limits.max_depth + ABOVE_BODY)
            ck_abort_msg("depth %u past the limit %u for: %.*s", stats.depth, limits.max_depth,
                         (int)n, html);
        ck_assert_uint_le(stats.elements, report.elements + 3);
    }
}
END_TEST

START_TEST(test_parse_budget_and_flattened_fallback)
{
    /* The budget stops the parse at the first clock reading past it. */
    size_t len;
    char *html = shape("<title>T</title>", "<div><p>Some words <a href=/x>a link</a> here.</p></div>",
                       200000, &len);
    wn_arena arena;
    wn_arena_init(&arena, 0);
    GumboOutput *out = NULL;
    ck_assert_int_eq(wn_parse(&arena, html, len, 1, &out), WN_ERR_WORK_LIMIT);
    ck_assert_ptr_null(out);
    ck_assert_int_eq(wn_parse(&arena, html, len, 0, &out), WN_OK); /* no budget */
    ck_assert_ptr_nonnull(out);
    wn_arena_release(&arena);

    /* The fallback: the text in plain paragraphs, no parser can nest it. */
    char *deep = shape("<title>Deep</title>", "<li><section><b id=1><i>word <a href=/y>link</a> ",
                       100000, &len);
    wn_arena_init(&arena, 0);
    const char *flat;
    size_t flat_len;
    ck_assert_int_eq(wn_guard_flatten(&arena, deep, len, &flat, &flat_len), WN_OK);
    GumboOutput *parsed = gumbo_parse_with_options(&kGumboDefaultOptions, flat, flat_len);
    size_t words = 0;
    unsigned depth = 0;
    size_t cap = 1024, n = 0;
    const GumboNode **stack = malloc(cap * sizeof *stack);
    unsigned *depths = malloc(cap * sizeof *depths);
    stack[n] = parsed->root;
    depths[n++] = 1;
    while (n) {
        const GumboNode *node = stack[--n];
        unsigned d = depths[n];
        if (node->type == GUMBO_NODE_TEXT && strstr(node->v.text.text, "word"))
            words++;
        if (node->type != GUMBO_NODE_ELEMENT)
            continue;
        if (d > depth)
            depth = d;
        for (unsigned i = 0; i < node->v.element.children.length; i++) {
            if (n == cap) {
                cap *= 2;
                stack = realloc(stack, cap * sizeof *stack);
                depths = realloc(depths, cap * sizeof *depths);
            }
            stack[n] = node->v.element.children.data[i];
            depths[n++] = d + 1;
        }
    }
    ck_assert_uint_le(depth, 4); /* html > body > p > a */
    ck_assert_uint_eq(words, len / strlen("<li><section><b id=1><i>word <a href=/y>link</a> "));
    ck_assert_ptr_nonnull(strstr(flat, "<title>Deep</title>"));
    free(stack);
    free(depths);
    gumbo_destroy_output(&kGumboDefaultOptions, parsed);
    wn_arena_release(&arena);
    free(html);
    free(deep);
}
END_TEST

Suite *wn_test_suite(void)
{
    Suite *s = suite_create("guard_model");
    TCase *tc = tcase_create("guard_model");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_red_team_shapes);
    tcase_add_test(tc, test_table_text_held_back);
    tcase_add_test(tc, test_noahs_ark_values_keep_case);
    tcase_add_test(tc, test_merged_attributes_bounded);
    tcase_add_test(tc, test_overflow_when_a_cut_tag_lost_attributes);
    tcase_add_test(tc, test_unclosed_link_menu_kept);
    tcase_add_test(tc, test_ordinary_nesting_untouched);
    tcase_add_test(tc, test_random_soups_within_limits);
    tcase_add_test(tc, test_parse_budget_and_flattened_fallback);
    suite_add_tcase(s, tc);
    return s;
}
