/* Tokeniser and metrics of shared/bench/score.py; see score.h. */
#include "score.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

/* ------------------------------------------------------------- decoding */

size_t ev_utf8_next(const unsigned char *s, size_t n, size_t i, int32_t *cp, int *valid)
{
    unsigned lead = s[i];
    if (lead < 0x80) {
        *cp = (int32_t)lead;
        *valid = 1;
        return 1;
    }

    size_t need;
    unsigned lo = 0x80, hi = 0xBF;
    int32_t value;
    if (lead >= 0xC2 && lead <= 0xDF) {
        need = 1;
        value = (int32_t)(lead & 0x1F);
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        need = 2;
        value = (int32_t)(lead & 0x0F);
        if (lead == 0xE0)
            lo = 0xA0;          /* no overlong forms */
        else if (lead == 0xED)
            hi = 0x9F;          /* no surrogates */
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        need = 3;
        value = (int32_t)(lead & 0x07);
        if (lead == 0xF0)
            lo = 0x90;          /* no overlong forms */
        else if (lead == 0xF4)
            hi = 0x8F;          /* nothing above U+10FFFF */
    } else {
        /* a stray continuation byte, C0, C1 or F5..FF */
        *cp = EV_REPLACEMENT;
        *valid = 0;
        return 1;
    }

    size_t taken = 1;
    while (taken <= need && i + taken < n) {
        unsigned c = s[i + taken];
        if (c < lo || c > hi)
            break;
        value = (int32_t)(((uint32_t)value << 6) | (c & 0x3F));
        lo = 0x80;
        hi = 0xBF;
        taken++;
    }
    if (taken == need + 1) {
        *cp = value;
        *valid = 1;
    } else {
        /* maximal invalid subpart: the lead byte and the continuation bytes
         * that were still acceptable */
        *cp = EV_REPLACEMENT;
        *valid = 0;
    }
    return taken;
}

