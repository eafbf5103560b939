/* decode.c: choosing the charset (BOM, hint, <meta>, detection, fallback)
 * and converting to UTF-8. Legacy-encoded test pages are made with iconv. */
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/decode.h"
#include "runner.h"
#include "utf8.h"

#define FFFD "\xEF\xBF\xBD"

/* utf8 converted to charset, malloc'ed; *len gets its length. */
static char *encode_as(const char *charset, const char *utf8, size_t *len)
{
    iconv_t cd = iconv_open(charset, "UTF-8");
    ck_assert_msg(cd != (iconv_t)-1, "iconv cannot encode %s", charset);
    size_t in_left = strlen(utf8), room = in_left * 4 + 16, out_left = room;
    char *out = malloc(room), *o = out, *in = (char *)utf8;
    ck_assert_msg(iconv(cd, &in, &in_left, &o, &out_left) != (size_t)-1, "cannot encode as %s", charset);
    iconv_close(cd);
    *len = room - out_left;
    return out;
}

/* Counts U+FFFD in UTF-8 text. */
static unsigned count_fffd(const char *s, size_t len)
{
    unsigned n = 0;
    for (size_t i = 0; i + 3 <= len; i++)
        if (memcmp(s + i, FFFD, 3) == 0)
            n++;
    return n;
}

typedef struct decoded_page {
    wn_arena arena;
    wn_decoded d;
    wn_status status;
} decoded_page;

static void decode(decoded_page *p, const char *bytes, size_t len, const char *hint)
{
    wn_arena_init(&p->arena, 0);
    memset(&p->d, 0, sizeof p->d);
    p->status = wn_decode(&p->arena, bytes, len, hint, &p->d);
    if (p->status == WN_OK) {
        ck_assert_ptr_nonnull(p->d.utf8);
        ck_assert_ptr_nonnull(p->d.charset);
        /* Always valid, NUL-terminated UTF-8. */
        ck_assert_uint_eq(wn_utf8_valid_prefix(p->d.utf8, p->d.len), p->d.len);
        ck_assert_int_eq(p->d.utf8[p->d.len], '\0');
        /* No NUL inside unless the page had one. */
        if (!memchr(bytes, '\0', len) && (!hint || !strstr(hint, "16")))
            ck_assert_uint_eq(strlen(p->d.utf8), p->d.len);
    }
}

static void done(decoded_page *p)
{
    wn_arena_release(&p->arena);
}

/* A few hundred characters of ordinary Chinese prose. */
static const char CHINESE[] =
    "北京时间昨天晚上，国家统计局发布了最新的经济数据。数据显示，今年前三个季度，"
    "全国居民人均可支配收入继续增长，城镇和农村居民收入差距进一步缩小。专家认为，"
    "消费市场总体保持稳定，服务消费增长较快，旅游、餐饮和文化娱乐等行业明显回暖。"
    "与此同时，制造业投资保持较快增长，高技术产业投资增速明显高于全部投资。"
    "分析人士指出，随着一系列政策措施的落地见效，经济运行有望继续保持恢复向好的态势。"
    "不过，外部环境仍然复杂严峻，国内需求不足的问题依然存在，部分企业经营仍面临困难。"
    "下一阶段，有关部门将继续加大宏观政策调节力度，着力扩大内需，提振市场信心。";

static const char TRADITIONAL[] =
    "臺灣的夜市文化歷史悠久，各地都有許多著名的小吃。遊客們常常在晚上來到這裡，"
    "品嚐傳統的美食，感受熱鬧的氣氛。";

static char *page_utf8(const char *head, const char *body)
{
    size_t n = strlen(head) + strlen(body) + 128;
    char *s = malloc(n);
    snprintf(s, n, "<html><head>%s<title>t</title></head><body><p>%s</p></body></html>", head, body);
    return s;
}

/* ---- UTF-8 ------------------------------------------------------------------------ */

START_TEST(test_utf8_invalid_bytes)
{
    static const char in[] = "a\xFF" "b\xC3\xA9" "c\xC0\xAF" "d\xED\xA0\x80" "e\xE4\xBD\xA0";
    decoded_page p;
    decode(&p, in, sizeof in - 1, "utf-8");
    ck_assert_int_eq(p.status, WN_OK);
    ck_assert_str_eq(p.d.charset, "UTF-8");
    ck_assert_int_eq(p.d.source, WN_CHARSET_HINT);
    /* Valid sequences are kept; every bad byte is one U+FFFD. */
    ck_assert_str_eq(p.d.utf8, "a" FFFD "b\xC3\xA9" "c" FFFD FFFD "d" FFFD FFFD FFFD "e\xE4\xBD\xA0");
    done(&p);
}
END_TEST

START_TEST(test_utf8_valid_undeclared)
{
    char *html = page_utf8("", CHINESE);
    decoded_page p;
    decode(&p, html, strlen(html), NULL);
    ck_assert_int_eq(p.status, WN_OK);
    ck_assert_str_eq(p.d.charset, "UTF-8");
    ck_assert_str_eq(p.d.utf8, html); /* unchanged */
    done(&p);
    free(html);
}
END_TEST

