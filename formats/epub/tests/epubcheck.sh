#!/usr/bin/env bash
# Runs epubcheck on one EPUB and passes only when it reports no fatal error, no error and no
# warning.   epubcheck.sh BOOK.epub
# A missing validator (java or the epubcheck jar) fails the test, in CI and outside it alike.
set -uo pipefail
book=$1
jar=${EPUBCHECK_JAR:-/usr/share/java/epubcheck.jar}

if ! command -v java >/dev/null 2>&1 || [[ ! -f $jar ]]; then
  echo "epubcheck.sh: java or $jar is missing (scripts/install-deps.sh installs them)" >&2
  exit 1
fi
[[ -f $book ]] || { echo "epubcheck.sh: no $book" >&2; exit 1; }

report=$(java -jar "$jar" "$book" 2>&1)
status=$?
echo "$report"
if [[ $status -ne 0 ]] || ! grep -q "No errors or warnings detected" <<<"$report"; then
  echo "epubcheck.sh: $book is not a clean EPUB (status $status)" >&2
  exit 1
fi
