#!/usr/bin/env python3
"""Fidelity of the readers on real documents: what a source holds, and what fascicle's EPUB and DocBook
of it still hold.

    fidelity.py --fascicle EXE --work DIR [--via direct|pandoc-epub|pandoc-docbook|pandoc-markdown] SOURCE...
    fidelity.py ... --documents-in DIR   every document of DIR instead (*.epub, *.xml, *.md, *.txt)
    fidelity.py ... --markdown-table     the same rows as one Markdown table (for the formats' READMEs)

For each SOURCE (an EPUB, a DocBook file, a Markdown file; with --via pandoc-X, pandoc 2.17's X of it
instead), fascicle converts it to EPUB and to DocBook. The source and both outputs are counted the same
way: the words of the content (a multiset of Unicode word runs; metadata is not counted), images,
tables, notes (references to them), formulas,
definition lists, code blocks, super/subscripts and links (a DocBook link whose linkend names no element
is a link to nowhere, counted on neither side; an image's alt text is text). A row passes when the output keeps at least
99.5% of the source's words, at least as many of each kind as the source has (an EPUB: but the links to
paths outside the book, which it cannot hold; the writer warns about them), epubcheck finds no error
in the EPUB and jing finds the DocBook valid against the DocBook 5 schema. Exit status 1 when any row
fails, 2 when a tool is missing or a conversion fails.
"""
import argparse
import collections
import html.entities
import os
import re
import shutil
import subprocess
import sys
import urllib.parse
import xml.etree.ElementTree as ET
import zipfile

KINDS = ["images", "tables", "notes", "math", "dl", "code", "supsub", "links"]
WORDS_KEPT_AT_LEAST = 0.995
DOCBOOK_RNG = "/usr/share/xml/docbook/schema/rng/5.0/docbook.rng"
EPUBCHECK_JAR = os.environ.get("EPUBCHECK_JAR", "/usr/share/java/epubcheck.jar")
WORD = re.compile(r"\w+", re.UNICODE)
DOCUMENT_EXTENSIONS = (".epub", ".xml", ".md", ".txt")


class ToolFailed(Exception):
    pass


def local(tag):
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def attr(element, name):
    """An attribute by local name, whatever its namespace (epub:type, xlink:href, xml:lang)."""
    for key, value in element.attrib.items():
        if local(key) == name:
            return value
    return None


class Count:
    def __init__(self):
        self.words = collections.Counter()
        self.kinds = collections.Counter()

    def add(self, other):
        self.words.update(other.words)
        self.kinds.update(other.kinds)

    def text(self, s):
        if s:
            self.words.update(w.casefold() for w in WORD.findall(s))


HTML_INLINE = frozenset("a abbr b bdi bdo cite code data del dfn em i ins kbd mark q rp rt ruby s samp small "
                        "span strike strong sub sup time tt u var wbr".split())
DOCBOOK_INLINE = frozenset("abbrev acronym application citetitle classname code command computeroutput constant "
                           "email emphasis envar filename firstterm foreignphrase function glossterm guibutton "
                           "guilabel guimenu keycap link literal markup olink option parameter phrase productname "
                           "prompt property quote replaceable subscript superscript systemitem tag trademark type "
                           "ulink uri userinput varname wordasword xref".split())


def all_text(element, count, skip, inline=HTML_INLINE):
    """The text of `element` and its descendants, but for the elements `skip` rejects. A word runs
    across the edges of inline elements ("ascended<span>90</span>" is one run, as it reads): only
    the other elements' edges part words."""
    parts = []

    def walk(e):
        edge = "" if local(e.tag) in inline and not skip(e) else " "
        parts.append(edge)
        if not skip(e):
            parts.append(e.text or "")
            for child in e:
                walk(child)
                parts.append(child.tail or "")
        parts.append(edge)

    walk(element)
    count.text("".join(parts))


# --- HTML and XHTML (EPUB content documents, cmark-gfm's HTML) -----------------------------------

NOTE_TYPES = {"noteref"}
BACKLINK_CLASSES = {"footnote-back", "footnote-backref", "footnotebackref"}


def is_noteref(a):
    classes = set((a.get("class") or "").split())
    types = set((attr(a, "type") or "").split())
    return bool(types & NOTE_TYPES or "footnote-ref" in classes or "noteref" in classes
                or a.get("data-footnote-ref") is not None or a.get("role") == "doc-noteref")


