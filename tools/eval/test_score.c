/* Unit tests of the scorer (tokeniser, squash, both metrics) on hand-made
 * cases whose expected values are worked out by hand in the comments. */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "score.h"

#define EPS 1e-12

/* Tokenise s and compare with the expected tokens, given as one string of
 * tokens separated by '|' ("" = no token). */
static void expect_tokens(const char *s, size_t n, const char *expected)
{
    ev_tokens t = {0};
    ck_assert_int_eq(ev_tokenize(s, n, &t), 0);
    size_t k = 0;
    const char *e = expected;
    while (*e) {
        const char *bar = strchr(e, '|');
        size_t len = bar ? (size_t)(bar - e) : strlen(e);
        ck_assert_msg(k < t.n, "input \"%s\": only %zu tokens, wanted more", s, t.n);
        ck_assert_msg(t.v[k].len == len && memcmp(s + t.v[k].off, e, len) == 0,
                      "input \"%s\": token %zu is \"%.*s\", wanted \"%.*s\"", s, k,
                      (int)t.v[k].len, s + t.v[k].off, (int)len, e);
        k++;
        e += len;
        if (*e == '|')
            e++;
    }
    ck_assert_msg(k == t.n, "input \"%s\": %zu tokens, wanted %zu", s, t.n, k);
    ev_tokens_free(&t);
}

#define TOKENS(lit, expected) expect_tokens(lit, sizeof(lit) - 1, expected)

START_TEST(tokens_basic)
{
    TOKENS("Hello, world \xE4\xBD\xA0\xE5\xA5\xBD", "Hello|world|\xE4\xBD\xA0|\xE5\xA5\xBD");
    TOKENS("", "");
    TOKENS("  ,.;!  ", "");
    TOKENS("foo_bar2 x", "foo_bar2|x");
    TOKENS("l'\xC3\xA9t\xC3\xA9 2023-01-05", "l|\xC3\xA9t\xC3\xA9|2023|01|05");
    /* a CJK character cuts a run of word characters: abc|中|def */
    TOKENS("abc\xE4\xB8\xAD" "def", "abc|\xE4\xB8\xAD|def");
    /* kana and hangul: one token each (カタ한국) */
    TOKENS("\xE3\x82\xAB\xE3\x82\xBF\xED\x95\x9C\xEA\xB5\xAD",
           "\xE3\x82\xAB|\xE3\x82\xBF|\xED\x95\x9C|\xEA\xB5\xAD");
    /* the ideographic space U+3000 and NBSP separate */
    TOKENS("a\xE3\x80\x80" "b\xC2\xA0" "c", "a|b|c");
}
END_TEST

START_TEST(tokens_unicode_classes)
{
    /* a combining acute (Mn) is not \w: e + U+0301 + t gives e|t */
    TOKENS("e\xCC\x81t", "e|t");
    /* Arabic-Indic digits (Nd), superscript two (No), Roman numeral (Nl) */
    TOKENS("\xD9\xA3\xD9\xA4 x\xC2\xB2 \xE2\x85\xA0", "\xD9\xA3\xD9\xA4|x\xC2\xB2|\xE2\x85\xA0");
    /* U+30FB katakana middle dot is punctuation but inside the CJK ranges */
    TOKENS("a\xE3\x83\xBB" "b", "a|\xE3\x83\xBB|b");
    /* U+2FD6 is unassigned but inside the CJK range 2E80-2FDF */
    TOKENS("\xE2\xBF\x96", "\xE2\xBF\x96");
    /* U+1E030 is a letter only since Unicode 15.0: not \w for Python 3.11 */
    TOKENS("a\xF0\x9E\x80\xB0" "b", "a|b");
    /* a CJK Extension B character (U+20000) */
    TOKENS("x\xF0\xA0\x80\x80", "x|\xF0\xA0\x80\x80");
    /* U+00AA feminine ordinal is Lo */
    TOKENS("1\xC2\xAA", "1\xC2\xAA");
}
END_TEST

START_TEST(tokens_invalid_utf8)
{
    TOKENS("ab\xFF" "cd", "ab|cd");
    TOKENS("ab\xE4\xB8", "ab");             /* truncated 中 */
    TOKENS("\xC0\xAF" "x", "x");            /* overlong '/' */
    TOKENS("\xED\xA0\x80y", "y");           /* a UTF-8 encoded surrogate */
}
END_TEST

