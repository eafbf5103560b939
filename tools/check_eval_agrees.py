#!/usr/bin/env python3
"""Check that winnow-eval and the reference score.py give the same figures.

usage: check_eval_agrees.py WINNOW_EVAL SCORE_PY SET_DIR [SET_DIR ...]
                            [--perturb] [--keep DIR]

Default mode: winnow-eval runs the library on each set and saves its
predictions (--save); score.py then scores that folder, and the two JSON
reports must agree (summary figures to 3 decimals, integer counts exactly,
every page's figures too).

--perturb: no library; predictions are made from the gold texts by
perturb_gold.py, then scored by `winnow-eval --pred-dir` and by score.py.

Exit 0 when all agree, 1 on a disagreement or a failure, 77 (skip) when
score.py or every set is missing.
"""

import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import perturb_gold  # noqa: E402

TOL = 5e-4          # "agree to 3 decimals"
SKIP = 77


class Mismatch(Exception):
    pass


def run(cmd):
    proc = subprocess.run(cmd, capture_output=True, text=True, errors="replace")
    if proc.returncode != 0:
        raise Mismatch(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr[-3000:]}")
    return proc.stdout


class Comparer:
    def __init__(self, name):
        self.name = name
        self.max_diff = 0.0
        self.checked = 0
        self.errors = []

    def real(self, what, ours, ref):
        diff = abs(float(ours) - float(ref))
        self.max_diff = max(self.max_diff, diff)
        self.checked += 1
        if diff > TOL:
            self.errors.append(f"{what}: winnow-eval {ours!r} score.py {ref!r}")

    def exact(self, what, ours, ref):
        self.checked += 1
        if ours != ref:
            self.errors.append(f"{what}: winnow-eval {ours!r} score.py {ref!r}")


def compare(name, ours, ref):
    c = Comparer(name)
    for key in ("body", "snippets"):
        if (key in ours) != (key in ref):
            c.errors.append(f"{key}: present in only one report")
    if "body" in ref and "body" in ours:
        a, b = ours["body"], ref["body"]
        for key in ("f1", "precision", "recall", "accuracy"):
            c.real(f"body.{key}", a[key], b[key])
        for key in ("pages", "empty"):
            c.exact(f"body.{key}", a[key], b[key])
        pa, pb = ours["body_pages"], ref["body_pages"]
        c.exact("body_pages count", len(pa), len(pb))
        for x, y in zip(pa, pb):
            c.exact("body page id", x["id"], y["id"])
            for key in ("tp", "fp", "fn", "precision", "recall", "f1"):
                c.real(f"page {y['id']} {key}", x[key], y[key])
            c.exact(f"page {y['id']} exact", float(x["exact"]), float(y["exact"]))
            c.exact(f"page {y['id']} empty", bool(x["empty"]), bool(y["empty"]))
    if "snippets" in ref and "snippets" in ours:
        a, b = ours["snippets"], ref["snippets"]
        for key in ("f1", "precision", "recall", "accuracy"):
            c.real(f"snippets.{key}", a[key], b[key])
        for key in ("tp", "fp", "fn", "tn", "pages", "empty"):
            c.exact(f"snippets.{key}", a[key], b[key])
        pa, pb = ours["snippet_pages"], ref["snippet_pages"]
        c.exact("snippet_pages count", len(pa), len(pb))
        for x, y in zip(pa, pb):
            c.exact("snippet page id", x["id"], y["id"])
            for key in ("tp", "fp", "fn", "tn"):
                c.exact(f"page {y['id']} {key}", x[key], y[key])
            c.exact(f"page {y['id']} empty", bool(x["empty"]), bool(y["empty"]))
    return c


def describe(report):
    parts = []
    if "body" in report:
        b = report["body"]
        parts.append(f"shingle F1 {b['f1']:.4f} P {b['precision']:.4f} R {b['recall']:.4f} "
                     f"acc {b['accuracy']:.4f} ({b['pages']} pages, {b['empty']} empty)")
    if "snippets" in report:
        s = report["snippets"]
        parts.append(f"snippet F {s['f1']:.4f} P {s['precision']:.4f} R {s['recall']:.4f} "
                     f"acc {s['accuracy']:.4f} tp {s['tp']} fp {s['fp']} fn {s['fn']} "
                     f"tn {s['tn']}")
    return "; ".join(parts)


def check_set(winnow_eval, score_py, set_dir, perturb, work):
    name = os.path.basename(os.path.normpath(set_dir))
    pred = os.path.join(work, name + "-pred")
    ours_json = os.path.join(work, name + "-winnow-eval.json")
    ref_json = os.path.join(work, name + "-score-py.json")
    if perturb:
        perturb_gold.make_predictions(set_dir, pred)
        run([winnow_eval, set_dir, "--pred-dir", pred, "--json", ours_json])
    else:
        run([winnow_eval, set_dir, "--save", pred, "--json", ours_json])
    run([sys.executable, score_py, set_dir, pred, "--bootstrap", "0", "--json", ref_json])
    with open(ours_json, encoding="utf-8") as handle:
        ours = json.load(handle)["sets"][0]
    with open(ref_json, encoding="utf-8") as handle:
        ref = json.load(handle)["results"][0]
    c = compare(name, ours, ref)
    mode = "perturbed gold" if perturb else "library output"
    print(f"{name} ({mode}): {describe(ref)}")
    print(f"    {c.checked} figures compared, max |difference| {c.max_diff:.3g}, "
          f"{len(c.errors)} disagreements")
    for err in c.errors[:20]:
        print(f"    MISMATCH {err}")
    return not c.errors


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    perturb = "--perturb" in argv
    keep = None
    if "--keep" in argv:
        i = argv.index("--keep")
        keep = argv[i + 1]
        args.remove(keep)
    if len(args) < 3:
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    winnow_eval, score_py, sets = args[0], args[1], args[2:]
    if not os.path.isfile(score_py):
        print(f"skip: no {score_py}")
        return SKIP
    present = [s for s in sets if os.path.isfile(os.path.join(s, "gold.jsonl"))]
    for s in sets:
        if s not in present:
            print(f"skip set {s}: no gold.jsonl")
    if not present:
        return SKIP
    ok = True
    with tempfile.TemporaryDirectory(prefix="winnow-eval-check-") as tmp:
        work = keep or tmp
        os.makedirs(work, exist_ok=True)
        for set_dir in present:
            try:
                ok = check_set(winnow_eval, score_py, set_dir, perturb, work) and ok
            except Mismatch as err:
                print(f"FAIL {set_dir}: {err}")
                ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
