#!/usr/bin/env bash
# The EPUB writer's page map options refused as they should be: a clear error, a non-zero exit and
# no EPUB written.   bad_options.sh FASCICLE CORPUS BAD_MAP
set -uo pipefail
fascicle=$1 corpus=$2 bad_map=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/page-map.XXXXXX") || fail "no temporary directory"
trap 'rm -rf "$work"' EXIT

expect_refused() {  # expected-message, then the arguments
  local expected=$1; shift
  local out status
  out=$("$fascicle" -q "$corpus" -o "$work/book.epub" "$@" 2>&1); status=$?
  ((status != 0)) || fail "exit 0 for $*"
  grep -qF -- "$expected" <<<"$out" || fail "for $*: expected '$expected', got: $out"
  [[ ! -e $work/book.epub ]] || fail "an EPUB was written for $*"
}
expect_refused "$bad_map:2: expected 4 tab-separated fields" --page-map "$bad_map"
expect_refused "cannot read the page map $work/none.map" --page-map "$work/none.map"
expect_refused "--print-edition names the print edition of a page map: give --page-map FILE too" --print-edition X
echo "refused: a malformed map, a missing map, --print-edition alone"
