/* The scorer's rule registry (src/score/rules.def) and its coverage: every
 * rule that can be switched off has a page in tests/rules/ (named by the
 * registry's test column) whose extraction changes when the rule is off and
 * whose --explain names the rule when it is on. A rule without a page fails
 * the test unless it is listed below as a known gap, with the reason. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "doc_helper.h"
#include "output/render.h"
#include "runner.h"
#include "score/score.h"
#include "winnow.h"

#ifndef WN_RULE_PAGES
#error "WN_RULE_PAGES (the folder of tests/rules) must be defined by the build"
#endif

/* Rules no page shows yet, and why. Keep it short. */
typedef struct rule_gap {
    wn_rule rule;
    const char *reason;
} rule_gap;

static const rule_gap GAPS[] = {
    {WN_RULE_COUNT, NULL}, /* the end (the table may be otherwise empty) */
};

static const char *gap_reason(wn_rule rule)
{
    for (size_t i = 0; GAPS[i].reason; i++)
        if (GAPS[i].rule == rule)
            return GAPS[i].reason;
    return NULL;
}

static int to_buf(void *data, const char *bytes, size_t len)
{
    wn_buf_append((wn_buf *)data, bytes, len);
    return 0;
}

/* What the reader gets from a page with the given rules off: the text
 * without and with the comments, one after the other; and its explain. */
typedef struct extraction {
    char *text;
    char *explain;
} extraction;

static const wn_rule_set NO_RULE_OFF;

static extraction extract(const char *html, wn_rule_set rules_off)
{
    extraction e;
    wn_test_doc t;
    ck_assert_int_eq(wn_test_doc_build(&t, html, 0), WN_OK);
    t.doc.rules_off = rules_off;
    wn_score_select(&t.doc);
    wn_buf text;
    wn_buf_init(&text);
    for (int comments = 0; comments < 2; comments++) {
        wn_arena arena;
        wn_arena_init(&arena, 0);
        wn_content content;
        memset(&content, 0, sizeof content);
        content.arena = &arena;
        ck_assert_int_eq(wn_content_build(&t.doc, comments, &content), WN_OK);
        ck_assert_int_eq(wn_render_text(&content, NULL, to_buf, &text), WN_OK);
        wn_buf_puts(&text, "\n----\n");
        wn_arena_release(&arena);
    }
    ck_assert(!text.failed);
    e.text = wn_buf_detach(&text, NULL);
    wn_buf explain;
    wn_buf_init(&explain);
    wn_render_explain(&t.doc, &explain);
    ck_assert(!explain.failed);
    e.explain = wn_buf_detach(&explain, NULL);
    wn_test_doc_free(&t);
    return e;
}

static void extraction_free(extraction *e)
{
    free(e->text);
    free(e->explain);
}

/* The page of a rule's case, or NULL when there is none. */
static char *read_page(const char *test)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s.html", WN_RULE_PAGES, test);
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    wn_buf b;
    wn_buf_init(&b);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        wn_buf_append(&b, chunk, n);
    fclose(f);
    ck_assert(!b.failed);
    wn_buf_puts(&b, "");
    return wn_buf_detach(&b, NULL);
}

/* ---- the registry ------------------------------------------------------------ */

START_TEST(names_unique_and_parsed)
{
    for (int r = 0; r < WN_RULE_COUNT; r++) {
        const char *name = wn_rule_name((wn_rule)r);
        ck_assert_str_ne(name, "?");
        ck_assert_int_eq(wn_rule_by_name(name, strlen(name)), r);
        ck_assert_ptr_nonnull(wn_rule_what((wn_rule)r));
        ck_assert_uint_gt(strlen(wn_rule_what((wn_rule)r)), 0);
        /* A family is a rule of the family itself. */
        wn_rule family = wn_rule_family((wn_rule)r);
        ck_assert_int_eq(wn_rule_family(family), family);
        ck_assert_str_ne(wn_rule_stage_name(wn_rule_stage_of((wn_rule)r)), "?");
    }
    ck_assert_int_eq(wn_rule_by_name("no-such-rule", 12), WN_RULE_COUNT);
    /* The set holds the named rules and no other; a bad name leaves it. */
    wn_rule_set set = wn_rule_set_of(WN_RULE_TOP);
    ck_assert(wn_rules_parse("link-line, teaser-list,title", &set));
    for (unsigned r = 0; r < WN_RULE_SET_MAX; r++)
        ck_assert_int_eq(wn_rule_set_has(&set, r),
                         r == WN_RULE_LINK_LINE || r == WN_RULE_TEASER_LIST || r == WN_RULE_TITLE);
    ck_assert(!wn_rules_parse("link-line,links", &set));
    ck_assert(wn_rule_set_has(&set, WN_RULE_TEASER_LIST) && !wn_rule_set_has(&set, WN_RULE_TOP));
    ck_assert(wn_rules_parse("", &set));
    for (unsigned r = 0; r < WN_RULE_SET_MAX; r++)
        ck_assert(!wn_rule_set_has(&set, r));
    /* Rules past the first 64 are switched off on their own. */
    wn_rule_set last = wn_rule_set_of(WN_RULE_COUNT - 1);
    ck_assert(wn_rule_set_has(&last, WN_RULE_COUNT - 1) && !wn_rule_set_has(&last, WN_RULE_COUNT - 1 - 64));
    /* Splitting a rule keeps its family: what asks for link density still
     * finds the hover cards it drops. */
    ck_assert_int_eq(wn_rule_family(WN_RULE_INLINE_LINK_LIST), WN_RULE_LINK_DENSITY);
    ck_assert_int_eq(wn_rule_family(WN_RULE_STRANDED_HEADING), WN_RULE_MARKER_SECTION);
    ck_assert_int_eq(wn_rule_family(WN_RULE_DATE_LINE), WN_RULE_MARKER);
}
END_TEST

