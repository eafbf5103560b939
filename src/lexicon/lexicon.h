/* The lexicon: every word list, class word, stem and marker phrase of the
 * extractor, kept as data in the .tsv files of src/lexicon and compiled at
 * build time (tools/lexicon.py) into one byte trie over case-folded keys,
 * each list under its own root. A lookup at one place walks the text once:
 * it costs the text's length (at most the longest key's), not the size of
 * the tables; a scan for words anywhere does that from each place a key can
 * start. lists.tsv says how each list is matched. */
#ifndef WN_LEXICON_H
#define WN_LEXICON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lexicon/kinds.h"
#include "lexicon-lists.h" /* generated: wn_lex_list, WN_LEXK_* */

enum { WN_LEX_FOLD_EXACT, WN_LEX_FOLD_ASCII, WN_LEX_FOLD_UNICODE };
enum { WN_LEX_BOUNDS_NONE, WN_LEX_BOUNDS_RIGHT, WN_LEX_BOUNDS_BOTH, WN_LEX_BOUNDS_UNNEGATED };

typedef struct wn_lex_entry {
    const char *text;    /* as written in the data */
    uint16_t bytes;      /* strlen(text) */
    uint8_t list;        /* wn_lex_list */
    uint8_t boundary;    /* ends in an ASCII letter or digit: wants a word end (bounds right/both) */
    uint16_t limit;      /* at most this many non-space characters in the block (0xFFFF: any) */
    uint32_t kinds;      /* WN_HINT_*, WN_MARKER_*, WN_CK_* or WN_LEXK_* bits, per list */
} wn_lex_entry;

typedef struct wn_lex_list_info {
    uint16_t first, count; /* its entries, in the order of the data file */
    uint16_t root;         /* its root node */
    uint8_t fold, bounds;
} wn_lex_list_info;

typedef struct wn_lex_node {
    uint16_t edges, hits;  /* first edge, first hit */
    uint8_t edge_count, hit_count;
} wn_lex_node;

/* The generated tables: one trie, each list under its own root, whose edges
 * are wn_lex_starts[list] (0: none; node 0 is no node; a folding list's
 * table takes 'A'..'Z' as it takes 'a'..'z', so a first byte is looked up
 * as it comes). Other nodes' edges
 * are sorted by byte, their hits (entry indexes) by entry: the order of the
 * data file. */
extern const wn_lex_entry wn_lex_entries[];
extern const wn_lex_list_info wn_lex_lists[];
extern const uint16_t wn_lex_starts[][256];
extern const wn_lex_node wn_lex_nodes[];
extern const uint8_t wn_lex_edge_bytes[];
extern const uint16_t wn_lex_edge_children[];
extern const uint16_t wn_lex_hits[];

/* Called for each match of an entry: text[start, end) matched it. Returning
 * false stops the walk. */
typedef bool (*wn_lex_fn)(int entry, size_t start, size_t end, void *data);

/* Every entry of list that text[start..] starts with, shortest first (the
 * list's fold and its right bound applied). */
void wn_lex_prefixes(wn_lex_list list, const char *text, size_t len, size_t start, wn_lex_fn fn,
                     void *data);
/* Every occurrence anywhere in text, by start, then shortest first. With
 * bounds "both" an occurrence starts only where the byte before it is not an
 * ASCII letter or digit. */
void wn_lex_scan(wn_lex_list list, const char *text, size_t len, wn_lex_fn fn, void *data);

/* The entry of list listed first among those text starts with whose limit is
 * at least need (0 for lists without limits); -1 if none. *end, if given,
 * gets where the match ends in text. */
int wn_lex_first(wn_lex_list list, const char *text, size_t len, size_t need, size_t *end);
/* The entry of list that is the whole text; -1 if none. */
int wn_lex_whole(wn_lex_list list, const char *text, size_t len);
/* False when no key of list can start text (its first byte is ASCII and
 * starts none): a test that spares a call, before a lookup in a short list. */
static inline bool wn_lex_may_start(wn_lex_list list, const char *text, size_t len)
{
    unsigned char c = len ? (unsigned char)text[0] : 0;
    return len && (c >= 0x80 || wn_lex_starts[list][c] != 0);
}
/* The entry of list listed first among those text ends with, starting at
 * min_start or later; -1 if none. *start, if given, gets where it starts. */
int wn_lex_suffix(wn_lex_list list, const char *text, size_t len, size_t min_start, size_t *start);
/* The kinds of the entries text starts with, joined. */
uint32_t wn_lex_kinds_at(wn_lex_list list, const char *text, size_t len);
/* The kinds of the entries found anywhere in text, joined. */
uint32_t wn_lex_kinds_in(wn_lex_list list, const char *text, size_t len);
/* Whether an entry of list occurs anywhere in text. */
bool wn_lex_in(wn_lex_list list, const char *text, size_t len);

#endif
