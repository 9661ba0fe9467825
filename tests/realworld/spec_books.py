#!/usr/bin/env python3
"""The CommonMark and GFM spec examples as books (issue 21): one article per example, every example
of the spec's JSON saved as a file of a folder, converted with one fascicle run per output format.

Passes when the EPUB is epubcheck-clean (no fatal, error or warning), the DocBook is jing-valid
against the DocBook 5 schema, and plain text and article-text (--split, one file per article) are
written: every run exits 0 and no example is refused. The counts are printed. A missing spec file,
tool or validator fails the test.

    spec_books.py --fascicle BIN --spec commonmark-spec.json --flavor commonmark --work DIR
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys

DOCBOOK_RNG = "/usr/share/xml/docbook/schema/rng/5.0/docbook.rng"
EPUBCHECK_JAR = os.environ.get("EPUBCHECK_JAR", "/usr/share/java/epubcheck.jar")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--fascicle", required=True)
    parser.add_argument("--spec", required=True)
    parser.add_argument("--flavor", required=True, choices=["commonmark", "gfm"])
    parser.add_argument("--work", required=True)
    args = parser.parse_args()

    for tool in ("java", "jing"):
        if shutil.which(tool) is None:
            sys.exit(f"spec_books.py: {tool} is missing (scripts/install-deps.sh installs it)")
    for needed in (EPUBCHECK_JAR, DOCBOOK_RNG, args.spec):
        if not os.path.isfile(needed):
            sys.exit(f"spec_books.py: {needed} is missing")

    with open(args.spec, encoding="utf-8") as f:
        examples = json.load(f)
    shutil.rmtree(args.work, ignore_errors=True)
    book = os.path.join(args.work, "examples")
    os.makedirs(book)
    for example in examples:
        with open(os.path.join(book, f"example-{example['example']:04d}.md"), "w", encoding="utf-8") as f:
            f.write(example["markdown"])
    print(f"{len(examples)} examples of {os.path.basename(args.spec)} as one book, one article each")

    failures = []
    outputs = {"epub": ["-o", os.path.join(args.work, "book.epub")],
               "docbook": ["-o", os.path.join(args.work, "book.xml")],
               "plain": ["-o", os.path.join(args.work, "book.txt")],
               "article-text": ["--split", os.path.join(args.work, "article-text")]}
    for to, where in outputs.items():
        run = subprocess.run([args.fascicle, "-q", "-f", args.flavor, "-t", to, book] + where,
                             capture_output=True, text=True)
        # -q: errors only. Any of them, or a non-zero exit, is a failure.
        if run.returncode != 0 or run.stderr.strip():
            failures.append(f"{to}: fascicle exited {run.returncode}: {run.stderr.strip()[-2000:]}")
        else:
            print(f"{to}: written")
    written = len(os.listdir(outputs["article-text"][1])) if os.path.isdir(outputs["article-text"][1]) else 0
    print(f"article-text: {written} files")
    if written < len(examples):
        failures.append(f"article-text: {written} files for {len(examples)} examples")

    if os.path.isfile(outputs["epub"][1]):
        check = subprocess.run(["java", "-jar", EPUBCHECK_JAR, outputs["epub"][1]], capture_output=True, text=True)
        report = check.stdout + check.stderr
        counts = re.search(r"Messages: (\d+) fatals? / (\d+) errors? / (\d+) warnings?", report)
        print("epubcheck: " + (counts.group(0) if counts else "no summary"))
        if check.returncode != 0 or not counts or counts.group(1, 2, 3) != ("0", "0", "0"):
            failures.append("epubcheck:\n" + "\n".join(
                line for line in report.splitlines() if line.startswith(("FATAL", "ERROR", "WARNING")))[-4000:])
    if os.path.isfile(outputs["docbook"][1]):
        check = subprocess.run(["jing", DOCBOOK_RNG, outputs["docbook"][1]], capture_output=True, text=True)
        # Debian's jing wrapper may warn about optional jars on standard error: its findings are on stdout.
        findings = check.stdout.strip()
        print(f"jing: {len(findings.splitlines()) if findings else 0} findings")
        if check.returncode != 0 or findings:
            failures.append(f"jing exited {check.returncode}:\n{findings[-4000:]}")

    for failure in failures:
        print("FAIL " + failure, file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
