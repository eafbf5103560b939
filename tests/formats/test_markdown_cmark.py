#!/usr/bin/env python3
"""winnow's Markdown, read back by cmark and cmark-gfm, against the content
model (winnow's XML with the same options), on every corpus page.

    test_markdown_cmark.py WINNOW CMARK CMARK_GFM PAGES_DIR

For each page and each set of options, the Markdown is rendered to HTML by
cmark-gfm (with its table extension) and, for pages without tables, by
cmark (CommonMark alone); that HTML must hold what the XML holds:
  - the headings, with their levels and texts;
  - one list item per <item>;
  - the code blocks, with their exact text and language;
  - the tables' cells, row by row (cmark-gfm);
  - the links' hrefs and the images' srcs and alts, in order;
  - the same text, character for character once white space is removed
    (so every escape reads back as the character it protects).
"""

import html.parser
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

URL = "https://example.org/section/page.html"
OPTION_SETS = [
    [],
    ["--links", "--images", "--formatting", "--comments"],
    ["--links", "--no-tables"],
]
VOID = {"img", "br", "hr", "input", "meta", "link"}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.children = []  # Node or str

    def text(self):
        out, stack = [], [self]
        while stack:
            n = stack.pop()
            if isinstance(n, str):
                out.append(n)
            else:
                stack.extend(reversed(n.children))
        return "".join(out)

    def walk(self):
        stack = [self]
        while stack:
            n = stack.pop()
            if isinstance(n, Node):
                yield n
                stack.extend(reversed(n.children))


class TreeBuilder(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", [], None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        n = Node(tag, attrs, self.cur)
        self.cur.children.append(n)
        if tag not in VOID:
            self.cur = n

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, attrs, self.cur))

    def handle_endtag(self, tag):
        n = self.cur
        while n is not self.root and n.tag != tag:
            n = n.parent
        if n is not self.root:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def parse_html(text):
    b = TreeBuilder()
    b.feed(text)
    b.close()
    return b.root


def norm(s):
    return " ".join(s.split())


def squeeze(s):
    return "".join(s.split())


