#!/usr/bin/env python3
"""Hostile inputs for winnow, and a table of what they cost.

    tools/hostile.py table WINNOW [--scale N] [--cases a,b]   time / peak RSS per case and size
                                  (WINNOW in a build dir, beside tools/runstat)
    tools/hostile.py write DIR [--scale N]                    write the inputs as files

Every case is a function of a size n that returns bytes growing linearly
with n. `table` runs the command once per case and size (each run in its own
process, its peak RSS read from wait4) and prints a Markdown table; the
ratios between sizes show whether time and memory grow linearly.
The pathological test suite (tests/pathological) imports CASES from here.
"""
import os
import shutil
import subprocess
import tempfile
import sys
import time

ARTICLE = (b"<p>The river rose overnight and the ferry stayed in port, so the "
           b"market moved to the school hall, where the stalls stood in rows "
           b"between the climbing frames.</p>")


def page(body):
    return b"<!DOCTYPE html><html><head><title>t</title></head><body>" + body + b"</body></html>"


def deep_divs(n):
    return page(b"<div>" * n + ARTICLE + b"</div>" * n)


def deep_unclosed_divs(n):
    return page(b"<div>" * n + ARTICLE)


def deep_inline(n):
    # Unclosed formatting elements: Gumbo's active-formatting list and stack.
    return page(b"<span><b><i>" * n + ARTICLE)


def formatting_attrs(n):
    # Distinct attributes defeat the "Noah's ark" limit of three identical entries.
    return page(b"".join(b"<b id=x%d>" % i for i in range(n)) + ARTICLE)


def deep_tables(n):
    return page(b"<table><tr><td>" * n + ARTICLE)


def many_attributes(n):
    return page(b"<div " + b" ".join(b"a%d=v" % i for i in range(n)) + b">" + ARTICLE + b"</div>")


def duplicate_attributes(n):
    return page(b"<div " + b"a=v " * n + b">" + ARTICLE + b"</div>")


def many_paragraphs(n):
    return page(b"<p>a</p>" * n)


def big_text_node(n):
    return page(b"<p>" + b"word " * n + b"</p>")


def long_word(n):
    return page(b"<p>" + b"x" * (5 * n) + b"</p>")


def entity_flood(n):
    return page(b"<p>" + b"&amp;&lt;&#x4e2d;&eacute;" * n + b"</p>")


def bad_entities(n):
    return page(b"<p>" + b"&#xFFFFFFFF;&#0;&#xD800;&notanentity" * n + b"</p>")


def unterminated_comment(n):
    return page(ARTICLE + b"<!-- " + b"x " * n)


def unterminated_script(n):
    return page(ARTICLE + b"<script>" + b"var a = '<div>';\n" * n)


def unterminated_attribute(n):
    return page(ARTICLE + b'<a href="' + b"x" * n)


def plaintext(n):
    return page(ARTICLE + b"<plaintext>" + b"<p>not a tag</p>" * n)


def frameset(n):
    return b"<html><frameset>" + b"<frame src=a.html>" * n + b"</frameset>" + ARTICLE


def svg_mathml(n):
    return page(ARTICLE + (b"<svg><g><text>x</text><foreignObject><p>y</p></foreignObject></g></svg>"
                           b"<math><mi>x</mi><annotation-xml encoding='text/html'><p>z</p>"
                           b"</annotation-xml></math>") * n)


def binary_garbage(n):
    state = 0x2545F491
    out = bytearray()
    for _ in range(n):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        out.append(state >> 16 & 0xFF)
    return bytes(out)


# An ordinary first KB: the same bytes from the start are not a page at
# all (refused as binary data), and these cases test what comes after.
CLEAN_LEAD = ARTICLE * 8


def nul_bytes(n):
    return page(CLEAN_LEAD + b"<p>a\x00b</p>\x00" * n)


def control_chars(n):
    return page(CLEAN_LEAD + b"<p>" + bytes(range(1, 32)) * n + b"\xef\xbf\xbe\xef\xbf\xbf</p>")


def misnested(n):
    return page(b"<p><b>a<i>b</p>c</b>d</i>" * n)


def unclosed_tags(n):
    return page(b"<a href=x><font><center><u>" * n + ARTICLE)


def deep_lists(n):
    return page(b"<ul><li>" * n + ARTICLE)


def select_options(n):
    return page(b"<select>" + b"<option>o<optgroup>" * n + b"</select>" + ARTICLE)


def table_foster(n):
    # Text directly in <table> is foster-parented before the table.
    return page(b"<table>" + b"text<b>x</b>" * n + b"</table>")


def many_headings(n):
    return page(b"<h1>title</h1><p>word</p>" * n)


def many_markers(n):
    # Clutter markers everywhere: the scorer's marker rules must stay linear.
    return page((b"<div class=related><p>Related posts</p></div>" + ARTICLE) * n)


def many_inline(n):
    # One paragraph of many inline elements: rules that look at an inline
    # element's neighbours must not walk all of them for each.
    return page(ARTICLE + b"<p>" + b"<b>word</b> " * n + b"</p>")


