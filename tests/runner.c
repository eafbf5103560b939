/* The main() of every Check executable.
 *
 * Fork mode: Check forks a child per test unless CK_FORK=no, so a crash fails
 * one test instead of the whole executable. meson.build does not put CK_FORK
 * in the tests' environment because a test's own environment would override
 * the CK_FORK=no of the valgrind setup (meson applies the setup's
 * environment first, then the test's); fork mode is the default here instead. */
#include <stdlib.h>

#include "runner.h"

int main(void)
{
    SRunner *runner = srunner_create(wn_test_suite());
    if (!getenv("CK_FORK"))
        srunner_set_fork_status(runner, CK_FORK);
    srunner_run_all(runner, CK_ENV);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
