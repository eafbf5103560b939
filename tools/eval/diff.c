/* winnow-eval --diff: one page's gold and winnow's output, line by line. */
#include "diff.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Lines aligned by a longest common subsequence; past this many cells
 * (gold lines x output lines) the texts are shown one after the other. */
#define DIFF_MAX_CELLS ((size_t)16 << 20)

typedef struct line_list {
    char **s; /* squashed lines (white space collapsed), malloc'ed */
    size_t n;
} line_list;

static void lines_free(line_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->s[i]);
    free(l->s);
}

/* The non-blank lines of text, each squashed. Returns -1 out of memory. */
static int split_lines(const char *text, size_t len, line_list *out)
{
    out->s = NULL;
    out->n = 0;
    size_t cap = 0, start = 0;
    while (start <= len) {
        const char *nl = memchr(text + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - text) : len;
        size_t n;
        char *line = ev_squash(text + start, end - start, &n);
        if (!line)
            goto nomem;
        if (n == 0) {
            free(line);
        } else {
            if (out->n == cap) {
                cap = cap ? cap * 2 : 64;
                char **grown = realloc(out->s, cap * sizeof *grown);
                if (!grown) {
                    free(line);
                    goto nomem;
                }
                out->s = grown;
            }
            out->s[out->n++] = line;
        }
        if (!nl)
            break;
        start = end + 1;
    }
    return 0;
nomem:
    lines_free(out);
    return -1;
}

static void put(FILE *out, char mark, const char *line)
{
    fprintf(out, "%c %s\n", mark, line);
}

int ev_diff_body(FILE *out, const char *gold, size_t gold_len, const char *pred, size_t pred_len,
                 ev_diff_counts *counts)
{
    line_list g, p;
    memset(counts, 0, sizeof *counts);
    if (split_lines(gold, gold_len, &g) != 0)
        return -1;
    if (split_lines(pred, pred_len, &p) != 0) {
        lines_free(&g);
        return -1;
    }
    size_t cells = (g.n + 1) * (p.n + 1);
    uint32_t *lcs = cells <= DIFF_MAX_CELLS ? calloc(cells, sizeof *lcs) : NULL;
    if (!lcs) {
        /* Too long to align (or no memory): everything missed, then extra. */
        for (size_t i = 0; i < g.n; i++)
            put(out, '-', g.s[i]);
        for (size_t j = 0; j < p.n; j++)
            put(out, '+', p.s[j]);
        counts->missed = g.n;
        counts->extra = p.n;
    } else {
        /* lcs[i][j]: the common lines of g[i..] and p[j..]. */
        size_t w = p.n + 1;
        for (size_t i = g.n; i-- > 0;)
            for (size_t j = p.n; j-- > 0;)
                lcs[i * w + j] = strcmp(g.s[i], p.s[j]) == 0
                                     ? lcs[(i + 1) * w + j + 1] + 1
                                     : (lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]
                                            ? lcs[(i + 1) * w + j] : lcs[i * w + j + 1]);
        size_t i = 0, j = 0;
        while (i < g.n || j < p.n) {
            if (i < g.n && j < p.n && strcmp(g.s[i], p.s[j]) == 0) {
                put(out, ' ', g.s[i++]);
                j++;
                counts->same++;
            } else if (j < p.n && (i == g.n || lcs[i * w + j + 1] >= lcs[(i + 1) * w + j])) {
                put(out, '+', p.s[j++]);
                counts->extra++;
            } else {
                put(out, '-', g.s[i++]);
                counts->missed++;
            }
        }
        free(lcs);
    }
    lines_free(&g);
    lines_free(&p);
    return 0;
}

int ev_diff_snippets(FILE *out, const char *pred, size_t pred_len, const ev_text *with,
                     size_t n_with, const ev_text *without, size_t n_without,
                     ev_diff_counts *counts)
{
    memset(counts, 0, sizeof *counts);
    size_t hn;
    char *hay = ev_squash(pred, pred_len, &hn);
    if (!hay)
        return -1;
    for (size_t k = 0; k < n_with + n_without; k++) {
        int is_with = k < n_with;
        const ev_text *t = is_with ? &with[k] : &without[k - n_with];
        size_t nn;
        char *needle = ev_squash(t->s, t->n, &nn);
        if (!needle) {
            free(hay);
            return -1;
        }
        int found = ev_contains(hay, hn, needle, nn);
        if (is_with) {
            put(out, found ? ' ' : '-', needle);
            counts->same += found != 0;
            counts->missed += !found;
        } else {
            put(out, found ? '+' : '~', needle);
            counts->extra += found != 0;
        }
        free(needle);
    }
    free(hay);
    return 0;
}