/* ---- coverage ---------------------------------------------------------------- */

START_TEST(rule_has_changing_case)
{
    wn_rule rule = (wn_rule)_i;
    const char *name = wn_rule_name(rule);
    const char *test = wn_rule_test(rule);
    if (wn_rule_stage_of(rule) == WN_STAGE_DEFAULT) {
        /* The label of no decision: nothing to switch off. */
        ck_assert_str_eq(test, "");
        return;
    }
    const char *gap = gap_reason(rule);
    char *html = *test ? read_page(test) : NULL;
    if (gap) {
        /* A gap that is shown after all must leave the list. */
        ck_assert_msg(!html, "rule %s is listed as a gap but has the page %s.html", name, test);
        return;
    }
    ck_assert_msg(*test, "rule %s names no test case in rules.def", name);
    ck_assert_msg(html, "rule %s: no page tests/rules/%s.html", name, test);
    extraction with = extract(html, NO_RULE_OFF);
    extraction without = extract(html, wn_rule_set_of(rule));
    char shown[96];
    snprintf(shown, sizeof shown, " (%s)", name);
    ck_assert_msg(strstr(with.explain, shown), "rule %s: its page's explain does not name it:\n%.1500s", name,
                  with.explain);
    ck_assert_msg(strcmp(with.text, without.text) != 0,
                  "rule %s: its page's extraction does not change when it is off:\n%.1500s", name, with.text);
    /* Off, the rule decides nothing (but for the top candidate: off, the
     * body is the region, labelled as the top). */
    ck_assert_msg(rule == WN_RULE_TOP || !strstr(without.explain, shown), "rule %s switched off still decides:\n%.1500s", name,
                  without.explain);
    extraction_free(&with);
    extraction_free(&without);
    free(html);
}
END_TEST

/* Every page of tests/rules is some rule's case: no page is left behind
 * when a rule is renamed. */
START_TEST(no_stray_pages)
{
    DIR *dir = opendir(WN_RULE_PAGES);
    ck_assert_ptr_nonnull(dir);
    unsigned pages = 0;
    for (struct dirent *e; (e = readdir(dir)) != NULL;) {
        size_t len = strlen(e->d_name);
        if (len < 6 || strcmp(e->d_name + len - 5, ".html") != 0)
            continue;
        pages++;
        bool named = false;
        for (int r = 0; r < WN_RULE_COUNT && !named; r++) {
            const char *test = wn_rule_test((wn_rule)r);
            named = strlen(test) == len - 5 && memcmp(test, e->d_name, len - 5) == 0;
        }
        ck_assert_msg(named, "tests/rules/%s is the case of no rule in rules.def", e->d_name);
    }
    closedir(dir);
    ck_assert_uint_gt(pages, 0);
}
END_TEST

/* A blog's front page keeps its first post alone; the same run of posts
 * dated oldest first is a thread of replies, and keeps them all. */
static char *swap_all(const char *text, const char *from, const char *to)
{
    wn_buf b;
    wn_buf_init(&b);
    size_t flen = strlen(from);
    for (const char *p = text, *hit; *p; p = hit + flen) {
        hit = strstr(p, from);
        if (!hit) {
            wn_buf_puts(&b, p);
            break;
        }
        wn_buf_append(&b, p, (size_t)(hit - p));
        wn_buf_puts(&b, to);
    }
    ck_assert(!b.failed);
    wn_buf_puts(&b, "");
    return wn_buf_detach(&b, NULL);
}

START_TEST(first_post_newest_first_only)
{
    char *html = read_page("first-post");
    ck_assert_ptr_nonnull(html);
    extraction blog = extract(html, NO_RULE_OFF);
    ck_assert_ptr_nonnull(strstr(blog.text, "The first frost came last night"));
    ck_assert_ptr_null(strstr(blog.text, "The leeks went in late"));
    ck_assert_ptr_null(strstr(blog.text, "The runner beans I left"));
    /* The first post's year moved back: the dates now run oldest first. */
    char *thread = swap_all(html, "2024-11-20", "2023-11-20");
    char *swapped = swap_all(thread, "2024-10-15", "2025-10-15");
    extraction replies = extract(swapped, NO_RULE_OFF);
    ck_assert_ptr_nonnull(strstr(replies.text, "The first frost came last night"));
    ck_assert_ptr_nonnull(strstr(replies.text, "The leeks went in late"));
    ck_assert_ptr_null(strstr(replies.explain, " (first-post)"));
    extraction_free(&blog);
    extraction_free(&replies);
    free(thread);
    free(swapped);
    free(html);
}
END_TEST

/* Switching every rule off but the defaults still extracts something
 * without failing, and names no rule. */
START_TEST(all_off)
{
    char *html = read_page("marker-section");
    ck_assert_ptr_nonnull(html);
    wn_rule_set all;
    memset(&all, 0xff, sizeof all);
    extraction e = extract(html, all);
    for (int r = 0; r < WN_RULE_COUNT; r++) {
        if (wn_rule_stage_of((wn_rule)r) == WN_STAGE_DEFAULT || r == WN_RULE_TOP)
            continue;
        char shown[96];
        snprintf(shown, sizeof shown, " (%s)", wn_rule_name((wn_rule)r));
        ck_assert_msg(!strstr(e.explain, shown), "%s decides while off", wn_rule_name((wn_rule)r));
    }
    extraction_free(&e);
    free(html);
}
END_TEST

