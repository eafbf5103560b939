#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_ALIGN WN_ARENA_ALIGN
/* A chunk is an eighth of what the arena holds, from ARENA_MIN_CHUNK: the
 * unused end of the newest chunk so stays under a ninth of the arena, and a
 * small page's arena is small (a page's peak memory is mostly its arena).
 * Below ARENA_BIG_FROM held, chunks stay under ARENA_SMALL_MAX: a small
 * page's arena so never asks malloc for a block of 128 KiB or more, which
 * glibc (until its threshold adapts) and ASan map and unmap on every call
 * (that was a fifth of a fuzz run's time). */
#define ARENA_MIN_CHUNK ((size_t)4 << 10)
#define ARENA_SMALL_MAX ((size_t)64 << 10)
#define ARENA_BIG_FROM ((size_t)1 << 20)
#ifndef ARENA_GROWTH_SHIFT
#define ARENA_GROWTH_SHIFT 3
#endif
#define CHUNK_HEADER WN_ARENA_CHUNK_HEADER

void wn_arena_init(wn_arena *arena, size_t limit_bytes)
{
    memset(arena, 0, sizeof *arena);
    arena->limit_bytes = limit_bytes;
}

static wn_arena_chunk *arena_grow(wn_arena *arena, size_t size)
{
    /* Chunks grow with the arena so that big documents need few mallocs. */
    size_t want = arena->reserved_bytes >> (arena->growth_shift ? arena->growth_shift : ARENA_GROWTH_SHIFT);
    if (want < ARENA_MIN_CHUNK)
        want = ARENA_MIN_CHUNK;
    if (want > ARENA_SMALL_MAX && arena->reserved_bytes < ARENA_BIG_FROM)
        want = ARENA_SMALL_MAX;
    if (want > (size_t)64 << 20)
        want = (size_t)64 << 20;
    if (want < size)
        want = size;
    size_t held = arena->reserved_bytes + arena->charged_bytes;
    if (arena->limit_bytes && (held > arena->limit_bytes || want > arena->limit_bytes - held)) {
        if (held > arena->limit_bytes || size > arena->limit_bytes - held) {
            arena->limit_hit = 1;
            return NULL;
        }
        want = arena->limit_bytes - held;
    }
    if (want > SIZE_MAX - CHUNK_HEADER)
        return NULL;
    wn_arena_chunk *chunk = malloc(CHUNK_HEADER + want);
    if (!chunk)
        return NULL;
    chunk->next = arena->head;
    chunk->size = want;
    chunk->used = 0;
    arena->head = chunk;
    arena->reserved_bytes += want;
    return chunk;
}

void *wn_arena_alloc(wn_arena *arena, size_t size)
{
    if (size == 0)
        size = 1;
    if (size > SIZE_MAX - ARENA_ALIGN)
        return NULL;
    size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    wn_arena_chunk *chunk = arena->head;
    if (!chunk || chunk->size - chunk->used < size) {
        chunk = arena_grow(arena, size);
        if (!chunk)
            return NULL;
    }
    void *out = (char *)chunk + CHUNK_HEADER + chunk->used;
    chunk->used += size;
    arena->used_bytes += size;
    arena->last = out;
    return out;
}

