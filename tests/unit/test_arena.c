/* arena.c: the per-document bump allocator. */
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "runner.h"

/* ---- alignment ------------------------------------------------------------ */

static const size_t ALIGN_SIZES[] = {0, 1, 2, 3, 7, 8, 15, 16, 17, 31, 33, 100, 4095, 70000};

START_TEST(test_alignment)
{
    wn_arena arena;
    wn_arena_init(&arena, 0);
    /* Each size after a run of odd-sized allocations. */
    for (int round = 0; round < 3; round++) {
        char *odd = wn_arena_alloc(&arena, 1 + (size_t)round * 2);
        ck_assert_ptr_nonnull(odd);
        void *p = wn_arena_alloc(&arena, ALIGN_SIZES[_i]);
        ck_assert_ptr_nonnull(p);
        ck_assert_uint_eq((uintptr_t)p % 16, 0);
        ck_assert_ptr_ne(p, odd);
    }
    ck_assert_uint_ge(arena.used_bytes, ALIGN_SIZES[_i] * 3);
    ck_assert_uint_ge(arena.reserved_bytes, arena.used_bytes);
    wn_arena_release(&arena);
}
END_TEST

/* ---- many allocations over several chunks ---------------------------------- */

START_TEST(test_many_allocations)
{
    enum { COUNT = 20000, SIZE = 50 };
    wn_arena arena;
    wn_arena_init(&arena, 0);
    static unsigned char *blocks[COUNT];
    for (unsigned i = 0; i < COUNT; i++) {
        blocks[i] = wn_arena_alloc(&arena, SIZE);
        ck_assert_ptr_nonnull(blocks[i]);
        memset(blocks[i], (int)(i & 0xFF), SIZE);
    }
    /* 1 MB of data needs more than one 64 KiB chunk. */
    ck_assert_ptr_nonnull(arena.head);
    ck_assert_uint_ge(arena.used_bytes, (size_t)COUNT * SIZE);
    ck_assert_uint_ge(arena.reserved_bytes, arena.used_bytes);
    /* No allocation overlapped another: every block still holds its pattern. */
    unsigned bad = 0;
    for (unsigned i = 0; i < COUNT; i++)
        for (unsigned k = 0; k < SIZE; k++)
            bad += blocks[i][k] != (i & 0xFF);
    ck_assert_uint_eq(bad, 0);
    wn_arena_release(&arena);
}
END_TEST

START_TEST(test_large_allocation)
{
    wn_arena arena;
    wn_arena_init(&arena, 0);
    char *small = wn_arena_alloc(&arena, 10);
    ck_assert_ptr_nonnull(small);
    size_t big = (size_t)3 << 20; /* larger than any default chunk */
    char *p = wn_arena_alloc(&arena, big);
    ck_assert_ptr_nonnull(p);
    memset(p, 'x', big);
    ck_assert_int_eq(p[big - 1], 'x');
    char *after = wn_arena_alloc(&arena, 10);
    ck_assert_ptr_nonnull(after);
    ck_assert_uint_ge(arena.reserved_bytes, big + 20);
    wn_arena_release(&arena);
}
END_TEST

/* ---- the limit -------------------------------------------------------------- */

static const size_t LIMITS[] = {100, 4096, 65536, 200000};

START_TEST(test_limit)
{
    size_t limit = LIMITS[_i];
    wn_arena arena;
    wn_arena_init(&arena, limit);
    ck_assert_uint_eq(arena.limit_bytes, limit);
    /* A single allocation over the limit fails. */
    ck_assert_ptr_null(wn_arena_alloc(&arena, limit + 1));
    /* Small allocations succeed until the limit, then fail; never past it. */
    size_t got = 0;
    int failed = 0;
    for (int i = 0; i < 100000; i++) {
        void *p = wn_arena_alloc(&arena, 32);
        if (!p) {
            failed = 1;
            break;
        }
        got += 32;
    }
    ck_assert_msg(failed, "allocation never failed under a %zu-byte limit", limit);
    ck_assert_uint_le(got, limit);
    ck_assert_uint_le(arena.reserved_bytes, limit);
    ck_assert_uint_le(arena.used_bytes, limit);
    ck_assert_uint_ge(got, limit / 2);
    /* It keeps failing. */
    ck_assert_ptr_null(wn_arena_alloc(&arena, 32));
    ck_assert_ptr_null(wn_arena_calloc(&arena, 4, 8));
    ck_assert_ptr_null(wn_arena_strndup(&arena, "abcdefghijklmnopqrstuvwxyz0123456789", 36));
    wn_arena_release(&arena);
}
END_TEST

