#!/usr/bin/env python3
"""Turns the samples bench/run.sh recorded into Markdown tables and checks the targets of issue 9.

    report.py SAMPLES.tsv WORKDIR

Per size: the median wall time of each command, its CPU time (user + system, median), its input
rate, its peak RSS (the median of the runs' peaks), and the ratios of wall times to cat, zip and
pandoc. Then each target, met or missed.
"""

import collections
import csv
import pathlib
import statistics
import sys

FORMATS = ["epub", "docbook", "markdown", "plain"]


def load(samples_path):
    """{size: {name: {"seconds": [...], "rss_kb": [...], "output_bytes": [...]}}}, in run order."""
    data = collections.defaultdict(lambda: collections.defaultdict(lambda: collections.defaultdict(list)))
    with open(samples_path, newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            entry = data[int(row["size"])][row["name"]]
            entry["seconds"].append(float(row["seconds"]))
            entry["cpu_seconds"].append(float(row["cpu_seconds"]))
            entry["rss_kb"].append(int(row["rss_kb"]))
            entry["output_bytes"].append(int(row["output_bytes"]))
    return data


class Measured:
    def __init__(self, samples):
        self.seconds = statistics.median(samples["seconds"])
        self.cpu_seconds = statistics.median(samples["cpu_seconds"])
        self.rss_mb = statistics.median(samples["rss_kb"]) / 1024
        self.output_bytes = max(samples["output_bytes"])
        self.runs = len(samples["seconds"])


def input_bytes(work, size):
    return sum(p.stat().st_size for p in (work / f"corpus-{size}").glob("*.txt"))


def ratio(a, b):
    return f"{a / b:.1f}" if a and b else "–"


def table(size, measured, work):
    n_bytes = input_bytes(work, size)
    cat, zip_ = measured.get("cat"), measured.get("zip -q -6")
    lines = [
        f"### {size:,} articles ({n_bytes / 1e6:.1f} MB of input)",
        "",
        "| Command | Runs | Median wall (s) | CPU (s) | Input MB/s | Peak RSS (MB) | × cat | × zip -6 | pandoc ÷ this |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, m in measured.items():
        fmt = name.split()[1] if name.startswith("fascicle ") else None
        pandoc = measured.get(f"pandoc {fmt}") if fmt else None
        lines.append(
            f"| `{name}` | {m.runs} | {m.seconds:.3f} | {m.cpu_seconds:.2f} | {n_bytes / 1e6 / m.seconds:.0f} "
            f"| {m.rss_mb:.1f} "
            f"| {ratio(m.seconds, cat.seconds if cat else 0)} | {ratio(m.seconds, zip_.seconds if zip_ else 0)} "
            f"| {ratio(pandoc.seconds, m.seconds) if pandoc else '–'} |")
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
    """The targets of issue 9 at this size: (text, met) pairs."""
    n_mb = input_bytes(work, size) / 1e6
    out = []
    for fmt in FORMATS:
        fascicle, pandoc = measured.get(f"fascicle {fmt}"), measured.get(f"pandoc {fmt}")
        if not fascicle:
            continue
        faster = 50 if fmt == "epub" else 100
        if pandoc:
            speedup = pandoc.seconds / fascicle.seconds
            out.append((f"{fmt}: at least {faster}× faster than pandoc — {speedup:.0f}×", speedup >= faster))
            share = pandoc.rss_mb / fascicle.rss_mb
            out.append((f"{fmt}: peak RSS at most 1/10 of pandoc's — {fascicle.rss_mb:.0f} MB vs {pandoc.rss_mb:.0f} MB "
                        f"(1/{share:.0f})", share >= 10))
        if fmt == "epub":
            zip_ = measured.get("zip -q -6")
            if zip_:
                times = fascicle.seconds / zip_.seconds
                out.append((f"epub: at most 2× the time of zip -q -6 — {times:.2f}×", times <= 2))
        else:
            rate = n_mb / fascicle.seconds
            out.append((f"{fmt}: at least 100 MB/s of input — {rate:.0f} MB/s", rate >= 100))
    return out


def memory_growth(data, work):
    """Peak RSS from the smallest to the largest size: within 1.5× for the text formats, and for
    EPUB not more than the compressed output grew."""
    sizes = sorted(data)
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
            out.append((f"epub: peak RSS grows at most with the compressed output from {small:,} to {large:,} "
                        f"articles — RSS +{b.rss_mb - a.rss_mb:.1f} MB, output +{grown_mb:.1f} MB",
                        b.rss_mb - a.rss_mb <= grown_mb))
        else:
            out.append((f"{fmt}: peak RSS at {large:,} articles within 1.5× of {small:,} — "
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
    for size in sorted(data):
        measured = {name: Measured(s) for name, s in data[size].items()}
        lines += table(size, measured, work) + [""]
        checks += [(f"{size:,} articles, {text}", met) for text, met in targets(size, measured, work)]
    checks += memory_growth(data, work)
    if checks:
        lines += ["### Targets", "",
                  "(Issue 9 states the speed and pandoc targets at 1,000 articles; other sizes are for information.)", ""]
        lines += [f"- {'met' if met else '**missed**'}: {text}" for text, met in checks]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
