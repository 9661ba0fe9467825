#!/usr/bin/env bash
# fascicle-shelf on 50 copies of the sample book, one of them broken (an article that is not one):
# 49 books converted (EPUB and DocBook each, from one read), the broken one named in the summary
# with its error, no output for it, exit status 1. Then a list file naming 3 good books: exit 0.
#   shelf_test.sh FASCICLE SOURCE_DIR
set -uo pipefail
fascicle=${1:?usage: shelf_test.sh FASCICLE SOURCE_DIR}
source_dir=${2:?usage: shelf_test.sh FASCICLE SOURCE_DIR}
shelf_cmd=$source_dir/core/cli/fascicle-shelf

work=$(mktemp -d "${TMPDIR:-/tmp}/shelf-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

mkdir -p "$work/shelf"
for i in $(seq -w 1 50); do cp -r "$source_dir/samples/corpus" "$work/shelf/book-$i"; done
broken_article=$(ls "$work/shelf/book-17/"*.txt | sed -n 3p)
printf 'just a line, not an article\n' >"$broken_article"
mkdir "$work/shelf/notes"  # no book.ini: left out, with a warning

bash "$shelf_cmd" --fascicle "$fascicle" -o "$work/out" --formats epub,xml -j 2 "$work/shelf" -- -q \
    >"$work/shelf.out" 2>"$work/shelf.err"
status=$?
cat "$work/shelf.err"
[[ $status -eq 1 ]] || fail "exit status $status, expected 1"
epubs=$(find "$work/out" -maxdepth 1 -name '*.epub' | wc -l)
xmls=$(find "$work/out" -maxdepth 1 -name '*.xml' | wc -l)
[[ $epubs -eq 49 && $xmls -eq 49 ]] || fail "$epubs EPUB and $xmls DocBook outputs, expected 49 each"
[[ ! -e $work/out/book-17.epub && ! -e $work/out/book-17.xml ]] || fail "the broken book has an output"
grep -qF "fascicle-shelf: 49 of 50 books converted; 1 failed:" "$work/shelf.err" || fail "no summary of 49 of 50"
grep -qF "  book-17 ($work/shelf/book-17): exit status 65; log $work/out/logs/book-17.log" "$work/shelf.err" ||
    fail "the broken book is not named with its status and log"
grep -qF "$broken_article:1: error: expected a table of contents" "$work/shelf.err" || fail "the broken book's error is not shown"
grep -qF "warning: $work/shelf: not books (no book.ini), left out: notes" "$work/shelf.err" || fail "the folder without book.ini is not named"
# Every good book is the sample book: the same bytes as a direct run (SOURCE_DATE_EPOCH unset: the
# date comes from book.ini).
"$fascicle" "$source_dir/samples/corpus" -q -o "$work/direct.epub" || fail "direct run"
cmp -s "$work/direct.epub" "$work/out/book-01.epub" || fail "book-01.epub differs from a direct run"

printf '# three books\n%s\n\n%s\n%s/\n' "$work/shelf/book-01" "$work/shelf/book-02" "$work/shelf/book-50" >"$work/list.txt"
bash "$shelf_cmd" --fascicle "$fascicle" -o "$work/out-list" "$work/list.txt" 2>"$work/list.err"
status=$?
cat "$work/list.err"
[[ $status -eq 0 ]] || fail "list: exit status $status, expected 0"
[[ $(find "$work/out-list" -maxdepth 1 -name '*.epub' | wc -l) -eq 3 ]] || fail "list: not 3 outputs"
grep -qF "fascicle-shelf: all 3 books converted" "$work/list.err" || fail "list: no summary"

if ((failures)); then echo "shelf_test.sh: $failures failure(s)" >&2; exit 1; fi
echo "shelf_test.sh: passed"
