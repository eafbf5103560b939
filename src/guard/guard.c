#include "guard/guard.h"

#include <gumbo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "guard/guard_internal.h"
#include "guard/tree_internal.h"

/* Keeps the longest ranges of hidden markup. */
static void note_hidden(guard *g, size_t start, size_t end)
{
    wn_guard_report *r = g->report;
    if (end <= start)
        return;
    wn_guard_range range = {start, end - start};
    unsigned n = r->hidden_count;
    if (n == WN_GUARD_HIDDEN_MAX) {
        if (r->hidden[n - 1].len >= range.len)
            return;
        n--;
    }
    unsigned at = n;
    while (at > 0 && r->hidden[at - 1].len < range.len) {
        r->hidden[at] = r->hidden[at - 1];
        at--;
    }
    r->hidden[at] = range;
    r->hidden_count = n + 1;
}

/* Text between tags. NUL is no text: Gumbo drops it in the body, and so
 * it re-creates no formatting element there. */
static void note_text(guard *g, size_t from, size_t to)
{
    if (from == g->ignored_newline && from < to && (g->in[from] == '\n' || g->in[from] == '\r')) {
        /* The newline that follows <pre> or <listing> is dropped. */
        from += g->in[from] == '\r' && from + 1 < to && g->in[from + 1] == '\n' ? 2 : 1;
    }
    for (size_t i = from; i < to && !g->text_nonspace; i++) {
        char c = g->in[i];
        if (c == '\0') {
            g->nul = 1; /* before a doctype, it already means quirks mode */
            continue;
        }
        g->text = 1;
        if (!is_space(c))
            g->text_nonspace = 1;
    }
}

/* White space as the tokenizer has it: 1 space or tab, 2 a line break,
 * 4 a form feed. */
static const unsigned char SPACE[256] = {[' '] = 1, ['\t'] = 1, ['\n'] = 2, ['\r'] = 2, ['\f'] = 4};

/* Cuts each run of white space in the text input[from..to) to one byte:
 * its first line break if it holds one (a lone CR is a line break to the
 * parser), else its first byte. Not where the text keeps its white space:
 * inside an element that keeps it (the model's stack holds every element
 * the text can land in, foster parenting included), or on a page where an
 * element that may keep it is re-created as a formatting element is.
 * Runs with a form feed are left whole (not every reader takes it for a
 * space). The text stays white space where it was, so the tree the parser
 * builds is the same. */
static wn_status collapse_space(guard *g, size_t from, size_t to)
{
    if (g->keep_space || g->tree.keeping_space)
        return WN_OK;
    const unsigned char *s = (const unsigned char *)g->in;
    size_t i = from;
    while (i + 1 < to) {
        if (!SPACE[s[i + 1]]) {
            i += 2;
            continue;
        }
        if (!SPACE[s[i]]) {
            i++;
            continue;
        }
        size_t start = i, keep = i;
        unsigned kinds = 0;
        for (; i < to && SPACE[s[i]]; i++) {
            if (SPACE[s[i]] == 2 && !(kinds & 2))
                keep = i;
            kinds |= SPACE[s[i]];
        }
        if (kinds & 4)
            continue;
        wn_status st = WN_OK;
        if (keep > start)
            st = wn_guard_cut(g, start, keep);
        if (st == WN_OK)
            st = wn_guard_cut(g, keep + 1, i);
        if (st != WN_OK)
            return st;
        g->report->collapsed_bytes += i - start - 1;
    }
    return WN_OK;
}

static void flush_text(guard *g)
{
    if (g->text) {
        wn_gt_text(&g->tree, g->text_nonspace);
        g->text_nodes++;
    }
    g->text = g->text_nonspace = 0;
}

/* Where the markup resumes after a raw-text element that never closes: the
 * first tag of a known HTML element (start or end tag), or for a script,
 * whose code often holds tags in strings, the first </head>, <body> or
 * </body>. g->len when there is none. */