SAFE = set(b"-_.+!*'(),%#@?=;:/,+&$~ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


def href_escape(url):
    """What cmark does to a destination: bytes outside its safe set
    percent-encoded ('%' kept as it is)."""
    out = []
    for byte in url.encode("utf-8"):
        if byte in SAFE:
            out.append(chr(byte))
        else:
            out.append("%%%02X" % byte)
    return "".join(out)


def allowed(url, image):
    m = re.match(r"^([^:/?#]*):", url)
    if not m:
        return True
    scheme = m.group(1).lower()
    if scheme in ("http", "https", "mailto", "ftp", "tel"):
        return True
    return image and re.match(r"(?i)^data:image/(png|jpeg|jpg|gif|webp|avif|bmp)[;,]", url) is not None


def xml_text(el):
    return "".join(el.itertext())


def events(root):
    """("el", element, ancestors' keys) and ("text", string) in document order."""
    stack = [("el", root, ())]
    while stack:
        kind, item, path = stack.pop()
        if kind == "text":
            yield kind, item, path
            continue
        yield kind, item, path
        key = item.tag + (":" + item.get("rend", "") if item.tag == "hi" else "")
        later = []
        if item.text:
            later.append(("text", item.text, path))
        for k in item:
            later.append(("el", k, path + (key,)))
            if k.tail:
                later.append(("text", k.tail, path))
        stack.extend(reversed(later))


def model_of(xml_bytes):
    """What the XML says the page holds, in the Markdown's terms."""
    doc = ET.fromstring(xml_bytes)
    m = {"heads": [], "items": 0, "code": [], "tables": [], "links": [], "images": [], "text": []}
    parts = [doc.find("main")]
    if doc.find("comments") is not None:
        parts.append(doc.find("comments"))
    for part in parts:
        for kind, el, path in events(part):
            if kind == "text":
                m["text"].append(el)
                continue
            tag = el.tag
            in_table = "row" in path or "table" in path
            in_code_span = "hi:code" in path
            if tag == "head":
                m["heads"].append((int(el.get("rend", "h2")[1:]), norm(xml_text(el))))
            elif tag == "item" and not in_table and (xml_text(el).strip() or el.find(".//graphic") is not None):
                m["items"] += 1
            elif tag == "code" and not in_table and xml_text(el):
                m["code"].append((xml_text(el).rstrip("\n"), el.get("lang")))
            elif tag == "table" and not in_table:
                m["tables"].append(el)
            elif tag == "ref" and el.get("target") and allowed(el.get("target"), False) \
                    and not in_code_span and "ref" not in path:
                m["links"].append(href_escape(el.get("target")))
            elif tag == "graphic" and el.get("src") and allowed(el.get("src"), True) and not in_code_span:
                m["images"].append((href_escape(el.get("src")), norm(el.get("alt", ""))))
            elif tag in ("comment", "post"):
                # the Markdown's "**author** · date" line (a comment's, a post's)
                m["text"].append("\u00b7".join(v for v in (el.get("author"), el.get("date")) if v))
    m["text"] = squeeze("".join(m["text"]))
    return m


def table_rows(el):
    """The rows of a model table whose rows hold cells only, or None."""
    rows = []
    for kid in el:
        if kid.tag != "row":
            return None
        if any(c.tag != "cell" for c in kid):
            return None
        cells = [norm(xml_text(c)) for c in kid]
        if cells:
            rows.append(cells)
    return rows


def rendered_of(root):
    r = {"heads": [], "items": 0, "code": [], "tables": [], "links": [], "images": [], "text": []}
    for n in root.walk():
        if re.fullmatch(r"h[1-6]", n.tag):
            r["heads"].append((int(n.tag[1]), norm(n.text())))
        elif n.tag == "li":
            r["items"] += 1
        elif n.tag == "pre":
            code = next((c for c in n.children if isinstance(c, Node) and c.tag == "code"), None)
            if code is not None:
                cls = code.attrs.get("class") or ""
                lang = cls[len("language-"):] if cls.startswith("language-") else None
                r["code"].append((code.text().rstrip("\n"), lang))
        elif n.tag == "table":
            rows = []
            for tr in n.walk():
                if tr.tag == "tr":
                    rows.append([norm(c.text()) for c in tr.children if isinstance(c, Node) and c.tag in ("td", "th")])
            r["tables"].append(rows)
        elif n.tag == "a" and "href" in n.attrs:
            r["links"].append(n.attrs["href"])
        elif n.tag == "img":
            r["images"].append((n.attrs.get("src", ""), norm(n.attrs.get("alt", ""))))
    r["text"] = squeeze(root.text())
    return r


def first_difference(a, b):
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return i, x, y
    return min(len(a), len(b)), a[len(b):len(b) + 1] or None, b[len(a):len(a) + 1] or None


def compare(page, options, renderer, model, got, failures):
    where = "%s %s (%s)" % (os.path.basename(page), " ".join(options) or "(no options)", renderer)
    for key in ("heads", "code", "links", "images"):
        if model[key] != got[key]:
            i, x, y = first_difference(model[key], got[key])
            failures.append("%s: %s differ at %d: model %r, markdown %r" % (where, key, i, x, y))
    if model["items"] != got["items"]:
        failures.append("%s: %d list items in the model, %d read back" % (where, model["items"], got["items"]))
    if renderer == "cmark-gfm":
        tables = [t for t in (table_rows(el) for el in model["tables"]) if t != []]
        if len(tables) != len(got["tables"]):
            failures.append("%s: %d tables in the model, %d read back" % (where, len(tables), len(got["tables"])))
        else:
            for rows, back in zip(tables, got["tables"]):
                if rows is None:
                    continue  # a row holding more than cells: folded into cells
                cols = max(len(r) for r in rows)
                want = [r + [""] * (cols - len(r)) for r in rows]
                if want != back:
                    i, x, y = first_difference(want, back)
                    failures.append("%s: table row %d: model %r, markdown %r" % (where, i, x, y))
    if model["text"] != got["text"]:
        i = next((k for k, (x, y) in enumerate(zip(model["text"], got["text"])) if x != y),
                 min(len(model["text"]), len(got["text"])))
        failures.append("%s: text differs at %d: model ...%r..., markdown ...%r..." %
                        (where, i, model["text"][max(0, i - 40):i + 40], got["text"][max(0, i - 40):i + 40]))


def run_winnow(command):
    """winnow's output; exit 4 (a page without an article) is a success."""
    r = subprocess.run(command, capture_output=True)
    if r.returncode not in (0, 4):
        raise subprocess.CalledProcessError(r.returncode, command, r.stdout, r.stderr)
    return r.stdout


def main():
    winnow, cmark, cmark_gfm, pages_dir = sys.argv[1:5]
    pages = sorted(os.path.join(pages_dir, p) for p in os.listdir(pages_dir) if p.endswith(".html"))
    if len(pages) < 20:
        print("too few pages in %s" % pages_dir)
        return 1
    failures = []
    checked = 0
    for page in pages:
        for options in OPTION_SETS:
            common = options + ["--url", URL, page]
            xml = run_winnow([winnow, "-f", "xml"] + common)
            md = run_winnow([winnow, "-f", "markdown"] + common)
            model = model_of(xml)
            renderers = [("cmark-gfm", [cmark_gfm, "-e", "table", "--to", "html"])]
            if not model["tables"]:
                renderers.append(("cmark", [cmark, "--to", "html"]))
            for name, command in renderers:
                out = subprocess.run(command, input=md, capture_output=True, check=True).stdout
                got = rendered_of(parse_html(out.decode("utf-8")))
                if "--formatting" not in options:
                    # the XML names a code block's language only with formatting
                    got["code"] = [(text, None) for text, _ in got["code"]]
                compare(page, options, name, model, got, failures)
                checked += 1
    for f in failures[:60]:
        print(f)
    print("%d renderings checked, %d differences" % (checked, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
