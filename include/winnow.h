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
    WN_ERR_CORRUPT,        /* compressed data or a WARC file is corrupt or cut short */
    WN_ERR_DECOMPRESSED_TOO_LARGE, /* decompressed, the page passes wn_options.max_input_bytes
                                      (a decompression bomb is refused here, the memory
                                      used never above that limit) */
    WN_ERR_READ            /* a wn_read_fn reported an error */
} wn_status;

/* Output formats for wn_result_write(). */
typedef enum wn_format {
    WN_FORMAT_XML = 0,
    WN_FORMAT_TEXT = 1,
    WN_FORMAT_EXPLAIN = 2, /* the scored block tree; needs WN_FLAG_EXPLAIN */
    WN_FORMAT_JSON = 3,    /* one JSON object on one line (ending in a newline): the
                              metadata fields, "text", "source", "charset"; see
                              wn_result_json() */
    WN_FORMAT_MARKDOWN = 4,/* CommonMark (tables as GitHub pipe tables); see
                              wn_result_markdown() */
    WN_FORMAT_HTML = 5,    /* a clean HTML5 fragment, safe to embed; see
                              wn_result_html() */
    WN_FORMAT_EXPLAIN_HTML = 6 /* the page's text block by block as one self-contained
                                  HTML page (no scripts), each block coloured by its
                                  label, its features, score and deciding rule in its
                                  title attribute; a legend with the label counts on
                                  top; needs WN_FLAG_EXPLAIN */
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
    WN_FLAG_TITLE_IN_TEXT = 1u << 2, /* start the text output with the title line (and
                                        Markdown with "# title", HTML with <h1>) */
    WN_FLAG_STRICT_LIMITS = 1u << 3, /* fail with the limit's status instead of degrading */
    WN_FLAG_XML_INDENT = 1u << 4,    /* indent the XML output, two spaces a level */
    WN_FLAG_NO_DECOMPRESS = 1u << 5, /* refuse gzip/zstd-compressed input as not HTML
                                        instead of decompressing it */
    /* Inline markup, kept only when asked (the default outputs hold plain
     * text). URLs are resolved against the page's <base href> and URL. */
    WN_FLAG_LINKS = 1u << 6,      /* links with their href: XML <ref target>, Markdown
                                     [text](url), HTML <a href> */
    WN_FLAG_IMAGES = 1u << 7,     /* images with src and alt: XML <graphic src alt>,
                                     Markdown ![alt](src), HTML <img> */
    WN_FLAG_FORMATTING = 1u << 8, /* bold, italic and code spans: XML <hi rend="bold|
                                     italic|code">, Markdown ** * `, HTML <b> <i> <code>;
                                     XML <code> blocks get their lang attribute */
    WN_FLAG_NO_TABLES = 1u << 9,  /* leave data tables out (layout tables are read as
                                     text as always) */
    WN_FLAG_JSON_MARKDOWN = 1u << 10, /* WN_FORMAT_JSON: add a "markdown" key */
    WN_FLAG_JSON_HTML = 1u << 11      /* WN_FORMAT_JSON: add an "html" key */
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
 *   bytes, len    the page as received, in any encoding (need not be NUL-terminated);
 *                 NULL bytes are WN_ERR_ARGUMENT whatever len ("" is an empty page)
 *   charset_hint  the transport's charset: a label ("gbk") or a whole HTTP
 *                 Content-Type value ("text/html; charset=ISO-8859-1"), or NULL.
 *                 An unknown label is WN_ERR_CHARSET; a Content-Type without a
 *                 charset parameter is no hint. A Latin-1 hint (iso-8859-1,
 *                 latin1, us-ascii, windows-1252, iso-8859-15) loses to bytes
 *                 whose non-ASCII bytes all form valid multi-byte UTF-8: they
 *                 are read as UTF-8 (WN_CHARSET_DETECTED).
 *   url           the page's address, or NULL
 * On WN_OK, *out owns a result to free with wn_result_free(). On any other
 * status *out is set to NULL. Safe to call from many threads on one extractor. */
WN_API wn_status wn_extract(const wn_extractor *extractor, const char *bytes, size_t len,
                            const char *charset_hint, const char *url, wn_result **out);

/* Compressed pages. wn_extract() and wn_extract_source() decompress gzip
 * (any number of members) and zstd data, told by its magic bytes whatever
 * the name, before anything else; WN_FLAG_NO_DECOMPRESS turns that off.
 * Brotli has no magic number: it is undone only when
 * wn_source.content_encoding names it ("br"). The decompressed size is
 * capped by max_input_bytes (WN_ERR_DECOMPRESSED_TOO_LARGE); bad or cut
 * data is WN_ERR_CORRUPT; a compressed image or archive is still
 * WN_ERR_NOT_HTML. */

/* What the transport says about a page, for wn_extract_source(). Fill with
 * wn_source_init(); every field may stay NULL. Fields are only appended. */
typedef struct wn_source {
    size_t struct_size;           /* set by wn_source_init(); leave it */
    const char *charset_hint;     /* as for wn_extract() */
    const char *url;              /* as for wn_extract() */
    const char *content_encoding; /* HTTP Content-Encoding: "gzip", "br", "zstd",
                                     "identity" or a list ("gzip, br": applied in
                                     that order, undone in reverse). A gzip or zstd
                                     coding the bytes do not start with is taken as
                                     absent (servers mislabel); an unknown one is
                                     ignored. */
    const char *record_id;        /* an archive's record id (WARC-Record-ID), written
                                     as the XML root's record-id attribute */
} wn_source;

WN_API void wn_source_init(wn_source *source);

/* wn_extract() with the transport's metadata. source may be NULL. */
WN_API wn_status wn_extract_source(const wn_extractor *extractor, const char *bytes, size_t len,
                                   const wn_source *source, wn_result **out);

/* The result rendered as XML / text: NUL-terminated UTF-8, owned by the result,
 * rendered on first call. *len (if not NULL) gets the length without the NUL.
 * Returns NULL only on allocation failure. */
WN_API const char *wn_result_xml(wn_result *result, size_t *len);
WN_API const char *wn_result_text(wn_result *result, size_t *len);
/* The result as one JSON object (WN_FORMAT_JSON), UTF-8 with no \u escapes
 * beyond those JSON requires, followed by "\n". Keys: "url", "record_id",
 * "title", "author" (the authors joined by "; "), "authors" (array),
 * "date", "modified", "site", "canonical", "description", "lang",
 * "lang_source", "tags" (array), "image", "license", "source" (the
 * article source, wn_article_source_name()), "charset", "charset_source",
 * "text" (the text rendering, as wn_result_text() gives it); a field the
 * page does not state is null. With WN_FLAG_JSON_MARKDOWN a "markdown" key
 * (wn_result_markdown()), with WN_FLAG_JSON_HTML an "html" key
 * (wn_result_html()). On a discussion page (see wn_result_post_count()) a
 * "posts" array, one object per post: "author", "date" (as
 * wn_result_post() gives them; null when not found) and "text" (the post's
 * part of "text"). */
WN_API const char *wn_result_json(wn_result *result, size_t *len);

/* The result as CommonMark (WN_FORMAT_MARKDOWN): headings, paragraphs, lists,
 * block quotes, fenced code blocks (with the language the page names in
 * class="language-X" or "lang-X"), tables as GitHub pipe tables (the first
 * row as the header), and with the flags, links, images and emphasis; all
 * text escaped so that it reads back as the same text. Links and images
 * with a javascript:, vbscript: or data: URL keep only their text. */
WN_API const char *wn_result_markdown(wn_result *result, size_t *len);
/* The result as an HTML5 fragment (WN_FORMAT_HTML): one <article> element
 * with <h1>..<h6>, <p>, <ul>/<ol>/<li>, <blockquote>, <pre><code>, <table>,
 * and with the flags <a href>, <img src alt>, <b>, <i>, <code>. Safe to
 * embed: every text and attribute escaped, no script, style or event
 * attribute, URLs only http:, https:, mailto:, ftp:, tel: or relative (and
 * data:image/ raster images with WN_FLAG_IMAGES). */
WN_API const char *wn_result_html(wn_result *result, size_t *len);

/* A discussion page (a forum thread, a Q&A page: the body is the thread's
 * posts, not one article) holds its posts in order, each with the author
 * and date written beside it; the XML wraps each in <post author date>,
 * the JSON lists them in "posts", Markdown and HTML open each with a
 * byline. wn_result_post_count() gives 0 on any other page.
 * wn_result_post() sets *author and *date (either pointer may be NULL) to
 * the post's author as the page writes it and its date in ISO 8601
 * ("2024-03-09T13:47:00", as wn_metadata's) when it could be read, else as
 * the page writes it ("3 hours ago"); "" when not found. Returns 0 past
 * the last post (*author and *date then ""), else 1. Both read what
 * wn_extract() built: safe to call from many threads on one result; the
 * strings are owned by the result. */
WN_API size_t wn_result_post_count(const wn_result *result);
WN_API int wn_result_post(const wn_result *result, size_t index, const char **author,
                          const char **date);

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
    WN_ARTICLE_SELECTED = 0, /* the region the scorer chose */
    WN_ARTICLE_NOSCRIPT,     /* the page read with its <noscript> alternatives */
    WN_ARTICLE_TEMPLATE,     /* markup the page renders with a script (<template>,
                               <script type="text/template">, text/html, ...) */
    WN_ARTICLE_DECLARED,     /* the articleBody the page declares in JSON-LD */
    WN_ARTICLE_PROSE,        /* the page's prose paragraphs, in document order */
    WN_ARTICLE_NONE,         /* the page holds no article text (not an error: the
                               result is empty) */
    WN_ARTICLE_HEADER        /* no article text either, but a dated post's
                               headline and dateline (a photo or video post):
                               those lines alone */
} wn_article_source;