/* The library reads WINNOW_RULES_OFF once, when an extractor is made: a
 * page extracted by it has those rules off; an unknown name is refused. */
static char *extract_with_env(const char *html, const char *off)
{
    if (off)
        ck_assert_int_eq(setenv("WINNOW_RULES_OFF", off, 1), 0);
    else
        ck_assert_int_eq(unsetenv("WINNOW_RULES_OFF"), 0);
    wn_extractor *ex = NULL;
    ck_assert_int_eq(wn_extractor_new(NULL, &ex), WN_OK);
    ck_assert_int_eq(unsetenv("WINNOW_RULES_OFF"), 0);
    wn_result *res = NULL;
    ck_assert_int_eq(wn_extract(ex, html, strlen(html), NULL, NULL, &res), WN_OK);
    size_t len = 0;
    const char *text = wn_result_text(res, &len);
    ck_assert_ptr_nonnull(text);
    char *copy = strndup(text, len);
    wn_result_free(res);
    wn_extractor_free(ex);
    return copy;
}

START_TEST(env_read_at_creation)
{
    char *html = read_page("promo-line");
    ck_assert_ptr_nonnull(html);
    char *normal = extract_with_env(html, NULL);
    char *off = extract_with_env(html, "promo-line");
    ck_assert_ptr_null(strstr(normal, "Sign up for our newsletter"));
    ck_assert_ptr_nonnull(strstr(off, "Sign up for our newsletter"));
    free(normal);
    free(off);
    ck_assert_int_eq(setenv("WINNOW_RULES_OFF", "promo-line,no-such-rule", 1), 0);
    wn_extractor *ex = (wn_extractor *)1;
    ck_assert_int_eq(wn_extractor_new(NULL, &ex), WN_ERR_ARGUMENT);
    ck_assert_ptr_null(ex);
    ck_assert_int_eq(unsetenv("WINNOW_RULES_OFF"), 0);
    free(html);
}
END_TEST

/* thread-title: a discussion's text opens with its thread's title, a
 * heading set above the posts' common parent; off, the title is only the
 * page's metadata. */
START_TEST(thread_title_opens_discussion)
{
    char *html = read_page("thread-title");
    ck_assert_ptr_nonnull(html);
    extraction on = extract(html, NO_RULE_OFF);
    extraction off = extract(html, wn_rule_set_of(WN_RULE_THREAD_TITLE));
    const char *title = "Sourdough starter smells of nail varnish\n";
    ck_assert_msg(strncmp(on.text, title, strlen(title)) == 0, "%.300s", on.text);
    ck_assert_ptr_null(strstr(off.text, title));
    /* The replies are there either way. */
    ck_assert_ptr_nonnull(strstr(on.text, "A stiffer starter goes hungry"));
    ck_assert_ptr_nonnull(strstr(off.text, "A stiffer starter goes hungry"));
    extraction_free(&on);
    extraction_free(&off);
    free(html);
}
END_TEST

/* thread-twins: the answers listed apart from the one shown, each under
 * its author's link, are posts of the discussion, in document order. */
START_TEST(thread_twins_keeps_other_answers)
{
    char *html = read_page("thread-twins");
    ck_assert_ptr_nonnull(html);
    extraction on = extract(html, NO_RULE_OFF);
    extraction off = extract(html, wn_rule_set_of(WN_RULE_THREAD_TWINS));
    const char *shown = strstr(on.text, "Tulips keep growing");
    const char *pin = strstr(on.text, "A pin pricked through the stem");
    const char *water = strstr(on.text, "Use very little water");
    ck_assert_ptr_nonnull(shown);
    ck_assert_ptr_nonnull(pin);
    ck_assert_ptr_nonnull(water);
    ck_assert(shown < pin && pin < water);
    ck_assert_ptr_nonnull(strstr(on.explain, "page kind: discussion"));
    ck_assert_ptr_null(strstr(off.text, "A pin pricked through the stem"));
    ck_assert_ptr_nonnull(strstr(off.text, "Tulips keep growing"));
    /* The authors' names are signatures, not the posts' text. */
    ck_assert_ptr_null(strstr(on.text, "sabine\n"));
    extraction_free(&on);
    extraction_free(&off);
    free(html);
}
END_TEST

/* thread-twins: the other answers inside the kept region, in a box named
 * as related ("more answers"), go with it in the pruning; the rule keeps
 * them again, without the box's heading and the authors' names. */
START_TEST(thread_twins_keeps_answers_in_related_box)
{
    char *html = read_page("thread-twins");
    ck_assert_ptr_nonnull(html);
    char *a = swap_all(html, "<div class=\"main\"><div class=\"col\">",
                       "<div class=\"main\"><div class=\"col\"><div class=\"question-column\">"
                       "<div class=\"login-box\"><b>Log in to see more</b> Follow answers and ask your own "
                       "questions</div><div class=\"card view-all\"><a href=\"/q/1/all\">All 3 answers</a></div>");
    char *b = swap_all(a, "<div class=\"card others\">", "<div class=\"card more-answers\">");
    char *page = swap_all(b, "</div></div>\n<div class=\"side\">",
                          "</div><div class=\"card view-all\"><a href=\"/q/1/all\">All 3 answers</a></div></div></div>\n"
                          "<div class=\"side\">");
    extraction on = extract(page, NO_RULE_OFF);
    extraction off = extract(page, wn_rule_set_of(WN_RULE_THREAD_TWINS));
    const char *shown = strstr(on.text, "Tulips keep growing");
    const char *pin = strstr(on.text, "A pin pricked through the stem");
    const char *water = strstr(on.text, "Use very little water");
    ck_assert_ptr_nonnull(shown);
    ck_assert_ptr_nonnull(pin);
    ck_assert_ptr_nonnull(water);
    ck_assert(shown < pin && pin < water);
    ck_assert_ptr_null(strstr(on.text, "Other answers"));
    ck_assert_ptr_null(strstr(on.text, "sabine\n"));
    ck_assert_ptr_null(strstr(off.text, "A pin pricked through the stem"));
    extraction_free(&on);
    extraction_free(&off);
    free(page);
    free(b);
    free(a);
    free(html);
}
END_TEST

