#!/usr/bin/env bash
# Every real-world EPUB (../shared/realworld/epub beside the project, see its MANIFEST.md) read by
# the reader and written again by the writer: each EPUB written must pass epubcheck with no error
# and no warning.   realworld_epubcheck.sh FASCICLE REALWORLD_DIR OUT_DIR
# A missing folder fails the test: it never skips.
set -uo pipefail
fascicle=$1 dir=$2/epub out=$3
here=$(dirname "$0")
[[ -d $dir ]] || { echo "realworld_epubcheck.sh: the real-world documents are missing: $dir" >&2; exit 1; }
mkdir -p "$out"
failed=0 count=0
for book in "$dir"/*.epub; do
  count=$((count + 1))
  written="$out/$(basename "$book")"
  if ! "$fascicle" -q "$book" -o "$written"; then
    echo "FAILED to convert $book" >&2
    failed=1
    continue
  fi
  if bash "$here/epubcheck.sh" "$written" >"$written.log" 2>&1; then
    echo "clean: $(basename "$book")"
  else
    cat "$written.log"
    failed=1
  fi
done
[[ $count -gt 0 ]] || { echo "realworld_epubcheck.sh: no EPUB in $dir" >&2; exit 1; }
exit $failed
