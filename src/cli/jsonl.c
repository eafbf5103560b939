/* JSON Lines records in (--input-jsonl) and error records out. */
#include "cli.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A string member, or NULL when absent or null; -1 when of another type. */
static int string_member(json_t *root, const char *key, const char **value, size_t *len)
{
    json_t *v = json_object_get(root, key);
    *value = NULL;
    if (len)
        *len = 0;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v))
        return -1;
    *value = json_string_value(v);
    if (len)
        *len = json_string_length(v);
    return 0;
}

static int base64_value(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+' || c == '-')
        return 62;
    if (c == '/' || c == '_')
        return 63;
    return -1;
}

/* Standard or URL-safe base64, padding optional, whitespace ignored.
 * Returns the decoded length, or -1 on a bad character or length. */
static long decode_base64(const char *in, size_t len, char *out)
{
    unsigned acc = 0;
    int bits = 0;
    size_t n = 0, pad = 0, chars = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)in[i];
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
            continue;
        if (c == '=') {
            pad++;
            continue;
        }
        int v = base64_value(c);
        if (v < 0 || pad)
            return -1;
        chars++;
        acc = (acc << 6) | (unsigned)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[n++] = (char)((acc >> bits) & 0xFF);
        }
    }
    if (chars % 4 == 1 || pad > 2)
        return -1;
    return (long)n;
}

int cli_jsonl_parse(const char *line, size_t len, cli_jsonl_record *rec, char *message,
                    size_t message_size)
{
    json_error_t error;
    const char *charset, *content_type, *html, *b64;
    size_t html_len, b64_len;

    memset(rec, 0, sizeof *rec);
    json_t *root = json_loadb(line, len, JSON_REJECT_DUPLICATES, &error);
    if (!root) {
        snprintf(message, message_size, "not a JSON record: %s (column %d)", error.text,
                 error.column);
        return -1;
    }
    rec->root = root;
    if (!json_is_object(root)) {
        snprintf(message, message_size, "not a JSON record: an object is expected");
        return -1;
    }
    if (string_member(root, "url", &rec->url, NULL) != 0) {
        snprintf(message, message_size, "\"url\" is not a string");
        return -1;
    }
    if (string_member(root, "charset", &charset, NULL) != 0 ||
        string_member(root, "content_type", &content_type, NULL) != 0) {
        snprintf(message, message_size, "\"charset\" or \"content_type\" is not a string");
        return -1;
    }
    if (string_member(root, "html", &html, &html_len) != 0 ||
        string_member(root, "html_base64", &b64, &b64_len) != 0) {
        snprintf(message, message_size, "\"html\" or \"html_base64\" is not a string");
        return -1;
    }
    if (html && b64) {
        snprintf(message, message_size, "both \"html\" and \"html_base64\" given");
        return -1;
    }
    if (html) {
        /* A JSON string is text already decoded: its bytes are UTF-8
         * whatever the page said, so no charset applies to it. */
        rec->html = html;
        rec->html_len = html_len;
        rec->charset_hint = "UTF-8";
        return 0;
    }
    if (!b64) {
        snprintf(message, message_size, "no \"html\" or \"html_base64\"");
        return -1;
    }
    rec->decoded = malloc(b64_len / 4 * 3 + 3);
    if (!rec->decoded) {
        snprintf(message, message_size, "%s", wn_status_message(WN_ERR_NOMEM));
        return -1;
    }
    long n = decode_base64(b64, b64_len, rec->decoded);
    if (n < 0) {
        snprintf(message, message_size, "\"html_base64\" is not base64");
        return -1;
    }
    rec->html = rec->decoded;
    rec->html_len = (size_t)n;
    /* The raw bytes: the charset as the transport gave it. A whole
     * Content-Type value is a hint too (the library reads its charset). */
    rec->charset_hint = charset ? charset : content_type;
    return 0;
}

void cli_jsonl_record_free(cli_jsonl_record *rec)
{
    json_decref(rec->root);
    free(rec->decoded);
    memset(rec, 0, sizeof *rec);
}

int cli_jsonl_error(cli_buf *out, const char *url, unsigned long long line, wn_status status,
                    const char *message)
{
    json_t *o = json_object();
    char *text;
    int rc = -1;

    if (!o)
        return -1;
    /* A url that is not valid UTF-8 could not be in the input's JSON. */
    json_object_set_new(o, "url", url ? json_string(url) : json_null());
    json_object_set_new(o, "line", json_integer((json_int_t)line));
    json_object_set_new(o, "status", json_integer((json_int_t)status));
    json_t *m = json_string(message);
    json_object_set_new(o, "error", m ? m : json_string("(the message is not UTF-8)"));
    text = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
    if (text) {
        rc = cli_buf_append(out, text, strlen(text));
        if (rc == 0)
            rc = cli_buf_append(out, "\n", 1);
        free(text);
    }
    json_decref(o);
    return rc;
}
