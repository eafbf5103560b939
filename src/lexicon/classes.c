#include "lexicon/classes.h"

#include <stdbool.h>
#include <string.h>

#include "lexicon/lexicon.h"

static const char *const LABEL_NAMES[WN_LABEL_COUNT] = {
    "none", "body", "title", "nav", "related", "comments", "tipjar", "share", "footer", "ad", "other",
};

const char *wn_label_name(wn_label label)
{
    return (unsigned)label < WN_LABEL_COUNT ? LABEL_NAMES[label] : "?";
}

static bool is_alnum_ascii(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static bool script_hook_at(const char *value, size_t len, size_t at)
{
    return at + 3 <= len && value[at] == 'j' && value[at + 1] == 's' &&
           (value[at + 2] == '-' || value[at + 2] == '_');
}

void wn_class_words(const char *value, size_t len, wn_class_word_fn fn, void *data)
{
    char word[WN_CLASS_WORD_MAX];
    size_t word_len = 0;
    unsigned token = 0;
    if (len > WN_CLASS_VALUE_MAX)
        len = WN_CLASS_VALUE_MAX;
    bool hook = script_hook_at(value, len, 0);
    for (size_t i = 0; i <= len; i++) {
        unsigned char c = i < len ? (unsigned char)value[i] : ' ';
        /* Most bytes: a lower-case letter or a digit goes on the word as it is. */
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (word_len < sizeof word)
                word[word_len++] = (char)c;
            continue;
        }
        bool alnum = is_alnum_ascii(c);
        bool upper = c >= 'A' && c <= 'Z';
        bool case_break = upper && i > 0 && value[i - 1] >= 'a' && value[i - 1] <= 'z';
        if ((!alnum || case_break) && word_len) {
            if (!hook)
                fn(word, word_len, token, data);
            word_len = 0;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            token++;
            hook = script_hook_at(value, len, i + 1);
            continue;
        }
        if (alnum && word_len < sizeof word)
            word[word_len++] = (char)(upper ? c + 32 : c);
    }
}

/* joined: the words, each name's run together and the names apart
 * ("related_posts main" -> "relatedposts main"), for the stem list. */
typedef struct hint_words {
    uint32_t hints;
    bool negated;
    bool live;        /* "live-comments", "live-match-comment": a live ticker's entries */
    unsigned token;
    char joined[256];
    size_t joined_len;
} hint_words;

static void add_hint_word(const char *word, size_t len, unsigned token, void *data)
{
    hint_words *h = data;
    /* "non-ad-column", "no-comments": a negated word says nothing. */
    if (!h->negated) {
        int e = wn_lex_whole(WN_LEX_CLASS_WORD, word, len);
        if (e >= 0)
            h->hints |= wn_lex_entries[e].kinds;
    }
    h->live |= wn_lex_may_start(WN_LEX_CLASS_LIVE, word, len) &&
               wn_lex_whole(WN_LEX_CLASS_LIVE, word, len) >= 0;
    h->negated = wn_lex_may_start(WN_LEX_CLASS_NEGATION, word, len) &&
                 wn_lex_whole(WN_LEX_CLASS_NEGATION, word, len) >= 0;
    if (token != h->token && h->joined_len && h->joined_len < sizeof h->joined - 1)
        h->joined[h->joined_len++] = ' ';
    h->token = token;
    for (size_t k = 0; k < len && h->joined_len < sizeof h->joined - 1; k++)
        h->joined[h->joined_len++] = word[k];
}

/* Where in the joined words a stem would follow "no", "non" or "not" at the
 * start of a class name ("no-comments" -> "nocomments"): one bit a byte. */
typedef struct stem_scan {
    uint64_t negated[4];
    uint32_t hints;
} stem_scan;

static bool mark_negated(int entry, size_t start, size_t end, void *data)
{
    stem_scan *s = data;
    s->negated[end / 64] |= 1ull << (end % 64);
    return true;
}

static bool add_stem(int entry, size_t start, size_t end, void *data)
{
    stem_scan *s = data;
    if (!(s->negated[start / 64] & (1ull << (start % 64))))
        s->hints |= wn_lex_entries[entry].kinds;
    return true;
}

uint32_t wn_hints_from_attribute(const char *value, size_t len)
{
    hint_words h = {0};
    wn_class_words(value, len, add_hint_word, &h);
    stem_scan s = {{0}, 0};
    for (size_t i = 0; i < h.joined_len; i++)
        if (i == 0 || h.joined[i - 1] == ' ')
            wn_lex_prefixes(WN_LEX_CLASS_NEGATION, h.joined, h.joined_len, i, mark_negated, &s);
    wn_lex_scan(WN_LEX_CLASS_STEM, h.joined, h.joined_len, add_stem, &s);
    h.hints |= s.hints;
    /* A live ticker's "comments" are the reporter's, not the readers'. */
    if (h.live)
        h.hints &= ~WN_HINT_COMMENTS;
    return h.hints;
}

/* The first word of a name read apart: its hints go to *first, as if no
 * negation came before it; the others as add_hint_word() reads them. */
typedef struct name_words {
    hint_words h;
    unsigned words;
    uint32_t first;
} name_words;

static void add_name_word(const char *word, size_t len, unsigned token, void *data)
{
    name_words *n = data;
    add_hint_word(word, len, token, &n->h);
    if (n->words++ == 0) {
        n->first = n->h.hints;
        n->h.hints = 0;
    }
}

void wn_name_hints_of(const char *name, size_t len, wn_name_hints *out)
{
    memset(out, 0, sizeof *out);
    if (len > WN_NAME_HINTS_VALUE_MAX)
        len = WN_NAME_HINTS_VALUE_MAX;
    name_words n;
    /* (the joined words need no zeroing: joined_len says how many there are) */
    n.h.hints = 0;
    n.h.negated = n.h.live = false;
    n.h.token = 0;
    n.h.joined_len = 0;
    n.words = 0;
    n.first = 0;
    wn_class_words(name, len, add_name_word, &n);
    stem_scan s = {{0}, 0};
    if (n.h.joined_len)
        wn_lex_prefixes(WN_LEX_CLASS_NEGATION, n.h.joined, n.h.joined_len, 0, mark_negated, &s);
    wn_lex_scan(WN_LEX_CLASS_STEM, n.h.joined, n.h.joined_len, add_stem, &s);
    out->first = n.first;
    out->rest = n.h.hints | s.hints;
    out->words = n.words > 0;
    out->negates = n.h.negated;
    out->live = n.h.live;
}

uint32_t wn_hints_from_role(const char *value, size_t len)
{
    int e = wn_lex_whole(WN_LEX_ROLE, value, len);
    return e >= 0 ? wn_lex_entries[e].kinds : 0;
}

wn_label wn_label_from_hints(uint32_t hints)
{
    if (hints & WN_HINT_COMMENTS) return WN_LABEL_COMMENTS;
    if (hints & WN_HINT_RELATED) return WN_LABEL_RELATED;
    if (hints & WN_HINT_TIPJAR) return WN_LABEL_TIPJAR;
    if (hints & WN_HINT_SHARE) return WN_LABEL_SHARE;
    if (hints & WN_HINT_AD) return WN_LABEL_AD;
    if (hints & WN_HINT_FOOTER) return WN_LABEL_FOOTER;
    if (hints & (WN_HINT_NAV | WN_HINT_HEADER | WN_HINT_SIDEBAR)) return WN_LABEL_NAV;
    if (hints & (WN_HINT_WIDGET | WN_HINT_META | WN_HINT_HIDDEN | WN_HINT_GALLERY)) return WN_LABEL_OTHER;
    return WN_LABEL_NONE;
}
