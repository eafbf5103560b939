#include "parse.h"

#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

/* The budget is read every CHECK_EVERY allocations: Gumbo allocates for
 * every token it takes, so the clock is read often enough to stop a runaway
 * parse within milliseconds, and rarely enough to cost nothing measurable. */
#define CHECK_EVERY 512u

/* Gumbo never checks for NULL from its allocator, so an exhausted arena (or
 * budget) jumps back out of the parser. That is safe because everything
 * Gumbo allocated is in the arena, which the caller frees as a whole. */
/* Gumbo frees much of what it allocates while it parses: each string
 * buffer and vector it grows (text, tag names, attribute values, child
 * lists) is copied into one twice the size and the old one freed, and
 * every tag's name buffer is freed once read. In the arena alone that was
 * 40% of the parse's memory. So every block carries its size class in a
 * header, and a freed block goes on its class's list, from which the next
 * request of the class takes it. Classes: multiples of 8 bytes up to
 * SMALL_MAX (header included; Gumbo's structures need no more than 8-byte
 * alignment, and a node, 128 bytes, so takes 136 rather than 144), then
 * four a doubling. Blocks are carved from pieces of the arena (the rest of
 * its newest chunk, or a new one) and stay in it; the arena is freed whole
 * with the tree. */
#define HEADER 8u            /* Gumbo's structures need no more than 8-byte alignment */
#define GRAIN 8u
#define SMALL_MAX 512u
#define SMALL_CLASSES (SMALL_MAX / GRAIN)            /* 8, 16, ..., 512 */
#define LARGE_CLASSES 120u                           /* 640, 768, 896, 1024, 1280, ... */
#define CLASSES (SMALL_CLASSES + LARGE_CLASSES)
/* Blocks of BIG bytes and more are malloc'ed each on its own and freed
 * when Gumbo frees them: a long text or attribute value grows its buffer
 * by doubling to its full length, then is copied out of it, and in the
 * arena every buffer it outgrew would stay, three times the text. */
#define BIG ((size_t)8 << 10)
#define BIG_TAG ((uint64_t)CLASSES)

typedef struct parse_context {
    wn_arena *arena;
    uint64_t deadline_ns;    /* 0: none */
    unsigned countdown;
    char *piece, *cur, *end; /* the piece blocks are carved from: [cur, end) is free */
    void *free_list[CLASSES];
    jmp_buf escape;
} parse_context;

/* The class of a block of `total` bytes (header included), and its size. */
static unsigned size_class(size_t total, size_t *class_size)
{
    if (total <= SMALL_MAX) {
        size_t k = (total + GRAIN - 1u) / GRAIN;
        *class_size = k * GRAIN;
        return (unsigned)k - 1u;
    }
    /* Four classes a doubling: (4 + j) << m for j = 1..4, from 640. */
    unsigned k = 0;
    size_t step = SMALL_MAX / 4u, size = SMALL_MAX + step;
    while (size < total && k + 1 < LARGE_CLASSES) {
        k++;
        if (size == 8u * step)
            step *= 2;
        size += step;
    }
    *class_size = size < total ? total : size;
    return SMALL_CLASSES + k;
}

static void push_free(parse_context *ctx, char *block, unsigned k)
{
    uint64_t tag = k;
    memcpy(block, &tag, sizeof tag);
    memcpy(block + HEADER, &ctx->free_list[k], sizeof(void *));
    ctx->free_list[k] = block;
}

enum { ESCAPE_NOMEM = 1, ESCAPE_BUDGET = 2 };

