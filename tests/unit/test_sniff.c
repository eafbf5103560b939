/* sniff.c: WHATWG labels, BOMs and the <meta> prescan. */
#include <stdlib.h>
#include <string.h>

#include "input/sniff.h"
#include "runner.h"

/* ---- labels ------------------------------------------------------------------ */

typedef struct label_case {
    const char *label;
    const char *name;   /* NULL: unknown */
} label_case;

static const label_case LABELS[] = {
    {"gb2312", "GB18030"},       {"GB2312", "GB18030"},      {"gbk", "GB18030"},
    {"GBK", "GB18030"},          {"gb18030", "GB18030"},     {"x-gbk", "GB18030"},
    {"chinese", "GB18030"},      {"csgb2312", "GB18030"},    {"iso-ir-58", "GB18030"},
    {"big5", "BIG5-HKSCS"},      {"Big5", "BIG5-HKSCS"},     {"big5-hkscs", "BIG5-HKSCS"},
    {"x-x-big5", "BIG5-HKSCS"},  {"cn-big5", "BIG5-HKSCS"},
    {"shift_jis", "WINDOWS-31J"}, {"Shift_JIS", "WINDOWS-31J"}, {"sjis", "WINDOWS-31J"},
    {"ms_kanji", "WINDOWS-31J"}, {"windows-31j", "WINDOWS-31J"},
    {"euc-jp", "EUC-JP"},        {"iso-2022-jp", "ISO-2022-JP"},
    {"euc-kr", "CP949"},         {"ks_c_5601-1987", "CP949"},
    {"latin1", "WINDOWS-1252"},  {"ascii", "WINDOWS-1252"},  {"US-ASCII", "WINDOWS-1252"},
    {"iso-8859-1", "WINDOWS-1252"}, {"ISO-8859-1", "WINDOWS-1252"}, {"iso8859-1", "WINDOWS-1252"},
    {"l1", "WINDOWS-1252"},      {"cp1252", "WINDOWS-1252"}, {"windows-1252", "WINDOWS-1252"},
    {"iso-8859-9", "WINDOWS-1254"}, {"latin5", "WINDOWS-1254"},
    {"iso-8859-2", "ISO-8859-2"}, {"iso-8859-15", "ISO-8859-15"}, {"iso-8859-5", "ISO-8859-5"},
    {"windows-1251", "WINDOWS-1251"}, {"cp1251", "WINDOWS-1251"}, {"koi8-r", "KOI8-R"},
    {"koi8-u", "KOI8-U"},        {"tis-620", "WINDOWS-874"}, {"ibm866", "IBM866"},
    {"866", "IBM866"},           {"macintosh", "MACINTOSH"}, {"x-mac-cyrillic", "MAC-CYRILLIC"},
    {"utf8", "UTF-8"},           {"utf-8", "UTF-8"},         {"UTF-8", "UTF-8"},
    {"unicode-1-1-utf-8", "UTF-8"}, {"utf-16", "UTF-16LE"},  {"utf-16le", "UTF-16LE"},
    {"utf-16be", "UTF-16BE"},
    /* Names only libuchardet reports; its guesses no browser has stay unknown. */
    {"UHC", "CP949"},            {"EUC-TW", "EUC-TW"},       {"IBM855", "CP855"},
    {"MAC-CENTRALEUROPE", NULL}, {"VISCII", NULL},
    /* Spaces around the label are trimmed; case does not matter. */
    {"  gbk  ", "GB18030"},      {"\tUtF-8\n", "UTF-8"},     {"\r\fBIG5 ", "BIG5-HKSCS"},
    /* Unknown labels. */
    {"", NULL},                  {"   ", NULL},               {"utf-8x", NULL},
    {"x-klingon", NULL},         {"utf 8", NULL},             {"gb", NULL},
    {"big", NULL},               {"0", NULL},                 {"zzzz", NULL},
    {"a-label-that-is-much-longer-than-any-real-one-could-be", NULL},
};

