#!/usr/bin/env bash
# Times fascicle against pandoc and the physical baselines (cat, zip -q -6) on generated corpora, in
# one run: median wall time of several runs, CPU time and peak RSS (/usr/bin/time -v), and the
# ratios the targets of issue 9 are stated in. Results: a Markdown table on standard output (and in
# WORK/results.md), raw samples in WORK/samples.tsv.
#
#   bench/run.sh [options] [CORPUS...]        (default: 1000 10000)
#     CORPUS is N (N generated articles, make_corpus.py), cycled-N (the five sample articles
#     cycled to N files: real text without variation) or long-MB (one article whose only section
#     is a single paragraph of MB megabytes: every output format, peak RSS and time)
#     --fascicle PATH       the fascicle to time (default: build/perf-release/bin/fascicle, else build/dev)
#     --work DIR         where corpora and outputs go (default: a fresh folder under /tmp)
#     --runs N           runs of each fascicle and baseline command (default 5)
#     --pandoc-runs N    runs of each pandoc command (default 3)
#     --pandoc-max N     time pandoc only on corpora of at most N articles (default 1000): pandoc
#                        keeps the whole book in memory, 1 GB at 1,000 articles, so at 10,000 it
#                        would take many minutes and gigabytes per run
#     --no-pandoc        leave pandoc out
#     --outputs-only     only the rows of every output format made in one run (-o ... -o ...) and in
#                        one run per format (the same outputs), for a short run
#     --long-runs N      runs of each format on a long-MB corpus (default 3)
#     --large-runs N     runs of each fascicle and baseline command on corpora of more than 2,000
#                        files (default: --runs)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"

fascicle=""
work=""
runs=5
pandoc_runs=3
pandoc_max=1000
use_pandoc=1
outputs_only=0
long_runs=3
large_runs=""
sizes=()
while (($#)); do
    case "$1" in
        --fascicle) fascicle="$2"; shift 2 ;;
        --work) work="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --pandoc-runs) pandoc_runs="$2"; shift 2 ;;
        --pandoc-max) pandoc_max="$2"; shift 2 ;;
        --no-pandoc) use_pandoc=0; shift ;;
        --outputs-only) outputs_only=1; use_pandoc=0; shift ;;
        --long-runs) long_runs="$2"; shift 2 ;;
        --large-runs) large_runs="$2"; shift 2 ;;
        -h|--help) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "run.sh: unknown option $1" >&2; exit 64 ;;
        [0-9]*|cycled-[0-9]*|long-[0-9]*) sizes+=("$1"); shift ;;
        *) echo "run.sh: a corpus is N, cycled-N or long-MB, not $1" >&2; exit 64 ;;
    esac
