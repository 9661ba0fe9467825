#!/usr/bin/env bash
# fascicle --validate and --validate-only with the real validators, one case per CTest test:
#   validate_test.sh FASCICLE CASE
# valid-outputs-pass        the samples as EPUB, DocBook and Markdown in one run with --validate: exit 0
# epub-broken-fails         a valid EPUB with an element XHTML does not have: epubcheck's message, exit 70
# epub-inaccessible-fails   a valid EPUB whose chapter lost its language: DAISY Ace's message, exit 70
# docbook-broken-fails      a valid DocBook book with an element DocBook does not have: jing's message, 70
# markdown-broken-fails     Markdown with a byte that is not UTF-8: the re-parse check's message, 70
# epubcheck-missing, jing-missing, ace-missing
#                           --validate with the validator gone: a message naming it, exit 69, and the
#                           output written (validation comes after writing)
# The broken files are fascicle's own output, edited: --validate-only validates a file as --validate
# validates what fascicle has just written (the same code). FASCICLE_ACE names Ace's node_modules.
set -uo pipefail
fascicle=${1:?usage: validate_test.sh FASCICLE CASE}
case_name=${2:?usage: validate_test.sh FASCICLE CASE}
source_dir=${FASCICLE_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
samples=$source_dir/samples/corpus
export SOURCE_DATE_EPOCH=1700000000

work=$(mktemp -d "${TMPDIR:-/tmp}/validate-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
# run NAME ARGS...: runs fascicle, its standard error in NAME.err, its status in $status.
run() {
    local name=$1
    shift
    "$fascicle" "$@" >"$name.out" 2>"$name.err"
    status=$?
    echo "--- fascicle $* (exit $status)"
    echo "$(<"$name.err")"
}
expect_status() { [[ $status -eq $1 ]] || fail "exit status $status, expected $1"; }
expect_in() {  # expect_in FILE TEXT (fixed string)
    grep -qF -- "$2" "$1" || fail "$1 does not say: $2"
}
expect_match() {  # expect_match FILE REGEX (extended)
    grep -qE -- "$2" "$1" || fail "$1 matches no: $2"
}

# An EPUB rebuilt from a folder, mimetype first and stored, as the format requires.
zip_epub() {
    local dir=$1 book=$2
    rm -f "$book"
    (cd "$dir" && zip -q -X0 "$work/$book" mimetype && zip -q -Xr9D "$work/$book" META-INF EPUB) || fail "zip $book"
}

make_valid() {
    run made "$samples" -q -o book.epub -o book.xml -o book.md
    [[ $status -eq 0 ]] || { fail "could not make the valid outputs"; exit 1; }
}

case $case_name in
valid-outputs-pass)
    run valid "$samples" -v -o book.epub -o book.xml -o book.md --validate
    expect_status 0
    for f in book.epub book.xml book.md; do expect_in valid.err "$f: note: valid:"; done
    if grep -q ": error:" valid.err; then fail "errors reported for valid outputs"; fi
    ;;
epub-broken-fails)
    make_valid
    mkdir x && (cd x && unzip -q ../book.epub) || fail unzip
    # The first paragraph of chapter 2 gets an element XHTML does not have.
    sed -i '0,/<p>/s//<p><bogus>x<\/bogus>/' x/EPUB/text/chapter-0002.xhtml
    zip_epub x broken.epub
    run broken --validate-only broken.epub
    expect_status 70
    expect_match broken.err '^broken\.epub/EPUB/text/chapter-0002\.xhtml:[0-9]+:[0-9]+: error: RSC-005: .*element "bogus" not allowed.*\(epubcheck\)$'
    ;;
epub-inaccessible-fails)
    make_valid
    mkdir x && (cd x && unzip -q ../book.epub) || fail unzip
    # Valid XHTML still, but the page no longer says its language: an accessibility violation.
    sed -i 's/ lang="[^"]*"//; s/ xml:lang="[^"]*"//' x/EPUB/text/chapter-0002.xhtml
    zip_epub x inaccessible.epub
    run inaccessible --validate-only inaccessible.epub
    expect_status 70
    expect_match inaccessible.err '^inaccessible\.epub: error: text/chapter-0002\.xhtml: html-has-lang \(serious\): The <html> element does not have a lang attribute \(DAISY Ace\)$'
    ;;
docbook-broken-fails)
    make_valid
    sed '0,/<para>/s//<para><bogus\/>/' book.xml > broken.xml
    line=$(grep -n '<bogus/>' broken.xml | head -1 | cut -d: -f1)
    run broken --validate-only broken.xml
    expect_status 70
    expect_match broken.err "^broken\.xml:$line:[0-9]+: error: element \"bogus\" not allowed .*\(jing, DocBook 5\)$"
    ;;
markdown-broken-fails)
    make_valid
    { head -3 book.md; printf 'caf\xe9 in Latin-1\n'; } > broken.md
    run broken --validate-only broken.md
    expect_status 70
    expect_in broken.err "broken.md:4:4: error: invalid UTF-8: a Markdown reader replaces it with U+FFFD (cmark-gfm re-parse)"
    ;;
epubcheck-missing)
    EPUBCHECK_JAR=$work/no/epubcheck.jar run missing "$samples" -q -o book.epub --validate
    expect_status 69
    expect_in missing.err "book.epub: error: cannot validate: epubcheck is missing (java on PATH and the jar $work/no/epubcheck.jar"
    [[ -s book.epub ]] || fail "book.epub not written"
    ;;
jing-missing)
    # A PATH with no jing (fascicle needs no program on PATH to convert).
    mkdir empty-bin
    PATH=$work/empty-bin run missing "$samples" -q -o book.xml --validate
    expect_status 69
    expect_in missing.err "book.xml: error: cannot validate: jing is not on PATH (Debian: apt-get install jing)"
    [[ -s book.xml ]] || fail "book.xml not written"
    ;;
ace-missing)
    FASCICLE_ACE=$work/no/node_modules run missing "$samples" -q -o book.epub --validate
    expect_status 69
    expect_in missing.err "book.epub: error: cannot validate: DAISY Ace cannot run: DAISY Ace is not at $work/no/node_modules/@daisy/ace/bin/ace-puppeteer.js (FASCICLE_ACE names"
    ;;
*)
    echo "validate_test.sh: no case $case_name" >&2
    exit 2
    ;;
esac

if ((failures)); then
    echo "validate_test.sh $case_name: $failures failure(s)" >&2
    exit 1
fi
echo "validate_test.sh $case_name: passed"