WN_API wn_article_source wn_result_article_source(const wn_result *result);

/* "No article here": what the page is when it holds no article. A page
 * without main content is not an error (wn_extract() returns WN_OK, with
 * the page's title and metadata), but its result is empty: no text, an
 * XML <main/> with source="none", and wn_result_article_source() says
 * WN_ARTICLE_NONE. Told after the fallback ladder, from the page's
 * structure:
 *   WN_PAGE_EMPTY    no prose anywhere: every source of the ladder empty
 *   WN_PAGE_INDEX    a list of other pages' teasers (four or more cards
 *                    under one parent, each opening with a headline link),
 *                    and next to no text of its own: a home, category,
 *                    archive or search-results page
 *   WN_PAGE_SIGN_IN  a visible password field inside the region chosen as
 *                    the article, and under 200 characters of text: a
 *                    login wall
 *   WN_PAGE_ERROR    under 200 characters of text, and the <title> or an
 *                    <h1>/<h2> says the page is missing or refused (a bare
 *                    "404", "Page not found", "页面不存在")
 * wn_is_probably_article() guesses the answer before the extraction. */
typedef enum wn_page_kind {
    WN_PAGE_ARTICLE = 0, /* the result holds the article */
    WN_PAGE_EMPTY,
    WN_PAGE_INDEX,
    WN_PAGE_SIGN_IN,
    WN_PAGE_ERROR
} wn_page_kind;