static size_t utf8_put(unsigned char *out, int32_t cp)
{
    uint32_t c = (uint32_t)cp;
    if (c < 0x80) {
        out[0] = (unsigned char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (unsigned char)(0xC0 | (c >> 6));
        out[1] = (unsigned char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (unsigned char)(0xE0 | (c >> 12));
        out[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (unsigned char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (unsigned char)(0xF0 | (c >> 18));
    out[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (unsigned char)(0x80 | (c & 0x3F));
    return 4;
}

/* Room for the decoded copy of n bytes: an invalid byte can grow to the
 * three bytes of U+FFFD, nothing grows more. */
static unsigned char *alloc_decoded(size_t n)
{
    if (n > (SIZE_MAX - 1) / 3)
        return NULL;
    return malloc(3 * n + 1);
}

char *ev_utf8_clean(const char *s, size_t n, size_t *out_len, size_t *n_invalid)
{
    const unsigned char *in = (const unsigned char *)s;
    unsigned char *out = alloc_decoded(n);
    if (!out)
        return NULL;
    size_t o = 0, bad = 0;
    for (size_t i = 0; i < n;) {
        if (in[i] < 0x80) {
            out[o++] = in[i++];
            continue;
        }
        int32_t cp;
        int valid;
        size_t len = ev_utf8_next(in, n, i, &cp, &valid);
        if (valid) {
            memcpy(out + o, in + i, len);
            o += len;
        } else {
            o += utf8_put(out + o, EV_REPLACEMENT);
            bad++;
        }
        i += len;
    }
    out[o] = 0;
    if (out_len)
        *out_len = o;
    if (n_invalid)
        *n_invalid = bad;
    return (char *)out;
}

/* ---------------------------------------------------- character classes */

/* Code points that Unicode 15.0 assigned as letters or numbers and that
 * Unicode 14.0 (the database of Python 3.11, the reference) leaves
 * unassigned, hence not \w for score.py. utf8proc 2.8 knows Unicode 15.0. */
static const int32_t new_in_unicode15[][2] = {
    {0x1123F, 0x11240}, {0x11F02, 0x11F02}, {0x11F04, 0x11F10}, {0x11F12, 0x11F33},
    {0x11F50, 0x11F59}, {0x1342F, 0x1342F}, {0x13441, 0x13446}, {0x1B132, 0x1B132},
    {0x1B155, 0x1B155}, {0x1D2C0, 0x1D2D3}, {0x1DF25, 0x1DF2A}, {0x1E030, 0x1E06D},
    {0x1E4D0, 0x1E4EB}, {0x1E4F0, 0x1E4F9}, {0x2B739, 0x2B739}, {0x31350, 0x323AF},
};

static int unicode_newer_than_14(void)
{
    const char *v = utf8proc_unicode_version();
    int major = 0;
    for (; *v >= '0' && *v <= '9'; v++)
        major = major * 10 + (*v - '0');
    return major > 14;
}

static int unknown_to_python(int32_t cp)
{
    size_t count = sizeof new_in_unicode15 / sizeof new_in_unicode15[0];
    if (cp < new_in_unicode15[0][0] || cp > new_in_unicode15[count - 1][1])
        return 0;
    for (size_t k = 0; k < count; k++) {
        if (cp < new_in_unicode15[k][0])
            return 0;
        if (cp <= new_in_unicode15[k][1])
            return unicode_newer_than_14();
    }
    return 0;
}

int ev_is_word(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
               (cp >= 'a' && cp <= 'z') || cp == '_';
    if (cp > 0x10FFFF)
        return 0;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return !unknown_to_python(cp);
    default:
        return 0;
    }
}

int ev_is_cjk(int32_t cp)
{
    /* score.py's CJK constant */
    static const int32_t ranges[][2] = {
        {0x2E80, 0x2FDF}, {0x3005, 0x3005}, {0x3007, 0x3007}, {0x3021, 0x3029},
        {0x3038, 0x303B}, {0x3040, 0x30FF}, {0x3100, 0x312F}, {0x3130, 0x318F},
        {0x31A0, 0x31FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xAC00, 0xD7AF},
        {0xF900, 0xFAFF}, {0x20000, 0x3134F},
    };
    if (cp < 0x2E80)
        return 0;
    for (size_t k = 0; k < sizeof ranges / sizeof ranges[0]; k++) {
        if (cp < ranges[k][0])
            return 0;
        if (cp <= ranges[k][1])
            return 1;
    }
    return 0;
}

int ev_is_space(int32_t cp)
{
    /* str.isspace(): categories Zs, Zl, Zp and bidi classes WS, B, S */
    if (cp <= 0x20)
        return (cp >= 0x09 && cp <= 0x0D) || cp >= 0x1C;
    if (cp < 0x85)
        return 0;
    switch (cp) {
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
    case 0x202F: case 0x205F: case 0x3000:
        return 1;
    default:
        return cp >= 0x2000 && cp <= 0x200A;
    }
}

/* -------------------------------------------------- whitespace and search */

char *ev_squash(const char *s, size_t n, size_t *out_len)
{
    const unsigned char *in = (const unsigned char *)s;
    unsigned char *out = alloc_decoded(n);
    if (!out)
        return NULL;
    size_t o = 0;
    int pending_space = 0;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        int valid;
        size_t len = ev_utf8_next(in, n, i, &cp, &valid);
        if (valid && ev_is_space(cp)) {
            pending_space = 1;
        } else {
            if (pending_space && o > 0)
                out[o++] = ' ';
            pending_space = 0;
            if (valid) {
                memcpy(out + o, in + i, len);
                o += len;
            } else {
                o += utf8_put(out + o, EV_REPLACEMENT);
            }
        }
        i += len;
    }
    out[o] = 0;
    if (out_len)
        *out_len = o;
    return (char *)out;
}

int ev_is_blank(const char *s, size_t n)
{
    const unsigned char *in = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        int valid;
        size_t len = ev_utf8_next(in, n, i, &cp, &valid);
        if (!valid || !ev_is_space(cp))
            return 0;
        i += len;
    }
    return 1;
}

int ev_contains(const char *hay, size_t hn, const char *needle, size_t nn)
{
    if (nn == 0)
        return 1;
    if (nn > hn)
        return 0;
    if (nn == 1)
        return memchr(hay, needle[0], hn) != NULL;

    /* Boyer-Moore-Horspool. On valid UTF-8 a byte match is a character
     * match: the needle starts with a lead byte. */
    const unsigned char *h = (const unsigned char *)hay;
    const unsigned char *p = (const unsigned char *)needle;
    size_t shift[256];
    for (size_t k = 0; k < 256; k++)
        shift[k] = nn;
    for (size_t k = 0; k + 1 < nn; k++)
        shift[p[k]] = nn - 1 - k;
    unsigned char last = p[nn - 1];
    for (size_t at = 0; at <= hn - nn;) {
        unsigned char c = h[at + nn - 1];
        if (c == last && memcmp(h + at, p, nn - 1) == 0)
            return 1;
        at += shift[c];
    }
    return 0;
}

/* ------------------------------------------------------------ tokeniser */

static int tokens_push(ev_tokens *t, size_t off, size_t len)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 256;
        if (cap > SIZE_MAX / sizeof *t->v)
            return -1;
        ev_token *v = realloc(t->v, cap * sizeof *v);
        if (!v)
            return -1;
        t->v = v;
        t->cap = cap;
    }
    t->v[t->n].off = off;
    t->v[t->n].len = len;
    t->n++;
    return 0;
}

int ev_tokenize(const char *s, size_t n, ev_tokens *out)
{
    const unsigned char *in = (const unsigned char *)s;
    size_t run_start = 0;
    int in_run = 0;
    out->n = 0;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        int valid;
        size_t len;
        if (in[i] < 0x80) {
            cp = in[i];
            valid = 1;
            len = 1;
        } else {
            len = ev_utf8_next(in, n, i, &cp, &valid);
        }
        int cjk = valid && cp >= 0x2E80 && ev_is_cjk(cp);
        int word = !cjk && valid && ev_is_word(cp);
        if (word) {
            if (!in_run) {
                run_start = i;
                in_run = 1;
            }
        } else {
            if (in_run) {
                if (tokens_push(out, run_start, i - run_start))
                    return -1;
                in_run = 0;
            }
            if (cjk && tokens_push(out, i, len))
                return -1;
        }
        i += len;
    }
    if (in_run && tokens_push(out, run_start, n - run_start))
        return -1;
    return 0;
}

