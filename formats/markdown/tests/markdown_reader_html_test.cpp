// HTML blocks read as HTML content (core's html_content, the EPUB reader's mapper): tables with
// spans and paragraphs in cells (pandoc's, split by blank lines), figures, definition lists,
// images, ids that links reach; what the IR cannot hold is reported at its line; HTML that is
// not XML stays raw HTML, verbatim. Each HTML block is kept raw (the Markdown writer writes it
// back as it was): these tests look at what it shows, its children (what other writers write).
#include "markdown_ir.hpp"
#include "read_markdown.hpp"

#include <gtest/gtest.h>

namespace fascicle::markdown::test {
namespace {

// read_markdown, each raw HTML block that shows content replaced by that content.
template <typename... Args>
ReadMarkdown read_shown(const std::string& markdown, Args&&... args) {
    ReadMarkdown read = read_markdown(markdown, std::forward<Args>(args)...);
    for (auto& a : read.book.articles) {
        a.introduction = shown_blocks(std::move(a.introduction));
        for (auto& s : a.sections) s.blocks = shown_blocks(std::move(s.blocks));
    }
    return read;
}

const std::vector<Block>& intro(const ReadMarkdown& read) { return read.book.articles.at(0).introduction; }

std::string repeated(const std::string& s, int n) {
    std::string out;
    for (int k = 0; k < n; ++k) out += s;
    return out;
}

TEST(MarkdownReaderHtml, PandocTableSplitByBlankLinesIsOneTable) {
    auto read = read_shown("# T\n\n<table>\n<thead>\n<tr class=\"header\">\n<th>Fruit</th>\n"
                              "<th style=\"text-align: right;\">Price</th>\n</tr>\n</thead>\n<tbody>\n<tr class=\"odd\">\n"
                              "<td rowspan=\"2\"><p>orange apple</p>\n\n<p>red&nbsp;banana</p></td>\n<td>1</td>\n</tr>\n"
                              "<tr><td>2</td></tr>\n<tr><td colspan=\"2\">yellow</td></tr>\n</tbody>\n</table>\n\nafter\n");
    ASSERT_EQ(read.status, Status::ok);
    EXPECT_EQ(problems(read), "");
    ASSERT_EQ(intro(read).size(), 2u);
    const Block& t = intro(read)[0];
    ASSERT_EQ(t.kind, Block::Kind::table);
    ASSERT_EQ(t.table.columns.size(), 2u);
    ASSERT_EQ(t.table.head.size(), 1u);
    EXPECT_EQ(t.table.head[0].cells.at(1).alignment, Alignment::right);
    EXPECT_TRUE(t.table.head[0].cells[0].header);
    ASSERT_EQ(t.table.body.size(), 3u);
    const TableCell& spanned = t.table.body[0].cells[0];
    EXPECT_EQ(spanned.row_span, 2);
    ASSERT_EQ(spanned.blocks.size(), 2u);
    EXPECT_EQ(plain_text(spanned.blocks[1]), "red\u00A0banana");
    EXPECT_EQ(t.table.body[2].cells[0].column_span, 2);
    EXPECT_EQ(plain_text(intro(read)[1]), "after");
}

TEST(MarkdownReaderHtml, BlankLineInAPreInATableCellKeepsTheTableWhole) {
    // pandoc's code in a cell: after the blank line, "</code></pre></td>" is a Markdown paragraph.
    auto read = read_shown("# T\n\n<table>\n<tr>\n<td><pre><code>foo.md bar.md\n\n</code></pre></td>\n"
                              "<td><pre class=\"sourceCode yaml\"><code>a:\n\n  *b*</code></pre></td>\n</tr>\n</table>\n\n"
                              "after\n");
    ASSERT_EQ(read.status, Status::ok);
    EXPECT_EQ(problems(read), "");
    ASSERT_EQ(intro(read).size(), 2u);
    const Block& t = intro(read)[0];
    ASSERT_EQ(t.kind, Block::Kind::table);
    ASSERT_EQ(t.table.body.size(), 1u);
    ASSERT_EQ(t.table.body[0].cells.size(), 2u);
    const Block& first = t.table.body[0].cells[0].blocks.at(0);
    EXPECT_EQ(first.kind, Block::Kind::code_block);
    EXPECT_EQ(first.text, "foo.md bar.md\n\n");
    const Block& second = t.table.body[0].cells[1].blocks.at(0);
    EXPECT_EQ(second.format, "yaml");
    EXPECT_EQ(second.text, "a:\n\n  *b*");
    EXPECT_EQ(plain_text(intro(read)[1]), "after");
}

TEST(MarkdownReaderHtml, FigureDefinitionListSupAndCode) {
    auto read = read_shown("# T\n\n<figure id=\"fig\">\n<img src=\"https://e.x/a.png\" alt=\"A cat\" />\n"
                              "<figcaption>The <em>cat</em></figcaption>\n</figure>\n\n"
                              "<dl>\n<dt>term</dt>\n<dd>its <sup>2</sup> <code>x &lt; y</code></dd>\n</dl>\n");
    ASSERT_EQ(read.status, Status::ok);
    EXPECT_EQ(problems(read), "");
    ASSERT_EQ(intro(read).size(), 2u);
    const Block& f = intro(read)[0];
    ASSERT_EQ(f.kind, Block::Kind::figure);
    EXPECT_EQ(f.attributes.id, "fig");
    EXPECT_EQ(plain_text(f.caption), "The cat");
    ASSERT_EQ(f.children.size(), 1u);
    ASSERT_EQ(f.children[0].inlines.size(), 1u);
    EXPECT_EQ(f.children[0].inlines[0].kind, Inline::Kind::image);
    EXPECT_EQ(f.children[0].inlines[0].target, "https://e.x/a.png");
    EXPECT_EQ(f.children[0].inlines[0].text, "A cat");
    const Block& dl = intro(read)[1];
    ASSERT_EQ(dl.kind, Block::Kind::definition_list);
    ASSERT_EQ(dl.definitions.size(), 1u);
    EXPECT_EQ(plain_text(dl.definitions[0].term), "term");
    const auto& inlines = dl.definitions[0].definitions.at(0).at(0).inlines;
    ASSERT_EQ(inlines.size(), 4u);
    EXPECT_EQ(inlines[1].kind, Inline::Kind::superscript);
    EXPECT_EQ(inlines[3].kind, Inline::Kind::code);
    EXPECT_EQ(inlines[3].text, "x < y");
}

TEST(MarkdownReaderHtml, VoidElementsAndUpperCaseTagsAreRead) {
    auto read = read_shown("# T\n\n<P>one<BR>two</P>\n<hr>\n");
    ASSERT_EQ(read.status, Status::ok);
    EXPECT_EQ(problems(read), "");
    ASSERT_EQ(intro(read).size(), 2u);
    ASSERT_EQ(intro(read)[0].inlines.size(), 3u);
    EXPECT_EQ(intro(read)[0].inlines[1].kind, Inline::Kind::line_break);
    EXPECT_EQ(intro(read)[1].kind, Block::Kind::thematic_break);
}

TEST(MarkdownReaderHtml, AnchorIdsAreKeptForLinks) {
    auto read = read_shown("# T\n\n<p><span id=\"here\"></span>Target</p>\n\nSee [it](#here).\n");
    ASSERT_EQ(read.status, Status::ok);
    EXPECT_EQ(problems(read), "");
    ASSERT_EQ(intro(read).size(), 2u);
    const auto& target = intro(read)[0].inlines;
    ASSERT_FALSE(target.empty());
    EXPECT_EQ(target[0].kind, Inline::Kind::span);
    EXPECT_EQ(target[0].attributes.id, "here");
}

TEST(MarkdownReaderHtml, WrapperTagsAroundMarkdownLeaveTheirIdsAsAnchors) {
    // pandoc's form of a book's sections and fenced divs: tags alone, Markdown between.
    auto read = read_shown("# T\n\n<div id=\"ch1.xhtml#s1\"\nclass=\"section\">\n\n<section id='inner'>\n\n"
                              "Some *text*.\n\n</section>\n\n</div>\n\n<div class=\"linegroup\">\n\nline\n\n</div>\n\n"
                              "[back](#ch1.xhtml#s1)\n");
    ASSERT_EQ(read.status, Status::ok);
    EXPECT_EQ(problems(read), "");
    // The tags alone show nothing: they stay raw HTML (written back as they were), the rest is
    // what they and the Markdown between show.
    std::vector<Block> blocks;
    std::size_t raw = 0;
    for (const auto& b : intro(read)) {
        if (b.kind == Block::Kind::raw) ++raw;
        else blocks.push_back(b);
    }
    EXPECT_EQ(raw, 4u);
    ASSERT_EQ(blocks.size(), 5u);
    ASSERT_EQ(blocks[0].inlines.size(), 1u);
    EXPECT_EQ(blocks[0].inlines[0].kind, Inline::Kind::span);
    EXPECT_EQ(blocks[0].inlines[0].attributes.id, "ch1.xhtml#s1");
    EXPECT_EQ(blocks[1].inlines.at(0).attributes.id, "inner");
    EXPECT_EQ(plain_text(blocks[2]), "Some text.");
    EXPECT_EQ(plain_text(blocks[3]), "line");
    EXPECT_EQ(plain_text(blocks[4]), "back");
}

TEST(MarkdownReaderHtml, PageBreakSpanKeepsItsIdAndReportsItsTitle) {
    auto read = read_shown("# T\n\ntext\n<span id=\"Page_12\" class=\"pagebreak\" title=\"12\">12</span> more\n");
    ASSERT_EQ(read.status, Status::ok);
    EXPECT_EQ(problems(read), "doc.md:4: warning: 1 title of an HTML <span> left out (its text and other attributes are kept)\n");
    const auto& inlines = intro(read).at(0).inlines;
    ASSERT_EQ(inlines.size(), 3u);
    EXPECT_EQ(inlines[1].kind, Inline::Kind::span);
    EXPECT_EQ(inlines[1].attributes.id, "Page_12");
    EXPECT_EQ(inlines[1].attributes.classes, std::vector<std::string>{"pagebreak"});
}

TEST(MarkdownReaderHtml, InlineLinkWithAnIdLeavesAnAnchorBeforeIt) {
    auto read = read_shown("# T\n\ntext<a href=\"#n2.r\" id=\"n2\" class=\"note-d\"><sup>[2]</sup></a> more\n");
    ASSERT_EQ(read.status, Status::ok);
    EXPECT_EQ(problems(read), "");
    const auto& inlines = intro(read).at(0).inlines;
    ASSERT_EQ(inlines.size(), 4u);
    EXPECT_EQ(inlines[1].kind, Inline::Kind::span);
    EXPECT_EQ(inlines[1].attributes.id, "n2");
    EXPECT_EQ(inlines[2].kind, Inline::Kind::link);
    EXPECT_EQ(inlines[2].target, "#n2.r");
}

TEST(MarkdownReaderHtml, WhatTheIrCannotHoldIsReportedAtItsLine) {
    auto read = read_shown("# T\n\n<div>\n<p>text</p>\n<iframe src=\"https://e.x/\"></iframe>\n</div>\n\n"
                              "<h2 id=\"h\">Heading</h2>\n\n<p><img src=\"../outside.png\" alt=\"out\"/></p>\n\n"
                              "<p>\n<img src=\"no-such-file.png\" alt=\"gone\">\n</p>\n");
    ASSERT_EQ(read.status, Status::ok);
    EXPECT_EQ(problems(read),
              "doc.md:5: warning: 1 <iframe> element left out\n"
              "doc.md:8: warning: 1 HTML heading kept as a paragraph (a heading in an HTML block cannot start a "
              "section)\n"
              "doc.md:10: warning: 1 out-of-folder image refused (the path leaves the input's folder): the "
              "description is kept as text\n"
              "doc.md:13: warning: 1 missing image file kept as images of their paths, with no file\n");
    ASSERT_EQ(intro(read).size(), 4u);
    ASSERT_EQ(intro(read)[3].inlines.size(), 1u);
    EXPECT_EQ(intro(read)[3].inlines[0].kind, Inline::Kind::image);
    EXPECT_EQ(intro(read)[3].inlines[0].target, "no-such-file.png");
    EXPECT_EQ(plain_text(intro(read)[0]), "text");
    EXPECT_EQ(intro(read)[1].attributes.id, "h");
    EXPECT_EQ(plain_text(intro(read)[1]), "Heading");
    EXPECT_EQ(plain_text(intro(read)[2]), "out");
}

TEST(MarkdownReaderHtml, FragmentsThatAreNotXmlOrHoldNoContentStayRaw) {
    // A bare attribute, an element left open around Markdown, a script alone.
    const std::string markdown = "# T\n\n<input checked>\n\n<details>\n<summary>S</summary>\n\n"
                                 "*md*\n\n</details>\n\n<script>let a = 1;</script>\n";
    auto read = read_shown(markdown);
    ASSERT_EQ(read.status, Status::ok);
    EXPECT_EQ(problems(read), "");
    const auto& blocks = intro(read);
    ASSERT_EQ(blocks.size(), 5u);
    EXPECT_EQ(blocks[0].text, "<input checked>");
    EXPECT_EQ(blocks[1].text, "<details>\n<summary>S</summary>");
    EXPECT_EQ(blocks[2].kind, Block::Kind::paragraph);
    EXPECT_EQ(blocks[3].text, "</details>");
    EXPECT_EQ(blocks[4].text, "<script>let a = 1;</script>");
    for (int k : {0, 1, 3, 4}) {
        EXPECT_EQ(blocks[static_cast<std::size_t>(k)].kind, Block::Kind::raw) << k;
        EXPECT_EQ(blocks[static_cast<std::size_t>(k)].format, "html") << k;
    }
}

TEST(MarkdownReaderHtml, AnAmpersandOrLessThanThatStartsNothingIsText) {
    // As HTML reads them (the GFM spec's "&hl;" example, a query's "&"): not a reason to keep the block raw.
    const std::string markdown = "# T\n\n<p>\n<a href=\"http://x.org/?q=a&hl=en\">q&hl=en</a> &bogus; a < b &amp; &eacute;\n</p>\n";
    auto read = read_shown(markdown);
    ASSERT_EQ(read.status, Status::ok);
    EXPECT_EQ(problems(read), "");
    ASSERT_EQ(intro(read).size(), 1u);
    const Block& p = intro(read)[0];
    ASSERT_EQ(p.kind, Block::Kind::paragraph);
    ASSERT_FALSE(p.inlines.empty());
    EXPECT_EQ(p.inlines[0].kind, Inline::Kind::link);
    EXPECT_EQ(p.inlines[0].target, "http://x.org/?q=a&hl=en");
    EXPECT_EQ(plain_text(p.inlines), "q&hl=en &bogus; a < b & \u00e9");
}

TEST(MarkdownReaderHtml, NestingBeyondTheLimitStaysRaw) {
    const std::string deep = repeated("<div>", 150) + "deep" + repeated("</div>", 150);
    auto read = read_shown("# T\n\n" + deep + "\n");
    ASSERT_EQ(read.status, Status::ok);
    EXPECT_EQ(problems(read), "");
    ASSERT_EQ(intro(read).size(), 1u);
    EXPECT_EQ(intro(read)[0].kind, Block::Kind::raw);
    EXPECT_EQ(intro(read)[0].text, deep);
}

}  // namespace
}  // namespace fascicle::markdown::test
