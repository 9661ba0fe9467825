#!/usr/bin/env bash
# Renders one chapter of an EPUB in headless Chromium, as a phone-sized page would show it.
#   formats/epub/screenshot.sh [BOOK.epub] [CHAPTER] [OUTPUT.png]
# Defaults: the sample corpus converted with build/dev/bin/fascicle (FASCICLE=... to use another build),
# chapter text/chapter-0001.xhtml, formats/epub/screenshot-chapter.png.
# Needs Debian's chromium (scripts/install-deps.sh installs it). Not a test: look at the result.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

book=${1:-}
chapter=${2:-text/chapter-0001.xhtml}
output=${3:-$here/screenshot-chapter.png}

if [[ -z $book ]]; then
  fascicle=${FASCICLE:-$root/build/dev/bin/fascicle}
  book=$work/corpus.epub
  "$fascicle" -q "$root/samples/corpus" -o "$book"
fi

unzip -q "$book" -d "$work/book"
page=$work/book/EPUB/$chapter
[[ -f $page ]] || { echo "screenshot.sh: no $chapter in $book" >&2; exit 1; }

chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
  --user-data-dir="$work/profile" --force-device-scale-factor=1 \
  --window-size=480,800 --screenshot="$output" "file://$page" 2>/dev/null
echo "$output"
