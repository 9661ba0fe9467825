#!/usr/bin/env bash
# The man page, core/cli/fascicle.1.
# usage: man_page.sh renders MAN_PAGE
#          groff renders it with every warning on (-ww), and prints none; man -l renders it too.
#        man_page.sh lists_every_option MAN_PAGE FASCICLE
#          every long option `FASCICLE --help` prints (general and format options) is in the page.
set -euo pipefail
mode=$1 page=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
for tool in groff man; do command -v "$tool" >/dev/null || fail "$tool is not installed (scripts/install-deps.sh)"; done
export LC_ALL=C.UTF-8

# The page as plain text, on lines long enough that no option is hyphenated or broken.
render() { groff -man -Tutf8 -rLL=1000n -rHY=0 -P-cbou "$page"; }

case $mode in
  renders)
    warnings=$(groff -man -Tutf8 -ww -z "$page" 2>&1) || fail "groff failed: $warnings"
    [[ -z $warnings ]] || fail "groff warns about $page: $warnings"
    text=$(MANWIDTH=80 man -l "$page" 2>&1 | col -b)
    for section in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" ENVIRONMENT FILES EXAMPLES "SEE ALSO"; do
      grep -qx "$section" <<<"$text" || fail "man -l: no section $section in the rendered page"
    done
    echo "man_page renders: no warning, every section there"
    ;;
  lists_every_option)
    fascicle=$3
    help=$("$fascicle" --help)
    # Option lines of Boost.Program_options: "  -o [ --output ] FILE  ..." or "  --split DIR  ...".
    mapfile -t options < <(grep -oE '^ +(-[a-zA-Z] \[ )?--[a-z0-9][a-z0-9-]*' <<<"$help" | grep -oE -- '--[a-z0-9-]+$' | sort -u)
    # The parse itself could break: the general options and those of several plugins must be there.
    ((${#options[@]} >= 20)) || fail "only ${#options[@]} options parsed from --help: ${options[*]}"
    for expected in --output --to --list-formats --cover --paper --toc; do
      [[ " ${options[*]} " == *" $expected "* ]] || fail "$expected not parsed from --help"
    done
    text=$(render)
    missing=()
    for option in "${options[@]}"; do
      grep -qE -- "(^|[^a-z0-9-])${option}([^a-z0-9-]|$)" <<<"$text" || missing+=("$option")
    done
    ((${#missing[@]} == 0)) || fail "not in $page: ${missing[*]}"
    echo "man_page lists every option: ${#options[@]} options of --help, all in the page"
    ;;
  *) fail "unknown mode $mode" ;;
esac