WN_API wn_page_kind wn_result_page_kind(const wn_result *result);
/* 1 when the result holds an article (WN_PAGE_ARTICLE), else 0. */
WN_API int wn_result_has_article(const wn_result *result);
/* "article", "empty", "index", "sign-in", "error"; NULL past the last. */
WN_API const char *wn_page_kind_name(wn_page_kind kind);

/* A cheap guess, before extracting, at whether the page holds an article
 * (1) or not (0), in the spirit of reader modes' "is this readerable": the
 * page is decoded as wn_extract() does it (compressed data undone), then
 * its text is scanned once, without a parse tree, for paragraphs: the text
 * between block-level tags, links and elements named or tagged as clutter
 * (nav, footer, aside, form, sidebars, comment threads...) left out; each
 * paragraph of 140 characters or more (a CJK character counting three)
 * adds the square root of its length past 140, and a page whose sum passes
 * 20 says yes. A page wn_extract() would refuse (not HTML, over a limit,
 * out of memory) gives 0. Its agreement with wn_result_has_article() is
 * measured by `winnow-eval --probe SET`. */
WN_API int wn_is_probably_article(const wn_extractor *extractor, const char *bytes, size_t len,
                                  const char *charset_hint);

/* ---- page metadata ----
 *
 * What the page states about itself, each field from the first source that
 * gives it, in this order:
 *   1. JSON-LD (the article object; @graph and arrays looked into)
 *   2. OpenGraph and article:* <meta> (og:title, article:published_time ...)
 *   3. other <meta>: Twitter cards, Dublin Core (DC.*, dcterms.*),
 *      citation_*, author, keywords, description; <link rel=canonical|license>
 *      comes first for the URL and licence
 *   4. microdata itemprop (author, datePublished, dateModified, headline)
 *   5. <time datetime> in the article's header or body
 *   6. visible text in the article's header or body: "By Jane Doe",
 *      "作者：张三", "来源：新华社" (site), "发布时间：2024-03-05 10:21",
 *      "2024年3月5日", a year-less "发布时间：10-08 12:00" (the year from a
 *      date the page declares for that day), a reporter line "某报记者 张三
 *      李四", a dateline's "…电（记者 张三）", "文/张三", "执笔/甲、乙";
 *      "原创 NAME" (a self-media account) only when no person is named;
 *      elements named as the byline, the date or the source; never a
 *      comment, a related-posts list, a footer or a copyright line. A
 *      <meta> author that is the site's own name (or its first word), an
 *      e-mail address or a number is no author.
 *   7. the title only: the headline as the page shows it when the <title>
 *      holds it with more around it, else the <title> without its site
 *      suffix (" | Site", " - Site", "_Site")
 * The language is the declared one (<html lang>, Content-Language,
 * dc.language, og:locale, microdata and JSON-LD inLanguage, in that order);
 * when the page declares none, the one detected in the article's text
 * (title and body, with libcld2) if the detector is sure of it. A
 * declaration that a long text reliably detected in another language
 * contradicts (a template's default lang="en" on a Chinese page) gives way
 * to the detected one; lang_declared keeps it. wn_metadata.lang_source names
 * the source, "" when there is no language.
 * Dates are ISO 8601: "2024-03-05", or "2024-03-05T10:21:00+08:00" when the
 * page gives a time (with its offset when it gives one). Every string is
 * valid UTF-8 without control characters, at most 1024 bytes (description
 * 2048), "" when absent; lists hold at most 16 authors and 32 tags. */