def many_link_lines(n):
    # Paragraphs that are each one link (headline runs, link lines).
    return page(ARTICLE + b"<p><a href=/x>Another headline here</a></p>" * n)


def many_break_lines(n):
    # Lines split by <br> inside one block (loose lines, lone marker links).
    return page(ARTICLE + b"<div>" + b"<a href=/p>Print</a><br>" * n + b"</div>")


def many_sidebars(n):
    # Sidebar-named boxes beside a named article body.
    return page(b"<div class=entry-content>" + ARTICLE * 3 + b"</div>" +
                b"<div class=sidebar><p>About this blog and its author.</p></div>" * n)


def li_section(n):
    # <li> closes an open <li> only through address, div and p: not <section>.
    return page(b"<li><section>" * n + ARTICLE)


def dd_article(n):
    return page(b"<dd><article>" * n + ARTICLE)


def comment_bang(n):
    # "--!>" ends a comment as "-->" does.
    return page(b"<!-- note --!>" + b"<div>" * n + ARTICLE)


def select_xmp(n):
    # <xmp> is ignored inside <select>: what follows is markup, not raw text.
    return page(b"<select><xmp></select>" + b"<div>" * n + ARTICLE)


def math_textarea(n):
    # Raw text at a MathML text integration point; the "<!--" inside it is text.
    return page(b"<math><mi><textarea><!--</textarea>" + b"<div>" * n + ARTICLE)


def body_attributes(n):
    # Gumbo merges every <body>'s attributes into the first, each checked
    # against all before it.
    return page(b"".join(b"<body a%d=v>" % i for i in range(n)) + ARTICLE)


def html_attributes(n):
    return page(b"".join(b"<html a%d=v>" % i for i in range(n)) + ARTICLE)


