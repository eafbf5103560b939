/* Per-document bump arena: many small allocations, one free. */
#ifndef WN_ARENA_H
#define WN_ARENA_H

#include <stddef.h>

typedef struct wn_arena_chunk {
    struct wn_arena_chunk *next;
    size_t size;
    size_t used;
    /* payload follows, aligned */
} wn_arena_chunk;

/* A block malloc'ed on its own (wn_arena_alloc_big), freed with the arena
 * or before it (wn_arena_free_big). */
typedef struct wn_arena_big {
    struct wn_arena_big *prev, *next;
    size_t size;
} wn_arena_big;

typedef struct wn_arena {
    wn_arena_chunk *head;   /* newest chunk; older ones follow */
    wn_arena_big *big;      /* blocks of their own, newest first */
    size_t used_bytes;      /* bytes handed out, for limits and reports */
    size_t reserved_bytes;  /* bytes obtained from malloc */
    size_t limit_bytes;     /* 0 = unlimited; past it allocations fail */
    size_t charged_bytes;   /* memory held outside the arena but counted against its limit */
    int limit_hit;          /* an allocation failed because of limit_bytes */
    void *last;             /* the newest allocation (wn_arena_shrink()) */
    unsigned growth_shift;  /* a new chunk is reserved_bytes >> this (0: the default, 3) */
} wn_arena;

void wn_arena_init(wn_arena *arena, size_t limit_bytes);
/* NULL when out of memory or past the limit. Memory is 16-byte aligned. */
void *wn_arena_alloc(wn_arena *arena, size_t size);
/* wn_arena_alloc() with the common case inline: the newest chunk has room
 * (the parser's allocator, called for every token). */
#define WN_ARENA_ALIGN 16u
#define WN_ARENA_CHUNK_HEADER \
    ((sizeof(wn_arena_chunk) + WN_ARENA_ALIGN - 1) & ~(size_t)(WN_ARENA_ALIGN - 1))
static inline void *wn_arena_alloc_fast(wn_arena *arena, size_t size)
{
    wn_arena_chunk *chunk = arena->head;
    if (chunk && size && size <= 4096) {
        size_t n = (size + WN_ARENA_ALIGN - 1) & ~(size_t)(WN_ARENA_ALIGN - 1);
        if (chunk->size - chunk->used >= n) {
            void *out = (char *)chunk + WN_ARENA_CHUNK_HEADER + chunk->used;
            chunk->used += n;
            arena->used_bytes += n;
            arena->last = out;
            return out;
        }
    }
    return wn_arena_alloc(arena, size);
}
/* The rest of the newest chunk, when at least `min` bytes, else a new
 * chunk whole: *len bytes, 16-byte aligned, for a caller that carves it
 * itself (the parser's allocator, parse.c). It is the newest allocation:
 * wn_arena_shrink() gives back what the caller left of it. */
void *wn_arena_alloc_rest(wn_arena *arena, size_t min, size_t *len);
void *wn_arena_calloc(wn_arena *arena, size_t count, size_t size);
char *wn_arena_strndup(wn_arena *arena, const char *text, size_t len);
/* Gives back the end of the newest allocation: `ptr` keeps its first
 * `size` bytes and the arena hands out what follows. Nothing when ptr is not
 * the newest allocation. For a buffer sized for the worst case (a decoded
 * page, the guard's copy) once its length is known. */
void wn_arena_shrink(wn_arena *arena, void *ptr, size_t size);
/* wn_arena_shrink(), and when ptr is alone in its chunk, the chunk itself
 * shrinks to fit (realloc): for a buffer that nothing follows in its arena.
 * Returns where the bytes now are (ptr, or where they moved). */
void *wn_arena_trim(wn_arena *arena, void *ptr, size_t size);
/* Counts `bytes` held elsewhere (a growing array) against the limit: 0 (and
 * limit_hit) when that would pass it. Uncharge when they are freed. */
int wn_arena_charge(wn_arena *arena, size_t bytes);
void wn_arena_uncharge(wn_arena *arena, size_t bytes);
/* A block of its own, 16-byte aligned, which the arena frees with the rest
 * unless wn_arena_free_big() gives it back first: for a parser's big
 * buffers, which it frees as it grows them (in the chunks they would stay
 * to the end). Counted in reserved_bytes while held. NULL when out of
 * memory or past the limit. */
void *wn_arena_alloc_big(wn_arena *arena, size_t size);
void wn_arena_free_big(wn_arena *arena, void *ptr);
/* Frees every chunk and big block; the arena can be used again afterwards. */
void wn_arena_release(wn_arena *arena);

#endif
