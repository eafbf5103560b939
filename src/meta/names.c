/* Names in a line of visible text: the labels that stand before a name
 * ("作者：", "By "), where a name ends, and Chinese credit lines ("记者 张三",
 * "文/张三"), offered as authors. */
#include "meta/meta_internal.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "lexicon/date.h"

bool wn_meta_has_prefix_rest(const char *s, size_t len, const char *p, size_t *used)
{
    size_t n = strlen(p);
    if (len < n || strncasecmp(s, p, n) != 0)
        return false;
    *used = n;
    return true;
}

/* After a label: its colon (ASCII or full width) and spaces. */
size_t wn_meta_skip_colon(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && s[i] == ' ')
        i++;
    if (i < len && s[i] == ':')
        i++;
    else if (i + 2 < len && memcmp(s + i, "\xEF\xBC\x9A", 3) == 0)
        i += 3;
    else
        return SIZE_MAX;
    while (i < len && s[i] == ' ')
        i++;
    return i;
}

/* Labels that end a name on a Chinese byline line written without spaces
 * ("来源：江城日报作者：陈晨字号：大"). */
static const char *const cjk_labels[] = {
    "\xE4\xBD\x9C\xE8\x80\x85", /* 作者 */ "\xE6\x9D\xA5\xE6\xBA\x90", /* 来源 */
    "\xE7\xBC\x96\xE8\xBE\x91", /* 编辑 */ "\xE5\x8F\x91\xE5\xB8\x83", /* 发布 */
    "\xE6\x97\xB6\xE9\x97\xB4", /* 时间 */ "\xE7\x82\xB9\xE5\x87\xBB", /* 点击 */
    "\xE9\x98\x85\xE8\xAF\xBB", /* 阅读 */ "\xE6\xB5\x8F\xE8\xA7\x88", /* 浏览 */
    "\xE5\xAD\x97\xE5\x8F\xB7", /* 字号 */ "\xE8\xAE\xB0\xE8\x80\x85", /* 记者 */
    "\xE8\xB4\xA3\xE4\xBB\xBB", /* 责任 */ "\xE5\xAE\xA1\xE6\xA0\xB8", /* 审核 */
    "\xE5\x88\x86\xE4\xBA\xAB", /* 分享 */ "\xE8\xAF\x84\xE8\xAE\xBA", /* 评论 */
    "\xE4\xBA\xBA\xE6\xB0\x94", /* 人气 */ "\xE6\x9B\xB4\xE6\x96\xB0", /* 更新 */
    "\xE9\x80\x9A\xE8\xAE\xAF\xE5\x91\x98", /* 通讯员 */ NULL};

/* Whether a label of cjk_labels starts at s + i: before its colon
 * ("编辑："), or 记者 / 通讯员 before a name; not a word that starts like one
 * ("编辑部"). */
static bool label_at(const char *s, size_t len, size_t i)
{
    for (unsigned k = 0; cjk_labels[k]; k++) {
        size_t n = strlen(cjk_labels[k]);
        if (i + n > len || memcmp(s + i, cjk_labels[k], n) != 0)
            continue;
        if (k == 9 || k == 16 || i + n >= len)
            return true;
        /* the colon may follow a word or two later: "发布时间：", "浏览次数：" */
        for (size_t a = i + n; a < len && a <= i + n + 6 && s[a] != ' '; a++)
            if (s[a] == ':' || (a + 2 < len && memcmp(s + a, "\xEF\xBC\x9A", 3) == 0))
                return true;
    }
    return false;
}

/* A name after a label: up to two spaces, a '|' or a full-width space or
 * a separator character, at most 64 bytes. */
size_t wn_meta_name_length(const char *s, size_t len, bool latin)
{
    size_t i = 0, words = 0;
    while (i < len && i < 64) {
        unsigned char c = (unsigned char)s[i];
        if (c == '|' || c == ',' || c == '(' || c == '/' || c == 0xC2 /* nbsp, middle dot */)
            break;
        if (c == 0xE3 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
            ((unsigned char)s[i + 2] == 0x80 || (unsigned char)s[i + 2] == 0x80 + 0x01))
            break; /* U+3000, 、 */
        if (c == 0xEF && i + 2 < len && (unsigned char)s[i + 1] == 0xBC)
            break; /* full-width punctuation */
        if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80)
            break; /* dashes, bullets */
        if (c == ' ') {
            if (!latin)
                break;
            /* "IT之家 发布时间：..." : a label after the name ends it */
            if (i + 1 < len && (unsigned char)s[i + 1] >= 0x80 && label_at(s, len, i + 1))
                break;
            /* "By Jane Doe on March 5": a lower-case word ends the name,
             * but for "&" and the particles of names ("Femke van Dalsum") */
            static const char *const particles[] = {"& ", "and ", "van ", "von ", "de ",
                                                    "der ", "den ", "da ", "dos ", "del ",
                                                    "di ", "le ", "la ", NULL};
            bool particle = false;
            for (unsigned k = 0; particles[k] && !particle; k++) {
                size_t n = strlen(particles[k]);
                particle = i + 1 + n < len && memcmp(s + i + 1, particles[k], n) == 0 &&
                           s[i + 1 + n] >= 'A' && s[i + 1 + n] <= 'Z';
            }
            if (!particle && i + 1 < len && !((s[i + 1] >= 'A' && s[i + 1] <= 'Z') ||
                                              (unsigned char)s[i + 1] >= 0x80))
                break;
            if (++words >= 4)
                break;
        }
        if (latin && c >= '0' && c <= '9')
            break;
        /* a date run into the name by the markup: "Ruth KleinFebruary 27" */
        size_t used;
        if (latin && i > 0 && c >= 'A' && c <= 'Z' && s[i - 1] >= 'a' && s[i - 1] <= 'z' &&
            wn_date_month_at(s + i, len - i, &used))
            break;
        if (!latin && c >= 0x80 && i > 0 && label_at(s, len, i))
            break;
        i++;
    }
    while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '.'))
        i--;
    return i;
}

