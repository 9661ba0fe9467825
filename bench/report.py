#!/usr/bin/env python3
"""Turns the samples bench/run.sh recorded into Markdown tables and checks the targets of issue 17.

    report.py SAMPLES.tsv WORKDIR

Per corpus (N generated articles, cycled-N sample articles, long-MB one paragraph): the median
wall time of each command, its CPU time (user + system, median), its input rate, its peak RSS
(the median of the runs' peaks), and the ratios of wall times to cat, zip and pandoc. Then each
target, met or missed.
"""

import collections
import csv
import pathlib
import statistics
import sys

FORMATS = ["epub", "docbook", "markdown", "plain"]
LONG_FORMATS = FORMATS + ["article-text"]
# Issue 17: how many times faster than pandoc, input rate (MB/s), -j2 over -j1 throughput.
FASTER_THAN_PANDOC = {"epub": 100, "docbook": 150, "markdown": 150, "plain": 150}
INPUT_RATE = {"docbook": 150, "markdown": 150, "plain": 100}
JOBS_GAIN = {"epub": 1.7, "plain": 1.7, "docbook": 1.3, "markdown": 1.3}


def corpus_key(label):
    """Sort order: generated corpora, then cycled, then long paragraphs, each by number."""
    kind, _, number = label.rpartition("-")
    return ({"": 0, "cycled": 1, "long": 2}.get(kind, 3), int(number))


def describe(label, n_bytes):
    kind, _, number = label.rpartition("-")
    if kind == "long":
        return f"One article, a single paragraph ({n_bytes / 1e6:.1f} MB of input)"
    if kind == "cycled":
        return f"{int(number):,} articles: the five samples cycled ({n_bytes / 1e6:.1f} MB of input)"
    return f"{int(number):,} generated articles ({n_bytes / 1e6:.1f} MB of input)"


