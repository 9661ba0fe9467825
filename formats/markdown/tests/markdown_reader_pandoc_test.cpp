// Markdown no one here wrote: pandoc makes it from the shared fixture (tests/data/pandoc/fixture.md)
// as CommonMark, GFM, pandoc's Markdown and strict Markdown; fascicle reads each, and the titles,
// the metadata and every paragraph's text must be the fixture's.
#include "read_markdown.hpp"

#include <test_support.hpp>

#include <gtest/gtest.h>

#include <regex>
#include <sstream>

namespace fascicle::markdown::test {
namespace {

namespace fs = std::filesystem;
using fascicle::test::run_shell;
using fascicle::test::shell_quote;

fs::path fixture_path() { return fascicle::test::test_data_dir() / "pandoc" / "fixture.md"; }

// The fixture's content, read line by line from its source: it is simple by design (its header
// says what it holds), so that this reading needs no Markdown parser.
struct Chapter {
    std::string title;
    std::vector<std::string> sections;    // titles, in order
    std::vector<std::string> paragraphs;  // plain text of every paragraph, list item and quoted paragraph
};

struct Fixture {
    std::string title, language, date;
    std::vector<std::string> authors;
    std::vector<Chapter> chapters;
};

// Markdown inline markup removed: links to their text, emphasis and code marks dropped.
std::string plain(std::string text) {
    text = std::regex_replace(text, std::regex(R"(\[([^\]]*)\]\([^)]*\))"), "$1");
    text = std::regex_replace(text, std::regex(R"(\*\*|\*|`)"), "");
    return text;
}

std::string unquoted(const std::string& s) {
    return s.size() >= 2 && s.front() == '"' && s.back() == '"' ? s.substr(1, s.size() - 2) : s;
}

Fixture read_fixture() {
    std::istringstream in(fascicle::test::read_file(fixture_path()));
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);

    Fixture f;
    std::size_t k = 1;  // after the opening "---"
    for (; k < lines.size() && lines[k] != "---"; ++k) {
        const std::string& l = lines[k];
        if (l.starts_with("title: ")) f.title = unquoted(l.substr(7));
        if (l.starts_with("lang: ")) f.language = l.substr(6);
        if (l.starts_with("date: ")) f.date = l.substr(6);
        if (l.starts_with("  - ")) f.authors.push_back(l.substr(4));
    }