/* CJK characters (three-byte UTF-8, U+4E00..U+9FFF) at s, up to len bytes. */
size_t wn_meta_han_run(const char *s, size_t len)
{
    size_t i = 0;
    while (i + 2 < len && (unsigned char)s[i] >= 0xE4 && (unsigned char)s[i] <= 0xE9 &&
           ((unsigned char)s[i + 1] & 0xC0) == 0x80 && ((unsigned char)s[i + 2] & 0xC0) == 0x80)
        i += 3;
    return i;
}

/* Words after a name that say what the person did, not who they are:
 * 整合, 报道, 综合, 编译, 发自, 摄. */
static const char *const not_name_words[] = {
    "\xE6\x95\xB4\xE5\x90\x88", "\xE6\x8A\xA5\xE9\x81\x93", "\xE7\xBB\xBC\xE5\x90\x88",
    "\xE7\xBC\x96\xE8\xAF\x91", "\xE5\x8F\x91\xE8\x87\xAA", "\xE6\x91\x84", NULL};

/* Names of two to five Han characters separated by spaces, 、, &, ',' or '，'
 * ("段彦超 廖艳", "叨叨姐、胡一刀&李小飞刀"), offered as authors. With whole,
 * only when the run takes the whole of s but for closing brackets and
 * spaces. Returns how many were offered. */
unsigned wn_meta_offer_names(wn_meta *m, const char *s, size_t len, bool whole, unsigned min)
{
    const char *names[WN_META_AUTHORS_MAX];
    size_t lens[WN_META_AUTHORS_MAX];
    unsigned count = 0;
    size_t i = 0;
    while (i < len && count < WN_META_AUTHORS_MAX) {
        size_t n = wn_meta_han_run(s + i, len - i);
        for (size_t c = 3; c < n; c += 3)
            if (label_at(s, len, i + c)) {
                n = c; /* "陈晨字号：大": the name ends at the label */
                break;
            }
        bool stop = false;
        for (unsigned k = 0; not_name_words[k] && !stop; k++)
            stop = n >= strlen(not_name_words[k]) &&
                   memcmp(s + i, not_name_words[k], strlen(not_name_words[k])) == 0;
        if (stop || n < 6 || n > 15 || label_at(s, len, i))
            break;
        names[count] = s + i;
        lens[count++] = n;
        i += n;
        size_t sep = 0;
        while (i + sep < len && (s[i + sep] == ' ' || s[i + sep] == '&' || s[i + sep] == ','))
            sep++;
        if (!sep && i + 2 < len && (memcmp(s + i, "\xE3\x80\x81", 3) == 0 ||  /* 、 */
                                    memcmp(s + i, "\xEF\xBC\x8C", 3) == 0))   /* ， */
            sep = 3;
        if (!sep)
            break;
        i += sep;
    }
    if (whole) {
        /* what is left: spaces and closing brackets (）, 】, ')') only */
        size_t k = i;
        while (k < len) {
            if (s[k] == ' ' || s[k] == ')' || s[k] == ']')
                k++;
            else if (k + 3 <= len &&
                     (memcmp(s + k, "\xEF\xBC\x89", 3) == 0 || memcmp(s + k, "\xE3\x80\x91", 3) == 0))
                k += 3;
            else
                return 0;
        }
    }
    if (count < min)
        return 0;
    for (unsigned k = 0; k < count; k++)
        wn_meta_offer_author(m, names[k], lens[k], WN_RANK_VISIBLE);
    return count;
}

static bool ends_with(const char *s, size_t len, const char *tail)
{
    size_t n = strlen(tail);
    return len >= n && memcmp(s + len - n, tail, n) == 0;
}

