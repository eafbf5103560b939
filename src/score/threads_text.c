/* The shapes of texts a comment thread is read by: dates, counters and
 * actions, names, header lines, signatures, the thread's own notices and
 * headings (threads_internal.h). The words are the lexicon's (threads.tsv). */
#include "score/threads_internal.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"


static bool is_word_cp(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
    if (cp <= 0xBF || cp == 0xD7 || cp == 0xF7)
        return false;
    if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
        (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF0F) ||
        (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
        (cp >= 0xFF5B && cp <= 0xFF65) || cp == 0xFFFD)
        return false;
    return true;
}

bool th_has_word(const char *s, size_t len)
{
    for (size_t pos = 0; pos < len;) {
        if (is_word_cp(wn_utf8_next(s, len, &pos)))
            return true;
    }
    return false;
}

/* Length as a reader weighs it (a CJK character counts three). */
float th_weight_of(const char *s, size_t len)
{
    wn_text_stats st;
    memset(&st, 0, sizeof st);
    wn_text_measure(s, len, &st);
    return (float)st.chars + 2.0f * (float)st.cjk;
}

/* The kinds (WN_LEXK_*) of a word or character of the thread's vocabulary
 * that text is, whole; 0 if none. */
static uint32_t thread_kinds(wn_lex_list list, const char *text, size_t len)
{
    int e = wn_lex_whole(list, text, len);
    return e >= 0 ? wn_lex_entries[e].kinds : 0;
}

/* A date, a counter/action, or other text: one part of a piece. */
static int part_kind(const char *s, size_t len)
{
    unsigned digits = 0, numerals = 0, date_words = 0, relative = 0, actions = 0;
    unsigned date_punct = 0, dots = 0;
    bool prev_digit = false;
    for (size_t pos = 0; pos < len;) {
        size_t at = pos;
        uint32_t cp = wn_utf8_next(s, len, &pos);
        if (cp < 0x80 && ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')) {
            char word[20];
            size_t n = 0;
            pos = at;
            while (pos < len && (((unsigned char)s[pos] | 0x20) >= 'a' &&
                                 ((unsigned char)s[pos] | 0x20) <= 'z')) {
                if (n < sizeof word)
                    word[n] = (char)(s[pos] | 0x20);
                n++;
                pos++;
            }
            if (n > sizeof word)
                return PART_OTHER;
            /* Latin words of dates and times ("April 2, 2024 at 6:14 pm",
             * "4h ago"), of counters and actions ("3 replies", "Reply"). */
            uint32_t kinds = thread_kinds(WN_LEX_THREAD_WORD, word, n);
            if (kinds & (WN_LEXK_THREAD_WORD_DATE | WN_LEXK_THREAD_WORD_RELATIVE)) {
                date_words++;
                if (kinds & WN_LEXK_THREAD_WORD_RELATIVE)
                    relative++;
            } else if (kinds & WN_LEXK_THREAD_WORD_ACTION)
                actions++;
            else
                return PART_OTHER;
            prev_digit = false;
            continue;
        }
        if (cp >= '0' && cp <= '9') {
            digits++;
            prev_digit = true;
            continue;
        }
        if (cp == '-' || cp == '/' || cp == ':' || cp == '.') {
            if (prev_digit && pos < len && s[pos] >= '0' && s[pos] <= '9') {
                if (cp == '.')
                    dots++;
                else
                    date_punct++;
            }
            prev_digit = false;
            continue;
        }
        prev_digit = false;
        if (!is_word_cp(cp) || cp < 0x80)
            continue;
        /* CJK words of counters and actions, the first listed that matches. */
        int action = wn_lex_first(WN_LEX_THREAD_ACTION_CJK, s + at, len - at, 0, NULL);
        if (action >= 0) {
            pos = at + wn_lex_entries[action].bytes;
            actions++;
            continue;
        }
        /* CJK characters of dates and times ("2小时前", "7月2日", "发表于"). */
        uint32_t kinds = thread_kinds(WN_LEX_THREAD_DATE_CJK, s + at, pos - at);
        if (kinds) {
            date_words++;
            if (kinds & WN_LEXK_THREAD_DATE_CJK_RELATIVE)
                relative++;
        } else if (wn_lex_whole(WN_LEX_THREAD_NUMERAL_CJK, s + at, pos - at) >= 0) {
            numerals++;
        } else {
            return PART_OTHER;
        }
    }
    if (dots >= 2)
        date_punct++;
    bool numbered = digits || numerals;
    /* "2小时前", "5楼 2024.04.09 10:21": a date, with or without a counter. */
    if ((numbered && (date_words || date_punct)) || relative)
        return PART_DATE;
    if (actions || numbered)
        return PART_COUNTER;
    return date_words ? PART_OTHER : PART_EMPTY;
}