static size_t markup_resumes(const guard *g, size_t i, int script)
{
    while (i < g->len) {
        const char *lt = memchr(g->in + i, '<', g->len - i);
        if (!lt)
            return g->len;
        size_t at = (size_t)(lt - g->in);
        size_t name = at + 1 + (at + 1 < g->len && g->in[at + 1] == '/');
        if (name < g->len && is_alpha(g->in[name])) {
            size_t name_end;
            uint32_t hash;
            GumboTag tag = wn_guard_read_tag_name(g, name, &name_end, &hash);
            int end_tag = name > at + 1;
            if (script ? (end_tag && (tag == GUMBO_TAG_HEAD || tag == GUMBO_TAG_BODY)) ||
                             (!end_tag && tag == GUMBO_TAG_BODY)
                       : tag != GUMBO_TAG_UNKNOWN)
                return at;
        }
        i = at + 1;
    }
    return g->len;
}

static wn_status raw_body(guard *g, GumboTag tag, wn_gt_result kind, int json, int ld_json,
                          int markup)
{
    size_t body = g->pos;
    /* Once one such element ran to the end of input, one that starts later
     * does too (so each is looked for once, not to the end from every one:
     * quadratic). Exact for raw text ("</tag" nowhere after it); a script
     * might yet close where the first one's escapes hid its end tag, and is
     * closed where the markup resumes all the same. */
    size_t end = g->len;
    if (!g->unclosed_from[tag] || body < g->unclosed_from[tag] - 1) {
        end = kind == WN_GT_SCRIPT ? wn_guard_script_end(g, body) : wn_guard_raw_text_end(g, body, tag);
        if (end == g->len)
            g->unclosed_from[tag] = body + 1;
    }
    size_t resume = g->len;
    if (end == g->len)
        resume = end = markup_resumes(g, body, kind == WN_GT_SCRIPT);
    wn_status st = WN_OK;
    if (kind == WN_GT_SCRIPT && json && !ld_json && !g->untrimmed && end > body) {
        /* JSON data other than JSON-LD (a framework's state, a widget's
         * settings): src/blocks reads a script's text for JSON-LD alone. */
        st = wn_guard_cut(g, body, end);
        g->report->elided_bytes += end - body;
    } else if (kind == WN_GT_SCRIPT && json) {
        /* JSON-LD is kept as evidence; with no '<' left, no parser can read
         * markup in it. */
        st = wn_guard_escape_lt(g, body, end, "\\u003c");
    } else if (kind == WN_GT_RCDATA) {
        /* Title and textarea decode "&lt;": the text is the same, and no
         * parser can read markup in it. */
        st = wn_guard_escape_lt(g, body, end, "&lt;");
    } else if (tag != GUMBO_TAG_XMP && end > body) {
        /* Script, style, iframe, noembed, noframes: never text. */
        if (kind == WN_GT_SCRIPT && markup)
            note_hidden(g, body, end);
        st = wn_guard_cut(g, body, end);
        g->report->elided_bytes += end - body;
    }
    if (end > body && (kind == WN_GT_RCDATA || tag == GUMBO_TAG_XMP || json))
        g->text_nodes++;
    if (resume < g->len) {
        /* Closed here: the parser's end tag, not a token for the model. */
        char close[32];
        int n = snprintf(close, sizeof close, "</%s>", gumbo_normalized_tagname(tag));
        if (st == WN_OK)
            st = wn_guard_copy_to(g, resume);
        if (st == WN_OK)
            st = wn_guard_emit(g, close, (size_t)n);
        g->report->closed_raw_text++;
        g->pos = resume;
        return st;
    }
    wn_guard_skip_raw_end_tag(g, end);
    return st;
}

/* End of the <template> element whose start tag ends at i: just past the
 * matching "</template...>", nested templates counted, or the end of input
 * (an unclosed template holds the rest of the page). */
static size_t template_end(const guard *g, size_t i, size_t *content_end)
{
    size_t open = 1;
    *content_end = g->len;
    while (i < g->len) {
        const char *lt = memchr(g->in + i, '<', g->len - i);
        if (!lt)
            return g->len;
        size_t at = (size_t)(lt - g->in);
        if (at + 1 < g->len && g->in[at + 1] == '/' && wn_guard_tag_name_at(g, at + 2, "template", 8)) {
            if (--open == 0) {
                *content_end = at;
                return wn_guard_skip_to_gt(g, at + 2);
            }
        } else if (wn_guard_tag_name_at(g, at + 1, "template", 8)) {
            open++;
        }
        i = at + 1;
    }
    return g->len;
}

/* Leaves an attribute out of the copy. A '/' before it must not meet the
 * tag's '>' after it: "<g/x=1>" is no self-closing tag, and "<g/>" would be
 * one (which an SVG or MathML element heeds). A space keeps them apart. */