START_TEST(test_utf8_declared)
{
    char *html = page_utf8("<meta charset=\"utf-8\">", CHINESE);
    decoded_page p;
    decode(&p, html, strlen(html), NULL);
    ck_assert_int_eq(p.status, WN_OK);
    ck_assert_str_eq(p.d.charset, "UTF-8");
    ck_assert_int_eq(p.d.source, WN_CHARSET_META);
    ck_assert_str_eq(p.d.utf8, html);
    done(&p);
    free(html);
}
END_TEST

START_TEST(test_empty_input)
{
    decoded_page p;
    decode(&p, "", 0, NULL);
    ck_assert_int_eq(p.status, WN_OK);
    ck_assert_uint_eq(p.d.len, 0);
    ck_assert_str_eq(p.d.utf8, "");
    done(&p);
}
END_TEST

/* ---- legacy charsets ---------------------------------------------------------------- */

START_TEST(test_gbk_meta)
{
    char *html = page_utf8("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">",
                           CHINESE);
    size_t len;
    char *gbk = encode_as("GBK", html, &len);
    ck_assert_uint_ne(len, strlen(html));
    decoded_page p;
    decode(&p, gbk, len, NULL);
    ck_assert_int_eq(p.status, WN_OK);
    ck_assert_str_eq(p.d.charset, "GB18030");
    ck_assert_int_eq(p.d.source, WN_CHARSET_META);
    ck_assert_str_eq(p.d.utf8, html);
    done(&p);
    free(gbk);
    free(html);
}
END_TEST

START_TEST(test_gbk_undeclared_detected)
{
    char *html = page_utf8("", CHINESE);
    size_t len;
    char *gbk = encode_as("GBK", html, &len);
    decoded_page p;
    decode(&p, gbk, len, NULL);
    ck_assert_int_eq(p.status, WN_OK);
    ck_assert_str_eq(p.d.charset, "GB18030");
    ck_assert_int_eq(p.d.source, WN_CHARSET_DETECTED);
    ck_assert_str_eq(p.d.utf8, html);
    done(&p);
    free(gbk);
    free(html);
}
END_TEST

/* A page on a UTF-8 template whose text is GBK: the bytes win. */
START_TEST(test_declared_utf8_but_gbk)
{
    char *html = page_utf8("<meta charset=\"utf-8\">", CHINESE);
    size_t len;
    char *gbk = encode_as("GBK", html, &len);
    decoded_page p;
    decode(&p, gbk, len, NULL);
    ck_assert_int_eq(p.status, WN_OK);
    ck_assert_str_eq(p.d.charset, "GB18030");
    ck_assert_int_eq(p.d.source, WN_CHARSET_DETECTED);
    ck_assert_str_eq(p.d.utf8, html);
    done(&p);
    free(gbk);
    free(html);
}
END_TEST

/* Declared legacy, but every non-ASCII byte forms valid UTF-8: it is UTF-8. */
START_TEST(test_declared_gbk_but_utf8)
{
    char *html = page_utf8("<meta charset=\"gbk\">", CHINESE);
    decoded_page p;
    decode(&p, html, strlen(html), NULL);
    ck_assert_int_eq(p.status, WN_OK);
    ck_assert_str_eq(p.d.charset, "UTF-8");
    ck_assert_str_eq(p.d.utf8, html);
    done(&p);
    free(html);
}
END_TEST

/* Declared legacy and pure ASCII: the declaration stands. */
START_TEST(test_declared_legacy_ascii)
{
    char *html = page_utf8("<meta charset=\"windows-1251\">", "plain ascii text");
    decoded_page p;
    decode(&p, html, strlen(html), NULL);
    ck_assert_int_eq(p.status, WN_OK);
    ck_assert_str_eq(p.d.charset, "WINDOWS-1251");
    ck_assert_int_eq(p.d.source, WN_CHARSET_META);
    ck_assert_str_eq(p.d.utf8, html);
    done(&p);
    free(html);
}
END_TEST

START_TEST(test_big5_hint)
{
    char *html = page_utf8("", TRADITIONAL);
    size_t len;
    char *big5 = encode_as("BIG5", html, &len);
    decoded_page p;
    decode(&p, big5, len, "big5");
    ck_assert_int_eq(p.status, WN_OK);
    ck_assert_str_eq(p.d.charset, "BIG5-HKSCS");
    ck_assert_int_eq(p.d.source, WN_CHARSET_HINT);
    ck_assert_str_eq(p.d.utf8, html);
    done(&p);
    free(big5);
    free(html);
}
END_TEST