/* Where a piece splits into parts: "08-26 · 赞 31", "by Bob » Mar 9". */
static size_t separator_at(const char *s, size_t len, size_t pos)
{
    size_t end;
    return wn_lex_first(WN_LEX_THREAD_SEPARATOR, s + pos, len - pos, 0, &end) >= 0 ? end : 0;
}

/* Classifies a piece by its parts: PART_DATE if one part is a date and the
 * others counters, PART_COUNTER if all are counters or actions. *date and
 * *date_len get the first date part. */
int th_shape_of_text(const char *s, size_t len, const char **date, size_t *date_len)
{
    int result = PART_EMPTY;
    size_t start = 0;
    for (size_t pos = 0; pos <= len;) {
        size_t sep = pos < len ? separator_at(s, len, pos) : 1;
        if (!sep) {
            pos++;
            continue;
        }
        const char *part = s + start;
        size_t plen = pos - start;
        while (plen && (*part == ' ')) {
            part++;
            plen--;
        }
        while (plen && part[plen - 1] == ' ')
            plen--;
        int k = wn_date_label(part, plen) ? PART_EMPTY : part_kind(part, plen);
        if (k == PART_OTHER)
            return PART_OTHER;
        if (k == PART_DATE && result != PART_DATE) {
            result = PART_DATE;
            if (date) {
                *date = part;
                *date_len = plen;
            }
        } else if (k == PART_COUNTER && result == PART_EMPTY) {
            result = PART_COUNTER;
        }
        pos += sep;
        start = pos;
    }
    return result;
}

/* A line opening with a rule of underscores or dashes: a signature. */
bool th_signature_rule(const char *s, size_t len)
{
    size_t run = 0;
    while (run < len && (s[run] == '_' || s[run] == '-' || s[run] == '='))
        run++;
    return run >= 4;
}

/* A counter with a word in it ("5楼", "顶(34)", "Reply"), not a bare number. */
bool th_counter_word(const char *s, size_t len)
{
    bool word = false;
    for (size_t pos = 0; pos < len;) {
        uint32_t cp = wn_utf8_next(s, len, &pos);
        if (is_word_cp(cp) && !(cp >= '0' && cp <= '9'))
            word = true;
    }
    return word && part_kind(s, len) == PART_COUNTER;
}

/* A comment's header line, "美食爱好者 于 2024-3-16 8:20:11 发表：": ends with a
 * colon and holds a date (a run of digits with - / : in it). *date gets the
 * date, *name the words before it when they are a name. */
bool th_header_line(const char *s, size_t len, const char **date, size_t *date_len,
                        const char **name, size_t *name_len)
{
    while (len && s[len - 1] == ' ')
        len--;
    bool colon = (len >= 1 && s[len - 1] == ':') ||
                 (len >= 3 && memcmp(s + len - 3, "\xEF\xBC\x9A", 3) == 0);
    if (!colon)
        return false;
    /* The longest run of digits, spaces and - / : . starting with a digit. */
    size_t best = 0, best_len = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9' || (i && s[i - 1] >= '0' && s[i - 1] <= '9'))
            continue;
        size_t j = i, seps = 0;
        while (j < len && ((s[j] >= '0' && s[j] <= '9') || s[j] == '-' || s[j] == '/' ||
                           s[j] == ':' || s[j] == '.' || s[j] == ' ')) {
            seps += s[j] == '-' || s[j] == '/' || s[j] == ':';
            j++;
        }
        while (j > i && (s[j - 1] == ' ' || s[j - 1] == ':'))
            j--;
        if (seps >= 2 && j - i > best_len) {
            best = i;
            best_len = j - i;
        }
    }
    if (best_len < 6)
        return false;
    if (date) {
        *date = s + best;
        *date_len = best_len;
    }
    if (name) {
        size_t n = 0;
        while (n < best && s[n] != ' ')
            n++;
        *name = s;
        *name_len = n < best && th_name_like(s, n) ? n : 0;
    }
    return true;
}

