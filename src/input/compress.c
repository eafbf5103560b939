#include "input/compress.h"

#include <brotli/decode.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>
#include <zstd.h>

struct wn_codec {
    wn_codec_kind kind;
    bool truncated;
    bool between;   /* gzip: a member ended, the next not begun; zstd: a frame ended */
    bool ended;
    bool resync;
    unsigned long long skipped;
    z_stream z;
    ZSTD_DCtx *zstd;
    BrotliDecoderState *brotli;
};

wn_codec_kind wn_codec_sniff(const char *bytes, size_t len)
{
    const unsigned char *b = (const unsigned char *)bytes;
    if (len >= 2 && b[0] == 0x1F && b[1] == 0x8B)
        return WN_CODEC_GZIP;
    if (len >= 4 && memcmp(b, "\x28\xB5\x2F\xFD", 4) == 0)
        return WN_CODEC_ZSTD;
    return WN_CODEC_IDENTITY;
}

const char *wn_codec_name(wn_codec_kind kind)
{
    switch (kind) {
    case WN_CODEC_GZIP: return "gzip";
    case WN_CODEC_ZSTD: return "zstd";
    case WN_CODEC_BROTLI: return "brotli";
    case WN_CODEC_IDENTITY: break;
    }
    return "identity";
}

int wn_codec_from_label(const char *label, size_t len, wn_codec_kind *kind)
{
    static const struct {
        const char *name;
        wn_codec_kind kind;
    } labels[] = {
        {"gzip", WN_CODEC_GZIP},   {"x-gzip", WN_CODEC_GZIP}, {"br", WN_CODEC_BROTLI},
        {"brotli", WN_CODEC_BROTLI}, {"zstd", WN_CODEC_ZSTD},  {"identity", WN_CODEC_IDENTITY},
        {"none", WN_CODEC_IDENTITY}, {"", WN_CODEC_IDENTITY},
    };
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (strlen(labels[i].name) == len && strncasecmp(labels[i].name, label, len) == 0) {
            *kind = labels[i].kind;
            return 0;
        }
    return -1;
}

wn_codec *wn_codec_new(wn_codec_kind kind)
{
    wn_codec *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->kind = kind;
    switch (kind) {
    case WN_CODEC_GZIP:
        /* 15 + 16: a gzip wrapper (not zlib, not raw deflate). */
        if (inflateInit2(&c->z, 15 + 16) != Z_OK)
            goto fail;
        break;
    case WN_CODEC_ZSTD:
        c->zstd = ZSTD_createDCtx();
        if (!c->zstd)
            goto fail;
        /* A window over 128 MiB would let a small stream ask for that much
         * memory before any output; zstd's default is already 128 MiB. */
        ZSTD_DCtx_setParameter(c->zstd, ZSTD_d_windowLogMax, 27);
        break;
    case WN_CODEC_BROTLI:
        c->brotli = BrotliDecoderCreateInstance(NULL, NULL, NULL);
        if (!c->brotli)
            goto fail;
        break;
    case WN_CODEC_IDENTITY:
        break;
    }
    return c;
fail:
    free(c);
    return NULL;
}

int wn_codec_set_dictionary(wn_codec *c, const char *dict, size_t len)
{
    if (c->kind != WN_CODEC_ZSTD)
        return -1;
    return ZSTD_isError(ZSTD_DCtx_loadDictionary(c->zstd, dict, len)) ? -1 : 0;
}

void wn_codec_free(wn_codec *c)
{
    if (!c)
        return;
    if (c->kind == WN_CODEC_GZIP)
        inflateEnd(&c->z);
    ZSTD_freeDCtx(c->zstd);
    if (c->brotli)
        BrotliDecoderDestroyInstance(c->brotli);
    free(c);
}

void wn_codec_resync(wn_codec *c)
{
    c->resync = true;
}

unsigned long long wn_codec_skipped(const wn_codec *c)
{
    return c->skipped;
}

bool wn_codec_truncated(const wn_codec *c)
{
    return c->truncated;
}

static wn_codec_result cut_short(wn_codec *c)
{
    c->truncated = true;
    return WN_CODEC_CORRUPT;
}

