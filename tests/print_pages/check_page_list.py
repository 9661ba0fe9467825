#!/usr/bin/python3
"""Checks an EPUB's page-list against the PDF it was made with, using the PDF alone for the truth.

    check_page_list.py BOOK.pdf BOOK.epub

- the page-list has one entry for each body page of the PDF (the pages its /PageLabels number in
  decimal), labelled 1, 2, ... as printed;
- each page whose marker stands before a paragraph: that paragraph's first words are on that PDF
  page (pdftotext), not on the page before (it starts there), and the paragraph before it in the
  chapter does not start on that page (so it is the first paragraph that starts there);
- each marker at the end of a paragraph (no paragraph starts on that page): that paragraph's
  first words are on no later page than the one before.
"""
import re
import subprocess
import sys
import zipfile
import xml.etree.ElementTree as ET

XHTML = '{http://www.w3.org/1999/xhtml}'
EPUB_TYPE = '{http://www.idpf.org/2007/ops}type'
WORDS = 8  # the first words compared


def fail(message):
    print('check_page_list: ' + message, file=sys.stderr)
    sys.exit(1)


def words(text):
    # Hyphens go (FOP hyphenates at line ends; pdftotext keeps "prop-" + "erties"), the rest is \w runs.
    return re.findall(r'\w+', text.replace('-\n', '').replace('-', '').replace('\u00ad', '').lower())


def run(*command):
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        fail(' '.join(command) + ' failed: ' + result.stderr)
    return result.stdout


def body_pages(pdf):
    """The 1-based physical page numbers of the pages the PDF labels in decimal."""
    pages = int(re.search(r'^Pages:\s+(\d+)', run('pdfinfo', pdf), re.M).group(1))
    raw = open(pdf, 'rb').read().decode('latin-1')
    labels = re.search(r'/PageLabels\s+(\d+)\s+0\s+R', raw)
    if not labels:
        fail(pdf + ' has no /PageLabels: cannot tell its body pages')
    obj = re.search(r'\b' + labels.group(1) + r'\s+0\s+obj(.*?)endobj', raw, re.S).group(1)
    ranges = [(int(start), style) for start, style in re.findall(r'(\d+)\s*<<\s*/S\s*/(\w)', obj)]
    body = []
    for n, (start, style) in enumerate(ranges):
        end = ranges[n + 1][0] if n + 1 < len(ranges) else pages
        if style == 'D':
            body.extend(range(start + 1, end + 1))
    return body


def page_text(pdf, page):
    return ' '.join(words(run('pdftotext', '-layout', '-f', str(page), '-l', str(page), pdf, '-')))


def text_of(element):
    return ''.join(element.itertext())


def markers_and_paragraphs(epub):
    """The page-list labels, and per chapter: its paragraphs (texts) and markers (label, index, within)."""
    with zipfile.ZipFile(epub) as book:
        nav = ET.fromstring(book.read('EPUB/nav.xhtml'))
        page_list = [n for n in nav.iter(XHTML + 'nav') if n.get(EPUB_TYPE) == 'page-list']
        if len(page_list) != 1:
            fail('expected one nav epub:type="page-list" in the navigation document, found %d' % len(page_list))
        entries = [(a.text, a.get('href')) for a in page_list[0].iter(XHTML + 'a')]
        chapters = {}
        for name in sorted(n for n in book.namelist() if n.startswith('EPUB/text/chapter-')):
            paragraphs, markers = [], {}

            def visit(element, in_paragraph):
                tag = element.tag.replace(XHTML, '')
                is_paragraph = tag == 'p' or (tag == 'li' and (element.text or '').strip())
                if is_paragraph:
                    paragraphs.append(text_of(element))
                for child in element:
                    if child.tag == XHTML + 'span' and child.get(EPUB_TYPE) == 'pagebreak':
                        if child.get('role') != 'doc-pagebreak' or child.get('aria-label') is None:
                            fail('%s: a marker without role="doc-pagebreak" and an aria-label' % name)
                        # within: inside the paragraph the page goes on from; else before the next one
                        within = is_paragraph or in_paragraph
                        markers[child.get('id')] = (child.get('aria-label'),
                                                    len(paragraphs) - 1 if within else len(paragraphs), within)
                    else:
                        visit(child, in_paragraph or is_paragraph)

            visit(ET.fromstring(book.read(name)), False)
            chapters[name[len('EPUB/'):]] = (paragraphs, markers)
    return entries, chapters


def main():
    pdf, epub = sys.argv[1], sys.argv[2]
    body = body_pages(pdf)
    entries, chapters = markers_and_paragraphs(epub)
    labels = [label for label, _ in entries]
    if labels != [str(n) for n in range(1, len(body) + 1)]:
        fail('the page-list has %d entries %s; the PDF has %d body pages' % (len(labels), labels, len(body)))
    texts = {}
    starts = withins = 0
    for label, href in entries:
        file, _, marker_id = href.partition('#')
        paragraphs, markers = chapters[file]
        if marker_id not in markers or markers[marker_id][0] != label:
            fail('page %s: the page-list leads to %s, which is not its marker' % (label, href))
        _, index, within = markers[marker_id]
        page = body[int(label) - 1]
        for p in (page - 1, page):
            if p not in texts:
                texts[p] = page_text(pdf, p)
        if index >= len(paragraphs):
            fail('page %s: no paragraph after its marker in %s' % (label, file))
        opening = ' '.join(words(paragraphs[index])[:WORDS])
        if within:
            # No paragraph starts on the page: the one it goes on from started before it.
            if opening in texts[page]:
                fail('page %s: marked at the end of a paragraph that starts on it: "%s"' % (label, opening))
            withins += 1
            continue
        if opening not in texts[page]:
            fail('page %s (PDF page %d): the paragraph after its marker, "%s...", is not on it' % (label, page, opening))
        if opening in texts[page - 1]:
            fail('page %s: the paragraph after its marker, "%s...", starts on the page before' % (label, opening))
        if index > 0:
            before = ' '.join(words(paragraphs[index - 1])[:WORDS])
            if before in texts[page]:
                fail('page %s: the paragraph before the marker, "%s...", starts on it too: the marker is late'
                     % (label, before))
        starts += 1
    print('body pages: %d; page-list entries: %d; pages checked at their first paragraph: %d; '
          'pages with no paragraph start (marked at the end of the one they go on from): %d'
          % (len(body), len(entries), starts, withins))
    if starts < min(10, len(body)) and starts < len(body) - withins:
        fail('fewer pages checked than expected')


main()
