#include "parse.h"

#include <setjmp.h>

/* Gumbo never checks for NULL from its allocator, so an exhausted arena jumps
 * back out of the parser. That is safe because everything Gumbo allocated is
 * in the arena, which the caller frees as a whole. */
typedef struct parse_context {
    wn_arena *arena;
    jmp_buf out_of_memory;
} parse_context;

static void *arena_allocate(void *userdata, size_t size)
{
    parse_context *ctx = userdata;
    void *p = wn_arena_alloc(ctx->arena, size);
    if (!p)
        longjmp(ctx->out_of_memory, 1);
    return p;
}

static void arena_deallocate(void *userdata, void *ptr)
{
    (void)userdata;
    (void)ptr; /* freed with the arena */
}

wn_status wn_parse(wn_arena *arena, const char *utf8, size_t len, GumboOutput **out)
{
    parse_context ctx;
    ctx.arena = arena;
    GumboOptions options = kGumboDefaultOptions;
    options.allocator = arena_allocate;
    options.deallocator = arena_deallocate;
    options.userdata = &ctx;
    options.max_errors = 0; /* parse errors are not used; do not record them */
    *out = NULL;
    if (setjmp(ctx.out_of_memory) != 0)
        return WN_ERR_NOMEM;
    GumboOutput *output = gumbo_parse_with_options(&options, utf8, len);
    if (!output || !output->root)
        return WN_ERR_PARSE;
    *out = output;
    return WN_OK;
}
