#!/usr/bin/env python3
"""Makes a corpus of N distinct article-text articles from the sample corpus.

Each article takes a summary, introduction, 2-5 sections and a conclusion from the samples, in a
random order, and varies their words and sentence order, so that the text is not N copies (a
compressor or a cache would otherwise see through it). The result is valid article-text (see
formats/article-text/FORMAT.md): the same seed gives the same files.

    make_corpus.py N OUTDIR [--seed S] [--samples DIR]
    make_corpus.py N OUTDIR --cycle-samples       the samples themselves, cycled to N files (real text
                                                 without variation)
    make_corpus.py MB OUTDIR --long-paragraph     one article whose only section holds a single
                                                 paragraph of MB megabytes (the samples' sentences)
"""

import argparse
import hashlib
import pathlib
import random
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
DEFAULT_SAMPLES = HERE.parent / "samples" / "corpus"

BOOK_INI = """\
title = A Generated Corpus of {n} Articles
author = Fascicle Benchmark
language = en
identifier = urn:uuid:4a0d6c1e-8f57-4f0e-9a43-2b6f1d0c{n:04x}
date = 2026-01-01
publisher = Fascicle
description = {n} articles generated from the sample corpus for benchmarks and tests.
"""


class Sample:
    """One sample article split into its parts."""

    def __init__(self, text):
        lines = [l.strip() for l in text.splitlines() if l.strip()]
        toc_start = next(i for i, l in enumerate(lines) if l.startswith("- "))
        toc_end = toc_start
        while toc_end < len(lines) and lines[toc_end].startswith("- "):
            toc_end += 1
        titles = [l[2:].strip() for l in lines[toc_start:toc_end]]
        self.summary = lines[0]
        self.introduction = lines[1:toc_start]
        body, self.conclusion = lines[toc_end:-1], lines[-1]
        self.sections = []
        for line in body:
            if self.sections == [] or (len(self.sections) < len(titles) and line == titles[len(self.sections)]):
                self.sections.append((line, []))
            else:
                self.sections[-1][1].append(line)


class ArticleMaker:
    def __init__(self, samples, seed):
        self.samples = samples
        self.seed = seed
        words = set()
        for s in samples:
            for p in [s.summary, s.conclusion, *s.introduction, *(q for _, ps in s.sections for q in ps)]:
                words.update(w for w in p.split() if w.isalpha() and w.islower())
        self.words = sorted(words)
        self.sections = [sec for s in samples for sec in s.sections]

    def vary(self, rng, paragraph, rate=0.12):
        """The paragraph with its sentences rotated and some words replaced."""
        sentences = re.split(r"(?<=[.!?])\s+", paragraph)
        if len(sentences) > 1:
            k = rng.randrange(len(sentences))
            sentences = sentences[k:] + sentences[:k]
        words = " ".join(sentences).split(" ")
        for i, w in enumerate(words):
            if w.isalpha() and w.islower() and rng.random() < rate:
                words[i] = rng.choice(self.words)
        text = " ".join(words)
        return text[2:] if text.startswith("- ") else text

    def vary_title(self, rng, title, taken):
        words = title.split(" ")
        for i, w in enumerate(words):
            if w.isalpha() and rng.random() < 0.25:
                replacement = rng.choice(self.words)
                words[i] = replacement.capitalize() if w[0].isupper() else replacement
        candidate = " ".join(words)
        while candidate in taken:
            candidate += " " + rng.choice(self.words).capitalize()
        taken.add(candidate)
        return candidate

    def article(self, number):
        rng = random.Random(self.seed * 1_000_003 + number)
        pick = lambda: rng.choice(self.samples)
        summary = self.vary(rng, pick().summary)
        introduction = [self.vary(rng, p) for p in pick().introduction]
        if rng.random() < 0.1:
            introduction.append(self.vary(rng, rng.choice(pick().introduction)))
        taken = set()
        sections = []
        for title, paragraphs in rng.sample(self.sections, rng.randint(2, 4)):
            body = [self.vary(rng, p) for p in paragraphs]
            if rng.random() < 0.1:
                body.append(self.vary(rng, rng.choice(rng.choice(self.sections)[1])))
            sections.append((self.vary_title(rng, title, taken), body))
        conclusion = self.vary(rng, pick().conclusion)
        # A paragraph equal to a title would be read as a heading: paragraphs are long sentences
        # and titles short, so it cannot happen; checked, since it would make an invalid article.
        paragraphs = [summary, *introduction, conclusion, *(p for _, body in sections for p in body)]
        assert not taken.intersection(paragraphs)

        lines = [summary, *introduction, *("- " + t for t, _ in sections)]
        for title, body in sections:
            lines += [title, *body]
        lines.append(conclusion)
        return "\n".join(lines)


def cycled(sample_files, count, outdir):
    """The sample articles unchanged, file k a copy of sample k mod len(samples)."""
    width = max(6, len(str(count)))
    for n in range(count):
        source = sample_files[n % len(sample_files)]
        (outdir / f"{n:0{width}d}_{source.stem}.txt").write_bytes(source.read_bytes())


def long_paragraph(samples, megabytes, outdir):
    """One article: a summary, an introduction, one section of one paragraph of `megabytes` MB."""
    sentences = []
    for s in samples:
        for p in [s.summary, s.conclusion, *s.introduction, *(q for _, ps in s.sections for q in ps)]:
            sentences += re.split(r"(?<=[.!?])\s+", p)
    size = int(megabytes * 1_000_000)
    chunk = " ".join(sentences)
    body = (chunk + " ") * (size // (len(chunk) + 1) + 1)
    body = body[:size].rstrip()
    if not body.endswith("."):
        body = body.rsplit(" ", 1)[0] + "."
    lines = [samples[0].summary, samples[0].introduction[0], "- One Long Paragraph", "One Long Paragraph", body,
             samples[0].conclusion]
    (outdir / "long_paragraph.txt").write_bytes("\n".join(lines).encode("utf-8"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("outdir", type=pathlib.Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--samples", type=pathlib.Path, default=DEFAULT_SAMPLES)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--cycle-samples", action="store_true", help="N copies of the samples, cycled")
    mode.add_argument("--long-paragraph", action="store_true", help="one article, a paragraph of N MB")
    args = parser.parse_args()

    samples = [Sample(p.read_text(encoding="utf-8")) for p in sorted(args.samples.glob("*.txt"))]
    if not samples:
        sys.exit(f"make_corpus.py: no *.txt samples in {args.samples}")
    args.outdir.mkdir(parents=True, exist_ok=True)
    if args.cycle_samples or args.long_paragraph:
        if args.cycle_samples:
            cycled(sorted(args.samples.glob("*.txt")), args.count, args.outdir)
        else:
            long_paragraph(samples, args.count, args.outdir)
        (args.outdir / "book.ini").write_text(BOOK_INI.format(n=args.count), encoding="utf-8")
        return
    maker = ArticleMaker(samples, args.seed)
    width = max(6, len(str(args.count)))
    for n in range(args.count):
        text = maker.article(n)
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
        # Articles end without a line end, as the samples do.
        (args.outdir / f"{n:0{width}d}_{digest}.txt").write_bytes(text.encode("utf-8"))
    (args.outdir / "book.ini").write_text(BOOK_INI.format(n=args.count), encoding="utf-8")


if __name__ == "__main__":
    main()
