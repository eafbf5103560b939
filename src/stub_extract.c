/* TEMPORARY stub so that tools and the CLI can be built while the library is written. */
#include "winnow.h"
#include <stdlib.h>
#include <string.h>
struct wn_extractor { wn_options opt; };
struct wn_result { char *text; char *xml; };
const char *wn_version(void) { return WN_VERSION_STRING; }
const char *wn_status_message(wn_status s) { return s == WN_OK ? "ok" : "error"; }
void wn_options_init(wn_options *o) { memset(o, 0, sizeof *o); o->struct_size = sizeof *o; o->max_input_bytes = 64u << 20; }
wn_status wn_extractor_new(const wn_options *o, wn_extractor **out) {
    *out = calloc(1, sizeof **out); if (o) (*out)->opt = *o; else wn_options_init(&(*out)->opt); return WN_OK; }
void wn_extractor_free(wn_extractor *e) { free(e); }
wn_status wn_extract(const wn_extractor *e, const char *b, size_t n, const char *h, const char *u, wn_result **out) {
    (void)e; (void)h; (void)u;
    if (n > e->opt.max_input_bytes) { *out = NULL; return WN_ERR_INPUT_TOO_LARGE; }
    wn_result *r = calloc(1, sizeof *r); r->text = malloc(n + 1); memcpy(r->text, b, n); r->text[n] = 0;
    r->xml = strdup("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<doc><main><p>stub</p></main></doc>\n");
    *out = r; return WN_OK; }
const char *wn_result_xml(wn_result *r, size_t *len) { if (len) *len = strlen(r->xml); return r->xml; }
const char *wn_result_text(wn_result *r, size_t *len) { if (len) *len = strlen(r->text); return r->text; }
wn_status wn_result_write(const wn_result *r, wn_format f, wn_sink_fn s, void *d) {
    const char *t = f == WN_FORMAT_XML ? r->xml : r->text; return s(d, t, strlen(t)) ? WN_ERR_OUTPUT : WN_OK; }
const char *wn_result_charset(const wn_result *r) { (void)r; return "UTF-8"; }
wn_charset_source wn_result_charset_source(const wn_result *r) { (void)r; return WN_CHARSET_FALLBACK; }
const char *wn_result_title(const wn_result *r) { (void)r; return ""; }
void wn_result_free(wn_result *r) { if (r) { free(r->text); free(r->xml); free(r); } }
