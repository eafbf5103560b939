/* utf8.c: decoding, encoding and the character classes the scorer counts. */
#include <string.h>

#include "runner.h"
#include "utf8.h"

/* ---- wn_utf8_next ------------------------------------------------------------ */

typedef struct next_case {
    const char *name;
    const char *bytes;
    size_t len;
    uint32_t cp;
    size_t advance;
} next_case;

#define B(s) s, sizeof(s) - 1

static const next_case NEXT[] = {
    {"ascii", B("A"), 0x41, 1},
    {"nul", "\0", 1, 0, 1},
    {"two-byte", B("\xC3\xA9"), 0xE9, 2},
    {"two-byte min", B("\xC2\x80"), 0x80, 2},
    {"three-byte", B("\xE4\xBD\xA0"), 0x4F60, 3},
    {"three-byte min", B("\xE0\xA0\x80"), 0x800, 3},
    {"real U+FFFD", B("\xEF\xBF\xBD"), 0xFFFD, 3},
    {"U+FFFF", B("\xEF\xBF\xBF"), 0xFFFF, 3},
    {"four-byte", B("\xF0\x9F\x98\x80"), 0x1F600, 4},
    {"max", B("\xF4\x8F\xBF\xBF"), 0x10FFFF, 4},
    {"followed by more", B("\xC3\xA9xyz"), 0xE9, 2},
    /* Invalid: one U+FFFD per bad byte. */
    {"lone continuation", B("\x80"), 0xFFFD, 1},
    {"continuation run", B("\xBF\xBF"), 0xFFFD, 1},
    {"byte FF", B("\xFF"), 0xFFFD, 1},
    {"byte FE", B("\xFE"), 0xFFFD, 1},
    {"five-byte lead", B("\xF8\x88\x80\x80\x80"), 0xFFFD, 1},
    {"bad continuation", B("\xE4\x41\x41"), 0xFFFD, 1},
    {"bad second continuation", B("\xE4\xBD\x41"), 0xFFFD, 1},
    {"truncated two", B("\xC3"), 0xFFFD, 1},
    {"truncated three", B("\xE4\xBD"), 0xFFFD, 1},
    {"truncated four", B("\xF0\x9F\x98"), 0xFFFD, 1},
    {"overlong slash 2", B("\xC0\xAF"), 0xFFFD, 1},
    {"overlong C1", B("\xC1\xBF"), 0xFFFD, 1},
    {"overlong slash 3", B("\xE0\x80\xAF"), 0xFFFD, 1},
    {"overlong 3 max", B("\xE0\x9F\xBF"), 0xFFFD, 1},
    {"overlong slash 4", B("\xF0\x80\x80\xAF"), 0xFFFD, 1},
    {"overlong 4 max", B("\xF0\x8F\xBF\xBF"), 0xFFFD, 1},
    {"surrogate low end", B("\xED\xA0\x80"), 0xFFFD, 1},
    {"surrogate high end", B("\xED\xBF\xBF"), 0xFFFD, 1},
    {"above 10FFFF", B("\xF4\x90\x80\x80"), 0xFFFD, 1},
    {"F5 lead", B("\xF5\x80\x80\x80"), 0xFFFD, 1},
};

START_TEST(test_next)
{
    const next_case *c = &NEXT[_i];
    size_t pos = 0;
    uint32_t cp = wn_utf8_next(c->bytes, c->len, &pos);
    ck_assert_msg(cp == c->cp, "%s: got U+%04X, want U+%04X", c->name, cp, c->cp);
    ck_assert_msg(pos == c->advance, "%s: advanced %zu, want %zu", c->name, pos, c->advance);
}
END_TEST