static wn_status cut_attribute(guard *g, size_t from, size_t to)
{
    wn_status st = wn_guard_cut(g, from, to);
    if (st == WN_OK && g->out_len && g->out[g->out_len - 1] == '/' && to < g->len &&
        g->in[to] == '>')
        st = wn_guard_emit(g, " ", 1);
    return st;
}

/* The readers (R_*, guard_internal.h) that want the attributes of this
 * element: the class, id, role, ... of every element src/blocks walks, and
 * what a kind of element gives it. Form controls, embedded content and
 * ruby annotations src/blocks skips whole without a look (an <input> but
 * for whether it is hidden); none of them is ever a child of <head>, whose
 * children src/blocks reads even when it skips their kind. */
static unsigned element_readers(const guard *g, GumboTag tag, const tag_scan *t)
{
    unsigned readers = R_READ | R_STEER;
    switch (tag) {
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_OPTION: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO: case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_OBJECT: case GUMBO_TAG_MAP: case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_APPLET: case GUMBO_TAG_RT: case GUMBO_TAG_RP: case GUMBO_TAG_RTC:
        return R_STEER;
    case GUMBO_TAG_INPUT:
        return R_INPUT | R_STEER;
    case GUMBO_TAG_A:
        readers |= R_A | (g->limits->inline_attrs || t->rel_read ? R_HREF : 0);
        break;
    case GUMBO_TAG_LINK: readers |= R_LINK; break;
    case GUMBO_TAG_BASE: readers |= R_BASE; break;
    case GUMBO_TAG_META: readers |= R_META; break;
    case GUMBO_TAG_TIME: readers |= R_TIME; break;
    case GUMBO_TAG_SCRIPT: /* its type, for JSON-LD */
        readers |= t->ld_json_type ? R_SCRIPT : 0;
        break;
    case GUMBO_TAG_IMG: case GUMBO_TAG_IMAGE: /* the parser makes an <image> an <img> */
        readers |= g->limits->inline_attrs ? R_IMAGE : 0;
        break;
    default:
        break;
    }
    return readers | (t->itemprop ? R_ITEMPROP : 0);
}

/* Whether the element's own readers want none of the attribute. <html>
 * and <body> are left as they are (the parser merges the attributes of
 * every such tag into the first, and the readers look at the first 64),
 * and so is <isindex> (the parser makes a form, a label and an input of
 * its attributes). */
static int unread(const attr_range *a, GumboTag tag, unsigned readers)
{
    if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_ISINDEX)
        return 0;
    return !(a->read_on & readers);
}

/* A formatting element's unread attributes (data-*, on*, and those its
 * readers do not want, styles aside) give way to one stand-in,
 * wn="<hash of them>". Gumbo compares a formatting element's attributes with those
 * of the list's entries (the Noah's ark clause): two elements' stand-ins
 * are equal exactly when their unread attributes are (names without case,
 * values as written; order-free, as Gumbo compares them). Left whole when
 * the bytes cannot tell: a value with a character reference, a CR or a NUL
 * (which the tokenizer changes), a name given twice (names_repeat()),
 * or too few bytes to gain (but for the page's own "wn", which could pass
 * for a stand-in). (Not on <a>: before an <a> goes on the list, the one already there
 * past the last marker is taken off, so no three are ever compared.) */
static wn_status stand_in(guard *g, GumboTag tag, const tag_scan *t)
{
    if (t->ranges_overflow || g->no_stand_in)
        return WN_OK;
    unsigned readers = element_readers(g, tag, t);
    uint64_t hash = 0;
    size_t bytes = 0;
    unsigned count = 0;
    int own = 0, plain = 1; /* own: the page's own "wn" among them */
    unsigned char folded[ATTR_MAX];
    for (unsigned k = 0; k < t->ranges; k++) {
        const attr_range *a = &t->range[k];
        folded[k] = (unsigned char)(!a->style && (a->always || unread(a, tag, readers)));
        if (!folded[k])
            continue;
        hash += a->hash;
        bytes += a->to - a->from;
        count++;
        own |= a->name_len == 2 && lower(g->in[a->from]) == 'w' && lower(g->in[a->from + 1]) == 'n';
        plain &= a->plain;
    }
    if (!plain) {
        if (own) {
            /* Its wn="..." may decode to any stand-in: none on this page
             * (scanned again if some were written). */
            g->no_stand_in = 1;
            g->restart = g->stand_ins > 0;
        }
        return WN_OK;
    }
    /* Quoted: the next attribute may follow a quoted value with no space.
     * The hash in 11 characters of 64. */
    static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
    char stand[16] = "wn=\"";
    for (int d = 0; d < 11; d++)
        stand[4 + d] = digits[(hash >> (6 * d)) & 63];
    stand[15] = '"';
    size_t n = sizeof stand;
    /* A page's own wn="..." left whole could equal another element's
     * stand-in, where the attributes it stands for do not: it gives way to
     * one too, however short. */
    if (!count || (bytes <= n && !own))
        return WN_OK;
    wn_status st = WN_OK;
    int first = 1;
    for (unsigned k = 0; k < t->ranges && st == WN_OK; k++) {
        const attr_range *a = &t->range[k];
        if (!folded[k])
            continue;
        st = cut_attribute(g, a->from, a->to);
        if (st == WN_OK && first)
            st = wn_guard_emit(g, stand, n);
        first = 0;
    }
    g->stand_ins++;
    return st;
}

