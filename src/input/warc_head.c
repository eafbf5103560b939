/* Header lines of WARC records and of the HTTP responses they hold: a
 * named value, a Content-Type's media type and charset, whether a block
 * reads as a page, and HTTP chunked bodies. */
#include "input/warc_internal.h"

#include <string.h>
#include <strings.h>

/* ---- headers ---- */

bool wn_warc_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Trim a header line in place and split it at ':': the value, or NULL when
 * the line's name is not name. */
char *wn_warc_header_value(char *line, const char *name)
{
    size_t n = strlen(name);
    if (strncasecmp(line, name, n) != 0)
        return NULL;
    char *p = line + n;
    while (*p == ' ' || *p == '\t')
        p++;
    if (*p != ':')
        return NULL;
    p++;
    while (*p == ' ' || *p == '\t')
        p++;
    char *end = p + strlen(p);
    while (end > p && wn_warc_is_space(end[-1]))
        *--end = '\0';
    return p;
}

/* The media type of a Content-Type, lower case, into buf. */
void wn_warc_media_type(const char *content_type, char *buf, size_t size)
{
    size_t o = 0;
    const char *p = content_type;
    while (*p == ' ' || *p == '\t')
        p++;
    for (; *p && *p != ';' && !wn_warc_is_space(*p) && o + 1 < size; p++)
        buf[o++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
    buf[o] = '\0';
}

/* The charset parameter of a Content-Type into buf ("" when none). */
void wn_warc_charset_param(const char *content_type, char *buf, size_t size)
{
    buf[0] = '\0';
    const char *p = strchr(content_type, ';');
    while (p) {
        p++;
        while (*p == ' ' || *p == '\t')
            p++;
        if (strncasecmp(p, "charset", 7) == 0) {
            const char *v = p + 7;
            while (*v == ' ' || *v == '\t')
                v++;
            if (*v == '=') {
                v++;
                while (*v == ' ' || *v == '\t' || *v == '"' || *v == '\'')
                    v++;
                size_t o = 0;
                while (*v && *v != '"' && *v != '\'' && *v != ';' && !wn_warc_is_space(*v) && o + 1 < size)
                    buf[o++] = *v++;
                buf[o] = '\0';
                return;
            }
        }
        p = strchr(p, ';');
    }
}

bool wn_warc_is_page_media(const char *media)
{
    return strcmp(media, "text/html") == 0 || strcmp(media, "application/xhtml+xml") == 0;
}

/* The WHATWG rule for an unknown type, its HTML patterns: after white space,
 * one of these tags followed by a space or '>' (or a comment). */
bool wn_warc_looks_like_html(const char *b, size_t len)
{
    static const char *const tags[] = {"!doctype html", "html", "head", "script", "iframe",
                                       "h1", "div", "font", "table", "a", "style", "title",
                                       "b", "body", "br", "p"};
    size_t i = 0;
    if (len >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && (wn_warc_is_space(b[i]) || b[i] == '\f'))
        i++;
    if (i >= len || b[i] != '<')
        return false;
    i++;
    if (len - i >= 3 && memcmp(b + i, "!--", 3) == 0)
        return true;
    for (size_t t = 0; t < sizeof tags / sizeof tags[0]; t++) {
        size_t n = strlen(tags[t]);
        if (len - i > n && strncasecmp(b + i, tags[t], n) == 0 &&
            (b[i + n] == ' ' || b[i + n] == '>'))
            return true;
    }
    return false;
}

/* Undo the chunked transfer coding in place: the decoded length. A body
 * that does not start like chunks is left as it is; one cut short keeps
 * what was complete. */
size_t wn_warc_dechunk(char *b, size_t len)
{
    size_t in = 0, out = 0;
    bool any = false;
    while (in < len) {
        size_t size = 0, digits = 0;
        while (in < len && digits < 16) {
            char c = b[in];
            int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                  : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (v < 0)
                break;
            size = size * 16 + (size_t)v;
            digits++;
            in++;
        }
        if (digits == 0)
            return any ? out : len;
        const char *nl = memchr(b + in, '\n', len - in);
        if (!nl)
            break;
        in = (size_t)(nl - b) + 1;
        any = true;
        if (size == 0)
            break;
        size_t n = size < len - in ? size : len - in;
        memmove(b + out, b + in, n);
        out += n;
        in += n;
        if (n < size)
            break;
        if (in < len && b[in] == '\r')
            in++;
        if (in < len && b[in] == '\n')
            in++;
    }
    return out;
}
