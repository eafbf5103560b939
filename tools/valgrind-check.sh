#!/bin/sh
# memcheck (no errors, no definite leaks) over:
#   - every C test program of the test suite (meson's 'valgrind' setup),
#   - the command on every corpus page, in each format, and on the hostile
#     inputs of tools/hostile.py (small scale),
#   - winnow-eval on the corpus.
# The Python-driven tests are left out: they would run the interpreter itself
# under memcheck; the binaries they drive are covered by the runs above.
# Usage: tools/valgrind-check.sh [BUILD_DIR]   (default: build, already built)
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
vg="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
--suppressions=tests/valgrind.supp"

tests=$(meson introspect --tests "$build" | python3 -c '
import json, sys
for t in json.load(sys.stdin):
    if "python" not in t["cmd"][0] and "pytest" not in t["cmd"][0]:
        print(t["name"])')
echo "== memcheck: C test programs =="
# shellcheck disable=SC2086
meson test -C "$build" --setup valgrind --print-errorlogs --num-processes 2 $tests

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
echo "== memcheck: the command on corpus/pages (xml, text, explain, markdown, html) =="
# Status 4: the corpus's index, sign-in and error pages hold no article.
for format in xml text explain markdown html; do
    status=0
    $vg "$build/winnow" --comments --links --images --formatting -f "$format" -o "$tmp/$format" \
        corpus/pages 2>"$tmp/corpus.err" || status=$?
    if [ "$status" -ne 0 ] && [ "$status" -ne 4 ]; then
        cat "$tmp/corpus.err"; exit 1
    fi
done
echo "== memcheck: the command on hostile inputs =="
python3 tools/hostile.py write "$tmp/hostile" --scale 0.01
# Status 3: some inputs (binary_garbage) are refused as not a page; 4:
# some hold no article.
status=0
$vg "$build/winnow" -f xml -o "$tmp/hostile-out" "$tmp/hostile" 2>"$tmp/hostile.err" || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 3 ] && [ "$status" -ne 4 ]; then
    cat "$tmp/hostile.err"; exit 1
fi
echo "== memcheck: the command on WARC files and a compressed tree =="
# Status 1 or 3 is expected (damaged files, a record that is not a page);
# 99 is memcheck's.
for f in tests/fuzz/regressions/fuzz_warc/*; do
    status=0
    $vg "$build/winnow" -f text "$f" >/dev/null 2>"$tmp/warc.err" || status=$?
    if [ "$status" -eq 99 ]; then cat "$tmp/warc.err"; exit 1; fi
done
mkdir -p "$tmp/tree/sub"
gzip -c corpus/pages/en-wp-recipe.html > "$tmp/tree/sub/recipe.html.gz"
cp tests/fuzz/regressions/fuzz_warc/wget-crawl.warc.gz "$tmp/tree/"
$vg "$build/winnow" -r -o "$tmp/tree-out" "$tmp/tree" tests/fuzz/regressions/fuzz_warc/hand-made.warc \
    2>"$tmp/tree.err" || { status=$?; if [ "$status" -eq 99 ]; then cat "$tmp/tree.err"; exit 1; fi; }
echo "== memcheck: winnow-eval corpus =="
$vg "$build/tools/winnow-eval" corpus >/dev/null
echo "memcheck: clean"