START_TEST(test_label)
{
    const label_case *c = &LABELS[_i];
    const char *got = wn_charset_from_label(c->label, strlen(c->label));
    if (c->name)
        ck_assert_msg(got && strcmp(got, c->name) == 0, "\"%s\": got %s, want %s", c->label,
                      got ? got : "NULL", c->name);
    else
        ck_assert_msg(got == NULL, "\"%s\": got %s, want NULL", c->label, got);
}
END_TEST

/* Every label of the WHATWG Encoding Standard, by the decoder it gets here
 * (the "replacement" labels get the decoder they name; see sniff.c). */
typedef struct whatwg_case {
    const char *name;
    const char *labels;   /* space-separated */
} whatwg_case;

static const whatwg_case WHATWG[] = {
    {"UTF-8", "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8"},
    {"IBM866", "866 cp866 csibm866 ibm866"},
    {"ISO-8859-2",
     "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 "
     "l2 latin2"},
    {"ISO-8859-3",
     "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 "
     "l3 latin3"},
    {"ISO-8859-4",
     "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 "
     "l4 latin4"},
    {"ISO-8859-5",
     "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 "
     "iso_8859-5:1988"},
    {"ISO-8859-6",
     "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 "
     "iso-8859-6-e iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 "
     "iso_8859-6:1987"},
    {"ISO-8859-7",
     "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 "
     "iso88597 iso_8859-7 iso_8859-7:1987 sun_eu_greek"},
    {"ISO-8859-8",
     "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 "
     "iso88598 iso_8859-8 iso_8859-8:1988 visual csiso88598i iso-8859-8-i logical"},
    {"ISO-8859-10", "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6"},
    {"ISO-8859-13", "iso-8859-13 iso8859-13 iso885913"},
    {"ISO-8859-14", "iso-8859-14 iso8859-14 iso885914"},
    {"ISO-8859-15", "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9"},
    {"ISO-8859-16", "iso-8859-16"},
    {"KOI8-R", "cskoi8r koi koi8 koi8-r koi8_r"},
    {"KOI8-U", "koi8-ru koi8-u"},
    {"MACINTOSH", "csmacintosh mac macintosh x-mac-roman"},
    {"WINDOWS-874", "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874"},
    {"WINDOWS-1250", "cp1250 windows-1250 x-cp1250"},
    {"WINDOWS-1251", "cp1251 windows-1251 x-cp1251"},
    {"WINDOWS-1252",
     "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 "
     "iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 "
     "x-cp1252 x-user-defined"},
    {"WINDOWS-1253", "cp1253 windows-1253 x-cp1253"},
    {"WINDOWS-1254",
     "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 "
     "iso_8859-9:1989 l5 latin5 windows-1254 x-cp1254"},
    {"WINDOWS-1255", "cp1255 windows-1255 x-cp1255"},
    {"WINDOWS-1256", "cp1256 windows-1256 x-cp1256"},
    {"WINDOWS-1257", "cp1257 windows-1257 x-cp1257"},
    {"WINDOWS-1258", "cp1258 windows-1258 x-cp1258"},
    {"MAC-CYRILLIC", "x-mac-cyrillic x-mac-ukrainian"},
    {"GB18030",
     "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk "
     "gb18030"},
    {"BIG5-HKSCS", "big5 big5-hkscs cn-big5 csbig5 x-x-big5"},
    {"EUC-JP", "cseucpkdfmtjapanese euc-jp x-euc-jp"},
    {"ISO-2022-JP", "csiso2022jp iso-2022-jp"},
    {"WINDOWS-31J", "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis"},
    {"CP949",
     "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 "
     "ksc5601 ksc_5601 windows-949"},
    {"ISO-2022-KR", "csiso2022kr iso-2022-kr"},
    {"ISO-2022-CN", "iso-2022-cn"},
    {"ISO-2022-CN-EXT", "iso-2022-cn-ext"},
    {"HZ-GB-2312", "hz-gb-2312"},
    {"UTF-16BE", "unicodefffe utf-16be"},
    {"UTF-16LE", "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le"},
};

START_TEST(test_whatwg_labels)
{
    const whatwg_case *c = &WHATWG[_i];
    const char *p = c->labels;
    while (*p) {
        size_t n = strcspn(p, " ");
        const char *got = wn_charset_from_label(p, n);
        ck_assert_msg(got && strcmp(got, c->name) == 0, "\"%.*s\": got %s, want %s", (int)n, p,
                      got ? got : "NULL", c->name);
        p += n;
        p += *p == ' ';
    }
}
END_TEST

