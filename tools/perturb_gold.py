#!/usr/bin/env python3
"""Make a folder of deterministic, imperfect predictions from a set's gold.

usage: perturb_gold.py SET_DIR OUT_DIR

For every labelled page, a variant is picked from the page id (stable across
runs and machines): the gold text itself, lines dropped / shuffled /
duplicated, boilerplate added, whitespace changed to NBSP / U+3000 / tabs,
the page's own HTML with tags stripped ("alltext"), the raw page bytes (often
not UTF-8), invalid UTF-8 injected, only 1-3 tokens, nothing at all (no file,
empty file, blank file). Snippet pages get a mix of their "with" and
"without" snippets with mangled whitespace. The point is to exercise every
path of a scorer, not to look like an extractor.
"""

import hashlib
import html
import json
import os
import random
import re
import sys

JUNK = [
    "Home | News | Sport | Contact",
    "Share this article on Facebook Twitter",
    "\u00a9 2024 Example Media. All rights reserved.",
    "\u70ed\u95e8\u63a8\u8350 \u76f8\u5173\u9605\u8bfb \u8fd4\u56de\u9996\u9875",  # 热门推荐 相关阅读 返回首页
    "Cookies help us deliver our services.",
]

WEIRD_SPACES = ["\u00a0", "\u3000", "\t", "  ", "\u2009", "\n", "\u0085", "\x1c"]
BAD_BYTES = [b"\xff", b"\xe4\xb8", b"\xed\xa0\x80", b"\xc0\xaf", b"\x80\x80", b"\xf0\x9f",
             b"\x00", b"e\xcc\x81", b"\xe3\x83\xbb"]

TAGS = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.S | re.I)


def rng_for(page_id, salt=""):
    digest = hashlib.sha256((salt + page_id).encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def load_gold(set_dir):
    rows = []
    with open(os.path.join(set_dir, "gold.jsonl"), encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                rows.append(json.loads(line))
    return rows


def page_bytes(set_dir, page_id):
    try:
        with open(os.path.join(set_dir, "pages", page_id + ".html"), "rb") as handle:
            return handle.read()
    except OSError:
        return b""


def alltext(raw):
    text = raw.decode("utf-8", errors="replace")
    return html.unescape(TAGS.sub(" ", text))


def mangle_spaces(text, rng):
    return re.sub(r"\s+", lambda m: rng.choice(WEIRD_SPACES), text)


def inject_bad(data, rng):
    data = bytearray(data)
    for _ in range(1 + rng.randrange(6)):
        at = rng.randrange(len(data) + 1)
        data[at:at] = rng.choice(BAD_BYTES)
    return bytes(data)


def body_variant(row, set_dir, rng):
    """Returns bytes, or None for "no file"."""
    body = row["body"]
    lines = body.split("\n")
    kind = rng.randrange(14)
    if kind == 0:
        return body.encode("utf-8")
    if kind == 1:
        kept = [line for line in lines if rng.random() > 0.3]
        return "\n".join(kept).encode("utf-8")
    if kind == 2:
        rng.shuffle(lines)
        return "\n".join(lines).encode("utf-8")
    if kind == 3:
        out = []
        for line in lines:
            out.append(line)
            if rng.random() < 0.2:
                out.append(line)
            if rng.random() < 0.1:
                out.append(rng.choice(JUNK))
        return "\n".join([rng.choice(JUNK)] + out + JUNK[:2]).encode("utf-8")
    if kind == 4:
        return None
    if kind == 5:
        return rng.choice([b"", b"  \n\t", "\u3000\u00a0\n".encode("utf-8")])
    if kind == 6:
        return mangle_spaces(body, rng).encode("utf-8")
    if kind == 7:
        return alltext(page_bytes(set_dir, row["id"])).encode("utf-8")
    if kind == 8:
        return page_bytes(set_dir, row["id"])
    if kind == 9:
        return inject_bad(body.encode("utf-8"), rng)
    if kind == 10:
        words = re.findall(r"\w+", body)
        return " ".join(words[:1 + rng.randrange(3)]).encode("utf-8")
    if kind == 11:
        return body[: len(body) // 2].encode("utf-8")
    if kind == 12:
        return "\n".join(line.upper() if rng.random() < 0.3 else line
                         for line in lines).encode("utf-8")
    # a gold text of another length: doubled, so shingles repeat
    return (body + "\n" + body).encode("utf-8")


def snippet_variant(row, set_dir, rng, base):
    """Builds on base (bytes or None) with the row's snippets."""
    kind = rng.randrange(6)
    if kind == 0:
        return base
    if kind == 1:
        return alltext(page_bytes(set_dir, row["id"])).encode("utf-8")
    if kind == 2:
        return page_bytes(set_dir, row["id"])
    parts = []
    for snippet in row.get("with") or []:
        if rng.random() < 0.7:
            parts.append(mangle_spaces(snippet, rng) if rng.random() < 0.5 else snippet)
    for snippet in row.get("without") or []:
        if rng.random() < 0.3:
            parts.append(mangle_spaces(snippet, rng))
    if rng.random() < 0.5:
        parts.insert(0, rng.choice(JUNK))
    rng.shuffle(parts)
    text = rng.choice(["\n", " ", "\u3000", "\n\n"]).join(parts)
    data = text.encode("utf-8")
    if kind == 3:
        data = inject_bad(data, rng)
    if kind == 4 and rng.random() < 0.5:
        return None
    if base:
        data = base + b"\n" + data
    return data


def make_predictions(set_dir, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    count = 0
    for row in load_gold(set_dir):
        rng = rng_for(row["id"])
        data = b""
        if row.get("body") is not None:
            data = body_variant(row, set_dir, rng)
        if row.get("with") or row.get("without"):
            data = snippet_variant(row, set_dir, rng, data)
        if data is None:
            continue
        with open(os.path.join(out_dir, row["id"] + ".txt"), "wb") as handle:
            handle.write(data)
        count += 1
    return count


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    n = make_predictions(argv[1], argv[2])
    print(f"{n} predictions written to {argv[2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