/* The transport's hint beats the page's own declaration. */
START_TEST(test_hint_beats_meta)
{
    char *html = page_utf8("<meta charset=\"gbk\">", "caf\xC3\xA9 cr\xC3\xA8me br\xC3\xBBl\xC3\xA9" "e");
    size_t len;
    char *latin = encode_as("WINDOWS-1252", html, &len);
    decoded_page p;
    decode(&p, latin, len, " ISO-8859-1 ");
    ck_assert_int_eq(p.status, WN_OK);
    ck_assert_str_eq(p.d.charset, "WINDOWS-1252");
    ck_assert_int_eq(p.d.source, WN_CHARSET_HINT);
    ck_assert_str_eq(p.d.utf8, html);
    done(&p);
    free(latin);
    free(html);
}
END_TEST

/* Unknown labels, bare or as a Content-Type's charset parameter. */
static const char *const BAD_HINTS[] = {"x-klingon", "utf-9", "gbk2", "text/html; charset=x-klingon",
                                        "text/html;charset=\"utf-9\""};

START_TEST(test_unknown_hint)
{
    decoded_page p;
    decode(&p, "<p>x</p>", 8, BAD_HINTS[_i]);
    ck_assert_int_eq(p.status, WN_ERR_CHARSET);
    done(&p);
}
END_TEST

/* An empty hint is no hint. */
START_TEST(test_empty_hint)
{
    decoded_page p;
    decode(&p, "<p>x</p>", 8, "");
    ck_assert_int_eq(p.status, WN_OK);
    ck_assert_int_ne(p.d.source, WN_CHARSET_HINT);
    done(&p);
    /* So is a Content-Type value without a charset parameter. */
    decode(&p, "<p>x</p>", 8, "text/html");
    ck_assert_int_eq(p.status, WN_OK);
    ck_assert_int_ne(p.d.source, WN_CHARSET_HINT);
    done(&p);
    decode(&p, "<p>x</p>", 8, "text/html; format=flowed");
    ck_assert_int_eq(p.status, WN_OK);
    ck_assert_int_ne(p.d.source, WN_CHARSET_HINT);
    done(&p);
}
END_TEST

/* ---- BOMs ------------------------------------------------------------------------------ */

START_TEST(test_bom_beats_hint)
{
    char *html = page_utf8("<meta charset=\"big5\">", CHINESE);
    size_t n = strlen(html);
    char *bytes = malloc(n + 3);
    memcpy(bytes, "\xEF\xBB\xBF", 3);
    memcpy(bytes + 3, html, n);
    decoded_page p;
    decode(&p, bytes, n + 3, "gbk");
    ck_assert_int_eq(p.status, WN_OK);
    ck_assert_str_eq(p.d.charset, "UTF-8");
    ck_assert_int_eq(p.d.source, WN_CHARSET_BOM);
    ck_assert_str_eq(p.d.utf8, html); /* the BOM is gone */
    done(&p);
    free(bytes);
    free(html);
}
END_TEST

typedef struct utf16_case {
    const char *iconv_name;
    const char *bom;
    const char *charset;
} utf16_case;

static const utf16_case UTF16[] = {
    {"UTF-16LE", "\xFF\xFE", "UTF-16LE"},
    {"UTF-16BE", "\xFE\xFF", "UTF-16BE"},
};

START_TEST(test_bom_utf16)
{
    const utf16_case *c = &UTF16[_i];
    char *html = page_utf8("<meta charset=\"gbk\">", CHINESE);
    size_t len;
    char *wide = encode_as(c->iconv_name, html, &len);
    char *bytes = malloc(len + 2);
    memcpy(bytes, c->bom, 2);
    memcpy(bytes + 2, wide, len);
    decoded_page p;
    decode(&p, bytes, len + 2, "windows-1252");
    ck_assert_int_eq(p.status, WN_OK);
    ck_assert_str_eq(p.d.charset, c->charset);
    ck_assert_int_eq(p.d.source, WN_CHARSET_BOM);
    ck_assert_str_eq(p.d.utf8, html);
    done(&p);
    free(bytes);
    free(wide);
    free(html);
}
END_TEST

/* ---- truncation and garbage ---------------------------------------------------------------- */

/* A multi-byte character cut off at the very end becomes one U+FFFD. */
typedef struct truncated_case {
    const char *name;
    const char *hint;        /* NULL: auto-detect */
    const char *iconv_name;  /* how to encode the page */
    unsigned cut;            /* bytes of the last character to drop */
} truncated_case;

static const truncated_case TRUNCATED[] = {
    {"GBK with hint", "gbk", "GBK", 1},
    {"GBK declared", NULL, "GBK", 1},
    {"Big5 with hint", "big5", "BIG5", 1},
    {"UTF-8 with hint, 1 of 3 bytes left", "utf-8", "UTF-8", 2},
    {"UTF-8 declared, 1 of 3 bytes left", NULL, "UTF-8", 2},
};

/* In UTF-8 input a character cut short after 2 of its 3 bytes ("\xE3\x80"
 * at the very end) is one U+FFFD for the whole truncated sequence, as in the
 * WHATWG decoder and winnow's iconv path (GBK, Big5 above); it once was one
 * per byte. */
