#!/usr/bin/env python3
"""The Markdown round trip on the examples of a spec: each example, saved as a file, converted by
fascicle from the flavour to the same flavour, must render to the same HTML as the example itself.

    spec_roundtrip.py --fascicle EXE --flavor commonmark|gfm --examples SPEC --set NAME
                      --differences FILE --work DIR [--jobs 2] [--wrap-columns N]

SPEC is a spec's JSON (commonmark-spec.json, gfm-spec.json: fields markdown, example, section) or
a file in the spec's text form (gfm-extensions-tests.txt: "```...``` example" blocks, the Markdown
before a line ".", '→' for a tab). Both sides are rendered by `cmark-gfm --unsafe --nobreaks` (for
GFM with its extensions table, strikethrough, autolink, tagfilter, tasklist and footnotes, as GitHub
has them): --nobreaks renders a soft line break as a space, as CommonMark allows a renderer to, so
that where a paragraph's lines break (fascicle writes each paragraph on one line unless asked to
wrap) does not count; everything else must be byte for byte the same. pandoc 2.17's round trip
(`pandoc -f FLAVOUR -t FLAVOUR`) of the same examples is counted in the same run, for comparison.

With --wrap-columns N fascicle wraps its paragraphs (--wrap auto --columns N), which must change
nothing either; pandoc is not run then.

An input that renders to nothing (only link reference definitions) holds no content: fascicle's
"the input holds no articles" for it is the same HTML, none.

FILE lists, one a line, "SET EXAMPLE reason" for each example known to differ, and why (# starts a
comment). The test fails on a difference not in the list, and on a listed example that no longer
differs (so that the list only shrinks). Exit status 1 then, 2 when a tool or a file is missing.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

GFM_EXTENSIONS = ["table", "strikethrough", "autolink", "tagfilter", "tasklist", "footnotes"]
EXAMPLE_FENCE = "`" * 32


def read_examples(path):
    """[(number, section, markdown)] from a spec's JSON or its text form."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if path.endswith(".json"):
        return [(e["example"], e.get("section", ""), e["markdown"]) for e in json.loads(text)]
    examples, section, number = [], "", 0
    lines = text.split("\n")
    k = 0
    while k < len(lines):
        line = lines[k]
        if line.startswith("#"):
            section = line.lstrip("#").strip()
        if line.startswith(EXAMPLE_FENCE) and line[len(EXAMPLE_FENCE):].strip() == "example":
            number += 1
            markdown = []
            k += 1
            while k < len(lines) and lines[k] != ".":
                markdown.append(lines[k])
                k += 1
            while k < len(lines) and not lines[k].startswith(EXAMPLE_FENCE):
                k += 1
            examples.append((number, section, "".join(l + "\n" for l in markdown).replace("\u2192", "\t")))
        k += 1
    return examples


def read_differences(path, set_name):
    """{example: reason} of the set's listed differences."""
    listed = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.split("#", 1)[0].strip() if line.lstrip().startswith("#") else line.strip()
            if not line:
                continue
            parts = line.split(None, 2)
            if len(parts) < 3 or not parts[1].isdigit():
                raise SystemExit(f"{path}:{n}: expected 'SET EXAMPLE reason', got: {line}")
            if parts[0] == set_name:
                listed[int(parts[1])] = parts[2]
    return listed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--fascicle", required=True)
    ap.add_argument("--flavor", choices=["commonmark", "gfm"], required=True)
    ap.add_argument("--examples", required=True)
    ap.add_argument("--set", required=True)
    ap.add_argument("--differences", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--wrap-columns", type=int)
    args = ap.parse_args()

    for tool in ("cmark-gfm",) + (() if args.wrap_columns else ("pandoc",)):
        if shutil.which(tool) is None:
            print(f"error: {tool} is not installed (scripts/install-deps.sh)", file=sys.stderr)
            return 2
    for path in (args.fascicle, args.examples, args.differences):
        if not os.path.exists(path):
            print(f"error: {path} does not exist", file=sys.stderr)
            return 2

    examples = read_examples(args.examples)
    if not examples:
        print(f"error: {args.examples} holds no examples", file=sys.stderr)
        return 2
    listed = read_differences(args.differences, args.set)
    os.makedirs(args.work, exist_ok=True)
    cmark = ["cmark-gfm", "--unsafe", "--nobreaks"]
    if args.flavor == "gfm":
        for e in GFM_EXTENSIONS:
            cmark += ["-e", e]

    def render(markdown):
        return subprocess.run(cmark, input=markdown.encode(), capture_output=True, check=True).stdout

    def one(example):
        number, section, markdown = example
        path = os.path.join(args.work, f"example-{number}.md")
        with open(path, "w", encoding="utf-8") as f:
            f.write(markdown)
        expected = render(markdown)
        wrap = ["--wrap", "auto", "--columns", str(args.wrap_columns)] if args.wrap_columns else []
        ours = subprocess.run([args.fascicle, "-q", "-f", args.flavor, "-t", args.flavor, *wrap, path, "-o", "-"],
                              capture_output=True)
        if ours.returncode == 0:
            same = render(ours.stdout.decode()) == expected
            why = "" if same else "different HTML"
        else:
            message = ours.stderr.decode(errors="replace").strip().splitlines()
            same = not expected.strip() and any("holds no articles" in m for m in message)
            why = "" if same else "fascicle failed: " + (message[-1] if message else f"status {ours.returncode}")
        if args.wrap_columns:
            return number, section, same, why, False
        theirs = subprocess.run(["pandoc", "-f", args.flavor, "-t", args.flavor, path], capture_output=True)
        pandoc_same = theirs.returncode == 0 and render(theirs.stdout.decode()) == expected
        return number, section, same, why, pandoc_same

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(one, examples))
    elapsed = time.monotonic() - started

    total = len(results)
    ours = sum(1 for r in results if r[2])
    pandoc = sum(1 for r in results if r[4])
    pandoc_count = "not run (wrapping)" if args.wrap_columns else f"{pandoc}/{total}"
    print(f"{args.set}: the same HTML after the round trip: fascicle {ours}/{total}, pandoc 2.17 {pandoc_count} "
          f"({elapsed:.0f} s, {args.jobs} workers)")

    failed = False
    numbers = {r[0] for r in results}
    for number, section, same, why, _ in results:
        if not same and number not in listed:
            print(f"NEW DIFFERENCE: {args.set} example {number} ({section}): {why} "
                  f"(fascicle -f {args.flavor} -t {args.flavor} {os.path.join(args.work, f'example-{number}.md')})")
            failed = True
        elif same and number in listed:
            print(f"NOW THE SAME: {args.set} example {number} ({section}) is listed in {args.differences} "
                  f"but round-trips: take it out of the list")
            failed = True
        elif not same:
            print(f"listed: {args.set} example {number} ({section}): {listed[number]}")
    for number in sorted(set(listed) - numbers):
        print(f"NO SUCH EXAMPLE: {args.set} example {number} is listed but {args.examples} has none")
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