void ev_tokens_free(ev_tokens *t)
{
    if (!t)
        return;
    free(t->v);
    t->v = NULL;
    t->n = t->cap = 0;
}

/* ------------------------------------------------------ shingle overlap */

static uint64_t mix64(uint64_t x)
{
    x ^= x >> 30;
    x *= UINT64_C(0xBF58476D1CE4E5B9);
    x ^= x >> 27;
    x *= UINT64_C(0x94D049BB133111EB);
    x ^= x >> 31;
    return x;
}

static uint64_t hash_bytes(const unsigned char *p, size_t n)
{
    uint64_t h = UINT64_C(0x243F6A8885A308D3) ^ (uint64_t)n;
    while (n >= 8) {
        uint64_t w = 0;
        for (int b = 0; b < 8; b++)
            w |= (uint64_t)p[b] << (8 * b);
        h = mix64(h ^ w);
        p += 8;
        n -= 8;
    }
    uint64_t w = 0;
    for (size_t b = 0; b < n; b++)
        w |= (uint64_t)p[b] << (8 * b);
    return mix64(h ^ w ^ UINT64_C(0x9E3779B97F4A7C15));
}

/* Tokens are interned to small integers (exact byte comparison), shingles
 * are then exact keys of four token ids; no hash collision can merge two
 * different shingles. */
typedef struct intern_slot {
    const unsigned char *bytes;  /* NULL: free slot */
    size_t len;
    uint64_t hash;
    uint32_t id;
} intern_slot;

