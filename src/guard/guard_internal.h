/* Internals of the guard (guard.c): the scanner's state, shared with the
 * parser's copy (copy.c), the tokenizer's readers (lex.c), the doctype's
 * quirks test (doctype.c) and the flattened page (flatten.c). */
#ifndef WN_GUARD_INTERNAL_H
#define WN_GUARD_INTERNAL_H

#include <gumbo.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "guard/guard.h"
#include "guard/tree.h"

typedef struct guard {
    const char *in;
    size_t len;
    size_t pos;
    char *out;             /* the parser's copy, made at the first change */
    size_t out_len, out_cap;
    size_t copied;         /* input before this offset is in out (or was dropped) */
    wn_arena *arena;
    const wn_guard_limits *limits;
    wn_guard_report *report;
    wn_gt tree;
    uint32_t dropped[GUMBO_TAG_LAST + 1]; /* cut start tags whose end tag is still to come */
    /* 1 + where a raw-text element of this kind was found never to close
     * (raw_body()): one that starts later is not looked for again */
    size_t unclosed_from[GUMBO_TAG_LAST + 1];
    size_t html_attributes, body_attributes; /* merged into the one <html> / <body> */
    int text, text_nonspace; /* text since the last tag */
    int tokens;            /* a doctype counts only as the first token */
    size_t ignored_newline; /* just after a <pre> or <listing> start tag (else SIZE_MAX) */
    int nul;               /* a NUL was met */
    size_t text_nodes;
    int keep_space;        /* runs of white space are no longer collapsed */
    int untrimmed;         /* limits->untrimmed: nothing is trimmed */
    int restart;           /* scan again with keep_space (see start_tag()) or no_stand_in */
    int no_stand_in;       /* formatting elements' attributes are left whole (stand_in()) */
    size_t stand_ins;      /* stand-ins written so far */
} guard;

static inline int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static inline int is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
}

/* Attribute bytes the extraction never reads, left out of the parser's
 * copy so that Gumbo does not tokenize them. The scan records each
 * attribute of a tag (up to ATTR_MAX, in input order) with what of it may
 * go: always (strippable(): data-*, on*, SVG path data, styles that can
 * neither hide nor keep white space), or where no reader wants it (the
 * readers it names in read_on, an R_* mask, match none of the element's:
 * start_tag() decides once the model has placed the element). */
#define ATTR_MAX 64
enum {
    R_READ = 1,       /* src/blocks reads this element's class, id, role, ... */
    R_INPUT = 2,      /* an <input>: its type, hidden, aria-hidden and style */
    R_A = 4,          /* an <a>: href (a link), rel */
    R_LINK = 8,       /* a <link>: href, rel */
    R_BASE = 16,      /* a <base>: href */
    R_META = 32,      /* a <meta>: name, property, http-equiv, content */
    R_ITEMPROP = 64,  /* an element with itemprop: content, datetime */
    R_TIME = 128,     /* a <time>: datetime */
    R_SCRIPT = 256,   /* a <script>: type (JSON-LD) */
    R_IMAGE = 512,    /* an <img> while images or links are wanted: src, alt, srcset, lazy sources */
    R_HREF = 1024,    /* an <a> while links or images are wanted, or whose rel src/meta reads */
    R_STEER = 2048    /* steers the parser (type, encoding, color, face, size): always kept */
};
typedef struct attr_range {
    size_t from, to;         /* the attribute, name to value's end */
    size_t payload, payload_to; /* a data: URL's payload (payload 0: none) */
    size_t name_len;         /* the name is input[from..from + name_len) */
    uint64_t hash;           /* of its name (without case) and value */
    unsigned read_on;        /* R_*: the elements whose readers want it */
    int always;              /* strippable() */
    int style;               /* a style attribute (kept if the tag has two) */
    int plain;               /* name and value read as they are written: no '&',
                                CR or NUL, which the tokenizer changes (set only
                                when the scan hashes: formatting elements) */
    int kind;                /* lex.c's AK_* */
} attr_range;

typedef struct tag_scan {
    size_t end;              /* just past '>', or len when unterminated */
    int terminated;
    int self_closing;
    size_t attributes;
    size_t attribute_bytes;  /* names and values of the first `keep` */
    size_t cut_from;         /* start of the first attribute past `keep` (0: none) */
    uint64_t hash;           /* order-free hash of names and values (when asked) */
    int json_type;           /* type="...json..." (JSON data) */
    int ld_json_type;        /* type="...ld+json..." (JSON-LD, which src/blocks reads), or a
                                type with a character reference that could spell it */
    int markup_type;         /* a script type for markup (markup_type()) */
    int hidden;              /* type=hidden */
    int html_encoding;       /* encoding=text/html or application/xhtml+xml, or unsure */
    int font_breakout;       /* color, face or size */
    int white_space;         /* a style that may set white-space (or holds a '&') */
    int href_read;           /* a rel that src/meta reads a <link>'s href for, or itemprop */
    int rel_read;            /* a rel src/meta reads an <a>'s href for (license, author, tag) */
    int itemprop;            /* an itemprop attribute */
    unsigned styles;         /* style attributes */
    unsigned ranges;         /* recorded in range[] */
    int ranges_overflow;     /* more attributes than range[] holds */
    int odd_names;           /* a name with a NUL (the tokenizer makes it U+FFFD) */
    /* Past the counts: not cleared for each tag (range[0..ranges) are set). */
    attr_range range[ATTR_MAX]; /* in input order */
} tag_scan;

/* copy.c: the parser's copy, written in input order, never behind `copied` */
wn_status wn_guard_reserve(guard *g, size_t more);
wn_status wn_guard_copy_to(guard *g, size_t to);
wn_status wn_guard_cut(guard *g, size_t from, size_t to);
wn_status wn_guard_emit(guard *g, const char *s, size_t n);
wn_status wn_guard_escape_lt(guard *g, size_t from, size_t to, const char *with);

/* lex.c: tokens */
enum { AK_OTHER, AK_TYPE, AK_ENCODING, AK_FONT, AK_STYLE, AK_DATA, AK_DATA_SRC, AK_GONE,
       AK_SRC, AK_HREF, AK_REL, AK_ITEMPROP, AK_SRCSET, AK_ALT, AK_EVERY, AK_HIDING, AK_META,
       AK_CONTENT, AK_DATETIME };
uint32_t wn_guard_name_hash(const char *s, size_t n);
int wn_guard_equals_nocase(const char *s, size_t n, const char *word);
const char *wn_guard_find(const char *s, size_t n, const char *needle);
/* hash: compute tag_scan.hash (only formatting elements' is compared). */
void wn_guard_scan_attributes(const guard *g, size_t i, size_t keep, int hash, tag_scan *t);
GumboTag wn_guard_read_tag_name(const guard *g, size_t start, size_t *end, uint32_t *hash);
int wn_guard_tag_name_at(const guard *g, size_t i, const char *name, size_t n);
size_t wn_guard_raw_text_end(const guard *g, size_t i, GumboTag tag);
size_t wn_guard_script_end(const guard *g, size_t i);
size_t wn_guard_skip_to_gt(const guard *g, size_t i);
size_t wn_guard_comment_end(const guard *g, size_t i);
int wn_guard_raw_kind(GumboTag tag);
void wn_guard_skip_raw_end_tag(guard *g, size_t at);

/* doctype.c */
int wn_guard_doctype_quirks(const char *s, size_t n);

#endif