/* Sizes whose arithmetic would overflow fail before reaching malloc (so the
 * test also holds under ASan, whose malloc aborts on absurd sizes). */
START_TEST(test_huge_sizes_fail)
{
    wn_arena arena;
    wn_arena_init(&arena, 0);
    ck_assert_ptr_null(wn_arena_alloc(&arena, SIZE_MAX));
    ck_assert_ptr_null(wn_arena_alloc(&arena, SIZE_MAX - 8));
    ck_assert_ptr_null(wn_arena_alloc(&arena, SIZE_MAX - 15));
    /* Rounds up to a size no chunk header fits beside. */
    ck_assert_ptr_null(wn_arena_alloc(&arena, SIZE_MAX - 16));
    /* The arena still works afterwards. */
    ck_assert_ptr_nonnull(wn_arena_alloc(&arena, 16));
    wn_arena_release(&arena);
}
END_TEST

/* ---- release and reuse ---------------------------------------------------------- */

START_TEST(test_release_reuse)
{
    wn_arena arena;
    wn_arena_init(&arena, 1 << 20);
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 1000; i++) {
            char *p = wn_arena_alloc(&arena, 500);
            ck_assert_ptr_nonnull(p);
            memset(p, 'a' + round, 500);
        }
        ck_assert_uint_ge(arena.used_bytes, 500000);
        wn_arena_release(&arena);
        ck_assert_ptr_null(arena.head);
        ck_assert_uint_eq(arena.used_bytes, 0);
        ck_assert_uint_eq(arena.reserved_bytes, 0);
        /* The limit survives a release. */
        ck_assert_uint_eq(arena.limit_bytes, 1 << 20);
    }
    /* Releasing an empty arena is fine, twice. */
    wn_arena_release(&arena);
    wn_arena_release(&arena);
}
END_TEST

/* ---- giving back the end of the newest allocation ------------------------------ */

START_TEST(test_shrink_newest)
{
    wn_arena arena;
    wn_arena_init(&arena, 0);
    char *a = wn_arena_alloc(&arena, 100);
    char *b = wn_arena_alloc(&arena, 3000);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(b);
    memset(b, 'b', 3000);
    size_t used = arena.used_bytes;
    /* Not the newest: nothing changes. */
    wn_arena_shrink(&arena, a, 1);
    ck_assert_uint_eq(arena.used_bytes, used);
    wn_arena_shrink(&arena, b, 20);
    ck_assert_uint_eq(arena.used_bytes, used - 3008 + 32); /* sizes round to 16 */
    ck_assert_int_eq(b[19], 'b'); /* what it keeps is intact */
    /* The next allocation follows what b kept. */
    char *c = wn_arena_alloc(&arena, 10);
    ck_assert_ptr_eq(c, b + 32);
    /* Growing is not shrinking: nothing changes. */
    used = arena.used_bytes;
    wn_arena_shrink(&arena, c, 500);
    ck_assert_uint_eq(arena.used_bytes, used);
    wn_arena_release(&arena);
    wn_arena_shrink(&arena, c, 1); /* after a release: not the newest */
    ck_assert_uint_eq(arena.used_bytes, 0);
}
END_TEST

/* ---- trimming a buffer alone in its chunk ---------------------------------------- */