static uint64_t cpu_now_ns(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
        return 0;
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* A new piece to carve, at least `need` bytes; what the old one had left
 * goes on the free lists, in blocks of SMALL_MAX bytes at most. */
static void next_piece(parse_context *ctx, size_t need)
{
    size_t left = (size_t)(ctx->end - ctx->cur);
    while (left >= HEADER + sizeof(void *)) {
        size_t n = left < SMALL_MAX ? left : SMALL_MAX;
        n -= n % GRAIN;
        push_free(ctx, ctx->cur, (unsigned)(n / GRAIN) - 1u);
        ctx->cur += n;
        left -= n;
    }
    size_t len;
    char *piece = wn_arena_alloc_rest(ctx->arena, need, &len);
    if (!piece)
        longjmp(ctx->escape, ESCAPE_NOMEM);
    ctx->piece = ctx->cur = piece;
    ctx->end = piece + len;
}

static void *arena_allocate(void *userdata, size_t size)
{
    parse_context *ctx = userdata;
    if (ctx->deadline_ns && --ctx->countdown == 0) {
        ctx->countdown = CHECK_EVERY;
        if (cpu_now_ns() > ctx->deadline_ns)
            longjmp(ctx->escape, ESCAPE_BUDGET);
    }
    if (size > SIZE_MAX - 64)
        longjmp(ctx->escape, ESCAPE_NOMEM);
    size_t class_size;
    unsigned k;
    if (size < sizeof(void *))
        size = sizeof(void *); /* a freed block holds the next one's address */
    if (size + HEADER <= SMALL_MAX) {
        k = (unsigned)((size + HEADER + GRAIN - 1u) / GRAIN) - 1u;
        class_size = ((size_t)k + 1u) * GRAIN;
    } else if (size + HEADER >= BIG) {
        char *big = wn_arena_alloc_big(ctx->arena, size + HEADER);
        if (!big)
            longjmp(ctx->escape, ESCAPE_NOMEM);
        uint64_t tag = BIG_TAG;
        memcpy(big, &tag, sizeof tag);
        return big + HEADER;
    } else {
        k = size_class(size + HEADER, &class_size);
    }
    char *block = ctx->free_list[k];
    if (block && k < CLASSES - 1) {
        memcpy(&ctx->free_list[k], block + HEADER, sizeof(void *));
    } else {
        if ((size_t)(ctx->end - ctx->cur) < class_size)
            next_piece(ctx, class_size);
        block = ctx->cur;
        ctx->cur += class_size;
        uint64_t tag = k;
        memcpy(block, &tag, sizeof tag);
    }
    return block + HEADER;
}

static void arena_deallocate(void *userdata, void *ptr)
{
    parse_context *ctx = userdata;
    if (!ptr)
        return;
    char *block = (char *)ptr - HEADER;
    uint64_t tag;
    memcpy(&tag, block, sizeof tag);
    /* The last class holds blocks of any size past it: never reused. */
    if (tag >= CLASSES - 1) {
        if (tag == BIG_TAG)
            wn_arena_free_big(ctx->arena, block);
        return;
    }
    push_free(ctx, block, (unsigned)tag);
}

wn_status wn_parse(wn_arena *arena, const char *utf8, size_t len, uint64_t budget_ns,
                   GumboOutput **out)
{
    parse_context ctx;
    ctx.arena = arena;
    ctx.deadline_ns = 0;
    ctx.countdown = CHECK_EVERY;
    ctx.piece = ctx.cur = ctx.end = NULL;
    memset(ctx.free_list, 0, sizeof ctx.free_list);
    if (budget_ns) {
        uint64_t now = cpu_now_ns();
        ctx.deadline_ns = now ? now + budget_ns : 0;
    }
    GumboOptions options = kGumboDefaultOptions;
    options.allocator = arena_allocate;
    options.deallocator = arena_deallocate;
    options.userdata = &ctx;
    options.max_errors = 0; /* parse errors are not used; do not record them */
    *out = NULL;
    int escaped = setjmp(ctx.escape);
    if (escaped == ESCAPE_BUDGET)
        return WN_ERR_WORK_LIMIT;
    if (escaped)
        return WN_ERR_NOMEM;
    GumboOutput *output = gumbo_parse_with_options(&options, utf8, len);
    /* The end of the last piece goes back to the arena, for what follows. */
    if (ctx.piece)
        wn_arena_shrink(arena, ctx.piece, (size_t)(ctx.cur - ctx.piece));
    if (!output || !output->root)
        return WN_ERR_PARSE;
    *out = output;
    return WN_OK;
}
