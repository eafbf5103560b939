/* winnow: boilerplate-stripping main-content extraction.
 *
 * One handle (wn_extractor) is built once from options and then shared,
 * read-only, by any number of threads. Each call to wn_extract() works on its
 * own per-document state and returns a wn_result owned by the caller.
 *
 * Ownership: every pointer returned by a wn_result_* accessor belongs to the
 * result and lives until wn_result_free(). Functions named *_free accept NULL.
 * The library keeps no global mutable state and never reads the input after
 * wn_extract() returns.
 */
#ifndef WINNOW_H
#define WINNOW_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32) && !defined(WN_STATIC)
#  define WN_API __declspec(dllimport)
#elif defined(__GNUC__)
#  define WN_API __attribute__((visibility("default")))
#else
#  define WN_API
#endif

#define WN_VERSION_MAJOR 0
#define WN_VERSION_MINOR 1
#define WN_VERSION_PATCH 0
#define WN_VERSION_STRING "0.1.0"

/* Status codes. Every fallible call returns one; wn_status_message() names it. */
typedef enum wn_status {
    WN_OK = 0,
    WN_ERR_NOMEM,          /* an allocation failed */
    WN_ERR_ARGUMENT,       /* a NULL or invalid argument */
    WN_ERR_CHARSET,        /* the charset named by the caller is unknown */
    WN_ERR_INPUT_TOO_LARGE,/* input exceeds wn_options.max_input_bytes */
    WN_ERR_TOO_MANY_NODES, /* the page exceeds wn_options.max_nodes */
    WN_ERR_TOO_DEEP,       /* nesting past max_depth (flattened unless WN_FLAG_STRICT_LIMITS) */
    WN_ERR_PARSE,          /* the HTML parser gave up */
    WN_ERR_OUTPUT,         /* the output writer or a sink failed */
    WN_ERR_NOT_KEPT,       /* asked for something the options did not keep */
    WN_ERR_MEMORY_LIMIT,   /* the page needs more than wn_options.max_memory_bytes */
    WN_ERR_TOO_MANY_ATTRIBUTES, /* a tag past max_attributes (extra ones dropped
                                   unless WN_FLAG_STRICT_LIMITS) */
    WN_ERR_NOT_HTML,       /* not a page: an image, archive, executable, compressed or binary data */
    WN_ERR_WORK_LIMIT,     /* the parse passed its CPU budget (wn_options.parse_ms_per_mib):
                              the page is parsed again as plain paragraphs unless
                              WN_FLAG_STRICT_LIMITS */
} wn_status;

/* Output formats for wn_result_write(). */
typedef enum wn_format {
    WN_FORMAT_XML = 0,
    WN_FORMAT_TEXT = 1,
    WN_FORMAT_EXPLAIN = 2  /* the scored block tree; needs WN_FLAG_EXPLAIN */
} wn_format;

/* Where the charset used for decoding came from. */
typedef enum wn_charset_source {
    WN_CHARSET_BOM = 0,
    WN_CHARSET_HINT,      /* the caller's hint (an HTTP header, --charset) */
    WN_CHARSET_META,      /* <meta charset> / http-equiv prescan */
    WN_CHARSET_DETECTED,  /* statistical detection (libuchardet) */
    WN_CHARSET_FALLBACK   /* nothing else applied: UTF-8 if valid, else windows-1252 */
} wn_charset_source;

/* Behaviour flags for wn_options.flags. */
enum {
    WN_FLAG_EXPLAIN = 1u << 0,  /* keep the scored block tree for WN_FORMAT_EXPLAIN */
    WN_FLAG_COMMENTS = 1u << 1, /* emit the comment thread as its own <comments> section */
    WN_FLAG_TITLE_IN_TEXT = 1u << 2, /* start the text output with the title line */
    WN_FLAG_STRICT_LIMITS = 1u << 3, /* fail with the limit's status instead of degrading */
    WN_FLAG_XML_INDENT = 1u << 4     /* indent the XML output, two spaces a level */
};

/* Options: fill with wn_options_init(), then change what you need.
 * New fields are only ever appended; struct_size tells the library which
 * version of the struct the caller was compiled against.
 *
 * Limits. Each has its own status. The hard ones fail the page; the soft
 * ones (depth, attributes) degrade it: the page is still extracted, with the
 * excess dropped before the HTML parse, and wn_result_degraded() names the
 * limit. WN_FLAG_STRICT_LIMITS makes the soft ones fail too. */