static const truncated_case TRUNCATED_UTF8[] = {
    {"UTF-8 with hint, 2 of 3 bytes left", "utf-8", "UTF-8", 1},
    {"UTF-8 declared, 2 of 3 bytes left", NULL, "UTF-8", 1},
};

static void check_truncated(const truncated_case *c)
{
    const char *text = strcmp(c->iconv_name, "BIG5") == 0 ? TRADITIONAL : CHINESE;
    char head[64];
    snprintf(head, sizeof head, "<meta charset=\"%s\">", strcmp(c->iconv_name, "BIG5") == 0 ? "big5" :
             strcmp(c->iconv_name, "GBK") == 0 ? "gbk" : "utf-8");
    /* The page ends in the middle of its text's last character. */
    size_t n = strlen(head) + strlen(text) + 64;
    char *html = malloc(n);
    snprintf(html, n, "<html><head>%s</head><body><p>%s", head, text);
    size_t len;
    char *bytes = encode_as(c->iconv_name, html, &len);
    /* Every text here ends in a full-width CJK mark (2 bytes legacy, 3 UTF-8). */
    len -= c->cut;
    decoded_page p;
    decode(&p, bytes, len, c->hint);
    ck_assert_int_eq(p.status, WN_OK);
    ck_assert_msg(count_fffd(p.d.utf8, p.d.len) == 1, "%s: %u U+FFFD in the output, want 1", c->name,
                  count_fffd(p.d.utf8, p.d.len));
    /* Everything before the cut character is intact. */
    size_t keep = strlen(html) - 3; /* the last character is 3 bytes in UTF-8 */
    ck_assert_msg(p.d.len == keep + 3 && memcmp(p.d.utf8, html, keep) == 0 &&
                      memcmp(p.d.utf8 + keep, FFFD, 3) == 0,
                  "%s: decoded as %s, text not kept", c->name, p.d.charset);
    done(&p);
    free(bytes);
    free(html);
}

START_TEST(test_truncated_at_end)
{
    check_truncated(&TRUNCATED[_i]);
}
END_TEST

START_TEST(test_truncated_utf8)
{
    check_truncated(&TRUNCATED_UTF8[_i]);
}
END_TEST

/* Once a bug: a page declared UTF-8 whose bytes are UTF-8 but for one bad
 * byte (a stray windows-1252 apostrophe, or the last
 * character cut in half by a size-capped download) lost its declaration:
 * wn_decode() handed it to the detector, which on a mostly-ASCII page said
 * WINDOWS-1250, and every non-ASCII character turned to mojibake
 * ("caf\xC3\xA9" -> "caf\xC4\x82\xC2\xA9"). */
typedef struct damaged_utf8_case {
    const char *name;
    const char *html;
    const char *kept;     /* UTF-8 text that must come out unchanged */
} damaged_utf8_case;

#define EN_HEAD "<html><head><meta charset=\"utf-8\"><title>t</title></head><body><p>We set off early " \
    "in the morning, when the fog still lay in the valley and the grass was wet with dew, and walked " \
    "for three hours before we saw another soul. "

static const damaged_utf8_case DAMAGED_UTF8[] = {
    {"one stray 0x92 byte", EN_HEAD "The caf\xC3\xA9 was closed, so we ate what we\x92" "d brought.</p></body></html>",
     "The caf\xC3\xA9 was closed"},
    {"cut inside the last character", EN_HEAD "The caf\xC3\xA9 was closed, na\xC3",
     "The caf\xC3\xA9 was closed, na"},
};

START_TEST(test_declared_utf8_damaged)
{
    const damaged_utf8_case *c = &DAMAGED_UTF8[_i];
    decoded_page p;
    decode(&p, c->html, strlen(c->html), NULL);
    ck_assert_int_eq(p.status, WN_OK);
    ck_assert_msg(strcmp(p.d.charset, "UTF-8") == 0 && strstr(p.d.utf8, c->kept),
                  "%s: decoded as %s (source %d), text not kept", c->name, p.d.charset, (int)p.d.source);
    ck_assert_uint_eq(count_fffd(p.d.utf8, p.d.len), 1);
    done(&p);
}
END_TEST

/* Pseudo-random bytes in every kind of charset: the output is always valid
 * UTF-8 (checked by decode()) and nothing overflows (ASan/valgrind). */
static const char *const GARBAGE_CHARSETS[] = {
    NULL, "utf-8", "gbk", "big5", "shift_jis", "euc-jp", "euc-kr", "iso-2022-jp",
    "windows-1252", "koi8-r", "utf-16le", "utf-16be", "x-mac-cyrillic", "windows-1258",
    "koi8-u", "iso-2022-kr", "hz-gb-2312", "iso-2022-cn-ext", "macintosh",
};

START_TEST(test_garbage)
{
    size_t len = 5000;
    char *bytes = malloc(len);
    uint32_t x = 2463534242u + (uint32_t)_i;
    for (size_t i = 0; i < len; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        bytes[i] = (char)(x & 0xFF);
    }
    for (size_t cut = len; cut > len - 4; cut--) {
        decoded_page p;
        decode(&p, bytes, cut, GARBAGE_CHARSETS[_i]);
        ck_assert_int_eq(p.status, WN_OK);
        ck_assert_uint_gt(p.d.len, 0);
        done(&p);
    }
    free(bytes);
}
END_TEST

