/* The one recogniser of dates: every stage that asks whether text is, holds
 * or names a date asks here (date.h). */
#include "lexicon/date.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "lexicon/lexicon.h"

/* ---- the pieces of a date ---- */

static const char *const month_names[12] = {"jan", "feb", "mar", "apr", "may", "jun",
                                            "jul", "aug", "sep", "oct", "nov", "dec"};

int wn_date_month_at(const char *s, size_t len, size_t *used)
{
    if (len < 3)
        return 0;
    for (int k = 0; k < 12; k++) {
        if (strncasecmp(s, month_names[k], 3) != 0)
            continue;
        size_t n = 3;
        while (n < len && n < 10 && ((s[n] | 0x20) >= 'a' && (s[n] | 0x20) <= 'z'))
            n++;
        if (n < len && s[n] == '.')
            n++;
        *used = n;
        return k + 1;
    }
    return 0;
}

/* The run of at most max digits at s: its length, and its value in *value
 * (when value is not NULL; max at most 9 then). */
static size_t digit_run(const char *s, size_t len, size_t max, int *value)
{
    size_t n = 0;
    if (value)
        *value = 0;
    while (n < len && n < max && s[n] >= '0' && s[n] <= '9') {
        if (value)
            *value = *value * 10 + (s[n] - '0');
        n++;
    }
    return n;
}

static bool is_sep(char c)
{
    return c == '-' || c == '/' || c == '.';
}

/* Matches one of the CJK date characters 年 月 日 (E5 B9 B4, E6 9C 88, E6 97 A5). */
static size_t cjk_unit(const char *s, size_t len, const char *unit)
{
    return len >= 3 && memcmp(s, unit, 3) == 0 ? 3 : 0;
}

/* Whether text[i..] starts with one of the separators of a date (- / . 年 月);
 * returns its length. */
static size_t date_separator(const char *text, size_t len, size_t i)
{
    if (i < len && is_sep(text[i]))
        return 1;
    size_t n = cjk_unit(text + i, len - i, "\xE5\xB9\xB4"); /* 年 */
    return n ? n : cjk_unit(text + i, len - i, "\xE6\x9C\x88"); /* 月 */
}

/* Skips the digits at text[i..]: returns where they end, their count in *count. */
static size_t skip_digits(const char *text, size_t len, size_t i, size_t *count)
{
    *count = digit_run(text + i, len - i, SIZE_MAX, NULL);
    return i + *count;
}

/* ---- parsing: a date as ISO 8601 ---- */

/* A time "10:21[:00]" with an optional offset after a date at s; appends to out. */
static size_t parse_time(const char *s, size_t len, char *out, size_t o)
{
    size_t i = 0;
    while (i < len && i < 4 && (s[i] == ' ' || s[i] == 'T' || s[i] == ',')) 
        i++;
    if (i == 0 && len && s[0] != 'T')
        return o;
    int h, mi, sec = 0;
    size_t n = digit_run(s + i, len - i, 2, &h);
    if (!n || i + n >= len || s[i + n] != ':')
        return o;
    i += n + 1;
    n = digit_run(s + i, len - i, 2, &mi);
    if (n != 2 || h > 23 || mi > 59)
        return o;
    i += n;
    if (i + 2 < len && s[i] == ':' && digit_run(s + i + 1, len - i - 1, 2, &sec) == 2 && sec <= 60)
        i += 3;
    while (i < len && (s[i] == '.' || (s[i] >= '0' && s[i] <= '9')) && i < 40)
        i++; /* fractions of a second */
    o += (size_t)snprintf(out + o, 32 - o, "T%02d:%02d:%02d", h, mi, sec);
    if (i + 1 < len && s[i] == ' ' && (s[i + 1] == '+' || s[i + 1] == '-'))
        i++; /* "10:21:00 +0000" */
    if (i < len && (s[i] == 'Z' || s[i] == 'z')) {
        out[o++] = 'Z';
        out[o] = '\0';
    } else if (i < len && (s[i] == '+' || s[i] == '-')) {
        int th, tm = 0;
        size_t k = i + 1;
        n = digit_run(s + k, len - k, 2, &th);
        if (n == 2) {
            k += 2;
            if (k < len && s[k] == ':')
                k++;
            if (digit_run(s + k, len - k, 2, &tm) != 2)
                tm = 0;
            if (th <= 14 && tm <= 59)
                o += (size_t)snprintf(out + o, 32 - o, "%c%02d:%02d", s[i], th, tm);
        }
    }
    return o;
}

static bool valid_ymd(int y, int mo, int d)
{
    return y >= 1900 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31;
}

/* The year after a day and a month's name at s[i] (past spaces and
 * commas), then the time: the date's length, 0 when there is no year. */
static size_t year_and_time(const char *s, size_t len, size_t i, int mo, int d, char *out)
{
    int y;
    while (i < len && (s[i] == ' ' || s[i] == ','))
        i++;
    if (digit_run(s + i, len - i, 5, &y) != 4 || !valid_ymd(y, mo, d))
        return 0;
    i += 4;
    size_t o = (size_t)snprintf(out, 32, "%04d-%02d-%02d", y, mo, d);
    return parse_time(s + i, len - i, out, o);
}

