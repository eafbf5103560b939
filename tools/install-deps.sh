#!/bin/sh
# Installs what winnow needs to build and test on Debian 12 (run as root).
set -eu
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
    gcc g++ libc6-dev meson ninja-build pkg-config python3 \
    libgumbo-dev libxml2-dev libuchardet-dev libutf8proc-dev libjansson-dev \
    zlib1g-dev libzstd-dev libbrotli-dev libcld2-dev \
    check valgrind >/dev/null
# Tests: wget writes WARC files from a local server; zstd and brotli make
# compressed pages.
apt-get install -y -qq --no-install-recommends wget zstd brotli >/dev/null
# Tests: headless Chromium reads the innerText winnow's text is checked
# against (tests/innertext) and renders --explain=html (tests/explain-html).
apt-get install -y -qq --no-install-recommends chromium >/dev/null
# The Python module's tests (pytest-3) and its Dask pipeline's
# (a LocalCluster over generated WARC files).
apt-get install -y -qq --no-install-recommends python3-pytest python3-dask python3-distributed >/dev/null
# Tests: the Markdown output is read back by cmark (CommonMark) and cmark-gfm
# (its pipe tables).
apt-get install -y -qq --no-install-recommends cmark cmark-gfm >/dev/null
# Fuzzing (tools/fuzz.sh): clang and its ASan/UBSan/libFuzzer runtimes.
apt-get install -y -qq --no-install-recommends clang libclang-rt-14-dev >/dev/null
echo "winnow: build dependencies installed"
