#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan) and fuzzes each one for a
# bounded time, seeded from corpus/pages (whole, and cut in max_len pieces)
# and tests/fuzz/regressions (less the inputs a KNOWN_FAILING file lists),
# with the HTML dictionary. Exits non-zero when any target finds a crash,
# leak, UBSan report, timeout or OOM, and prints the reproducer's path.
#
# Usage: tools/fuzz.sh [TARGET ...]        (from anywhere; default: all targets)
# Environment:
#   WINNOW_FUZZ_SECONDS  time per target (default 60)
#   WINNOW_FUZZ_BUILD    build directory (default build-fuzz in the project root)
#   WINNOW_FUZZ_MAX_LEN  longest input tried (default 4096)
#   WINNOW_FUZZ_PIECE    the pages seed every target cut in pieces of this
#                        size (default 512: short seeds keep runs fast; whole
#                        pages as seeds, at 4 KiB each, halve the executions)
#   WINNOW_FUZZ_ARGS     extra libFuzzer flags, e.g. "-seed=1 -only_ascii=1"
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
max_len=${WINNOW_FUZZ_MAX_LEN:-4096}
piece=${WINNOW_FUZZ_PIECE:-512}
all_targets=(fuzz_extract fuzz_charset fuzz_guard fuzz_warc)
if [ $# -gt 0 ]; then targets=("$@"); else targets=("${all_targets[@]}"); fi

if [ ! -f "$build/build.ninja" ]; then
    if [ -z "${CC:-}" ]; then
        CC=clang
        command -v clang >/dev/null 2>&1 || CC=clang-14
    fi
    # the one C++ file (src/meta/lang.cc, libcld2) with the same compiler family
    if [ -z "${CXX:-}" ]; then
        CXX=clang++
        command -v clang++ >/dev/null 2>&1 || CXX=clang++-14
    fi
    CC=$CC CXX=$CXX meson setup "$build" -Dfuzzing=true \
        -Db_sanitize=address,undefined -Db_lundef=false >/dev/null
fi
if ! ninja -C "$build" -j "$(nproc 2>/dev/null || echo 2)" \
    "${targets[@]/#/tests/fuzz/}" > "$build/fuzz-build.log" 2>&1; then
    tail -n 40 "$build/fuzz-build.log"
    echo "fuzz.sh: building the fuzz targets failed (log: $build/fuzz-build.log)" >&2
    exit 1
fi

# A 16 MB quarantine (default 256) still holds far more than one run frees,
# and lets the allocator reuse memory instead of faulting in fresh pages.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:quarantine_size_mb=16}
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
    # Seeds: the corpus pages cut in pieces, in each target's input format
    # (fuzz_charset: behind a hint line; fuzz_guard: behind two limit bytes,
    # default and tiny limits; fuzz_warc: as a WARC resource record), and
    # every saved regression input but the known failures.
    pieces=$(mktemp -d)
    for page in corpus/pages/*.html; do
        name=$(basename "$page" .html)
        rm -f "$pieces"/*
        split -b "$piece" -a 3 "$page" "$pieces/"
        for part in "$pieces"/*; do
            seed=seed-$name-$(basename "$part")
            case $t in
            fuzz_charset)
                { printf '\n'; cat "$part"; } > "$corpus/$seed-nohint"
                case $name in
                    zh-*gbk*) hint=gbk ;;
                    zh-*big5*) hint=big5 ;;
                    *) hint=utf-8 ;;
                esac
                { printf '%s\n' "$hint"; cat "$part"; } > "$corpus/$seed-hint" ;;
            fuzz_guard)
                # "\0\0": default limits; "\1a": depth 8, 4 attributes.
                { printf '\000\000'; cat "$part"; } > "$corpus/$seed-default"
                { printf '\001a'; cat "$part"; } > "$corpus/$seed-tiny" ;;
            fuzz_warc)
                # The piece as a resource record.
                { printf 'WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:seed>\r\n'
                  printf 'Content-Type: text/html\r\nContent-Length: %d\r\n\r\n' "$(wc -c < "$part")"
                  cat "$part"; printf '\r\n\r\n'; } > "$corpus/$seed" ;;
            *)
                cp "$part" "$corpus/$seed" ;;
            esac
        done
    done
    rm -rf "$pieces"
    regressions=tests/fuzz/regressions/$t
    if [ -d "$regressions" ]; then
        for f in "$regressions"/*; do
            base=$(basename "$f")
            case $base in README*|KNOWN_FAILING) continue ;; esac
            [ -f "$f" ] || continue
            if [ -f "$regressions/KNOWN_FAILING" ] &&
                sed 's/#.*//; s/^[[:space:]]*//; s/[[:space:]]*$//' "$regressions/KNOWN_FAILING" |
                grep -qxF -- "$base"; then
                rm -f "$corpus/$base" # it would stop the run before any fuzzing
                continue
            fi
            cp "$f" "$corpus/"
        done
    fi
    before=$(find "$findings" -maxdepth 1 -name "$t-*" -type f | wc -l)
    echo "== $t: ${seconds}s, corpus $(find "$corpus" -type f | wc -l) inputs =="
    rc=0
    # shellcheck disable=SC2086
    "$exe" "$corpus" -dict=tests/fuzz/html.dict -max_len="$max_len" -rss_limit_mb=2048 \
        -timeout=10 -max_total_time="$seconds" -print_final_stats=1 -reload=0 \
        -artifact_prefix="$findings/$t-" ${WINNOW_FUZZ_ARGS:-} > "$log" 2>&1 || rc=$?
    after=$(find "$findings" -maxdepth 1 -name "$t-*" -type f | wc -l)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9]+[a-zA-Z]*' "$log" | tail -1 || true)
    line="$t: ${execs:-?} execs (${rate:-?}/s), ${cov:-no coverage line}, peak rss ${rss:-?} MB"
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
