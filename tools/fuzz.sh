#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan) and fuzzes each one for a
# bounded time, seeded from corpus/pages and tests/fuzz/regressions, with the
# HTML dictionary. Exits non-zero when any target finds a crash, leak, UBSan
# report, timeout or OOM, and prints the reproducer's path.
#
# Usage: tools/fuzz.sh [TARGET ...]        (from anywhere; default: all targets)
# Environment:
#   WINNOW_FUZZ_SECONDS  time per target (default 60)
#   WINNOW_FUZZ_BUILD    build directory (default build-fuzz in the project root)
#   WINNOW_FUZZ_ARGS     extra libFuzzer flags, e.g. "-seed=1 -max_len=4096"
#
# The grown corpus stays in $WINNOW_FUZZ_BUILD/fuzz-corpus/<target> for the next
# run; findings go to $WINNOW_FUZZ_BUILD/fuzz-findings/. Replay one with
#   $WINNOW_FUZZ_BUILD/tests/fuzz/<target> FILE
# then minimise it (-minimize_crash=1 -runs=10000 FILE), add it to
# tests/fuzz/regressions/<target>/ and fix the bug.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

seconds=${WINNOW_FUZZ_SECONDS:-60}
build=${WINNOW_FUZZ_BUILD:-build-fuzz}
case $build in /*) ;; *) build=$root/$build ;; esac
all_targets=(fuzz_extract fuzz_charset)
if [ $# -gt 0 ]; then targets=("$@"); else targets=("${all_targets[@]}"); fi

if [ ! -f "$build/build.ninja" ]; then
    if [ -z "${CC:-}" ]; then
        CC=clang
        command -v clang >/dev/null 2>&1 || CC=clang-14
    fi
    CC=$CC meson setup "$build" -Dfuzzing=true \
        -Db_sanitize=address,undefined -Db_lundef=false >/dev/null
fi
if ! ninja -C "$build" -j "$(nproc 2>/dev/null || echo 2)" \
    "${targets[@]/#/tests/fuzz/}" > "$build/fuzz-build.log" 2>&1; then
    tail -n 40 "$build/fuzz-build.log"
    echo "fuzz.sh: building the fuzz targets failed (log: $build/fuzz-build.log)" >&2
    exit 1
fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

findings=$build/fuzz-findings
mkdir -p "$findings"
failed=0
summary=()
for t in "${targets[@]}"; do
    exe=$build/tests/fuzz/$t
    corpus=$build/fuzz-corpus/$t
    log=$findings/$t.log
    mkdir -p "$corpus"
    # Seeds: the corpus pages (for fuzz_charset behind a hint line, its input
    # format) and every saved regression input.
    for page in corpus/pages/*.html; do
        name=$(basename "$page" .html)
        if [ "$t" = fuzz_charset ]; then
            { printf '\n'; cat "$page"; } > "$corpus/seed-$name-nohint"
            case $name in
                zh-*gbk*) hint=gbk ;;
                zh-*big5*) hint=big5 ;;
                *) hint=utf-8 ;;
            esac
            { printf '%s\n' "$hint"; cat "$page"; } > "$corpus/seed-$name-hint"
        else
            cp "$page" "$corpus/seed-$name"
        fi
    done
    if [ -d "tests/fuzz/regressions/$t" ]; then
        find "tests/fuzz/regressions/$t" -maxdepth 1 -type f ! -name 'README*' \
            -exec cp {} "$corpus/" \;
    fi
    before=$(find "$findings" -maxdepth 1 -name "$t-*" -type f | wc -l)
    echo "== $t: ${seconds}s, corpus $(find "$corpus" -type f | wc -l) inputs =="
    rc=0
    # shellcheck disable=SC2086
    "$exe" "$corpus" -dict=tests/fuzz/html.dict -max_len=65536 -rss_limit_mb=2048 \
        -timeout=10 -max_total_time="$seconds" -print_final_stats=1 \
        -artifact_prefix="$findings/$t-" ${WINNOW_FUZZ_ARGS:-} > "$log" 2>&1 || rc=$?
    after=$(find "$findings" -maxdepth 1 -name "$t-*" -type f | wc -l)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
    cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9]+[a-zA-Z]*' "$log" | tail -1 || true)
    line="$t: ${execs:-?} execs, ${cov:-no coverage line}, peak rss ${rss:-?} MB"
    if [ "$rc" -ne 0 ] || [ "$after" -gt "$before" ]; then
        failed=1
        summary+=("$line: FINDING (exit $rc)")
        echo "---- $t: finding (exit $rc); last lines of $log:"
        grep -vE '^#[0-9]+' "$log" | tail -n 60
        grep -hE '(Test unit written to|artifact_prefix.*Test unit written to)' "$log" |
            sed 's/.*Test unit written to /reproducer: /' || true
        echo "replay: $exe <reproducer>"
    else
        summary+=("$line: ok")
    fi
done
echo "== fuzz summary =="
printf '%s\n' "${summary[@]}"
exit "$failed"
