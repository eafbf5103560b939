/* Command-line parsing, --help and --version for the winnow command. */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Long options all get values above any char, so that getopt_long's optopt
 * tells a bad long option from a bad short one. */
enum {
    OPT_FORMAT = 256,
    OPT_OUTPUT_DIR,
    OPT_EXPLAIN,
    OPT_COMMENTS,
    OPT_TITLE,
    OPT_CHARSET,
    OPT_URL,
    OPT_STRICT,
    OPT_INDENT,
    OPT_RECURSIVE,
    OPT_FILES_FROM,
    OPT_CONTENT_ENCODING,
    OPT_JOBS,
    OPT_QUIET,
    OPT_JSONL,
    OPT_INPUT_JSONL,
    OPT_LINKS,
    OPT_IMAGES,
    OPT_FORMATTING,
    OPT_NO_TABLES,
    OPT_JSON_MARKDOWN,
    OPT_JSON_HTML,
    OPT_HELP,
    OPT_VERSION
};

static const struct option long_options[] = {
    {"format", required_argument, NULL, OPT_FORMAT},
    {"output-dir", required_argument, NULL, OPT_OUTPUT_DIR},
    {"explain", optional_argument, NULL, OPT_EXPLAIN},
    {"comments", no_argument, NULL, OPT_COMMENTS},
    {"title", no_argument, NULL, OPT_TITLE},
    {"charset", required_argument, NULL, OPT_CHARSET},
    {"url", required_argument, NULL, OPT_URL},
    {"strict", no_argument, NULL, OPT_STRICT},
    {"indent", no_argument, NULL, OPT_INDENT},
    {"recursive", no_argument, NULL, OPT_RECURSIVE},
    {"files-from", required_argument, NULL, OPT_FILES_FROM},
    {"content-encoding", required_argument, NULL, OPT_CONTENT_ENCODING},
    {"jobs", required_argument, NULL, OPT_JOBS},
    {"quiet", no_argument, NULL, OPT_QUIET},
    {"jsonl", no_argument, NULL, OPT_JSONL},
    {"input-jsonl", no_argument, NULL, OPT_INPUT_JSONL},
    {"links", no_argument, NULL, OPT_LINKS},
    {"images", no_argument, NULL, OPT_IMAGES},
    {"formatting", no_argument, NULL, OPT_FORMATTING},
    {"no-tables", no_argument, NULL, OPT_NO_TABLES},
    {"json-markdown", no_argument, NULL, OPT_JSON_MARKDOWN},
    {"json-html", no_argument, NULL, OPT_JSON_HTML},
    {"help", no_argument, NULL, OPT_HELP},
    {"version", no_argument, NULL, OPT_VERSION},
    {NULL, 0, NULL, 0}
};

/* Leading ':' makes getopt_long return ':' for a missing argument and keeps
 * it quiet: every message is ours. */
static const char short_options[] = ":f:o:j:qrhV";

