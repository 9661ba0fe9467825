// Reading DocBook that fascicle did not write: pandoc's docbook5 output of the shared fixture
// (tests/data/pandoc/fixture.md), compared with the fixture as libcmark parses it.
#include "read_docbook.hpp"

#include <test_support.hpp>

#include <cmark.h>
#include <gtest/gtest.h>

#include <memory>

namespace fascicle::docbook {
namespace {

using fascicle::test::run_shell;
using test::read_docbook;
using fascicle::test::shell_quote;

const std::string pandoc = FASCICLE_PANDOC;  // empty when pandoc was not found

std::filesystem::path fixture() { return fascicle::test::test_data_dir() / "pandoc" / "fixture.md"; }

// What the fixture says: its title, its headings in order, its paragraphs' text in order.
struct FixtureText {
    std::string title;
    std::vector<std::string> headings;
    std::vector<std::string> paragraphs;
};

std::string inline_text(cmark_node* node) {
    std::string out;
    for (auto* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
        switch (cmark_node_get_type(child)) {
            case CMARK_NODE_TEXT:
            case CMARK_NODE_CODE: out += cmark_node_get_literal(child); break;
            case CMARK_NODE_SOFTBREAK: out += ' '; break;
            case CMARK_NODE_LINEBREAK: out += '\n'; break;
            default: out += inline_text(child); break;
        }
    }
    return out;
}

void collect(cmark_node* node, FixtureText& into) {
    for (auto* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
        switch (cmark_node_get_type(child)) {
            case CMARK_NODE_HEADING: into.headings.push_back(inline_text(child)); break;
            case CMARK_NODE_PARAGRAPH: into.paragraphs.push_back(inline_text(child)); break;
            default: collect(child, into); break;
        }
    }
}

FixtureText read_fixture() {
    const auto markdown = fascicle::test::read_file(fixture());
    // The YAML metadata block is pandoc's; of it the test needs only the title.
    const auto end = markdown.find("\n---\n", 4);
    EXPECT_TRUE(markdown.starts_with("---\n") && end != std::string::npos) << "the fixture opens with a YAML block";
    FixtureText text;
    const auto yaml = markdown.substr(0, end);
    const auto title = yaml.find("\ntitle: \"");
    if (title != std::string::npos) {
        const auto begin = title + 9;
        text.title = yaml.substr(begin, yaml.find('"', begin) - begin);
    }
    const auto body = markdown.substr(end + 5);
    std::unique_ptr<cmark_node, void (*)(cmark_node*)> document(
        cmark_parse_document(body.data(), body.size(), CMARK_OPT_DEFAULT), cmark_node_free);
    collect(document.get(), text);
    return text;
}

void paragraphs_of(const std::vector<Block>& blocks, std::vector<std::string>& into) {
    for (const auto& b : blocks) {
        if (b.kind == Block::Kind::paragraph) into.push_back(plain_text(b.inlines));
        for (const auto& item : b.items) paragraphs_of(item, into);
        paragraphs_of(b.children, into);
    }
}

void collect(const Section& section, FixtureText& into) {
    into.headings.push_back(section.title_text());
    paragraphs_of(section.blocks, into.paragraphs);
    for (const auto& s : section.subsections) collect(s, into);
}

// The book's headings and paragraphs in reading order; an article's title is a heading unless
// it is the book's only article, titled with the book's title.
FixtureText text_of(const Book& book) {
    FixtureText text;
    text.title = book.metadata.title;
    for (const auto& a : book.articles) {
        if (book.articles.size() == 1 && text.title.empty()) text.title = a.title_text();
        else text.headings.push_back(a.title_text());
        paragraphs_of(a.summary, text.paragraphs);
        paragraphs_of(a.introduction, text.paragraphs);
        for (const auto& s : a.sections) collect(s, text);
        if (!a.conclusion.empty()) {
            std::string title = a.metadata.get("conclusion-title");
            if (title.empty()) title = book.metadata.get("conclusion-title");
            text.headings.push_back(title.empty() ? "Conclusion" : title);
            paragraphs_of(a.conclusion, text.paragraphs);
        }
    }
    return text;
}

std::size_t count_inlines(const std::vector<Inline>& inlines, Inline::Kind kind) {
    std::size_t n = 0;
    for (const auto& i : inlines) n += (i.kind == kind) + count_inlines(i.children, kind);
    return n;
}

std::size_t count_inlines(const std::vector<Block>& blocks, Inline::Kind kind) {
    std::size_t n = 0;
    for (const auto& b : blocks) {
        n += count_inlines(b.inlines, kind) + count_inlines(b.children, kind);
        for (const auto& item : b.items) n += count_inlines(item, kind);
    }
    return n;
}

std::size_t count_inlines(const Section& s, Inline::Kind kind) {
    std::size_t n = count_inlines(s.blocks, kind);
    for (const auto& sub : s.subsections) n += count_inlines(sub, kind);
    return n;
}

class PandocDocBook : public ::testing::Test {
protected:
    void SetUp() override {
        if (pandoc.empty()) FAIL() << "pandoc is not installed (scripts/install-deps.sh installs it)";
    }

