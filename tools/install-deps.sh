#!/bin/sh
# Installs what winnow needs to build and test on Debian 12 (run as root).
set -eu
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
    gcc libc6-dev meson ninja-build pkg-config python3 \
    libgumbo-dev libxml2-dev libuchardet-dev libutf8proc-dev libjansson-dev \
    zlib1g-dev libzstd-dev libbrotli-dev \
    check valgrind >/dev/null
# Tests: wget writes WARC files from a local server; zstd and brotli make
# compressed pages.
apt-get install -y -qq --no-install-recommends wget zstd brotli >/dev/null
# tests/explain-html renders --explain=html in headless Chromium.
apt-get install -y -qq --no-install-recommends chromium >/dev/null
# Fuzzing (tools/fuzz.sh): clang and its ASan/UBSan/libFuzzer runtimes.
apt-get install -y -qq --no-install-recommends clang libclang-rt-14-dev >/dev/null
echo "winnow: build dependencies installed"