START_TEST(decode_like_python)
{
    size_t n, bad;
    char *s = ev_utf8_clean("a\xFF" "b\xE4\xB8", 5, &n, &bad);
    ck_assert_ptr_nonnull(s);
    ck_assert_uint_eq(bad, 2);
    ck_assert_str_eq(s, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
    free(s);
    /* E0 80: E0 needs A0..BF next, so E0 and 80 are two replacements */
    s = ev_utf8_clean("\xE0\x80", 2, &n, &bad);
    ck_assert_uint_eq(bad, 2);
    ck_assert_uint_eq(n, 6);
    free(s);
    /* F0 90 80 is one maximal subpart: one replacement */
    s = ev_utf8_clean("\xF0\x90\x80z", 4, &n, &bad);
    ck_assert_uint_eq(bad, 1);
    ck_assert_str_eq(s, "\xEF\xBF\xBDz");
    free(s);
}
END_TEST

START_TEST(space_classes)
{
    static const int32_t spaces[] = {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1F, 0x20, 0x85,
                                     0xA0, 0x1680, 0x2000, 0x200A, 0x2028, 0x2029,
                                     0x202F, 0x205F, 0x3000};
    static const int32_t others[] = {0x00, 0x08, 0x0E, 0x1B, 0x21, 0x180E, 0x200B,
                                     0xFEFF, EV_REPLACEMENT};
    for (size_t i = 0; i < sizeof spaces / sizeof spaces[0]; i++)
        ck_assert_msg(ev_is_space(spaces[i]), "U+%04X is a space", (unsigned)spaces[i]);
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
        ck_assert_msg(!ev_is_space(others[i]), "U+%04X is no space", (unsigned)others[i]);
}
END_TEST

START_TEST(squash_and_blank)
{
    size_t n;
    /* U+3000 and NBSP are whitespace, runs become one space, ends stripped */
    const char in[] = "  a\xE3\x80\x80\xC2\xA0" "b\t\n c \xC2\x85";
    char *s = ev_squash(in, sizeof in - 1, &n);
    ck_assert_str_eq(s, "a b c");
    ck_assert_uint_eq(n, 5);
    free(s);
    s = ev_squash(" \xFF ", 3, &n);
    ck_assert_str_eq(s, "\xEF\xBF\xBD");
    free(s);
    ck_assert(ev_is_blank("", 0));
    ck_assert(ev_is_blank(" \t\xE3\x80\x80\xC2\xA0\n", 8));
    ck_assert(!ev_is_blank(" \xFF ", 3));   /* U+FFFD is not whitespace */
    ck_assert(!ev_is_blank(" .", 2));
}
END_TEST

START_TEST(contains)
{
    ck_assert(ev_contains("abc", 3, "", 0));
    ck_assert(ev_contains("abc", 3, "c", 1));
    ck_assert(ev_contains("abcabd", 6, "abd", 3));
    ck_assert(!ev_contains("abcab", 5, "abd", 3));
    ck_assert(!ev_contains("ab", 2, "abc", 3));
    ck_assert(ev_contains("xx hello world", 14, "hello world", 11));
}
END_TEST

static ev_body_page body(const char *gold, const char *pred)
{
    ev_scorer *sc = ev_scorer_new();
    ev_body_page page;
    ck_assert_ptr_nonnull(sc);
    ck_assert_int_eq(ev_score_body(sc, gold, strlen(gold), pred, strlen(pred), &page), 0);
    ev_scorer_free(sc);
    return page;
}

START_TEST(shingle_identical_and_disjoint)
{
    /* 5 tokens, 2 shingles each side, all matched */
    ev_body_page p = body("a b c d e", "a, b. c d  e");
    ck_assert_uint_eq(p.tp, 2);
    ck_assert_uint_eq(p.fp, 0);
    ck_assert_uint_eq(p.fn, 0);
    ck_assert_double_eq(p.precision, 1.0);
    ck_assert_double_eq(p.recall, 1.0);
    ck_assert(p.exact);

    /* disjoint: tp 0, fp 1, fn 1 */
    p = body("a b c d", "e f g h");
    ck_assert_uint_eq(p.tp, 0);
    ck_assert_uint_eq(p.fp, 1);
    ck_assert_uint_eq(p.fn, 1);
    ck_assert_double_eq(p.precision, 0.0);
    ck_assert_double_eq(p.recall, 0.0);
    ck_assert_double_eq(p.f1, 0.0);
    ck_assert(p.in_precision && p.in_recall && !p.exact);

    /* CJK characters are tokens: 你好世界 = one 4-token shingle */
    p = body("\xE4\xBD\xA0\xE5\xA5\xBD\xE4\xB8\x96\xE7\x95\x8C",
             "\xE4\xBD\xA0 \xE5\xA5\xBD\xE4\xB8\x96\xE3\x80\x80\xE7\x95\x8C");
    ck_assert_uint_eq(p.tp, 1);
    ck_assert(p.exact);
}
END_TEST

START_TEST(shingle_short_texts)
{
    /* 1-3 tokens: one shingle of all of them */
    ev_body_page p = body("a b", "a  b");
    ck_assert_uint_eq(p.tp, 1);
    ck_assert_double_eq(p.precision, 1.0);
    /* (a,b) vs (a,b,c): different shingles */
    p = body("a b", "a b c");
    ck_assert_uint_eq(p.tp, 0);
    ck_assert_uint_eq(p.fp, 1);
    ck_assert_uint_eq(p.fn, 1);
    /* (a,b,c) vs (a,b,c,d) */
    p = body("a b c", "a b c d");
    ck_assert_uint_eq(p.tp, 0);
    ck_assert_double_eq(p.recall, 0.0);
    /* one token each */
    p = body("word", "word");
    ck_assert_uint_eq(p.tp, 1);
    ck_assert(p.exact);
}
END_TEST

START_TEST(shingle_multiset_and_partial)
{
    /* gold a b c d a b c d: abcd x2, bcda, cdab, dabc; pred abcd x1:
     * tp 1 fp 0 fn 4, shares .2 0 .8: P 1, R .2, F1 = .4/1.2 */
    ev_body_page p = body("a b c d a b c d", "a b c d");
    ck_assert_uint_eq(p.tp, 1);
    ck_assert_uint_eq(p.fp, 0);
    ck_assert_uint_eq(p.fn, 4);
    ck_assert_double_eq_tol(p.precision, 1.0, EPS);
    ck_assert_double_eq_tol(p.recall, 0.2, EPS);
    ck_assert_double_eq_tol(p.f1, 1.0 / 3.0, EPS);

    /* six tokens, last one differs: 1234 2345 match, 3456 vs 345x:
     * tp 2 fp 1 fn 1: P = R = 2/3 */
    p = body("one two three four five six", "one two three four five seven");
    ck_assert_uint_eq(p.tp, 2);
    ck_assert_uint_eq(p.fp, 1);
    ck_assert_uint_eq(p.fn, 1);
    ck_assert_double_eq_tol(p.precision, 2.0 / 3.0, EPS);
    ck_assert_double_eq_tol(p.recall, 2.0 / 3.0, EPS);
}
END_TEST

START_TEST(shingle_empty_and_totals)
{
    /* empty prediction: fn only; not in the precision mean */
    ev_body_page empty = body("a b c d e", " \xC2\xA0 ");
    ck_assert(empty.empty);
    ck_assert(!empty.in_precision);
    ck_assert(empty.in_recall);
    ck_assert_double_eq(empty.recall, 0.0);

    /* both empty: fp = fn = 0 scores 1, but enters neither mean; exact */
    ev_body_page none = body("", ".");
    ck_assert_double_eq(none.precision, 1.0);
    ck_assert_double_eq(none.recall, 1.0);
    ck_assert(!none.in_precision && !none.in_recall);
    ck_assert(none.exact);
    ck_assert(!none.empty);

    /* totals: P mean over {1} = 1, R mean over {.2, 0} = .1,
     * F1 = 2 * 1 * .1 / 1.1, accuracy 1/3 */
    ev_body_page partial = body("a b c d a b c d", "a b c d");
    ev_body_totals t;
    memset(&t, 0, sizeof t);
    ev_body_totals_add(&t, &partial);
    ev_body_totals_add(&t, &empty);
    ev_body_totals_add(&t, &none);
    ev_body_summary s;
    ev_body_summarise(&t, &s);
    ck_assert_uint_eq(s.pages, 3);
    ck_assert_uint_eq(s.empty, 1);
    ck_assert_double_eq_tol(s.precision, 1.0, EPS);
    ck_assert_double_eq_tol(s.recall, 0.1, EPS);
    ck_assert_double_eq_tol(s.f1, 0.2 / 1.1, EPS);
    ck_assert_double_eq_tol(s.accuracy, 1.0 / 3.0, EPS);
}
END_TEST

START_TEST(snippets)
{
    const char pred[] = "Title\n\nfoo\xE3\x80\x80" "bar baz\xC2\xA0qux ";
    const ev_text with[] = {{"foo bar", 7}, {"missing", 7}, {"  baz   qux\n", 12}};
    const ev_text without[] = {{"bar  baz", 8}, {"nothing", 7}};
    ev_snippet_page p;
    ck_assert_int_eq(ev_score_snippets(pred, sizeof pred - 1, with, 3, without, 2, &p), 0);
    ck_assert_uint_eq(p.tp, 2);
    ck_assert_uint_eq(p.fn, 1);
    ck_assert_uint_eq(p.fp, 1);
    ck_assert_uint_eq(p.tn, 1);
    ck_assert(!p.empty);

    /* an empty prediction finds nothing but the empty snippet */
    const ev_text with2[] = {{"x", 1}, {" ", 1}};
    ev_snippet_page q;
    ck_assert_int_eq(ev_score_snippets(" \xE3\x80\x80 ", 5, with2, 2, NULL, 0, &q), 0);
    ck_assert(q.empty);
    ck_assert_uint_eq(q.tp, 1);
    ck_assert_uint_eq(q.fn, 1);

    /* micro totals: tp 3 fp 1 fn 2 tn 1: P 3/4, R 3/5, acc 4/7, F 6/9 */
    ev_snippet_totals t;
    memset(&t, 0, sizeof t);
    ev_snippet_totals_add(&t, &p);
    ev_snippet_totals_add(&t, &q);
    ev_snippet_summary s;
    ev_snippet_summarise(&t, &s);
    ck_assert_uint_eq(s.pages, 2);
    ck_assert_uint_eq(s.empty, 1);
    ck_assert_double_eq_tol(s.precision, 0.75, EPS);
    ck_assert_double_eq_tol(s.recall, 0.6, EPS);
    ck_assert_double_eq_tol(s.accuracy, 4.0 / 7.0, EPS);
    ck_assert_double_eq_tol(s.f1, 6.0 / 9.0, EPS);

    /* nothing at all: every figure 0 */
    memset(&t, 0, sizeof t);
    ev_snippet_summarise(&t, &s);
    ck_assert_double_eq(s.f1, 0.0);
    ck_assert_double_eq(s.precision, 0.0);
}
END_TEST

START_TEST(misses)
{
    /* body: page F1 under 0.2 is a miss; 0.2 itself is not */
    ev_body_page b = {0};
    b.f1 = 0.19;
    ck_assert(ev_body_miss(&b));
    b.f1 = 0.2;
    ck_assert(!ev_body_miss(&b));

    /* snippets: a miss when no `with` snippet is found; a page with no
     * `with` snippets (only `without`) is never one */
    const ev_text with[] = {{"alpha beta", 10}, {"gamma", 5}};
    const ev_text without[] = {{"delta", 5}};
    ev_snippet_page p;
    ck_assert_int_eq(ev_score_snippets("nothing here", 12, with, 2, without, 1, &p), 0);
    ck_assert(ev_snippet_miss(&p));
    ck_assert_int_eq(ev_score_snippets("gamma rays", 10, with, 2, without, 1, &p), 0);
    ck_assert(!ev_snippet_miss(&p));
    ck_assert_int_eq(ev_score_snippets("", 0, NULL, 0, without, 1, &p), 0);
    ck_assert(!ev_snippet_miss(&p));

    ev_snippet_totals t;
    memset(&t, 0, sizeof t);
    ck_assert_int_eq(ev_score_snippets("x", 1, with, 2, NULL, 0, &p), 0);
    ev_snippet_totals_add(&t, &p);
    ev_snippet_totals_add(&t, &p);
    ev_snippet_summary s;
    ev_snippet_summarise(&t, &s);
    ck_assert_uint_eq(s.misses, 2);

    ev_body_totals bt;
    memset(&bt, 0, sizeof bt);
    b.f1 = 0.1;
    ev_body_totals_add(&bt, &b);
    b.f1 = 0.9;
    ev_body_totals_add(&bt, &b);
    ev_body_summary bs;
    ev_body_summarise(&bt, &bs);
    ck_assert_uint_eq(bs.misses, 1);
}
END_TEST

static Suite *score_suite(void)
{
    Suite *s = suite_create("eval-score");
    TCase *tc = tcase_create("tokens");
    tcase_add_test(tc, tokens_basic);
    tcase_add_test(tc, tokens_unicode_classes);
    tcase_add_test(tc, tokens_invalid_utf8);
    tcase_add_test(tc, decode_like_python);
    tcase_add_test(tc, space_classes);
    tcase_add_test(tc, squash_and_blank);
    tcase_add_test(tc, contains);
    suite_add_tcase(s, tc);
    tc = tcase_create("metrics");
    tcase_add_test(tc, shingle_identical_and_disjoint);
    tcase_add_test(tc, shingle_short_texts);
    tcase_add_test(tc, shingle_multiset_and_partial);
    tcase_add_test(tc, shingle_empty_and_totals);
    tcase_add_test(tc, snippets);
    tcase_add_test(tc, misses);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *runner = srunner_create(score_suite());
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
