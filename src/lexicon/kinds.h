/* What the lexicon's entries name: block labels, the hint bits of class, id
 * and role words, the markers of visible text, and the kinds of class words
 * in a comment thread. Read by blocks, score and output alike. */
#ifndef WN_LEXICON_KINDS_H
#define WN_LEXICON_KINDS_H

/* Block labels; also the categories hints point to. */
typedef enum wn_label {
    WN_LABEL_NONE = 0,   /* not decided (outside the chosen region) */
    WN_LABEL_BODY,
    WN_LABEL_TITLE,
    WN_LABEL_NAV,
    WN_LABEL_RELATED,
    WN_LABEL_COMMENTS,
    WN_LABEL_TIPJAR,
    WN_LABEL_SHARE,
    WN_LABEL_FOOTER,
    WN_LABEL_AD,
    WN_LABEL_OTHER,
    WN_LABEL_COUNT
} wn_label;

/* Bits of a class/id/role hint mask. */
enum {
    WN_HINT_POSITIVE = 1u << 0,  /* article, content, entry, post ... */
    WN_HINT_STRONG = 1u << 1,    /* articleBody, role=main: the body itself */
    WN_HINT_NAV = 1u << 2,
    WN_HINT_RELATED = 1u << 3,
    WN_HINT_COMMENTS = 1u << 4,
    WN_HINT_TIPJAR = 1u << 5,
    WN_HINT_SHARE = 1u << 6,
    WN_HINT_FOOTER = 1u << 7,
    WN_HINT_AD = 1u << 8,
    WN_HINT_SIDEBAR = 1u << 9,
    WN_HINT_HEADER = 1u << 10,
    WN_HINT_META = 1u << 11,     /* byline, date, tags, author box */
    WN_HINT_WIDGET = 1u << 12,   /* newsletter, popup, cookie, promo */
    WN_HINT_HIDDEN = 1u << 13,   /* visually hidden helpers */
    WN_HINT_GALLERY = 1u << 14,  /* gallery, slideshow, carousel */
    WN_HINT_QUESTION = 1u << 15, /* the question of a Q&A page */
    WN_HINT_ANSWER = 1u << 16,   /* one of its answers */
    WN_HINT_LEAD = 1u << 17,     /* lead, lede, intro: the article's first paragraph */
    WN_HINT_AUTHORBOX = 1u << 18, /* the author's bio box: authorbox, about-author */
    /* An overlay: role=dialog or alertdialog, aria-modal="true". */
    WN_HINT_DIALOG = 1u << 19,
    /* Set by the scorer, not by words: the subtree holds an element named
     * as the article's body (entry-content, articleBody) that has text. */
    WN_HINT_BODY_INSIDE = 1u << 30
};
#define WN_HINT_CLUTTER (WN_HINT_NAV | WN_HINT_RELATED | WN_HINT_COMMENTS | WN_HINT_TIPJAR | \
                         WN_HINT_SHARE | WN_HINT_FOOTER | WN_HINT_AD | WN_HINT_SIDEBAR | \
                         WN_HINT_HEADER | WN_HINT_WIDGET)

/* What a short visible text announces, e.g. "相关推荐" or "Related posts". */
typedef enum wn_marker {
    WN_MARKER_NONE = 0,
    WN_MARKER_RELATED,    /* heading of a related-posts section */
    WN_MARKER_COMMENTS,   /* heading of a comment section / reply form */
    WN_MARKER_TIPJAR,     /* tip jar, donation */
    WN_MARKER_PREVNEXT,   /* previous / next article links */
    WN_MARKER_SHARE,      /* share bar */
    WN_MARKER_SOURCE,     /* source, reprint notice, disclaimer, editor line */
    WN_MARKER_NAV,        /* "you are here", breadcrumbs */
    WN_MARKER_FOOTER,     /* copyright, licence numbers */
    WN_MARKER_AD,         /* "Advertisement" */
    WN_MARKER_SEEALSO,    /* an inline "Read more: <link>" line or heading */
    WN_MARKER_MORE,       /* "More letters", "More from us": related, as a heading only */
    WN_MARKER_CONTROL,    /* a page control's label: "Close", "Caption", "Image 2 of 5" */
    WN_MARKER_PROMO,      /* a newsletter / follow-us prompt (wn_promo_text) */
    WN_MARKER_TAGS,       /* "Tags:", "Filed under": the article's tag links */
    WN_MARKER_AUTHOR      /* heading of an author's bio box: "About the author" */
} wn_marker;

/* What a class word says of an element inside a comment thread. */
enum wn_class_kind {
    WN_CK_NONE = 0, WN_CK_TEXT, WN_CK_AUTHOR, WN_CK_DATE, WN_CK_META, WN_CK_ACTION, WN_CK_FORM,
    WN_CK_QUOTE
};

#endif
