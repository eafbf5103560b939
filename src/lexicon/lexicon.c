#include "lexicon/lexicon.h"

#include "utf8.h"

static bool alnum_ascii(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static inline uint32_t step(uint32_t node, unsigned char byte)
{
    if (node == 0)
        return wn_lex_root[byte];
    const wn_lex_node *n = &wn_lex_nodes[node];
    const uint8_t *bytes = wn_lex_edge_bytes + n->edges;
    for (unsigned i = 0; i < n->edge_count; i++) {
        if (bytes[i] == byte)
            return wn_lex_edge_children[n->edges + i];
        if (bytes[i] > byte)
            break;
    }
    return 0;
}

/* Walks the trie over text[start..] folded as the list folds, reporting the
 * list's entries that end at each node reached. */
static inline bool walk(const wn_lex_list_info *l, const char *text, size_t len, size_t start,
                        wn_lex_fn fn, void *data)
{
    uint32_t node = 0;
    size_t t = start;
    unsigned end_hits = l->first + l->count;
    bool bounded = l->bounds == WN_LEX_BOUNDS_RIGHT || l->bounds == WN_LEX_BOUNDS_BOTH;
    while (t < len) {
        unsigned char c = (unsigned char)text[t];
        if (c < 0x80) {
            if (l->fold != WN_LEX_FOLD_EXACT && c >= 'A' && c <= 'Z')
                c += 32;
            node = step(node, c);
            t++;
        } else if (l->fold == WN_LEX_FOLD_UNICODE) {
            /* As prefix_ci() compared: code point by code point, lowered. */
            char folded[4];
            size_t n = wn_utf8_encode(wn_to_lower(wn_utf8_next(text, len, &t)), folded);
            for (size_t k = 0; k < n; k++)
                if (!(node = step(node, (unsigned char)folded[k])))
                    return true;
        } else {
            node = step(node, c);
            t++;
        }
        if (!node)
            return true;
        const wn_lex_node *nd = &wn_lex_nodes[node];
        for (unsigned h = 0; h < nd->hit_count; h++) {
            unsigned e = wn_lex_hits[nd->hits + h];
            if (e < l->first)
                continue;
            if (e >= end_hits)
                break;
            if (bounded && wn_lex_entries[e].boundary && t < len && alnum_ascii((unsigned char)text[t]))
                continue;
            if (!fn((int)e, start, t, data))
                return false;
        }
    }
    return true;
}

void wn_lex_prefixes(wn_lex_list list, const char *text, size_t len, size_t start, wn_lex_fn fn,
                     void *data)
{
    walk(&wn_lex_lists[list], text, len, start, fn, data);
}

void wn_lex_scan(wn_lex_list list, const char *text, size_t len, wn_lex_fn fn, void *data)
{
    const wn_lex_list_info *l = &wn_lex_lists[list];
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        /* No key starts inside a character, nor (ASCII) off the root. */
        if (c >= 0x80 && c < 0xC0)
            continue;
        if (c < 0x80 && !wn_lex_root[l->fold != WN_LEX_FOLD_EXACT && c >= 'A' && c <= 'Z' ? c + 32 : c])
            continue;
        if (l->bounds == WN_LEX_BOUNDS_BOTH && i && alnum_ascii((unsigned char)text[i - 1]))
            continue;
        if (!walk(l, text, len, i, fn, data))
            return;
    }
}

typedef struct first_match {
    size_t need;
    int entry;
    size_t end;
} first_match;

static bool take_first(int entry, size_t start, size_t end, void *data)
{
    (void)start;
    first_match *m = data;
    if (wn_lex_entries[entry].limit >= m->need && (m->entry < 0 || entry < m->entry)) {
        m->entry = entry;
        m->end = end;
    }
    return true;
}

int wn_lex_first(wn_lex_list list, const char *text, size_t len, size_t need, size_t *end)
{
    first_match m = {need, -1, 0};
    walk(&wn_lex_lists[list], text, len, 0, take_first, &m);
    if (m.entry >= 0 && end)
        *end = m.end;
    return m.entry;
}

typedef struct whole_match {
    size_t len;
    int entry;
} whole_match;

static bool take_whole(int entry, size_t start, size_t end, void *data)
{
    (void)start;
    whole_match *m = data;
    if (end == m->len && m->entry < 0)
        m->entry = entry;
    return true;
}

int wn_lex_whole(wn_lex_list list, const char *text, size_t len)
{
    whole_match m = {len, -1};
    walk(&wn_lex_lists[list], text, len, 0, take_whole, &m);
    return m.entry;
}

typedef struct suffix_match {
    size_t len, min_start, start;
    int entry;
} suffix_match;

static bool take_suffix(int entry, size_t start, size_t end, void *data)
{
    suffix_match *m = data;
    if (end == m->len && start >= m->min_start && (m->entry < 0 || entry < m->entry)) {
        m->entry = entry;
        m->start = start;
    }
    return true;
}

int wn_lex_suffix(wn_lex_list list, const char *text, size_t len, size_t min_start, size_t *start)
{
    suffix_match m = {len, min_start, 0, -1};
    wn_lex_scan(list, text, len, take_suffix, &m);
    if (m.entry >= 0 && start)
        *start = m.start;
    return m.entry;
}

static bool join_kinds(int entry, size_t start, size_t end, void *data)
{
    (void)start;
    (void)end;
    *(uint32_t *)data |= wn_lex_entries[entry].kinds;
    return true;
}

uint32_t wn_lex_kinds_at(wn_lex_list list, const char *text, size_t len)
{
    uint32_t kinds = 0;
    walk(&wn_lex_lists[list], text, len, 0, join_kinds, &kinds);
    return kinds;
}

uint32_t wn_lex_kinds_in(wn_lex_list list, const char *text, size_t len)
{
    uint32_t kinds = 0;
    wn_lex_scan(list, text, len, join_kinds, &kinds);
    return kinds;
}

static bool found(int entry, size_t start, size_t end, void *data)
{
    (void)entry;
    (void)start;
    (void)end;
    *(bool *)data = true;
    return false;
}

bool wn_lex_in(wn_lex_list list, const char *text, size_t len)
{
    bool any = false;
    wn_lex_scan(list, text, len, found, &any);
    return any;
}
