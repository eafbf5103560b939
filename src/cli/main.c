/* winnow: extract the main content of HTML pages from the command line. */
#include "cli.h"

#include <signal.h>

int main(int argc, char **argv)
{
    cli_args args;

    /* A closed stdout pipe shows up as EPIPE from write(), which the
     * command treats as a quiet stop (see write.c), not as a fatal signal. */
    signal(SIGPIPE, SIG_IGN);
    /* Under a file size limit (ulimit -f), SIGXFSZ would kill us half-way
     * through an output and leave its temporary file; ignored, the write
     * fails with EFBIG, which is reported and cleaned up like any error. */
    signal(SIGXFSZ, SIG_IGN);
    switch (cli_parse_args(argc, argv, &args)) {
    case CLI_ACTION_HELP:
        return cli_print_help();
    case CLI_ACTION_VERSION:
        return cli_print_version();
    case CLI_ACTION_USAGE_ERROR:
        return CLI_EXIT_USAGE;
    case CLI_ACTION_RUN:
        break;
    }
    cli_install_signal_cleanup();
    return cli_run(&args);
}
