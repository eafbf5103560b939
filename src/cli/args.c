/* Command-line parsing, --help and --version for the winnow command. */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
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
    OPT_HELP,
    OPT_VERSION
};

static const struct option long_options[] = {
    {"format", required_argument, NULL, OPT_FORMAT},
    {"output-dir", required_argument, NULL, OPT_OUTPUT_DIR},
    {"explain", no_argument, NULL, OPT_EXPLAIN},
    {"comments", no_argument, NULL, OPT_COMMENTS},
    {"title", no_argument, NULL, OPT_TITLE},
    {"charset", required_argument, NULL, OPT_CHARSET},
    {"url", required_argument, NULL, OPT_URL},
    {"strict", no_argument, NULL, OPT_STRICT},
    {"indent", no_argument, NULL, OPT_INDENT},
    {"help", no_argument, NULL, OPT_HELP},
    {"version", no_argument, NULL, OPT_VERSION},
    {NULL, 0, NULL, 0}
};

/* Leading ':' makes getopt_long return ':' for a missing argument and keeps
 * it quiet: every message is ours. */
static const char short_options[] = ":f:o:hV";

static const char usage_text[] =
    "Usage: winnow [OPTIONS] [FILE|DIR ...]\n"
    "Extract the main content of HTML pages, without the boilerplate.\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input. A DIR stands for\n"
    "every *.htm and *.html file in it, in name order (not recursive).\n"
    "One input is written to standard output. With several inputs, or with\n"
    "-o DIR, each is written to DIR/NAME.xml, NAME.txt or NAME.explain.txt\n"
    "(DIR defaults to the current directory), NAME being the input's file\n"
    "name without its extension.\n"
    "\n"
    "Options:\n"
    "  -f, --format=FORMAT    output format: xml (default), text or explain\n"
    "      --explain          same as --format=explain: the scored block tree\n"
    "      --comments         put the comment thread in its own section\n"
    "      --title            start the text output with the page title\n"
    "      --indent           indent the XML output (two spaces a level)\n"
    "      --charset=NAME     charset hint, as from an HTTP Content-Type header\n"
    "      --url=URL          the address the page came from\n"
    "      --strict           fail a page that hits a soft limit (nesting\n"
    "                         deeper than 512, over 256 attributes on a tag)\n"
    "                         instead of extracting it flattened, with a warning\n"
    "  -o, --output-dir=DIR   write one file per input into DIR (created if\n"
    "                         missing); outputs replace older files atomically\n"
    "  -h, --help             show this help and exit\n"
    "  -V, --version          show the version and exit\n"
    "\n"
    "Outputs are written to a hidden temporary file in DIR and renamed into\n"
    "place: a failure never leaves a partial file, and an existing output is\n"
    "only ever replaced by a complete one. Inputs are never modified: an\n"
    "output that would replace an input is not written, nor is a second\n"
    "output of the same name (the first input keeps it).\n"
    "\n"
    "Exit status: 0 if every input succeeded, 1 if some failed, 2 for a\n"
    "usage error, 3 if some input was not an HTML page (an image, archive,\n"
    "executable, compressed or binary data: refused) and none failed\n"
    "otherwise. Each failed input gets one line on stderr, naming it and\n"
    "the cause, and the other inputs are still processed (a page extracted\n"
    "past a soft limit succeeds, with a \"warning:\" line); an output DIR that\n"
    "cannot be created stops the run before any input (status 1). A reader\n"
    "that closes standard output early (winnow page.html | head) ends the\n"
    "command quietly with status 0.\n";

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
    fputs(usage_text, stdout);
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
    else
        return -1;
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
        if (parse_format(optarg, &args->format) != 0) {
            cli_usage_error("unknown format '%s' (choose xml, text or explain)", optarg);
            return CLI_ACTION_USAGE_ERROR;
        }
        return CLI_ACTION_RUN;
    case OPT_EXPLAIN:
        args->format = WN_FORMAT_EXPLAIN;
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
    if (args->format == WN_FORMAT_EXPLAIN)
        args->flags |= WN_FLAG_EXPLAIN;
    args->operands = argv + optind;
    args->operand_count = (size_t)(argc - optind);
    return CLI_ACTION_RUN;
}