def load(samples_path):
    """{size: {name: {"seconds": [...], "rss_kb": [...], "output_bytes": [...]}}}, in run order."""
    data = collections.defaultdict(lambda: collections.defaultdict(lambda: collections.defaultdict(list)))
    with open(samples_path, newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            entry = data[row["size"]][row["name"]]
            entry["seconds"].append(float(row["seconds"]))
            entry["cpu_seconds"].append(float(row["cpu_seconds"]))
            entry["rss_kb"].append(int(row["rss_kb"]))
            entry["output_bytes"].append(int(row["output_bytes"]))
    return data


class Measured:
    def __init__(self, samples):
        self.seconds = statistics.median(samples["seconds"])
        self.cpu_seconds = statistics.median(samples["cpu_seconds"])
        # /usr/bin/time counts in hundredths: a run shorter than that shows 0.
        self.cpu_seconds = max(self.cpu_seconds, 0.005)
        self.rss_mb = statistics.median(samples["rss_kb"]) / 1024
        self.output_bytes = max(samples["output_bytes"])
        self.runs = len(samples["seconds"])


def input_bytes(work, size):
    """The bytes of the corpus's articles."""
    return sum(p.stat().st_size for p in (work / f"corpus-{size}").glob("*.txt"))


def ratio(a, b):
    return f"{a / b:.1f}" if a and b else "–"


def table(size, measured, work):
    n_bytes = input_bytes(work, size)
    cat, zip_ = measured.get("cat"), measured.get("zip -q -6")
    lines = [
        f"### {describe(size, n_bytes)}",
        "",
        "| Command | Runs | Median wall (s) | CPU (s) | Input MB/s | MB/s of CPU | Peak RSS (MB) | × cat | × zip -6 "
        "| pandoc ÷ this | pandoc ÷ this, CPU |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, m in measured.items():
        fmt = name.split()[1] if name.startswith("fascicle ") else None
        pandoc = measured.get(f"pandoc {fmt}") if fmt else None
        lines.append(
            f"| `{name}` | {m.runs} | {m.seconds:.3f} | {m.cpu_seconds:.2f} | {n_bytes / 1e6 / m.seconds:.0f} "
            f"| {n_bytes / 1e6 / m.cpu_seconds:.0f} | {m.rss_mb:.1f} "
            f"| {ratio(m.seconds, cat.seconds if cat else 0)} | {ratio(m.seconds, zip_.seconds if zip_ else 0)} "
            f"| {ratio(pandoc.seconds, m.seconds) if pandoc else '–'} "
            f"| {ratio(pandoc.cpu_seconds, m.cpu_seconds) if pandoc else '–'} |")
    outputs = [(name, m) for name, m in measured.items() if name.endswith(" outputs, one run")]
    for name, together in outputs:
        count = name.split()[1]
        separate = measured.get(f"fascicle {count} outputs, {count} runs")
        if separate:
            lines += ["", f"{count} outputs from one read: {together.seconds:.3f} s against {separate.seconds:.3f} s in "
                          f"{count} runs ({separate.seconds / together.seconds:.2f}× faster), CPU {together.cpu_seconds:.2f} s "
                          f"against {separate.cpu_seconds:.2f} s, peak RSS {together.rss_mb:.1f} MB against "
                          f"{separate.rss_mb:.1f} MB (the largest of the {count} runs)."]
    return lines


def targets(size, measured, work):
    """The targets of issue 17 on this corpus: (text, met) pairs."""
    n_mb = input_bytes(work, size) / 1e6
    out = []
    for fmt in FORMATS:
        fascicle, pandoc = measured.get(f"fascicle {fmt}"), measured.get(f"pandoc {fmt}")
        if not fascicle:
            continue
        # On a shared machine the wall times are mostly waiting: speed is judged on CPU time (the
        # wall-time figure is given beside it); -j is judged on wall time, which is what it changes.
        if pandoc:
            speedup = pandoc.cpu_seconds / fascicle.cpu_seconds
            faster = FASTER_THAN_PANDOC[fmt]
            out.append((f"{fmt}: at least {faster}× faster than pandoc — {speedup:.0f}× in CPU time "
                        f"({pandoc.seconds / fascicle.seconds:.0f}× in wall time)", speedup >= faster))
        if fmt == "epub":
            zip_ = measured.get("zip -q -6")
            if zip_:
                times = fascicle.cpu_seconds / zip_.cpu_seconds
                out.append((f"epub: at most 1× the time of zip -q -6 — {times:.2f}× in CPU time "
                            f"({fascicle.seconds / zip_.seconds:.2f}× in wall time)", times <= 1))
        else:
            rate = n_mb / fascicle.cpu_seconds
            out.append((f"{fmt}: at least {INPUT_RATE[fmt]} MB/s of input — {rate:.0f} MB/s of CPU time "
                        f"({n_mb / fascicle.seconds:.0f} MB/s of wall time)", rate >= INPUT_RATE[fmt]))
        one = measured.get(f"fascicle {fmt} -j1")
        if one:
            gain = one.seconds / fascicle.seconds
            cpu_bound = one.cpu_seconds / fascicle.seconds
            out.append((f"{fmt}: -j2 at least {JOBS_GAIN[fmt]}× the throughput of -j1 — {gain:.2f}× "
                        f"(CPU time of -j1 ÷ wall time of -j2: {cpu_bound:.2f})", gain >= JOBS_GAIN[fmt]))
    return out


def long_paragraph(data, work):
    """One long paragraph: per format, peak RSS against the input's size and the input rate against
    the same format's on the first generated corpus of the run. Lines of a table, and targets."""
    lines, checks = [], []
    generated = sorted((label for label in data if corpus_key(label)[0] == 0), key=corpus_key)
    for label in sorted((label for label in data if corpus_key(label)[0] == 2), key=corpus_key):
        n_bytes = input_bytes(work, label)
        lines += [f"### {describe(label, n_bytes)}", "",
                  "| Format | Runs | Median wall (s) | CPU (s) | Input MB/s | Peak RSS (MB) | RSS ÷ input "
                  "| Corpus MB/s | Rate ÷ corpus rate |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for fmt in LONG_FORMATS:
            samples = data[label].get(f"fascicle {fmt}")
            if not samples:
                continue
            m = Measured(samples)
            rate = n_bytes / 1e6 / m.seconds
            rss_ratio = m.rss_mb * 2**20 / n_bytes
            corpus_rate = None
            if generated and f"fascicle {fmt}" in data[generated[0]]:
                corpus_rate = input_bytes(work, generated[0]) / 1e6 / Measured(data[generated[0]][f"fascicle {fmt}"]).seconds
            lines.append(f"| {fmt} | {m.runs} | {m.seconds:.3f} | {m.cpu_seconds:.2f} | {rate:.0f} | {m.rss_mb:.1f} "
                         f"| {rss_ratio:.2f} | {f'{corpus_rate:.0f}' if corpus_rate else '–'} "
                         f"| {f'{rate / corpus_rate:.2f}' if corpus_rate else '–'} |")
            checks.append((f"one {n_bytes / 1e6:.0f} MB paragraph, {fmt}: peak RSS at most 3× its size — "
                           f"{m.rss_mb:.0f} MB ({rss_ratio:.2f}×)", rss_ratio <= 3))
            if corpus_rate:
                checks.append((f"one {n_bytes / 1e6:.0f} MB paragraph, {fmt}: at least 1/2 of the corpus's input rate "
                               f"— {rate:.0f} MB/s against {corpus_rate:.0f} MB/s ({rate / corpus_rate:.2f})",
                               rate >= corpus_rate / 2))
        lines.append("")
    return lines, checks


def memory_growth(data, work):
    """Peak RSS from the smallest to the largest size: within 1.5× for the text formats, and for
    EPUB not more than the compressed output grew."""
    sizes = sorted((label for label in data if corpus_key(label)[0] == 0), key=corpus_key)
    if len(sizes) < 2:
        return []
    small, large = sizes[0], sizes[-1]
    out = []
    for fmt in FORMATS:
        name = f"fascicle {fmt}"
        if name not in data[small] or name not in data[large]:
            continue
        a, b = Measured(data[small][name]), Measured(data[large][name])
        if fmt == "epub":
            grown_mb = (b.output_bytes - a.output_bytes) / 2**20
            out.append((f"epub: peak RSS grows at most with the compressed output from {int(small):,} to {int(large):,} "
                        f"articles — RSS +{b.rss_mb - a.rss_mb:.1f} MB, output +{grown_mb:.1f} MB",
                        b.rss_mb - a.rss_mb <= grown_mb))
        else:
            out.append((f"{fmt}: peak RSS at {int(large):,} articles within 1.5× of {int(small):,} — "
                        f"{b.rss_mb:.1f} MB vs {a.rss_mb:.1f} MB ({b.rss_mb / a.rss_mb:.2f}×)",
                        b.rss_mb <= 1.5 * a.rss_mb))
    return out


def main():
    samples, work = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    data = load(samples)
    lines = []
    machine_file = work / "machine.txt"
    if machine_file.exists():
        machine = dict(line.split("=", 1) for line in machine_file.read_text().splitlines() if "=" in line)
        lines += [f"Machine: {machine.get('cores')} cores ({machine.get('cpu')}), {machine.get('ram')} RAM; "
                  f"load average (1, 5, 15 min) {machine.get('load_start')} at the start, "
                  f"{machine.get('load_end', '?')} at the end. {machine.get('pandoc')}.", ""]
    checks = []
    for size in sorted((label for label in data if corpus_key(label)[0] < 2), key=corpus_key):
        measured = {name: Measured(s) for name, s in data[size].items()}
        lines += table(size, measured, work) + [""]
        name = f"{int(size):,} articles" if corpus_key(size)[0] == 0 else f"{int(size.split('-')[1]):,} cycled samples"
        checks += [(f"{name}, {text}", met) for text, met in targets(size, measured, work)]
    long_lines, long_checks = long_paragraph(data, work)
    lines += long_lines
    checks += memory_growth(data, work) + long_checks
    if checks:
        lines += ["### Targets", "",
                  "(Issue 17 states the speed and pandoc targets at 1,000 articles; other sizes are for information.)", ""]
        lines += [f"- {'met' if met else '**missed**'}: {text}" for text, met in checks]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
