#!/bin/sh
# Prints winnow's figures on every set of ../shared/bench as a Markdown table.
# Usage: tools/quality-table.sh [BUILD_DIR]   (default: build; WINNOW_BENCH
# overrides the bench folder)
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
bench=${WINNOW_BENCH:-../shared/bench}
echo "| set | pages | metric | winnow F | precision | recall | empty | total misses | pages/s |"
echo "|---|---|---|---|---|---|---|---|---|"
for set in scrapinghub trafilatura-dev chinese-wce dragnet cleaneval-dev forum-dev; do
    [ -d "$bench/$set" ] || continue
    "$build/tools/winnow-eval" "$bench/$set" 2>/dev/null | awk -v set="$set" '
        function field(name,   i) { for (i = 1; i < NF; i++) if ($i == name) return $(i + 1); return "" }
        /^shingle/ { m="shingle F1"; pages=field("pages"); f=field("F1"); p=field("P"); r=field("R"); empty=field("empty"); misses=field("misses") }
        /^snippet/ && m == "" { m="snippet F"; pages=field("pages"); f=field("F"); p=field("P"); r=field("R"); empty=field("empty"); misses=field("misses") }
        /^time/ { speed=$4 }
        END { printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", set, pages, m, f, p, r, empty, misses, speed }'
done