/* ---- where glibc departs from the WHATWG decoders --------------------------------------- */

/* Bytes -> text as browsers decode them (checked against Chromium), through
 * wn_decode_with() and so through the fixes over glibc's tables. */
typedef struct whatwg_case {
    const char *charset;
    const char *bytes;
    size_t len;
    const char *text;
} whatwg_case;

#define W(charset, bytes, text) {charset, bytes, sizeof bytes - 1, text}

static const whatwg_case WHATWG_BYTES[] = {
    W("GB18030", "\x80", "\xE2\x82\xAC"),                /* cp936's euro sign */
    W("GB18030", "\xA3\xA0", "\xE3\x80\x80"),            /* ideographic space, not PUA */
    W("GB18030", "\xA2\xE3", "\xE2\x82\xAC"),
    W("GB18030", "\x95\x34\xB2\x35", "\xF0\xA0\xAE\xB7"), /* 𠮷, four bytes */
    W("GB18030", "\x81\x30\x84\x38", "\xC2\xA9"),        /* ©, four bytes */
    W("GB18030", "\x81\xFF" "a", FFFD "a"),              /* a bad pair is one U+FFFD */
    W("GB18030", "\x81 a", FFFD " a"),                   /* an ASCII byte is read again */
    W("GB18030", "\x81\x30\x81" "a", FFFD "0\xE4\xB9\xA4"), /* bad four bytes: 0x30.. read again */
    W("WINDOWS-31J", "\x80", "\xC2\x80"),
    W("WINDOWS-31J", "\x81\x60\x87\x40", "\xEF\xBD\x9E\xE2\x91\xA0"), /* ～① */
    W("WINDOWS-31J", "\x81\xAD" "a", FFFD "a"),          /* not U+FFFD and a katakana */
    W("WINDOWS-31J", "\xA0" "\xB1", FFFD "\xEF\xBD\xB1"), /* 0xA0 alone; ｱ */
    W("EUC-JP", "\xA1\xC1\xAD\xA1", "\xEF\xBD\x9E\xE2\x91\xA0"),      /* ～①, as Shift_JIS */
    W("EUC-JP", "\xA1\xDD\xA1\xF1", "\xEF\xBC\x8D\xEF\xBF\xA0"),      /* －￠ */
    W("EUC-JP", "\x8E\xB1", "\xEF\xBD\xB1"),
    W("ISO-2022-JP", "\x1B$B\x21\x41\x21\x71\x1B(B.", "\xEF\xBD\x9E\xEF\xBF\xA0."),
    W("ISO-2022-JP", "\x1B(J\x5C\x7E\x1B(B\x5C", "\xC2\xA5\xE2\x80\xBE\\"), /* JIS Roman */
    W("BIG5-HKSCS", "\x9D\xEF\x9D\xEE", "\xE5\x98\x85\xE3\x97\x8E"),  /* 嘅㗎 */
    W("BIG5-HKSCS", "\x88\x62", "\xC3\x8A\xCC\x84"),     /* one pointer, two code points */
    W("CP949", "\x8C\x63", "\xEB\x98\xA0"),              /* 똠, outside KS X 1001 */
    W("CP949", "\xB0\xFF" "a", FFFD "a"),
    W("ISO-2022-KR", "\x1B$)C\x0E\x30\x21\x33\x2A\x0F", "\xEA\xB0\x80\xEB\x82\x98"), /* 가나 */
    W("HZ-GB-2312", "~{Dc:C~}~~x~\ny", "\xE4\xBD\xA0\xE5\xA5\xBD~xy"), /* 你好~xy */
    W("HZ-GB-2312", "~{Dc\n:C", "\xE4\xBD\xA0\n:C"),     /* a line end leaves GB mode */
    W("HZ-GB-2312", "~{D\x01~}\xC4", FFFD FFFD FFFD),
    W("KOI8-U", "\xAE\xBE\xA4\xA6\xA7\xAD", "\xD1\x9E\xD0\x8E\xD1\x94\xD1\x96\xD1\x97\xD2\x91"),
    W("KOI8-R", "\xAE\xA3", "\xE2\x95\x9D\xD1\x91"),
    W("WINDOWS-1258", "\xEA\xF2", "\xC3\xAA\xCC\xA3"),   /* ê + dot below, not composed */
    W("WINDOWS-1258", "a\xEC", "a\xCC\x81"),
    W("WINDOWS-1252", "\x80\x81\x8D\x9F", "\xE2\x82\xAC\xC2\x81\xC2\x8D\xC5\xB8"),
    W("WINDOWS-1253", "\x81\xAA", "\xC2\x81" FFFD),     /* above 0x9F undefined is U+FFFD */
    W("ISO-8859-3", "\xA5", FFFD),
    W("ISO-8859-2", "\x80\xB6", "\xC2\x80\xC5\x9B"),
    W("MACINTOSH", "\xC6\xF0", "\xE2\x88\x86\xEF\xA3\xBF"),
    W("MAC-CYRILLIC", "\xFF", "\xE2\x82\xAC"),
    W("UTF-16LE", "\x00\xD8" "A\x00", FFFD "A"),          /* lone lead surrogate */
    W("UTF-16LE", "\x00\xDC" "A\x00", FFFD "A"),          /* lone trail surrogate */
    W("UTF-16LE", "\x3D\xD8\x00\xDE", "\xF0\x9F\x98\x80"),
    W("UTF-16LE", "\xFF\xDB\x00\xD8" "A\x00", FFFD FFFD "A"),
    W("UTF-16LE", "A\x00\x00\xD8", "A" FFFD),             /* cut after a lead surrogate */
    W("UTF-16LE", "A\x00\x00\xD8\x00", "A" FFFD),         /* and an odd byte: one U+FFFD */
    W("UTF-16LE", "A\x00" "B", "A" FFFD),
    W("UTF-16BE", "\xD8\x00\x00" "A\xDC\x00\x00" "B", FFFD "A" FFFD "B"),
};