/* In parts: ISO C bounds a string literal's length. */
static const char *const usage_text[] = {
    "Usage: winnow [OPTIONS] [FILE|DIR ...]\n"
    "Extract the main content of HTML pages, without the boilerplate.\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input. A DIR stands for\n"
    "the inputs in it, in name order: *.htm and *.html files, the same\n"
    "compressed (*.html.gz, *.html.zst, *.html.br) and WARC files (*.warc,\n"
    "*.warc.gz, *.warc.zst); with -r its subdirectories too (links to\n"
    "directories are not followed; hidden names are left out).\n"
    "\n"
    "Compressed input: gzip and zstd data are decompressed whatever the name,\n"
    "told by their first bytes; brotli, which has no such mark, only for a\n"
    "*.br name or with --content-encoding=br.\n"
    "\n"
    "WARC input (plain, gzip or zstd, told by its first line whatever the\n"
    "name) stands for the pages it holds: response records with a 2xx HTTP\n"
    "status and resource records, whose Content-Type is text/html or\n"
    "application/xhtml+xml (sniffed when there is none). Other records\n"
    "(redirects, errors, images, scripts, requests, metadata) are skipped\n"
    "quietly. A page's charset and Content-Encoding come from its headers,\n"
    "its URL from WARC-Target-URI; the XML root's record-id attribute is its\n"
    "WARC-Record-ID.\n"
    "\n"
    "One input is written to standard output; the pages of one WARC file\n"
    "too, one after another: in XML as a single <documents> element with a\n"
    "<doc> per page, in JSON as JSON Lines (one object a line, with its \"url\"\n"
    "and \"record_id\"), in text, markdown, html and explain each after a line\n"
    "\"==> URI RECORD-ID <==\". With several inputs, or with -o DIR, each page\n"
    "is written to DIR/NAME.xml, NAME.txt, NAME.json, NAME.md, NAME.article.html,\n"
    "NAME.explain.txt or NAME.explain.html (DIR defaults to the current\n"
    "directory), NAME being the input's name without its extension(s): the\n"
    "base name of a FILE operand, the path below DIR of a file found in a DIR\n"
    "(DIR/sub/a.html: sub/a), the path as listed by --files-from (with no\n"
    "leading /, and .. as __); subdirectories are created. The pages of a\n"
    "WARC file get NAME-NNNNNN, NNNNNN being the\n"
    "record's number in the file, the first record being 1\n"
    "(crawl.warc.gz: crawl-000003.xml).\n"
    "\n",
    "Options:\n"
    "  -f, --format=FORMAT    output format: xml (default), text, json, markdown\n"
    "                         (CommonMark, tables as pipe tables), html (a\n"
    "                         clean HTML5 fragment, safe to embed), explain or\n"
    "                         explain-html\n"
    "      --explain[=html]   same as --format=explain: the scored block tree;\n"
    "                         =html: --format=explain-html, the page's text block\n"
    "                         by block as one HTML page, coloured by label, with\n"
    "                         each block's features and rule on hover\n"
    "      --comments         put the comment thread in its own section\n"
    "      --links            keep links, their URLs resolved against the page's\n"
    "                         <base href> and --url (xml, markdown, html)\n"
    "      --images           keep images with their src and alt (xml, markdown,\n"
    "                         html)\n"
    "      --formatting       keep bold, italic and code spans, and the language\n"
    "                         of code blocks (xml, markdown, html)\n"
    "      --no-tables        leave data tables out\n"
    "      --json-markdown    add a \"markdown\" key to the JSON output\n"
    "      --json-html        add an \"html\" key to the JSON output\n"
    "      --title            start the text, markdown and html output with the\n"
    "                         page title\n"
    "      --indent           indent the XML output (two spaces a level)\n"
    "      --charset=NAME     charset hint, as from an HTTP Content-Type header\n"
    "                         (a WARC record's own charset wins)\n"
    "      --url=URL          the address the page came from\n"
    "      --content-encoding=CODING\n"
    "                         the inputs' coding, as from an HTTP\n"
    "                         Content-Encoding header: gzip, br, zstd or\n"
    "                         identity (needed for brotli not named *.br)\n"
    "      --strict           fail a page that hits a soft limit (nesting\n"
    "                         deeper than 512, over 256 attributes on a tag)\n"
    "                         instead of extracting it flattened, with a warning\n"
    "  -r, --recursive        walk DIR operands down into their subdirectories\n"
    "      --files-from=FILE  also read the inputs named in FILE, one a line\n"
    "                         (- for standard input)\n"
    "  -o, --output-dir=DIR   write one file per page into DIR (created if\n"
    "                         missing); outputs replace older files atomically\n"
    "  -j, --jobs=N           extract with N threads (default: one per core);\n"
    "                         the output is the same whatever N\n"
    "  -q, --quiet            no progress line and no warnings (failures are\n"
    "                         still reported)\n"
    "      --jsonl            JSON Lines in, JSON Lines out: same as\n"
    "                         --format=json --input-jsonl\n"
    "      --input-jsonl      read records {\"url\": ..., \"html\": ...} (or\n"
    "                         \"html_base64\"; \"charset\" and \"content_type\"\n"
    "                         optional), one a line, from the inputs (standard\n"
    "                         input by default); write one JSON line per record\n"
    "                         to standard output, in order, a failed record as\n"
    "                         {\"url\", \"line\", \"status\", \"error\"} (needs -f json)\n"
    "  -h, --help             show this help and exit\n"
    "  -V, --version          show the version and exit\n"
    "\n",
    "Outputs are written to a hidden temporary file in DIR and renamed into\n"
    "place: a failure never leaves a partial file, and an existing output is\n"
    "only ever replaced by a complete one. Inputs are never modified: an\n"
    "output that would replace an input is not written, nor is a second\n"
    "output of the same name (the first input keeps it).\n"
    "\n"
    "Exit status: 0 if every input succeeded, 1 if some failed, 2 for a\n"
    "usage error, 3 if some input was not an HTML page (an image, archive,\n"
    "executable or binary data, compressed or not: refused) and none failed\n"
    "otherwise, 4 if every input succeeded but some page held no article\n"
    "(an index page, a sign-in page, an error page, a page without prose:\n"
    "its output is written, empty but for the title and metadata, and a line\n"
    "\"no article here: ...\" goes to stderr). Each failed input gets one line on stderr, naming it and\n"
    "the cause, and the other inputs are still processed (a page extracted\n"
    "past a soft limit succeeds, with a \"warning:\" line); an output DIR that\n"
    "cannot be created stops the run before any input (status 1). Corrupt or\n"
    "cut compressed data fails its input, and so does a page whose\n"
    "decompressed size passes the 64 MiB input limit (a decompression bomb\n"
    "is stopped there). In a WARC file each failed page gets its own line\n"
    "(\"FILE: record N (URI): cause\") and counts as a failed input; a corrupt\n"
    "or cut WARC file fails after the pages before the damage are written;\n"
    "a page record over 64 MiB is skipped with a warning, as are bytes\n"
    "between records that are not WARC records. A reader that closes\n"
    "standard output early (winnow page.html | head) ends the command\n"
    "quietly with status 0.\n"
    "\n",
    "With --input-jsonl a record that fails is an error record in the output\n"
    "and does not change the exit status (a map task must not fail for one\n"
    "page); blank lines are skipped. While stderr is a terminal (and stdout\n"
    "is not), a progress line shows the pages, pages/s, MB/s read, failures\n"
    "and, when the inputs' total size is known, the time left.\n",
};