#define NO_TOKEN UINT32_MAX      /* pads the key of a 1-3 token shingle */

typedef struct shingle_slot {
    uint32_t key[EV_SHINGLE];
    uint32_t gold, pred;         /* both 0: free slot */
} shingle_slot;

struct ev_scorer {
    ev_tokens gold_tokens, pred_tokens;
    uint32_t *gold_ids, *pred_ids;
    size_t gold_ids_cap, pred_ids_cap;
    intern_slot *interned;
    size_t interned_cap;
    shingle_slot *shingles;
    size_t shingles_cap;
};

ev_scorer *ev_scorer_new(void)
{
    return calloc(1, sizeof(ev_scorer));
}

void ev_scorer_free(ev_scorer *scorer)
{
    if (!scorer)
        return;
    ev_tokens_free(&scorer->gold_tokens);
    ev_tokens_free(&scorer->pred_tokens);
    free(scorer->gold_ids);
    free(scorer->pred_ids);
    free(scorer->interned);
    free(scorer->shingles);
    free(scorer);
}

static int grow(void **buf, size_t *cap, size_t want, size_t elem)
{
    if (*cap >= want)
        return 0;
    if (want > SIZE_MAX / elem)
        return -1;
    void *p = realloc(*buf, want * elem);
    if (!p)
        return -1;
    *buf = p;
    *cap = want;
    return 0;
}

/* A power of two at least twice `items` (load factor <= 1/2). */
static size_t table_size(size_t items)
{
    size_t size = 16;
    while (size < 2 * items + 2)
        size *= 2;
    return size;
}

static uint32_t intern(intern_slot *table, size_t mask, uint32_t *next_id,
                       const unsigned char *bytes, size_t len)
{
    uint64_t h = hash_bytes(bytes, len);
    for (size_t at = (size_t)h & mask;; at = (at + 1) & mask) {
        intern_slot *slot = &table[at];
        if (!slot->bytes) {
            slot->bytes = bytes;
            slot->len = len;
            slot->hash = h;
            slot->id = (*next_id)++;
            return slot->id;
        }
        if (slot->hash == h && slot->len == len && memcmp(slot->bytes, bytes, len) == 0)
            return slot->id;
    }
}

static uint64_t shingle_hash(const uint32_t key[EV_SHINGLE])
{
    uint64_t a = ((uint64_t)key[0] << 32) | key[1];
    uint64_t b = ((uint64_t)key[2] << 32) | key[3];
    return mix64(mix64(a ^ UINT64_C(0x6A09E667F3BCC908)) + b);
}

static void count_shingle(shingle_slot *table, size_t mask, const uint32_t key[EV_SHINGLE],
                          int is_gold)
{
    for (size_t at = (size_t)shingle_hash(key) & mask;; at = (at + 1) & mask) {
        shingle_slot *slot = &table[at];
        if (slot->gold == 0 && slot->pred == 0) {
            memcpy(slot->key, key, sizeof slot->key);
        } else if (memcmp(slot->key, key, sizeof slot->key) != 0) {
            continue;
        }
        if (is_gold)
            slot->gold++;
        else
            slot->pred++;
        return;
    }
}

static size_t shingle_count(size_t tokens)
{
    if (tokens == 0)
        return 0;
    return tokens < EV_SHINGLE ? 1 : tokens - EV_SHINGLE + 1;
}

static void count_all(shingle_slot *table, size_t mask, const uint32_t *ids, size_t n, int is_gold)
{
    uint32_t key[EV_SHINGLE];
    if (n == 0)
        return;
    if (n < EV_SHINGLE) {
        for (size_t k = 0; k < EV_SHINGLE; k++)
            key[k] = k < n ? ids[k] : NO_TOKEN;
        count_shingle(table, mask, key, is_gold);
        return;
    }
    for (size_t i = 0; i + EV_SHINGLE <= n; i++) {
        memcpy(key, ids + i, sizeof key);
        count_shingle(table, mask, key, is_gold);
    }
}

