#include "lexicon/lexicon.h"

#include "utf8.h"

static bool alnum_ascii(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* alnum_ascii() of every byte: the scans test it at every place. */
#define ALNUM_ROW(b) ((b) >= '0' && (b) <= '9') || ((b) >= 'A' && (b) <= 'Z') || ((b) >= 'a' && (b) <= 'z')
#define ALNUM_8(b) ALNUM_ROW(b), ALNUM_ROW(b + 1), ALNUM_ROW(b + 2), ALNUM_ROW(b + 3), \
                   ALNUM_ROW(b + 4), ALNUM_ROW(b + 5), ALNUM_ROW(b + 6), ALNUM_ROW(b + 7)
#define ALNUM_64(b) ALNUM_8(b), ALNUM_8(b + 8), ALNUM_8(b + 16), ALNUM_8(b + 24), \
                    ALNUM_8(b + 32), ALNUM_8(b + 40), ALNUM_8(b + 48), ALNUM_8(b + 56)
static const bool ALNUM[256] = {ALNUM_64(0), ALNUM_64(64), ALNUM_64(128), ALNUM_64(192)};

/* The child of a node other than the root by byte; 0 if none. */
static inline uint32_t child(uint32_t node, unsigned char byte)
{
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

/* The child of node by byte; 0 if none. start: the list's root edges. */
static inline uint32_t step(const uint16_t *start, uint32_t node, unsigned char byte)
{
    return start ? start[byte] : child(node, byte);
}

/* A text's next byte as the list folds it (ASCII only; other bytes go
 * through fold_next). */
static inline unsigned char fold_ascii(const wn_lex_list_info *l, unsigned char c)
{
    return l->fold != WN_LEX_FOLD_EXACT && c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* Bytes of a character no reader sees at text[t] (0 for any other): the
 * soft hyphen U+00AD, the zero-width space U+200B, the word joiner U+2060
 * and the zero-width no-break space U+FEFF. Pages put them inside words
 * ("Ver<U+00AD>wandte Ar<U+00AD>tikel"); a match steps over them, and no key
 * holds one. */
static inline size_t invisible_at(const char *text, size_t len, size_t t)
{
    const unsigned char *s = (const unsigned char *)text + t;
    size_t left = len - t;
    if (s[0] == 0xC2)
        return left >= 2 && s[1] == 0xAD ? 2 : 0;
    if (left < 3)
        return 0;
    if (s[0] == 0xE2)
        return (s[1] == 0x80 && s[2] == 0x8B) || (s[1] == 0x81 && s[2] == 0xA0) ? 3 : 0;
    return s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF ? 3 : 0;
}

/* Walks the trie over text[start..] folded as the list folds, reporting the
 * list's entries that end at each node reached. Returns false if fn stopped
 * it. The first character steps from the list's root table and is never
 * stepped over as invisible; the others go through child(). */
static bool walk(const wn_lex_list_info *l, const char *text, size_t len, size_t start,
                 wn_lex_fn fn, void *data)
{
    if (start >= len)
        return true;
    const uint16_t *root = wn_lex_starts[l - wn_lex_lists];
    const bool fold = l->fold != WN_LEX_FOLD_EXACT;
    const bool unicode = l->fold == WN_LEX_FOLD_UNICODE;
    const bool bounded = l->bounds == WN_LEX_BOUNDS_RIGHT || l->bounds == WN_LEX_BOUNDS_BOTH;
    size_t t = start;
    uint32_t node;
    unsigned char c = (unsigned char)text[t];
    if (c < 0x80 || !unicode) {
        node = root[c]; /* upper case as lower (the list's fold) */
        t++;
    } else {
        /* As prefix_ci() compared: code point by code point, lowered. */
        char folded[4];
        size_t n = wn_utf8_encode(wn_to_lower(wn_utf8_next(text, len, &t)), folded);
        node = root[(unsigned char)folded[0]];
        for (size_t k = 1; k < n && node; k++)
            node = child(node, (unsigned char)folded[k]);
    }
    for (;;) {
        if (!node)
            return true;
        const wn_lex_node *nd = &wn_lex_nodes[node];
        for (unsigned h = 0; h < nd->hit_count; h++) {
            unsigned e = wn_lex_hits[nd->hits + h];
            if (bounded && wn_lex_entries[e].boundary && t < len && alnum_ascii((unsigned char)text[t]))
                continue;
            if (!fn((int)e, start, t, data))
                return false;
        }
        /* The next character, past any a reader does not see. */
        for (;;) {
            if (t >= len)
                return true;
            c = (unsigned char)text[t];
            size_t skip = c >= 0xC2 ? invisible_at(text, len, t) : 0;
            if (!skip)
                break;
            t += skip;
        }
        if (c < 0x80 || !unicode) {
            node = child(node, fold && c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c);
            t++;
        } else {
            char folded[4];
            size_t n = wn_utf8_encode(wn_to_lower(wn_utf8_next(text, len, &t)), folded);
            for (size_t k = 0; k < n && node; k++)
                node = child(node, (unsigned char)folded[k]);
        }
    }
}

void wn_lex_prefixes(wn_lex_list list, const char *text, size_t len, size_t start, wn_lex_fn fn,
                     void *data)
{
    walk(&wn_lex_lists[list], text, len, start, fn, data);
}

/* The matches that start at text[i], reported as walk() reports them;
 * false when fn stopped the scan. */
static inline bool scan_at(const wn_lex_list_info *l, const uint16_t *root, const char *text,
                           size_t len, size_t i, wn_lex_fn fn, void *data)
{
    unsigned char c = (unsigned char)text[i];
    /* No key starts inside a character; an ASCII byte that starts none
     * starts no match (a non-ASCII one may lower to one that does). The
     * root table takes an upper-case ASCII byte as its lower case. */
    uint32_t node = root[c];
    if (c >= 0x80) {
        node = 0;
        if (c < 0xC0 || (l->fold != WN_LEX_FOLD_UNICODE && !root[c]))
            return true;
    } else if (!node) {
        return true;
    }
    /* Most starts end at the second byte: an ASCII first byte whose
     * node ends no entry, then an ASCII byte with no edge (or the
     * text's end), reports nothing; walk() is not called for it. */
    if (node && !wn_lex_nodes[node].hit_count) {
        if (i + 1 >= len)
            return true;
        unsigned char d = (unsigned char)text[i + 1];
        bool fold = l->fold != WN_LEX_FOLD_EXACT;
        if (d < 0x80 && !child(node, fold && d >= 'A' && d <= 'Z' ? (unsigned char)(d + 32) : d))
            return true;
    }
    return walk(l, text, len, i, fn, data);
}

void wn_lex_scan(wn_lex_list list, const char *text, size_t len, wn_lex_fn fn, void *data)
{
    const wn_lex_list_info *l = &wn_lex_lists[list];
    const uint16_t *root = wn_lex_starts[list];
    const unsigned char *bytes = (const unsigned char *)text;
    if (l->bounds != WN_LEX_BOUNDS_BOTH) {
        for (size_t i = 0; i < len; i++)
            if (root[bytes[i]] || bytes[i] >= 0x80)
                if (!scan_at(l, root, text, len, i, fn, data))
                    return;
        return;
    }
    /* Bounded on both sides: no match starts right after an ASCII letter
     * or digit, so the scan runs over each run of them past its first. */
    for (size_t i = 0; i < len; i++) {
        if (i && ALNUM[bytes[i - 1]]) {
            while (i < len && ALNUM[bytes[i]])
                i++;
            continue; /* bytes[i] too follows the run */
        }
        if ((root[bytes[i]] || bytes[i] >= 0x80) && !scan_at(l, root, text, len, i, fn, data))
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

int wn_lex_whole(wn_lex_list list, const char *text, size_t len)
{
    /* The node the whole text leads to, and the entry that ends there. */
    const wn_lex_list_info *l = &wn_lex_lists[list];
    const uint16_t *from = wn_lex_starts[list];
    uint32_t node = 0;
    for (size_t t = 0; t < len;) {
        unsigned char c = (unsigned char)text[t];
        if (c < 0x80 || l->fold != WN_LEX_FOLD_UNICODE) {
            node = step(from, node, fold_ascii(l, c));
            t++;
            from = NULL;
        } else {
            char folded[4];
            size_t n = wn_utf8_encode(wn_to_lower(wn_utf8_next(text, len, &t)), folded);
            for (size_t k = 0; k < n && (from || node); k++) {
                node = step(from, node, (unsigned char)folded[k]);
                from = NULL;
            }
        }
        if (!node)
            return -1;
    }
    const wn_lex_node *nd = &wn_lex_nodes[node];
    return node && nd->hit_count ? (int)wn_lex_hits[nd->hits] : -1;
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
    *(bool *)data = true;
    return false;
}

bool wn_lex_in(wn_lex_list list, const char *text, size_t len)
{
    bool any = false;
    wn_lex_scan(list, text, len, found, &any);
    return any;
}
