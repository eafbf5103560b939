#!/usr/bin/env python3
"""--explain=html: a self-contained page (no scripts, the page's text
escaped), rendered by headless Chromium; the screenshot must show blocks in
the body's colour and in a clutter label's colour (nav).

    test_explain_html.py WINNOW

Skips (status 77, and says why) only when Chromium is not installed or
cannot start at all; CI installs it (tools/install-deps.sh).
"""
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

SKIP = 77
BODY = (0x9B, 0xE0, 0x9B)  # src/output/explain_html.c COLOURS
NAV = (0xF5, 0x9B, 0x9B)

PARA = ("The harbour reopened on Tuesday after three days of storms had kept every ferry "
        "in port, and the first boat left for the islands at nine in the morning. ")
PAGE = """<!DOCTYPE html><html><head><title>Harbour reopens | Coast News</title></head><body>
<header><a href="/">Coast News</a> <a href="/sport">Sport</a></header>
<article class="post">
<div class="breadcrumb"><a href="/">Home</a> &rsaquo; <a href="/news">News</a> &rsaquo; <a href="/news/harbour">Harbour</a></div>
<h1>Harbour reopens</h1>
<p>%s</p><p>%s</p>
<p>Escaped, not markup: &lt;script&gt;alert("x")&lt;/script&gt; &amp; 'quotes' "too".</p>
<p>%s</p>
</article>
<footer>Copyright 2024 Coast News</footer>
</body></html>""" % (PARA * 3, PARA * 2, PARA * 2)


def fail(message):
    print("FAIL:", message)
    sys.exit(1)


def read_png(path):
    """(width, height, rows of (r, g, b) tuples) of an 8-bit RGB/RGBA PNG."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail("not a PNG: %s" % path)
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        elif kind == b"IEND":
            break
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        fail("unexpected PNG layout: depth %d colour %d interlace %d" % (depth, colour, interlace))
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if kind == 1:
                line[x] = (line[x] + a) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + b) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + ((a + b) >> 1)) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[x] = (line[x] + pred) & 0xFF
        rows.append(line)
        prev = line
    return width, height, rows, bpp


def count(rows, bpp, colour):
    n = 0
    for line in rows:
        for x in range(0, len(line), bpp):
            if (line[x], line[x + 1], line[x + 2]) == colour:
                n += 1
    return n


def main(argv):
    winnow = argv[1]
    with tempfile.TemporaryDirectory(prefix="winnow-explain-html-") as tmp:
        page = os.path.join(tmp, "page.html")
        with open(page, "w", encoding="utf-8") as f:
            f.write(PAGE)
        r = subprocess.run([winnow, "--explain=html", page], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE)
        if r.returncode != 0:
            fail("winnow --explain=html: exit %d: %s" % (r.returncode, r.stderr))
        html = r.stdout.decode("utf-8")
        # Self-contained, escaped, no scripts.
        if "<script" in html.lower() or "src=" in html or "href=" in html:
            fail("the page loads or runs something")
        if '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;' not in html:
            fail("the page's text is not escaped as expected")
        for needle in ('<div class="legend">', '<span class="body">body: ', '<span class="nav">nav: ',
                       'title="p chars=', "by inside", "nav by class-id-hint"):
            if needle not in html:
                fail("missing from the HTML: %r" % needle)
        # The same through -f explain-html and -o (NAME.explain.html).
        out = os.path.join(tmp, "out")
        r = subprocess.run([winnow, "-f", "explain-html", "-o", out, page])
        with open(os.path.join(out, "page.explain.html"), encoding="utf-8") as f:
            if r.returncode != 0 or f.read() != html:
                fail("-f explain-html -o DIR differs from --explain=html")
        out_html = os.path.join(tmp, "explain.html")
        with open(out_html, "w", encoding="utf-8") as f:
            f.write(html)

        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        if not chromium:
            print("SKIP: chromium is not installed (tools/install-deps.sh installs it)")
            return SKIP
        version = subprocess.run([chromium, "--headless", "--no-sandbox", "--version"],
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=60)
        if version.returncode != 0:
            print("SKIP: chromium cannot run here: %s" % version.stdout.decode(errors="replace")[-500:])
            return SKIP
        png = os.path.join(tmp, "out.png")
        shot = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu",
                               "--user-data-dir=" + os.path.join(tmp, "profile"),
                               "--hide-scrollbars", "--window-size=900,1200",
                               "--screenshot=" + png, "file://" + out_html],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=180)
        if not os.path.exists(png):
            fail("chromium made no screenshot (exit %d): %s"
                 % (shot.returncode, shot.stdout.decode(errors="replace")[-2000:]))
        width, height, rows, bpp = read_png(png)
        body, nav = count(rows, bpp, BODY), count(rows, bpp, NAV)
        print("screenshot %dx%d: %d pixels of the body colour, %d of nav's" % (width, height, body, nav))
        if body < 5000:
            fail("too few pixels of the body colour: %d" % body)
        if nav < 500:
            fail("too few pixels of the nav colour: %d" % nav)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
