#!/usr/bin/env bash
# The bash completion, core/cli/fascicle.bash-completion: sourced into this bash, its function is called
# as bash calls it (COMP_WORDS, COMP_CWORD) and COMPREPLY is checked.
# usage: completion.sh COMPLETION_SCRIPT FASCICLE
#   FASCICLE: the command completed (COMP_WORDS[0]); format names and options are asked of it.
set -euo pipefail
script=$1 fascicle=$2
fail() { echo "FAIL: $*" >&2; exit 1; }

# shellcheck source=/dev/null
source "$script"
[[ $(complete -p fascicle) == "complete -F _fascicle fascicle" ]] || fail "no completion registered for fascicle"

# complete WORD... : COMPREPLY for the last word, on one line.
complete_line() {
  COMP_WORDS=("$fascicle" "$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMP_LINE="${COMP_WORDS[*]}" COMP_POINT=${#COMP_LINE}
  _fascicle
  reply=" ${COMPREPLY[*]} "
}
has() { [[ $reply == *" $1 "* ]] || fail "completing '${COMP_WORDS[*]:1}': no '$1' in [$reply]"; }
lacks() { [[ $reply != *" $1 "* ]] || fail "completing '${COMP_WORDS[*]:1}': '$1' should not be in [$reply]"; }

complete_line --ou;            has --output; [[ $reply == " --output " ]] || fail "--ou: [$reply]"
complete_line -;               has --output; has --to; has --list-formats; has --help
complete_line --co;            has --columns; has --cover; lacks --output   # format options, from the plugins
complete_line -t "";           has epub; has docbook; has pdf; has markdown; has plain; lacks --output
complete_line -t e;            [[ $reply == " epub " ]] || fail "-t e: [$reply]"
complete_line --to p;          has pdf; has plain; lacks epub
complete_line -f "";           has article-text; has epub; has docbook; lacks pdf; lacks plain   # write-only formats are no input
complete_line --help "";       has markdown; has pdf
complete_line --progress "";   has auto; has always; has never
complete_line --paper "";      has a4; has letter; has a5; has royal; has 6x9in
complete_line --bleed "";      [[ $reply == "  " ]] || fail "--bleed takes a length, not a file: [$reply]"

# Files and folders otherwise; folders only where a folder is asked for.
work=$(mktemp -d "${TMPDIR:-/tmp}/fascicle-completion.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/book" "$work/bookshelf"
touch "$work/book.ini" "$work/booklet.txt"
complete_line "$work/boo";                 has "$work/book"; has "$work/book.ini"; has "$work/booklet.txt"
complete_line "$work/book" -o "$work/bookl"; [[ $reply == " $work/booklet.txt " ]] || fail "-o: [$reply]"
complete_line --split "$work/boo";          has "$work/book"; has "$work/bookshelf"; lacks "$work/book.ini"

echo "completion: all checks passed"