/* thread-twins: the answers' cells are named apart from the question's
 * (a "postcell" around the question's text, an "answercell" around each
 * answer's): the top's place in each copy is found by the top's own shape,
 * and every answer is kept, in order. Off, only the question is. */
START_TEST(thread_twins_finds_place_in_cells_named_apart)
{
    static const char *answer =
        "<div class=\"answer\"><div class=\"post-layout\"><div class=\"votecell\">%d</div>"
        "<div class=\"answercell\"><div class=\"post-text\"><p>%s</p></div>"
        "<div class=\"user-info\">answered Mar %d, 2025 <a class=\"user-details\" href=\"/u/%d\">user%d</a> "
        "<span>%d</span></div></div></div></div>";
    static const char *texts[] = {
        "Proof is not strength: shape it tighter and lower the water a little.",
        "Your bulk is long for that much starter so cut it by an hour.",
        "Bake in a covered pot so the loaf rises before the crust sets.",
    };
    char answers[3][1024];
    for (int k = 0; k < 3; k++)
        snprintf(answers[k], sizeof answers[k], answer, 10 - k, texts[k], 11 + k, k, k, 100 * k + 7);
    char html[8192];
    snprintf(html, sizeof html,
             "<html><head><title>Why does my loaf spread flat?</title></head><body>"
             "<div class=\"nav\"><a href=\"/\">Home</a> <a href=\"/q\">Questions</a></div>"
             "<div id=\"content\"><h1>Why does my loaf spread flat?</h1><div id=\"mainbar\">"
             "<div class=\"question\"><div class=\"post-layout\"><div class=\"votecell\">31</div>"
             "<div class=\"postcell\"><div class=\"post-text\"><p>My loaves look fine after the overnight "
             "cold retard, with good volume, a domed top and a tight skin, but they spread flat in the oven "
             "within minutes. The recipe is 500 g bread flour, 375 g water, 100 g starter and 10 g salt, "
             "bulk at 24 C for five hours, then shaped, then a night in the fridge. The poke test says it is "
             "ready, the scoring opens well, and still the loaf comes out flat. What am I doing wrong, and "
             "what should I change first?</p></div>"
             "<div class=\"user-info\">asked Mar 10, 2025 <a class=\"user-details\" href=\"/u/9\">asker</a> "
             "<span>143</span></div></div></div></div>"
             "<div id=\"answers\"><h2>3 Answers</h2>%s%s%s</div></div></div>"
             "<div class=\"footer\"><a href=\"/about\">About</a> <a href=\"/privacy\">Privacy</a></div>"
             "</body></html>",
             answers[0], answers[1], answers[2]);
    extraction on = extract(html, NO_RULE_OFF);
    extraction off = extract(html, wn_rule_set_of(WN_RULE_THREAD_TWINS));
    const char *question = strstr(on.text, "My loaves look fine");
    const char *first = strstr(on.text, "Proof is not strength");
    const char *last = strstr(on.text, "Bake in a covered pot");
    ck_assert_ptr_nonnull(question);
    ck_assert_ptr_nonnull(first);
    ck_assert_ptr_nonnull(last);
    ck_assert(question < first && first < last);
    ck_assert_ptr_nonnull(strstr(on.explain, "page kind: discussion"));
    ck_assert_ptr_nonnull(strstr(on.explain, "(thread-twins)"));
    ck_assert_ptr_null(strstr(off.text, "Bake in a covered pot"));
    extraction_free(&on);
    extraction_free(&off);
}
END_TEST

/* thread-signed: a short post followed by numbered replies signed as the
 * post is (the same author link and date classes) is a discussion: the
 * replies' text follows the post, without their signatures and toolbars.
 * Without the post numbers the same page is an article with comments
 * designed like its byline (a blog's), and keeps them out. */
