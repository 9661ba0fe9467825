// Reading EPUBs that no one here wrote: pandoc (Debian's) makes an EPUB 3 and an EPUB 2 from
// the shared Markdown fixture (tests/data/pandoc/fixture.md); fascicle reads each, and the titles
// and the text of every paragraph must be the fixture's.
#include "reader_expectations.hpp"

#include <test_support.hpp>

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <sstream>

namespace fascicle::epub::test {
namespace {

using fascicle::test::TempDir;

// The fixture's structure, read by its own documented rules: one '#' heading per article,
// '##' headings for sections, paragraphs separated by blank lines (soft line breaks are spaces),
// list items and block quote paragraphs one paragraph each.
struct FixtureArticle {
    std::string title;
    std::vector<std::string> section_titles;
    std::vector<std::string> paragraphs;  // in reading order, the conclusion's last
};

struct Fixture {
    std::string title;
    std::vector<std::string> authors;
    std::string language;
    std::string date;
    std::vector<FixtureArticle> articles;
};

std::string unquote(std::string s) {
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
    return s;
}

// Markdown inline markup left out: links keep their text, emphasis, strong and code their content.
std::string plain(std::string text) {
    text = std::regex_replace(text, std::regex(R"(\[([^\]]*)\]\([^)]*\))"), "$1");
    text = std::regex_replace(text, std::regex(R"(\*\*([^*]+)\*\*)"), "$1");
    text = std::regex_replace(text, std::regex(R"(\*([^*]+)\*)"), "$1");
    text = std::regex_replace(text, std::regex(R"(`([^`]*)`)"), "$1");
    return text;
}

Fixture read_fixture() {
    std::istringstream in(fascicle::test::read_file(fascicle::test::test_data_dir() / "pandoc" / "fixture.md"));
    Fixture f;
    std::string line;
    std::getline(in, line);  // ---
    std::string key;
    while (std::getline(in, line) && line != "---") {
        if (line.starts_with("#")) continue;
        if (line.starts_with("  - ")) {
            if (key == "author") f.authors.push_back(unquote(line.substr(4)));
            continue;
        }
        const auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        key = line.substr(0, colon);
        const std::string value = unquote(line.substr(colon + 1 + (line.size() > colon + 1 && line[colon + 1] == ' ')));
        if (key == "title") f.title = value;
        if (key == "lang") f.language = value;
        if (key == "date") f.date = value;
    }
    std::string paragraph;
    auto flush = [&] {
        if (!paragraph.empty()) f.articles.back().paragraphs.push_back(plain(paragraph));
        paragraph.clear();
    };
    while (std::getline(in, line)) {
        if (line.starts_with("# ")) {
            flush();
            f.articles.push_back({line.substr(2), {}, {}});
        } else if (line.starts_with("## ")) {
            flush();
            f.articles.back().section_titles.push_back(line.substr(3));
        } else if (line.empty() || line == ">") {
            flush();
        } else if (line.starts_with("- ") || std::regex_search(line, std::regex(R"(^\d+\. )"))) {
            flush();  // a list item: one paragraph of its own
            paragraph = line.substr(line.find(' ') + 1);
        } else {
            const std::string text = line.starts_with("> ") ? line.substr(2) : line;
            paragraph += (paragraph.empty() ? "" : " ") + text;
        }
    }
    flush();
    return f;
}

void add_paragraphs(const std::vector<Block>& blocks, std::vector<std::string>& out) {
    for (const auto& b : blocks) {
        switch (b.kind) {
            case Block::Kind::paragraph: out.push_back(plain_text(b.inlines)); break;
            case Block::Kind::code_block: out.push_back(b.text); break;
            case Block::Kind::block_quote: add_paragraphs(b.children, out); break;
            case Block::Kind::list:
                for (const auto& item : b.items) add_paragraphs(item, out);
                break;
            default: break;  // not in the fixture
        }
    }
}

void add_sections(const std::vector<Section>& sections, std::vector<std::string>& titles,
                  std::vector<std::string>& out) {
    for (const auto& s : sections) {
        titles.push_back(s.title_text());
        add_paragraphs(s.blocks, out);
        add_sections(s.subsections, titles, out);
    }
}

class PandocEpub : public ::testing::TestWithParam<std::string> {};

TEST_P(PandocEpub, TitlesAndParagraphsAreTheFixtures) {
    if (fascicle::test::run_shell("command -v pandoc").status != 0) FAIL() << "pandoc is not installed (scripts/install-deps.sh installs it)";
    TempDir dir;
    const auto epub = dir / "fixture.epub";
    const auto fixture_path = fascicle::test::test_data_dir() / "pandoc" / "fixture.md";
    const auto made = fascicle::test::run_shell("pandoc -f markdown -t " + GetParam() + " -o " +
                                             fascicle::test::shell_quote(epub.string()) + " " +
                                             fascicle::test::shell_quote(fixture_path.string()));
    ASSERT_EQ(made.status, 0) << made.err;

    ReadBook read = read_epub(epub);
    ASSERT_EQ(read.status, Status::ok) << read.diagnostics.text();
    if (GetParam() == "epub2") {
        // pandoc's EPUB 2 declares its title page nowhere (no guide entry, no epub:type): it is
        // read as an article, titled as the book, holding the authors and the date; nothing else.
        ASSERT_FALSE(read.book.articles.empty());
        const Article title_page = read.book.articles.front();
        EXPECT_EQ(title_page.id, "title_page");
        EXPECT_EQ(title_page.title_text(), read.book.metadata.title);
        std::vector<std::string> lines;
        add_paragraphs(title_page.introduction, lines);
        std::vector<std::string> expected = read.book.metadata.authors();
        expected.push_back(read.book.metadata.date);
        EXPECT_EQ(lines, expected);
        read.book.articles.erase(read.book.articles.begin());
    }
    EXPECT_EQ(read.diagnostics.error_count() + read.diagnostics.warning_count(), 0u) << read.diagnostics.text();

    const Fixture fixture = read_fixture();
    ASSERT_EQ(fixture.articles.size(), 3u);
    EXPECT_EQ(read.book.metadata.title, fixture.title);
    EXPECT_EQ(read.book.metadata.authors(), fixture.authors);
    EXPECT_EQ(read.book.metadata.language, fixture.language);
    EXPECT_EQ(read.book.metadata.date, fixture.date);
    EXPECT_TRUE(read.book.metadata.identifier.starts_with("urn:uuid:")) << read.book.metadata.identifier;

    // The title page (EPUB 3: epub:type="titlepage") is left out: one article per chapter.
    ASSERT_EQ(read.book.articles.size(), fixture.articles.size()) << dump(read.book);
    for (std::size_t k = 0; k < fixture.articles.size(); ++k) {
        const Article& article = read.book.articles[k];
        const FixtureArticle& expected = fixture.articles[k];
        SCOPED_TRACE(expected.title);
        EXPECT_EQ(article.title_text(), expected.title);
        EXPECT_TRUE(article.summary.empty());  // pandoc marks no abstract
        EXPECT_TRUE(article.metadata.entries().empty()) << dump(article.metadata);

        std::vector<std::string> titles, paragraphs;
        add_paragraphs(article.introduction, paragraphs);
        add_sections(article.sections, titles, paragraphs);
        add_paragraphs(article.conclusion, paragraphs);
        std::vector<std::string> expected_titles = expected.section_titles;
        if (!article.conclusion.empty()) {
            // The last section titled "Conclusion" is fascicle's conclusion, not a section.
            ASSERT_EQ(expected_titles.back(), "Conclusion");
            expected_titles.pop_back();
        }
        EXPECT_EQ(titles, expected_titles);
        EXPECT_EQ(paragraphs, expected.paragraphs);
    }
    EXPECT_FALSE(read.book.articles.back().conclusion.empty());
    // Article ids are pandoc's section ids.
    EXPECT_EQ(read.book.articles[0].id, "making-paper-by-hand");

    // The inline markup and the blocks came through, not only the text.
    const Article& first = read.book.articles[0];
    ASSERT_FALSE(first.introduction.empty());
    ASSERT_GE(first.introduction[0].inlines.size(), 2u);
    EXPECT_EQ(first.introduction[0].inlines[1].kind, Inline::Kind::emphasis);
    const Article& second = read.book.articles[1];
    ASSERT_GE(second.sections.size(), 1u);
    const auto& blocks = second.sections[0].blocks;
    ASSERT_GE(blocks.size(), 2u);
    EXPECT_EQ(blocks[1].kind, Block::Kind::list);
    EXPECT_TRUE(blocks[1].ordered);
    const auto& last = second.sections[0].blocks.back().inlines;
    const auto link =
        std::find_if(last.begin(), last.end(), [](const Inline& i) { return i.kind == Inline::Kind::link; });
    ASSERT_NE(link, last.end());
    EXPECT_EQ(link->target, "https://www.bl.uk/conservation?topic=iron-gall&lang=en");
    const Article& third = read.book.articles[2];
    ASSERT_GE(third.sections.size(), 1u);
    EXPECT_EQ(third.sections[0].blocks.back().kind, Block::Kind::block_quote);
}

INSTANTIATE_TEST_SUITE_P(Pandoc, PandocEpub, ::testing::Values("epub3", "epub2"),
                         [](const auto& info) { return info.param; });

// Every id of a book's blocks and inlines, as "<article>#<id>", and its references and links.
struct BookPlaces {
    std::set<std::string> ids;
    std::vector<std::string> references;
    std::vector<std::string> links;

