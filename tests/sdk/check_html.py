#!/usr/bin/env python3
"""Checks what fascicle-html made of the sample corpus.

Each file must parse as XML and, strictly, as HTML5 (html5lib); hold every article title as the
heading of its <article>, whose id is article_xml_id(article id); have unique ids, and a table of
contents whose every link leads to one of them.

usage: check_html.py CORPUS_DIR --book FILE [--split DIR]
"""
import argparse
import pathlib
import sys
import xml.etree.ElementTree as ET

import html5lib

XHTML = "{http://www.w3.org/1999/xhtml}"


def read_ini(path):
    """book.ini as {section: {key: value}}; the book's own keys are under ""."""
    sections, current = {"": {}}, ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            sections.setdefault(current, {})
        elif "=" in line:
            key, value = line.split("=", 1)
            sections[current][key.strip()] = value.strip()
    return sections


def expected_articles(corpus):
    """(article id, title) in file-name order: the first table of contents entry, unless
    book.ini gives the article a title of its own."""
    ini = read_ini(corpus / "book.ini")
    articles = []
    for path in sorted(corpus.glob("*.txt")):
        toc = [l[2:].strip() for l in path.read_text(encoding="utf-8").splitlines() if l.startswith("- ")]
        title = ini.get("article " + path.stem, {}).get("title") or toc[0]
        articles.append((path.stem, title))
    return ini[""], articles


def text_of(element):
    return "".join(element.itertext()).strip()


def parse(path, problems):
    data = path.read_bytes()
    try:
        html5lib.HTMLParser(strict=True).parse(data)
    except Exception as e:  # html5lib raises ParseError with the position in its message
        problems.append(f"{path}: not well-formed HTML5: {e}")
    try:
        return ET.fromstring(data)
    except ET.ParseError as e:
        problems.append(f"{path}: not well-formed XML: {e}")
        return None


def check_document(path, articles, heading, problems):
    root = parse(path, problems)
    if root is None:
        return None
    ids = [e.get("id") for e in root.iter() if e.get("id") is not None]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        problems.append(f"{path}: duplicate ids {duplicates}")
    for link in root.iter(XHTML + "a"):
        href = link.get("href", "")
        if href.startswith("#") and href[1:] not in ids:
            problems.append(f"{path}: link {href} leads nowhere")
    by_id = {e.get("id"): e for e in root.iter(XHTML + "article")}
    for article_id, title in articles:
        # article_xml_id(): the corpus ids need only its prefix for a leading digit.
        xml_id = article_id if article_id[:1].isalpha() else "a-" + article_id
        article = by_id.get(xml_id)
        if article is None:
            problems.append(f"{path}: no <article id=\"{xml_id}\">")
            continue
        first = article.find(XHTML + heading)
        if first is None or text_of(first) != title:
            got = None if first is None else text_of(first)
            problems.append(f"{path}: article {article_id}: expected <{heading}>{title!r}, got {got!r}")
    return root


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=pathlib.Path)
    parser.add_argument("--book", type=pathlib.Path, required=True)
    parser.add_argument("--split", type=pathlib.Path)
    args = parser.parse_args()

    book, articles = expected_articles(args.corpus)
    problems = []

    root = check_document(args.book, articles, "h2", problems)
    if root is not None:
        title = root.find(f"{XHTML}head/{XHTML}title")
        if title is None or text_of(title) != book["title"]:
            problems.append(f"{args.book}: <title> is not the book title {book['title']!r}")
        if root.get("lang") != book["language"]:
            problems.append(f"{args.book}: lang is {root.get('lang')!r}, not {book['language']!r}")
        style = root.find(f"{XHTML}head/{XHTML}style")
        if style is None or "body" not in (style.text or ""):
            problems.append(f"{args.book}: no embedded stylesheet")
        toc = [text_of(a) for a in root.iterfind(f".//{XHTML}nav/{XHTML}ol/{XHTML}li/{XHTML}a")]
        if toc != [t for _, t in articles]:
            problems.append(f"{args.book}: the table of contents lists {toc}")

    if args.split:
        for article_id, title in articles:
            file = args.split / (article_id + ".html")
            if not file.exists():
                problems.append(f"{file}: missing")
                continue
            check_document(file, [(article_id, title)], "h1", problems)
        extra = sorted(p.name for p in args.split.iterdir() if p.stem not in dict(articles))
        if extra:
            problems.append(f"{args.split}: unexpected files {extra}")

    for p in problems:
        print("FAIL:", p, file=sys.stderr)
    checked = len(articles) * (2 if args.split else 1)
    print(f"check_html: {checked} article renderings in {1 + (len(articles) if args.split else 0)} files, "
          f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