void cli_usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cli_vmessage(fmt, ap);
    va_end(ap);
    fputs("Try 'winnow --help' for more information.\n", stderr);
}

/* Flush stdout after --help/--version. A reader that went away (EPIPE) is
 * not an error, as everywhere else in the command. */
static int finish_stdout(void)
{
    if (fflush(stdout) == 0 && !ferror(stdout))
        return CLI_EXIT_OK;
    if (errno == EPIPE)
        return CLI_EXIT_OK;
    cli_message("standard output: %s", strerror(errno));
    return CLI_EXIT_FAILED;
}

int cli_print_help(void)
{
    for (size_t i = 0; i < sizeof usage_text / sizeof usage_text[0]; i++)
        fputs(usage_text[i], stdout);
    return finish_stdout();
}

int cli_print_version(void)
{
    printf("winnow %s\n", wn_version());
    return finish_stdout();
}

static int parse_format(const char *name, wn_format *format)
{
    if (strcmp(name, "xml") == 0)
        *format = WN_FORMAT_XML;
    else if (strcmp(name, "text") == 0)
        *format = WN_FORMAT_TEXT;
    else if (strcmp(name, "explain") == 0)
        *format = WN_FORMAT_EXPLAIN;
    else if (strcmp(name, "explain-html") == 0)
        *format = WN_FORMAT_EXPLAIN_HTML;
    else if (strcmp(name, "json") == 0)
        *format = WN_FORMAT_JSON;
    else if (strcmp(name, "markdown") == 0 || strcmp(name, "md") == 0)
        *format = WN_FORMAT_MARKDOWN;
    else if (strcmp(name, "html") == 0)
        *format = WN_FORMAT_HTML;
    else
        return -1;
    return 0;
}

