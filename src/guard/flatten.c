#include "guard/guard_internal.h"

/* ---- the flattened page: the fallback when the parse passes its budget ---- */

static int is_block(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_LI: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
    case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_BR: case GUMBO_TAG_HR:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_FORM: case GUMBO_TAG_CENTER: case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_BODY: case GUMBO_TAG_OPTION: case GUMBO_TAG_LISTING:
        return 1;
    default:
        return 0;
    }
}

/* Text of input[from..to), its '<' escaped. */
static wn_status emit_text(guard *g, size_t from, size_t to)
{
    while (from < to) {
        const char *lt = memchr(g->in + from, '<', to - from);
        size_t end = lt ? (size_t)(lt - g->in) : to;
        wn_status st = wn_guard_emit(g, g->in + from, end - from);
        if (st == WN_OK && lt)
            st = wn_guard_emit(g, "&lt;", 4);
        if (st != WN_OK)
            return st;
        from = end + (lt ? 1 : 0);
    }
    return WN_OK;
}

typedef struct flat_state {
    int link;      /* an <a> is open */
    int heading;   /* 1..6: an <hN> is open */
} flat_state;

static wn_status close_inline(guard *g, flat_state *f)
{
    wn_status st = WN_OK;
    if (f->link)
        st = wn_guard_emit(g, "</a>", 4);
    f->link = 0;
    if (st == WN_OK && f->heading) {
        char end[6] = {'<', '/', 'h', (char)('0' + f->heading), '>', 0};
        st = wn_guard_emit(g, end, 5);
    }
    f->heading = 0;
    return st;
}

wn_status wn_guard_flatten(wn_arena *arena, const char *html, size_t len, const char **out,
                           size_t *out_len)
{
    guard g;
    memset(&g, 0, sizeof g);
    g.in = html;
    g.len = len;
    g.arena = arena;
    flat_state f = {0, 0};
    int title = 0;
    wn_status st = wn_guard_reserve(&g, 0);
    size_t pos = 0;
    while (st == WN_OK && pos < len) {
        const char *lt = memchr(html + pos, '<', len - pos);
        size_t i = lt ? (size_t)(lt - html) : len;
        st = emit_text(&g, pos, i);
        if (st != WN_OK || !lt)
            break;
        char c = i + 1 < len ? html[i + 1] : 0;
        if (is_alpha(c) || (c == '/' && i + 2 < len && is_alpha(html[i + 2]))) {
            int end = c == '/';
            size_t name_end;
            uint32_t hash;
            GumboTag tag = wn_guard_read_tag_name(&g, i + 1 + (size_t)end, &name_end, &hash);
            tag_scan t;
            wn_guard_scan_attributes(&g, name_end, SIZE_MAX, 0, &t);
            pos = t.end;
            if (!end && wn_guard_raw_kind(tag)) {
                size_t body = pos;
                size_t stop = tag == GUMBO_TAG_SCRIPT ? wn_guard_script_end(&g, body)
                                                      : wn_guard_raw_text_end(&g, body, tag);
                if (tag == GUMBO_TAG_TITLE && !title) {
                    title = 1;
                    st = wn_guard_emit(&g, "<title>", 7);
                    if (st == WN_OK)
                        st = emit_text(&g, body, stop);
                    if (st == WN_OK)
                        st = wn_guard_emit(&g, "</title>", 8);
                }
                wn_guard_skip_raw_end_tag(&g, stop);
                pos = g.pos;
                continue;
            }
            if (tag == GUMBO_TAG_A) {
                if (f.link)
                    st = wn_guard_emit(&g, "</a>", 4);
                f.link = 0;
                if (st == WN_OK && !end) {
                    st = wn_guard_emit(&g, "<a>", 3);
                    f.link = 1;
                }
            } else if (tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6) {
                st = close_inline(&g, &f);
                if (st == WN_OK && !end) {
                    f.heading = 1 + (int)(tag - GUMBO_TAG_H1);
                    char start[5] = {'<', 'h', (char)('0' + f.heading), '>', 0};
                    st = wn_guard_emit(&g, start, 4);
                }
            } else if (is_block(tag)) {
                st = close_inline(&g, &f);
                if (st == WN_OK)
                    st = wn_guard_emit(&g, "\n<p>", 4);
            }
        } else if (c == '!' && i + 3 < len && html[i + 2] == '-' && html[i + 3] == '-') {
            pos = wn_guard_comment_end(&g, i);
        } else if (c == '!' || c == '?' || c == '/') {
            pos = wn_guard_skip_to_gt(&g, i + 1);
        } else {
            st = wn_guard_emit(&g, "&lt;", 4);
            pos = i + 1;
        }
    }
    if (st == WN_OK)
        st = close_inline(&g, &f);
    if (st == WN_OK) {
        *out = g.out;
        *out_len = g.out_len;
    }
    return st;
}
