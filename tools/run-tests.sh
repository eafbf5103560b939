#!/bin/sh
# Builds winnow twice (plain, and with ASan+UBSan) and runs the whole test
# suite in both, then memcheck over the plain build (tools/valgrind-check.sh).
# Usage: tools/run-tests.sh   (from the project root)
set -eu
cd "$(dirname "$0")/.."
run_suite() {
    dir=$1; shift
    if [ ! -f "$dir/build.ninja" ]; then
        meson setup "$dir" "$@" >/dev/null
    fi
    ninja -C "$dir" >/dev/null
    meson test -C "$dir" --print-errorlogs --num-processes 2
}
echo "== plain build =="
run_suite build
echo "== ASan + UBSan build =="
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    run_suite build-asan -Db_sanitize=address,undefined -Db_lundef=false
echo "== memcheck (plain build) =="
sh tools/valgrind-check.sh build