START_TEST(test_trim_alone)
{
    wn_arena arena;
    wn_arena_init(&arena, 0);
    /* Larger than any first chunk: a chunk of its own. */
    char *a = wn_arena_alloc(&arena, 200000);
    ck_assert_ptr_nonnull(a);
    memset(a, 'a', 200000);
    size_t reserved = arena.reserved_bytes;
    ck_assert_uint_ge(reserved, 200000);
    a = wn_arena_trim(&arena, a, 1000);
    ck_assert_ptr_nonnull(a);
    ck_assert_uint_eq(arena.reserved_bytes, reserved - 200000 + 1008);
    ck_assert_uint_eq(arena.used_bytes, 1008);
    ck_assert_int_eq(a[0], 'a');
    ck_assert_int_eq(a[999], 'a');
    /* The chunk is full: the next allocation takes a new one. */
    char *b = wn_arena_alloc(&arena, 10);
    ck_assert_ptr_nonnull(b);
    ck_assert_uint_gt(arena.reserved_bytes, reserved - 200000 + 1008);
    /* Not alone in its chunk: it shrinks in place and the chunk stays. */
    char *c = wn_arena_alloc(&arena, 100);
    reserved = arena.reserved_bytes;
    ck_assert_ptr_eq(wn_arena_trim(&arena, c, 20), c);
    ck_assert_uint_eq(arena.reserved_bytes, reserved);
    /* Not the newest: nothing changes. */
    ck_assert_ptr_eq(wn_arena_trim(&arena, b, 1), b);
    ck_assert_uint_eq(arena.reserved_bytes, reserved);
    wn_arena_release(&arena);
    ck_assert_uint_eq(arena.reserved_bytes, 0);
}
END_TEST

/* ---- the rest of the newest chunk ------------------------------------------------- */

START_TEST(test_alloc_rest)
{
    wn_arena arena;
    wn_arena_init(&arena, 0);
    char *a = wn_arena_alloc(&arena, 100);
    ck_assert_ptr_nonnull(a);
    size_t reserved = arena.reserved_bytes, len = 0;
    /* The rest of a's chunk: right after a, to the chunk's end. */
    char *rest = wn_arena_alloc_rest(&arena, 16, &len);
    ck_assert_ptr_eq(rest, a + 112);
    ck_assert_uint_eq(arena.reserved_bytes, reserved);
    ck_assert_uint_eq(arena.used_bytes, reserved);
    ck_assert_uint_eq((uintptr_t)rest % 16, 0);
    memset(rest, 'r', len);
    /* Giving back all but 40 bytes: the next allocation follows them. */
    wn_arena_shrink(&arena, rest, 40);
    ck_assert_ptr_eq(wn_arena_alloc(&arena, 10), rest + 48);
    /* More than the chunk has left: a new chunk, whole. */
    char *more = wn_arena_alloc_rest(&arena, reserved, &len);
    ck_assert_ptr_nonnull(more);
    ck_assert_uint_ge(len, reserved);
    ck_assert_uint_eq(arena.reserved_bytes, reserved + len);
    memset(more, 'm', len);
    ck_assert_int_eq(rest[0], 'r');
    wn_arena_release(&arena);
}
END_TEST

/* ---- big blocks of their own ------------------------------------------------------- */

START_TEST(test_big_blocks)
{
    wn_arena arena;
    wn_arena_init(&arena, 0);
    char *x = wn_arena_alloc(&arena, 100);
    size_t reserved = arena.reserved_bytes;
    char *big[3];
    for (int i = 0; i < 3; i++) {
        big[i] = wn_arena_alloc_big(&arena, 50000);
        ck_assert_ptr_nonnull(big[i]);
        ck_assert_uint_eq((uintptr_t)big[i] % 16, 0);
        memset(big[i], 'a' + i, 50000);
    }
    ck_assert_uint_eq(arena.reserved_bytes, reserved + 150000);
    /* Freed from the middle, the first and the last: the others intact. */
    wn_arena_free_big(&arena, big[1]);
    ck_assert_uint_eq(arena.reserved_bytes, reserved + 100000);
    ck_assert_int_eq(big[0][49999], 'a');
    ck_assert_int_eq(big[2][0], 'c');
    wn_arena_free_big(&arena, big[2]);
    wn_arena_free_big(&arena, NULL);
    ck_assert_uint_eq(arena.reserved_bytes, reserved + 50000);
    ck_assert_ptr_eq(wn_arena_alloc(&arena, 10), x + 112);
    /* The one left goes with the arena (valgrind and ASan see no leak). */
    wn_arena_release(&arena);
    ck_assert_uint_eq(arena.reserved_bytes, 0);
    /* Past the limit: NULL, and the limit is marked hit. */
    wn_arena_init(&arena, 10000);
    ck_assert_ptr_null(wn_arena_alloc_big(&arena, 20000));
    ck_assert_int_eq(arena.limit_hit, 1);
    wn_arena_release(&arena);
}
END_TEST

