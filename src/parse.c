#include "parse.h"

#include <setjmp.h>
#include <time.h>

/* The budget is read every CHECK_EVERY allocations: Gumbo allocates for
 * every token it takes, so the clock is read often enough to stop a runaway
 * parse within milliseconds, and rarely enough to cost nothing measurable. */
#define CHECK_EVERY 512u

/* Gumbo never checks for NULL from its allocator, so an exhausted arena (or
 * budget) jumps back out of the parser. That is safe because everything
 * Gumbo allocated is in the arena, which the caller frees as a whole. */
typedef struct parse_context {
    wn_arena *arena;
    uint64_t deadline_ns;    /* 0: none */
    unsigned countdown;
    jmp_buf escape;
} parse_context;

enum { ESCAPE_NOMEM = 1, ESCAPE_BUDGET = 2 };

static uint64_t cpu_now_ns(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
        return 0;
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void *arena_allocate(void *userdata, size_t size)
{
    parse_context *ctx = userdata;
    if (ctx->deadline_ns && --ctx->countdown == 0) {
        ctx->countdown = CHECK_EVERY;
        if (cpu_now_ns() > ctx->deadline_ns)
            longjmp(ctx->escape, ESCAPE_BUDGET);
    }
    void *p = wn_arena_alloc_fast(ctx->arena, size);
    if (!p)
        longjmp(ctx->escape, ESCAPE_NOMEM);
    return p;
}

static void arena_deallocate(void *userdata, void *ptr)
{
    (void)userdata;
    (void)ptr; /* freed with the arena */
}

wn_status wn_parse(wn_arena *arena, const char *utf8, size_t len, uint64_t budget_ns,
                   GumboOutput **out)
{
    parse_context ctx;
    ctx.arena = arena;
    ctx.deadline_ns = 0;
    ctx.countdown = CHECK_EVERY;
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
    if (!output || !output->root)
        return WN_ERR_PARSE;
    *out = output;
    return WN_OK;
}
