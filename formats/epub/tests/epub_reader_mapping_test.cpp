// How XHTML maps to the IR, on hand-written documents: blocks and inlines, white space, heading
// levels, ids, the summary and conclusion, documents that are not articles, EPUB 2 (NCX, XHTML
// 1.1 entities).
#include "reader_expectations.hpp"
#include "reader_test_archives.hpp"

#include <gtest/gtest.h>

namespace fascicle::epub::test {
namespace {

using fascicle::test::TempDir;

ReadBook read_spec(const EpubSpec& spec, const Options& options = {}) {
    TempDir dir;
    fascicle::test::write_file(dir / "book.epub", zip_bytes(epub_entries(spec)));
    return read_epub(dir / "book.epub", {}, options);
}

Article only_article(const EpubSpec& spec) {
    const ReadBook read = read_spec(spec);
    EXPECT_EQ(read.status, Status::ok) << read.diagnostics.text();
    EXPECT_EQ(read.book.articles.size(), 1u) << dump(read.book);
    return read.book.articles.empty() ? Article{} : read.book.articles.front();
}

Article article_of(const std::string& body, const std::string& body_attributes = "") {
    return only_article(EpubSpec{{{"chapter.xhtml", xhtml(body, body_attributes)}}, "", "3.0", "", "", ""});
}

Inline styled(Inline::Kind kind, std::vector<Inline> children, std::string target = {}) {
    Inline i;
    i.kind = kind;
    i.children = std::move(children);
    i.target = std::move(target);
    return i;
}

Inline code(std::string text) {
    Inline i;
    i.kind = Inline::Kind::code;
    i.text = std::move(text);
    return i;
}

TEST(ReaderMapping, InlinesAndWhiteSpace) {
    const Article a = article_of(
        "<h1>T</h1>\n<p>\n  Plain   text,\n  <em>emphasis</em> <i>italic</i>, <strong>strong</strong><b> bold </b>,\n"
        "  <code>a  &lt;  b</code>, <a href=\"https://example.org/?a=1&amp;b=2\">a <span>link</span></a>,"
        "<br/>\n  after a break <img src=\"x.png\" alt=\"an image\"/> <a id=\"anchor\">anchor text</a>.\n</p>");
    ASSERT_EQ(a.introduction.size(), 1u);
    Inline anchor = Inline::wrap(Inline::Kind::span, {Inline::plain("anchor text")});
    anchor.attributes.id = "anchor";
    const std::vector<Inline> expected{
        Inline::plain("Plain text, "),
        styled(Inline::Kind::emphasis, {Inline::plain("emphasis")}),
        Inline::plain(" "),
        styled(Inline::Kind::emphasis, {Inline::plain("italic")}),
        Inline::plain(", "),
        styled(Inline::Kind::strong, {Inline::plain("strong")}),
        styled(Inline::Kind::strong, {Inline::plain(" bold ")}),
        Inline::plain(", "),
        code("a  <  b"),
        Inline::plain(", "),
        styled(Inline::Kind::link, {Inline::plain("a link")}, "https://example.org/?a=1&b=2"),
        Inline::plain(","),
        Inline::wrap(Inline::Kind::line_break, {}),
        Inline::plain("after a break an image "),  // x.png is not in the archive: its alt text
        anchor,
        Inline::plain("."),
    };
    EXPECT_EQ(a.introduction[0].inlines, expected) << dump(a);
}

TEST(ReaderMapping, Blocks) {
    const Article a = article_of(
        "<h1>T</h1>\n"
        "<ul>\n  <li>one</li>\n  <li><p>two</p><ul><li>two and a half</li></ul></li>\n</ul>\n"
        "<ol start=\"3\"><li>three</li><li>four <em>and</em> text<ol><li>nested</li></ol></li></ol>\n"
        "<blockquote>Bare quoted text.<p>A quoted paragraph.</p></blockquote>\n"
        "<pre><code>int main() {\n    return 0;\n}\n</code></pre>\n"
        "<div class=\"note\">Text right in a div.<div><p>Deeper.</p></div></div>\n"
        "<figure><img src=\"x.png\" alt=\"\"/><figcaption>A caption.</figcaption></figure>\n"
        "<hr/><script>ignored();</script>");
    const auto& b = a.introduction;
    ASSERT_EQ(b.size(), 7u) << dump(a);

    EXPECT_EQ(b[0].kind, Block::Kind::list);
    EXPECT_FALSE(b[0].ordered);
    ASSERT_EQ(b[0].items.size(), 2u);
    EXPECT_EQ(b[0].items[0], std::vector<Block>{Block::paragraph("one")});
    ASSERT_EQ(b[0].items[1].size(), 2u);
    EXPECT_EQ(b[0].items[1][0], Block::paragraph("two"));
    EXPECT_EQ(b[0].items[1][1].kind, Block::Kind::list);

    EXPECT_TRUE(b[1].ordered);
    EXPECT_EQ(b[1].start, 3);
    ASSERT_EQ(b[1].items.size(), 2u);
    ASSERT_EQ(b[1].items[1].size(), 2u);
    EXPECT_EQ(plain_text(b[1].items[1][0]), "four and text");
    EXPECT_EQ(b[1].items[1][1].items.size(), 1u);

    EXPECT_EQ(b[2].kind, Block::Kind::block_quote);
    EXPECT_EQ(b[2].children,
              (std::vector<Block>{Block::paragraph("Bare quoted text."), Block::paragraph("A quoted paragraph.")}));

    EXPECT_EQ(b[3].kind, Block::Kind::code_block);
    EXPECT_EQ(b[3].text, "int main() {\n    return 0;\n}\n");

    EXPECT_EQ(b[4].kind, Block::Kind::division);  // an admonition
    EXPECT_EQ(b[4].admonition(), "note");
    EXPECT_EQ(b[4].children,
              (std::vector<Block>{Block::paragraph("Text right in a div."), Block::paragraph("Deeper.")}));
    EXPECT_EQ(b[5].kind, Block::Kind::figure);
    EXPECT_EQ(b[5].caption, std::vector<Inline>{Inline::plain("A caption.")});
    EXPECT_TRUE(b[5].children.empty());  // x.png is not in the archive, and has no alt text
    EXPECT_EQ(b[6].kind, Block::Kind::thematic_break);
}

TEST(ReaderMapping, WhatCannotBeMappedIsOneWarningPerKindWithTheFirstLine) {
    EpubSpec spec{{{"chapter.xhtml",
                    xhtml("<h1>T</h1>\n<p>Text<script>a();</script></p>\n<script>b();</script>\n"
                          "<video src=\"v.mp4\"/><iframe src=\"x.html\"/>\n"
                          "<img src=\"../../etc/passwd\" alt=\"secret\"/><img src=\"none.png\" alt=\"\"/>")}},
                  "", "3.0", "", "", ""};
    const ReadBook read = read_spec(spec);
    ASSERT_EQ(read.status, Status::ok) << read.diagnostics.text();
    const std::string file = "(EPUB/chapter.xhtml)";
    std::vector<std::string> warnings;
    for (const auto& d : read.diagnostics.of(Severity::warning)) warnings.push_back(d.format());
    ASSERT_EQ(warnings.size(), 5u) << read.diagnostics.text();
    auto ends_with = [](const std::string& s, const std::string& end) {
        return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
    };
    EXPECT_TRUE(ends_with(warnings[0], file + ":10:2: warning: image \"../../etc/passwd\" leaves the archive: refused "
                                              "(its alt text is kept)")) << warnings[0];
    EXPECT_TRUE(ends_with(warnings[1], file + ":10:44: warning: image EPUB/none.png is missing from the archive: left "
                                              "out (its alt text is kept)")) << warnings[1];
    EXPECT_TRUE(ends_with(warnings[2], file + ":7: warning: 2 <script> elements left out (the first is here)"))
        << warnings[2];
    EXPECT_TRUE(ends_with(warnings[3], file + ":9: warning: 1 <video> element left out")) << warnings[3];
    EXPECT_TRUE(ends_with(warnings[4], file + ":9: warning: 1 <iframe> element left out")) << warnings[4];
    ASSERT_EQ(read.book.articles.size(), 1u);
    EXPECT_EQ(plain_text(read.book.articles[0].introduction.back()), "secret");

    // --fail-on-loss: the same reports are errors, and the reader fails.
    const ReadBook strict = read_spec(spec, {{"fail-on-loss", "true"}});
    EXPECT_EQ(strict.status, Status::failed);
    ASSERT_EQ(strict.diagnostics.error_count(), 3u) << strict.diagnostics.text();
    EXPECT_NE(strict.diagnostics.text().find(file + ":7: error: 2 <script> elements left out (the first is here) "
                                                    "(--fail-on-loss)"),
              std::string::npos)
        << strict.diagnostics.text();
    EXPECT_TRUE(strict.book.articles.empty());
}

TEST(ReaderMapping, HeadingLevelsAreRelativeToTheTopHeading) {
    // A producer whose chapter title is an h2: h3 are sections, h4 subsections; a level skipped
    // (h3 to h6) nests one deeper only; ids from the headings, else the sections, else the titles.
    const Article a = article_of(
        "<p>Before the title.</p>\n"
        "<section id=\"chap\"><h2>The title</h2><p>Introduction.</p>\n"
        "<section id=\"s-one\"><h3>One</h3><p>In one.</p>\n"
        "  <h4 id=\"one-a\">One A</h4><p>In one A.</p>\n"
        "  <h6>Deep</h6><p>In deep.</p></section>\n"
        "<h3>Two &amp; more</h3><p>In two.</p></section>");
    EXPECT_EQ(a.title_text(), "The title");
    EXPECT_EQ(a.id, "chap");
    EXPECT_EQ(a.introduction,
              (std::vector<Block>{Block::paragraph("Before the title."), Block::paragraph("Introduction.")}));
    ASSERT_EQ(a.sections.size(), 2u) << dump(a);
    EXPECT_EQ(a.sections[0].id, "s-one");
    EXPECT_EQ(a.sections[0].title_text(), "One");
    ASSERT_EQ(a.sections[0].subsections.size(), 1u);
    EXPECT_EQ(a.sections[0].subsections[0].id, "one-a");
    ASSERT_EQ(a.sections[0].subsections[0].subsections.size(), 1u);
    EXPECT_EQ(a.sections[0].subsections[0].subsections[0].title_text(), "Deep");
    EXPECT_EQ(a.sections[0].subsections[0].subsections[0].id, "deep");
    EXPECT_EQ(a.sections[1].id, "two-more");
    EXPECT_EQ(a.sections[1].blocks, std::vector<Block>{Block::paragraph("In two.")});
}

TEST(ReaderMapping, FascicleIdsAreInverted) {
    // What our writer makes of article "007_x" with sections "2024-review", "s-2" (slug of
    // "S 2") and "intro": the heading ids carry them, prefixed where an NCName needs it.
    const Article a = article_of(
        "<section epub:type=\"chapter\" role=\"doc-chapter\"><h1 id=\"a-007_x\">Seven</h1>\n"
        "<section><h2 id=\"a-007_x.s-2024-review\">2024 review</h2><p>x</p></section>\n"
        "<section><h2 id=\"a-007_x.s-2\">S 2</h2><p>y</p></section>\n"
        "<section><h2 id=\"a-007_x.intro\">Intro</h2><p>z</p></section></section>");
    EXPECT_EQ(a.id, "007_x");
    ASSERT_EQ(a.sections.size(), 3u);
    EXPECT_EQ(a.sections[0].id, "2024-review");
    EXPECT_EQ(a.sections[1].id, "s-2");
    EXPECT_EQ(a.sections[2].id, "intro");
}

TEST(ReaderMapping, SummaryAndConclusionByRole) {
    const Article a = article_of(
        "<h1>T</h1><section role=\"doc-abstract\"><h2>Abstract</h2><p>The summary.</p></section>\n"
        "<p>Intro.</p><h2>Body</h2><p>Text.</p>\n"
        "<section epub:type=\"conclusion\"><h2>Final words</h2><p>The end.</p></section>");
    EXPECT_EQ(a.summary, std::vector<Block>{Block::paragraph("The summary.")});
    EXPECT_EQ(a.introduction, std::vector<Block>{Block::paragraph("Intro.")});
    ASSERT_EQ(a.sections.size(), 1u);
    EXPECT_EQ(a.conclusion, std::vector<Block>{Block::paragraph("The end.")});
    EXPECT_EQ(a.metadata.get("conclusion-title"), "Final words");
}

TEST(ReaderMapping, UnmarkedLastSectionTitledConclusionIsTheConclusion) {
    const Article unmarked = article_of("<h1>T</h1><h2>Body</h2><p>Text.</p><h2>Conclusions</h2><p>The end.</p>");
    EXPECT_EQ(unmarked.sections.size(), 1u);
    EXPECT_EQ(unmarked.conclusion, std::vector<Block>{Block::paragraph("The end.")});
    EXPECT_EQ(unmarked.metadata.get("conclusion-title"), "Conclusions");

    // A document that marks its structure (as ours) is taken at its word.
    const Article marked = article_of(
        "<section epub:type=\"chapter\"><h1>T</h1><h2>Body</h2><p>Text.</p><h2>Conclusion</h2><p>Not the end.</p>"
        "</section>");
    EXPECT_EQ(marked.sections.size(), 2u);
    EXPECT_TRUE(marked.conclusion.empty());
}

TEST(ReaderMapping, ArticleLanguageWhenNotTheBooks) {
    EpubSpec spec{{{"en.xhtml", xhtml("<h1>English</h1>")}, {"fr.xhtml", xhtml("<h1>Français</h1>", "", "fr")}},
                  "",
                  "3.0",
                  "",
                  "",
                  ""};
    const ReadBook read = read_spec(spec);
    ASSERT_EQ(read.book.articles.size(), 2u);
    EXPECT_EQ(read.book.articles[0].metadata.language, "");
    EXPECT_EQ(read.book.articles[1].metadata.language, "fr");
    EXPECT_EQ(read.book.articles[1].id, "fr");  // no id in the document: its file name
}

TEST(ReaderMapping, DocumentsLeftOutAreThoseThePackageDeclares) {
    const std::string long_title_page =
        "<section epub:type=\"titlepage\"><h1>Test Book</h1><p>A dedication of more than twenty words, which "
        "the package's metadata holds nowhere, and which is therefore worth a warning when it is left out.</p></section>";
    EpubSpec spec;
    spec.documents = {
        {"cover.xhtml", xhtml("<section epub:type=\"cover\"><img src=\"c.png\" alt=\"Cover\"/></section>")},
        {"front.xhtml", xhtml("<section epub:type=\"titlepage\"><h1>Test Book</h1><p>An author</p></section>")},
        {"landmarked.xhtml", xhtml("<h1>Named by the landmarks</h1>")},
        {"long.xhtml", xhtml(long_title_page)},
        {"title_page.xhtml", xhtml("<h1 class=\"title\">Test Book</h1><p class=\"author\">Someone</p>")},
        {"toc.xhtml", xhtml("<nav epub:type=\"toc\"><h1>Contents</h1><ol><li><a href=\"chapter.xhtml\">C</a></li></ol></nav>")},
        {"empty.xhtml", xhtml("<div><img src=\"x.png\" alt=\"\"/></div>")},
        {"glossary.xhtml", xhtml("<h1>Glossary</h1><p>Outside the reading order.</p>")},
        {"chapter.xhtml", xhtml("<p>Text without a heading.</p>")},
    };
    spec.nav =
        "<nav epub:type=\"toc\"><ol><li><a href=\"chapter.xhtml\">Title from the navigation</a></li></ol></nav>\n"
        "<nav epub:type=\"landmarks\"><ol><li><a epub:type=\"titlepage\" href=\"landmarked.xhtml\">T</a></li>"
        "<li><a epub:type=\"toc\" href=\"toc.xhtml\">T</a></li></ol></nav>";
    spec.extra_package = "";
    auto entries = epub_entries(spec);
    // The navigation document in the spine too, as ours has it; the glossary outside the reading order.
    std::string& opf = entries[2].bytes;
    opf.insert(opf.find("  </spine>"), "    <itemref idref=\"nav\"/>\n");
    const std::string glossary = "idref=\"d8\"";
    ASSERT_NE(opf.find(glossary), std::string::npos) << opf;
    opf.insert(opf.find(glossary) + glossary.size(), " linear=\"no\"");
    TempDir dir;
    fascicle::test::write_file(dir / "book.epub", zip_bytes(entries));
    const ReadBook read = read_epub(dir / "book.epub");
    ASSERT_EQ(read.status, Status::ok) << read.diagnostics.text();
    // Read: what looks like a title page or a table of contents but is not declared one; the
    // document outside the reading order, last.
    ASSERT_EQ(read.book.articles.size(), 4u) << dump(read.book);
    EXPECT_EQ(read.book.articles[0].title_text(), "Test Book");
    EXPECT_EQ(read.book.articles[0].id, "title_page");
    EXPECT_EQ(read.book.articles[1].title_text(), "Contents");
    EXPECT_EQ(read.book.articles[2].title_text(), "Title from the navigation");
    EXPECT_EQ(read.book.articles[2].id, "chapter");
    EXPECT_EQ(read.book.articles[3].title_text(), "Glossary");
    const std::string notes = read.diagnostics.text();
    for (const char* expected :
         {"(EPUB/cover.xhtml): note: left out: the cover", "(EPUB/front.xhtml): note: left out: the title page",
          "(EPUB/landmarked.xhtml): note: left out: the title page",
          "(EPUB/empty.xhtml): note: skipped: the document holds no text",
          "(EPUB/nav.xhtml): note: left out: the navigation document"})
        EXPECT_NE(notes.find(expected), std::string::npos) << expected << "\n" << notes;
    const auto warnings = read.diagnostics.of(Severity::warning);
    ASSERT_EQ(warnings.size(), 2u) << notes;  // the long title page, and x.png missing
    EXPECT_EQ(warnings[0].format(), (dir / "book.epub").string() +
                                        "(EPUB/long.xhtml): warning: left out as the title page, as the package "
                                        "declares it, though it holds 25 words that are not in the book's metadata");
}

TEST(ReaderMapping, Epub2WithNcxGuideAndXhtmlEntities) {
    const std::string doctype =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.1//EN\" \"http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd\">\n";
    auto page = [&](const std::string& body) {
        return doctype +
               "<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"en\"><head><title>x</title></head>"
               "<body>\n" +
               body + "\n</body></html>\n";
    };
    EpubSpec spec;
    spec.version = "2.0";
    spec.documents = {{"cover.xhtml", page("<div><p>Cover text</p></div>")},
                      {"one.xhtml", page("<p>No heading:&nbsp;the NCX titles it &mdash; &eacute;t&eacute; "
                                         "&amp;nbsp; <![CDATA[&nbsp;]]> &bogus;</p>")}};
    spec.metadata =
        "    <dc:creator opf:role=\"aut\">An Author</dc:creator>\n"
        "    <dc:creator opf:role=\"edt\">An Editor</dc:creator>\n"
        "    <dc:date opf:event=\"modification\">2020-01-01</dc:date>\n"
        "    <dc:date opf:event=\"publication\">2019-05-06</dc:date>\n";
    spec.extra_manifest = "    <item id=\"ncx\" href=\"toc.ncx\" media-type=\"application/x-dtbncx+xml\"/>\n";
    spec.extra_package = "  <guide><reference type=\"cover\" href=\"cover.xhtml\" title=\"Cover\"/></guide>\n";
    auto entries = epub_entries(spec);
    entries.push_back(
        {"EPUB/toc.ncx",
         "<?xml version=\"1.0\"?>\n<ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" version=\"2005-1\">"
         "<navMap><navPoint id=\"p1\" playOrder=\"1\"><navLabel><text> The  NCX\n title </text></navLabel>"
         "<content src=\"one.xhtml#start\"/></navPoint></navMap></ncx>\n"});
    TempDir dir;
    fascicle::test::write_file(dir / "book.epub", zip_bytes(entries));
    const ReadBook read = read_epub(dir / "book.epub");
    ASSERT_EQ(read.status, Status::ok) << read.diagnostics.text();
    EXPECT_EQ(read.book.metadata.authors(), std::vector<std::string>{"An Author"});
    EXPECT_EQ(read.book.metadata.date, "2019-05-06");
    ASSERT_EQ(read.book.articles.size(), 1u) << dump(read.book);
    const Article& a = read.book.articles[0];
    EXPECT_EQ(a.title_text(), "The NCX title");
    ASSERT_EQ(a.introduction.size(), 1u);
    EXPECT_EQ(plain_text(a.introduction[0]),
              "No heading:\u00A0the NCX titles it \u2014 \u00E9t\u00E9 &nbsp; &nbsp; &bogus;");
    const auto warnings = read.diagnostics.of(Severity::warning);
    ASSERT_EQ(warnings.size(), 1u) << read.diagnostics.text();
    EXPECT_EQ(warnings[0].format(), (dir / "book.epub").string() +
                                        "(EPUB/one.xhtml):4:95: warning: the entity &bogus; is defined neither by XML "
                                        "nor by XHTML: kept as text");
}

TEST(ReaderMapping, TablesWithPartsSpansAndCaption) {
    const Article a = article_of(
        "<h1>T</h1>\n<table id=\"t1\"><caption>The <em>results</em></caption>"
        "<thead><tr><th>Trial</th><th colspan=\"2\">Result</th></tr></thead>"
        "<tbody><tr><th rowspan=\"2\">1834</th><td align=\"right\">12</td><td style=\"text-align: center\">ok</td></tr>"
        "<tr><td>20</td><td><p>slow</p><p>very</p></td></tr></tbody>"
        "<tfoot><tr><td>Total</td><td colspan=\"2\">3</td></tr></tfoot></table>");
    ASSERT_EQ(a.introduction.size(), 1u) << dump(a);
    const Block& t = a.introduction[0];
    ASSERT_EQ(t.kind, Block::Kind::table);
    EXPECT_EQ(t.attributes.id, "t1");
    EXPECT_EQ(plain_text(t.caption), "The results");
    EXPECT_EQ(t.table.columns.size(), 3u);
    ASSERT_EQ(t.table.head.size(), 1u);
    ASSERT_EQ(t.table.body.size(), 2u);
    ASSERT_EQ(t.table.foot.size(), 1u);
    EXPECT_TRUE(t.table.head[0].cells[0].header);
    EXPECT_EQ(t.table.head[0].cells[1].column_span, 2);
    EXPECT_EQ(t.table.body[0].cells[0].row_span, 2);
    EXPECT_TRUE(t.table.body[0].cells[0].header);
    EXPECT_EQ(t.table.body[0].cells[1].alignment, Alignment::right);
    EXPECT_EQ(t.table.body[0].cells[2].alignment, Alignment::center);
    EXPECT_EQ(t.table.body[1].cells[1].blocks,
              (std::vector<Block>{Block::paragraph("slow"), Block::paragraph("very")}));
    EXPECT_EQ(t.table.foot[0].cells[1].column_span, 2);
}

TEST(ReaderMapping, PackageMetadata) {
    EpubSpec spec{{{"c.xhtml", xhtml("<h1>T</h1>")}},
                  "",
                  "3.0",
                  "    <dc:title id=\"sub\">A Subtitle</dc:title>\n"
                  "    <meta refines=\"#sub\" property=\"title-type\">subtitle</meta>\n"
                  "    <dc:creator id=\"c1\">First Author</dc:creator>\n"
                  "    <meta refines=\"#c1\" property=\"role\" scheme=\"marc:relators\">aut</meta>\n"
                  "    <dc:creator id=\"c2\">An Illustrator</dc:creator>\n"
                  "    <meta refines=\"#c2\" property=\"role\" scheme=\"marc:relators\">ill</meta>\n"
                  "    <dc:creator>Second   Author</dc:creator>\n"
                  "    <dc:identifier>isbn:0000</dc:identifier>\n"
                  "    <dc:date>2021-02-03</dc:date>\n"
                  "    <dc:publisher>P</dc:publisher>\n"
                  "    <dc:description>\n      A description\n      on two lines.\n    </dc:description>\n"
                  "    <dc:rights>R</dc:rights>\n",
                  "",
                  ""};
    const ReadBook read = read_spec(spec);
    ASSERT_EQ(read.status, Status::ok) << read.diagnostics.text();
    Metadata expected;
    expected.title = "Test Book";
    // Every creator, with its role (API 2.0 keeps the illustrator), in document order.
    expected.creators = {{"First Author", "aut", {}}, {"An Illustrator", "ill", {}}, {"Second Author", "aut", {}}};
    expected.language = "en";
    expected.identifier = "urn:uuid:00000000-0000-4000-8000-000000000000";  // the unique-identifier one
    expected.date = "2021-02-03";
    expected.publisher = "P";
    expected.description = "A description on two lines.";
    expected.rights = "R";
    EXPECT_EQ(read.book.metadata, expected) << dump(read.book.metadata);
}

}  // namespace
}  // namespace fascicle::epub::test