START_TEST(thread_signed_keeps_numbered_replies)
{
    char *html = read_page("thread-signed");
    ck_assert_ptr_nonnull(html);
    extraction on = extract(html, NO_RULE_OFF);
    extraction off = extract(html, wn_rule_set_of(WN_RULE_THREAD_SIGNED));
    const char *post = strstr(on.text, "My rye starter is ten days old");
    const char *first = strstr(on.text, "That smell is acetone");
    const char *last = strstr(on.text, "Whole rye ferments faster than wheat");
    ck_assert_ptr_nonnull(post);
    ck_assert_ptr_nonnull(first);
    ck_assert_ptr_nonnull(last);
    ck_assert(post < first && first < last);
    /* A reply of one short line is a reply of the run too. */
    const char *short_reply = strstr(on.text, "Same here.");
    ck_assert_ptr_nonnull(short_reply);
    ck_assert(last < short_reply);
    ck_assert_ptr_nonnull(strstr(on.explain, "page kind: discussion"));
    ck_assert_ptr_nonnull(strstr(on.explain, "thread-signed"));
    const char *cut = strstr(on.text, "\n----\n");
    const char *end = cut ? cut : on.text + strlen(on.text);
    /* Signatures and toolbars are not the replies' text. */
    const char *floor = strstr(on.text, "#2");
    const char *quote = strstr(on.text, "Quote");
    const char *name = strstr(on.text, "tomasz");
    ck_assert(floor == NULL || floor > end);
    ck_assert(quote == NULL || quote > end);
    ck_assert(name == NULL || name > end);
    /* Off, the replies are reader comments. */
    const char *off_cut = strstr(off.text, "\n----\n");
    const char *in_off = strstr(off.text, "That smell is acetone");
    ck_assert(in_off == NULL || (off_cut && in_off > off_cut));
    ck_assert_ptr_nonnull(strstr(off.explain, "page kind: article"));
    /* Unnumbered replies: an article and its comments. */
    char *blog_html = swap_all(html, "<span class=\"floor\">#", "<span class=\"floor\">");
    extraction blog = extract(blog_html, NO_RULE_OFF);
    const char *blog_cut = strstr(blog.text, "\n----\n");
    const char *in_blog = strstr(blog.text, "That smell is acetone");
    ck_assert_ptr_nonnull(strstr(blog.text, "My rye starter is ten days old"));
    ck_assert(in_blog == NULL || (blog_cut && in_blog > blog_cut));
    ck_assert_ptr_nonnull(strstr(blog.explain, "page kind: article"));
    extraction_free(&on);
    extraction_free(&off);
    extraction_free(&blog);
    free(blog_html);
    free(html);
}
END_TEST

/* thread-replies: a short post followed by a nested thread of dated
 * replies is a discussion: the replies, nested ones too, follow the post. */
START_TEST(thread_replies_keeps_nested_replies)
{
    char *html = read_page("thread-replies");
    ck_assert_ptr_nonnull(html);
    extraction on = extract(html, NO_RULE_OFF);
    extraction off = extract(html, wn_rule_set_of(WN_RULE_THREAD_REPLIES));
    const char *post = strstr(on.text, "I grow four cherry tomato plants");
    const char *nested = strstr(on.text, "A layer of straw on top of the compost");
    const char *last = strstr(on.text, "Less feed high in nitrogen too");
    ck_assert_ptr_nonnull(post);
    ck_assert_ptr_nonnull(nested);
    ck_assert_ptr_nonnull(last);
    ck_assert(post < nested && nested < last);
    ck_assert_ptr_nonnull(strstr(on.explain, "page kind: discussion"));
    /* Off, the replies are reader comments: only in the comments part. */
    const char *cut = strstr(off.text, "\n----\n");
    ck_assert_ptr_nonnull(cut);
    const char *in_off = strstr(off.text, "A layer of straw on top of the compost");
    ck_assert(in_off == NULL || in_off > cut);
    ck_assert_ptr_nonnull(strstr(off.explain, "page kind: article"));
    extraction_free(&on);
    extraction_free(&off);
    free(html);
}
END_TEST

/* field-text: a search box's help text, in a small box with the field,
 * does not outvote a short post. */
START_TEST(field_text_leaves_search_help_out)
{
    char *html = read_page("field-text");
    ck_assert_ptr_nonnull(html);
    extraction on = extract(html, NO_RULE_OFF);
    extraction off = extract(html, wn_rule_set_of(WN_RULE_FIELD_TEXT));
    ck_assert_ptr_nonnull(strstr(on.text, "A violet from the verge"));
    ck_assert_ptr_null(strstr(on.text, "use the arrow keys"));
    ck_assert_ptr_nonnull(strstr(off.text, "use the arrow keys"));
    ck_assert_ptr_null(strstr(off.text, "A violet from the verge"));
    extraction_free(&on);
    extraction_free(&off);
    free(html);
}
END_TEST

/* A preference centre in a modal box, its text longer than the article:
 * it votes for no region, and the article is the page. */
START_TEST(dialog_gives_no_vote)
{
    char *html = read_page("dialog");
    ck_assert_ptr_nonnull(html);
    extraction on = extract(html, NO_RULE_OFF);
    extraction off = extract(html, wn_rule_set_of(WN_RULE_DIALOG));
    ck_assert_ptr_nonnull(strstr(on.text, "crossing takes six hours"));
    ck_assert_ptr_null(strstr(on.text, "balance the load"));
    ck_assert_ptr_null(strstr(on.text, "Measurement"));
    ck_assert_ptr_nonnull(strstr(off.text, "balance the load"));
    extraction_free(&on);
    extraction_free(&off);
    free(html);
}
END_TEST

/* teaser-run: a writer's other posts listed under a short post, each a
 * headline link of its own line and an excerpt, vote for no region: the
 * post is the article and the excerpts stay out. */
START_TEST(teaser_run_gives_no_vote)
{
    char *html = read_page("teaser-run");
    ck_assert_ptr_nonnull(html);
    extraction on = extract(html, NO_RULE_OFF);
    extraction off = extract(html, wn_rule_set_of(WN_RULE_TEASER_RUN));
    ck_assert_ptr_nonnull(strstr(on.text, "long stones running into the wall"));
    ck_assert_ptr_null(strstr(on.text, "Most walls fail from the bottom"));
    ck_assert_ptr_null(strstr(on.text, "two good end stones"));
    ck_assert_ptr_nonnull(strstr(off.text, "Most walls fail from the bottom"));
    ck_assert_ptr_nonnull(strstr(on.explain, "teaser-run"));
    extraction_free(&on);
    extraction_free(&off);
    free(html);
}
END_TEST