/* A date starting exactly at s. */
static size_t date_at(const char *s, size_t len, char *out)
{
    int y, mo, d;
    size_t used;
    size_t n = digit_run(s, len, 5, &y);
    if (n == 4) {
        size_t i = 4, u;
        bool cjk = false;
        if (i < len && is_sep(s[i])) {
            i++;
            if (s[4] == '.' && i < len && s[i] == ' ')
                i++; /* Korean "2025. 11. 2." */
        } else if ((u = cjk_unit(s + i, len - i, "\xE5\xB9\xB4")) != 0)
            i += u, cjk = true;
        else
            return 0;
        while (cjk && i < len && s[i] == ' ')
            i++;
        n = digit_run(s + i, len - i, 2, &mo);
        if (!n)
            return 0;
        i += n;
        if (!cjk && i < len && s[i] == s[4]) {
            i++;
            if (s[4] == '.' && i < len && s[i] == ' ')
                i++;
        } else if (cjk && (u = cjk_unit(s + i, len - i, "\xE6\x9C\x88")) != 0)
            i += u;
        else
            return 0;
        while (cjk && i < len && s[i] == ' ')
            i++;
        n = digit_run(s + i, len - i, 2, &d);
        if (!n || (i + n < len && s[i + n] >= '0' && s[i + n] <= '9'))
            return 0;
        i += n;
        if (cjk)
            i += cjk_unit(s + i, len - i, "\xE6\x97\xA5");
        if (!valid_ymd(y, mo, d))
            return 0;
        size_t o = (size_t)snprintf(out, 32, "%04d-%02d-%02d", y, mo, d);
        return parse_time(s + i, len - i, out, o);
    }
    if ((n == 1 || n == 2) && n + 1 < len && s[n] == '.') {
        /* "04.11.2025, 17:45" */
        d = y;
        size_t i = n + 1, k = digit_run(s + i, len - i, 3, &mo);
        if (k < 1 || k > 2 || i + k >= len || s[i + k] != '.')
            return 0;
        i += k + 1;
        if (digit_run(s + i, len - i, 5, &y) != 4 || !valid_ymd(y, mo, d))
            return 0;
        i += 4;
        while (i < len && (s[i] == ',' || s[i] == ' ' || s[i] == '-'))
            i++;
        size_t o = (size_t)snprintf(out, 32, "%04d-%02d-%02d", y, mo, d);
        return parse_time(i ? s + i - 1 : s, len - (i ? i - 1 : 0), out, o);
    }
    if (n == 1 || n == 2) {
        /* "5 March 2024", "05 Mar 2024 10:21:00 +0000" */
        d = y;
        size_t i = n;
        while (i < len && s[i] == ' ')
            i++;
        mo = wn_date_month_at(s + i, len - i, &used);
        if (!mo)
            return 0;
        i += used;
        return year_and_time(s, len, i, mo, d, out);
    }
    mo = wn_date_month_at(s, len, &used);
    if (mo) {
        /* "March 5, 2024" */
        size_t i = used;
        while (i < len && s[i] == ' ')
            i++;
        n = digit_run(s + i, len - i, 3, &d);
        if (n < 1 || n > 2)
            return 0;
        i += n;
        if (i + 1 < len && (strncasecmp(s + i, "st", 2) == 0 || strncasecmp(s + i, "nd", 2) == 0 ||
                            strncasecmp(s + i, "rd", 2) == 0 || strncasecmp(s + i, "th", 2) == 0))
            i += 2;
        return year_and_time(s, len, i, mo, d, out);
    }
    return 0;
}

size_t wn_date_parse(const char *text, size_t len, bool anywhere, char *out)
{
    size_t i = 0;
    while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n'))
        i++;
    if (!anywhere) {
        /* A weekday may come first: "Tue, 05 Mar 2024". */
        size_t n = date_at(text + i, len - i, out);
        if (n)
            return n;
        size_t k = i;
        while (k < len && k < i + 12 && text[k] != ',')
            k++;
        if (k < len && text[k] == ',') {
            k++;
            while (k < len && text[k] == ' ')
                k++;
            return date_at(text + k, len - k, out);
        }
        return 0;
    }
    for (; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        bool start = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
        /* Only at the start of a number or a word. */
        if (!start || (i > 0 && ((text[i - 1] >= '0' && text[i - 1] <= '9') ||
                                 ((text[i - 1] | 0x20) >= 'a' && (text[i - 1] | 0x20) <= 'z'))))
            continue;
        size_t n = date_at(text + i, len - i, out);
        if (n)
            return n;
    }
    return 0;
}

/* ---- recognising: dates in lines of text ---- */