/* An href whose value nobody reads, in place of the one cut before `to`:
 * the bare name (an empty value), and a space before what follows unless
 * white space or the tag's end does ('"' or '/' would join the name). */
static wn_status bare_href(guard *g, size_t to)
{
    int apart = to < g->len && (is_space(g->in[to]) || g->in[to] == '>');
    return wn_guard_emit(g, "href ", apart ? 4 : 5);
}

/* The attributes of a tag that is not a formatting element (or is an
 * <a>, see stand_in()): what no reader wants goes (strippable(),
 * unread()), an <a>'s href keeping its name (bare_href()); on an element the model put
 * in SVG or MathML, every attribute but those that steer the parser (all
 * there is of it is skipped); a <link>'s href src/meta does not read keeps
 * its name; a long data: URL that is read keeps "data:". */
static wn_status strip_attributes(guard *g, GumboTag tag, const tag_scan *t)
{
    unsigned readers = element_readers(g, tag, t);
    int foreign = g->tree.foreign_start != 0;
    wn_status st = WN_OK;
    for (unsigned k = 0; k < t->ranges && st == WN_OK; k++) {
        const attr_range *a = &t->range[k];
        if (foreign) {
            if (a->kind != AK_TYPE && a->kind != AK_ENCODING && a->kind != AK_FONT)
                st = cut_attribute(g, a->from, a->to);
        } else if (a->always) {
            if (!a->style || t->styles == 1) /* of two styles, the first is read */
                st = cut_attribute(g, a->from, a->to);
        } else if (unread(a, tag, readers)) {
            if (a->kind == AK_HREF && (readers & R_A) && a->to - a->from <= 7)
                continue; /* href="" or href=x: little to gain, and the page may need no copy */
            st = cut_attribute(g, a->from, a->to);
            /* an <a>'s href: a link all the same */
            if (st == WN_OK && a->kind == AK_HREF && (readers & R_A))
                st = bare_href(g, a->to);
        } else if (a->kind == AK_HREF && tag == GUMBO_TAG_LINK && !t->href_read) {
            st = cut_attribute(g, a->from, a->to);
            if (st == WN_OK)
                st = bare_href(g, a->to);
        } else if (a->payload) {
            st = wn_guard_cut(g, a->payload, a->payload_to);
        }
    }
    return st;
}

/* Whether a name is given twice (or may be: a NUL in a name). Gumbo
 * 0.10.1 keeps the first, but after a repeated name without a value it
 * reads the next name joined to it ("a a class=x" gives "aclass"): a tag
 * that repeats a name is left whole, so that its readers find what they
 * would. */
static int names_repeat(const guard *g, const tag_scan *t)
{
    if (t->odd_names || t->ranges_overflow)
        return 1;
    for (unsigned k = 1; k < t->ranges; k++) {
        const attr_range *a = &t->range[k];
        for (unsigned j = 0; j < k; j++) {
            const attr_range *b = &t->range[j];
            if (b->name_len != a->name_len)
                continue;
            size_t i = 0;
            while (i < a->name_len && lower(g->in[a->from + i]) == lower(g->in[b->from + i]))
                i++;
            if (i == a->name_len)
                return 1;
        }
    }
    return 0;
}

