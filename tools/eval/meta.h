/* winnow-eval --meta: metadata accuracy per field (meta.c). */
#ifndef EV_META_H
#define EV_META_H

#include "winnow.h"
#include "gold.h"

/* Whether a predicted value matches the gold one for field key. */
int ev_meta_matches(const char *key, const char *gold, const char *got);
/* Scores SET_DIR/meta.jsonl, or gold_path when not NULL (the pages are
 * still SET_DIR/pages/<id>.html); prints the table (and, with per_page, each
 * wrong field). 0 on success. */
int ev_meta_run(const wn_extractor *ex, const char *set_dir, const char *gold_path, int per_page);

#endif
