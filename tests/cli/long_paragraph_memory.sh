#!/usr/bin/env bash
# One article whose only section is a single 20 MB paragraph, written in every text output format:
# the peak resident memory of the run (/usr/bin/time -v) stays within 3.5 times the input's size,
# and the output holds the paragraph (its last words). Memory, not time: nothing here is timed.
# With --no-memory-bound (sanitized builds, whose allocator's red zones and quarantine decide the
# resident size) the paragraph is still converted and checked in every format; only the bound is not.
#
#   long_paragraph_memory.sh FASCICLE SOURCE_DIR [--no-memory-bound]
set -euo pipefail

fascicle="$1"
source_dir="$2"
memory_bound=1
[[ ${3:-} == --no-memory-bound ]] && memory_bound=0
[[ -x /usr/bin/time ]] || { echo "FAIL: /usr/bin/time is needed to measure peak memory" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/fascicle-long-paragraph-XXXXXX")"
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 "$source_dir/bench/make_corpus.py" 20 "$work/in" --long-paragraph
input="$work/in/long_paragraph.txt"
size=$(stat -c %s "$input")
limit_kb=$((size * 35 / 10 / 1024))
# The paragraph's last words, which each output must hold (plain text wraps them: compared with
# line ends as spaces).
tail_words="$(sed -n 5p "$input" | awk '{ print $(NF-2), $(NF-1), $NF }')"

failed=0
for format in plain markdown docbook article-text epub; do
    out="$work/out.$format"
    if ! /usr/bin/time -v -o "$work/time.txt" "$fascicle" "$work/in" -q -t "$format" -o "$out" 2> "$work/stderr.txt"; then
        echo "FAIL: $format: fascicle failed:" >&2
        cat "$work/stderr.txt" >&2
        failed=1
        continue
    fi
    rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")
    echo "$format: peak RSS $((rss_kb / 1024)) MB for $((size / 1000000)) MB of input (limit $((limit_kb / 1024)) MB)"
    if ((memory_bound && rss_kb > limit_kb)); then
        echo "FAIL: $format: peak RSS ${rss_kb} kB is more than 3.5 x the input (${limit_kb} kB)" >&2
        failed=1
    fi
    text() { if [[ $format == epub ]]; then unzip -p "$out" '*.xhtml'; else cat "$out"; fi; }
    if ! text | tr -s '\n ' '  ' | grep -qF "$tail_words"; then
        echo "FAIL: $format: the output does not hold the paragraph's last words ($tail_words)" >&2
        failed=1
    fi
    rm -f "$out"
done
exit "$failed"
