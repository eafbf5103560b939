#!/bin/sh
# Prints winnow's figures on every set of ../shared/bench as a Markdown table.
# Usage: tools/quality-table.sh [BUILD_DIR]   (default: build; WINNOW_BENCH
# overrides the bench folder)
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
bench=${WINNOW_BENCH:-../shared/bench}
echo "| set | pages | metric | winnow F | precision | recall | empty | pages/s |"
echo "|---|---|---|---|---|---|---|---|"
for set in scrapinghub trafilatura-dev chinese-wce dragnet cleaneval-dev; do
    [ -d "$bench/$set" ] || continue
    "$build/tools/winnow-eval" "$bench/$set" 2>/dev/null | awk -v set="$set" '
        /^shingle/ { m="shingle F1"; pages=$3; f=$5; p=$7; r=$9; empty=$13 }
        /^snippet/ && m == "" { m="snippet F"; pages=$3; f=$5; p=$7; r=$9; empty=$NF }
        /^time/ { speed=$4 }
        END { printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", set, pages, m, f, p, r, empty, speed }'
done