typedef enum wn_meta_field {
    WN_META_TITLE = 0,    /* the article's headline */
    WN_META_AUTHOR,       /* the authors, joined by "; " */
    WN_META_DATE,         /* published */
    WN_META_MODIFIED,
    WN_META_SITE,         /* site or publisher name ("来源" on Chinese pages) */
    WN_META_URL,          /* canonical URL */
    WN_META_DESCRIPTION,
    WN_META_LANG,         /* BCP 47 as declared ("zh-CN", "en") or detected ("zh") */
    WN_META_TAGS,         /* tags and keywords, joined by ", " */
    WN_META_IMAGE,        /* the main image's URL */
    WN_META_LICENSE,      /* a licence URL or name, when stated */
    WN_META_FIELD_COUNT
} wn_meta_field;

typedef struct wn_metadata {
    const char *field[WN_META_FIELD_COUNT]; /* indexed by wn_meta_field; never NULL */
    const char *const *authors;  /* author_count names */
    size_t author_count;
    const char *const *tags;     /* tag_count tags */
    size_t tag_count;
    const char *lang_source;     /* "html", "content-language", "dc.language",
                                    "og:locale", "microdata", "json-ld", "text"
                                    (detected in the article's text) or "" (none) */
    const char *lang_declared;   /* with lang_source "text": the declaration the
                                    text overruled; "" otherwise */
} wn_metadata;

/* One field ("" when the page does not state it), owned by the result. */
WN_API const char *wn_result_meta(const wn_result *result, wn_meta_field field);
/* All of them; owned by the result (never NULL for a result). */
WN_API const wn_metadata *wn_result_metadata(const wn_result *result);
/* "title", "author", "date", "modified", "site", "url", "description",
 * "lang", "tags", "image", "license"; NULL past the last. */