static wn_status start_tag(guard *g, size_t lt)
{
    size_t name_end;
    wn_gt_tag tag;
    memset(&tag, 0, sizeof tag);
    tag.tag = wn_guard_read_tag_name(g, lt + 1, &name_end, &tag.name);
    /* For matching end tags in foreign content, Gumbo reads the name off
     * the start tag's raw text up to a space of C's isspace(), \v too. */
    const char *vt = memchr(g->in + lt + 1, '\v', name_end - lt - 1);
    if (vt)
        tag.name = wn_guard_name_hash(g->in + lt + 1, (size_t)(vt - g->in) - lt - 1);
    size_t keep = g->limits->max_attributes;
    if (tag.tag == GUMBO_TAG_HTML || tag.tag == GUMBO_TAG_BODY) {
        /* Gumbo merges the attributes of every <html> (<body>) into the
         * first, each checked against all before it. */
        size_t had = tag.tag == GUMBO_TAG_HTML ? g->html_attributes : g->body_attributes;
        keep = had >= keep ? 0 : keep - had;
    }
    tag_scan t;
    wn_guard_scan_attributes(g, name_end, keep, wn_gt_is_formatting(tag.tag), &t);
    g->pos = t.end;
    if (!t.terminated)
        return WN_OK; /* the tokenizer drops a tag cut off by the end of input */
    if (t.white_space && !g->keep_space &&
        (tag.tag == GUMBO_TAG_HTML || tag.tag == GUMBO_TAG_BODY)) {
        /* Its style goes to the one <html> (<body>), text before it
         * included: the page is scanned again, its white space kept. */
        g->keep_space = 1;
        g->restart = g->report->collapsed_bytes > 0;
        if (g->restart)
            return WN_OK;
    }
    g->tokens++;
    tag.attributes = t.hash;
    tag.attribute_count = (unsigned)(t.attributes < keep ? t.attributes : keep);
    tag.attribute_bytes = t.attribute_bytes;
    tag.self_closing = (unsigned)t.self_closing;
    tag.hidden = (unsigned)t.hidden;
    tag.html_encoding = (unsigned)t.html_encoding;
    tag.font_breakout = (unsigned)t.font_breakout;
    tag.white_space = (unsigned)(t.white_space || tag.tag == GUMBO_TAG_PRE ||
                                 tag.tag == GUMBO_TAG_LISTING || tag.tag == GUMBO_TAG_PLAINTEXT);
    flush_text(g);
    int foreign = wn_gt_foreign(&g->tree);
    if (tag.tag == GUMBO_TAG_TEMPLATE) {
        /* Template contents are never shown, and Gumbo parses them in modes
         * of their own: the element goes whole, as script bodies do. */
        size_t content_end;
        g->pos = template_end(g, t.end, &content_end);
        g->report->elided_bytes += g->pos - lt;
        note_hidden(g, t.end, content_end);
        return wn_guard_cut(g, lt, g->pos);
    }
    wn_gt_result r = wn_gt_start(&g->tree, &tag);
    if (r == WN_GT_NOMEM)
        return WN_ERR_NOMEM;
    if (r == WN_GT_DROP)
        return wn_guard_cut(g, lt, t.end);
    if (g->tree.elements + g->text_nodes > g->limits->max_elements)
        return WN_ERR_TOO_MANY_NODES;
    if (r == WN_GT_TOO_DEEP || r == WN_GT_TOO_MANY_FORMATTING) {
        if (r == WN_GT_TOO_DEEP) {
            g->report->dropped_deep++;
            g->report->max_depth_seen = g->limits->max_depth + 1;
        } else {
            g->report->dropped_formatting++;
        }
        size_t to = t.end;
        if (wn_guard_raw_kind(tag.tag) && !foreign) {
            /* The body goes with the tag: read as markup it would be text. */
            size_t end = tag.tag == GUMBO_TAG_SCRIPT ? wn_guard_script_end(g, to) : wn_guard_raw_text_end(g, to, tag.tag);
            wn_guard_skip_raw_end_tag(g, end);
            to = g->pos;
        } else if (tag.tag != GUMBO_TAG_UNKNOWN) {
            g->dropped[tag.tag]++;
        }
        return wn_guard_cut(g, lt, to);
    }
    if (g->tree.deepest > g->report->max_depth_seen)
        g->report->max_depth_seen = g->tree.deepest;
    if (tag.white_space && wn_gt_is_formatting(tag.tag))
        g->keep_space = 1; /* its clones are not marked on the stack */
    wn_status st = WN_OK;
    if (t.cut_from) {
        /* Everything from the first attribute too many up to the '>' goes;
         * "/" (self-closing) or " " takes its place, so that a '/' left
         * before the cut cannot make a tag self-closing that was not. */
        size_t over = t.attributes - keep;
        g->report->dropped_attributes += over;
        st = wn_guard_cut(g, t.cut_from, t.end - 1);
        if (st == WN_OK)
            st = wn_guard_emit(g, t.self_closing ? "/" : " ", 1);
    }
    if (st == WN_OK && !g->untrimmed && !t.cut_from && t.attributes <= 64 && !names_repeat(g, &t)) {
        /* Bytes no reader wants. Not on tags with more attributes than
         * src/blocks reads (64), where a cut would bring one into view;
         * a formatting element's give way to a stand-in, since Gumbo
         * compares them (the Noah's ark clause). */
        if (!wn_gt_is_formatting(tag.tag) || tag.tag == GUMBO_TAG_A)
            st = strip_attributes(g, tag.tag, &t);
        else if (!g->tree.foreign_start)
            st = stand_in(g, tag.tag, &t);
        if (st == WN_OK && g->restart)
            return WN_OK;
    }
    size_t kept = t.attributes < keep ? t.attributes : keep;
    if (tag.tag == GUMBO_TAG_HTML)
        g->html_attributes += kept;
    else if (tag.tag == GUMBO_TAG_BODY)
        g->body_attributes += kept;
    if (st != WN_OK)
        return st;
    if (tag.tag == GUMBO_TAG_PRE || tag.tag == GUMBO_TAG_LISTING)
        g->ignored_newline = t.end;
    switch (r) {
    case WN_GT_RCDATA: case WN_GT_RAWTEXT: case WN_GT_SCRIPT:
        return raw_body(g, tag.tag, r, t.json_type, t.ld_json_type, t.markup_type);
    case WN_GT_PLAINTEXT:
        note_text(g, g->pos, g->len);
        /* Past <plaintext>, a NUL is U+FFFD: text, not nothing. */
        if (memchr(g->in + g->pos, '\0', g->len - g->pos))
            g->text = g->text_nonspace = 1;
        g->pos = g->len;
        return WN_OK;
    default:
        return WN_OK;
    }
}

