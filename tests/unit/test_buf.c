/* buf.c: the growable output buffer. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "runner.h"

START_TEST(test_init_empty)
{
    wn_buf b;
    memset(&b, 0x5A, sizeof b);
    wn_buf_init(&b);
    ck_assert_ptr_null(b.data);
    ck_assert_uint_eq(b.len, 0);
    ck_assert_uint_eq(b.cap, 0);
    ck_assert(!b.failed);
    wn_buf_free(&b);
    wn_buf_free(&b); /* twice is fine */
}
END_TEST

START_TEST(test_append_puts_putc)
{
    wn_buf b;
    wn_buf_init(&b);
    wn_buf_append(&b, "abcXYZ", 3);
    wn_buf_puts(&b, "def");
    wn_buf_putc(&b, 'g');
    wn_buf_append(&b, NULL, 0);
    wn_buf_puts(&b, "");
    ck_assert_uint_eq(b.len, 7);
    ck_assert_str_eq(b.data, "abcdefg");
    ck_assert_uint_gt(b.cap, b.len);
    /* Embedded NUL bytes are kept and counted. */
    wn_buf_append(&b, "h\0i", 3);
    ck_assert_uint_eq(b.len, 10);
    ck_assert_mem_eq(b.data, "abcdefgh\0i", 11);
    wn_buf_free(&b);
}
END_TEST

START_TEST(test_printf)
{
    wn_buf b;
    wn_buf_init(&b);
    wn_buf_puts(&b, "<");
    wn_buf_printf(&b, "%d-%s-%u", -42, "x", 7u);
    wn_buf_printf(&b, "%.2f", 1.5);
    wn_buf_printf(&b, "%s", "");
    wn_buf_puts(&b, ">");
    ck_assert_str_eq(b.data, "<-42-x-71.50>");
    ck_assert_uint_eq(b.len, strlen("<-42-x-71.50>"));
    wn_buf_free(&b);
}
END_TEST

/* Output longer than printf's 256-byte fast path, at several offsets. */
static const size_t LONG_LENGTHS[] = {255, 256, 257, 1000, 70000};

START_TEST(test_printf_long)
{
    size_t n = LONG_LENGTHS[_i];
    char *arg = malloc(n + 1);
    ck_assert_ptr_nonnull(arg);
    for (size_t i = 0; i < n; i++)
        arg[i] = (char)('a' + i % 26);
    arg[n] = '\0';
    wn_buf b;
    wn_buf_init(&b);
    wn_buf_puts(&b, "head:");
    wn_buf_printf(&b, "[%s]%zu", arg, n);
    wn_buf_puts(&b, ":tail");
    char expected_tail[64];
    snprintf(expected_tail, sizeof expected_tail, "]%zu:tail", n);
    ck_assert_uint_eq(b.len, 5 + 1 + n + strlen(expected_tail));
    ck_assert_mem_eq(b.data, "head:[", 6);
    ck_assert_mem_eq(b.data + 6, arg, n);
    ck_assert_str_eq(b.data + 6 + n, expected_tail);
    ck_assert_int_eq(b.data[b.len], '\0');
    wn_buf_free(&b);
    free(arg);
}
END_TEST

START_TEST(test_growth)
{
    wn_buf b;
    wn_buf_init(&b);
    size_t last_cap = 0;
    unsigned reallocs = 0;
    unsigned no_room = 0;
    for (unsigned i = 0; i < 200000; i++) {
        wn_buf_putc(&b, (char)('0' + i % 10));
        no_room += b.cap <= b.len;
        if (b.cap != last_cap) {
            reallocs++;
            last_cap = b.cap;
        }
    }
    ck_assert_uint_eq(no_room, 0);
    ck_assert_uint_eq(b.len, 200000);
    ck_assert_uint_eq(strlen(b.data), 200000);
    unsigned wrong = 0;
    for (unsigned i = 0; i < 200000; i++)
        wrong += b.data[i] != '0' + (int)(i % 10);
    ck_assert_uint_eq(wrong, 0);
    /* Geometric growth: a handful of reallocations, not one per byte. */
    ck_assert_uint_lt(reallocs, 20);
    ck_assert(wn_buf_reserve(&b, 1000000));
    ck_assert_uint_gt(b.cap, b.len + 1000000);
    ck_assert_uint_eq(b.len, 200000);
    wn_buf_free(&b);
}
END_TEST

START_TEST(test_detach)
{
    wn_buf b;
    wn_buf_init(&b);
    wn_buf_puts(&b, "hello");
    size_t len = 99;
    char *s = wn_buf_detach(&b, &len);
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(s, "hello");
    ck_assert_uint_eq(len, 5);
    /* The buffer is empty and usable again; the string is the caller's. */
    ck_assert_ptr_null(b.data);
    ck_assert_uint_eq(b.len, 0);
    wn_buf_puts(&b, "again");
    ck_assert_str_eq(b.data, "again");
    ck_assert_str_eq(s, "hello");
    free(s);
    s = wn_buf_detach(&b, NULL);
    ck_assert_str_eq(s, "again");
    free(s);
}
END_TEST

START_TEST(test_detach_empty)
{
    wn_buf b;
    wn_buf_init(&b);
    size_t len = 99;
    char *s = wn_buf_detach(&b, &len);
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(s, "");
    ck_assert_uint_eq(len, 0);
    free(s);
}
END_TEST

START_TEST(test_failed_flag)
{
    wn_buf b;
    wn_buf_init(&b);
    wn_buf_puts(&b, "kept");
    /* A size that cannot be represented fails without touching the data. */
    ck_assert(!wn_buf_reserve(&b, SIZE_MAX));
    ck_assert(b.failed);
    ck_assert_uint_eq(b.len, 4);
    /* Later writes are ignored, even ones that would fit. */
    wn_buf_puts(&b, "more");
    wn_buf_putc(&b, 'x');
    wn_buf_printf(&b, "%d", 12345);
    ck_assert_uint_eq(b.len, 4);
    ck_assert(!wn_buf_reserve(&b, 1));
    /* Detaching a failed buffer gives NULL and frees it. */
    size_t len = 77;
    ck_assert_ptr_null(wn_buf_detach(&b, &len));
    ck_assert_ptr_null(b.data);
    ck_assert(!b.failed);
    wn_buf_free(&b);
}
END_TEST

START_TEST(test_failed_overflow_near_len)
{
    wn_buf b;
    wn_buf_init(&b);
    wn_buf_puts(&b, "0123456789");
    ck_assert(!wn_buf_reserve(&b, SIZE_MAX - 10));
    ck_assert(b.failed);
    wn_buf_free(&b);
    ck_assert(!b.failed);
}
END_TEST

Suite *wn_test_suite(void)
{
    Suite *s = suite_create("buf");
    TCase *tc = tcase_create("append");
    tcase_add_test(tc, test_init_empty);
    tcase_add_test(tc, test_append_puts_putc);
    tcase_add_test(tc, test_printf);
    tcase_add_loop_test(tc, test_printf_long, 0, WN_COUNT(LONG_LENGTHS));
    tcase_add_test(tc, test_growth);
    suite_add_tcase(s, tc);

    tc = tcase_create("detach");
    tcase_add_test(tc, test_detach);
    tcase_add_test(tc, test_detach_empty);
    suite_add_tcase(s, tc);

    tc = tcase_create("failed");
    tcase_add_test(tc, test_failed_flag);
    tcase_add_test(tc, test_failed_overflow_near_len);
    suite_add_tcase(s, tc);
    return s;
}
