/* JSON output: one object per page, written with jansson. Every string the
 * object holds is valid UTF-8 already (cleaned for XML); json_stringn()
 * checks it again and a failure is reported as out of memory. */
#include "output/render.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

/* key: the string, or null when absent or empty. Returns -1 on failure. */
static int set_string(json_t *obj, const char *key, const char *value, size_t len)
{
    json_t *v = value && len ? json_stringn(value, len) : json_null();
    if (!v)
        return -1;
    return json_object_set_new(obj, key, v);
}

static int set_str(json_t *obj, const char *key, const char *value)
{
    return set_string(obj, key, value, value ? strlen(value) : 0);
}

static int set_list(json_t *obj, const char *key, const char *const *items, size_t count)
{
    json_t *a = json_array();
    if (!a)
        return -1;
    for (size_t i = 0; i < count; i++) {
        json_t *v = json_string(items[i]);
        if (!v || json_array_append_new(a, v) != 0) {
            json_decref(a);
            return -1;
        }
    }
    return json_object_set_new(obj, key, a);
}

static int sink_to_buf(void *data, const char *bytes, size_t len)
{
    wn_buf *b = data;
    wn_buf_append(b, bytes, len);
    return b->failed ? -1 : 0;
}

/* A discussion's posts (content.h, WN_C_POST_OPEN): [{"author", "date",
 * "text"}], the text as the text rendering writes the post's blocks.
 * NULL with *failed false when the content holds none. */
static json_t *posts_array(const wn_content *content, bool *failed)
{
    json_t *a = NULL;
    *failed = false;
    for (size_t i = 0; content && i < content->count && !*failed; i++) {
        if (content->items[i].kind != WN_C_POST_OPEN)
            continue;
        const wn_content_item *author = NULL, *date = NULL;
        size_t k = i + 1;
        for (; k < content->count; k++) {
            const wn_content_item *it = &content->items[k];
            if (it->kind == WN_C_POST_AUTHOR)
                author = it;
            else if (it->kind == WN_C_POST_DATE)
                date = it;
            else
                break;
        }
        size_t end = k;
        while (end < content->count && content->items[end].kind != WN_C_POST_CLOSE)
            end++;
        wn_content part = *content;
        part.items = content->items + k;
        part.count = end - k;
        wn_buf b;
        wn_buf_init(&b);
        json_t *post = json_object();
        if (!a)
            a = json_array();
        *failed = !post || !a || wn_render_text(&part, NULL, sink_to_buf, &b) != WN_OK;
        size_t len = b.len;
        while (len && b.data[len - 1] == '\n')
            len--;
        if (!*failed) {
            int rc = set_string(post, "author", author ? author->text : NULL, author ? author->len : 0);
            rc |= set_string(post, "date", date ? date->text : NULL, date ? date->len : 0);
            json_t *t = json_stringn(b.data ? b.data : "", len);
            rc |= t ? json_object_set_new(post, "text", t) : -1;
            rc |= json_array_append(a, post);
            *failed = rc != 0;
        }
        json_decref(post);
        wn_buf_free(&b);
        i = end;
    }
    if (*failed) {
        json_decref(a);
        return NULL;
    }
    return a;
}

wn_status wn_render_json(const wn_page_info *info, const wn_content *content, const char *text,
                         size_t text_len,
                         const char *article_source, const char *markdown, size_t markdown_len,
                         const char *html, size_t html_len, wn_sink_fn sink, void *sink_data)
{
    json_t *o = json_object();
    if (!o)
        return WN_ERR_NOMEM;
    const wn_metadata *m = info->meta;
    int rc = 0;
    rc |= set_str(o, "url", info->url);
    rc |= set_str(o, "record_id", info->record_id);
    const char *title = m && *m->field[WN_META_TITLE] ? m->field[WN_META_TITLE] : info->title;
    rc |= set_str(o, "title", title);
    static const struct {
        const char *key;
        wn_meta_field field;
    } fields[] = {
        {"author", WN_META_AUTHOR}, {"date", WN_META_DATE}, {"modified", WN_META_MODIFIED},
        {"site", WN_META_SITE}, {"canonical", WN_META_URL}, {"description", WN_META_DESCRIPTION},
        {"lang", WN_META_LANG}, {"image", WN_META_IMAGE}, {"license", WN_META_LICENSE}};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        rc |= set_str(o, fields[i].key, m ? m->field[fields[i].field] : NULL);
    rc |= set_list(o, "authors", m ? m->authors : NULL, m ? m->author_count : 0);
    rc |= set_list(o, "tags", m ? m->tags : NULL, m ? m->tag_count : 0);
    rc |= set_str(o, "lang_source", m && *m->lang_source ? m->lang_source : NULL);
    rc |= set_str(o, "lang_declared", m && m->lang_declared && *m->lang_declared ? m->lang_declared : NULL);
    rc |= set_str(o, "source", article_source);
    rc |= set_str(o, "charset", info->charset);
    rc |= set_str(o, "charset_source", info->charset_source);
    json_t *t = json_stringn(text ? text : "", text ? text_len : 0);
    rc |= t ? json_object_set_new(o, "text", t) : -1;
    /* A discussion page: its posts, each with its author and date. */
    bool posts_failed;
    json_t *posts = posts_array(content, &posts_failed);
    if (posts)
        rc |= json_object_set_new(o, "posts", posts);
    rc |= posts_failed ? -1 : 0;
    if (markdown) {
        json_t *v = json_stringn(markdown, markdown_len);
        rc |= v ? json_object_set_new(o, "markdown", v) : -1;
    }
    if (html) {
        json_t *v = json_stringn(html, html_len);
        rc |= v ? json_object_set_new(o, "html", v) : -1;
    }
    if (rc != 0) {
        json_decref(o);
        return WN_ERR_NOMEM;
    }
    char *out = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(o);
    if (!out)
        return WN_ERR_NOMEM;
    size_t len = strlen(out);
    int failed = sink(sink_data, out, len) || sink(sink_data, "\n", 1);
    free(out);
    return failed ? WN_ERR_OUTPUT : WN_OK;
}
