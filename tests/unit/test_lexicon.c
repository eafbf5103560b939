/* lexicon.c: the one matcher over the compiled lexicon (src/lexicon/). */
#include <string.h>

#include "lexicon/lexicon.h"
#include "runner.h"

static int first(wn_lex_list list, const char *text, size_t need)
{
    return wn_lex_first(list, text, strlen(text), need, NULL);
}

static const char *text_of(int entry)
{
    return entry >= 0 ? wn_lex_entries[entry].text : "(none)";
}

#define ASSERT_ENTRY(entry, want) \
    ck_assert_msg((entry) >= 0 && strcmp(text_of(entry), (want)) == 0, "got %s, want %s", text_of(entry), (want))

/* Every entry, looked up by its own text, is found: the compiler's folding
 * of the keys agrees with the matcher's folding of texts. */
static bool is_entry(int entry, size_t start, size_t end, void *data)
{
    int *want = data;
    if (entry == *want && end == wn_lex_entries[entry].bytes)
        *want = -1;
    return true;
}

START_TEST(test_every_entry_finds_itself)
{
    for (int e = 0; e < WN_LEX_ENTRY_COUNT; e++) {
        const wn_lex_entry *entry = &wn_lex_entries[e];
        int want = e;
        wn_lex_prefixes((wn_lex_list)entry->list, entry->text, entry->bytes, 0, is_entry, &want);
        ck_assert_msg(want == -1, "entry %d \"%s\" not found by its own text", e, entry->text);
    }
}
END_TEST

START_TEST(test_prefix_word_end)
{
    /* A prefix ending in an ASCII letter wants a word end after it. */
    ASSERT_ENTRY(first(WN_LEX_MARKER, "Related posts from the archive", 20), "related posts");
    ck_assert_int_lt(first(WN_LEX_MARKER, "Relatedness", 8), 0);
    ck_assert_int_lt(first(WN_LEX_MARKER, "sharemarket", 6), 0);
    /* "more " ends in a space: no word end wanted, and "more" alone is not it. */
    ASSERT_ENTRY(first(WN_LEX_MARKER, "More letters", 11), "more\x20");
    ck_assert_int_lt(first(WN_LEX_MARKER, "More", 4), 0);
}
END_TEST

START_TEST(test_first_listed_whose_limit_admits)
{
    /* "related" (limit 8) is listed before "related:" (a line): the short
     * heading is related, the longer line a see-also. */
    int e = first(WN_LEX_MARKER, "Related:", 8);
    ASSERT_ENTRY(e, "related");
    ck_assert_uint_eq(wn_lex_entries[e].kinds, WN_MARKER_RELATED);
    e = first(WN_LEX_MARKER, "Related: another story", 19);
    ASSERT_ENTRY(e, "related:");
    ck_assert_uint_eq(wn_lex_entries[e].kinds, WN_MARKER_SEEALSO);
    /* Over every limit: nothing. */
    ck_assert_int_lt(first(WN_LEX_MARKER, "Related", 5000), 0);
    size_t end = 0;
    ck_assert_int_ge(wn_lex_first(WN_LEX_MARKER, "Share this article", 18, 18, &end), 0);
    ck_assert_uint_eq(end, strlen("share this"));
}
END_TEST

START_TEST(test_case_folding)
{
    /* unicode: each code point lowered as wn_to_lower() does. */
    ASSERT_ENTRY(first(WN_LEX_MARKER, "ÄHNLICHE ARTIKEL", 15), "ähnliche artikel");
    ASSERT_ENTRY(first(WN_LEX_MARKER, "ПОХОЖИЕ СТАТЬИ", 13), "Похожие статьи");
    /* The Kelvin sign lowers to k, as it did in prefix_ci(). */
    ASSERT_ENTRY(first(WN_LEX_MARKER, "\xE2\x84\xAAommentare", 11), "kommentare");
    /* exact: compared as written. */
    ck_assert_int_ge(wn_lex_suffix(WN_LEX_THREAD_DATE_LABEL, "Post Date", 9, 0, NULL), 0);
    ck_assert_int_lt(wn_lex_suffix(WN_LEX_THREAD_DATE_LABEL, "POST DATE", 9, 0, NULL), 0);
    ck_assert_int_lt(wn_lex_whole(WN_LEX_ROLE, "Main", 4), 0);
    ck_assert_int_ge(wn_lex_whole(WN_LEX_ROLE, "main", 4), 0);
    /* ascii: A-Z only; a non-ASCII letter that lowers to ASCII stays as it is. */
    ck_assert(wn_lex_in(WN_LEX_THREAD_NOTICE, "Already a member? SIGN IN", 25));
    ck_assert(!wn_lex_in(WN_LEX_THREAD_NOTICE, "S\xC4\xB0GN IN", 8)); /* SİGN IN */
    ck_assert_int_ge(wn_lex_whole(WN_LEX_ITEMPROP_BODY, "ARTICLEBODY", 11), 0);
    ck_assert_int_lt(wn_lex_whole(WN_LEX_ITEMPROP_BODY, "art\xC4\xB0" "cleBody", 12), 0);
}
END_TEST