/* post-chrome: each post of a discussion carries its writer's rank and
 * post count at the same place: a user card, dropped from every post; the
 * posts' text stays. */
START_TEST(post_chrome_drops_user_cards)
{
    char *html = read_page("post-chrome");
    ck_assert_ptr_nonnull(html);
    extraction on = extract(html, NO_RULE_OFF);
    extraction off = extract(html, wn_rule_set_of(WN_RULE_POST_CHROME));
    ck_assert_ptr_nonnull(strstr(on.text, "Which glue should I use"));
    ck_assert_ptr_nonnull(strstr(on.text, "as firm as it ever was"));
    ck_assert_ptr_null(strstr(on.text, "845 posts"));
    ck_assert_ptr_null(strstr(on.text, "Journeyman"));
    ck_assert_ptr_nonnull(strstr(off.text, "845 posts"));
    ck_assert_ptr_nonnull(strstr(on.explain, "post-chrome"));
    extraction_free(&on);
    extraction_free(&off);
    free(html);
}
END_TEST

/* counter-box: a short question's vote counter, dropped by link density,
 * stays out when link density's drops come back. */
START_TEST(counter_box_stays_out)
{
    char *html = read_page("counter-box");
    ck_assert_ptr_nonnull(html);
    extraction on = extract(html, NO_RULE_OFF);
    extraction off = extract(html, wn_rule_set_of(WN_RULE_COUNTER_BOX));
    ck_assert_ptr_nonnull(strstr(on.text, "how often must I feed it"));
    ck_assert_ptr_null(strstr(on.text, "Vote down"));
    ck_assert_ptr_nonnull(strstr(off.text, "Vote down"));
    ck_assert_ptr_nonnull(strstr(on.explain, "counter-box"));
    extraction_free(&on);
    extraction_free(&off);
    free(html);
}
END_TEST

/* numbered-thread: a short first post and its replies, named as comments
 * but numbered in order: the page is a discussion and the replies stay. */
START_TEST(numbered_thread_keeps_replies)
{
    char *html = read_page("numbered-thread");
    ck_assert_ptr_nonnull(html);
    extraction on = extract(html, NO_RULE_OFF);
    extraction off = extract(html, wn_rule_set_of(WN_RULE_NUMBERED_THREAD));
    ck_assert_ptr_nonnull(strstr(on.text, "Which would you rather have?"));
    ck_assert_ptr_nonnull(strstr(on.text, "no quiet place to read"));
    ck_assert_ptr_nonnull(strstr(on.text, "report back here"));
    /* Off, the replies are comments: only the text with the comments
     * (after the first "----") has them. */
    const char *cut = strstr(off.text, "\n----\n");
    ck_assert_ptr_nonnull(cut);
    const char *reply = strstr(off.text, "no quiet place to read");
    ck_assert(reply == NULL || reply > cut);
    ck_assert(strstr(on.text, "no quiet place to read") < strstr(on.text, "\n----\n"));
    ck_assert_ptr_nonnull(strstr(off.text, "Which would you rather have?"));
    ck_assert_ptr_nonnull(strstr(on.explain, "numbered-thread"));
    extraction_free(&on);
    extraction_free(&off);
    free(html);
}
END_TEST

/* script-menu: a drop-down of anchors without an address above a short
 * post ("Jump to a board") is a menu, not the post's text. */
START_TEST(script_menu_leaves_dropdown_out)
{
    char *html = read_page("script-menu");
    ck_assert_ptr_nonnull(html);
    extraction on = extract(html, NO_RULE_OFF);
    extraction off = extract(html, wn_rule_set_of(WN_RULE_SCRIPT_MENU));
    ck_assert_ptr_nonnull(strstr(on.text, "when the roads freeze"));
    ck_assert_ptr_null(strstr(on.text, "Brakes and suspension"));
    ck_assert_ptr_nonnull(strstr(off.text, "Brakes and suspension"));
    ck_assert_ptr_nonnull(strstr(on.explain, "script-menu"));
    extraction_free(&on);
    extraction_free(&off);
    free(html);
}
END_TEST

/* url-links: a quote box whose link is a bare address is the post's text,
 * however much of it the address is. */
START_TEST(url_links_keeps_quoted_address)
{
    char *html = read_page("url-links");
    ck_assert_ptr_nonnull(html);
    extraction on = extract(html, NO_RULE_OFF);
    extraction off = extract(html, wn_rule_set_of(WN_RULE_URL_LINKS));
    const char *url = "https://riders.example.org/maps/sunday-loops-2023.pdf";
    ck_assert_ptr_nonnull(strstr(on.text, url));
    ck_assert_ptr_nonnull(strstr(on.text, "it still opens for me"));
    ck_assert_ptr_null(strstr(off.text, url));
    ck_assert_ptr_nonnull(strstr(on.explain, "url-links"));
    extraction_free(&on);
    extraction_free(&off);
    free(html);
}
END_TEST

/* How often needle occurs in text before its first "----" line (the text
 * without the comments). */
static unsigned count_before_cut(const char *text, const char *needle)
{
    const char *cut = strstr(text, "\n----\n");
    unsigned n = 0;
    for (const char *p = strstr(text, needle); p && (!cut || p < cut); p = strstr(p + 1, needle))
        n++;
    return n;
}

/* repeat-line on a discussion: a reply that quotes an earlier post word
 * for word keeps its quote; the same words in a box not named as a quote
 * are a second copy, and go. */