    void add(const std::string& article, const std::vector<Inline>& inlines) {
        for (const auto& i : inlines) {
            if (!i.attributes.id.empty()) ids.insert(article + "#" + i.attributes.id);
            if (i.kind == Inline::Kind::reference) references.push_back(i.target);
            if (i.kind == Inline::Kind::link) links.push_back(i.target);
            add(article, i.children);
            add(article, i.blocks);
        }
    }
    void add(const std::string& article, const std::vector<Block>& blocks) {
        for (const auto& b : blocks) {
            if (!b.attributes.id.empty()) ids.insert(article + "#" + b.attributes.id);
            add(article, b.inlines);
            add(article, b.children);
            add(article, b.caption);
            for (const auto& item : b.items) add(article, item);
        }
    }
    void add(const std::string& article, const std::vector<Section>& sections) {
        for (const auto& s : sections) {
            ids.insert(article + "#" + s.id);
            add(article, s.blocks);
            add(article, s.subsections);
        }
    }
};

// pandoc's links between chapters ("ch002.xhtml#mydiv") point at ids on spans, on divs (around
// several blocks, or one, or around another div), on a figure's image; its links to paths ("@", as the CommonMark spec
// writes definitions, "other.html", "/url") are no documents of the book. Every link is kept, and
// every id one points at.
TEST(PandocEpubLinks, EveryLinkAndTheIdItPointsAtAreKept) {
    if (fascicle::test::run_shell("command -v pandoc").status != 0) FAIL() << "pandoc is not installed (scripts/install-deps.sh installs it)";
    TempDir dir;
    fascicle::test::write_file(dir / "figure.png", std::string("\x89PNG\r\n\x1a\n", 8) + std::string(64, '\0'));
    fascicle::test::write_file(dir / "links.md", R"(---
title: Links
lang: en
---
# One {#one}

See [the span](#myspan), [the div](#mydiv), [the list](#mylist), [the figure](#fig),
[the outer div](#outer), [the inner div](#inner), [a div around a list's](#around-list),
[a definition](@), [a page](other.html#part) and [the root](/url).

# Two {#two}

Text with [a span]{#myspan} in it.

::: {#mydiv}
A paragraph.

Another.
:::

::: {#mylist}
- item
:::

![A figure](figure.png){#fig}

::: {#outer}
::: {#inner}
Nested divs, as pandoc's bibliography is.
:::
:::

::: {#around-list}
::: {#listed}
- an item
:::

A paragraph after the list.
:::
)");
    const auto made = fascicle::test::run_shell("cd " + fascicle::test::shell_quote(dir.path().string()) +
                                                " && pandoc -f markdown -t epub3 -o links.epub links.md");
    ASSERT_EQ(made.status, 0) << made.err;

    const ReadBook read = read_epub(dir / "links.epub");
    ASSERT_EQ(read.status, Status::ok) << read.diagnostics.text();
    EXPECT_EQ(read.diagnostics.warning_count(), 0u) << read.diagnostics.text();
    BookPlaces places;
    for (const auto& a : read.book.articles) {
        places.add(a.id, a.introduction);
        places.add(a.id, a.sections);
        places.add(a.id, a.conclusion);
    }
    EXPECT_EQ(places.references, (std::vector<std::string>{"two#myspan", "two#mydiv", "two#mylist", "two#fig", "two#outer",
                                                           "two#inner", "two#around-list"}));
    for (const auto& target : places.references) EXPECT_TRUE(places.ids.count(target)) << target << "\n" << dump(read.book);
    EXPECT_EQ(places.links, (std::vector<std::string>{"@", "other.html#part", "/url"}));
}

}  // namespace
}  // namespace fascicle::epub::test