/* The label of the replacement decoder itself names no charset. */
START_TEST(test_replacement_label)
{
    ck_assert_ptr_null(wn_charset_from_label("replacement", 11));
}
END_TEST

/* The length bounds the label; the bytes need not be NUL-terminated. */
START_TEST(test_label_length)
{
    ck_assert_str_eq(wn_charset_from_label("gbk;charset", 3), "GB18030");
    ck_assert_str_eq(wn_charset_from_label("utf-8\"", 5), "UTF-8");
    ck_assert_ptr_null(wn_charset_from_label("gbk", 2));
    ck_assert_ptr_null(wn_charset_from_label("gbk", 0));
    char *exact = malloc(4);
    memcpy(exact, "big5", 4); /* no NUL */
    ck_assert_str_eq(wn_charset_from_label(exact, 4), "BIG5-HKSCS");
    free(exact);
}
END_TEST

/* ---- BOM ----------------------------------------------------------------------- */

typedef struct bom_case {
    const char *bytes;
    size_t len;
    const char *name;
    size_t bom_len;
} bom_case;

static const bom_case BOMS[] = {
    {"\xEF\xBB\xBF<html>", 9, "UTF-8", 3},
    {"\xEF\xBB\xBF", 3, "UTF-8", 3},
    {"\xFF\xFE<\0h\0", 6, "UTF-16LE", 2},
    {"\xFE\xFF\0<\0h", 6, "UTF-16BE", 2},
    {"\xFF\xFE\0\0", 4, "UTF-16LE", 2},
    {"\xEF\xBB", 2, NULL, 0},
    {"\xEF\xBB\xBF", 2, NULL, 0},   /* cut by len */
    {"\xFF", 1, NULL, 0},
    {"<html>", 6, NULL, 0},
    {"", 0, NULL, 0},
    {" \xEF\xBB\xBF", 4, NULL, 0},  /* only at the start */
};

START_TEST(test_bom)
{
    const bom_case *c = &BOMS[_i];
    size_t bom_len = 99;
    const char *got = wn_sniff_bom(c->bytes, c->len, &bom_len);
    if (c->name) {
        ck_assert_ptr_nonnull(got);
        ck_assert_str_eq(got, c->name);
    } else {
        ck_assert_ptr_null(got);
    }
    ck_assert_uint_eq(bom_len, c->bom_len);
}
END_TEST

/* ---- <meta> prescan ----------------------------------------------------------------- */

typedef struct meta_case {
    const char *name;
    const char *html;
    const char *charset;
} meta_case;