/* Valid UTF-8 is read in place, counted against the arena's limit as its
 * copy would be; anything else is decoded into the arena as wn_decode()
 * does, with the same text. */
START_TEST(test_borrowing)
{
    static const char utf8[] = "<meta charset=utf-8><p>caf\xC3\xA9 na\xC3\xAFve</p>";
    static const char latin1[] = "<meta charset=iso-8859-1><p>caf\xE9</p>";
    static const char broken[] = "<meta charset=utf-8><p>caf\xC3</p>";
    const char *pages[] = {utf8, latin1, broken};
    const int in_place[] = {1, 0, 0};
    for (int k = 0; k < 3; k++) {
        size_t len = strlen(pages[k]);
        wn_arena a, b;
        wn_arena_init(&a, 0);
        wn_arena_init(&b, 0);
        wn_decoded lent, copied;
        ck_assert_int_eq(wn_decode_borrowing(NULL, &a, pages[k], len, NULL, &lent), WN_OK);
        ck_assert_int_eq(wn_decode_using(NULL, &b, pages[k], len, NULL, &copied), WN_OK);
        ck_assert_int_eq(lent.borrowed, in_place[k]);
        ck_assert_int_eq(copied.borrowed, 0);
        ck_assert_int_eq(lent.utf8 == pages[k], in_place[k]);
        ck_assert_ptr_ne(copied.utf8, pages[k]);
        ck_assert_uint_eq(lent.len, copied.len);
        ck_assert_int_eq(memcmp(lent.utf8, copied.utf8, lent.len), 0);
        ck_assert_str_eq(lent.charset, copied.charset);
        ck_assert_int_eq(lent.source, copied.source);
        if (in_place[k])
            ck_assert_uint_ge(a.charged_bytes, len);
        wn_arena_release(&a);
        wn_arena_release(&b);
    }
    /* Past the arena's limit the page is refused, as its copy was. */
    wn_arena small;
    wn_arena_init(&small, 8);
    wn_decoded d;
    ck_assert_int_ne(wn_decode_borrowing(NULL, &small, utf8, strlen(utf8), NULL, &d), WN_OK);
    ck_assert_int_eq(small.limit_hit, 1);
    wn_arena_release(&small);
}
END_TEST

START_TEST(test_whatwg_bytes)
{
    const whatwg_case *c = &WHATWG_BYTES[_i];
    wn_arena arena;
    wn_arena_init(&arena, 0);
    wn_decoded d;
    memset(&d, 0, sizeof d);
    ck_assert_int_eq(wn_decode_with(&arena, c->bytes, c->len, c->charset, &d), WN_OK);
    ck_assert_str_eq(d.charset, c->charset);
    ck_assert_uint_eq(wn_utf8_valid_prefix(d.utf8, d.len), d.len);
    ck_assert_msg(d.len == strlen(c->text) && memcmp(d.utf8, c->text, d.len) == 0,
                  "%s case %d: got \"%s\", want \"%s\"", c->charset, _i, d.utf8, c->text);
    wn_arena_release(&arena);
}
END_TEST

/* Undeclared ISO-2022-JP is all 7-bit, so valid UTF-8 too: the escape
 * sequences send it to the detector. */
