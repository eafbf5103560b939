#!/usr/bin/env python3
"""Runs winnow-eval on a set and fails when a figure is below its floor.

usage: check_floor.py WINNOW_EVAL SET_DIR --f1 MIN [--snippet-f MIN] [--max-empty N]
                      [--max-misses N]
                      [--max-snippet-fp N]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("winnow_eval")
    ap.add_argument("set_dir")
    ap.add_argument("--f1", type=float, default=None, help="floor for the shingle F1")
    ap.add_argument("--snippet-f", type=float, default=None, help="floor for the snippet F")
    ap.add_argument("--max-empty", type=int, default=None)
    ap.add_argument("--max-misses", type=int, default=None)
    ap.add_argument("--max-snippet-fp", type=int, default=None,
                    help="most 'without' snippets allowed in the output (leaked clutter)")
    args = ap.parse_args()
    if not os.path.isdir(args.set_dir):
        print("skip: no set at", args.set_dir)
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "figures.json")
        run = subprocess.run([args.winnow_eval, args.set_dir, "--json", out],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        print(run.stdout)
        if run.returncode != 0:
            print("winnow-eval failed with status", run.returncode)
            return 1
        with open(out, encoding="utf-8") as handle:
            figures = json.load(handle)["sets"][0]
    failures = []
    body = figures.get("body")
    snippets = figures.get("snippets")
    if args.f1 is not None:
        if not body:
            failures.append("no shingle figures")
        elif body["f1"] < args.f1:
            failures.append("shingle F1 %.4f < floor %.4f" % (body["f1"], args.f1))
    if args.snippet_f is not None:
        if not snippets:
            failures.append("no snippet figures")
        elif snippets["f1"] < args.snippet_f:
            failures.append("snippet F %.4f < floor %.4f" % (snippets["f1"], args.snippet_f))
    if args.max_snippet_fp is not None:
        if not snippets:
            failures.append("no snippet figures")
        elif snippets["fp"] > args.max_snippet_fp:
            failures.append("%d 'without' snippets in the output > %d" % (snippets["fp"], args.max_snippet_fp))
    if args.max_empty is not None:
        # A blank output for a page whose gold is blank (no article) is right.
        empty = ((body or {}).get("empty", 0) - (body or {}).get("empty_expected", 0)
                 + (snippets or {}).get("empty", 0))
        if empty > args.max_empty:
            failures.append("%d empty outputs > %d" % (empty, args.max_empty))
    if args.max_misses is not None:
        misses = (body or {}).get("misses", 0) + (snippets or {}).get("misses", 0)
        if misses > args.max_misses:
            failures.append("%d total misses > %d" % (misses, args.max_misses))
    if figures.get("failed"):
        failures.append("%d pages failed to extract" % figures["failed"])
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