size_t wn_date_stamp_at(const char *text, size_t len)
{
    for (size_t start = 0; start < len; start++) {
        size_t count, i = skip_digits(text, len, start, &count);
        if (count != 4 || (start && text[start - 1] >= '0' && text[start - 1] <= '9'))
            continue;
        size_t sep = date_separator(text, len, i);
        if (!sep)
            continue;
        i = skip_digits(text, len, i + sep, &count);
        if (count < 1 || count > 2 || !(sep = date_separator(text, len, i)))
            continue;
        i = skip_digits(text, len, i + sep, &count);
        if (count < 1 || count > 2)
            continue;
        i += cjk_unit(text + i, len - i, "\xE6\x97\xA5"); /* 日 */
        while (i < len && text[i] == ' ')
            i++;
        i = skip_digits(text, len, i, &count);
        if (count >= 1 && count <= 2 && i < len && text[i] == ':' && i + 2 < len &&
            text[i + 1] >= '0' && text[i + 1] <= '9')
            return start;
    }
    return len;
}

bool wn_date_numeric_line(const char *text, size_t len)
{
    if (len > 20)
        return false;
    /* A date has two separators between day, month and year, a time at
     * most two colons; an address ("192.168.100.1", "10.0.0.1/24") more. */
    unsigned digits = 0, date_separators = 0, colons = 0;
    for (size_t k = 0; k < len; k++) {
        char c = text[k];
        if (c >= '0' && c <= '9')
            digits++;
        else if (c == '.' || c == '/' || c == '-')
            date_separators++;
        else if (c == ':')
            colons++;
        else if (c != ' ')
            return false;
    }
    return digits >= 6 && date_separators == 2 && colons <= 2;
}

/* A month's name that is the whole word: its own length is the word's
 * (*data, set to 0 when found). */
static bool month_name(int entry, size_t start, size_t end, void *data)
{
    size_t *word = data;
    if (wn_lex_entries[entry].bytes != *word)
        return true;
    *word = 0;
    return false;
}

bool wn_date_written_line(const char *text, size_t len)
{
    if (len > 40)
        return false;
    unsigned days = 0, years = 0, months = 0, others = 0;
    for (size_t k = 0; k < len;) {
        while (k < len && (text[k] == ' ' || text[k] == ',' || text[k] == '.'))
            k++;
        size_t start = k;
        while (k < len && text[k] != ' ' && text[k] != ',' && text[k] != '.')
            k++;
        size_t n = k - start;
        if (!n)
            break;
        bool digits = true;
        for (size_t d = start; d < k; d++)
            digits &= text[d] >= '0' && text[d] <= '9';
        if (digits) {
            if (n <= 2)
                days++;
            else if (n == 4)
                years++;
            else
                return false;
        } else {
            size_t whole = n;
            wn_lex_prefixes(WN_LEX_MONTH_NAME, text + start, n, 0, month_name, &whole);
            if (whole == 0)
                months++;
            else if (!(n == 2 && wn_lex_first(WN_LEX_DATE_FILLER, text + start, n, 0, NULL) >= 0))
                others++;
        }
        /* The counts only grow: past the one date's, the answer is no. */
        if (days > 1 || years > 1 || months > 1 || others > 1)
            return false;
    }
    /* The one other word is a weekday before the date. */
    return days == 1 && years == 1 && months == 1 && others <= 1;
}

bool wn_date_label(const char *s, size_t len)
{
    if (!len || len > 24)
        return false;
    return wn_lex_suffix(WN_LEX_THREAD_DATE_LABEL, s, len, 0, NULL) >= 0;
}

bool wn_date_yearless(const char *s, size_t len, int *yy, int *mo, int *d, int *h, int *mi)
{
    size_t i = 0;
    while (i < len && s[i] == ' ')
        i++;
    int v[3], groups = 0;
    while (groups < 3) {
        if (i + 2 > len || digit_run(s + i, 2, 2, &v[groups]) != 2)
            break;
        i += 2;
        groups++;
        if (i < len && s[i] == '-' && groups < 3)
            i++;
        else
            break;
    }
    if (groups < 2)
        return false;
    *yy = groups == 3 ? v[0] : -1;
    *mo = groups == 3 ? v[1] : v[0];
    *d = groups == 3 ? v[2] : v[1];
    while (i < len && s[i] == ' ')
        i++;
    return i + 5 <= len && digit_run(s + i, 2, 2, h) == 2 && s[i + 2] == ':' &&
           digit_run(s + i + 3, 2, 2, mi) == 2 && *h <= 23 && *mi <= 59 && *mo >= 1 && *mo <= 12 && *d >= 1 &&
           *d <= 31;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

bool wn_date_clock_or_year(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (!is_digit(s[i]) || (i > 0 && is_digit(s[i - 1])))
            continue;
        size_t run = digit_run(s + i, len - i, SIZE_MAX, NULL);
        if ((run == 1 || run == 2) && i + run + 2 < len && s[i + run] == ':' && is_digit(s[i + run + 1]) &&
            is_digit(s[i + run + 2]) && (i + run + 3 >= len || !is_digit(s[i + run + 3])))
            return true;
        if (run == 4 && (memcmp(s + i, "19", 2) == 0 || memcmp(s + i, "20", 2) == 0))
            return true;
    }
    return false;
}
