#!/usr/bin/env bash
# Rebuild every generated lexicon asset.
# usage: tools/build_lexicon.sh SOURCES_DIR SHARED_DATA_DIR
#   SOURCES_DIR: what tools/fetch_sources.sh fetched
#   SHARED_DATA_DIR: holds gum/train and geonames/ (e.g. ../shared/data)
set -euo pipefail
src="$1"; data="$2"
cd "$(dirname "$0")/.."
python3 tools/build_names.py "$src/names-0.3.0/names"
dict() { echo "$src/$1/usr/share/dict/$2"; }
python3 tools/build_words.py "$(dict wamerican-small american-english-small)" \
    "$(dict wamerican american-english)" "$(dict wamerican-large american-english-large)" "$data/gum/train"
python3 tools/build_places.py "$data/geonames"
