/* Renderers: the content model (or, for explain, the block tree) to a sink. */
#ifndef WN_RENDER_H
#define WN_RENDER_H

#include "blocks/blocks.h"
#include "buf.h"
#include "output/content.h"
#include "winnow.h"

typedef struct wn_page_info {
    const char *title;     /* cleaned UTF-8 or NULL */
    const char *url;
    const char *charset;
    const char *charset_source;
    const char *record_id; /* an archive record's id, or NULL */
    const char *source;    /* where the article came from (wn_article_source_name());
                              NULL for the scorer's region */
    const wn_metadata *meta; /* the page's metadata, or NULL */
} wn_page_info;

/* XML, unindented unless indent is set. Nesting and text are bounded so that
 * libxml2's default parser accepts the output (see xml.c). */
wn_status wn_render_xml(const wn_content *content, const wn_page_info *info, bool indent,
                        wn_sink_fn sink, void *sink_data);
/* One block per line; table rows as one line of space-separated cells.
 * title (if not NULL) comes first, on its own line. */
wn_status wn_render_text(const wn_content *content, const char *title, wn_sink_fn sink,
                         void *sink_data);
/* One JSON object on one line, then "\n" (winnow.h, wn_result_json()).
 * text: the text rendering; article_source: wn_article_source_name();
 * content: where a discussion's posts are read ("posts"), or NULL. */
wn_status wn_render_json(const wn_page_info *info, const wn_content *content, const char *text,
                         size_t text_len,
                         const char *article_source, const char *markdown, size_t markdown_len,
                         const char *html, size_t html_len, wn_sink_fn sink, void *sink_data);
/* CommonMark with GitHub pipe tables (winnow.h, wn_result_markdown()); title
 * (if not NULL) first, as a level-1 heading. */
wn_status wn_render_markdown(const wn_content *content, const char *title, wn_sink_fn sink,
                             void *sink_data);
/* A safe HTML5 fragment (winnow.h, wn_result_html()); title (if not NULL)
 * first, as <h1>. */
wn_status wn_render_html(const wn_content *content, const char *title, wn_sink_fn sink,
                         void *sink_data);
/* The scored block tree, one element per line. */
void wn_render_explain(const wn_doc *doc, wn_buf *out);
/* The same as a self-contained HTML page: the page's text block by block,
 * coloured by label, features and rule on hover, a legend with counts.
 * title and source (the article source line) may be NULL. */
void wn_render_explain_html(const wn_doc *doc, const char *title, const char *source,
                            wn_buf *out);

/* Walks an item's text with its spans (content.h) in order: text(), then
 * for each span open(), what it holds, close(). An image is opened and
 * closed at its point. When open() returns false the span's text and the
 * spans inside it are skipped (close() is still called): the renderer wrote
 * them itself, or leaves them out. */
typedef struct wn_inline_ops {
    void (*text)(void *ctx, const char *s, size_t len);
    bool (*open)(void *ctx, const wn_content_item *it, const wn_span *span);
    void (*close)(void *ctx, const wn_content_item *it, const wn_span *span);
} wn_inline_ops;

void wn_inline_walk(const wn_content_item *it, const wn_inline_ops *ops, void *ctx);

/* A copy of text that XML can hold: valid UTF-8, no forbidden characters. */
char *wn_xml_clean(wn_arena *arena, const char *text, size_t len);

#endif