static wn_codec_result run_gzip(wn_codec *c, const char **in, size_t *in_len, char **out,
                                size_t *out_len, bool last)
{
    while (*out_len > 0) {
        if (c->between) {
            /* Another member, or the end. */
            if (*in_len == 0)
                return last ? WN_CODEC_END : WN_CODEC_MORE;
            if ((unsigned char)(*in)[0] != 0x1F || (*in_len >= 2 && (unsigned char)(*in)[1] != 0x8B)) {
                if (c->resync) {
                    /* On to the next 1F 8B, or to the end. */
                    const char *next = memchr(*in + 1, 0x1F, *in_len - 1);
                    size_t skip = next ? (size_t)(next - *in) : *in_len;
                    c->skipped += skip;
                    *in += skip;
                    *in_len -= skip;
                    continue;
                }
                c->ended = true; /* trailing bytes that are not gzip: ignored */
                *in += *in_len;
                *in_len = 0;
                return WN_CODEC_END;
            }
            if (*in_len < 2)
                return last ? WN_CODEC_END : WN_CODEC_MORE;
            if (inflateReset(&c->z) != Z_OK)
                return WN_CODEC_CORRUPT;
            c->between = false;
        }
        uInt in_now = *in_len > UINT32_MAX ? UINT32_MAX : (uInt)*in_len;
        uInt out_now = *out_len > UINT32_MAX ? UINT32_MAX : (uInt)*out_len;
        c->z.next_in = (Bytef *)(uintptr_t)*in;
        c->z.avail_in = in_now;
        c->z.next_out = (Bytef *)*out;
        c->z.avail_out = out_now;
        int rc = inflate(&c->z, Z_NO_FLUSH);
        size_t used = in_now - c->z.avail_in;
        size_t made = out_now - c->z.avail_out;
        *in += used;
        *in_len -= used;
        *out += made;
        *out_len -= made;
        if (rc == Z_STREAM_END) {
            c->between = true;
            /* Resyncing: each call ends with its member, so that bytes
             * passed over lie at the start of a call's output. */
            if (c->resync && made > 0)
                return WN_CODEC_MORE;
            continue;
        }
        if (rc == Z_BUF_ERROR || (rc == Z_OK && used == 0 && made == 0)) {
            if (*in_len == 0)
                return last ? cut_short(c) : WN_CODEC_MORE;
            return WN_CODEC_MORE;
        }
        if (rc == Z_DATA_ERROR && c->resync && c->z.total_out == 0) {
            /* 1F 8B that does not start a member: more garbage. */
            c->skipped += used;
            c->between = true;
            continue;
        }
        if (rc != Z_OK)
            return WN_CODEC_CORRUPT;
        if (*in_len == 0)
            return last && *out_len > 0 ? cut_short(c) : WN_CODEC_MORE;
    }
    return WN_CODEC_MORE;
}

static wn_codec_result run_zstd(wn_codec *c, const char **in, size_t *in_len, char **out,
                                size_t *out_len, bool last)
{
    ZSTD_inBuffer ib = {*in, *in_len, 0};
    ZSTD_outBuffer ob = {*out, *out_len, 0};
    size_t rc = 0;
    while (ob.pos < ob.size) {
        size_t before_in = ib.pos, before_out = ob.pos;
        rc = ZSTD_decompressStream(c->zstd, &ob, &ib);
        if (ZSTD_isError(rc))
            break;
        /* 0: a frame is done and flushed. A call that makes no progress
         * (no input left) returns the next frame's header size instead. */
        if (ib.pos != before_in || ob.pos != before_out)
            c->between = rc == 0;
        if (ib.pos == ib.size && ob.pos < ob.size)
            break; /* all input taken and flushed */
        if (ib.pos == before_in && ob.pos == before_out)
            break;
    }
    *in += ib.pos;
    *in_len -= ib.pos;
    *out += ob.pos;
    *out_len -= ob.pos;
    if (ZSTD_isError(rc))
        return WN_CODEC_CORRUPT;
    if (*in_len == 0 && *out_len > 0 && last)
        return c->between ? WN_CODEC_END : cut_short(c);
    return WN_CODEC_MORE;
}