    // Blank-line separated chunks after the metadata block.
    std::vector<std::vector<std::string>> chunks(1);
    for (++k; k < lines.size(); ++k) {
        if (lines[k].empty()) {
            if (!chunks.back().empty()) chunks.emplace_back();
        } else {
            chunks.back().push_back(lines[k]);
        }
    }
    static const std::regex list_marker(R"(^(- |\d+\. ))");
    for (const auto& chunk : chunks) {
        if (chunk.empty()) continue;
        const std::string& first = chunk.front();
        if (first.starts_with("# ")) {
            f.chapters.push_back({first.substr(2), {}, {}});
        } else if (first.starts_with("## ")) {
            f.chapters.back().sections.push_back(first.substr(3));
        } else if (std::regex_search(first, list_marker)) {
            for (const auto& l : chunk) f.chapters.back().paragraphs.push_back(plain(std::regex_replace(l, list_marker, "")));
        } else if (first.starts_with(">")) {
            std::string paragraph;
            for (const auto& l : chunk) {
                const std::string text = l.size() > 2 ? l.substr(2) : "";
                if (text.empty()) {
                    f.chapters.back().paragraphs.push_back(plain(paragraph));
                    paragraph.clear();
                } else {
                    paragraph += (paragraph.empty() ? "" : " ") + text;
                }
            }
            f.chapters.back().paragraphs.push_back(plain(paragraph));
        } else {
            std::string paragraph;
            for (const auto& l : chunk) paragraph += (paragraph.empty() ? "" : " ") + l;
            f.chapters.back().paragraphs.push_back(plain(paragraph));
        }
    }
    return f;
}

void collect_paragraphs(const std::vector<Block>& blocks, std::vector<std::string>& out) {
    for (const auto& b : blocks) {
        switch (b.kind) {
            case Block::Kind::paragraph: out.push_back(plain_text(b.inlines)); break;
            case Block::Kind::list:
                for (const auto& item : b.items) collect_paragraphs(item, out);
                break;
            case Block::Kind::block_quote: collect_paragraphs(b.children, out); break;
            case Block::Kind::code_block: out.push_back(b.text); break;
            default: break;  // not in the fixture
        }
    }
}

void collect_sections(const std::vector<Section>& sections, Chapter& chapter) {
    for (const auto& s : sections) {
        chapter.sections.push_back(s.title_text());
        collect_paragraphs(s.blocks, chapter.paragraphs);
        collect_sections(s.subsections, chapter);
    }
}

// An article in the fixture's terms: its conclusion is its last section, titled "Conclusion".
Chapter as_chapter(const Article& a) {
    Chapter c{a.title_text(), {}, {}};
    collect_paragraphs(a.summary, c.paragraphs);
    collect_paragraphs(a.introduction, c.paragraphs);
    collect_sections(a.sections, c);
    if (!a.conclusion.empty()) {
        c.sections.push_back("Conclusion");
        collect_paragraphs(a.conclusion, c.paragraphs);
    }
    return c;
}

class PandocFixture : public ::testing::Test {
protected:
    void SetUp() override {
        if (run_shell("command -v pandoc").status != 0) FAIL() << "pandoc is not installed (scripts/install-deps.sh installs it)";
    }

    // pandoc's output for the fixture, as `format`.
    std::string pandoc(const std::string& format, bool standalone) {
        const fs::path out = dir_ / ("fixture-" + format + ".md");
        auto r = run_shell("pandoc -f markdown -t " + format + (standalone ? " --standalone" : "") + " -o " +
                           shell_quote(out.string()) + " " + shell_quote(fixture_path().string()));
        EXPECT_EQ(r.status, 0) << r.err;
        return fascicle::test::read_file(out);
    }

    // Reads `markdown` and compares it with the fixture; with the metadata when it has a block.
    void expect_fixture(const std::string& markdown, const std::string& flavor, bool with_metadata) {
        ReadMarkdown read = read_markdown(markdown, {{"markdown-flavor", flavor}}, "fixture.md");
        ASSERT_EQ(read.status, Status::ok) << read.diagnostics.text();
        EXPECT_EQ(problems(read), "");
        const Fixture fixture = read_fixture();
        ASSERT_EQ(fixture.chapters.size(), 3u);
        ASSERT_EQ(read.book.articles.size(), fixture.chapters.size()) << dump(read.book);
        for (std::size_t k = 0; k < fixture.chapters.size(); ++k) {
            const Chapter got = as_chapter(read.book.articles[k]);
            const Chapter& want = fixture.chapters[k];
            EXPECT_EQ(got.title, want.title);
            EXPECT_EQ(got.sections, want.sections) << want.title;
            EXPECT_EQ(got.paragraphs, want.paragraphs) << want.title;
        }
        if (with_metadata) {
            EXPECT_EQ(read.book.metadata.title, fixture.title);
            EXPECT_EQ(read.book.metadata.authors(), fixture.authors);
            EXPECT_EQ(read.book.metadata.language, fixture.language);
            EXPECT_EQ(read.book.metadata.date, fixture.date);
        }

        // The structure behind the text: inlines, the lists, the quote, the conclusion.
        const auto& articles = read.book.articles;
        ASSERT_FALSE(articles[0].introduction.empty());
        const auto& first = articles[0].introduction[0].inlines;
        EXPECT_TRUE(std::any_of(first.begin(), first.end(), [](const Inline& i) {
            return i.kind == Inline::Kind::emphasis && plain_text(i.children) == "whole";
        })) << dump(articles[0]);
        ASSERT_EQ(articles[0].sections.size(), 2u);
        ASSERT_EQ(articles[0].sections[0].blocks.size(), 2u);
        EXPECT_EQ(articles[0].sections[0].blocks[1].kind, Block::Kind::list);
        EXPECT_FALSE(articles[0].sections[0].blocks[1].ordered);
        const auto& gall = articles[1].sections[0].blocks;
        ASSERT_EQ(gall.size(), 3u);
        EXPECT_TRUE(gall[1].ordered);
        EXPECT_EQ(gall[1].start, 1);
        EXPECT_EQ(gall[1].items.size(), 3u);
        bool linked = false;
        for (const auto& i : gall[2].inlines)
            linked |= i.kind == Inline::Kind::link &&
                      i.target == "https://www.bl.uk/conservation?topic=iron-gall&lang=en" &&
                      plain_text(i.children) == "conservation notes";
        EXPECT_TRUE(linked) << dump(articles[1]);
        ASSERT_EQ(articles[2].sections.size(), 1u);
        ASSERT_EQ(articles[2].sections[0].blocks.size(), 2u);
        EXPECT_EQ(articles[2].sections[0].blocks[1].kind, Block::Kind::block_quote);
        EXPECT_EQ(articles[2].sections[0].blocks[1].children.size(), 2u);
        EXPECT_EQ(articles[2].conclusion.size(), 1u);
        EXPECT_EQ(articles[2].id, "caring-for-old-documents");
    }

