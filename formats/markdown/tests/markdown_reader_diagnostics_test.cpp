// What the reader reports, and where: errors that stop it (bad bytes, a bad metadata block, nesting
// beyond the limit, bad options) and warnings for what it keeps differently (missing images,
// headings in quotes, unbalanced inline HTML, text outside articles); HTML kept as raw HTML.
#include "hostile_text.hpp"
#include "nested_heading.hpp"
#include "read_markdown.hpp"

#include <gtest/gtest.h>

#include <random>

namespace fascicle::markdown::test {
namespace {

// The article's introduction as plain text, one paragraph (or code block) a line.
std::string introduction_text(const Article& a) {
    std::string out;
    for (const auto& b : a.introduction) out += plain_text(b) + "\n";
    return out;
}

std::string repeated(const std::string& s, int n) {
    std::string out;
    for (int k = 0; k < n; ++k) out += s;
    return out;
}

TEST(MarkdownReaderErrors, InvalidUtf8IsAnErrorAtItsLineAndColumn) {
    auto read = read_markdown("# Title\n\nfine text\nbad \xC3\x28 byte\n");
    EXPECT_EQ(read.status, Status::failed);
    EXPECT_TRUE(read.book.articles.empty());
    EXPECT_EQ(problems(read), "doc.md:4:5: error: the byte 0xC3 does not begin a valid UTF-8 sequence: expected UTF-8 text\n");
}

TEST(MarkdownReaderErrors, InvalidUtf8InTheMetadataBlockToo) {
    auto read = read_markdown("---\ntitle: caf\xE9\n---\n# T\n");
    EXPECT_EQ(read.status, Status::failed);
    EXPECT_EQ(problems(read), "doc.md:2:11: error: the byte 0xE9 does not begin a valid UTF-8 sequence: expected UTF-8 text\n");
}

TEST(MarkdownReaderErrors, NulByteIsAnError) {
    auto read = read_markdown(std::string("# T\r\n\r\nab\0c\r\n", 13));
    EXPECT_EQ(read.status, Status::failed);
    EXPECT_EQ(problems(read), "doc.md:3:3: error: a NUL byte in the text (is the file UTF-16 or binary?): expected UTF-8 text\n");
}

TEST(MarkdownReaderErrors, BadYamlIsAnErrorAtItsLine) {
    auto unterminated = read_markdown("---\ntitle: \"Field Notes\nauthor: Ada\n---\n\n# T\n\ntext\n");
    EXPECT_EQ(unterminated.status, Status::failed);
    EXPECT_TRUE(unterminated.book.articles.empty());
    EXPECT_EQ(problems(unterminated),
              "doc.md:4:1: error: the metadata block is not valid YAML: found unexpected end of stream (while scanning "
              "a quoted scalar at line 2:8)\n");

    auto indented = read_markdown("---\ntitle: Notes\n  author: Ada\nlang: en\n---\n\n# T\n");
    EXPECT_EQ(indented.status, Status::failed);
    EXPECT_EQ(problems(indented),
              "doc.md:3:9: error: the metadata block is not valid YAML: mapping values are not allowed in this context\n");

    auto flow = read_markdown("---\ntitle: Notes\nauthor: [Ada, Emilie\n---\n# T\n");
    EXPECT_EQ(flow.status, Status::failed);
    EXPECT_EQ(problems(flow),
              "doc.md:4:1: error: the metadata block is not valid YAML: did not find expected ',' or ']' (while parsing a "
              "flow sequence at line 3:9)\n");
}

TEST(MarkdownReaderErrors, MetadataBlockOnlyWhereTheLinesBeginAMapping) {
    // Lines that begin no YAML mapping ("key:") are Markdown: a thematic break, a list, a setext
    // heading's underline, as CommonMark reads them.
    auto list = read_markdown("---\n- a list\n- of things\n---\n\n# T\n");
    EXPECT_EQ(list.status, Status::ok);
    EXPECT_EQ(problems(list), "");
    EXPECT_EQ(list.book.metadata.title, "");
    // A block that begins a mapping must be one.
    auto broken = read_markdown("---\ntitle: x\n- a list\n---\n\n# T\n");
    EXPECT_EQ(broken.status, Status::failed);
    EXPECT_EQ(problems(broken).substr(0, 52), "doc.md:3:1: error: the metadata block is not valid Y");
}

TEST(MarkdownReaderWarnings, MetadataValuesFascicleCannotHold) {
    auto read = read_markdown("---\ntitle:\n  main: A\n  sub: B\nauthor:\n  - Ada\n  - [x, y]\n  - name: Emilie\nkeywords: [paper, ink]\n---\n\n# T\n");
    EXPECT_EQ(read.status, Status::ok);
    EXPECT_EQ(problems(read),
              "doc.md:3:3: warning: the metadata key 'title' holds a mapping, which Fascicle metadata cannot hold: it is ignored\n"
              "doc.md:7:5: warning: an item of the metadata key 'author' holds a list, which Fascicle metadata cannot hold: "
              "it is ignored\n");
    EXPECT_EQ(read.book.metadata.authors(), (std::vector<std::string>{"Ada", "Emilie"}));
    EXPECT_EQ(read.book.metadata.get("keywords"), "paper; ink");
    EXPECT_EQ(read.book.metadata.title, "");  // "# T" is the one article's title, not the book's
    EXPECT_EQ(read.book.articles.at(0).title_text(), "T");
}

TEST(MarkdownReaderWarnings, UnclosedMetadataBlockIsReadAsMarkdown) {
    auto read = read_markdown("---\ntitle: Notes\n\n# T\n\ntext\n");
    EXPECT_EQ(read.status, Status::ok);
    EXPECT_EQ(problems(read),
              "doc.md:1: warning: this \"---\" looks like the start of a YAML metadata block, but no line \"---\" or "
              "\"...\" closes it: it is read as Markdown (a thematic break)\n");
    // The text before the heading is an untitled article of its own, where it stood.
    ASSERT_EQ(read.book.articles.size(), 2u);
    EXPECT_TRUE(read.book.articles[0].title.empty());
    EXPECT_EQ(read.book.articles[0].introduction.at(0).kind, Block::Kind::thematic_break);
    EXPECT_EQ(introduction_text(read.book.articles[0]), "\ntitle: Notes\n");
    EXPECT_EQ(read.book.articles[1].title_text(), "T");
    EXPECT_EQ(introduction_text(read.book.articles[1]), "text\n");
}

TEST(MarkdownReaderWarnings, HtmlBlocksAreReadAsHtmlOrKeptVerbatim) {
    auto read = read_markdown("# T\n\nbefore\n\n<div class=\"note\">\nKeep *me*\n</div>\n\n<!-- -->\n\n<!-- a remark -->\n\nafter\n");
    ASSERT_EQ(read.status, Status::ok);
    EXPECT_EQ(problems(read), "");
    ASSERT_EQ(read.book.articles.size(), 1u);
    const auto& blocks = read.book.articles[0].introduction;
    ASSERT_EQ(blocks.size(), 5u);
    // Kept verbatim; what it shows, as CommonMark renders it (its text is not Markdown), for
    // the writers of other formats.
    EXPECT_EQ(blocks[1].kind, Block::Kind::raw);
    EXPECT_EQ(blocks[1].text, "<div class=\"note\">\nKeep *me*\n</div>");
    ASSERT_EQ(blocks[1].children.size(), 1u);
    EXPECT_EQ(blocks[1].children[0].kind, Block::Kind::division);
    EXPECT_EQ(blocks[1].children[0].attributes.classes, std::vector<std::string>{"note"});
    EXPECT_EQ(plain_text(blocks[1]), "Keep *me*");
    // A comment shows nothing: it stays HTML alone (the empty one too, which separates lists).
    EXPECT_EQ(blocks[2].kind, Block::Kind::raw);
    EXPECT_EQ(blocks[2].text, "<!-- -->");
    EXPECT_EQ(blocks[3].kind, Block::Kind::raw);
    EXPECT_EQ(blocks[3].text, "<!-- a remark -->");
    EXPECT_TRUE(blocks[3].children.empty());
}

TEST(MarkdownReaderWarnings, InlineHtmlTagsMapOrStayRaw) {
    auto read = read_markdown("# T\n\nH<sub>2</sub>O and <kbd class=x>this</kbd>,\n"
                              "<em>kept</em> <b>bold</b> <a href=\"https://e.x/?a=1&amp;b=2\">link</a> line<br>break\n");
    ASSERT_EQ(read.status, Status::ok);
    EXPECT_EQ(problems(read), "");
    ASSERT_EQ(read.book.articles.size(), 1u);
    const auto& inlines = read.book.articles[0].introduction.at(0).inlines;
    EXPECT_EQ(plain_text(inlines), "H2O and this, kept bold link line\nbreak");
    std::vector<Inline::Kind> kinds;
    for (const auto& i : inlines) kinds.push_back(i.kind);
    using K = Inline::Kind;
    EXPECT_EQ(kinds, (std::vector<K>{K::text, K::subscript, K::text, K::raw, K::text, K::raw, K::text, K::emphasis,
                                     K::text, K::strong, K::text, K::link, K::text, K::line_break, K::text}));
    EXPECT_EQ(inlines[3].text, "<kbd class=x>");
    EXPECT_EQ(inlines[3].format, "html");
    EXPECT_EQ(inlines[11].target, "https://e.x/?a=1&b=2");
}

TEST(MarkdownReaderWarnings, UnbalancedInlineHtmlStaysRaw) {
    auto read = read_markdown("# T\n\nan <em>open tag and a </strong> close\n");
    ASSERT_EQ(read.status, Status::ok);
    EXPECT_EQ(problems(read), "");
    EXPECT_EQ(introduction_text(read.book.articles.at(0)), "an open tag and a  close\n");
    const auto& inlines = read.book.articles[0].introduction.at(0).inlines;
    std::vector<std::string> raw;
    for (const auto& i : inlines)
        if (i.kind == Inline::Kind::raw) raw.push_back(i.text);
    EXPECT_EQ(raw, (std::vector<std::string>{"<em>", "</strong>"}));
}

TEST(MarkdownReaderWarnings, MissingImagesStayImagesOfTheirPaths) {
    auto read = read_markdown("# T\n\nSee ![a *red* mill](mill.png) and ![](empty.png).\n");
    ASSERT_EQ(read.status, Status::ok);
    EXPECT_EQ(problems(read), "doc.md:3: warning: 2 missing image files kept as images of their paths, with no file (the "
                              "first is here)\n");
    EXPECT_EQ(introduction_text(read.book.articles.at(0)), "See a red mill and .\n");
    EXPECT_EQ(read.book.articles[0].introduction[0].inlines.at(1).kind, Inline::Kind::image);
    EXPECT_EQ(read.book.articles[0].introduction[0].inlines.at(1).target, "mill.png");
}

TEST(MarkdownReaderWarnings, CommonMarkReadsGfmSyntaxAsText) {
    const std::string markdown = "# T\n\nA ~~struck~~ word.\n\n| a | b |\n|---|---|\n| 1 | `2` |\n";
    auto commonmark = read_markdown(markdown);
    EXPECT_EQ(problems(commonmark), "");
    EXPECT_EQ(introduction_text(commonmark.book.articles.at(0)), "A ~~struck~~ word.\n| a | b | |---|---| | 1 | 2 |\n");
}

TEST(MarkdownReaderWarnings, HeadingInsideAQuoteIsAHeadingDivision) {
    auto read = read_markdown("# T\n\ntext\n\n> ## Quoted heading\n>\n> quoted text\n");
    ASSERT_EQ(read.status, Status::ok);
    EXPECT_EQ(problems(read), "");
    const auto& quote = read.book.articles.at(0).introduction.at(1);
    EXPECT_EQ(plain_text(quote), "Quoted heading\nquoted text");
    const Block& heading = quote.children.at(0);
    EXPECT_EQ(heading.kind, Block::Kind::division);
    EXPECT_EQ(nested_heading_level(heading), 2);
}

// Nesting is limited (max_nesting, 100) so that no reader or writer recursion can exhaust the
// stack; cmark itself builds any depth.
TEST(MarkdownReaderLimits, QuotesNestedToTheLimitAreRead) {
    auto read = read_markdown("# T\n\ntext\n\n" + repeated(">", 100) + " deep\n");
    ASSERT_EQ(read.status, Status::ok) << read.diagnostics.text();
    const Block* b = &read.book.articles.at(0).introduction.at(1);
    int depth = 0;
    for (; b->kind == Block::Kind::block_quote; b = &b->children.at(0)) ++depth;
    EXPECT_EQ(depth, 100);
    EXPECT_EQ(plain_text(b->inlines), "deep");
}

TEST(MarkdownReaderLimits, QuotesNestedBeyondTheLimitAreAnError) {
    for (int depth : {101, 100'000}) {
        auto read = read_markdown("# T\n\ntext\n\n" + repeated(">", depth) + " deep\n");
        EXPECT_EQ(read.status, Status::failed) << depth;
        EXPECT_TRUE(read.book.articles.empty());
        EXPECT_EQ(problems(read), "doc.md:5:101: error: block quotes and lists are nested more than 100 levels deep "
                                  "here: Fascicle reads at most 100 (--max-nesting N raises the limit)\n")
            << depth;
    }
}

TEST(MarkdownReaderLimits, ListsNestedBeyondTheLimitAreAnError) {
    std::string markdown = "# T\n\n";
    for (int k = 0; k < 300; ++k) markdown += std::string(std::size_t(k) * 2, ' ') + "- item\n";
    auto read = read_markdown(markdown);
    EXPECT_EQ(read.status, Status::failed);
    EXPECT_NE(problems(read).find("error: block quotes and lists are nested more than 100 levels deep here"),
              std::string::npos)
        << problems(read);
}

TEST(MarkdownReaderLimits, InlinesNestedBeyondTheLimitAreAnError) {
    auto emphasis = read_markdown("# T\n\n" + repeated("*", 5000) + "deep" + repeated("*", 5000) + "\n");
    EXPECT_EQ(emphasis.status, Status::failed);
    EXPECT_NE(problems(emphasis).find("doc.md:3:"), std::string::npos);
    EXPECT_NE(problems(emphasis).find("error: emphasis, strong and links are nested more than 100 levels deep here"),
              std::string::npos)
        << problems(emphasis);

    auto html = read_markdown("# T\n\n" + repeated("<em>", 500) + "deep" + repeated("</em>", 500) + "\n");
    EXPECT_EQ(html.status, Status::failed);
    EXPECT_EQ(problems(html), "doc.md:3:401: error: emphasis, strong and links are nested more than 100 levels deep "
                              "here: Fascicle reads at most 100 (--max-nesting N raises the limit)\n");
}

// Seeded random documents of block starts, HTML, punctuation and text: the reader never fails on
// valid UTF-8 without NUL, and gives at most articles (no crash, no error).
TEST(MarkdownReaderLimits, RandomDocumentsAreRead) {
    std::mt19937 random(424242);
    const std::vector<std::string> starts = {"# ", "## ", "### ", "> ", "- ", "1. ", "    ", "```\n", "<div>\n",
                                             "<em>", "</em>", "---\n", "| a | b |\n|---|---|\n", "", "", ""};
    for (int round = 0; round < 400; ++round) {
        std::string markdown = "Text first, so that no metadata block opens the document.\n";
        for (int line = 0; line < 12; ++line) {
            markdown += starts[std::uniform_int_distribution<std::size_t>(0, starts.size() - 1)(random)];
            std::string text = random_text(random, 30);
            for (auto& c : text)
                if (c == '\0') c = ' ';
            markdown += text + "\n";
        }
        for (const char* flavor : {"commonmark", "gfm"}) {
            auto read = read_markdown(markdown, {{"markdown-flavor", flavor}});
            ASSERT_EQ(read.status, Status::ok) << flavor << "\n" << markdown << "\n" << read.diagnostics.text();
            ASSERT_EQ(read.diagnostics.error_count(), 0u) << markdown;
        }
    }
}

TEST(MarkdownReaderErrors, BadOptionValues) {
    auto level = read_markdown("# T\n", {{"markdown-article-level", "0"}});
    EXPECT_EQ(level.status, Status::bad_options);
    EXPECT_EQ(problems(level), "error: --markdown-article-level must be a heading level from 1 to 6, not '0'\n");
    auto flavor = read_markdown("# T\n", {{"markdown-flavor", "markdown"}});
    EXPECT_EQ(flavor.status, Status::bad_options);
    EXPECT_NE(problems(flavor).find("--markdown-flavor must be commonmark or gfm, not 'markdown'"), std::string::npos);
}

TEST(MarkdownReaderWarnings, EmptyDocumentGivesNoArticle) {
    for (const char* text : {"", "\n\n", "---\ntitle: Only metadata\n---\n"}) {
        auto read = read_markdown(text);
        EXPECT_EQ(read.status, Status::ok);
        EXPECT_TRUE(read.book.articles.empty());
        EXPECT_EQ(problems(read), "doc.md: warning: the document holds no text: it gives no article\n");
    }
}

}  // namespace
}  // namespace fascicle::markdown::test