def is_backlink(a):
    classes = set((a.get("class") or "").split())
    return bool(classes & BACKLINK_CLASSES or a.get("role") == "doc-backlink"
                or a.get("data-footnote-backref") is not None or "backlink" in (attr(a, "type") or ""))


SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def is_relative(href):
    """A link to a path (not to an address, not to a place in the same document)."""
    return href is not None and not href.startswith("#") and not SCHEME.match(href.strip())


MATHML = "http://www.w3.org/1998/Math/MathML"


def unshown_branches(body):
    """The branches of each epub:switch a reading system that knows MathML does not show: all but
    the first epub:case for MathML, or else all but the epub:default."""
    hidden = set()
    for switch in body.iter():
        if local(switch.tag) != "switch":
            continue
        branches = [c for c in switch if local(c.tag) in ("case", "default")]
        shown = next((c for c in branches if local(c.tag) == "case" and c.get("required-namespace") == MATHML),
                     next((c for c in branches if local(c.tag) == "default"), None))
        hidden.update(c for c in branches if c is not shown)
    return hidden


def is_empty_link(a):
    """An <a href> with nothing inside: a reader neither sees it nor can follow it (pandoc's anchors
    on the lines of a highlighted code block). Not a link, on either side."""
    return not "".join(a.itertext()).strip() and len(a) == 0


def count_html(body, in_book=lambda href: False, dangling=lambda href: False, image_missing=lambda src: False):
    """`in_book(href)`: the href names a document of the book it is in (an EPUB's own documents);
    `dangling(href)`: it points at a place the document does not have; `image_missing(src)`: the
    image's file is not there."""
    count = Count()
    parents = {child: parent for parent in body.iter() for child in parent}
    hidden = unshown_branches(body)

    def unshown(e):
        while e is not None:
            if e in hidden:
                return True
            e = parents.get(e)
        return False

    def inside_noteref(e):
        while e is not None:
            if local(e.tag) == "a" and is_noteref(e):
                return True
            e = parents.get(e)
        return False

    for e in body.iter():
        name = local(e.tag)
        if hidden and unshown(e):
            continue
        if name == "img" or (name == "image" and "svg" in e.tag):
            count.kinds["images"] += 1
            count.text(e.get("alt"))  # an image's text alternative is text a reader gets
            if image_missing(e.get("src") or ""):
                count.kinds["missing images"] += 1
        elif name == "table":
            count.kinds["tables"] += 1
        elif name == "math":
            count.kinds["math"] += 1
        elif name == "dl":
            count.kinds["dl"] += 1
        elif name == "pre":
            count.kinds["code"] += 1
        elif name in ("sup", "sub"):
            # A superscript that is (or holds) a note's reference mark is the note, counted as such.
            if not inside_noteref(e) and not any(local(d.tag) == "a" and is_noteref(d) for d in e.iter()):
                count.kinds["supsub"] += 1
        elif name == "a" and e.get("href") is not None:
            if is_noteref(e):
                count.kinds["notes"] += 1
            elif dangling(e.get("href")):
                count.kinds["dangling links"] += 1
            elif not is_backlink(e) and not is_empty_link(e):
                count.kinds["links"] += 1
                if is_relative(e.get("href")) and not in_book(e.get("href")):
                    count.kinds["relative links"] += 1
    # Comments are not text a reader sees (html5lib gives them a function as their tag).
    # A note's reference mark ("*", "12") is the writer's numbering, not text: it parts words.
    all_text(body, count, lambda e: not isinstance(e.tag, str) or local(e.tag) in ("script", "style", "head")
             or e in hidden or (local(e.tag) == "a" and is_noteref(e)))
    return count


def xhtml_entities():
    return {name.rstrip(";"): value for name, value in html.entities.html5.items() if name.endswith(";")}


def parse_xml(data, name):
    parser = ET.XMLParser()
    parser.entity.update(xhtml_entities())  # undeclared ones: XHTML's and DocBook 4's named characters
    try:
        parser.feed(data)
        return parser.close()
    except ET.ParseError as e:
        raise ToolFailed(f"{name}: not well-formed XML: {e}")