done
((${#sizes[@]})) || sizes=(1000 10000)

if [[ -z "$fascicle" ]]; then
    for candidate in "$root/build/perf-release/bin/fascicle" "$root/build/release/bin/fascicle" "$root/build/dev/bin/fascicle"; do
        if [[ -x "$candidate" ]]; then fascicle="$candidate"; break; fi
    done
fi
[[ -x "$fascicle" ]] || { echo "run.sh: no fascicle executable (build one, or give --fascicle PATH)" >&2; exit 66; }
[[ -x /usr/bin/time ]] || { echo "run.sh: /usr/bin/time is needed for peak RSS (apt-get install time)" >&2; exit 69; }
if ((use_pandoc)) && ! command -v pandoc >/dev/null; then
    echo "run.sh: pandoc not found: timing without it" >&2
    use_pandoc=0
fi
if [[ -z "$work" ]]; then
    work="$(mktemp -d "${TMPDIR:-/tmp}/fascicle-bench-XXXXXX")"
    trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"
samples="$work/samples.tsv"
load() { cut -d' ' -f1-3 /proc/loadavg; }
{
    echo "cores=$(nproc)"
    echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
    echo "ram=$(free -g | awk '/^Mem:/ { print $2 }') GB"
    echo "fascicle=$fascicle"
    echo "pandoc=$( ((use_pandoc)) && pandoc --version | head -1 || echo none)"
    echo "load_start=$(load)"
} > "$work/machine.txt"
printf 'size\tname\trun\tseconds\tcpu_seconds\trss_kb\toutput_bytes\n' > "$samples"

formats=()
for f in epub docbook markdown plain; do
    if "$fascicle" --list-formats | sed -n '/^Output formats:/,$p' | grep -q "^  $f "; then formats+=("$f"); fi
done
declare -A extension=([epub]=epub [docbook]=xml [markdown]=md [plain]=txt)
declare -A long_extension=([epub]=epub [docbook]=xml [markdown]=md [plain]=txt [article-text]=txt)
declare -A pandoc_to=([epub]=epub [docbook]=docbook5 [markdown]=commonmark [plain]=plain)

# measure NAME RUNS COMMAND...: runs COMMAND (its output to $out, removed before each run) and
# records wall time and peak RSS of each run.
measure() {
    local name="$1" times="$2"
    shift 2
    local run start end
    for ((run = 1; run <= times; run++)); do
        rm -rf "$out"
        start=$(date +%s%N)
        if ! /usr/bin/time -v -o "$work/time.txt" "$@" > /dev/null 2> "$work/stderr.txt"; then
            echo "run.sh: $name failed:" >&2
            cat "$work/stderr.txt" >&2
            exit 1
        fi
        end=$(date +%s%N)
        printf '%s\t%s\t%d\t%s\t%s\t%s\t%s\n' "$size" "$name" "$run" \
            "$(awk -v ns=$((end - start)) 'BEGIN { printf "%.4f", ns / 1e9 }')" \
            "$(awk -F': ' '/(User|System) time \(seconds\)/ { cpu += $2 } END { printf "%.2f", cpu }' "$work/time.txt")" \
            "$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")" \
            "$( [[ -e "$out" ]] && du -sb "$out" | cut -f1 || echo 0)" >> "$samples"
    done
    rm -rf "$out"
}

for size in "${sizes[@]}"; do
    corpus="$work/corpus-$size"
    if [[ ! -f "$corpus/book.ini" ]]; then
        echo "run.sh: making corpus $size" >&2
        case "$size" in
            cycled-*) python3 "$here/make_corpus.py" "${size#cycled-}" "$corpus" --cycle-samples ;;
            long-*) python3 "$here/make_corpus.py" "${size#long-}" "$corpus" --long-paragraph ;;
            *) python3 "$here/make_corpus.py" "$size" "$corpus" ;;
        esac
    fi
    files=("$corpus"/*.txt)
    echo "run.sh: corpus $size, ${#files[@]} files, $(cat "${files[@]}" | wc -c) bytes" >&2
    n_runs=$runs
    if ((${#files[@]} > 2000)) && [[ -n "$large_runs" ]]; then n_runs=$large_runs; fi

    # One long paragraph: each output format (article-text too), default -j; no baseline, no pandoc.
    if [[ "$size" == long-* ]]; then
        for f in "${formats[@]}" article-text; do
            "$fascicle" --list-formats | sed -n '/^Output formats:/,$p' | grep -q "^  $f " || continue
            echo "run.sh: fascicle -t $f, one long paragraph" >&2
            out="$work/long.${long_extension[$f]}"
            measure "fascicle $f" "$long_runs" "$fascicle" "$corpus" -q -t "$f" -o "$out"
        done
        continue
    fi

    # Every format from one read (-o per format) against one run per format, the same outputs.
    if ((${#formats[@]} > 1)); then
        echo "run.sh: fascicle, ${#formats[@]} outputs in one run and in ${#formats[@]} runs" >&2
        out="$work/outputs"
        together=()
        for f in "${formats[@]}"; do together+=(-o "$out/book.${extension[$f]}"); done
        # shellcheck disable=SC2016
        measure "fascicle ${#formats[@]} outputs, one run" "$n_runs" \
            sh -c 'mkdir -p "$1" && shift && exec "$@"' sh "$out" "$fascicle" "$corpus" -q "${together[@]}"
        # shellcheck disable=SC2016
        measure "fascicle ${#formats[@]} outputs, ${#formats[@]} runs" "$n_runs" \
            sh -c 'out=$1 fascicle=$2 corpus=$3; shift 3; mkdir -p "$out" &&
                   for ext in "$@"; do "$fascicle" "$corpus" -q -o "$out/book.$ext" || exit 1; done' \
            sh "$out" "$fascicle" "$corpus" $(for f in "${formats[@]}"; do echo "${extension[$f]}"; done)
    fi
    ((outputs_only)) && continue

    out="$work/out"
    echo "run.sh: baselines" >&2
    measure cat "$n_runs" sh -c 'cat "$@" > /dev/null' cat "${files[@]}"
    out="$work/out.zip"
    measure "zip -q -6" "$n_runs" zip -q -6 "$out" "${files[@]}"

    for f in "${formats[@]}"; do
        echo "run.sh: fascicle -t $f" >&2
        out="$work/out.${extension[$f]}"
        measure "fascicle $f -j1" "$n_runs" "$fascicle" "$corpus" -q -j1 -t "$f" -o "$out"
        measure "fascicle $f" "$n_runs" "$fascicle" "$corpus" -q -t "$f" -o "$out"
    done

    if ((use_pandoc && ${#files[@]} <= pandoc_max)); then
        # pandoc reads the same articles as Markdown, which fascicle writes (not timed).
        markdown="$work/markdown-$size"
        if [[ ! -d "$markdown" ]]; then "$fascicle" "$corpus" -q -t markdown --split "$markdown"; fi
        md_files=("$markdown"/*.md)
        for f in "${formats[@]}"; do
            echo "run.sh: pandoc -t ${pandoc_to[$f]}" >&2
            out="$work/pandoc.${extension[$f]}"
            measure "pandoc $f" "$pandoc_runs" pandoc -f commonmark -t "${pandoc_to[$f]}" -s \
                --metadata title="Generated corpus" -o "$out" "${md_files[@]}"
        done
    fi
done

echo "load_end=$(load)" >> "$work/machine.txt"

# The table: medians of each command, the ratios, and the targets at each size.
python3 "$here/report.py" "$samples" "$work" | tee "$work/results.md"
