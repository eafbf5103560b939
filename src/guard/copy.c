#include "guard/guard_internal.h"

/* ---- the parser's copy: written in input order, never behind `copied` ---- */

wn_status wn_guard_reserve(guard *g, size_t more)
{
    if (g->out && g->out_len + more <= g->out_cap)
        return WN_OK;
    size_t cap = g->out_cap ? g->out_cap * 2 : g->len + g->len / 8 + 64;
    if (cap < g->out_len + more)
        cap = g->out_len + more;
    char *grown = wn_arena_alloc(g->arena, cap);
    if (!grown)
        return g->arena->limit_hit ? WN_ERR_MEMORY_LIMIT : WN_ERR_NOMEM;
    if (g->out_len)
        memcpy(grown, g->out, g->out_len);
    g->out = grown;
    g->out_cap = cap;
    return WN_OK;
}

/* Copies the input up to `to` (from where the copy stands). */
wn_status wn_guard_copy_to(guard *g, size_t to)
{
    if (to <= g->copied)
        return WN_OK;
    wn_status st = wn_guard_reserve(g, to - g->copied);
    if (st != WN_OK)
        return st;
    memcpy(g->out + g->out_len, g->in + g->copied, to - g->copied);
    g->out_len += to - g->copied;
    g->copied = to;
    return WN_OK;
}

/* Leaves input[from..to) out of the parser's copy. A cut never joins a
 * text '<' before it to what follows ("<<?>v>" must not become "<v>"): that
 * '<' becomes "&lt;", the same text. */
wn_status wn_guard_cut(guard *g, size_t from, size_t to)
{
    wn_status st = wn_guard_copy_to(g, from);
    if (st == WN_OK && !g->out)
        st = wn_guard_reserve(g, 0);
    if (st == WN_OK && g->out_len && g->out[g->out_len - 1] == '<' && from < to) {
        g->out_len--;
        st = wn_guard_reserve(g, 4);
        if (st == WN_OK) {
            memcpy(g->out + g->out_len, "&lt;", 4);
            g->out_len += 4;
        }
    }
    if (st == WN_OK && to > g->copied)
        g->copied = to;
    return st;
}

wn_status wn_guard_emit(guard *g, const char *s, size_t n)
{
    wn_status st = wn_guard_reserve(g, n);
    if (st == WN_OK) {
        memcpy(g->out + g->out_len, s, n);
        g->out_len += n;
    }
    return st;
}

/* Replaces every '<' of input[from..to) with `with`. */
wn_status wn_guard_escape_lt(guard *g, size_t from, size_t to, const char *with)
{
    const char *lt = memchr(g->in + from, '<', to - from);
    while (lt) {
        size_t at = (size_t)(lt - g->in);
        wn_status st = wn_guard_cut(g, at, at + 1);
        if (st == WN_OK)
            st = wn_guard_emit(g, with, strlen(with));
        if (st != WN_OK)
            return st;
        lt = memchr(g->in + at + 1, '<', to - at - 1);
    }
    return WN_OK;
}