def epub_documents(path, names=None):
    """The spine's content documents of an EPUB, minus those a reader rightly leaves out: the
    navigation document and the cover and title pages the package or the document declares as such.
    `names`, when given, gets the archive's entry names."""
    with zipfile.ZipFile(path) as z:
        if names is not None:
            names.update(z.namelist())
        container = parse_xml(z.read("META-INF/container.xml"), f"{path}:META-INF/container.xml")
        opf_path = next(e.get("full-path") for e in container.iter() if local(e.tag) == "rootfile")
        opf = parse_xml(z.read(opf_path), f"{path}:{opf_path}")
        base = os.path.dirname(opf_path)
        manifest = {e.get("id"): e for e in opf.iter() if local(e.tag) == "item"}
        left_out = set()
        for item in manifest.values():
            if "nav" in (item.get("properties") or "").split():
                left_out.add(item.get("href"))
        for ref in opf.iter():
            if local(ref.tag) == "reference" and ref.get("type") in ("cover", "title-page"):
                left_out.add(ref.get("href", "").split("#")[0])
        documents = []
        for itemref in opf.iter():
            if local(itemref.tag) != "itemref":
                continue
            item = manifest.get(itemref.get("idref"))
            if item is None or item.get("href") in left_out:
                continue
            if item.get("media-type") not in ("application/xhtml+xml", "text/html"):
                continue
            entry = os.path.normpath(os.path.join(base, item.get("href"))).replace(os.sep, "/")
            data = z.read(entry)
            if not declares_front_matter(parse_xml(data, f"{path}:{entry}")):
                documents.append((entry, data))
        return documents


FRONT_MATTER_TYPES = {"cover", "titlepage", "title-page", "halftitlepage", "doc-cover"}


def declares_front_matter(root):
    """A document that says it is a cover or a title page (epub:type or role on its body, on the
    body's children, or on those of a lone wrapper): its words are the book's metadata shown (title,
    author, date), left out on both sides as the package metadata is."""
    body = next((e for e in root.iter() if local(e.tag) == "body"), None)
    if body is None:
        return False
    outer = list(body)
    candidates = [body] + outer + (list(outer[0]) if len(outer) == 1 else [])
    for e in candidates:
        tokens = set((attr(e, "type") or "").split()) | set((e.get("role") or "").split())
        if tokens & FRONT_MATTER_TYPES:
            return True
    return False


def count_epub(path):
    count = Count()
    names = set()
    for entry, data in epub_documents(path, names):
        root = parse_xml(data, f"{path}:{entry}")
        body = next((e for e in root.iter() if local(e.tag) == "body"), root)

        def in_book(href, entry=entry):
            # A path the archive holds: the book's own document. Any other ("/url", "@" as the
            # CommonMark spec writes definitions) points outside the book, as a DocBook or Markdown
            # source's relative link does, and an EPUB cannot hold it.
            target = urllib.parse.unquote(href.split("#")[0].split("?")[0])
            if not target or target.startswith("/"):
                return bool(target == "")
            return os.path.normpath(os.path.join(os.path.dirname(entry), target)).replace(os.sep, "/") in names

        count.add(count_html(body, in_book))
    return count


YAML_BLOCK = re.compile(r"\A---[ \t]*\n.*?\n(---|\.\.\.)[ \t]*\n", re.DOTALL)