void *wn_arena_alloc_rest(wn_arena *arena, size_t min, size_t *len)
{
    if (min == 0)
        min = 1;
    if (min > SIZE_MAX - ARENA_ALIGN)
        return NULL;
    min = (min + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    wn_arena_chunk *chunk = arena->head;
    if (!chunk || chunk->size - chunk->used < min) {
        chunk = arena_grow(arena, min);
        if (!chunk)
            return NULL;
    }
    void *out = (char *)chunk + CHUNK_HEADER + chunk->used;
    *len = chunk->size - chunk->used;
    arena->used_bytes += *len;
    chunk->used = chunk->size;
    arena->last = out;
    return out;
}

void wn_arena_shrink(wn_arena *arena, void *ptr, size_t size)
{
    wn_arena_chunk *chunk = arena->head;
    if (!ptr || ptr != arena->last || !chunk)
        return;
    size_t at = (size_t)((char *)ptr - ((char *)chunk + CHUNK_HEADER));
    if (size == 0)
        size = 1;
    size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (at + size >= chunk->used)
        return;
    arena->used_bytes -= chunk->used - (at + size);
    chunk->used = at + size;
}

void *wn_arena_trim(wn_arena *arena, void *ptr, size_t size)
{
    wn_arena_shrink(arena, ptr, size);
    wn_arena_chunk *chunk = arena->head;
    if (!ptr || ptr != arena->last || !chunk || ptr != (char *)chunk + CHUNK_HEADER ||
        chunk->used >= chunk->size)
        return ptr;
    wn_arena_chunk *fit = realloc(chunk, CHUNK_HEADER + chunk->used);
    if (!fit)
        return ptr;
    arena->reserved_bytes -= fit->size - fit->used;
    fit->size = fit->used;
    arena->head = fit;
    arena->last = (char *)fit + CHUNK_HEADER;
    return arena->last;
}

void *wn_arena_calloc(wn_arena *arena, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        return NULL;
    void *out = wn_arena_alloc(arena, count * size);
    if (out)
        memset(out, 0, count * size);
    return out;
}

char *wn_arena_strndup(wn_arena *arena, const char *text, size_t len)
{
    char *out = wn_arena_alloc(arena, len + 1);
    if (out) {
        memcpy(out, text, len);
        out[len] = '\0';
    }
    return out;
}

int wn_arena_charge(wn_arena *arena, size_t bytes)
{
    size_t held = arena->reserved_bytes + arena->charged_bytes;
    if (arena->limit_bytes && (held > arena->limit_bytes || bytes > arena->limit_bytes - held)) {
        arena->limit_hit = 1;
        return 0;
    }
    arena->charged_bytes += bytes;
    return 1;
}

void wn_arena_uncharge(wn_arena *arena, size_t bytes)
{
    arena->charged_bytes -= bytes < arena->charged_bytes ? bytes : arena->charged_bytes;
}

#define BIG_HEADER ((sizeof(wn_arena_big) + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1))

void *wn_arena_alloc_big(wn_arena *arena, size_t size)
{
    if (size > SIZE_MAX - BIG_HEADER)
        return NULL;
    size_t held = arena->reserved_bytes + arena->charged_bytes;
    if (arena->limit_bytes && (held > arena->limit_bytes || size > arena->limit_bytes - held)) {
        arena->limit_hit = 1;
        return NULL;
    }
    wn_arena_big *big = malloc(BIG_HEADER + size);
    if (!big)
        return NULL;
    big->size = size;
    big->prev = NULL;
    big->next = arena->big;
    if (arena->big)
        arena->big->prev = big;
    arena->big = big;
    arena->reserved_bytes += size;
    arena->used_bytes += size;
    return (char *)big + BIG_HEADER;
}

void wn_arena_free_big(wn_arena *arena, void *ptr)
{
    if (!ptr)
        return;
    wn_arena_big *big = (wn_arena_big *)(void *)((char *)ptr - BIG_HEADER);
    if (big->prev)
        big->prev->next = big->next;
    else
        arena->big = big->next;
    if (big->next)
        big->next->prev = big->prev;
    arena->reserved_bytes -= big->size;
    arena->used_bytes -= big->size;
    free(big);
}

void wn_arena_release(wn_arena *arena)
{
    wn_arena_big *big = arena->big;
    while (big) {
        wn_arena_big *next = big->next;
        free(big);
        big = next;
    }
    wn_arena_chunk *chunk = arena->head;
    while (chunk) {
        wn_arena_chunk *next = chunk->next;
        free(chunk);
        chunk = next;
    }
    size_t limit = arena->limit_bytes;
    wn_arena_init(arena, limit);
}
