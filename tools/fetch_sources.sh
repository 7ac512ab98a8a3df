#!/usr/bin/env bash
# Fetch the third-party word lists the lexicon is built from, into $1 (default
# /tmp/gloss-sources), through the ordinary package clients (PyPI, Debian).
# Then rebuild the generated lexicon assets (see assets/README.md).
set -euo pipefail
out="${1:-/tmp/gloss-sources}"
mkdir -p "$out" && cd "$out"
pip download names==0.3.0 --no-deps -d . >/dev/null
tar xzf names-0.3.0.tar.gz
for p in wamerican-small wamerican wamerican-large; do
    apt-get download "$p" >/dev/null
    mkdir -p "$p" && dpkg-deb -x "${p}"_*.deb "$p"
done
echo "$out"