/* Decoding in a loop from an offset: errors resynchronise on the next byte. */
START_TEST(test_next_sequence)
{
    static const char s[] = "a\xE4\xBD\xA0\x80" "b\xC3" "c\xF0\x9F\x98\x80\xE4\xBD";
    static const uint32_t want[] = {'a', 0x4F60, 0xFFFD, 'b', 0xFFFD, 'c', 0x1F600, 0xFFFD, 0xFFFD};
    size_t len = sizeof s - 1, pos = 0;
    unsigned n = 0;
    while (pos < len) {
        ck_assert_uint_lt(n, WN_COUNT(want));
        uint32_t cp = wn_utf8_next(s, len, &pos);
        ck_assert_msg(cp == want[n], "code point %u: got U+%04X, want U+%04X", n, cp, want[n]);
        n++;
    }
    ck_assert_uint_eq(n, WN_COUNT(want));
    ck_assert_uint_eq(pos, len);
}
END_TEST

/* ---- wn_utf8_encode ---------------------------------------------------------- */

typedef struct encode_case {
    uint32_t cp;
    size_t len;
    const char *bytes;
} encode_case;

static const encode_case ENCODE[] = {
    {0x00, 1, "\x00"},       {0x41, 1, "A"},
    {0x7F, 1, "\x7F"},       {0x80, 2, "\xC2\x80"},
    {0xE9, 2, "\xC3\xA9"},   {0x7FF, 2, "\xDF\xBF"},
    {0x800, 3, "\xE0\xA0\x80"}, {0x4F60, 3, "\xE4\xBD\xA0"},
    {0xFFFD, 3, "\xEF\xBF\xBD"}, {0xFFFF, 3, "\xEF\xBF\xBF"},
    {0x10000, 4, "\xF0\x90\x80\x80"}, {0x1F600, 4, "\xF0\x9F\x98\x80"},
    {0x10FFFF, 4, "\xF4\x8F\xBF\xBF"},
};

START_TEST(test_encode_round_trip)
{
    const encode_case *c = &ENCODE[_i];
    char out[8];
    memset(out, 0x55, sizeof out);
    size_t n = wn_utf8_encode(c->cp, out);
    ck_assert_uint_eq(n, c->len);
    ck_assert_mem_eq(out, c->bytes, n);
    ck_assert_uint_eq((unsigned char)out[n], 0x55); /* nothing written past it */
    size_t pos = 0;
    ck_assert_uint_eq(wn_utf8_next(out, n, &pos), c->cp);
    ck_assert_uint_eq(pos, n);
    ck_assert_uint_eq(wn_utf8_valid_prefix(out, n), n);
}
END_TEST

/* Every scalar value survives encode -> decode. */
START_TEST(test_encode_all_scalars)
{
    char out[4];
    for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        size_t n = wn_utf8_encode(cp, out);
        size_t pos = 0;
        uint32_t back = wn_utf8_next(out, n, &pos);
        if (back != cp || pos != n)
            ck_abort_msg("U+%04X: decoded U+%04X after %zu of %zu bytes", cp, back, pos, n);
    }
}
END_TEST

/* ---- wn_utf8_valid_prefix ------------------------------------------------------- */

typedef struct prefix_case {
    const char *bytes;
    size_t len;
    size_t valid;
} prefix_case;

static const prefix_case PREFIX[] = {
    {B(""), 0},
    {B("plain ascii"), 11},
    {B("caf\xC3\xA9 \xE4\xBD\xA0\xE5\xA5\xBD"), 12},
    {B("ok\xEF\xBF\xBDok"), 7},          /* a real U+FFFD is valid */
    {B("abc\xE4\xBD\xA0\xFF"), 6},
    {B("abc\xE4\xBD"), 3},               /* truncated at the end */
    {B("\xC0\xAF"), 0},
    {B("x\xED\xA0\x80y"), 1},            /* surrogate */
    {B("\x80"), 0},
};

START_TEST(test_valid_prefix)
{
    const prefix_case *c = &PREFIX[_i];
    ck_assert_uint_eq(wn_utf8_valid_prefix(c->bytes, c->len), c->valid);
}
END_TEST

/* ---- character classes ------------------------------------------------------------ */

