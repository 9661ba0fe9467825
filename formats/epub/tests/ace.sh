#!/usr/bin/env bash
# Runs DAISY Ace (the EPUB accessibility checker) on one EPUB and passes only when Ace ran and
# reported no violation: no assertion with the outcome "fail", whatever its impact.
#   ace.sh BOOK.epub
# Prints each violation (rule, impact, document, description, offending element and selector) and
# nothing else on success. A missing Ace, Node.js or chromium fails, as does Ace failing to run.
# Ace comes from tests/validators (scripts/install-deps.sh: npm ci there); its puppeteer runner
# (bin ace-puppeteer: the plain bin ace is the Electron runner, whose browser npm does not ship)
# drives Debian's chromium, PUPPETEER_EXECUTABLE_PATH, and passes chromium --no-sandbox itself.
# ACE overrides the Ace script.
set -uo pipefail
book=${1:?usage: ace.sh BOOK.epub}
repo=$(cd "$(dirname "$0")/../../.." && pwd)
ace=${ACE:-$repo/tests/validators/node_modules/@daisy/ace/bin/ace-puppeteer.js}
chromium=${PUPPETEER_EXECUTABLE_PATH:-/usr/bin/chromium}

fail() { echo "ace.sh: $*" >&2; exit 1; }
command -v node >/dev/null 2>&1 || fail "node is missing (scripts/install-deps.sh installs it)"
command -v python3 >/dev/null 2>&1 || fail "python3 is missing"
[[ -f $ace ]] || fail "no Ace at $ace (scripts/install-deps.sh runs npm ci in tests/validators)"
[[ -x $chromium ]] || fail "no chromium at $chromium (scripts/install-deps.sh installs it)"
[[ -f $book ]] || fail "no $book"

work=$(mktemp -d "${TMPDIR:-/tmp}/ace.XXXXXX") || fail "no temporary directory"
trap 'rm -rf "$work"' EXIT

# Ace's configuration and logs go to the XDG folders: here, so no user's configuration changes the
# run and parallel runs keep apart. ACE_TIMEOUT_INITIAL: the browser's start may take more than
# Ace's 5 s default on a loaded machine.
XDG_CONFIG_HOME=$work/config XDG_STATE_HOME=$work/state XDG_DATA_HOME=$work/data \
  XDG_CACHE_HOME=$work/cache PUPPETEER_EXECUTABLE_PATH=$chromium \
  ACE_TIMEOUT_INITIAL=${ACE_TIMEOUT_INITIAL:-60000} \
  node "$ace" --outdir "$work/report" "$book" >"$work/ace.log" 2>&1 </dev/null
status=$?
if [[ $status -ne 0 || ! -f $work/report/report.json ]]; then
  sed 's/\x1b\[[0-9;]*m//g' "$work/ace.log" >&2  # without the log's colours
  fail "Ace failed on $book (status $status)"
fi

python3 - "$work/report/report.json" "$book" <<'EOF'
import json
import sys

report_path, book = sys.argv[1], sys.argv[2]
with open(report_path, encoding="utf-8") as f:
    report = json.load(f)

violations = []


def walk(assertion, document):
    subject = assertion.get("earl:testSubject", {}).get("url", document)
    result = assertion.get("earl:result", {})
    if "earl:test" in assertion and result.get("earl:outcome") == "fail":
        violations.append((subject, assertion))
    for child in assertion.get("assertions", []):
        walk(child, subject)


walk(report, "")
for document, assertion in violations:
    test = assertion["earl:test"]
    result = assertion["earl:result"]
    print(f"{document}: {test.get('dct:title', '?')} ({test.get('earl:impact', '?')}): "
          f"{result.get('dct:description') or test.get('dct:description', '')}")
    html = result.get("html")
    if html:
        html = html.replace(' xmlns="http://www.w3.org/1999/xhtml"', "")
        for node in html.split(" <!--##--> "):
            print(f"    html: {node}")
    for selector in result.get("earl:pointer", {}).get("css", []):
        print(f"    css:  {selector}")
    help_url = test.get("help", {}).get("url")
    if help_url:
        print(f"    help: {help_url}")

outcome = report.get("earl:result", {}).get("earl:outcome")
if violations or outcome != "pass":
    print(f"ace.sh: {book}: {len(violations)} violation(s), outcome {outcome}", file=sys.stderr)
    sys.exit(1)
EOF
