/* The attributes the block tree reads and the hints of class, id, role
 * and itemprop (blocks_internal.h). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "blocks/blocks_internal.h"
#include "lexicon/lexicon.h"
#include "utf8.h"

static uint32_t tag_hints(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_NAV: return WN_HINT_NAV;
    case GUMBO_TAG_ASIDE: return WN_HINT_SIDEBAR;
    case GUMBO_TAG_FOOTER: return WN_HINT_FOOTER;
    case GUMBO_TAG_HEADER: return WN_HINT_HEADER;
    case GUMBO_TAG_ARTICLE: return WN_HINT_POSITIVE;
    case GUMBO_TAG_MAIN: return WN_HINT_POSITIVE;
    default: return 0;
    }
}

/* ---- attributes --------------------------------------------------------------- */

const char *wn_blk_attribute(const GumboElement *el, const char *name)
{
    const GumboVector *attrs = &el->attributes;
    /* Hostile pages carry thousands of attributes; the ones we read come first. */
    unsigned limit = attrs->length < 64 ? attrs->length : 64;
    for (unsigned i = 0; i < limit; i++) {
        const GumboAttribute *a = attrs->data[i];
        if (strcasecmp(a->name, name) == 0)
            return a->value;
    }
    return NULL;
}

static const char *const ATTR_NAMES[A_COUNT] = {
    "class", "id", "role", "itemprop", "style", "hidden", "aria-hidden", "href", "rel",
    "content", "property", "name", "http-equiv", "datetime", "aria-modal"};

static int ascii_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

void wn_blk_read_attributes(const GumboElement *el, attr_set *set)
{
    memset(set, 0, sizeof *set);
    const GumboVector *attrs = &el->attributes;
    unsigned limit = attrs->length < 64 ? attrs->length : 64;
    for (unsigned i = 0; i < limit; i++) {
        const GumboAttribute *a = attrs->data[i];
        int first = ascii_lower((unsigned char)a->name[0]);
        for (unsigned k = 0; k < A_COUNT; k++) {
            if (ATTR_NAMES[k][0] != first || set->v[k] || strcasecmp(a->name, ATTR_NAMES[k]) != 0)
                continue;
            set->v[k] = a->value;
            break;
        }
    }
}

bool wn_blk_hidden(const GumboElement *el)
{
    /* wn_blk_read_attributes() of the three names wn_blk_element_hidden() reads */
    static const unsigned names[] = {A_HIDDEN, A_ARIA_HIDDEN, A_STYLE};
    attr_set set;
    memset(&set, 0, sizeof set);
    const GumboVector *attrs = &el->attributes;
    unsigned limit = attrs->length < 64 ? attrs->length : 64;
    for (unsigned i = 0; i < limit; i++) {
        const GumboAttribute *a = attrs->data[i];
        int first = ascii_lower((unsigned char)a->name[0]);
        for (unsigned j = 0; j < sizeof names / sizeof *names; j++) {
            unsigned k = names[j];
            if (ATTR_NAMES[k][0] != first || set.v[k] || strcasecmp(a->name, ATTR_NAMES[k]) != 0)
                continue;
            set.v[k] = a->value;
            break;
        }
    }
    return wn_blk_element_hidden(&set);
}

bool wn_blk_contains_ci(const char *hay, const char *needle)
{
    return wn_find_ci(hay, needle) != NULL;
}

/* The style without spaces, tabs and newlines, cut to size - 1 bytes. */
static void compact_style(const char *style, char *compact, size_t size)
{
    size_t n = 0;
    for (const char *p = style; *p && n < size - 1; p++)
        if (*p != ' ' && *p != '\t' && *p != '\n')
            compact[n++] = *p;
    compact[n] = '\0';
}

/* display:none in an inline style (spaces ignored). visibility:hidden is
 * not taken as hidden: pages use it to reveal the article by script (the
 * WeChat article layout does), while clutter is hidden with display:none. */
static bool style_hides(const char *style)
{
    char compact[256];
    compact_style(style, compact, sizeof compact);
    return wn_blk_contains_ci(compact, "display:none");
}

/* The white-space an inline style sets: 1 keeps the text's line breaks
 * and spaces (pre, pre-wrap, pre-line, break-spaces: pre-line's runs of
 * spaces are kept too), 0 collapses them (normal, nowrap), -1 says
 * nothing. */
int wn_blk_style_white_space(const char *style)
{
    char compact[256];
    compact_style(style, compact, sizeof compact);
    const char *last = NULL;
    for (const char *p = compact; (p = strstr(p, "white-space:")) != NULL; p++)
        last = p + sizeof "white-space:" - 1; /* the last declaration wins */
    if (!last)
        return -1;
    if (strncasecmp(last, "pre", 3) == 0 || strncasecmp(last, "break-spaces", 12) == 0)
        return 1;
    if (strncasecmp(last, "normal", 6) == 0 || strncasecmp(last, "nowrap", 6) == 0)
        return 0;
    return -1;
}

bool wn_blk_element_hidden(const attr_set *a)
{
    if (a->v[A_HIDDEN])
        return true;
    const char *aria = a->v[A_ARIA_HIDDEN];
    if (aria && strcasecmp(aria, "true") == 0)
        return true;
    const char *style = a->v[A_STYLE];
    return style && style_hides(style);
}