START_TEST(test_iso2022jp_undeclared)
{
    char *html = page_utf8("", "\xE4\xBA\xAC\xE9\x83\xBD\xE3\x81\xAE\xE7\xA7\x8B\xE3\x81\xAF\xE7"
                               "\xBE\x8E\xE3\x81\x97\xE3\x81\x84\xE3\x80\x82\xE7\xB4\x85\xE8\x91\x89"
                               "\xE3\x82\x92\xE8\xA6\x8B\xE3\x81\xAB\xE8\xA1\x8C\xE3\x81\x93\xE3\x81"
                               "\x86\xE3\x80\x82"); /* 京都の秋は美しい。紅葉を見に行こう。 */
    size_t len;
    char *jis = encode_as("ISO-2022-JP", html, &len);
    decoded_page p;
    decode(&p, jis, len, NULL);
    ck_assert_int_eq(p.status, WN_OK);
    ck_assert_str_eq(p.d.charset, "ISO-2022-JP");
    ck_assert_int_eq(p.d.source, WN_CHARSET_DETECTED);
    ck_assert_str_eq(p.d.utf8, html);
    done(&p);
    free(jis);
    free(html);
}
END_TEST

/* An escape byte in an ASCII page that is no ISO-2022 stays UTF-8. */
START_TEST(test_escape_in_ascii)
{
    static const char html[] = "<html><body><p>An \x1B[1mANSI\x1B[0m escape in plain text.</p></body></html>";
    decoded_page p;
    decode(&p, html, sizeof html - 1, NULL);
    ck_assert_int_eq(p.status, WN_OK);
    ck_assert_str_eq(p.d.charset, "UTF-8");
    ck_assert_str_eq(p.d.utf8, html);
    done(&p);
}
END_TEST

/* ---- wn_decode_with --------------------------------------------------------------------- */

START_TEST(test_decode_with)
{
    wn_arena arena;
    wn_arena_init(&arena, 0);
    wn_decoded d;
    memset(&d, 0, sizeof d);
    ck_assert_int_eq(wn_decode_with(&arena, "\xC4\xE3\xBA\xC3", 4, "GB18030", &d), WN_OK);
    ck_assert_str_eq(d.utf8, "你好");
    ck_assert_str_eq(d.charset, "GB18030");
    ck_assert_int_eq(wn_decode_with(&arena, "\xAB\xA2", 2, "BIG5-HKSCS", &d), WN_OK);
    ck_assert_str_eq(d.utf8, "\xE5\x93\x88"); /* 哈 */
    ck_assert_int_eq(wn_decode_with(&arena, "\x80\x9F", 2, "WINDOWS-1252", &d), WN_OK);
    ck_assert_str_eq(d.utf8, "\xE2\x82\xAC\xC5\xB8"); /* €Ÿ */
    ck_assert_int_eq(wn_decode_with(&arena, "x", 1, "NO-SUCH-CHARSET", &d), WN_ERR_CHARSET);
    wn_arena_release(&arena);
}
END_TEST

/* ---- decoders kept across pages ---------------------------------------------------------- */

static void same_decoding(const wn_decoded *kept, wn_status kept_st, const wn_decoded *fresh,
                          wn_status fresh_st, const char *what, int round)
{
    ck_assert_msg(kept_st == fresh_st, "%s round %d: status %d, fresh %d", what, round, kept_st,
                  fresh_st);
    if (kept_st != WN_OK)
        return;
    ck_assert_str_eq(kept->charset, fresh->charset);
    ck_assert_int_eq(kept->source, fresh->source);
    ck_assert_msg(kept->len == fresh->len && memcmp(kept->utf8, fresh->utf8, kept->len) == 0,
                  "%s round %d: kept decoders give \"%s\", fresh ones \"%s\"", what, round,
                  kept->utf8, fresh->utf8);
}

/* Descriptors, tables and detectors kept in one wn_decoders decode every
 * page as fresh ones do, in any order: a stateful decoder left mid-sequence
 * (ISO-2022-JP cut in JIS X 0208 mode) or a detector that saw another page
 * starts the next page clean. */
