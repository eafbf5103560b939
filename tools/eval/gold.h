/* Reading a benchmark set's gold.jsonl (see shared/bench/README.md). */
#ifndef WINNOW_TOOLS_EVAL_GOLD_H
#define WINNOW_TOOLS_EVAL_GOLD_H

#include <stddef.h>

#include "score.h"

typedef struct ev_gold_row {
    char *id;                   /* never NULL; safe as a file name */
    char *url;                  /* NULL when absent or null */
    int has_body;               /* "body" is a string (score.py: not None) */
    char *body;
    size_t body_len;
    int has_snippets;           /* "with" or "without" is a non-empty list */
    ev_text *with;
    size_t n_with;
    ev_text *without;
    size_t n_without;
} ev_gold_row;

typedef struct ev_gold {
    ev_gold_row *rows;
    size_t n;
    size_t n_body, n_snippets;
} ev_gold;

/* Load path (a gold.jsonl). Returns 0, or -1 with a message in err. Blank
 * lines are skipped, as score.py does. */
int ev_gold_load(const char *path, ev_gold *out, char *err, size_t err_size);
void ev_gold_free(ev_gold *gold);

/* Whether id can name a file in a folder: not empty, no '/', no NUL, not "."
 * nor "..". */
int ev_id_is_safe(const char *id, size_t len);

#endif /* WINNOW_TOOLS_EVAL_GOLD_H */