double ev_f1(double precision, double recall)
{
    return precision + recall != 0.0 ? 2 * precision * recall / (precision + recall) : 0.0;
}

int ev_score_body(ev_scorer *sc, const char *gold, size_t gold_len,
                  const char *pred, size_t pred_len, ev_body_page *out)
{
    memset(out, 0, sizeof *out);
    if (ev_tokenize(gold, gold_len, &sc->gold_tokens) ||
        ev_tokenize(pred, pred_len, &sc->pred_tokens))
        return -1;
    size_t ng = sc->gold_tokens.n, np = sc->pred_tokens.n;
    if (ng > UINT32_MAX / 4 || np > UINT32_MAX / 4)
        return -1;
    if (grow((void **)&sc->gold_ids, &sc->gold_ids_cap, ng + 1, sizeof(uint32_t)) ||
        grow((void **)&sc->pred_ids, &sc->pred_ids_cap, np + 1, sizeof(uint32_t)))
        return -1;

    /* token ids */
    size_t size = table_size(ng + np);
    if (grow((void **)&sc->interned, &sc->interned_cap, size, sizeof(intern_slot)))
        return -1;
    memset(sc->interned, 0, size * sizeof(intern_slot));
    uint32_t next_id = 0;
    for (size_t i = 0; i < ng; i++) {
        const ev_token *t = &sc->gold_tokens.v[i];
        sc->gold_ids[i] = intern(sc->interned, size - 1, &next_id,
                                 (const unsigned char *)gold + t->off, t->len);
    }
    for (size_t i = 0; i < np; i++) {
        const ev_token *t = &sc->pred_tokens.v[i];
        sc->pred_ids[i] = intern(sc->interned, size - 1, &next_id,
                                 (const unsigned char *)pred + t->off, t->len);
    }
    out->gold_tokens = ng;
    out->pred_tokens = np;
    out->exact = ng == np && (ng == 0 || memcmp(sc->gold_ids, sc->pred_ids, ng * sizeof(uint32_t)) == 0);

    /* shingle multisets */
    size = table_size(shingle_count(ng) + shingle_count(np));
    if (grow((void **)&sc->shingles, &sc->shingles_cap, size, sizeof(shingle_slot)))
        return -1;
    memset(sc->shingles, 0, size * sizeof(shingle_slot));
    count_all(sc->shingles, size - 1, sc->gold_ids, ng, 1);
    count_all(sc->shingles, size - 1, sc->pred_ids, np, 0);
    for (size_t at = 0; at < size; at++) {
        const shingle_slot *slot = &sc->shingles[at];
        if (slot->gold < slot->pred) {
            out->tp += slot->gold;
            out->fp += slot->pred - slot->gold;
        } else {
            out->tp += slot->pred;
            out->fn += slot->gold - slot->pred;
        }
    }

    /* shares and page figures, in score.py's order of operations */
    size_t total = out->tp + out->fp + out->fn;
    if (total > 0) {
        out->tp_share = (double)out->tp / (double)total;
        out->fp_share = (double)out->fp / (double)total;
        out->fn_share = (double)out->fn / (double)total;
    }
    double tp = out->tp_share, fp = out->fp_share, fn = out->fn_share;
    if (fp == 0.0 && fn == 0.0) {
        out->precision = 1.0;
        out->recall = 1.0;
    } else {
        out->precision = tp + fp != 0.0 ? tp / (tp + fp) : 0.0;
        out->recall = tp + fn != 0.0 ? tp / (tp + fn) : 0.0;
    }
    out->f1 = ev_f1(out->precision, out->recall);
    out->in_precision = out->tp + out->fp > 0;
    out->in_recall = out->tp + out->fn > 0;
    out->empty = ev_is_blank(pred, pred_len);
    return 0;
}

static void neumaier_add(double *sum, double *comp, double x)
{
    double t = *sum + x;
    if ((*sum >= 0 ? *sum : -*sum) >= (x >= 0 ? x : -x))
        *comp += (*sum - t) + x;
    else
        *comp += (x - t) + *sum;
    *sum = t;
}

