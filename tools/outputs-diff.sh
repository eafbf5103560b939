#!/bin/sh
# Writes winnow's outputs (text with and without --comments, xml, explain, xml with
# --links --images --formatting, markdown with --title --links --images) for every page
# of ../shared/bench and corpus/ with one build, and compares them with the
# outputs of another build (or of an earlier snapshot folder). For changes
# that must not move a figure: "no difference" is the proof.
# Usage: tools/outputs-diff.sh snapshot BUILD_DIR OUT_DIR
#        tools/outputs-diff.sh compare  OUT_DIR_A OUT_DIR_B
#        tools/outputs-diff.sh compare-unnamed OUT_DIR_A OUT_DIR_B
# compare-unnamed blanks the rule names of the explain outputs ("-> label
# (rule)") first: for changes that only rename or split rules.
set -eu
cd "$(dirname "$0")/.."
bench=${WINNOW_BENCH:-../shared/bench}
case ${1:-} in
snapshot)
    build=$2 out=$3
    rm -rf "$out"; mkdir -p "$out"
    for dir in "$bench"/*/pages corpus/pages; do
        [ -d "$dir" ] || continue
        set_name=$(basename "$(dirname "$dir")")
        for format in text xml explain; do
            "$build/winnow" --comments -f "$format" -o "$out/$set_name/$format" "$dir" \
                2>"$out/$set_name.$format.err" || true
        done
        "$build/winnow" -f text -o "$out/$set_name/plain" "$dir" 2>"$out/$set_name.plain.err" || true
        # what only the options read: links, images, formatting, the title line
        "$build/winnow" --links --images --formatting -f xml -o "$out/$set_name/rich" "$dir" \
            2>"$out/$set_name.rich.err" || true
        "$build/winnow" --title --links --images -f markdown -o "$out/$set_name/markdown" "$dir" \
            2>"$out/$set_name.markdown.err" || true
    done
    echo "snapshot written to $out";;
compare)
    if diff -r "$2" "$3" >/dev/null; then
        echo "no difference"
    else
        diff -rq "$2" "$3" | head -50
        echo "$(diff -rq "$2" "$3" | wc -l) files differ"
        exit 1
    fi;;
compare-unnamed)
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    for side in a b; do
        if [ $side = a ]; then src=$2; else src=$3; fi
        cp -r "$src" "$tmp/$side"
        find "$tmp/$side" -path '*/explain/*' -type f \
            -exec sed -i -E 's/(  -> [a-z]+) \([a-z-]+\)/\1 (RULE)/' {} +
    done
    "$0" compare "$tmp/a" "$tmp/b";;
*)
    sed -n 2,11p "$0"; exit 2;;
esac
