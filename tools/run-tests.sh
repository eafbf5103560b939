#!/bin/sh
# Builds winnow twice (plain, and with ASan+UBSan) and runs the whole test
# suite in both (the plain build's includes the Python module's pytest
# suites), then memcheck over the plain build (tools/valgrind-check.sh),
# then the 'threads' suite (one extractor shared by many threads over the
# corpus, the command's -j) in a ThreadSanitizer build.
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
echo "== ThreadSanitizer: the threads suite =="
if [ ! -f build-tsan/build.ninja ]; then
    meson setup build-tsan -Db_sanitize=thread -Db_lundef=false >/dev/null
fi
ninja -C build-tsan winnow tests/test_threads >/dev/null
# The command's runs take a part of the corpus (WINNOW_TEST_CLI_PAGES):
# every process under TSan starts slowly.
TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 WINNOW_TEST_CLI_PAGES=14 \
    meson test -C build-tsan --no-rebuild --print-errorlogs --num-processes 2 --suite threads
