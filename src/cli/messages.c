/* Messages on stderr: one line each, in one write; and a page's messages,
 * which name the WARC record a page came from. */
#include "run.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *cli_display_name(const char *path)
{
    return strcmp(path, CLI_STDIN_PATH) == 0 ? "<stdin>" : path;
}

int cli_quiet;

static int is_warning(const char *fmt)
{
    return strncmp(fmt, "warning:", 8) == 0;
}

/* Print "winnow: [NAME: ]MESSAGE" on stderr as one line in one write.
 * Control characters become '?' (as ls -q shows them): a newline in a file
 * name must not split a message, so that every failure stays one line. */
static void print_message(const char *name, const char *fmt, va_list ap)
{
    char small[1024];
    char *line = small;
    size_t size = sizeof small;
    size_t len;
    va_list copy;
    int body;

    if (cli_quiet && is_warning(fmt))
        return;
    va_copy(copy, ap);
    body = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (body >= 0) {
        /* "winnow: " NAME ": " BODY "\n" NUL */
        size_t wanted = 8 + (name ? strlen(name) + 2 : 0) + (size_t)body + 2;
        char *big = wanted > size ? malloc(wanted) : NULL;
        if (big) {
            line = big;
            size = wanted;
        }
    }
    /* Out of memory, the message is cut rather than lost. The last byte
     * is kept for the newline. */
    snprintf(line, size - 1, "winnow: %s%s", name ? name : "", name ? ": " : "");
    len = strlen(line);
    vsnprintf(line + len, size - 1 - len, fmt, ap);
    len = strlen(line);
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)line[i] < 0x20 || line[i] == 0x7f)
            line[i] = '?';
    line[len++] = '\n';
    cli_stderr_write(line, len);
    if (line != small)
        free(line);
}

void cli_vmessage(const char *fmt, va_list ap)
{
    print_message(NULL, fmt, ap);
}

void cli_message(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    print_message(NULL, fmt, ap);
    va_end(ap);
}

void cli_report(const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    print_message(cli_display_name(path), fmt, ap);
    va_end(ap);
}

/* ---- a page's messages ---- */

/* "winnow: PATH: MESSAGE", or for a WARC page
 * "winnow: PATH: record N (URI): MESSAGE". */
void cli_page_report(const page_ref *page, const char *fmt, ...)
{
    char body[1024];
    va_list ap;
    if (cli_quiet && is_warning(fmt))
        return;
    va_start(ap, fmt);
    if (!page->record) {
        print_message(cli_display_name(page->path), fmt, ap);
        va_end(ap);
        return;
    }
    vsnprintf(body, sizeof body, fmt, ap);
    va_end(ap);
    const wn_warc_record *r = page->record;
    cli_report(page->path, "record %llu (%s): %s", r->number,
               *r->target_uri ? r->target_uri : *r->record_id ? r->record_id : "no URI", body);
}

/* "not an HTML page: PNG image". */
void cli_report_not_html(const page_ref *page, const char *bytes, size_t len, const char *hint,
                         size_t *not_html)
{
    const char *reason = wn_not_html_reason(bytes, len, hint);
    const char *compressed = reason ? strstr(reason, "compressed data") : NULL;
    (*not_html)++;
    cli_page_report(page, "not an HTML page: %s%s", reason ? reason : "binary data",
                    compressed ? " (decompress it first)" : "");
}

/* "WHAT the 64 MiB limitAFTER". */
void cli_report_limit(const page_ref *page, const char *what, size_t limit, const char *after)
{
    if (limit % ((size_t)1 << 20) == 0)
        cli_page_report(page, "%s the %zu MiB limit%s", what, limit >> 20, after);
    else
        cli_page_report(page, "%s the %zu-byte limit%s", what, limit, after);
}

/* Print "winnow: PATH: DIR/NAME: CAUSE", or with other given
 * "winnow: PATH: DIR/NAME: CAUSE OTHER; not written". */
void cli_report_output_error(const page_ref *page, const char *dir, const char *name,
                             const char *cause, const char *other)
{
    char *target = cli_path_join(dir, name);
    if (other)
        cli_page_report(page, "%s: %s %s; not written", target ? target : name, cause, other);
    else
        cli_page_report(page, "%s: %s", target ? target : name, cause);
    free(target);
}
