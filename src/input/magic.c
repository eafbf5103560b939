#include "input/magic.h"

#include <stdbool.h>
#include <string.h>

#include "input/sniff.h"

/* A file signature: bytes at an offset. */
typedef struct signature {
    size_t offset;
    const char *bytes;
    size_t len;
    const char *what;
} signature;

#define SIG(offset, bytes, what) {offset, bytes, sizeof bytes - 1, what}

/* Formats a crawler meets instead of a page. Compressed streams name their
 * format; the caller is told to decompress (winnow does not). */
static const signature SIGNATURES[] = {
    SIG(0, "\x1F\x8B", "gzip-compressed data"),
    SIG(0, "\x28\xB5\x2F\xFD", "zstd-compressed data"),
    SIG(0, "\xFD" "7zXZ\x00", "xz-compressed data"),
    SIG(0, "\x1F\x9D", "compress(1)-compressed data"),
    SIG(0, "\x04\x22\x4D\x18", "lz4-compressed data"),
    SIG(0, "\x89PNG\r\n\x1A\n", "PNG image"),
    SIG(0, "\xFF\xD8\xFF", "JPEG image"),
    SIG(0, "GIF87a", "GIF image"),
    SIG(0, "GIF89a", "GIF image"),
    SIG(0, "II*\x00", "TIFF image"),
    SIG(0, "MM\x00*", "TIFF image"),
    SIG(0, "\x1A\x45\xDF\xA3", "Matroska/WebM media"),
    SIG(0, "%PDF-", "PDF document"),
    SIG(0, "\x7F" "ELF", "ELF executable"),
    SIG(0, "\xCF\xFA\xED\xFE", "Mach-O executable"),
    SIG(0, "\xCE\xFA\xED\xFE", "Mach-O executable"),
    SIG(0, "\xCA\xFE\xBA\xBE", "Java class or Mach-O universal binary"),
    SIG(0, "\x00" "asm", "WebAssembly module"),
    SIG(0, "PK\x03\x04", "ZIP archive"),
    SIG(0, "PK\x05\x06", "ZIP archive"),
    SIG(0, "PK\x07\x08", "ZIP archive"),
    SIG(0, "7z\xBC\xAF\x27\x1C", "7-Zip archive"),
    SIG(0, "Rar!\x1A\x07", "RAR archive"),
    SIG(257, "ustar\x00", "tar archive"),
    SIG(257, "ustar  \x00", "tar archive"),
    SIG(0, "SQLite format 3\x00", "SQLite database"),
    SIG(0, "wOFF", "WOFF font"),
    SIG(0, "wOF2", "WOFF2 font"),
    SIG(0, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "MS Office (OLE) document"),
    SIG(0, "WARC/1.0\r\n", "WARC archive"),
    SIG(0, "WARC/1.1\r\n", "WARC archive"),
    SIG(0, "WARC/1.0\n", "WARC archive"),
    SIG(0, "WARC/1.1\n", "WARC archive"),
};

static bool has(const unsigned char *b, size_t len, const signature *sig)
{
    return len >= sig->offset + sig->len && memcmp(b + sig->offset, sig->bytes, sig->len) == 0;
}

/* Formats whose first bytes could also start a line of text: each is
 * checked with the bytes that follow, which text does not hold. */
static const char *media(const unsigned char *b, size_t len)
{
    if (len >= 12 && memcmp(b, "RIFF", 4) == 0) {
        if (memcmp(b + 8, "WEBP", 4) == 0)
            return "WebP image";
        if (memcmp(b + 8, "WAVE", 4) == 0)
            return "WAV audio";
        if (memcmp(b + 8, "AVI ", 4) == 0)
            return "AVI video";
    }
    /* ISO media: a box of at most 16 MB ("\0\0\0" then its size), "ftyp". */
    if (len >= 8 && b[0] == 0 && b[1] == 0 && memcmp(b + 4, "ftyp", 4) == 0)
        return "MP4/QuickTime media";
    /* "OggS", stream structure version 0 */
    if (len >= 5 && memcmp(b, "OggS", 4) == 0 && b[4] == 0)
        return "Ogg media";
    /* "fLaC", then the STREAMINFO block's header (type 0) */
    if (len >= 5 && memcmp(b, "fLaC", 4) == 0 && (b[4] & 0x7F) == 0)
        return "FLAC audio";
    /* "ID3", version 2..4, revision 0 */
    if (len >= 5 && memcmp(b, "ID3", 3) == 0 && b[3] >= 2 && b[3] <= 4 && b[4] == 0)
        return "MP3 audio";
    return NULL;
}

/* bzip2: "BZh", the block size '1'..'9', then a block or end-of-stream magic. */
static bool is_bzip2(const unsigned char *b, size_t len)
{
    return len >= 10 && memcmp(b, "BZh", 3) == 0 && b[3] >= '1' && b[3] <= '9' &&
           (memcmp(b + 4, "\x31\x41\x59\x26\x53\x59", 6) == 0 ||
            memcmp(b + 4, "\x17\x72\x45\x38\x50\x90", 6) == 0);
}

/* How much of the start is looked at for bytes text never holds. */
#define BINARY_SCAN_LIMIT 1024u

/* Zero bytes and C0 controls other than tab, line feed, form feed, carriage
 * return, and escape, shift out and shift in (ISO-2022's shifts): text in an ASCII-compatible
 * encoding has next to none, compressed or encrypted data about one byte in
 * ten. A zero byte weighs four, since text has none at all. Binary when they
 * weigh 16 or more and over a sixteenth of the bytes looked at: a page with
 * a few stray controls (or a C string's terminating NUL) stays a page. */
static bool looks_binary(const unsigned char *b, size_t len)
{
    size_t n = len < BINARY_SCAN_LIMIT ? len : BINARY_SCAN_LIMIT;
    size_t weight = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = b[i];
        if (c == 0)
            weight += 4;
        else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r' && c != 0x1B &&
                  c != 0x0E && c != 0x0F) ||
                 c == 0x7F)
            weight += 1;
    }
    return weight >= 16 && weight * 16 > n;
}

const char *wn_sniff_not_text(const char *bytes, size_t len, const char *charset_hint)
{
    const unsigned char *b = (const unsigned char *)bytes;
    if (!bytes)
        return NULL;
    for (size_t i = 0; i < sizeof SIGNATURES / sizeof SIGNATURES[0]; i++)
        if (has(b, len, &SIGNATURES[i]))
            return SIGNATURES[i].what;
    if (is_bzip2(b, len))
        return "bzip2-compressed data";
    const char *m = media(b, len);
    if (m)
        return m;
    size_t bom_len;
    if (wn_sniff_bom(bytes, len, &bom_len) || wn_sniff_wide(bytes, len))
        return NULL;
    if (charset_hint) {
        const char *hinted;
        if (wn_charset_from_hint(charset_hint, &hinted) && wn_charset_is_wide(hinted))
            return NULL;
    }
    return looks_binary(b, len) ? "binary data" : NULL;
}