static const meta_case METAS[] = {
    {"charset unquoted", "<meta charset=gbk>", "GB18030"},
    {"charset double quotes", "<html><head><meta charset=\"big5\"></head>", "BIG5-HKSCS"},
    {"charset single quotes, upper case", "<META CHARSET='Shift_JIS'>", "WINDOWS-31J"},
    {"charset self-closing", "<meta charset=\"utf-8\" />", "UTF-8"},
    {"charset with spaces", "<meta charset = \" gbk \" >", "GB18030"},
    {"charset after other attributes", "<meta name=x content=y charset=gb2312>", "GB18030"},
    {"http-equiv quoted", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">",
     "GB18030"},
    {"http-equiv unquoted", "<meta http-equiv=content-type content=text/html;charset=gbk>", "GB18030"},
    {"http-equiv charset quoted in content",
     "<meta http-equiv=\"content-type\" content=\"text/html; charset='windows-1251'\">", "WINDOWS-1251"},
    {"http-equiv charset double-quoted in content",
     "<meta http-equiv='Content-Type' content='text/html; charset=\"koi8-r\"'>", "KOI8-R"},
    {"http-equiv after content",
     "<meta content=\"text/html; charset=big5\" http-equiv=\"Content-Type\">", "BIG5-HKSCS"},
    {"http-equiv spaces around =", "<meta http-equiv=Content-Type content=\"text/html; CHARSET = gbk\">",
     "GB18030"},
    {"content without http-equiv", "<meta content=\"text/html; charset=gbk\">", NULL},
    {"other http-equiv", "<meta http-equiv=\"refresh\" content=\"0; charset=gbk\">", NULL},
    {"no charset in content", "<meta http-equiv=\"Content-Type\" content=\"text/html\">", NULL},
    {"empty charset in content", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=\">",
     NULL},
    {"utf-16 declared", "<meta charset=\"utf-16\">", "UTF-8"},
    {"utf-16be declared", "<meta charset=\"UTF-16BE\">", "UTF-8"},
    {"utf-16le in content",
     "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-16le\">", "UTF-8"},
    {"unknown label then a good one", "<meta charset=\"bogus\"><meta charset=\"gbk\">", "GB18030"},
    {"name=charset is not a declaration", "<meta name=\"charset\" content=\"gbk\"><meta charset=big5>",
     "BIG5-HKSCS"},
    {"first declaration wins", "<meta charset=gbk><meta charset=big5>", "GB18030"},
    {"inside a comment", "<!-- <meta charset=\"gbk\"> -->", NULL},
    {"after a comment", "<!-- <meta charset=\"gbk\"> --><meta charset=\"big5\">", "BIG5-HKSCS"},
    {"comment with dashes", "<!-- a -- <meta charset=gbk> - -> --><meta charset=utf-8>", "UTF-8"},
    {"after <body>", "<html><head></head><body><meta charset=\"gbk\"><p>x</p>", NULL},
    {"after <BODY class>", "<html><BODY class=x><meta charset=gbk>", NULL},
    {"script string before the real meta",
     "<script>var s = '<meta charset=\"gbk\">';</script><meta charset=\"utf-8\">", "UTF-8"},
    {"script with attributes",
     "<script type=\"text/javascript\">document.write(\"<meta charset=big5>\")</script>"
     "<meta charset=\"gbk\">",
     "GB18030"},
    {"script only", "<SCRIPT>x = '<meta charset=gbk>'</SCRIPT>", NULL},
    {"style text", "<style>/* <meta charset=gbk> */</style><meta charset=\"big5\">", "BIG5-HKSCS"},
    {"attribute value holding a tag", "<link title=\"<meta charset=gbk>\"><meta charset=utf-8>", "UTF-8"},
    {"title text", "<title>a > b</title><meta charset=gbk>", "GB18030"},
    {"doctype and xml declaration",
     "<?xml version=\"1.0\"?><!DOCTYPE html><html><head><meta charset=\"euc-jp\">", "EUC-JP"},
    {"metadata is not meta", "<metadata charset=gbk>", NULL},
    {"meta/ charset", "<meta/charset=gbk>", "GB18030"},
    {"no declaration", "<html><head><title>x</title></head><body>y</body></html>", NULL},
    {"empty", "", NULL},
    {"text only", "just some text with charset=gbk", NULL},
};

START_TEST(test_meta)
{
    const meta_case *c = &METAS[_i];
    const char *got = wn_sniff_meta(c->html, strlen(c->html));
    if (c->charset)
        ck_assert_msg(got && strcmp(got, c->charset) == 0, "%s: got %s, want %s", c->name,
                      got ? got : "NULL", c->charset);
    else
        ck_assert_msg(got == NULL, "%s: got %s, want NULL", c->name, got);
}
END_TEST

/* A long <head> (scripts, styles) before the declaration is still read. */
START_TEST(test_meta_after_long_head)
{
    size_t pad = 8000;
    const char *tail = "<meta charset=\"gbk\">";
    char *html = malloc(pad + 64);
    strcpy(html, "<head><script>");
    size_t n = strlen(html);
    memset(html + n, 'x', pad);
    n += pad;
    strcpy(html + n, "</script>");
    strcat(html, tail);
    const char *got = wn_sniff_meta(html, strlen(html));
    ck_assert_ptr_nonnull(got);
    ck_assert_str_eq(got, "GB18030");
    free(html);
}
END_TEST