def count_markdown(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    # A leading YAML block is metadata (for pandoc and for fascicle), not text: left out, as an EPUB's
    # package metadata and a DocBook info block are.
    text = YAML_BLOCK.sub("", text, count=1)
    html_text = run(["cmark-gfm", "--unsafe", "-e", "table", "-e", "strikethrough", "-e", "autolink",
                     "-e", "tasklist", "-e", "footnotes"], input=text).stdout
    # GFM's tag filter for the elements whose raw text would swallow the rest of the document in a
    # browser's parser (html5lib's too: a <title> in the GFM spec's prose): shown as text, as GitHub
    # does. <script> and <style> stay elements, whose content is not text on either side.
    html_text = re.sub(r"<(?=/?(title|textarea|xmp|iframe|noembed|noframes|plaintext)\b)", "&lt;", html_text,
                       flags=re.IGNORECASE)
    import html5lib  # Debian's python3-html5lib, for the system python3
    tree = html5lib.parse(html_text, namespaceHTMLElements=False)
    body = tree.find("body")
    # The places a "#x" link can reach: ids and names in the HTML, and the anchors GitHub gives
    # headings (cmark-gfm's HTML has none). A link to any other is a link to nowhere (the CommonMark
    # spec's "[term](@)" definitions, pandoc's section ids its GFM leaves out): kept as its text by the
    # writers, with a warning, and counted on neither side, as a DocBook linkend to nothing is not.
    places = {v for e in body.iter() for v in (e.get("id"), e.get("name")) if v}
    seen = collections.Counter()
    for e in body.iter():
        if local(e.tag) in ("h1", "h2", "h3", "h4", "h5", "h6"):
            anchor = re.sub(r"[^\w\- ]", "", "".join(e.itertext()).strip().lower()).replace(" ", "-")
            places.add(anchor if not seen[anchor] else f"{anchor}-{seen[anchor]}")
            seen[anchor] += 1
    folder = os.path.dirname(os.path.abspath(path))

    def dangling(href):
        return href.startswith("#") and urllib.parse.unquote(href[1:]) not in places

    def image_missing(src):
        # An image whose file is not beside the source: no EPUB can hold it (the reader warns).
        target = urllib.parse.unquote(src.split("#")[0].split("?")[0])
        return is_relative(src) and not os.path.isfile(os.path.join(folder, target))

    return count_html(body, dangling=dangling, image_missing=image_missing)


# --- DocBook --------------------------------------------------------------------------------------

DOCBOOK_KINDS = {
    "table": "tables", "informaltable": "tables",
    "footnote": "notes",
    "equation": "math", "informalequation": "math", "inlineequation": "math",
    "variablelist": "dl", "glosslist": "dl",
    "programlisting": "code", "screen": "code",
    "superscript": "supsub", "subscript": "supsub",
    "link": "links", "ulink": "links", "xref": "links", "olink": "links",
}


METADATA = ("info", "articleinfo", "bookinfo", "chapterinfo", "sectioninfo", "refentryinfo", "refmeta")


def count_docbook(path):
    with open(path, "rb") as f:
        root = parse_xml(f.read(), path)
    count = Count()
    parents = {child: parent for parent in root.iter() for child in parent}

    def inside(e, names):
        e = parents.get(e)
        while e is not None:
            if local(e.tag) in names:
                return True
            e = parents.get(e)
        return False

    ids = {attr(e, "id") for e in root.iter()} - {None}
    for e in root.iter():
        name = local(e.tag)
        if inside(e, METADATA):  # the book's metadata (a revision history's links): not content
            continue
        if name in ("link", "xref") and attr(e, "linkend") is not None and attr(e, "linkend") not in ids:
            # A linkend naming no element is invalid DocBook (jing: IDREF without matching ID) and a
            # link to nowhere: no writer can keep it as a link (they keep its text, and warn).
            count.kinds["dangling links"] += 1
            continue
        if name in ("mediaobject", "inlinemediaobject") and any(local(d.tag) == "imagedata" for d in e.iter()):
            count.kinds["images"] += 1
        elif name == "math" and not inside(e, ("equation", "informalequation", "inlineequation")):
            count.kinds["math"] += 1
        elif name in DOCBOOK_KINDS:
            count.kinds[DOCBOOK_KINDS[name]] += 1
            if name in ("link", "ulink") and is_relative(attr(e, "href") or e.get("url")):
                count.kinds["relative links"] += 1
    # Index terms are for an index, not the text; the info block is the book's metadata, which the
    # formats carry each in its own way (words are counted in the content, on both sides, as for EPUB
    # whose package metadata is not counted either). The rest is read.
    all_text(root, count, lambda e: not isinstance(e.tag, str) or local(e.tag) in ("indexterm",) + METADATA,
             DOCBOOK_INLINE)
    # But a chapter's or section's own info block holds its title, which is content (an EPUB's
    # heading): only the root's (the book's or article's title) is metadata.
    for info in root.iter():
        if local(info.tag) in METADATA and parents.get(info) is not None and parents.get(info) is not root:
            for title in info:
                if local(title.tag) in ("title", "subtitle"):
                    all_text(title, count, lambda e: not isinstance(e.tag, str) or local(e.tag) == "indexterm",
                             DOCBOOK_INLINE)
    return count


# --- Running the tools ----------------------------------------------------------------------------

def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise ToolFailed(f"{' '.join(command)} exited {result.returncode}:\n{result.stderr[-3000:]}")
    return result


def format_of(path):
    if path.endswith(".epub"):
        return "epub"
    if path.endswith(".xml") or path.endswith(".docbook"):
        return "docbook"
    return "gfm"


def counter_of(fmt):
    return {"epub": count_epub, "docbook": count_docbook, "gfm": count_markdown}[fmt]


def pandoc_version(source, via, work):
    """pandoc 2.17's EPUB, DocBook or Markdown of `source`, its images beside it."""
    reader = {"epub": "epub", "docbook": "docbook", "gfm": "markdown"}[format_of(source)]
    stem = os.path.splitext(os.path.basename(source))[0]
    target, extension = {"pandoc-epub": ("epub3", ".epub"), "pandoc-docbook": ("docbook5", ".xml"),
                         "pandoc-markdown": ("gfm", ".md")}[via]
    out = os.path.join(work, f"{stem}.{via}{extension}")
    media = os.path.join(work, f"{stem}.{via}-media")
    # Relative paths: the images pandoc extracts are referred to beside its output.
    run(["pandoc", "-f", reader, "-t", target, "-s", f"--extract-media={os.path.basename(media)}",
         f"--resource-path={os.path.dirname(os.path.abspath(source))}",
         "-o", os.path.basename(out), os.path.abspath(source)], cwd=work)
    return out


def epubcheck(path):
    result = subprocess.run(["java", "-jar", EPUBCHECK_JAR, path], capture_output=True, text=True)
    report = result.stdout + result.stderr
    # A store rejects on errors; a warning is a fault of ours too: both count.
    errors = [line for line in report.splitlines() if line.startswith(("ERROR", "FATAL", "WARNING"))]
    if result.returncode != 0 and not errors:
        errors = [f"epubcheck exited {result.returncode}: {report.strip()[-500:]}"]
    return errors


def jing(paths):
    """jing's findings by file, all files in one run (one JVM)."""
    result = subprocess.run(["jing", DOCBOOK_RNG] + paths, capture_output=True, text=True)
    # Debian's jing wrapper may warn about optional jars on standard error: only its findings count.
    findings = collections.defaultdict(list)
    for line in result.stdout.splitlines():
        if line.strip():
            findings[next((p for p in paths if line.startswith(p + ":")), "?")].append(line)
    if result.returncode != 0 and not findings:
        findings["?"].append(f"jing exited {result.returncode}: {result.stderr.strip()[-500:]}")
    return findings


def convert(fascicle, fmt, sources, output, out):
    result = run([fascicle, "-f", fmt] + sources + ["-t", output, "-o", out])
    return [line for line in result.stderr.splitlines() if ": warning: " in line]


def counted(source, via, fascicle, work):
    """One source (or pandoc's version of it) and fascicle's EPUB and DocBook of it:
    (the source as read, its count, {output: (path, count, warnings)})."""
    os.makedirs(work, exist_ok=True)
    if via != "direct":
        source = pandoc_version(source, via, work)  # ToolFailed: pandoc cannot convert it
    fmt = format_of(source)
    outputs = {}
    for output, counter, extension in (("epub", count_epub, ".epub"), ("docbook", count_docbook, ".xml")):
        out = os.path.join(work, os.path.basename(source) + ".fascicle" + extension)
        try:
            warnings = convert(fascicle, fmt, [source], output, out)
            outputs[output] = (out, counter(out), warnings)
        except ToolFailed as e:  # refused: a row that fails, and the reason
            outputs[output] = (None, Count(), [f"refused: {e}"])
    return source, counter_of(fmt)(source), outputs


def kept(source, output):
    total = sum(source.words.values())
    if total == 0:
        return 1.0
    return sum(min(n, output.words[w]) for w, n in source.words.items()) / total


def required(source_fmt, output, source_count, kind):
    """What the output must hold of a kind. An EPUB cannot hold a link to a path outside the book
    ("/url", "other.html" of a DocBook or Markdown source, a path an EPUB source's archive does not
    hold: its own documents are internal links): the writer keeps its text and warns. Everything
    else: as many as the source has."""
    n = source_count.kinds[kind]
    if kind == "links" and output == "epub":
        n -= source_count.kinds["relative links"]
    if kind == "images" and output == "epub":
        n -= source_count.kinds["missing images"]
    return n


def row_failures(source_fmt, output, source_count, output_count, findings):
    failures = []
    if kept(source_count, output_count) < WORDS_KEPT_AT_LEAST:
        lost = [w for w, n in (source_count.words - output_count.words).most_common(8)]
        failures.append(f"words kept {kept(source_count, output_count):.2%} < 99.5% (most lost: {' '.join(lost)})")
    for kind in KINDS:
        if output_count.kinds[kind] < required(source_fmt, output, source_count, kind):
            failures.append(f"{kind}: {output_count.kinds[kind]} < {required(source_fmt, output, source_count, kind)}")
    if findings:
        failures.append(f"validator: {len(findings)} finding(s): {findings[0]}")
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fascicle", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--via", default="direct", choices=["direct", "pandoc-epub", "pandoc-docbook", "pandoc-markdown"])
    parser.add_argument("--markdown-table", action="store_true")
    parser.add_argument("--documents-in", metavar="DIR")
    parser.add_argument("sources", nargs="*")
    args = parser.parse_args()
    if args.documents_in:
        # The development set is read where it is (never copied into the project): missing is a failure.
        if not os.path.isdir(args.documents_in):
            print(f"fidelity.py: {args.documents_in} is missing (the real-world set beside the project)", file=sys.stderr)
            return 2
        args.sources += sorted(os.path.join(args.documents_in, name) for name in os.listdir(args.documents_in)
                               if name.endswith(DOCUMENT_EXTENSIONS))
    if not args.sources:
        print("fidelity.py: no document to convert", file=sys.stderr)
        return 2
    for tool in ("java", "jing", "pandoc", "cmark-gfm"):
        if shutil.which(tool) is None:
            print(f"fidelity.py: {tool} is missing (scripts/install-deps.sh installs it)", file=sys.stderr)
            return 2
    if not os.path.isfile(EPUBCHECK_JAR) or not os.path.isfile(DOCBOOK_RNG):
        print(f"fidelity.py: {EPUBCHECK_JAR} or {DOCBOOK_RNG} is missing (scripts/install-deps.sh)", file=sys.stderr)
        return 2

    head = ["source", "via", "to", "words", "kept"] + [f"{k} s/o" for k in KINDS] + ["valid"]
    table = [head]
    failed = False
    results = []
    pandoc_failed = []
    for source in args.sources:
        try:
            results.append(counted(source, args.via, args.fascicle, os.path.join(args.work, os.path.basename(source) + "." + args.via)))
        except ToolFailed as e:
            # pandoc itself cannot read or write this one (it is pandoc's limit, not ours): said, not counted.
            if args.via == "direct":
                print(f"{os.path.basename(source)}: {e}", file=sys.stderr)
                return 2
            reason = str(e).strip().splitlines()[-1][:160]
            pandoc_failed.append(f"{os.path.basename(source)} ({reason})")
    if not results:
        print("fidelity.py: no source could be converted", file=sys.stderr)
        return 2

    # Validation. Every DocBook in one jing run; the EPUBs as one book of all the sources (epubcheck's
    # JVM costs seconds a run: one book holds every document's chapters as the single EPUBs do).
    findings = jing([outputs["docbook"][0] for _, _, outputs in results if outputs["docbook"][0]])
    book = os.path.join(args.work, f"all.{args.via}.epub")
    try:
        convert(args.fascicle, format_of(results[0][0]), [r[0] for r in results if r[2]["epub"][0]], "epub", book)
    except ToolFailed as e:
        print(f"the book of all sources ({args.via}): {e}", file=sys.stderr)
        return 2
    book_errors = epubcheck(book)

    for source, source_count, outputs in results:
        name = os.path.basename(source)
        for output, (path, output_count, warnings) in outputs.items():
            validator = book_errors if output == "epub" else findings.get(path, [])
            if path is None:
                validator = ["refused"]
            cells = [name, args.via, output, str(sum(source_count.words.values())), f"{kept(source_count, output_count):.2%}"]
            cells += [f"{required(format_of(source), output, source_count, k)}/{output_count.kinds[k]}" for k in KINDS]
            cells.append("yes" if not validator else f"no ({len(validator)})")
            table.append(cells)
            for f in row_failures(format_of(source), output, source_count, output_count, validator):
                print(f"FAIL {name} ({args.via}) -> {output}: {f}", file=sys.stderr)
                failed = True
            for w in warnings[:10]:
                print(f"  {output}: {w}", file=sys.stderr)
    if findings.get("?"):
        print("FAIL jing: " + "\n".join(findings["?"]), file=sys.stderr)
        failed = True
    for e in book_errors[:20]:
        print(f"FAIL epubcheck {book}: {e}", file=sys.stderr)

    if args.markdown_table:
        print("| " + " | ".join(head) + " |")
        print("|" + "|".join("---" if i < 3 else "---:" for i in range(len(head))) + "|")
        for cells in table[1:]:
            print("| " + " | ".join(cells) + " |")
    else:
        widths = [max(len(row[i]) for row in table) for i in range(len(head))]
        for row in table:
            print("  ".join(c.ljust(w) for c, w in zip(row, widths)))
    for name in pandoc_failed:
        print(f"pandoc 2.17 cannot convert {name}: not counted")
    print(f"epubcheck on the book of all {len(results)} sources: {len(book_errors)} error(s) and warning(s); "
          f"jing on the {len(results)} DocBook files: {sum(len(v) for v in findings.values())} finding(s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
