/* Shared Check runner: each test file defines wn_test_suite() and links
 * runner.c, which runs it and turns failures into the exit status. */
#ifndef WN_TEST_RUNNER_H
#define WN_TEST_RUNNER_H

#include <check.h>
#include <stddef.h>

/* Defined once per test executable. */
Suite *wn_test_suite(void);


/* Number of entries of a static table (for tcase_add_loop_test). */
#define WN_COUNT(table) ((int)(sizeof(table) / sizeof((table)[0])))

#endif