START_TEST(test_whole)
{
    int e = wn_lex_whole(WN_LEX_CLASS_WORD, "comments", 8);
    ASSERT_ENTRY(e, "comments");
    ck_assert_uint_eq(wn_lex_entries[e].kinds, WN_HINT_COMMENTS);
    ck_assert_int_lt(wn_lex_whole(WN_LEX_CLASS_WORD, "commentsx", 9), 0);
    ck_assert_int_lt(wn_lex_whole(WN_LEX_CLASS_WORD, "comm", 4), 0);
    ck_assert_int_lt(wn_lex_whole(WN_LEX_CLASS_WORD, "", 0), 0);
    /* The same word in another list is another entry. */
    e = wn_lex_whole(WN_LEX_THREAD_CLASS_WORD, "author", 6);
    ASSERT_ENTRY(e, "author");
    ck_assert_uint_eq(wn_lex_entries[e].kinds, WN_CK_AUTHOR);
    ck_assert_uint_eq(wn_lex_entries[wn_lex_whole(WN_LEX_CLASS_WORD, "author", 6)].kinds, WN_HINT_META);
}
END_TEST

START_TEST(test_words_anywhere)
{
    /* bounds "both": a word, where a word starts and ends. */
    const char *t = "Sign up for our Newsletter!";
    ck_assert(wn_lex_kinds_in(WN_LEX_PROMO_WORD, t, strlen(t)) & WN_LEXK_PROMO_WORD_NEWSLETTER);
    t = "the enewsletter archive";
    ck_assert(!(wn_lex_kinds_in(WN_LEX_PROMO_WORD, t, strlen(t)) & WN_LEXK_PROMO_WORD_NEWSLETTER));
    t = "download our apps for iOS";
    uint32_t kinds = wn_lex_kinds_in(WN_LEX_APP_PROMO, t, strlen(t));
    ck_assert_uint_eq(kinds, WN_LEXK_APP_PROMO_DOWNLOAD | WN_LEXK_APP_PROMO_APP | WN_LEXK_APP_PROMO_STORE);
    /* bounds none: anywhere, inside words too. */
    ck_assert(wn_lex_in(WN_LEX_CAPTION_CLASS, "figcaption", 10));
}
END_TEST

START_TEST(test_cjk)
{
    ASSERT_ENTRY(first(WN_LEX_MARKER, "相关推荐：", 5), "相关推荐");
    ASSERT_ENTRY(first(WN_LEX_MARKER, "上一篇：标题", 6), "上一篇");
    /* The first listed wins: 楼主 is listed before 楼. */
    ASSERT_ENTRY(first(WN_LEX_THREAD_ACTION_CJK, "楼主 5", 0), "楼主");
    ASSERT_ENTRY(first(WN_LEX_THREAD_ACTION_CJK, "楼上", 0), "楼");
    int e = wn_lex_whole(WN_LEX_THREAD_DATE_CJK, "昨", 3);
    ck_assert_int_ge(e, 0);
    ck_assert_uint_eq(wn_lex_entries[e].kinds, WN_LEXK_THREAD_DATE_CJK_RELATIVE);
    /* Half a character is none. */
    ck_assert_int_lt(wn_lex_whole(WN_LEX_THREAD_DATE_CJK, "昨", 2), 0);
    ck_assert_int_lt(first(WN_LEX_MARKER, "相关", 2), 0);
}
END_TEST

START_TEST(test_suffix)
{
    size_t start = 0;
    int e = wn_lex_suffix(WN_LEX_THREAD_SAYS, "Bob says:", 9, 1, &start);
    ASSERT_ENTRY(e, " says:");
    ck_assert_uint_eq(start, 3);
    /* ":" alone would start at 0: not after a word. */
    ck_assert_int_lt(wn_lex_suffix(WN_LEX_THREAD_SAYS, ":", 1, 1, NULL), 0);
    ASSERT_ENTRY(wn_lex_suffix(WN_LEX_THREAD_SAYS, "Bob:", 4, 1, NULL), ":");
}
END_TEST

START_TEST(test_nothing)
{
    const char *t = "The quick brown fox jumps over the lazy dog";
    size_t len = strlen(t);
    for (int l = 0; l < WN_LEX_LIST_COUNT; l++) {
        if (l == WN_LEX_THREAD_DATE_LABEL || l == WN_LEX_CLASS_STEM || l == WN_LEX_THREAD_NOTICE ||
            l == WN_LEX_THREAD_SAYS || l == WN_LEX_BYLINE_LABEL || l == WN_LEX_CAPTION_CLASS ||
            l == WN_LEX_PROMO_WORD || l == WN_LEX_PROMO_NETWORK)
            continue;
        ck_assert_msg(wn_lex_first((wn_lex_list)l, t, len, 0, NULL) < 0, "list %d", l);
        ck_assert_msg(wn_lex_whole((wn_lex_list)l, t, len) < 0, "list %d", l);
    }
    ck_assert(!wn_lex_in(WN_LEX_THREAD_NOTICE, t, len));
    ck_assert_uint_eq(wn_lex_kinds_in(WN_LEX_PROMO_WORD, t, len), 0);
    ck_assert(!wn_lex_in(WN_LEX_BYLINE_LABEL, "", 0));
}
END_TEST

Suite *wn_test_suite(void)
{
    Suite *s = suite_create("lexicon");
    TCase *tc = tcase_create("matcher");
    tcase_add_test(tc, test_every_entry_finds_itself);
    tcase_add_test(tc, test_prefix_word_end);
    tcase_add_test(tc, test_first_listed_whose_limit_admits);
    tcase_add_test(tc, test_case_folding);
    tcase_add_test(tc, test_whole);
    tcase_add_test(tc, test_words_anywhere);
    tcase_add_test(tc, test_cjk);
    tcase_add_test(tc, test_suffix);
    tcase_add_test(tc, test_nothing);
    suite_add_tcase(s, tc);
    return s;
}
