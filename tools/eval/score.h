/* The two benchmark metrics of shared/bench/score.py, re-implemented in C.
 *
 * Everything here is a pure function of its arguments (the scorer object only
 * holds reusable scratch memory); nothing depends on libwinnow.
 *
 * Text handling follows Python 3.11 on str, the reference implementation:
 *   - bytes are decoded as UTF-8 with errors="replace": every maximal invalid
 *     subpart becomes one U+FFFD;
 *   - a "word character" is Python re's \w: Unicode categories L* and N*
 *     (of Unicode 14.0, the database of Python 3.11) plus '_';
 *   - "whitespace" is str.isspace() / re's \s;
 *   - tokens: every CJK character (the ranges of score.py's CJK constant) is a
 *     token on its own; the other tokens are maximal runs of non-CJK word
 *     characters.
 */
#ifndef WINNOW_TOOLS_EVAL_SCORE_H
#define WINNOW_TOOLS_EVAL_SCORE_H

#include <stddef.h>
#include <stdint.h>

#define EV_REPLACEMENT 0xFFFD

/* Decode the code point starting at s[i] (i < n). Returns the number of
 * bytes it takes (>= 1). An invalid sequence gives *cp = U+FFFD, *valid = 0
 * and the length of the maximal invalid subpart (as Python's decoder). */
size_t ev_utf8_next(const unsigned char *s, size_t n, size_t i, int32_t *cp, int *valid);

/* Character classes (see the file comment). */
int ev_is_word(int32_t cp);
int ev_is_cjk(int32_t cp);
int ev_is_space(int32_t cp);

/* A valid UTF-8 copy of s (invalid subparts replaced by U+FFFD), NUL
 * terminated; *out_len gets its length, *n_invalid (if not NULL) the number
 * of replacements. NULL on allocation failure. Free with free(). */
char *ev_utf8_clean(const char *s, size_t n, size_t *out_len, size_t *n_invalid);

/* Python's re.sub(r"\s+", " ", text).strip() on the decoded text: a valid
 * UTF-8 string, NUL terminated, to free with free(). NULL on allocation
 * failure. */
char *ev_squash(const char *s, size_t n, size_t *out_len);

/* Python's `not text.strip()` on the decoded text. */
int ev_is_blank(const char *s, size_t n);

/* Python's `needle in hay` for valid UTF-8 strings (an empty needle is
 * always found). */
int ev_contains(const char *hay, size_t hn, const char *needle, size_t nn);

/* Tokens as byte ranges of the text they were cut from. */
typedef struct ev_token {
    size_t off;
    size_t len;
} ev_token;

typedef struct ev_tokens {
    ev_token *v;
    size_t n;
    size_t cap;
} ev_tokens;

/* Tokenise s (any bytes; invalid UTF-8 separates tokens like U+FFFD does).
 * Replaces the content of *out; start from a zeroed ev_tokens. Returns 0, or
 * -1 on allocation failure. */
int ev_tokenize(const char *s, size_t n, ev_tokens *out);
void ev_tokens_free(ev_tokens *t);

/* ------------------------------------------------ metric 1: shingle overlap */

enum { EV_SHINGLE = 4 };

typedef struct ev_body_page {
    size_t tp, fp, fn;          /* multiset shingle counts */
    double tp_share, fp_share, fn_share; /* the counts divided by their sum */
    double precision, recall, f1;
    int in_precision;           /* tp + fp > 0: the page enters the mean precision */
    int in_recall;              /* tp + fn > 0: the page enters the mean recall */
    int exact;                  /* token sequences equal */
    int empty;                  /* the prediction is blank */
    size_t gold_tokens, pred_tokens;
} ev_body_page;

typedef struct ev_scorer ev_scorer;

ev_scorer *ev_scorer_new(void);
void ev_scorer_free(ev_scorer *scorer);

/* Score one page: gold and prediction as bytes (UTF-8, invalid parts as
 * U+FFFD). Returns 0, or -1 on allocation failure / absurd sizes. */
int ev_score_body(ev_scorer *scorer, const char *gold, size_t gold_len,
                  const char *pred, size_t pred_len, ev_body_page *out);

/* Running totals over the pages of a set. Start zeroed. */
/* A total miss: the page kept next to nothing of its gold. Body gold: page
 * shingle F1 under EV_MISS_F1. Snippet gold: `with` snippets, none found. */
#define EV_MISS_F1 0.2
int ev_body_miss(const ev_body_page *page);

typedef struct ev_body_totals {
    size_t pages, empty, exact, misses;
    size_t n_precision, n_recall;
    double precision_sum, precision_comp; /* Neumaier compensated sums */
    double recall_sum, recall_comp;
} ev_body_totals;

typedef struct ev_body_summary {
    double f1, precision, recall, accuracy;
    size_t pages, empty, misses;
} ev_body_summary;

void ev_body_totals_add(ev_body_totals *totals, const ev_body_page *page);
void ev_body_summarise(const ev_body_totals *totals, ev_body_summary *out);

/* --------------------------------------------- metric 2: snippet presence */

typedef struct ev_text {
    const char *s;
    size_t n;
} ev_text;

typedef struct ev_snippet_page {
    size_t tp, fp, fn, tn;
    int empty;                  /* the squashed prediction is empty */
} ev_snippet_page;

/* Score one page's snippets against a prediction (raw bytes). Returns 0, or
 * -1 on allocation failure. */
int ev_score_snippets(const char *pred, size_t pred_len,
                      const ev_text *with, size_t n_with,
                      const ev_text *without, size_t n_without,
                      ev_snippet_page *out);

int ev_snippet_miss(const ev_snippet_page *page);

typedef struct ev_snippet_totals {
    size_t pages, empty, misses, tp, fp, fn, tn;
} ev_snippet_totals;

typedef struct ev_snippet_summary {
    double precision, recall, accuracy, f1;
    size_t tp, fp, fn, tn, pages, empty, misses;
} ev_snippet_summary;

void ev_snippet_totals_add(ev_snippet_totals *totals, const ev_snippet_page *page);
void ev_snippet_summarise(const ev_snippet_totals *totals, ev_snippet_summary *out);

/* Per-page F1 as score.py computes it: 2pr/(p+r), 0 when p+r = 0. */
double ev_f1(double precision, double recall);

#endif /* WINNOW_TOOLS_EVAL_SCORE_H */
