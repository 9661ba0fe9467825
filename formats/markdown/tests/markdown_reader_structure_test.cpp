// How a document's headings and blocks become the IR: the book's title, articles, sections,
// summary and conclusion, ids, the metadata block, and each block and inline kind.
#include "read_markdown.hpp"

#include <gtest/gtest.h>

namespace fascicle::markdown::test {
namespace {

std::vector<std::string> titles(const Book& book) {
    std::vector<std::string> out;
    for (const auto& a : book.articles) out.push_back(a.title_text());
    return out;
}

std::vector<std::string> ids(const Book& book) {
    std::vector<std::string> out;
    for (const auto& a : book.articles) out.push_back(a.id);
    return out;
}

// "title{sub1{...},sub2}" for each section, for compact assertions on the outline.
std::string outline(const std::vector<Section>& sections) {
    std::string out;
    for (const auto& s : sections) {
        if (!out.empty()) out += ",";
        out += s.id;
        if (!s.subsections.empty()) out += "{" + outline(s.subsections) + "}";
    }
    return out;
}

ReadMarkdown read_ok(const std::string& markdown, const Options& options = {}) {
    ReadMarkdown read = read_markdown(markdown, options);
    EXPECT_EQ(read.status, Status::ok) << read.diagnostics.text();
    return read;
}

using Strings = std::vector<std::string>;

TEST(MarkdownReaderHeadings, OneTopHeadingIsOneArticle) {
    auto read = read_ok("# Notes\n\nIntro.\n\n## First\n\nText.\n\n### Detail\n\nMore.\n\n## Second\n\nText.\n");
    EXPECT_EQ(problems(read), "");
    ASSERT_EQ(read.book.articles.size(), 1u);
    const Article& a = read.book.articles[0];
    EXPECT_EQ(a.title_text(), "Notes");
    EXPECT_EQ(a.id, "doc");  // the file's name: one article
    EXPECT_EQ(outline(a.sections), "first{detail},second");
    EXPECT_EQ(read.book.metadata.title, "");
}

// Our writer's anchors carry ids: "<article>" on an article heading, "<article>.<section>" on
// a section heading of a whole book; without one, ids are made from the titles.
TEST(MarkdownReaderHeadings, HeadingAnchorsGiveTheIds) {
    auto read = read_ok("# The Book\n\n## <a id=\"000_x\"></a>One\n\n### <a id=\"000_x.custom\"></a>Made by *hand*\n\n"
                        "Text <a id=\"000_x.p\"></a>kept.\n\n### Plain\n\nText.\n\n"
                        "## Two\n\n### <a name=\"old-style\"></a>S\n\nText.\n\n### S\n\nText.\n");
    EXPECT_EQ(problems(read), "");  // anchors are dropped without a word
    EXPECT_EQ(ids(read.book), (Strings{"000_x", "two"}));
    EXPECT_EQ(outline(read.book.articles.at(0).sections), "custom,plain");
    EXPECT_EQ(outline(read.book.articles.at(1).sections), "old-style,s");
    EXPECT_EQ(read.book.articles[0].sections[0].title_text(), "Made by hand");
    EXPECT_EQ(plain_text(read.book.articles[0].sections[0].blocks.at(0)), "Text kept.");

    // One article: its anchor wins over the file name; section anchors are the ids as they are.
    auto split = read_ok("# <a id=\"the-anchors\"></a>A\n\n## <a id=\"s-1\"></a>S\n\nText.\n\n## <a id=\"s-1\"></a>T\n\nText.\n");
    EXPECT_EQ(problems(split), "");
    EXPECT_EQ(ids(split.book), (Strings{"the-anchors"}));
    EXPECT_EQ(outline(split.book.articles.at(0).sections), "s-1,s-1-2");  // made unique
}

TEST(MarkdownReaderHeadings, BookTitleThenArticlesAsOurWriterWritesThem) {
    auto read = read_ok("# The Book\n\n## One\n\n> Summary.\n\nIntro.\n\n### S\n\nText.\n\n"
                        "## Two\n\n### S\n\nText.\n\n### Conclusion\n\nEnd.\n");
    EXPECT_EQ(problems(read), "");
    EXPECT_EQ(read.book.metadata.title, "The Book");
    EXPECT_EQ(titles(read.book), (Strings{"One", "Two"}));
    EXPECT_EQ(ids(read.book), (Strings{"one", "two"}));
    EXPECT_EQ(plain_text(read.book.articles[0].summary.at(0)), "Summary.");
    EXPECT_EQ(read.book.articles[1].conclusion.size(), 1u);
}

// Text between the top heading and the next makes it an article: our split files, pandoc's chapters.
TEST(MarkdownReaderHeadings, TopHeadingWithTextUnderItIsAnArticle) {
    auto split = read_ok("# Article\n\n> Summary.\n\nIntro.\n\n## S\n\nText.\n\n### Sub\n\nText.\n");
    EXPECT_EQ(titles(split.book), (Strings{"Article"}));
    EXPECT_EQ(outline(split.book.articles[0].sections), "s{sub}");

    auto chapters = read_ok("# One\n\nText.\n\n## S\n\nText.\n\n# Two\n\nText.\n");
    EXPECT_EQ(titles(chapters.book), (Strings{"One", "Two"}));
    EXPECT_EQ(chapters.book.metadata.title, "");
}

TEST(MarkdownReaderHeadings, ShallowestLevelUsedCounts) {
    auto read = read_ok("### One\n\nText.\n\n#### S\n\nText.\n\n### Two\n\nText.\n");
    EXPECT_EQ(titles(read.book), (Strings{"One", "Two"}));
    EXPECT_EQ(outline(read.book.articles[0].sections), "s");
}

TEST(MarkdownReaderHeadings, SetextHeadingsCount) {
    auto read = read_ok("Book\n====\n\nArticle\n-------\n\nText.\n\n### Section\n\nText.\n");
    EXPECT_EQ(read.book.metadata.title, "Book");
    EXPECT_EQ(titles(read.book), (Strings{"Article"}));
}

TEST(MarkdownReaderHeadings, ArticleLevelOption) {
    const std::string markdown = "# Part One\n\n## Chapter A\n\nText.\n\n### S\n\nText.\n\n# Part Two\n\nPart text.\n\n"
                                 "## Chapter B\n\nText.\n";
    auto auto_levels = read_ok(markdown);
    EXPECT_EQ(titles(auto_levels.book), (Strings{"Part One", "Part Two"}));

    auto by_option = read_ok(markdown, {{"markdown-article-level", "2"}});
    EXPECT_EQ(by_option.book.metadata.title, "Part One");  // the heading that opens the document
    EXPECT_EQ(titles(by_option.book), (Strings{"Chapter A", "Chapter B"}));
    EXPECT_EQ(problems(by_option),
              "doc.md:11:1: warning: the heading \"Part Two\" is above the article level (2) and is not the book's title: "
              "Fascicle has no parts, so it is dropped and what follows it continues the article before it "
              "(--markdown-article-level sets the level)\n");
    // "Part text." continues the section before the dropped heading.
    EXPECT_EQ(by_option.book.articles[0].sections.at(0).blocks.size(), 2u);

    auto one = read_ok("# Title\n\n## Introduction\n\nText.\n\n## Methods\n\nText.\n", {{"markdown-article-level", "1"}});
    EXPECT_EQ(titles(one.book), (Strings{"Title"}));
}

TEST(MarkdownReaderHeadings, NoHeadingIsOneUntitledArticle) {
    auto read = read_ok("---\ntitle: Loose Notes\n---\n\nJust text.\n\n> And a quote.\n");
    EXPECT_EQ(problems(read), "");
    ASSERT_EQ(read.book.articles.size(), 1u);
    EXPECT_TRUE(read.book.articles[0].title.empty());  // no heading: written back, none
    EXPECT_EQ(read.book.metadata.title, "Loose Notes");
    EXPECT_EQ(read.book.articles[0].id, "doc");
    EXPECT_TRUE(read.book.articles[0].summary.empty());
    EXPECT_EQ(read.book.articles[0].introduction.size(), 2u);
}

TEST(MarkdownReaderHeadings, TextBeforeTheFirstHeadingIsAnUntitledArticle) {
    auto read = read_ok("Preface.\n\n# One\n\n> Summary.\n\nIntro.\n\n# Two\n\nText.\n");
    EXPECT_EQ(problems(read), "");
    EXPECT_EQ(titles(read.book), (Strings{"", "One", "Two"}));
    ASSERT_EQ(read.book.articles[0].introduction.size(), 1u);
    EXPECT_EQ(plain_text(read.book.articles[0].introduction[0]), "Preface.");
    const Article& one = read.book.articles[1];
    EXPECT_EQ(plain_text(one.summary.at(0)), "Summary.");
    ASSERT_EQ(one.introduction.size(), 1u);
    EXPECT_EQ(plain_text(one.introduction[0]), "Intro.");
}

TEST(MarkdownReaderHeadings, SectionsBeforeTheFirstArticleMakeAnUntitledArticle) {
    auto read = read_ok("## Orphan\n\nText.\n\n# One\n\nText.\n");
    EXPECT_EQ(problems(read), "");
    EXPECT_EQ(titles(read.book), (Strings{"", "One"}));
    EXPECT_EQ(ids(read.book), (Strings{"doc", "one"}));
}

TEST(MarkdownReaderHeadings, SummaryIsOnlyAQuoteRightAfterTheHeading) {
    auto read = read_ok("# A\n\nIntro.\n\n> A quote, not a summary.\n\n## S\n\n> Quoted in a section.\n");
    const Article& a = read.book.articles.at(0);
    EXPECT_TRUE(a.summary.empty());
    EXPECT_EQ(a.introduction.at(1).kind, Block::Kind::block_quote);
    EXPECT_EQ(a.sections.at(0).blocks.at(0).kind, Block::Kind::block_quote);
}

TEST(MarkdownReaderHeadings, ConclusionIsTheLastSectionSoTitled) {
    auto read = read_ok("# A\n\n## Conclusion\n\nNot the last.\n\n## S\n\nText.\n\n## Conclusion\n\nThe end.\n");
    const Article& a = read.book.articles.at(0);
    EXPECT_EQ(outline(a.sections), "conclusion,s");
    ASSERT_EQ(a.conclusion.size(), 1u);
    EXPECT_EQ(plain_text(a.conclusion[0]), "The end.");

    auto with_subsections = read_ok("# A\n\n## Conclusion\n\nText.\n\n### More\n\nText.\n");
    EXPECT_TRUE(with_subsections.book.articles.at(0).conclusion.empty());

    auto titled = read_ok("---\nconclusion-title: Fazit\n---\n\n# A\n\n## S\n\nText.\n\n## Fazit\n\nEnde.\n");
    EXPECT_EQ(titled.book.articles.at(0).conclusion.size(), 1u);
    EXPECT_EQ(titled.book.metadata.extra.at("conclusion-title"), "Fazit");
}

TEST(MarkdownReaderHeadings, IdsAreUniqueSlugs) {
    auto read = read_ok("# Same\n\n## A b\n\nx\n\n### A b\n\nx\n\n## A-B\n\nx\n\n# Same\n\nx\n\n# ***\n\nx\n");
    EXPECT_EQ(ids(read.book), (Strings{"same", "same-2", "section"}));
    EXPECT_EQ(outline(read.book.articles[0].sections), "a-b{a-b-2},a-b-3");
}

TEST(MarkdownReaderMetadata, BlockKeysBecomeBookMetadata) {
    auto read = read_ok(
        "---\n"
        "title: \"Field \\\"Notes\\\" \\u00E9\"\n"
        "author: Ada Lovelace\n"
        "lang: en-GB\n"
        "date: 2024-05-01\n"
        "identifier: 'urn:isbn:123'\n"
        "publisher: Fascicle\n"
        "abstract: |\n"
        "  Two lines\n"
        "  of abstract.\n"
        "rights: ~\n"
        "subtitle: On paper\n"
        "...\n"
        "\n# A\n\nText.\n");
    EXPECT_EQ(problems(read), "");
    const Metadata& m = read.book.metadata;
    EXPECT_EQ(m.title, "Field \"Notes\" é");
    EXPECT_EQ(m.authors(), (Strings{"Ada Lovelace"}));
    EXPECT_EQ(m.language, "en-GB");
    EXPECT_EQ(m.date, "2024-05-01");
    EXPECT_EQ(m.identifier, "urn:isbn:123");
    EXPECT_EQ(m.publisher, "Fascicle");
    EXPECT_EQ(m.description, "Two lines\nof abstract.\n");
    EXPECT_EQ(m.rights, "");
    EXPECT_EQ(m.subtitle, "On paper");

    auto authors = read_ok("---\nauthors: A; B\n---\n# T\n");
    EXPECT_EQ(authors.book.metadata.authors(), (Strings{"A", "B"}));
    // The block's lines keep their numbers: the image is on line 4.
    auto nested = read_markdown("---\ntitle: x\n---\n![h](../h.png)\n");
    EXPECT_EQ(problems(nested).substr(0, 9), "doc.md:4:");
}

TEST(MarkdownReaderMetadata, ByteOrderMarkAndCrLf) {
    auto read = read_ok("\xEF\xBB\xBF---\r\ntitle: T\r\n---\r\n\r\n# A\r\n\r\nText\r\nwrapped.\r\n");
    EXPECT_EQ(read.book.metadata.title, "T");
    ASSERT_EQ(read.book.articles.size(), 1u);
    EXPECT_EQ(plain_text(read.book.articles[0].introduction.at(0)), "Text wrapped.");
}

TEST(MarkdownReaderBlocks, ListsQuotesAndCode) {
    auto read = read_ok("# A\n\nIntro.\n\n3. three\n4. four\n\n- a\n\n  second paragraph\n- b\n  - nested\n\n"
                        "> quoted\n>\n> > deeper\n\n```python\nprint(1)\n\n```\n\n    indented\n\n***\n\n- \n");
    EXPECT_EQ(problems(read), "");
    const auto& blocks = read.book.articles.at(0).introduction;
    ASSERT_EQ(blocks.size(), 8u) << dump(read.book);
    EXPECT_TRUE(blocks[1].ordered);
    EXPECT_EQ(blocks[1].start, 3);
    EXPECT_EQ(blocks[1].items.size(), 2u);
    EXPECT_FALSE(blocks[2].ordered);
    ASSERT_EQ(blocks[2].items.size(), 2u);
    EXPECT_EQ(blocks[2].items[0].size(), 2u);
    EXPECT_EQ(blocks[2].items[1].at(1).kind, Block::Kind::list);
    EXPECT_EQ(blocks[3].kind, Block::Kind::block_quote);
    EXPECT_EQ(blocks[3].children.at(1).kind, Block::Kind::block_quote);
    EXPECT_EQ(blocks[4].kind, Block::Kind::code_block);
    // The line end after the last line is not the code's, but for code ending in blank lines
    // (writers drop one final line end, which would take a blank line with it).
    EXPECT_EQ(blocks[4].text, "print(1)\n\n");
    EXPECT_EQ(blocks[5].text, "indented");
    EXPECT_EQ(blocks[6].kind, Block::Kind::thematic_break);
    EXPECT_EQ(blocks[7].items.size(), 1u);
    EXPECT_TRUE(blocks[7].items[0].empty());
}

TEST(MarkdownReaderInlines, EachKind) {
    auto read = read_ok("# A\n\nPlain *em* **strong** `co de` [link *x*](http://e.x/a?b=1&c=2 \"title\") "
                        "<https://auto.link> hard\\\nbreak soft\nbreak \\*escaped\\* &amp; &copy;\n");
    EXPECT_EQ(problems(read), "");
    const auto& inlines = read.book.articles.at(0).introduction.at(0).inlines;
    using K = Inline::Kind;
    std::vector<K> kinds;
    for (const auto& i : inlines) kinds.push_back(i.kind);
    EXPECT_EQ(kinds, (std::vector<K>{K::text, K::emphasis, K::text, K::strong, K::text, K::code, K::text, K::link,
                                     K::text, K::link, K::text, K::line_break, K::text}));
    EXPECT_EQ(inlines[5].text, "co de");
    EXPECT_EQ(inlines[7].target, "http://e.x/a?b=1&c=2");
    EXPECT_EQ(inlines[7].children.at(1).kind, K::emphasis);
    EXPECT_EQ(inlines[9].target, "https://auto.link");
    EXPECT_EQ(inlines[12].text, "break soft break *escaped* & \u00A9");
}

}  // namespace
}  // namespace fascicle::markdown::test