typedef struct class_case {
    uint32_t cp;
    bool cjk, space, word, punct, comma, xml;
} class_case;

static const class_case CLASSES[] = {
    /*  cp       cjk    space  word   punct  comma  xml */
    {0x00,     false, false, false, false, false, false},
    {0x01,     false, false, false, false, false, false},
    {0x08,     false, false, false, false, false, false},
    {0x09,     false, true,  false, false, false, true},
    {0x0A,     false, true,  false, false, false, true},
    {0x0B,     false, true,  false, false, false, false},
    {0x0C,     false, true,  false, false, false, false},
    {0x0D,     false, true,  false, false, false, true},
    {0x1F,     false, true,  false, false, false, false},
    {' ',      false, true,  false, false, false, true},
    {'a',      false, false, true,  false, false, true},
    {'Z',      false, false, true,  false, false, true},
    {'7',      false, false, true,  false, false, true},
    {'_',      false, false, true,  false, false, true},
    {',',      false, false, false, true,  true,  true},
    {'.',      false, false, false, true,  false, true},
    {'!',      false, false, false, true,  false, true},
    {'-',      false, false, false, false, false, true},
    {0x7F,     false, false, false, false, false, true},
    {0xA0,     false, true,  false, false, false, true},
    {0xE9,     false, false, true,  false, false, true},
    {0x3000,   false, true,  false, false, false, true},
    {0x3001,   false, false, false, true,  true,  true},   /* 、 */
    {0x3002,   false, false, false, true,  false, true},   /* 。 */
    {0x3042,   true,  false, true,  false, false, true},   /* あ */
    {0x30A2,   true,  false, true,  false, false, true},   /* ア */
    {0x4E00,   true,  false, true,  false, false, true},   /* 一 */
    {0x9FA5,   true,  false, true,  false, false, true},
    {0xAC00,   true,  false, true,  false, false, true},   /* 가 */
    {0xD7FF,   false, false, false, false, false, true},
    {0xD800,   false, false, false, false, false, false},
    {0xDFFF,   false, false, false, false, false, false},
    {0xE000,   false, false, false, false, false, true},
    {0xFF0C,   false, false, false, true,  true,  true},   /* ， */
    {0xFF1F,   false, false, false, true,  false, true},   /* ？ */
    {0xFFFD,   false, false, false, false, false, true},
    {0xFFFE,   false, false, false, false, false, false},
    {0xFFFF,   false, false, false, false, false, false},
    {0x10000,  false, false, true,  false, false, true},   /* LINEAR B SYLLABLE B008 A */
    {0x20000,  true,  false, true,  false, false, true},   /* CJK Ext. B */
    {0x10FFFF, false, false, false, false, false, true},
    {0x110000, false, false, false, false, false, false},
};

START_TEST(test_classes)
{
    const class_case *c = &CLASSES[_i];
    ck_assert_msg(wn_is_cjk(c->cp) == c->cjk, "U+%04X cjk", c->cp);
    ck_assert_msg(wn_is_space(c->cp) == c->space, "U+%04X space", c->cp);
    ck_assert_msg(wn_is_word(c->cp) == c->word, "U+%04X word", c->cp);
    ck_assert_msg(wn_is_sentence_punct(c->cp) == c->punct, "U+%04X punct", c->cp);
    ck_assert_msg(wn_is_comma(c->cp) == c->comma, "U+%04X comma", c->cp);
    ck_assert_msg(wn_is_xml_char(c->cp) == c->xml, "U+%04X xml", c->cp);
}
END_TEST

/* ---- wn_text_measure ---------------------------------------------------------------- */

typedef struct measure_case {
    const char *text;
    wn_text_stats want;   /* chars, cjk, tokens, punct, commas */
} measure_case;