static wn_status end_tag(guard *g, size_t lt)
{
    size_t name_end;
    uint32_t hash;
    GumboTag tag = wn_guard_read_tag_name(g, lt + 2, &name_end, &hash);
    tag_scan t;
    wn_guard_scan_attributes(g, name_end, SIZE_MAX, 0, &t);
    g->pos = t.end;
    if (!t.terminated)
        return WN_OK;
    g->tokens++;
    /* Gumbo matches an end tag to an SVG/MathML element by the end tag's
     * raw text: "</svg >" or "</svg/>" closes no <svg>. */
    if (t.end != name_end + 1)
        hash = 0;
    if (tag == GUMBO_TAG_TEMPLATE) /* a stray one: its start tag went whole */
        return wn_guard_cut(g, lt, t.end);
    if (tag != GUMBO_TAG_UNKNOWN && g->dropped[tag]) {
        g->dropped[tag]--;
        return wn_guard_cut(g, lt, t.end);
    }
    flush_text(g);
    if (!wn_gt_end_fits(&g->tree, tag))
        return wn_guard_cut(g, lt, t.end);
    int r = wn_gt_end(&g->tree, tag, hash);
    if (r == WN_GT_NOMEM)
        return WN_ERR_NOMEM;
    if (r == WN_GT_DROP)
        return wn_guard_cut(g, lt, t.end);
    if (r) {
        g->report->dropped_deep++;
        return wn_guard_cut(g, lt, t.end);
    }
    return WN_OK;
}

/* "<!": a comment, a doctype, a CDATA section (foreign content only), or a
 * bogus comment. All but a doctype that opens the page are cut: whatever the
 * parser would have made of them, it then cannot differ from the guard. */
