#!/bin/sh
# Runs the command over every page of the given sets (folders holding
# pages/, or folders of pages) and counts the pages refused as not HTML, and
# the pages decoded as UTF-16/UTF-32. Every real page must extract: the
# refusals must be 0.
# Usage: tools/count-refusals.sh build/winnow corpus ../shared/bench/*/
set -u
exe=$1; shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
total=0
for set in "$@"; do
    dir=$set
    [ -d "$set/pages" ] && dir=$set/pages
    n=$(find "$dir" -maxdepth 1 -name '*.htm*' | wc -l)
    "$exe" -o "$tmp/out" "$dir" 2>"$tmp/err" >/dev/null
    refused=$(grep -c 'not an HTML page' "$tmp/err")
    wide=$(cat "$tmp"/out/*.xml 2>/dev/null | grep -c 'charset="UTF-\(16\|32\)')
    echo "$set: $n pages, $refused refused, $wide decoded as UTF-16/32"
    grep 'not an HTML page' "$tmp/err" | head -5
    total=$((total + refused))
    rm -rf "$tmp/out"
done
echo "refused in all: $total"
[ "$total" -eq 0 ]