static const measure_case MEASURE[] = {
    {"", {0, 0, 0, 0, 0}},
    {" \t\r\n ", {0, 0, 0, 0, 0}},
    {"Hello, world. 你好，世界。", {18, 4, 6, 4, 2}},
    {"one two  three", {11, 0, 3, 0, 0}},
    {"don't stop", {9, 0, 3, 0, 0}},
    {"a_b1 c-d", {7, 0, 3, 0, 0}},
    {"caf\xC3\xA9 123", {7, 0, 2, 0, 0}},
    {"日本語のテキスト", {8, 8, 8, 0, 0}},
    {"한국어", {3, 3, 3, 0, 0}},
    {"x\xC2\xA0y\xE3\x80\x80z", {3, 0, 3, 0, 0}},            /* NBSP, ideographic space */
    {"中文English混合", {11, 4, 5, 0, 0}},
    {"Yes! No? Maybe; ok: fine.", {21, 0, 5, 5, 0}},
    {"甲、乙，丙。", {6, 3, 3, 3, 2}},
    {"bad \xFF byte", {8, 0, 2, 0, 0}},                    /* U+FFFD counts as a char */
};

START_TEST(test_measure)
{
    const measure_case *c = &MEASURE[_i];
    wn_text_stats s = {0, 0, 0, 0, 0};
    wn_text_measure(c->text, strlen(c->text), &s);
    ck_assert_msg(s.chars == c->want.chars, "\"%s\": chars %u, want %u", c->text, s.chars, c->want.chars);
    ck_assert_msg(s.cjk == c->want.cjk, "\"%s\": cjk %u, want %u", c->text, s.cjk, c->want.cjk);
    ck_assert_msg(s.tokens == c->want.tokens, "\"%s\": tokens %u, want %u", c->text, s.tokens,
                  c->want.tokens);
    ck_assert_msg(s.punct == c->want.punct, "\"%s\": punct %u, want %u", c->text, s.punct, c->want.punct);
    ck_assert_msg(s.commas == c->want.commas, "\"%s\": commas %u, want %u", c->text, s.commas,
                  c->want.commas);
}
END_TEST

/* Counts accumulate across calls; a length shorter than the string is honoured. */
START_TEST(test_measure_accumulates)
{
    wn_text_stats s = {0, 0, 0, 0, 0};
    const char *t = "Hello, world. 你好，世界。";
    wn_text_measure(t, strlen(t), &s);
    wn_text_measure(t, strlen(t), &s);
    ck_assert_uint_eq(s.chars, 36);
    ck_assert_uint_eq(s.cjk, 8);
    ck_assert_uint_eq(s.tokens, 12);
    ck_assert_uint_eq(s.punct, 8);
    ck_assert_uint_eq(s.commas, 4);
    wn_text_stats p = {0, 0, 0, 0, 0};
    wn_text_measure(t, 5, &p); /* "Hello" */
    ck_assert_uint_eq(p.chars, 5);
    ck_assert_uint_eq(p.tokens, 1);
    ck_assert_uint_eq(p.punct, 0);
}
END_TEST

Suite *wn_test_suite(void)
{
    Suite *s = suite_create("utf8");
    TCase *tc = tcase_create("decode");
    tcase_add_loop_test(tc, test_next, 0, WN_COUNT(NEXT));
    tcase_add_test(tc, test_next_sequence);
    tcase_add_loop_test(tc, test_valid_prefix, 0, WN_COUNT(PREFIX));
    suite_add_tcase(s, tc);

    tc = tcase_create("encode");
    tcase_add_loop_test(tc, test_encode_round_trip, 0, WN_COUNT(ENCODE));
    tcase_add_test(tc, test_encode_all_scalars);
    suite_add_tcase(s, tc);

    tc = tcase_create("classes");
    tcase_add_loop_test(tc, test_classes, 0, WN_COUNT(CLASSES));
    suite_add_tcase(s, tc);

    tc = tcase_create("measure");
    tcase_add_loop_test(tc, test_measure, 0, WN_COUNT(MEASURE));
    tcase_add_test(tc, test_measure_accumulates);
    suite_add_tcase(s, tc);
    return s;
}