static wn_status markup_declaration(guard *g, size_t lt)
{
    const char *s = g->in;
    size_t len = g->len;
    size_t end;
    if (lt + 3 < len && s[lt + 2] == '-' && s[lt + 3] == '-') {
        end = wn_guard_comment_end(g, lt);
    } else if (lt + 9 <= len && wn_guard_equals_nocase(s + lt + 2, 7, "doctype")) {
        end = wn_guard_skip_to_gt(g, lt + 2);
        g->pos = end;
        if (g->tokens++ == 0 && !g->text_nonspace && !g->nul) {
            g->tree.no_quirks = (unsigned)!wn_guard_doctype_quirks(s + lt, end - lt);
            return WN_OK;
        }
        /* Past the first token the parser ignores a doctype; in its "in
         * table text" mode it would first flush held-back text. Cut. */
        return wn_guard_cut(g, lt, end);
    } else if (lt + 9 <= len && memcmp(s + lt + 2, "[CDATA[", 7) == 0 &&
               wn_gt_foreign(&g->tree)) {
        const char *close = wn_guard_find(s + lt + 9, len - lt - 9, "]]>");
        end = close ? (size_t)(close - s) + 3 : len;
    } else {
        end = wn_guard_skip_to_gt(g, lt + 2);
    }
    g->pos = end;
    return wn_guard_cut(g, lt, end);
}

static wn_status scan(guard *g)
{
    const char *s = g->in;
    size_t len = g->len;
    while (g->pos < len) {
        const char *lt = memchr(s + g->pos, '<', len - g->pos);
        size_t i = lt ? (size_t)(lt - s) : len;
        note_text(g, g->pos, i);
        wn_status st = collapse_space(g, g->pos, i);
        if (st != WN_OK)
            return st;
        if (!lt || i + 1 >= len) {
            note_text(g, i, len);
            break;
        }
        char c = s[i + 1];
        if (is_alpha(c)) {
            st = start_tag(g, i);
        } else if (c == '/' && i + 2 < len && is_alpha(s[i + 2])) {
            st = end_tag(g, i);
        } else if (c == '/' && i + 2 < len && s[i + 2] == '>') {
            /* "</>" is nothing to the standard, but after it Gumbo 0.10.1
             * no longer matches the end tag of a foreign element: cut. */
            g->pos = i + 3;
            st = wn_guard_cut(g, i, g->pos);
        } else if (c == '!') {
            st = markup_declaration(g, i);
        } else if (c == '?' || c == '/') {
            g->pos = wn_guard_skip_to_gt(g, i + 1); /* a bogus comment */
            st = wn_guard_cut(g, i, g->pos);
        } else {
            note_text(g, i, i + 1); /* a '<' that starts nothing is text */
            g->pos = i + 1;
        }
        if (st != WN_OK || g->restart)
            return st;
    }
    flush_text(g);
    return WN_OK;
}

wn_status wn_guard(wn_arena *arena, const char *html, size_t len, const wn_guard_limits *limits,
                   const char **out, size_t *out_len, wn_guard_report *report)
{
    guard *g = calloc(1, sizeof *g);
    if (!g)
        return WN_ERR_NOMEM;
    wn_status st;
    int keep_space = limits->untrimmed != 0, no_stand_in = 0;
    for (;;) {
        memset(g, 0, sizeof *g);
        memset(report, 0, sizeof *report);
        g->in = html;
        g->len = len;
        g->arena = arena;
        g->limits = limits;
        g->ignored_newline = SIZE_MAX;
        g->report = report;
        g->keep_space = keep_space;
        g->no_stand_in = no_stand_in;
        g->untrimmed = limits->untrimmed != 0;
        wn_gt_init(&g->tree, limits->max_depth);
        st = scan(g);
        if (st != WN_OK || !g->restart)
            break;
        /* Once more, white space kept (start_tag()); the copy made so far
         * stays in the arena, unused. */
        wn_gt_free(&g->tree);
        keep_space = g->keep_space;
        no_stand_in = g->no_stand_in;
    }
    wn_gt_finish(&g->tree);
    if (st == WN_OK && g->out)
        st = wn_guard_copy_to(g, len);
    if (st == WN_OK && g->out)
        wn_arena_shrink(arena, g->out, g->out_len); /* sized for more, when it was made */
    if (st == WN_OK) {
        *out = g->out ? g->out : html;
        *out_len = g->out ? g->out_len : len;
    }
    report->elements = g->tree.elements;
    report->nodes = g->tree.elements + g->text_nodes;
    if (st == WN_OK && report->nodes > limits->max_elements)
        st = WN_ERR_TOO_MANY_NODES;
    wn_gt_free(&g->tree);
    free(g);
    return st;
}