START_TEST(repeat_line_keeps_quotes_in_discussion)
{
    char *html = read_page("url-links");
    ck_assert_ptr_nonnull(html);
    const char *line = "The old map page has gone. Has anyone kept the file with the Sunday loops?";
    char *quoted = swap_all(html, "<p>Thank you, the download",
                            "<blockquote>The old map page has gone. Has anyone kept the file with the Sunday "
                            "loops?</blockquote><p>Thank you, the download");
    char *copied = swap_all(html, "<p>Thank you, the download",
                            "<div class=\"note\">The old map page has gone. Has anyone kept the file with the "
                            "Sunday loops?</div><p>Thank you, the download");
    extraction q = extract(quoted, NO_RULE_OFF);
    extraction c = extract(copied, NO_RULE_OFF);
    ck_assert_ptr_nonnull(strstr(q.explain, "page kind: discussion"));
    ck_assert_uint_eq(count_before_cut(q.text, line), 2);
    ck_assert_uint_eq(count_before_cut(c.text, line), 1);
    extraction_free(&q);
    extraction_free(&c);
    free(quoted);
    free(copied);
    free(html);
}
END_TEST

/* control-row: a post's toolbar whose bookmark and share buttons went
 * leaves no "Thank" or "Mobile view" behind. */
START_TEST(control_row_drops_toolbar_rest)
{
    char *html = read_page("control-row");
    ck_assert_ptr_nonnull(html);
    extraction on = extract(html, NO_RULE_OFF);
    extraction off = extract(html, wn_rule_set_of(WN_RULE_CONTROL_ROW));
    ck_assert_ptr_nonnull(strstr(on.text, "eight-speed chain"));
    ck_assert_ptr_null(strstr(on.text, "Mobile view"));
    ck_assert_ptr_nonnull(strstr(off.text, "Mobile view"));
    ck_assert_ptr_nonnull(strstr(on.explain, "control-row"));
    extraction_free(&on);
    extraction_free(&off);
    free(html);
}
END_TEST

/* dated-meta: a one-line post's author and date line goes, however large
 * a share of the short page it is. */
START_TEST(dated_meta_drops_author_line)
{
    char *html = read_page("dated-meta");
    ck_assert_ptr_nonnull(html);
    extraction on = extract(html, NO_RULE_OFF);
    extraction off = extract(html, wn_rule_set_of(WN_RULE_DATED_META));
    ck_assert_ptr_nonnull(strstr(on.text, "tide tables for the north pier"));
    ck_assert_ptr_null(strstr(on.text, "harbour_jo"));
    ck_assert_ptr_nonnull(strstr(off.text, "harbour_jo"));
    ck_assert_ptr_nonnull(strstr(on.explain, "dated-meta"));
    extraction_free(&on);
    extraction_free(&off);
    free(html);
}
END_TEST

/* numbered-names: replies named as comments and dropped one by one from a
 * kept box, numbered in order by their class ("reply-num-1", "-2", ...),
 * under a short post: the page is a discussion and they come back. */
START_TEST(numbered_names_keeps_replies)
{
    char *html = read_page("numbered-names");
    ck_assert_ptr_nonnull(html);
    extraction on = extract(html, NO_RULE_OFF);
    extraction off = extract(html, wn_rule_set_of(WN_RULE_NUMBERED_NAMES));
    ck_assert_ptr_nonnull(strstr(on.text, "Should they lie flat"));
    ck_assert_uint_eq(count_before_cut(on.text, "swap front and back"), 1);
    ck_assert_uint_eq(count_before_cut(off.text, "swap front and back"), 0);
    ck_assert_ptr_nonnull(strstr(on.explain, "numbered-names"));
    /* Numbers that do not count up by one (a database's ids) are no
     * thread's order. */
    char *ids = swap_all(html, "reply-num-3", "reply-num-7");
    extraction apart = extract(ids, NO_RULE_OFF);
    ck_assert_uint_eq(count_before_cut(apart.text, "swap front and back"), 0);
    extraction_free(&apart);
    free(ids);
    extraction_free(&on);
    extraction_free(&off);
    free(html);
}
END_TEST

/* qa-page: a question named as such, beside a box named for its answers
 * (none yet), is a Q&A page: a discussion, whose title opens the text. */
START_TEST(qa_page_opens_with_title)
{
    char *html = read_page("qa-page");
    ck_assert_ptr_nonnull(html);
    extraction on = extract(html, NO_RULE_OFF);
    extraction off = extract(html, wn_rule_set_of(WN_RULE_QA_PAGE));
    const char *title = strstr(on.text, "Can a lemon tree winter in an unheated porch?");
    const char *post = strstr(on.text, "My potted lemon");
    ck_assert_ptr_nonnull(title);
    ck_assert_ptr_nonnull(post);
    ck_assert(title < post);
    ck_assert_ptr_null(strstr(off.text, "Can a lemon tree winter"));
    ck_assert_ptr_nonnull(strstr(on.explain, "(qa-page))"));
    /* Without the answers' box the question alone is no Q&A page. */
    char *alone = swap_all(html, "answers-box", "notice-box");
    extraction plain = extract(alone, NO_RULE_OFF);
    ck_assert_ptr_null(strstr(plain.explain, "qa-page"));
    extraction_free(&plain);
    free(alone);
    extraction_free(&on);
    extraction_free(&off);
    free(html);
}
END_TEST

/* post-footer: on a discussion the posts' signatures go, though their
 * class names them as the post's. */
