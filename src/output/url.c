/* RFC 3986 reference resolution (section 5.2): parse both references into
 * their five components, merge, remove dot segments, recompose. Written
 * for attribute values, so a reference is first cleaned the way browsers
 * clean one (white space around it, tabs and line breaks in it). */
#include "output/url.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"

typedef struct part {
    const char *s;
    size_t len;
    bool present;
} part;

typedef struct uri {
    part scheme, authority, path, query, fragment;
} uri;

static bool is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_scheme_char(unsigned char c)
{
    return is_alpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

/* The length of the scheme (without ':'), 0 when s does not start with one. */
static size_t scheme_length(const char *s, size_t len)
{
    if (!len || !is_alpha((unsigned char)s[0]))
        return 0;
    size_t i = 1;
    while (i < len && is_scheme_char((unsigned char)s[i]))
        i++;
    return i < len && s[i] == ':' ? i : 0;
}

/* Appendix B's regular expression, by hand. */
static void parse(const char *s, size_t len, uri *u)
{
    memset(u, 0, sizeof *u);
    size_t i = 0;
    size_t n = scheme_length(s, len);
    if (n) {
        u->scheme = (part){s, n, true};
        i = n + 1;
    }
    if (i + 1 < len && s[i] == '/' && s[i + 1] == '/') {
        size_t start = i + 2, k = start;
        while (k < len && s[k] != '/' && s[k] != '?' && s[k] != '#')
            k++;
        u->authority = (part){s + start, k - start, true};
        i = k;
    }
    size_t k = i;
    while (k < len && s[k] != '?' && s[k] != '#')
        k++;
    u->path = (part){s + i, k - i, true};
    i = k;
    if (i < len && s[i] == '?') {
        k = ++i;
        while (k < len && s[k] != '#')
            k++;
        u->query = (part){s + i, k - i, true};
        i = k;
    }
    if (i < len && s[i] == '#')
        u->fragment = (part){s + i + 1, len - i - 1, true};
}

/* Section 5.2.4, into out (appended). */
static void remove_dot_segments(const char *path, size_t len, wn_buf *out)
{
    char *in = malloc(len + 1);
    if (!in) {
        out->failed = true;
        return;
    }
    memcpy(in, path, len);
    size_t i = 0, base = out->len;
#define REST (len - i)
#define AT(str) (REST >= sizeof str - 1 && memcmp(in + i, str, sizeof str - 1) == 0)
#define IS(str) (REST == sizeof str - 1 && memcmp(in + i, str, sizeof str - 1) == 0)
    while (i < len && !out->failed) {
        if (AT("../")) {
            i += 3;
        } else if (AT("./")) {
            i += 2;
        } else if (AT("/./")) {
            i += 2;
        } else if (IS("/.")) {
            i += 1;
            in[i] = '/';
        } else if (AT("/../") || IS("/..")) {
            /* "/../" becomes its last "/", "/.." a "/" in place of its last "." */
            i += 2;
            if (i + 1 < len)
                i++;
            else
                in[i] = '/';
            /* the last segment of the output and its "/" */
            size_t o = out->len;
            while (o > base && out->data[o - 1] != '/')
                o--;
            out->len = o > base ? o - 1 : base;
        } else if (IS(".") || IS("..")) {
            i = len;
        } else {
            size_t k = i + (in[i] == '/');
            while (k < len && in[k] != '/')
                k++;
            wn_buf_append(out, in + i, k - i);
            i = k;
        }
    }
#undef REST
#undef AT
#undef IS
    free(in);
}

static void put_part(wn_buf *b, const char *before, const part *p, const char *after)
{
    if (!p->present)
        return;
    wn_buf_puts(b, before);
    wn_buf_append(b, p->s, p->len);
    wn_buf_puts(b, after);
}

static bool space_or_control(unsigned char c)
{
    return c <= 0x20 || c == 0x7F;
}

char *wn_url_resolve(wn_arena *arena, const char *base, const char *ref, size_t ref_len)
{
    /* Clean: trim, then drop tabs and line breaks. */
    while (ref_len && space_or_control((unsigned char)ref[0])) {
        ref++;
        ref_len--;
    }
    while (ref_len && space_or_control((unsigned char)ref[ref_len - 1]))
        ref_len--;
    char *clean = malloc(ref_len + 1);
    if (!clean)
        return NULL;
    size_t n = 0;
    for (size_t i = 0; i < ref_len; i++)
        if (ref[i] != '\t' && ref[i] != '\n' && ref[i] != '\r')
            clean[n++] = ref[i];
    clean[n] = '\0';

    uri r, b, t;
    parse(clean, n, &r);
    size_t base_len = base ? strlen(base) : 0;
    if (base)
        parse(base, base_len, &b);
    if (r.scheme.present || !base || !b.scheme.present || !n) {
        /* Absolute, nothing to resolve against, or empty (the page itself:
         * kept empty, which says so). */
        char *out = wn_arena_strndup(arena, clean, n);
        free(clean);
        return out;
    }
    wn_buf path;
    wn_buf_init(&path);
    memset(&t, 0, sizeof t);
    if (r.authority.present) {
        t.authority = r.authority;
        remove_dot_segments(r.path.s, r.path.len, &path);
        t.query = r.query;
    } else {
        if (r.path.len == 0) {
            wn_buf_append(&path, b.path.s, b.path.len);
            t.query = r.query.present ? r.query : b.query;
        } else {
            if (r.path.s[0] == '/') {
                remove_dot_segments(r.path.s, r.path.len, &path);
            } else {
                /* Section 5.2.3, merge. */
                wn_buf merged;
                wn_buf_init(&merged);
                if (b.authority.present && b.path.len == 0) {
                    wn_buf_putc(&merged, '/');
                } else {
                    size_t k = b.path.len;
                    while (k && b.path.s[k - 1] != '/')
                        k--;
                    wn_buf_append(&merged, b.path.s, k);
                }
                wn_buf_append(&merged, r.path.s, r.path.len);
                if (merged.failed)
                    path.failed = true;
                else
                    remove_dot_segments(merged.data ? merged.data : "", merged.len, &path);
                wn_buf_free(&merged);
            }
            t.query = r.query;
        }
        t.authority = b.authority;
    }
    t.scheme = b.scheme;
    t.fragment = r.fragment;

    /* Section 5.3. */
    wn_buf out;
    wn_buf_init(&out);
    put_part(&out, "", &t.scheme, ":");
    put_part(&out, "//", &t.authority, "");
    wn_buf_append(&out, path.data ? path.data : "", path.len);
    put_part(&out, "?", &t.query, "");
    put_part(&out, "#", &t.fragment, "");
    char *result = NULL;
    if (!out.failed && !path.failed)
        result = wn_arena_strndup(arena, out.data ? out.data : "", out.len);
    wn_buf_free(&out);
    wn_buf_free(&path);
    free(clean);
    return result;
}

static bool starts_ci(const char *s, const char *prefix)
{
    return strncasecmp(s, prefix, strlen(prefix)) == 0;
}

bool wn_url_allowed(const char *url, bool data_image)
{
    if (!url)
        return false;
    for (const unsigned char *p = (const unsigned char *)url; *p; p++)
        if (space_or_control(*p) && *p != ' ')
            return false;
    if (url[0] == ' ')
        return false;
    /* A colon before any '/', '?' or '#' ends a scheme, valid or not. */
    size_t k = strcspn(url, ":/?#");
    if (url[k] != ':')
        return true; /* relative */
    static const char *const allowed[] = {"http:", "https:", "mailto:", "ftp:", "tel:"};
    for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++)
        if (k + 1 == strlen(allowed[i]) && starts_ci(url, allowed[i]))
            return true;
    if (data_image && starts_ci(url, "data:image/")) {
        static const char *const types[] = {"png", "jpeg", "jpg", "gif", "webp", "avif", "bmp"};
        const char *t = url + strlen("data:image/");
        for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
            size_t n = strlen(types[i]);
            if (strncasecmp(t, types[i], n) == 0 && (t[n] == ';' || t[n] == ','))
                return true;
        }
    }
    return false;
}
