#include <string.h>
#include <strings.h>

#include "guard/guard_internal.h"

/* Public identifiers that put a page in quirks mode (the HTML standard's
 * list). Gumbo compares them whole, without case, not as prefixes. */
static const char *const QUIRKS_PUBLIC[] = {
    "+//Silmaril//dtd html Pro v0r11 19970101//",
    "-//AdvaSoft Ltd//DTD HTML 3.0 asWedit + extensions//",
    "-//AS//DTD HTML 3.0 asWedit + extensions//",
    "-//IETF//DTD HTML 2.0 Level 1//", "-//IETF//DTD HTML 2.0 Level 2//",
    "-//IETF//DTD HTML 2.0 Strict Level 1//", "-//IETF//DTD HTML 2.0 Strict Level 2//",
    "-//IETF//DTD HTML 2.0 Strict//", "-//IETF//DTD HTML 2.0//", "-//IETF//DTD HTML 2.1E//",
    "-//IETF//DTD HTML 3.0//", "-//IETF//DTD HTML 3.2 Final//", "-//IETF//DTD HTML 3.2//",
    "-//IETF//DTD HTML 3//", "-//IETF//DTD HTML Level 0//", "-//IETF//DTD HTML Level 1//",
    "-//IETF//DTD HTML Level 2//", "-//IETF//DTD HTML Level 3//",
    "-//IETF//DTD HTML Strict Level 0//", "-//IETF//DTD HTML Strict Level 1//",
    "-//IETF//DTD HTML Strict Level 2//", "-//IETF//DTD HTML Strict Level 3//",
    "-//IETF//DTD HTML Strict//", "-//IETF//DTD HTML//",
    "-//Metrius//DTD Metrius Presentational//",
    "-//Microsoft//DTD Internet Explorer 2.0 HTML Strict//",
    "-//Microsoft//DTD Internet Explorer 2.0 HTML//",
    "-//Microsoft//DTD Internet Explorer 2.0 Tables//",
    "-//Microsoft//DTD Internet Explorer 3.0 HTML Strict//",
    "-//Microsoft//DTD Internet Explorer 3.0 HTML//",
    "-//Microsoft//DTD Internet Explorer 3.0 Tables//",
    "-//Netscape Comm. Corp.//DTD HTML//", "-//Netscape Comm. Corp.//DTD Strict HTML//",
    "-//O'Reilly and Associates//DTD HTML 2.0//",
    "-//O'Reilly and Associates//DTD HTML Extended 1.0//",
    "-//O'Reilly and Associates//DTD HTML Extended Relaxed 1.0//",
    "-//SoftQuad Software//DTD HoTMetaL PRO 6.0::19990601::extensions to HTML 4.0//",
    "-//SoftQuad//DTD HoTMetaL PRO 4.0::19971010::extensions to HTML 4.0//",
    "-//Spyglass//DTD HTML 2.0 Extended//", "-//SQ//DTD HTML 2.0 HoTMetaL + extensions//",
    "-//Sun Microsystems Corp.//DTD HotJava HTML//",
    "-//Sun Microsystems Corp.//DTD HotJava Strict HTML//",
    "-//W3C//DTD HTML 3 1995-03-24//", "-//W3C//DTD HTML 3.2 Draft//",
    "-//W3C//DTD HTML 3.2 Final//", "-//W3C//DTD HTML 3.2//", "-//W3C//DTD HTML 3.2S Draft//",
    "-//W3C//DTD HTML 4.0 Frameset//", "-//W3C//DTD HTML 4.0 Transitional//",
    "-//W3C//DTD HTML Experimental 19960712//", "-//W3C//DTD HTML Experimental 970421//",
    "-//W3C//DTD W3 HTML//", "-//W3O//DTD W3 HTML 3.0//", "-//WebTechs//DTD Mozilla HTML 2.0//",
    "-//WebTechs//DTD Mozilla HTML//",
};