WN_API const char *wn_meta_field_name(wn_meta_field field);
/* "selected", "noscript", "template", "declared", "prose", "none". */
WN_API const char *wn_article_source_name(wn_article_source source);

WN_API void wn_result_free(wn_result *result);

/* Why wn_extract() refuses these bytes with WN_ERR_NOT_HTML: a short
 * description such as "PNG image", "WARC archive" or "binary data", in
 * static storage; NULL when the bytes may be a page. gzip and zstd data are
 * looked into (as wn_extract() does by default): a compressed PNG is "PNG
 * image", a compressed page NULL. charset_hint as for wn_extract(). */
WN_API const char *wn_not_html_reason(const char *bytes, size_t len, const char *charset_hint);

/* ---- WARC files (ISO 28500, WARC/1.0 and WARC/1.1) ----
 *
 * A reader streams the records of one WARC file, plain, gzip-compressed
 * (one member per record, or one for the whole file) or zstd-compressed
 * (.warc.zst, with or without the dictionary frame), told by content. It
 * never holds more than one record: memory stays bounded by
 * max_record_bytes (plus fixed buffers) whatever the size of the file.
 *
 * wn_warc_next() hands out only the records that hold a page:
 *   - response records whose HTTP status is 2xx and whose Content-Type is
 *     text/html or application/xhtml+xml (sniffed when absent);
 *   - resource records with such a Content-Type (sniffed when absent).
 * Everything else (requests, metadata, revisits, redirects and error
 * responses, images, scripts, ...) is skipped without being loaded. The
 * HTTP chunked transfer coding is undone; the Content-Encoding is not (pass
 * it to wn_extract_source(), which undoes it under max_input_bytes). */

/* Read up to len bytes into buffer: the count, 0 at the end, -1 on error. */
typedef long (*wn_read_fn)(void *read_data, char *buffer, size_t len);

typedef struct wn_warc_reader wn_warc_reader;

/* One page record. Strings are NUL-terminated, "" when absent, and owned by
 * the reader until the next wn_warc_next() or wn_warc_free(). */
typedef struct wn_warc_record {
    unsigned long long number;    /* 1-based place in the file, every record counted */
    const char *type;             /* WARC-Type: "response" or "resource" */
    const char *record_id;        /* WARC-Record-ID, e.g. "<urn:uuid:...>" */
    const char *target_uri;       /* WARC-Target-URI */
    const char *content_type;     /* the payload's Content-Type */
    const char *charset;          /* its charset parameter, or NULL */
    const char *content_encoding; /* the HTTP Content-Encoding, or NULL */
    int http_status;              /* response records: the HTTP status; else 0 */
    const char *payload;          /* the page bytes (NULL when skipped as too large) */
    size_t payload_len;
    unsigned long long skipped_bytes; /* bytes of garbage passed over before this record */
} wn_warc_record;

/* Whether bytes (the start of a file, plain or gzip/zstd-compressed) begin
 * a WARC file: a "WARC/1.0" or "WARC/1.1" line. 64 bytes are enough for a
 * plain file, a few hundred for a compressed one. */
WN_API int wn_is_warc(const char *bytes, size_t len);

/* A reader over read/read_data. Records whose block is over
 * max_record_bytes (0: 64 MiB) are skipped, see wn_warc_next(). */
WN_API wn_status wn_warc_open(wn_read_fn read, void *read_data, size_t max_record_bytes,
                              wn_warc_reader **out);

/* The next page record in *record, or NULL at the end of the file (WN_OK).
 * WN_ERR_INPUT_TOO_LARGE: a page record over max_record_bytes, given with
 * its headers but no payload; reading may go on. WN_ERR_CORRUPT (a bad or
 * cut record, bad compressed data) and WN_ERR_READ end the file:
 * wn_warc_error() says what and where. */
WN_API wn_status wn_warc_next(wn_warc_reader *reader, const wn_warc_record **record);

/* A one-line description of the last error ("record 7 cut short"), "" if none. */
WN_API const char *wn_warc_error(const wn_warc_reader *reader);

WN_API void wn_warc_free(wn_warc_reader *reader);

#ifdef __cplusplus
}
#endif
#endif /* WINNOW_H */