START_TEST(test_kept_decoders_same_result)
{
    wn_decoders *kept = wn_decoders_new();
    ck_assert_ptr_nonnull(kept);
    static const whatwg_case SEQUENCE_EXTRA[] = {
        W("ISO-2022-JP", "\x1B$B\x21\x41", "\xEF\xBD\x9E"), /* ends in JIS X 0208 mode */
        W("ISO-2022-JP", "\x21\x41", "!A"),                  /* ASCII again on the next page */
        W("WINDOWS-1252", "caf\xE9", "caf\xC3\xA9"),
        W("NO-SUCH-CHARSET", "x", ""),
    };
    char gbk[400] = "", *gbk_end = gbk;
    for (int i = 0; i < 20; i++)
        gbk_end += sprintf(gbk_end, "\xC4\xE3\xBA\xC3\xA3\xAC\xCA\xC0\xBD\xE7 %d ", i);
    static const char jis[] = "<p>\x1B$B5~ET$N=)$OH~$7$$!#\x1B(B</p>";
    for (int round = 0; round < 3; round++) {
        size_t n_main = sizeof WHATWG_BYTES / sizeof WHATWG_BYTES[0];
        size_t n_extra = sizeof SEQUENCE_EXTRA / sizeof SEQUENCE_EXTRA[0];
        for (size_t i = 0; i < n_main + n_extra; i++) {
            /* Each round in another order. */
            size_t k = round == 1 ? n_main + n_extra - 1 - i : i;
            const whatwg_case *c = k < n_main ? &WHATWG_BYTES[k] : &SEQUENCE_EXTRA[k - n_main];
            wn_arena arena;
            wn_arena_init(&arena, 0);
            wn_decoded a, b;
            memset(&a, 0, sizeof a);
            memset(&b, 0, sizeof b);
            wn_status sa = wn_decode_with_using(kept, &arena, c->bytes, c->len, c->charset, &a);
            wn_status sb = wn_decode_with(&arena, c->bytes, c->len, c->charset, &b);
            same_decoding(&a, sa, &b, sb, c->charset, round);
            if (sa == WN_OK && strcmp(c->charset, "NO-SUCH-CHARSET") != 0)
                ck_assert_msg(a.len == strlen(c->text) && memcmp(a.utf8, c->text, a.len) == 0,
                              "%s: got \"%s\", want \"%s\"", c->charset, a.utf8, c->text);
            /* Detection through a kept detector, between the conversions. */
            const char *page = (i % 2) ? gbk : jis;
            size_t page_len = (i % 2) ? (size_t)(gbk_end - gbk) : sizeof jis - 1;
            sa = wn_decode_using(kept, &arena, page, page_len, NULL, &a);
            sb = wn_decode(&arena, page, page_len, NULL, &b);
            same_decoding(&a, sa, &b, sb, (i % 2) ? "undeclared GBK" : "undeclared ISO-2022-JP",
                          round);
            ck_assert_int_eq(a.source, WN_CHARSET_DETECTED);
            wn_arena_release(&arena);
        }
    }
    wn_decoders_free(kept);
    wn_decoders_free(NULL);
}
END_TEST

/* The arena's limit turns into WN_ERR_NOMEM, not a crash. */
START_TEST(test_decode_nomem)
{
    wn_arena arena;
    wn_arena_init(&arena, 1000);
    wn_decoded d;
    char page[2000];
    memset(page, 'a', sizeof page);
    ck_assert_int_eq(wn_decode(&arena, page, sizeof page, "utf-8", &d), WN_ERR_NOMEM);
    ck_assert_int_eq(wn_decode(&arena, page, sizeof page, "gbk", &d), WN_ERR_NOMEM);
    wn_arena_release(&arena);
}
END_TEST

Suite *wn_test_suite(void)
{
    Suite *s = suite_create("decode");
    TCase *tc = tcase_create("utf8");
    tcase_add_test(tc, test_utf8_invalid_bytes);
    tcase_add_test(tc, test_utf8_valid_undeclared);
    tcase_add_test(tc, test_utf8_declared);
    tcase_add_test(tc, test_empty_input);
    suite_add_tcase(s, tc);

    tc = tcase_create("legacy");
    tcase_add_test(tc, test_gbk_meta);
    tcase_add_test(tc, test_gbk_undeclared_detected);
    tcase_add_test(tc, test_declared_utf8_but_gbk);
    tcase_add_test(tc, test_declared_gbk_but_utf8);
    tcase_add_test(tc, test_declared_legacy_ascii);
    tcase_add_test(tc, test_big5_hint);
    tcase_add_test(tc, test_hint_beats_meta);
    tcase_add_loop_test(tc, test_unknown_hint, 0, WN_COUNT(BAD_HINTS));
    tcase_add_test(tc, test_empty_hint);
    suite_add_tcase(s, tc);

    tc = tcase_create("bom");
    tcase_add_test(tc, test_bom_beats_hint);
    tcase_add_loop_test(tc, test_bom_utf16, 0, WN_COUNT(UTF16));
    suite_add_tcase(s, tc);

    tc = tcase_create("damaged");
    tcase_add_loop_test(tc, test_truncated_at_end, 0, WN_COUNT(TRUNCATED));
    tcase_add_loop_test(tc, test_garbage, 0, WN_COUNT(GARBAGE_CHARSETS));
    suite_add_tcase(s, tc);

    /* Bugs that were found here and fixed. */
    tc = tcase_create("regressions");
    tcase_add_loop_test(tc, test_truncated_utf8, 0, WN_COUNT(TRUNCATED_UTF8));
    tcase_add_loop_test(tc, test_declared_utf8_damaged, 0, WN_COUNT(DAMAGED_UTF8));
    suite_add_tcase(s, tc);

    tc = tcase_create("whatwg");
    tcase_add_loop_test(tc, test_whatwg_bytes, 0, WN_COUNT(WHATWG_BYTES));
    tcase_add_test(tc, test_iso2022jp_undeclared);
    tcase_add_test(tc, test_escape_in_ascii);
    suite_add_tcase(s, tc);

    tc = tcase_create("decode_with");
    tcase_add_test(tc, test_decode_with);
    tcase_add_test(tc, test_kept_decoders_same_result);
    tcase_add_test(tc, test_decode_nomem);
    tcase_add_test(tc, test_borrowing);
    suite_add_tcase(s, tc);
    return s;
}
