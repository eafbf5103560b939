#!/usr/bin/env python3
"""winnow's text against what a browser shows: for every page in PAGES, the
text winnow extracts must equal Chromium's innerText of the page's article
(the element with id "a"), line by line.

Departures, applied to the browser's side before comparing:
- ruby annotations (<rt>) are removed: winnow keeps the base text only,
  innerText keeps both;
- no-break spaces count as spaces and a table row's tabs as one space
  (winnow joins a row's cells with a space);
- empty lines and the spaces at the end of a line are not compared.
Chromium (Debian's package) is run headless; without it the test is
skipped (exit 77), never passed.
Usage: test_innertext.py WINNOW PAGES_DIR
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

SCRIPT = """<script>(function () {
  var a = document.getElementById('a');
  a.querySelectorAll('rt').forEach(function (e) { e.remove(); });
  document.body.setAttribute('data-innertext', JSON.stringify(a.innerText));
})();</script>"""


def lines(text):
    text = text.replace("\u00a0", " ").replace("\t", " ")
    return [l.rstrip(" ") for l in text.split("\n") if l.strip(" ")]


def inner_text(chromium, page, workdir):
    with open(page, encoding="utf-8") as f:
        source = f.read()
    probe = os.path.join(workdir, os.path.basename(page))
    with open(probe, "w", encoding="utf-8") as f:
        f.write(source.replace("</body>", SCRIPT + "</body>", 1))
    out = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--user-data-dir=" + os.path.join(workdir, "profile"), "--dump-dom", probe],
        capture_output=True, text=True, timeout=120).stdout
    m = re.search(r'data-innertext="([^"]*)"', out)
    if not m:
        raise RuntimeError("no innerText from Chromium for " + page)
    return json.loads(html.unescape(m.group(1)))


def main():
    winnow, pages = sys.argv[1], sys.argv[2]
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("SKIP: chromium is not installed (tools/install-deps.sh installs it)")
        return 77
    failed = 0
    names = sorted(n for n in os.listdir(pages) if n.endswith(".html"))
    with tempfile.TemporaryDirectory() as workdir:
        for name in names:
            page = os.path.join(pages, name)
            browser = lines(inner_text(chromium, page, workdir))
            ours = lines(subprocess.run([winnow, "-f", "text", page], capture_output=True,
                                        text=True, check=True).stdout)
            if browser == ours:
                print(f"ok   {name}: {len(ours)} lines")
                continue
            failed += 1
            print(f"FAIL {name}")
            for i in range(max(len(browser), len(ours))):
                b = browser[i] if i < len(browser) else "<none>"
                o = ours[i] if i < len(ours) else "<none>"
                if b != o:
                    print(f"  line {i + 1}\n    browser: {b!r}\n    winnow:  {o!r}")
                    break
    print(f"{len(names) - failed} passed, {failed} failed")
    return 1 if failed or not names else 0


if __name__ == "__main__":
    sys.exit(main())
