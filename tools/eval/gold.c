/* gold.jsonl reading with jansson. */
#include "gold.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "fsutil.h"

static void set_err(char *err, size_t size, const char *fmt, ...)
{
    if (!err || size == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, size, fmt, ap);
    va_end(ap);
}

static char *copy_bytes(const char *s, size_t n)
{
    char *out = malloc(n + 1);
    if (!out)
        return NULL;
    memcpy(out, s, n);
    out[n] = 0;
    return out;
}

int ev_id_is_safe(const char *id, size_t len)
{
    if (len == 0 || memchr(id, 0, len) || memchr(id, '/', len))
        return 0;
    if ((len == 1 && id[0] == '.') || (len == 2 && id[0] == '.' && id[1] == '.'))
        return 0;
    return 1;
}

static void row_free(ev_gold_row *row)
{
    free(row->id);
    free(row->url);
    free(row->body);
    for (size_t k = 0; k < row->n_with; k++)
        free((char *)row->with[k].s);
    for (size_t k = 0; k < row->n_without; k++)
        free((char *)row->without[k].s);
    free(row->with);
    free(row->without);
    memset(row, 0, sizeof *row);
}

void ev_gold_free(ev_gold *gold)
{
    if (!gold)
        return;
    for (size_t i = 0; i < gold->n; i++)
        row_free(&gold->rows[i]);
    free(gold->rows);
    memset(gold, 0, sizeof *gold);
}

/* A list of snippet strings; a missing or null field is an empty list. */
static int read_snippets(json_t *value, const char *field, ev_text **out, size_t *count,
                         size_t line, char *err, size_t err_size)
{
    *out = NULL;
    *count = 0;
    if (!value || json_is_null(value))
        return 0;
    if (!json_is_array(value)) {
        set_err(err, err_size, "line %zu: \"%s\" is not a list", line, field);
        return -1;
    }
    size_t n = json_array_size(value);
    if (n == 0)
        return 0;
    ev_text *list = calloc(n, sizeof *list);
    if (!list) {
        set_err(err, err_size, "out of memory");
        return -1;
    }
    *out = list;
    for (size_t k = 0; k < n; k++) {
        json_t *item = json_array_get(value, k);
        if (!json_is_string(item)) {
            set_err(err, err_size, "line %zu: \"%s\"[%zu] is not a string", line, field, k);
            return -1;
        }
        size_t len = json_string_length(item);
        list[k].s = copy_bytes(json_string_value(item), len);
        if (!list[k].s) {
            set_err(err, err_size, "out of memory");
            return -1;
        }
        list[k].n = len;
        *count = k + 1;
    }
    return 0;
}

static int read_row(json_t *obj, ev_gold_row *row, size_t line, char *err, size_t err_size)
{
    if (!json_is_object(obj)) {
        set_err(err, err_size, "line %zu: not a JSON object", line);
        return -1;
    }
    json_t *id = json_object_get(obj, "id");
    if (!json_is_string(id)) {
        set_err(err, err_size, "line %zu: \"id\" missing or not a string", line);
        return -1;
    }
    size_t id_len = json_string_length(id);
    if (!ev_id_is_safe(json_string_value(id), id_len)) {
        set_err(err, err_size, "line %zu: id \"%s\" cannot name a file", line,
                json_string_value(id));
        return -1;
    }
    row->id = copy_bytes(json_string_value(id), id_len);
    if (!row->id)
        goto nomem;

    json_t *url = json_object_get(obj, "url");
    if (json_is_string(url)) {
        row->url = copy_bytes(json_string_value(url), json_string_length(url));
        if (!row->url)
            goto nomem;
    }

    json_t *body = json_object_get(obj, "body");
    if (body && !json_is_null(body)) {
        if (!json_is_string(body)) {
            set_err(err, err_size, "line %zu: \"body\" is not a string", line);
            return -1;
        }
        row->body_len = json_string_length(body);
        row->body = copy_bytes(json_string_value(body), row->body_len);
        if (!row->body)
            goto nomem;
        row->has_body = 1;
    }

    if (read_snippets(json_object_get(obj, "with"), "with", &row->with, &row->n_with,
                      line, err, err_size) ||
        read_snippets(json_object_get(obj, "without"), "without", &row->without,
                      &row->n_without, line, err, err_size))
        return -1;
    row->has_snippets = row->n_with > 0 || row->n_without > 0;
    return 0;

nomem:
    set_err(err, err_size, "out of memory");
    return -1;
}

int ev_gold_load(const char *path, ev_gold *out, char *err, size_t err_size)
{
    memset(out, 0, sizeof *out);
    size_t len;
    char *text = ev_read_file(path, &len);
    if (!text) {
        set_err(err, err_size, "cannot read %s: %s", path, strerror(errno));
        return -1;
    }

    size_t cap = 0, line_no = 0;
    size_t pos = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        pos = 3;                /* tolerate a byte order mark */
    int rc = 0;
    while (pos < len) {
        /* a line ends at \n or \r, as in Python's universal newlines */
        size_t end = pos;
        while (end < len && text[end] != '\n' && text[end] != '\r')
            end++;
        size_t next = end < len ? end + 1 : end;
        if (end < len && text[end] == '\r' && next < len && text[next] == '\n')
            next++;
        line_no++;
        const char *line = text + pos;
        size_t line_len = end - pos;
        pos = next;
        if (ev_is_blank(line, line_len))
            continue;

        json_error_t jerr;
        json_t *obj = json_loadb(line, line_len, JSON_ALLOW_NUL, &jerr);
        if (!obj) {
            set_err(err, err_size, "%s: line %zu: %s", path, line_no, jerr.text);
            rc = -1;
            break;
        }
        if (out->n == cap) {
            size_t new_cap = cap ? cap * 2 : 64;
            ev_gold_row *rows = realloc(out->rows, new_cap * sizeof *rows);
            if (!rows) {
                json_decref(obj);
                set_err(err, err_size, "out of memory");
                rc = -1;
                break;
            }
            out->rows = rows;
            cap = new_cap;
        }
        ev_gold_row *row = &out->rows[out->n];
        memset(row, 0, sizeof *row);
        char row_err[512];
        int bad = read_row(obj, row, line_no, row_err, sizeof row_err);
        json_decref(obj);
        out->n++;               /* so that ev_gold_free releases it */
        if (bad) {
            set_err(err, err_size, "%s: %s", path, row_err);
            rc = -1;
            break;
        }
        out->n_body += row->has_body != 0;
        out->n_snippets += row->has_snippets != 0;
    }
    free(text);
    if (rc)
        ev_gold_free(out);
    return rc;
}