    fascicle::test::TempDir dir_;
};

TEST_F(PandocFixture, TheFixtureItself) { expect_fixture(fascicle::test::read_file(fixture_path()), "commonmark", true); }

TEST_F(PandocFixture, PandocCommonMark) { expect_fixture(pandoc("commonmark", false), "commonmark", false); }

TEST_F(PandocFixture, PandocGfmStandalone) { expect_fixture(pandoc("gfm", true), "gfm", true); }

// Without "-smart" pandoc would write typographic quotes as straight ones (its reader makes them curly again).
TEST_F(PandocFixture, PandocMarkdownStandalone) { expect_fixture(pandoc("markdown-smart", true), "commonmark", true); }

TEST_F(PandocFixture, PandocStrictMarkdown) { expect_fixture(pandoc("markdown_strict", false), "commonmark", false); }

// Links written for the anchors pandoc and GitHub give headings ("extension-fancy_lists", the
// second "Reader options" as "reader-options-1") reach them: the heading holds that anchor too.
TEST(MarkdownReaderPandoc, LinksToPandocHeadingAnchorsReachTheHeading) {
    auto read = read_markdown("# Doc\n\nSee [lists](#extension-fancy_lists) and [again](#reader-options-1).\n\n"
                              "## Extension: `fancy_lists`\n\ntext\n\n## Reader options\n\none\n\n"
                              "## Reader options\n\ntwo\n\n## Plain\n\nno link, no anchor\n");
    ASSERT_EQ(read.status, Status::ok);
    EXPECT_EQ(problems(read), "");
    ASSERT_EQ(read.book.articles.size(), 1u);
    const auto& sections = read.book.articles[0].sections;
    ASSERT_EQ(sections.size(), 4u);
    ASSERT_FALSE(sections[0].title.empty());
    EXPECT_EQ(sections[0].title[0].kind, Inline::Kind::span);
    EXPECT_EQ(sections[0].title[0].attributes.id, "extension-fancy_lists");
    EXPECT_EQ(sections[0].title_text(), "Extension: fancy_lists");
    EXPECT_NE(sections[1].title.at(0).kind, Inline::Kind::span);  // "reader-options": no link, no anchor
    EXPECT_EQ(sections[2].title.at(0).attributes.id, "reader-options-1");
    EXPECT_NE(sections[3].title.at(0).kind, Inline::Kind::span);
}

}  // namespace
}  // namespace fascicle::markdown::test
