/* What the names of an element (its class, id and role) say it holds: the
 * lexicon's class words and stems, read by blocks, score and output. */
#ifndef WN_LEXICON_CLASSES_H
#define WN_LEXICON_CLASSES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lexicon/kinds.h"

const char *wn_label_name(wn_label label);

/* Hint bits for a class, id or role attribute value. */
uint32_t wn_hints_from_attribute(const char *value, size_t len);

/* The words of a class or id value, lower-cased: runs of ASCII letters and
 * digits, also split where a lower-case letter meets an upper-case one
 * ("postBody" -> "post", "body"). token counts the space-separated names
 * the words belong to. Names that start "js-" or "js_" are hooks for
 * scripts, not descriptions, and yield no words. Only the first
 * WN_CLASS_VALUE_MAX bytes are read; a longer word is cut to
 * WN_CLASS_WORD_MAX bytes. */
#define WN_CLASS_VALUE_MAX 1024
#define WN_CLASS_WORD_MAX 64
typedef void (*wn_class_word_fn)(const char *word, size_t len, unsigned token, void *data);
void wn_class_words(const char *value, size_t len, wn_class_word_fn fn, void *data);
/* wn_hints_from_attribute() in parts, for a caller that keeps the parts of
 * the names it has read (a page repeats its class names across many
 * values). A value's names are its runs between white space (wn_class_space);
 * the hints of a value no longer than WN_NAME_HINTS_VALUE_MAX bytes are
 *   for each name with words, in order: rest | (first unless the last
 *   name before it with words negates); without COMMENTS if any is live.
 * Longer values: wn_hints_from_attribute() itself (it reads a bounded part
 * of them). */
#define WN_NAME_HINTS_VALUE_MAX 200
typedef struct wn_name_hints {
    uint32_t first;   /* hints of its first word */
    uint32_t rest;    /* hints of its other words and of its stems */
    bool words;       /* it has words (a script hook or punctuation has none) */
    bool negates;     /* its last word negates the word after it ("no-comments") */
    bool live;        /* it holds a live ticker's word */
} wn_name_hints;
void wn_name_hints_of(const char *name, size_t len, wn_name_hints *out);
static inline bool wn_class_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Hint bits for a role attribute value (ARIA landmark roles). */
uint32_t wn_hints_from_role(const char *value, size_t len);
/* The label a clutter hint mask stands for (the strongest bit wins). */
wn_label wn_label_from_hints(uint32_t hints);

#endif
