/* The pre-parse guard's copy of pages, for looking at what Gumbo is handed.
 *
 *   guard-dump [--untrimmed] [--inline] [--parse [--raw]] [-o DIR] FILE...
 *
 * Each FILE is decoded as winnow decodes it (no charset hint) and run
 * through the guard with the default limits. Without -o the copies are
 * written to standard output one after the other; with -o DIR each goes to
 * DIR/<file's base name>. --untrimmed: the copy without the trims (white
 * space runs and unread attributes left whole). --inline: as with links or
 * images wanted (an <a>'s href and an <img>'s addresses kept). --parse: the copy is
 * parsed as winnow parses it (src/parse.c) and nothing is written, so that
 * a profiler sees the guard and the parse alone; --raw with --parse: the
 * file is parsed as it is (no decoding, no guard), e.g. a copy written
 * before. A line per page on standard error: input bytes, decoded bytes,
 * the copy's bytes. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "guard/guard.h"
#include "input/decode.h"
#include "parse.h"

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n < cap)
            break;
        char *grown = realloc(buf, cap * 2);
        if (!grown) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = grown;
        cap *= 2;
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    int untrimmed = 0, inline_attrs = 0, parse = 0, raw = 0, status = 0;
    const char *dir = NULL;
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "--untrimmed") == 0) {
            untrimmed = 1;
        } else if (strcmp(argv[i], "--inline") == 0) {
            inline_attrs = 1;
        } else if (strcmp(argv[i], "--parse") == 0) {
            parse = 1;
        } else if (strcmp(argv[i], "--raw") == 0) {
            raw = 1;
        } else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
            dir = argv[++i];
        } else {
            fprintf(stderr, "usage: guard-dump [--untrimmed] [--inline] [--parse [--raw]] [-o DIR] FILE...\n");
            return 2;
        }
    }
    wn_options defaults;
    wn_options_init(&defaults);
    wn_guard_limits limits = {defaults.max_depth, defaults.max_attributes, defaults.max_nodes,
                              (unsigned)untrimmed, (unsigned)inline_attrs};
    for (; i < argc; i++) {
        size_t len;
        char *bytes = read_file(argv[i], &len);
        if (!bytes) {
            fprintf(stderr, "guard-dump: %s: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        wn_arena arena;
        wn_arena_init(&arena, 0);
        wn_decoded decoded;
        wn_guard_report report;
        const char *out = NULL;
        size_t out_len = 0;
        wn_status st = WN_OK;
        if (raw && parse) {
            decoded.len = len;
            out = bytes;
            out_len = len;
        } else {
            st = wn_decode(&arena, bytes, len, NULL, &decoded);
            if (st == WN_OK)
                st = wn_guard(&arena, decoded.utf8, decoded.len, &limits, &out, &out_len, &report);
        }
        if (st == WN_OK && parse) {
            GumboOutput *parsed;
            st = wn_parse(&arena, out, out_len, 0, &parsed);
        } else if (st == WN_OK && dir) {
            const char *base = strrchr(argv[i], '/');
            base = base ? base + 1 : argv[i];
            size_t n = strlen(dir) + strlen(base) + 2;
            char *path = malloc(n);
            FILE *f = path ? (snprintf(path, n, "%s/%s", dir, base), fopen(path, "wb")) : NULL;
            if (!f || fwrite(out, 1, out_len, f) != out_len)
                st = WN_ERR_OUTPUT;
            if (f && fclose(f) != 0)
                st = WN_ERR_OUTPUT;
            free(path);
        } else if (st == WN_OK) {
            fwrite(out, 1, out_len, stdout);
        }
        if (st == WN_OK)
            fprintf(stderr, "%s\t%zu\t%zu\t%zu\n", argv[i], len, decoded.len, out_len);
        else {
            fprintf(stderr, "guard-dump: %s: %s\n", argv[i], wn_status_message(st));
            status = 1;
        }
        wn_arena_release(&arena);
        free(bytes);
    }
    return status;
}