static wn_codec_result run_brotli(wn_codec *c, const char **in, size_t *in_len, char **out,
                                  size_t *out_len, bool last)
{
    const uint8_t *next_in = (const uint8_t *)*in;
    uint8_t *next_out = (uint8_t *)*out;
    size_t avail_in = *in_len, avail_out = *out_len;
    BrotliDecoderResult rc =
        BrotliDecoderDecompressStream(c->brotli, &avail_in, &next_in, &avail_out, &next_out, NULL);
    *in += *in_len - avail_in;
    *in_len = avail_in;
    *out += *out_len - avail_out;
    *out_len = avail_out;
    switch (rc) {
    case BROTLI_DECODER_RESULT_SUCCESS:
        c->ended = true;
        return WN_CODEC_END;
    case BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT:
        return last ? cut_short(c) : WN_CODEC_MORE;
    case BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT:
        return WN_CODEC_MORE;
    case BROTLI_DECODER_RESULT_ERROR:
    default:
        return WN_CODEC_CORRUPT;
    }
}

wn_codec_result wn_codec_run(wn_codec *c, const char **in, size_t *in_len, char **out,
                             size_t *out_len, bool last)
{
    if (c->ended)
        return WN_CODEC_END;
    switch (c->kind) {
    case WN_CODEC_GZIP:
        return run_gzip(c, in, in_len, out, out_len, last);
    case WN_CODEC_ZSTD:
        return run_zstd(c, in, in_len, out, out_len, last);
    case WN_CODEC_BROTLI:
        return run_brotli(c, in, in_len, out, out_len, last);
    case WN_CODEC_IDENTITY:
        break;
    }
    size_t n = *in_len < *out_len ? *in_len : *out_len;
    memcpy(*out, *in, n);
    *in += n;
    *in_len -= n;
    *out += n;
    *out_len -= n;
    return *in_len == 0 && last ? WN_CODEC_END : WN_CODEC_MORE;
}

wn_status wn_decompress(wn_codec_kind kind, const char *in, size_t in_len, size_t cap,
                        bool partial, char **out, size_t *out_len)
{
    *out = NULL;
    *out_len = 0;
    wn_codec *c = wn_codec_new(kind);
    if (!c)
        return WN_ERR_NOMEM;
    /* The buffer grows by doubling to cap + 1 bytes (one past the cap shows
     * that there is more) plus the NUL: memory stays bounded by the cap
     * whatever the ratio of the data. */
    size_t limit = cap < SIZE_MAX - 2 ? cap + 1 : SIZE_MAX - 1;
    size_t size = in_len < limit / 4 ? in_len * 4 : limit;
    if (size < 4096)
        size = limit < 4096 ? limit : 4096;
    char *buf = malloc(size + 1);
    size_t used = 0;
    wn_status st = WN_OK;
    if (!buf) {
        wn_codec_free(c);
        return WN_ERR_NOMEM;
    }
    for (;;) {
        if (used == size) {
            if (size >= limit) {
                st = WN_ERR_DECOMPRESSED_TOO_LARGE;
                break;
            }
            size_t bigger = size <= limit / 2 ? size * 2 : limit;
            char *grown = realloc(buf, bigger + 1);
            if (!grown) {
                st = WN_ERR_NOMEM;
                break;
            }
            buf = grown;
            size = bigger;
        }
        char *o = buf + used;
        size_t room = size - used;
        wn_codec_result r = wn_codec_run(c, &in, &in_len, &o, &room, true);
        used = size - room;
        if (r == WN_CODEC_END)
            break;
        if (r == WN_CODEC_CORRUPT) {
            st = WN_ERR_CORRUPT;
            break;
        }
    }
    wn_codec_free(c);
    if (partial && (st == WN_ERR_DECOMPRESSED_TOO_LARGE || st == WN_ERR_CORRUPT)) {
        if (used > cap)
            used = cap;
        st = WN_OK;
    }
    if (st != WN_OK) {
        free(buf);
        return st;
    }
    buf[used] = '\0';
    *out = buf;
    *out_len = used;
    return WN_OK;
}