static int is_content_encoding(const char *name)
{
    static const char *const known[] = {"gzip", "x-gzip", "br", "zstd", "identity"};
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strcmp(name, known[i]) == 0)
            return 1;
    return 0;
}

/* Explain why "--NAME[=VALUE]" was refused: unknown, ambiguous, or given an
 * argument it does not take. */
static void report_bad_long_option(const char *arg)
{
    const char *name = arg + 2;
    size_t name_len = strcspn(name, "=");
    const struct option *match = NULL;
    size_t matches = 0;

    for (const struct option *o = long_options; o->name; o++) {
        if (strncmp(o->name, name, name_len) != 0)
            continue;
        if (o->name[name_len] == '\0') { /* exact match wins */
            match = o;
            matches = 1;
            break;
        }
        match = o;
        matches++;
    }
    if (matches == 1 && name[name_len] == '=' && match->has_arg == no_argument)
        cli_usage_error("option '--%s' takes no argument", match->name);
    else if (matches > 1)
        cli_usage_error("ambiguous option '--%.*s'", (int)name_len, name);
    else
        cli_usage_error("unknown option '--%.*s'", (int)name_len, name);
}

static void report_bad_option(char **argv)
{
    if (optopt > 0 && optopt < OPT_FORMAT)
        cli_usage_error("unknown option '-%c'", optopt);
    else
        report_bad_long_option(argv[optind - 1]);
}

static void report_missing_argument(char **argv)
{
    if (optopt > 0 && optopt < OPT_FORMAT)
        cli_usage_error("option '-%c' needs an argument", optopt);
    else
        cli_usage_error("option '%s' needs an argument", argv[optind - 1]);
}