/* A name: short, not a sentence, not a "Label: value". */
bool th_name_like(const char *s, size_t len)
{
    if (!len || th_weight_of(s, len) > NAME_MAX_WEIGHT)
        return false;
    for (size_t pos = 0; pos < len;) {
        size_t at = pos;
        uint32_t cp = wn_utf8_next(s, len, &pos);
        if ((cp == ':' || cp == 0xFF1A) && pos < len && th_has_word(s + pos, len - pos))
            return false;
        if (cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF0C || cp == '!' ||
            cp == '?' || cp == ';' || cp == 0xFF1B)
            return false;
        if ((cp == '.' || cp == ',') && pos < len && s[pos] == ' ' && at > 2 &&
            s[at - 2] != ' ')
            return false; /* "Kate R. says" is a name, "Nice. Thanks" is not */
    }
    return true;
}

/* Whether a short text is a notice of the thread itself ("暫無評論，快來搶沙發吧",
 * "Become a member to start commenting", "Already a member? Sign in"). */
bool th_thread_notice(const char *s, size_t len)
{
    if (len >= 256)
        return false;
    return wn_lex_in(WN_LEX_THREAD_NOTICE, s, len);
}

/* The name (and a date, if it carries one) of an author piece:
 * "by Bob » Mar 9, 2024", "Margaret O. says:". */
void th_split_author(const char *s, size_t len, const char **name, size_t *name_len,
                         const char **date, size_t *date_len)
{
    *date = NULL;
    *date_len = 0;
    size_t by;
    if (wn_lex_first(WN_LEX_THREAD_BY, s, len, 0, &by) >= 0 && len > by) {
        s += by;
        len -= by;
    }
    size_t cut = len;
    for (size_t pos = 0; pos < len; pos++) {
        size_t sep = separator_at(s, len, pos);
        if (!sep)
            continue;
        cut = pos;
        th_shape_of_text(s + pos + sep, len - pos - sep, date, date_len);
        break;
    }
    while (cut && s[cut - 1] == ' ')
        cut--;
    /* " says:", "说：": the first listed that ends the name's part, after a word. */
    size_t says;
    if (wn_lex_suffix(WN_LEX_THREAD_SAYS, s, cut, 1, &says) >= 0)
        cut = says;
    while (cut && s[cut - 1] == ' ')
        cut--;
    *name = s;
    *name_len = cut;
}

/* A heading naming the thread, with or without its count: "Responses (41)",
 * "评论 (3)", "全部评论 4", "Comments: 12". */
bool th_comment_heading(const char *s, size_t len)
{
    char word[48];
    size_t n = 0;
    for (size_t pos = 0; pos < len;) {
        size_t at = pos;
        uint32_t cp = wn_utf8_next(s, len, &pos);
        if ((cp >= '0' && cp <= '9') || cp == ' ' || cp == '(' || cp == ')' || cp == '[' ||
            cp == ']' || cp == ':' || cp == 0xFF08 || cp == 0xFF09 || cp == 0xFF1A ||
            cp == 0x3010 || cp == 0x3011 || cp == ',' || cp == '.')
            continue;
        if (n + (pos - at) >= sizeof word)
            return false;
        for (size_t k = at; k < pos; k++)
            word[n++] = (char)(s[k] >= 'A' && s[k] <= 'Z' ? s[k] + 32 : s[k]);
    }
    return n && wn_lex_whole(WN_LEX_THREAD_HEADING_NAME, word, n) >= 0;
}

/* A block opening with the thread's name as a label: "网友评论：（只显示最新10条）". */
bool th_labelled_heading(const char *s, size_t len)
{
    for (size_t pos = 0; pos < len && pos < 32;) {
        size_t at = pos;
        uint32_t cp = wn_utf8_next(s, len, &pos);
        if (cp == ':' || cp == 0xFF1A)
            return at && th_comment_heading(s, at);
    }
    return false;
}