/* The scan stops at the length it is given: no read past it. */
START_TEST(test_meta_truncated)
{
    const char *full = "<meta charset=\"gbk\">";
    for (size_t len = 0; len <= strlen(full); len++) {
        char *copy = malloc(len ? len : 1);
        memcpy(copy, full, len);
        const char *got = wn_sniff_meta(copy, len);
        if (len < 6) /* "<meta " at least */
            ck_assert_ptr_null(got);
        free(copy);
    }
}
END_TEST

/* ---- UTF-16 / UTF-32 without a BOM ------------------------------------------- */

typedef struct wide_sniff_case {
    const char *bytes;
    size_t len;
    const char *name;
} wide_sniff_case;

#define WS(bytes, name) {bytes, sizeof bytes - 1, name}

static const wide_sniff_case WIDE_SNIFF[] = {
    WS("<\0h\0t\0m\0l\0>\0", "UTF-16LE"),
    WS("\0<\0h\0t\0m\0l\0>", "UTF-16BE"),
    WS("<\0\0\0h\0\0\0t\0\0\0m\0\0\0", "UTF-32LE"),
    WS("\0\0\0<\0\0\0h\0\0\0t\0\0\0m", "UTF-32BE"),
    /* Chinese with a little markup: "<p>" and four CJK characters. */
    WS("<\0p\0>\0\x2C\x4E\x2D\x4E\x87\x65\x57\x5B", "UTF-16LE"),
    WS("<html><p>text</p>", NULL),
    WS("\xE4\xB8\xAD\xE6\x96\x87", NULL),
    WS("<\0h\0", NULL),                      /* too short to tell */
    WS("<\0\0\0\0\0\0\0\0\0\0\0\0\0", NULL),  /* zeros, not characters */
    WS("a\0b\0c\0\0d\0e\0f\0g", NULL),       /* odd and even zeros alike */
};

START_TEST(test_wide_sniff)
{
    const wide_sniff_case *c = &WIDE_SNIFF[_i];
    const char *got = wn_sniff_wide(c->bytes, c->len);
    if (c->name) {
        ck_assert_msg(got && strcmp(got, c->name) == 0, "case %d: %s, want %s", _i, got ? got : "NULL",
                      c->name);
    } else {
        ck_assert_msg(got == NULL, "case %d: %s, want none", _i, got);
    }
}
END_TEST

START_TEST(test_ascii_markup)
{
    ck_assert(wn_sniff_ascii_markup("<!DOCTYPE html><html lang=en>", 29));
    ck_assert(wn_sniff_ascii_markup("<p>one</p>", 10));
    ck_assert(!wn_sniff_ascii_markup("<p>one", 6));                /* one tag only */
    ck_assert(!wn_sniff_ascii_markup("<\0p\0>\0<\0/\0p\0>\0", 14)); /* UTF-16 */
    ck_assert(!wn_sniff_ascii_markup("a <b and c <d", 13));         /* not tags */
    ck_assert(wn_charset_is_wide("UTF-32BE"));
    ck_assert(!wn_charset_is_wide("UTF-8"));
    ck_assert(!wn_charset_is_wide(NULL));
}
END_TEST

Suite *wn_test_suite(void)
{
    Suite *s = suite_create("sniff");
    TCase *tc = tcase_create("labels");
    tcase_add_loop_test(tc, test_label, 0, WN_COUNT(LABELS));
    tcase_add_test(tc, test_label_length);
    tcase_add_loop_test(tc, test_whatwg_labels, 0, WN_COUNT(WHATWG));
    tcase_add_test(tc, test_replacement_label);
    suite_add_tcase(s, tc);

    tc = tcase_create("bom");
    tcase_add_loop_test(tc, test_bom, 0, WN_COUNT(BOMS));
    tcase_add_loop_test(tc, test_wide_sniff, 0, WN_COUNT(WIDE_SNIFF));
    tcase_add_test(tc, test_ascii_markup);
    suite_add_tcase(s, tc);

    tc = tcase_create("meta");
    tcase_add_loop_test(tc, test_meta, 0, WN_COUNT(METAS));
    tcase_add_test(tc, test_meta_after_long_head);
    tcase_add_test(tc, test_meta_truncated);
    suite_add_tcase(s, tc);
    return s;
}