#define REPORTER "\xE8\xAE\xB0\xE8\x80\x85" /* 记者 */

/* Chinese credit lines: "澎湃新闻记者 段彦超 廖艳", "采写：南都见习记者 林子沛"
 * (a line of its own: 记者 near its start, then names to its end; not a photo
 * credit "...记者 张蕊 摄"); "文/张三", "执笔/甲、乙&丙", "【文/观察者网专栏作者
 * 王文】"; a dateline "长江网10月4日讯（记者陈智 整合）..." (讯 or 电 before it). */
void wn_meta_credit_line(const char *s, size_t len, wn_meta *m)
{
    const char *rep = NULL;
    for (size_t k = 0; k + 6 <= len && k <= 60 && !rep; k++)
        if (memcmp(s + k, REPORTER, 6) == 0)
            rep = s + k;
    if (rep) {
        size_t at = (size_t)(rep - s);
        bool paren = at >= 3 && (memcmp(rep - 3, "\xEF\xBC\x88", 3) == 0 || rep[-1] == '(');
        size_t popen = paren ? (rep[-1] == '(' ? at - 1 : at - 3) : 0;
        if (paren && popen >= 3 && (memcmp(s + popen - 3, "\xE8\xAE\xAF", 3) == 0 || /* 讯 */
                                    memcmp(s + popen - 3, "\xE7\x94\xB5", 3) == 0)) { /* 电 */
            size_t b = at + 6, e = b;
            while (e < len && e < b + 60 && s[e] != ')' &&
                   !(e + 3 <= len && memcmp(s + e, "\xEF\xBC\x89", 3) == 0))
                e++;
            while (b < e && s[b] == ' ')
                b++;
            if (e < len && (s[e] == ')' || memcmp(s + e, "\xEF\xBC\x89", 3) == 0))
                wn_meta_offer_names(m, s + b, e - b, false, 1);
            return;
        }
        bool sentence = false;
        for (size_t k = 0; k < at && !sentence; k++)
            sentence = k + 3 <= at && (memcmp(s + k, "\xEF\xBC\x8C", 3) == 0 ||  /* ， */
                                       memcmp(s + k, "\xE3\x80\x82", 3) == 0);   /* 。 */
        if (!paren && !sentence && len <= 90 && !ends_with(s, len, "\xE6\x91\x84")) { /* 摄 */
            size_t b = at + 6;
            while (b < len && (s[b] == ' ' || s[b] == ':'))
                b++;
            if (b + 3 <= len && memcmp(s + b, "\xEF\xBC\x9A", 3) == 0)
                b += 3;
            if (wn_meta_offer_names(m, s + b, len - b, true, 1))
                return;
        }
    }
    /* "原创 GameForce 2019-09-04 22:18:34": the original work's author after 原创 */
    if (len > 7 && memcmp(s, "\xE5\x8E\x9F\xE5\x88\x9B", 6) == 0 && s[6] == ' ') {
        size_t n = wn_meta_name_length(s + 7, len - 7, (unsigned char)s[7] < 0x80);
        if (n && n <= 30 && !m->account)
            m->account = wn_meta_clean(m->arena, s + 7, n, 128);
        return;
    }
    /* 文/ 执笔/ 撰文/ 作者/ at the start or after an opening bracket */
    static const char *const slash_labels[] = {"\xE6\x96\x87", "\xE6\x89\xA7\xE7\xAC\x94",
                                               "\xE6\x92\xB0\xE6\x96\x87",
                                               "\xE4\xBD\x9C\xE8\x80\x85", NULL};
    size_t start = 0;
    if (len >= 3 && (memcmp(s, "\xE3\x80\x90", 3) == 0 || memcmp(s, "\xEF\xBC\x88", 3) == 0))
        start = 3; /* 【 （ */
    else if (len && (s[0] == '(' || s[0] == '['))
        start = 1;
    for (unsigned k = 0; slash_labels[k]; k++) {
        size_t n = strlen(slash_labels[k]);
        if (start + n >= len || memcmp(s + start, slash_labels[k], n) != 0)
            continue;
        size_t b = start + n;
        if (s[b] == '/')
            b++;
        else if (b + 3 <= len && memcmp(s + b, "\xEF\xBC\x8F", 3) == 0) /* ／ */
            b += 3;
        else
            continue;
        while (b < len && s[b] == ' ')
            b++;
        /* "文/观察者网专栏作者 王文": the name after 作者 or 记者 */
        for (size_t k2 = b; k2 + 7 <= len && k2 < b + 45; k2++)
            if ((memcmp(s + k2, "\xE4\xBD\x9C\xE8\x80\x85", 6) == 0 || memcmp(s + k2, REPORTER, 6) == 0) &&
                s[k2 + 6] == ' ') {
                b = k2 + 7;
                break;
            }
        wn_meta_offer_names(m, s + b, len - b, false, 1);
        return;
    }
}