def cut_tag_with_attributes(n):
    # Tags that lose attributes past the limit and then are cut whole.
    return page((b"<b id=%d>" * 40 % tuple(range(40)) + b"<b" + b" a" * 300 + b">x") * max(1, n // 300)
                + ARTICLE)


def adoption_agency(n):
    # Each </b> moves the block under a clone of <b>.
    return page(b"<b><div></b>" * n + ARTICLE)


def unclosed_link_menu(n):
    # An ordinary menu: each <a> closes the one before.
    return page(b"<ul>" + b"".join(b"<li><a href=/p%d>item %d" % (i, i) for i in range(n)) + b"</ul>"
                + ARTICLE)


def formatting_attribute_bytes(n):
    # One formatting element with long attribute values, re-created in every
    # paragraph: Gumbo copies the attributes with each clone.
    return page(b"<p><b " + b" ".join(b"a%d=%s" % (j, b"v" * 40) for j in range(47)) + b">"
                + b"<p>x" * n + ARTICLE)


def empty_end_tag_foreign(n):
    # After "</>" Gumbo no longer closes a foreign element: every later cell
    # would nest inside the <math>.
    return page(b"</><math></math>" + b"<td>" * n + ARTICLE)


def text_after_pre(n):
    # The newline after <pre> is dropped: no formatting element is re-created
    # for it.
    return page(b"<p><i><pre>\n<h5><br>x</h3><object>" * n + ARTICLE)


def header_run(n):
    # Text-poor candidates before the article: each asks how much kept text
    # comes before it in the region.
    return page(b"<article>" + b"<header><h2>x</h2></header>" * n + ARTICLE * 3 + b"</article>")


def header_link_run(n):
    return page(b"<article>" + b"<header><h2><a href=/x>x</a></h2></header>" * n + ARTICLE * 3 +
                b"</article>")


def header_div_run(n):
    return page(b"<div class=header><h2><a href=/x>x</a></h2></div>" * n + ARTICLE * 3)


def deep_wrappers_breaks(n):
    # Wrappers around a large subtree with next to no text: each wrapper's
    # leading text must not be looked for node by node.
    return page(b"<div>" * 500 + b"<br>" * n + b"x" + b"</div>" * 500 + ARTICLE)


def deep_wrappers_images(n):
    return page(b"<span>" * 500 + b"<img>" * n + b"x" + b"</span>" * 500 + ARTICLE)


def deep_wrappers_empty_inline(n):
    return page(b"<section>" * 500 + b"<i></i>" * n + b"x" + b"</section>" * 500 + ARTICLE)



def deep_wrappers_teaser(n):
    # Block wrappers with two links and some words, each a teaser candidate
    # around a large text-less subtree.
    return page(b"<div>" + ARTICLE * 10 + b"<div>" * 300 + b"<a href=/a>x</a><a href=/b>y</a> plain words "
                b"of a sentence here, unlinked" + b"<br>" * n + b"</div>" * 300 + b"</div>")


# name -> (function, base size for scale 1)
CASES = {
    "deep_divs": (deep_divs, 10000),
    "deep_unclosed_divs": (deep_unclosed_divs, 10000),
    "deep_inline": (deep_inline, 10000),
    "formatting_attrs": (formatting_attrs, 10000),
    "deep_tables": (deep_tables, 5000),
    "deep_lists": (deep_lists, 10000),
    "unclosed_tags": (unclosed_tags, 5000),
    "many_attributes": (many_attributes, 100000),
    "duplicate_attributes": (duplicate_attributes, 100000),
    "many_paragraphs": (many_paragraphs, 100000),
    "big_text_node": (big_text_node, 1000000),
    "long_word": (long_word, 1000000),
    "entity_flood": (entity_flood, 100000),
    "bad_entities": (bad_entities, 50000),
    "unterminated_comment": (unterminated_comment, 500000),
    "unterminated_script": (unterminated_script, 50000),
    "unterminated_attribute": (unterminated_attribute, 1000000),
    "plaintext": (plaintext, 50000),
    "frameset": (frameset, 20000),
    "svg_mathml": (svg_mathml, 5000),
    "binary_garbage": (binary_garbage, 1000000),
    "nul_bytes": (nul_bytes, 50000),
    "control_chars": (control_chars, 20000),
    "misnested": (misnested, 20000),
    "select_options": (select_options, 10000),
    "table_foster": (table_foster, 50000),
    "many_headings": (many_headings, 20000),
    "many_markers": (many_markers, 5000),
    "many_inline": (many_inline, 50000),
    "many_link_lines": (many_link_lines, 20000),
    "many_break_lines": (many_break_lines, 20000),
    "many_sidebars": (many_sidebars, 20000),
    "li_section": (li_section, 20000),
    "dd_article": (dd_article, 20000),
    "comment_bang": (comment_bang, 50000),
    "select_xmp": (select_xmp, 50000),
    "math_textarea": (math_textarea, 50000),
    "body_attributes": (body_attributes, 20000),
    "html_attributes": (html_attributes, 20000),
    "cut_tag_with_attributes": (cut_tag_with_attributes, 30000),
    "adoption_agency": (adoption_agency, 20000),
    "unclosed_link_menu": (unclosed_link_menu, 5000),
    "formatting_attribute_bytes": (formatting_attribute_bytes, 20000),
    "empty_end_tag_foreign": (empty_end_tag_foreign, 20000),
    "text_after_pre": (text_after_pre, 3000),
    "header_run": (header_run, 40000),
    "header_link_run": (header_link_run, 25000),
    "header_div_run": (header_div_run, 20000),
    "deep_wrappers_breaks": (deep_wrappers_breaks, 250000),
    "deep_wrappers_images": (deep_wrappers_images, 200000),
    "deep_wrappers_empty_inline": (deep_wrappers_empty_inline, 140000),
    "deep_wrappers_teaser": (deep_wrappers_teaser, 250000),
}

# Cases that are not a page: the command refuses them (exit status 3).
REFUSED = {"binary_garbage"}


def run_once(runstat, winnow, data, tmpdir):
    """(seconds, peak RSS in KiB, exit code, stderr) of one run of the command on a file."""
    path = os.path.join(tmpdir, "input.html")
    with open(path, "wb") as f:
        f.write(data)
    proc = subprocess.run([runstat, winnow, "-f", "text", "-o", tmpdir, path],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    lines = proc.stderr.decode("utf-8", "replace").strip().splitlines()
    seconds, rss, code = lines[-1].split()
    return float(seconds), int(rss), int(code), " ".join(lines[:-1])


def table(winnow, scale, names):
    runstat = os.path.join(os.path.dirname(os.path.abspath(winnow)), "tools", "runstat")
    tmpdir = tempfile.mkdtemp(prefix="winnow-hostile-")
    print("| case | input | time | peak RSS | time / time at 1/4 size | RSS / RSS at 1/4 size | exit |")
    print("|---|---|---|---|---|---|---|")
    for name in names:
        fn, base = CASES[name]
        n = max(1, int(base * scale))
        small, big = fn(n), fn(4 * n)
        ts, rs, cs, _ = run_once(runstat, winnow, small, tmpdir)
        tb, rb, cb, err = run_once(runstat, winnow, big, tmpdir)
        print("| %s | %s | %.3f s | %.1f MiB | %.2f | %.2f | %d%s |" % (
            name, human(len(big)), tb, rb / 1024, tb / max(ts, 1e-3), rb / max(rs, 1),
            cb, (" (" + err[:60] + ")") if cb else ""))
        sys.stdout.flush()
    shutil.rmtree(tmpdir)


def human(n):
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return ("%d %s" if unit == "B" else "%.1f %s") % (n, unit)
        n /= 1000.0
    return str(n)


def main(argv):
    if len(argv) < 3 or argv[1] not in ("table", "write"):
        sys.stderr.write(__doc__)
        return 2
    scale = 1.0
    names = list(CASES)
    args = argv[3:]
    while args:
        if args[0] == "--scale" and len(args) > 1:
            scale = float(args[1])
            args = args[2:]
        elif args[0] == "--cases" and len(args) > 1:
            names = args[1].split(",")
            args = args[2:]
        else:
            sys.stderr.write("unknown argument %s\n" % args[0])
            return 2
    if argv[1] == "table":
        table(argv[2], scale, names)
    else:
        os.makedirs(argv[2], exist_ok=True)
        for name in names:
            fn, base = CASES[name]
            with open(os.path.join(argv[2], name + ".html"), "wb") as f:
                f.write(fn(max(1, int(base * scale))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