    // pandoc's standalone DocBook 5 of the fixture, with `options`.
    std::string convert(const std::string& options) {
        const auto out = dir_ / "pandoc.xml";
        const auto run = run_shell(shell_quote(pandoc) + " -f markdown -t docbook5 --standalone " + options + " " +
                                   shell_quote(fixture().string()) + " -o " + shell_quote(out.string()));
        EXPECT_EQ(run.status, 0) << run.err;
        return fascicle::test::read_file(out);
    }

    void expect_fixture_text(const Book& book) {
        const auto expected = read_fixture();
        ASSERT_GE(expected.headings.size(), 9u) << "the fixture's three chapters and their sections";
        ASSERT_GE(expected.paragraphs.size(), 20u);
        const auto actual = text_of(book);
        EXPECT_EQ(actual.title, expected.title);
        EXPECT_EQ(actual.headings, expected.headings);
        EXPECT_EQ(actual.paragraphs, expected.paragraphs);
    }

    void expect_inline_kinds(const Book& book) {
        for (auto kind : {Inline::Kind::emphasis, Inline::Kind::strong, Inline::Kind::code, Inline::Kind::link}) {
            std::size_t n = 0;
            for (const auto& a : book.articles) {
                n += count_inlines(a.introduction, kind);
                for (const auto& s : a.sections) n += count_inlines(s, kind);
            }
            EXPECT_GT(n, 0u) << "inline kind " << int(kind);
        }
    }

    fascicle::test::TempDir dir_;
};

// Pandoc's default: an <article> whose sections are the fixture's chapters: one article.
TEST_F(PandocDocBook, ArticleOfSectionsIsOneArticle) {
    const auto xml = convert("");
    ASSERT_NE(xml.find("<article"), std::string::npos);
    const auto back = read_docbook(xml, "pandoc.xml");
    ASSERT_EQ(back.status, Status::ok) << back.diagnostics.text();
    EXPECT_EQ(back.diagnostics.all.size(), 0u) << back.diagnostics.text();
    ASSERT_EQ(back.book.articles.size(), 1u);
    const auto& article = back.book.articles[0];
    EXPECT_EQ(article.sections.size(), 3u);
    EXPECT_EQ(article.metadata.authors(), (std::vector<std::string>{"Ada Lovelace", "Émilie du Châtelet"}));
    EXPECT_EQ(article.metadata.date, "2024-05-01");
    EXPECT_EQ(back.book.metadata.language, "en-GB");
    expect_fixture_text(back.book);
    expect_inline_kinds(back.book);
}

// --top-level-division=chapter: an <article> holding <chapter>s (invalid DocBook), read as a book.
TEST_F(PandocDocBook, ArticleOfChaptersIsABook) {
    const auto xml = convert("--top-level-division=chapter");
    ASSERT_NE(xml.find("<chapter"), std::string::npos);
    const auto back = read_docbook(xml, "pandoc.xml");
    ASSERT_EQ(back.status, Status::ok) << back.diagnostics.text();
    EXPECT_EQ(back.diagnostics.warning_count(), 0u) << back.diagnostics.text();
    const auto& meta = back.book.metadata;
    EXPECT_EQ(meta.authors(), (std::vector<std::string>{"Ada Lovelace", "Émilie du Châtelet"}));
    EXPECT_EQ(meta.date, "2024-05-01");
    EXPECT_EQ(meta.language, "en-GB");
    ASSERT_EQ(back.book.articles.size(), 3u);
    EXPECT_EQ(back.book.articles[0].id, "making-paper-by-hand");
    EXPECT_FALSE(back.book.articles[2].conclusion.empty()) << "the last chapter's Conclusion section";
    expect_fixture_text(back.book);
    expect_inline_kinds(back.book);

    bool found_link = false;
    for (const auto& b : back.book.articles[1].sections[0].blocks)
        for (const auto& i : b.inlines)
            found_link |= i.kind == Inline::Kind::link && i.target == "https://www.bl.uk/conservation?topic=iron-gall&lang=en";
    EXPECT_TRUE(found_link) << dump(back.book.articles[1]);
}

}  // namespace
}  // namespace fascicle::docbook