/* ---- calloc and strndup ------------------------------------------------------------ */

typedef struct calloc_case {
    size_t count, size;
} calloc_case;

static const calloc_case CALLOC_OVERFLOW[] = {
    {SIZE_MAX, 2},
    {2, SIZE_MAX},
    {SIZE_MAX / 2 + 1, 2},
    {SIZE_MAX / 16 + 1, 16},
    {(size_t)1 << (sizeof(size_t) * 4), (size_t)1 << (sizeof(size_t) * 4)},
    {SIZE_MAX, SIZE_MAX},
};

START_TEST(test_calloc_overflow)
{
    wn_arena arena;
    wn_arena_init(&arena, 0);
    ck_assert_ptr_null(wn_arena_calloc(&arena, CALLOC_OVERFLOW[_i].count, CALLOC_OVERFLOW[_i].size));
    ck_assert_uint_eq(arena.used_bytes, 0);
    wn_arena_release(&arena);
}
END_TEST

START_TEST(test_calloc_zeroes)
{
    wn_arena arena;
    wn_arena_init(&arena, 0);
    /* Dirty a chunk, release it, then calloc: malloc tends to hand the same
     * memory back, so calloc must clear it itself. */
    unsigned char *dirty = wn_arena_alloc(&arena, 60000);
    ck_assert_ptr_nonnull(dirty);
    memset(dirty, 0xA5, 60000);
    wn_arena_release(&arena);
    unsigned char *p = wn_arena_calloc(&arena, 1000, 60);
    ck_assert_ptr_nonnull(p);
    size_t nonzero = 0;
    for (size_t i = 0; i < 60000; i++)
        nonzero += p[i] != 0;
    ck_assert_uint_eq(nonzero, 0);
    ck_assert_ptr_nonnull(wn_arena_calloc(&arena, 0, 10));
    ck_assert_ptr_nonnull(wn_arena_calloc(&arena, 10, 0));
    wn_arena_release(&arena);
}
END_TEST

START_TEST(test_strndup)
{
    wn_arena arena;
    wn_arena_init(&arena, 0);
    char *s = wn_arena_strndup(&arena, "hello world", 5);
    ck_assert_str_eq(s, "hello");
    char *e = wn_arena_strndup(&arena, "", 0);
    ck_assert_str_eq(e, "");
    char *z = wn_arena_strndup(&arena, "a\0b", 3);
    ck_assert_int_eq(z[0], 'a');
    ck_assert_int_eq(z[1], '\0');
    ck_assert_int_eq(z[2], 'b');
    ck_assert_int_eq(z[3], '\0');
    ck_assert_ptr_ne(s, e);
    wn_arena_release(&arena);
}
END_TEST

Suite *wn_test_suite(void)
{
    Suite *s = suite_create("arena");
    TCase *tc = tcase_create("alloc");
    tcase_add_loop_test(tc, test_alignment, 0, WN_COUNT(ALIGN_SIZES));
    tcase_add_test(tc, test_many_allocations);
    tcase_add_test(tc, test_large_allocation);
    tcase_add_test(tc, test_huge_sizes_fail);
    suite_add_tcase(s, tc);

    tc = tcase_create("limit");
    tcase_add_loop_test(tc, test_limit, 0, WN_COUNT(LIMITS));
    suite_add_tcase(s, tc);

    tc = tcase_create("release");
    tcase_add_test(tc, test_release_reuse);
    suite_add_tcase(s, tc);

    tc = tcase_create("calloc");
    tcase_add_loop_test(tc, test_calloc_overflow, 0, WN_COUNT(CALLOC_OVERFLOW));
    tcase_add_test(tc, test_calloc_zeroes);
    tcase_add_test(tc, test_strndup);
    tcase_add_test(tc, test_shrink_newest);
    tcase_add_test(tc, test_trim_alone);
    tcase_add_test(tc, test_big_blocks);
    tcase_add_test(tc, test_alloc_rest);
    suite_add_tcase(s, tc);
    return s;
}