static uint32_t hash_bytes(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

/* The table with room for one more key: allocated at its first use,
 * doubled (its keys placed again) when three quarters full, up to
 * HINT_CACHE_SLOTS. False when it takes no more. */
static bool hint_room(hint_table *t)
{
    if (t->failed)
        return false;
    if (t->size && t->used < t->size / 4 * 3)
        return true;
    if (t->size >= HINT_CACHE_SLOTS)
        return false;
    unsigned size = t->size ? t->size * 2 : HINT_CACHE_FIRST;
    hint_slot *slots = calloc(size, sizeof *slots);
    if (!slots) {
        t->failed = true;
        return false;
    }
    for (unsigned i = 0; i < t->size; i++) {
        const hint_slot *old = &t->slots[i];
        if (!old->key)
            continue;
        unsigned k = old->hash & (size - 1);
        while (slots[k].key)
            k = (k + 1) & (size - 1);
        slots[k] = *old;
    }
    free(t->slots);
    t->slots = slots;
    t->size = size;
    return true;
}

/* The first empty slot from h's place on (a table is never full). */
static hint_slot *hint_empty(hint_table *t, uint32_t h)
{
    uint32_t k = h & (t->size - 1);
    while (t->slots[k].key)
        k = (k + 1) & (t->size - 1);
    return &t->slots[k];
}

/* The slot of key, or the empty slot where it would go (NULL: the table
 * takes no more). */
static hint_slot *hint_find(hint_table *t, const char *key, size_t len, uint32_t h, bool *found)
{
    *found = false;
    if (t->slots) {
        for (uint32_t k = h & (t->size - 1);; k = (k + 1) & (t->size - 1)) {
            hint_slot *slot = &t->slots[k];
            if (!slot->key) {
                if (t->used < t->size / 4 * 3)
                    return slot;
                break;
            }
            if (slot->hash == h && slot->len == len && memcmp(slot->key, key, len) == 0) {
                *found = true;
                return slot;
            }
        }
    }
    return hint_room(t) ? hint_empty(t, h) : NULL;
}

static void hint_store(hint_table *t, hint_slot *slot, const char *key, size_t len, uint32_t h,
                       const wn_name_hints *hints)
{
    if (!slot)
        return;
    slot->key = key;
    slot->len = (uint32_t)len;
    slot->hash = h;
    slot->hints = *hints;
    t->used++;
}

void wn_blk_hint_cache_free(hint_cache *cache)
{
    free(cache->values.slots);
    free(cache->names.slots);
    memset(cache, 0, sizeof *cache);
}

/* wn_hints_from_attribute() of a value, read name by name
 * (wn_name_hints_of()). */
static uint32_t hints_by_names(hint_cache *cache, const char *value, size_t len)
{
    uint32_t hints = 0;
    bool negated = false, live = false;
    size_t i = 0;
    while (i < len) {
        while (i < len && wn_class_space(value[i]))
            i++;
        size_t start = i;
        while (i < len && !wn_class_space(value[i]))
            i++;
        if (i == start)
            break;
        const char *name = value + start;
        size_t n = i - start;
        uint32_t h = hash_bytes(name, n);
        bool found;
        hint_slot *slot = hint_find(&cache->names, name, n, h, &found);
        wn_name_hints p;
        if (found) {
            p = slot->hints;
        } else {
            wn_name_hints_of(name, n, &p);
            hint_store(&cache->names, slot, name, n, h, &p);
        }
        if (!p.words)
            continue;
        hints |= p.rest | (negated ? 0 : p.first);
        negated = p.negates;
        live |= p.live;
    }
    if (live)
        hints &= ~WN_HINT_COMMENTS;
    return hints;
}

static uint32_t hints_of_value(hint_cache *cache, const char *value)
{
    size_t len = strlen(value);
    if (len > WN_NAME_HINTS_VALUE_MAX)
        return wn_hints_from_attribute(value, len);
    uint32_t h = hash_bytes(value, len);
    bool found;
    hint_slot *slot = hint_find(&cache->values, value, len, h, &found);
    if (found)
        return slot->hints.rest;
    wn_name_hints v = {0, hints_by_names(cache, value, len), false, false, false};
    hint_store(&cache->values, slot, value, len, h, &v);
    return v.rest;
}

uint32_t wn_blk_element_hints(hint_cache *cache, const GumboElement *el, const attr_set *a,
                              const char *cls, const char *id)
{
    uint32_t hints = tag_hints(el->tag);
    if (cls)
        hints |= hints_of_value(cache, cls);
    if (id)
        hints |= hints_of_value(cache, id);
    const char *role = a->v[A_ROLE];
    if (role)
        hints |= wn_hints_from_role(role, strlen(role));
    /* A modal box (role=dialog gives the bit through the role words). */
    const char *modal = a->v[A_ARIA_MODAL];
    if (modal && strcasecmp(modal, "true") == 0)
        hints |= WN_HINT_DIALOG;
    const char *itemprop = a->v[A_ITEMPROP];
    if (itemprop && wn_lex_whole(WN_LEX_ITEMPROP_BODY, itemprop, strlen(itemprop)) >= 0)
        hints |= WN_HINT_STRONG | WN_HINT_POSITIVE;
    /* A container that is both "content" and clutter is decided by its text. */
    return hints;
}
