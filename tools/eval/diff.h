/* winnow-eval --diff SET ID: a page's gold beside winnow's output. */
#ifndef WINNOW_TOOLS_EVAL_DIFF_H
#define WINNOW_TOOLS_EVAL_DIFF_H

#include <stddef.h>
#include <stdio.h>

#include "score.h"

typedef struct ev_diff_counts {
    size_t same, missed, extra; /* lines (or snippets) */
} ev_diff_counts;

/* A unified view of body gold and output, one line each, white space
 * collapsed and blank lines left out, aligned by their longest common
 * subsequence: "  " both, "- " in the gold only (missed), "+ " in the
 * output only (extra). Returns -1 out of memory. */
int ev_diff_body(FILE *out, const char *gold, size_t gold_len, const char *pred, size_t pred_len,
                 ev_diff_counts *counts);

/* Snippet gold: each `with` snippet, "  " found or "- " missing; each
 * `without` snippet, "+ " found in the output (leaked) or "~ " absent. */
int ev_diff_snippets(FILE *out, const char *pred, size_t pred_len, const ev_text *with,
                     size_t n_with, const ev_text *without, size_t n_without,
                     ev_diff_counts *counts);

#endif