int ev_body_miss(const ev_body_page *page)
{
    return page->f1 < EV_MISS_F1;
}

void ev_body_totals_add(ev_body_totals *totals, const ev_body_page *page)
{
    totals->pages++;
    totals->misses += ev_body_miss(page) != 0;
    totals->empty += page->empty != 0;
    totals->exact += page->exact != 0;
    if (page->in_precision) {
        totals->n_precision++;
        neumaier_add(&totals->precision_sum, &totals->precision_comp, page->precision);
    }
    if (page->in_recall) {
        totals->n_recall++;
        neumaier_add(&totals->recall_sum, &totals->recall_comp, page->recall);
    }
}

void ev_body_summarise(const ev_body_totals *totals, ev_body_summary *out)
{
    memset(out, 0, sizeof *out);
    out->pages = totals->pages;
    out->empty = totals->empty;
    out->misses = totals->misses;
    if (totals->n_precision)
        out->precision = (totals->precision_sum + totals->precision_comp) / (double)totals->n_precision;
    if (totals->n_recall)
        out->recall = (totals->recall_sum + totals->recall_comp) / (double)totals->n_recall;
    out->f1 = ev_f1(out->precision, out->recall);
    if (totals->pages)
        out->accuracy = (double)totals->exact / (double)totals->pages;
}

/* ----------------------------------------------------- snippet presence */

static int count_found(const char *hay, size_t hn, const ev_text *snippets, size_t count,
                       size_t *found)
{
    *found = 0;
    for (size_t k = 0; k < count; k++) {
        size_t len;
        char *needle = ev_squash(snippets[k].s, snippets[k].n, &len);
        if (!needle)
            return -1;
        *found += ev_contains(hay, hn, needle, len) != 0;
        free(needle);
    }
    return 0;
}

int ev_score_snippets(const char *pred, size_t pred_len,
                      const ev_text *with, size_t n_with,
                      const ev_text *without, size_t n_without,
                      ev_snippet_page *out)
{
    memset(out, 0, sizeof *out);
    size_t hn;
    char *hay = ev_squash(pred, pred_len, &hn);
    if (!hay)
        return -1;
    size_t hit_with, hit_without;
    int rc = 0;
    if (count_found(hay, hn, with, n_with, &hit_with) ||
        count_found(hay, hn, without, n_without, &hit_without)) {
        rc = -1;
    } else {
        out->tp = hit_with;
        out->fn = n_with - hit_with;
        out->fp = hit_without;
        out->tn = n_without - hit_without;
        out->empty = hn == 0;
    }
    free(hay);
    return rc;
}

int ev_snippet_miss(const ev_snippet_page *page)
{
    return page->tp == 0 && page->fn > 0;
}

void ev_snippet_totals_add(ev_snippet_totals *totals, const ev_snippet_page *page)
{
    totals->pages++;
    totals->misses += ev_snippet_miss(page) != 0;
    totals->empty += page->empty != 0;
    totals->tp += page->tp;
    totals->fp += page->fp;
    totals->fn += page->fn;
    totals->tn += page->tn;
}

void ev_snippet_summarise(const ev_snippet_totals *t, ev_snippet_summary *out)
{
    memset(out, 0, sizeof *out);
    out->tp = t->tp;
    out->fp = t->fp;
    out->fn = t->fn;
    out->tn = t->tn;
    out->pages = t->pages;
    out->empty = t->empty;
    out->misses = t->misses;
    size_t all = t->tp + t->fp + t->fn + t->tn;
    if (t->tp + t->fp)
        out->precision = (double)t->tp / (double)(t->tp + t->fp);
    if (t->tp + t->fn)
        out->recall = (double)t->tp / (double)(t->tp + t->fn);
    if (all)
        out->accuracy = (double)(t->tp + t->tn) / (double)all;
    if (2 * t->tp + t->fp + t->fn)
        out->f1 = (double)(2 * t->tp) / (double)(2 * t->tp + t->fp + t->fn);
}