typedef struct wn_options {
    size_t struct_size;        /* set by wn_options_init(); leave it */
    unsigned flags;            /* WN_FLAG_* */
    size_t max_input_bytes;    /* hard: WN_ERR_INPUT_TOO_LARGE (default 64 MiB) */
    size_t max_nodes;          /* hard: more elements, WN_ERR_TOO_MANY_NODES (default 2,000,000) */
    unsigned max_depth;        /* soft: deeper tags are flattened, WN_ERR_TOO_DEEP (default 512) */
    unsigned max_attributes;   /* soft: extra attributes of a tag are dropped,
                                  WN_ERR_TOO_MANY_ATTRIBUTES (default 256) */
    size_t max_memory_bytes;   /* hard: the page's working memory (decoded text, parse
                                  tree, block tree), WN_ERR_MEMORY_LIMIT (default 1 GiB) */
    unsigned parse_ms_per_mib; /* soft: CPU time the HTML parse may take, in milliseconds
                                  per MiB of page plus a fixed 250 ms; past it the page is
                                  parsed again flattened, WN_ERR_WORK_LIMIT (default 2000;
                                  0 = no budget) */
} wn_options;

/* Opaque handles. */
typedef struct wn_extractor wn_extractor;
typedef struct wn_result wn_result;

/* A sink receives output bytes in order; return 0 to go on, non-zero to stop
 * (the writing call then returns WN_ERR_OUTPUT). */
typedef int (*wn_sink_fn)(void *sink_data, const char *bytes, size_t len);

/* "0.1.0": static storage. */
WN_API const char *wn_version(void);

/* A short English description of a status: static storage. */
WN_API const char *wn_status_message(wn_status status);

/* Fill *options with the defaults. */
WN_API void wn_options_init(wn_options *options);

/* Build an extractor from options (NULL = defaults). The options are copied.
 * On success *out owns a handle to free with wn_extractor_free(). */
WN_API wn_status wn_extractor_new(const wn_options *options, wn_extractor **out);
WN_API void wn_extractor_free(wn_extractor *extractor);

/* Extract the main content of one page.
 *   bytes, len    the page as received, in any encoding (need not be NUL-terminated)
 *   charset_hint  a charset label from the transport (HTTP Content-Type), or NULL
 *   url           the page's address, or NULL
 * On WN_OK, *out owns a result to free with wn_result_free(). On any other
 * status *out is set to NULL. Safe to call from many threads on one extractor. */
WN_API wn_status wn_extract(const wn_extractor *extractor, const char *bytes, size_t len,
                            const char *charset_hint, const char *url, wn_result **out);

/* The result rendered as XML / text: NUL-terminated UTF-8, owned by the result,
 * rendered on first call. *len (if not NULL) gets the length without the NUL.
 * Returns NULL only on allocation failure. */
WN_API const char *wn_result_xml(wn_result *result, size_t *len);
WN_API const char *wn_result_text(wn_result *result, size_t *len);

/* Stream the result in a format to a sink, without building a string. */
WN_API wn_status wn_result_write(const wn_result *result, wn_format format,
                                 wn_sink_fn sink, void *sink_data);

/* The canonical name of the charset the page was decoded from ("UTF-8",
 * "GB18030", ...) and where it came from. Owned by the result. */
WN_API const char *wn_result_charset(const wn_result *result);
WN_API wn_charset_source wn_result_charset_source(const wn_result *result);

/* WN_OK when the page was extracted whole, else the status of the first soft
 * limit that degraded it (WN_ERR_TOO_DEEP, WN_ERR_TOO_MANY_ATTRIBUTES,
 * WN_ERR_WORK_LIMIT). */
WN_API wn_status wn_result_degraded(const wn_result *result);

/* The page title, or "" when none was found. Owned by the result. */
WN_API const char *wn_result_title(const wn_result *result);

/* Where the article text came from. The scorer's region, unless that holds
 * next to no text: then the page's other sources, tried in this order, the
 * first that holds clearly more text winning. */
typedef enum wn_article_source {
    WN_SOURCE_SELECTED = 0, /* the region the scorer chose */
    WN_SOURCE_NOSCRIPT,     /* the page read with its <noscript> alternatives */
    WN_SOURCE_TEMPLATE,     /* markup the page renders with a script (<template>,
                               <script type="text/template">, text/html, ...) */
    WN_SOURCE_DECLARED,     /* the articleBody the page declares in JSON-LD */
    WN_SOURCE_PROSE,        /* the page's prose paragraphs, in document order */
    WN_SOURCE_NONE          /* the page holds no article text (not an error: the
                               result is empty) */
} wn_article_source;

WN_API wn_article_source wn_result_source(const wn_result *result);
/* "selected", "noscript", "template", "declared", "prose", "none". */
WN_API const char *wn_source_name(wn_article_source source);

WN_API void wn_result_free(wn_result *result);

/* Why wn_extract() refuses these bytes with WN_ERR_NOT_HTML: a short
 * description such as "PNG image", "gzip-compressed data" (winnow does not
 * decompress) or "binary data", in static storage; NULL when the bytes may
 * be a page. charset_hint as for wn_extract(). */
WN_API const char *wn_not_html_reason(const char *bytes, size_t len, const char *charset_hint);

#ifdef __cplusplus
}
#endif
#endif /* WINNOW_H */