/* Apply one option; returns the action it asks for (RUN to go on). */
static cli_action apply_option(int opt, char **argv, cli_args *args)
{
    switch (opt) {
    case 'f':
    case OPT_FORMAT:
        args->format_given = 1;
        if (parse_format(optarg, &args->format) != 0) {
            cli_usage_error("unknown format '%s' (choose xml, text, json, markdown, html, explain or explain-html)",
                            optarg);
            return CLI_ACTION_USAGE_ERROR;
        }
        return CLI_ACTION_RUN;
    case OPT_EXPLAIN:
        if (!optarg || strcmp(optarg, "text") == 0) {
            args->format = WN_FORMAT_EXPLAIN;
        } else if (strcmp(optarg, "html") == 0) {
            args->format = WN_FORMAT_EXPLAIN_HTML;
        } else {
            cli_usage_error("unknown explain format '%s' (choose text or html)", optarg);
            return CLI_ACTION_USAGE_ERROR;
        }
        return CLI_ACTION_RUN;
    case 'o':
    case OPT_OUTPUT_DIR:
        if (optarg[0] == '\0') {
            cli_usage_error("the output directory name is empty");
            return CLI_ACTION_USAGE_ERROR;
        }
        args->output_dir = optarg;
        return CLI_ACTION_RUN;
    case OPT_COMMENTS:
        args->flags |= WN_FLAG_COMMENTS;
        return CLI_ACTION_RUN;
    case OPT_TITLE:
        args->flags |= WN_FLAG_TITLE_IN_TEXT;
        return CLI_ACTION_RUN;
    case OPT_LINKS:
        args->flags |= WN_FLAG_LINKS;
        return CLI_ACTION_RUN;
    case OPT_IMAGES:
        args->flags |= WN_FLAG_IMAGES;
        return CLI_ACTION_RUN;
    case OPT_FORMATTING:
        args->flags |= WN_FLAG_FORMATTING;
        return CLI_ACTION_RUN;
    case OPT_NO_TABLES:
        args->flags |= WN_FLAG_NO_TABLES;
        return CLI_ACTION_RUN;
    case OPT_JSON_MARKDOWN:
        args->flags |= WN_FLAG_JSON_MARKDOWN;
        return CLI_ACTION_RUN;
    case OPT_JSON_HTML:
        args->flags |= WN_FLAG_JSON_HTML;
        return CLI_ACTION_RUN;
    case OPT_CHARSET:
        args->charset = optarg;
        return CLI_ACTION_RUN;
    case OPT_URL:
        args->url = optarg;
        return CLI_ACTION_RUN;
    case OPT_STRICT:
        args->flags |= WN_FLAG_STRICT_LIMITS;
        return CLI_ACTION_RUN;
    case OPT_INDENT:
        args->flags |= WN_FLAG_XML_INDENT;
        return CLI_ACTION_RUN;
    case 'r':
    case OPT_RECURSIVE:
        args->recursive = 1;
        return CLI_ACTION_RUN;
    case OPT_FILES_FROM:
        if (optarg[0] == '\0') {
            cli_usage_error("the --files-from file name is empty");
            return CLI_ACTION_USAGE_ERROR;
        }
        args->files_from = optarg;
        return CLI_ACTION_RUN;
    case OPT_CONTENT_ENCODING:
        if (!is_content_encoding(optarg)) {
            cli_usage_error("unknown content encoding '%s' (choose gzip, br, zstd or identity)",
                            optarg);
            return CLI_ACTION_USAGE_ERROR;
        }
        args->content_encoding = optarg;
        return CLI_ACTION_RUN;
    case 'j':
    case OPT_JOBS: {
        char *end;
        errno = 0;
        unsigned long n = strtoul(optarg, &end, 10);
        if (optarg[0] < '0' || optarg[0] > '9' || *end || errno || n < 1 || n > 1024) {
            cli_usage_error("bad thread count '%s' (give 1 to 1024)", optarg);
            return CLI_ACTION_USAGE_ERROR;
        }
        args->jobs = (unsigned)n;
        return CLI_ACTION_RUN;
    }
    case 'q':
    case OPT_QUIET:
        args->quiet = 1;
        return CLI_ACTION_RUN;
    case OPT_JSONL:
        args->input_jsonl = 1;
        args->format = WN_FORMAT_JSON;
        args->format_given = 1;
        return CLI_ACTION_RUN;
    case OPT_INPUT_JSONL:
        args->input_jsonl = 1;
        return CLI_ACTION_RUN;
    case 'h':
    case OPT_HELP:
        return CLI_ACTION_HELP;
    case 'V':
    case OPT_VERSION:
        return CLI_ACTION_VERSION;
    case ':':
        report_missing_argument(argv);
        return CLI_ACTION_USAGE_ERROR;
    default:
        report_bad_option(argv);
        return CLI_ACTION_USAGE_ERROR;
    }
}

cli_action cli_parse_args(int argc, char **argv, cli_args *args)
{
    int opt;

    memset(args, 0, sizeof *args);
    args->format = WN_FORMAT_XML;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, short_options, long_options, NULL)) != -1) {
        cli_action action = apply_option(opt, argv, args);
        if (action != CLI_ACTION_RUN)
            return action;
    }
    if (args->input_jsonl && args->format != WN_FORMAT_JSON) {
        cli_usage_error("--input-jsonl writes JSON Lines: give -f json (or use --jsonl)");
        return CLI_ACTION_USAGE_ERROR;
    }
    if (args->input_jsonl && args->output_dir) {
        cli_usage_error("--input-jsonl writes to standard output: -o cannot be used with it");
        return CLI_ACTION_USAGE_ERROR;
    }
    if (args->format == WN_FORMAT_EXPLAIN || args->format == WN_FORMAT_EXPLAIN_HTML)
        args->flags |= WN_FLAG_EXPLAIN;
    args->operands = argv + optind;
    args->operand_count = (size_t)(argc - optind);
    return CLI_ACTION_RUN;
}