static int is_doctype_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

/* A quoted identifier at *i: its span, or 0 when there is no quote or a '>'
 * (or the end) comes first, which forces quirks mode. */
static int doctype_id(const char *s, size_t n, size_t *i, size_t *from, size_t *len)
{
    while (*i < n && is_doctype_space(s[*i]))
        (*i)++;
    if (*i >= n || (s[*i] != '"' && s[*i] != '\''))
        return 0;
    char quote = s[(*i)++];
    *from = *i;
    while (*i < n && s[*i] != quote && s[*i] != '>')
        (*i)++;
    if (*i >= n || s[*i] != quote)
        return 0;
    *len = *i - *from;
    (*i)++;
    return 1;
}

/* Whether a doctype (s[0..n), from "<!" to its '>') puts the page in quirks
 * mode, where <table> does not close an open <p>: as the standard's doctype
 * states read it (a missing name, an unknown keyword, an unquoted or cut
 * identifier force quirks) and as Gumbo then decides. */
int wn_guard_doctype_quirks(const char *s, size_t n)
{
    size_t i = 9; /* "<!doctype" */
    while (i < n && is_doctype_space(s[i]))
        i++;
    size_t name = i;
    while (i < n && !is_doctype_space(s[i]) && s[i] != '>')
        i++;
    if (i == name || i >= n || !wn_guard_equals_nocase(s + name, i - name, "html"))
        return 1; /* no name, cut off, or not html */
    while (i < n && is_doctype_space(s[i]))
        i++;
    if (i >= n)
        return 1;
    if (s[i] == '>')
        return 0;
    size_t pub = 0, pub_len = 0, sys = 0, sys_len = 0;
    int has_pub = 0, has_sys = 0;
    if (i + 6 <= n && wn_guard_equals_nocase(s + i, 6, "public")) {
        i += 6;
        if (!doctype_id(s, n, &i, &pub, &pub_len))
            return 1;
        has_pub = 1;
        size_t j = i;
        while (j < n && is_doctype_space(s[j]))
            j++;
        if (j < n && (s[j] == '"' || s[j] == '\'')) {
            if (!doctype_id(s, n, &i, &sys, &sys_len))
                return 1;
            has_sys = 1;
        } else if (j >= n || s[j] != '>') {
            return 1; /* neither '>' nor a quoted system identifier */
        }
    } else if (i + 6 <= n && wn_guard_equals_nocase(s + i, 6, "system")) {
        i += 6;
        if (!doctype_id(s, n, &i, &sys, &sys_len))
            return 1;
        has_sys = 1;
    } else {
        return 1;
    }
    /* What follows the identifiers only makes a bogus doctype. */
    const char *p = s + pub;
    if (has_pub) {
        for (size_t k = 0; k < sizeof QUIRKS_PUBLIC / sizeof *QUIRKS_PUBLIC; k++)
            if (strlen(QUIRKS_PUBLIC[k]) == pub_len &&
                strncasecmp(p, QUIRKS_PUBLIC[k], pub_len) == 0)
                return 1;
        if ((pub_len == 36 && memcmp(p, "-//W3O//DTD W3 HTML Strict 3.0//EN//", 36) == 0) ||
            (pub_len == 34 && memcmp(p, "-/W3C/DTD HTML 4.0 Transitional/EN", 34) == 0) ||
            (pub_len == 4 && memcmp(p, "HTML", 4) == 0))
            return 1;
        if (!has_sys && ((pub_len == 32 && strncasecmp(p, "-//W3C//DTD HTML 4.01 Frameset//", 32) == 0) ||
                         (pub_len == 36 && strncasecmp(p, "-//W3C//DTD HTML 4.01 Transitional//", 36) == 0)))
            return 1;
    }
    if (has_sys && sys_len == 58 &&
        memcmp(s + sys, "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd", 58) == 0)
        return 1;
    return 0;
}
