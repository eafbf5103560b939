#!/usr/bin/env python3
"""winnow-eval --diff on a set made here: a page whose output misses one
gold line and adds one, and a page with snippet gold.

    check_eval_diff.py WINNOW_EVAL
"""
import json
import os
import subprocess
import sys
import tempfile

A = "The harbour reopened on Tuesday after three days of storms had kept every ferry in port."
B = "Harbour master Jan Vos said the channel had been swept and the buoys checked twice over."
C = "Ferries to the islands will run to the winter timetable until the end of the month."
D = "This paragraph is in the page but was never part of the gold text for this page."


def main(argv):
    exe = argv[1]
    with tempfile.TemporaryDirectory() as set_dir:
        os.mkdir(os.path.join(set_dir, "pages"))
        page = "<html><body><article><h1>Harbour</h1><p>%s</p><p>%s</p><p>%s</p></article></body></html>"
        with open(os.path.join(set_dir, "pages", "p1.html"), "w") as f:
            f.write(page % (A, C, D))
        with open(os.path.join(set_dir, "pages", "p2.html"), "w") as f:
            f.write(page % (A, B, C))
        with open(os.path.join(set_dir, "gold.jsonl"), "w") as f:
            f.write(json.dumps({"id": "p1", "url": None, "lang": "en",
                                "body": "\n".join([A, B, C])}) + "\n")
            f.write(json.dumps({"id": "p2", "url": None, "lang": "en",
                                "with": ["Jan Vos said", "not in it"],
                                "without": ["Harbour master", "Cookie"]}) + "\n")
        out = subprocess.run([exe, "--diff", set_dir, "p1"], check=True,
                             stdout=subprocess.PIPE, text=True).stdout
        print(out)
        want = ["  " + A, "- " + B, "  " + C, "+ " + D]
        lines = [l for l in out.splitlines() if l[:2] in ("  ", "- ", "+ ")]
        if lines != want:
            print("want", want)
            return 1
        if "lines: 2 in both, 1 missed, 1 extra" not in out:
            return 1
        out = subprocess.run([exe, "--diff", set_dir, "p2"], check=True,
                             stdout=subprocess.PIPE, text=True).stdout
        print(out)
        for line in ("  Jan Vos said", "- not in it", "+ Harbour master", "~ Cookie",
                     "snippets: 1 of 2 found, 1 of 2 leaked"):
            if line not in out.splitlines():
                print("missing line:", line)
                return 1
        r = subprocess.run([exe, "--diff", set_dir, "nope"], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
        if r.returncode != 1 or "no page nope" not in r.stderr:
            print("an unknown id:", r)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
