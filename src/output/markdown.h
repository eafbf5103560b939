/* The Markdown renderer's state, shared by markdown.c (the blocks: the
 * containers' prefixes, code blocks, lists, tables, the comment thread)
 * and markdown_inline.c (a block's inline text: escaping, links, code
 * spans, emphasis). render.h is the renderer's interface. */
#ifndef WN_OUTPUT_MARKDOWN_H
#define WN_OUTPUT_MARKDOWN_H

#include "output/render.h"

/* Containers past this depth are read into the one at the cap. */
#define MD_MAX_DEPTH 40

typedef struct md_container {
    bool quote;          /* else a list */
    bool ordered;
    bool implicit;       /* a list for items the content gave outside any list */
    bool has_item;       /* a list: an item was written (what follows is indented under it) */
    unsigned number;     /* an ordered list: the next item's number */
    unsigned width;      /* the last item's marker width */
    char bullet;         /* '-' or '*'; '.' or ')' for an ordered list */
} md_container;

typedef struct md_cell_row {
    wn_buf *cells;
    size_t count, cap;
} md_cell_row;

typedef struct md {
    wn_sink_fn sink;
    void *sink_data;
    wn_status status;
    md_container stack[MD_MAX_DEPTH];
    size_t depth;
    size_t flattened;    /* container opens past the cap, not yet closed */
    bool wrote;          /* a block was written: the next needs a blank line */
    bool last_item;      /* the last block written was a list item */
    unsigned serial;     /* lists opened: adjacent lists alternate their markers */
    wn_buf line;         /* the block being written */
    /* inline state */
    wn_buf *out;         /* where inline text goes */
    size_t line_start;   /* out->len where the block's text began */
    bool in_table;
    const wn_span *link;  /* the link being written, or NULL */
    uint8_t emph[256];    /* open emphasis spans: their kind + 1 when their marks were
                             written, else 0 */
    size_t nemph;
    /* a table being collected */
    int table_depth;
    int table_ignored;   /* containers opened inside the table, ignored */
    md_cell_row *rows;
    size_t nrows, row_cap;
    bool row_open;
    /* the comment thread */
    const wn_content_item *author, *date;
    bool comment_head_written;
    unsigned comment_quotes;
} md;

/* The item's text with its markup, escaped, appended to out. */
void wn_md_inline(md *m, const wn_content_item *it, wn_buf *out);
/* Text escaped so that it reads back as itself, appended to m->out. */
void wn_md_escape(md *m, const char *s, size_t len);

#endif