START_TEST(post_footer_drops_signatures)
{
    char *html = read_page("post-footer");
    ck_assert_ptr_nonnull(html);
    extraction on = extract(html, NO_RULE_OFF);
    extraction off = extract(html, wn_rule_set_of(WN_RULE_POST_FOOTER));
    ck_assert_ptr_nonnull(strstr(on.text, "Is a wet oil worth the mess"));
    ck_assert_ptr_nonnull(strstr(on.text, "a rag by the door"));
    ck_assert_uint_eq(count_before_cut(on.text, "Riding since 1998"), 0);
    ck_assert_uint_eq(count_before_cut(on.text, "Two wheels good"), 0);
    ck_assert_uint_gt(count_before_cut(off.text, "Riding since 1998"), 0);
    ck_assert_ptr_nonnull(strstr(on.explain, "post-footer"));
    extraction_free(&on);
    extraction_free(&off);
    free(html);
}
END_TEST

/* user-card: beside a post's named body, a column of short lines with a
 * date (the author's name, rank, post count, status) is its author's
 * card; without the date the same lines are the page's own. */
START_TEST(user_card_drops_author_column)
{
    char *html = read_page("user-card");
    ck_assert_ptr_nonnull(html);
    extraction on = extract(html, NO_RULE_OFF);
    extraction off = extract(html, wn_rule_set_of(WN_RULE_USER_CARD));
    ck_assert_ptr_nonnull(strstr(on.text, "The winter timetable starts"));
    ck_assert_ptr_null(strstr(on.text, "Forum posts: 412"));
    ck_assert_ptr_nonnull(strstr(off.text, "Forum posts: 412"));
    ck_assert_ptr_nonnull(strstr(on.explain, "user-card"));
    char *undated = swap_all(html, "12 October 2024 08:15", "Harbour side");
    extraction kept = extract(undated, NO_RULE_OFF);
    ck_assert_ptr_nonnull(strstr(kept.text, "Forum posts: 412"));
    extraction_free(&kept);
    free(undated);
    extraction_free(&on);
    extraction_free(&off);
    free(html);
}
END_TEST

/* stat-list: a post's row of counters ("5 replies", "212 views") goes;
 * a list of short items that are not counts stays. */
START_TEST(stat_list_drops_counters)
{
    char *html = read_page("stat-list");
    ck_assert_ptr_nonnull(html);
    extraction on = extract(html, NO_RULE_OFF);
    extraction off = extract(html, wn_rule_set_of(WN_RULE_STAT_LIST));
    ck_assert_ptr_nonnull(strstr(on.text, "concrete base"));
    ck_assert_ptr_null(strstr(on.text, "212 views"));
    ck_assert_ptr_nonnull(strstr(off.text, "212 views"));
    ck_assert_ptr_nonnull(strstr(on.explain, "stat-list"));
    /* The same row with words in place of the counts. */
    char *a = swap_all(html, "<span>5</span>", "<span>new</span>");
    char *b = swap_all(a, "<span>212</span>", "<span>old</span>");
    char *c = swap_all(b, "<span>4</span>", "<span>top</span>");
    char *d = swap_all(c, "<span>9</span>", "<span>all</span>");
    extraction list = extract(d, NO_RULE_OFF);
    ck_assert_ptr_null(strstr(list.explain, "stat-list"));
    extraction_free(&list);
    free(a);
    free(b);
    free(c);
    free(d);
    extraction_free(&on);
    extraction_free(&off);
    free(html);
}
END_TEST

Suite *wn_test_suite(void)
{
    Suite *s = suite_create("rules");
    TCase *tc = tcase_create("registry");
    tcase_add_test(tc, names_unique_and_parsed);
    tcase_add_test(tc, env_read_at_creation);
    suite_add_tcase(s, tc);
    tc = tcase_create("coverage");
    tcase_add_loop_test(tc, rule_has_changing_case, 0, WN_RULE_COUNT);
    tcase_add_test(tc, all_off);
    tcase_add_test(tc, first_post_newest_first_only);
    tcase_add_test(tc, no_stray_pages);
    suite_add_tcase(s, tc);
    tc = tcase_create("cases");
    tcase_add_test(tc, thread_title_opens_discussion);
    tcase_add_test(tc, thread_twins_keeps_other_answers);
    tcase_add_test(tc, thread_twins_keeps_answers_in_related_box);
    tcase_add_test(tc, thread_twins_finds_place_in_cells_named_apart);
    tcase_add_test(tc, thread_replies_keeps_nested_replies);
    tcase_add_test(tc, thread_signed_keeps_numbered_replies);
    tcase_add_test(tc, field_text_leaves_search_help_out);
    tcase_add_test(tc, dialog_gives_no_vote);
    tcase_add_test(tc, teaser_run_gives_no_vote);
    tcase_add_test(tc, post_chrome_drops_user_cards);
    tcase_add_test(tc, counter_box_stays_out);
    tcase_add_test(tc, numbered_thread_keeps_replies);
    tcase_add_test(tc, script_menu_leaves_dropdown_out);
    tcase_add_test(tc, url_links_keeps_quoted_address);
    tcase_add_test(tc, repeat_line_keeps_quotes_in_discussion);
    tcase_add_test(tc, control_row_drops_toolbar_rest);
    tcase_add_test(tc, dated_meta_drops_author_line);
    tcase_add_test(tc, numbered_names_keeps_replies);
    tcase_add_test(tc, qa_page_opens_with_title);
    tcase_add_test(tc, post_footer_drops_signatures);
    tcase_add_test(tc, user_card_drops_author_column);
    tcase_add_test(tc, stat_list_drops_counters);
    suite_add_tcase(s, tc);
    return s;
}
