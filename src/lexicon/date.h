/* Dates: the one recogniser every stage asks (meta reads a page's date,
 * the scorer's markers and bylines, the renderer's comment threads).
 * Below blocks, scoring, meta and output; its words are the lexicon's. */
#ifndef WN_LEXICON_DATE_H
#define WN_LEXICON_DATE_H

#include <stdbool.h>
#include <stddef.h>

/* The first date in text[0..len) as ISO 8601 into out (at least 32 bytes):
 * "2024-03-05" or "2024-03-05T10:21:00+08:00". anywhere: look past the
 * start (only at the start of a number or a word); else a weekday may come
 * first ("Tue, 05 Mar 2024"). Returns the length, 0 when there is none. */
size_t wn_date_parse(const char *text, size_t len, bool anywhere, char *out);

/* A date with a time of day in text ("2019-08-13 14:07", "2019年10月31日
 * 23:00"): where it starts, or len when there is none. */
size_t wn_date_stamp_at(const char *text, size_t len);

/* A line that is only a numeric date: digits and date/time separators, with
 * a day, a month and a year ("23.10.2018", "2018-10-23 12:30", never an
 * address such as "192.168.100.1"). */
bool wn_date_numeric_line(const char *text, size_t len);

/* A line that is a date written out ("Donnerstag, 31. Mai 2012", "31 de
 * mayo de 2012", "May 31, 2012"): a day, a month's name and a year, give
 * or take a weekday. Only as a link (to the post or the day's archive) is
 * it the page's stamp; a blog's plain day header is the post's own. */
bool wn_date_written_line(const char *text, size_t len);

/* An English month's name or its abbreviation at s ("March", "Mar.",
 * "sept"): 1 to 12 with its length in *used, 0 when there is none. */
int wn_date_month_at(const char *s, size_t len, size_t *used);

/* The label before a date in a comment's line ("回答时间", "发布日期",
 * "Date"). */
bool wn_date_label(const char *text, size_t len);

/* A date without its year at the start of text (spaces first): "10-08
 * 12:00", "10-0812:00" (the day run into the time) or "18-03-08 23:16".
 * The two-digit year into *yy (-1 when there is none), the month, day, hour
 * and minute into the others. */
bool wn_date_yearless(const char *text, size_t len, int *yy, int *mo, int *d, int *h, int *mi);

/* Whether a short text holds a time of day ("21:14") or a year of this or
 * the last century standing alone ("2024"): a post header's date in any
 * language. */
bool wn_date_clock_or_year(const char *text, size_t len);

#endif
