// The round trip: what the Markdown writer writes, the reader reads back as the same IR (`==` on
// Book), for what Markdown carries (markdown_ir.hpp lists what it does not). On the sample corpus,
// on the hostile-punctuation articles of tests/data/hostile and of the writer's tests, and on
// seeded random inline trees; CommonMark and GFM, wrapped or not, whole book or split, with and
// without the metadata block.
#include "hostile_text.hpp"
#include "markdown_ir.hpp"
#include "read_markdown.hpp"
#include "render_markdown.hpp"

#include <test_support.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>

namespace fascicle::markdown::test {
namespace {

struct WriterSetup {
    std::string flavor;
    std::size_t columns = 0;  // 0: no wrapping
    bool standalone = false;

    Options writer_options() const {
        Options o{{"markdown-flavor", flavor}};
        if (columns) o["columns"] = std::to_string(columns);
        if (standalone) o["standalone"] = "true";
        return o;
    }
    Options reader_options() const { return {{"markdown-flavor", flavor}}; }
    std::string name() const {
        return flavor + (columns ? " wrapped at " + std::to_string(columns) : "") + (standalone ? " standalone" : "");
    }
};

const std::vector<WriterSetup> setups = {
    {"commonmark", 0, false}, {"commonmark", 0, true}, {"commonmark", 72, false},
    {"gfm", 0, false},        {"gfm", 72, true},       {"gfm", 30, false},
};

// Writes `book` as one document and reads it back, as the file "<name>.md".
::testing::AssertionResult whole_book_round_trips(const Book& book, const WriterSetup& setup,
                                                  const std::string& name = "book") {
    const std::string markdown = render_markdown(book, setup.writer_options());
    ReadMarkdown read = read_markdown(markdown, setup.reader_options(), name + ".md");
    if (read.status != Status::ok || !read.diagnostics.all.empty())
        return ::testing::AssertionFailure() << "the reader reported:\n" << read.diagnostics.text();
    auto result = same_book(carried_by_markdown(book, {false, setup.standalone}), as_read(std::move(read.book)));
    if (!result) result << "\n(" << setup.name() << ")";
    return result;
}

// Writes each article as a split document, named by its id, and reads it back.
::testing::AssertionResult split_round_trips(const Book& book, const WriterSetup& setup) {
    for (const auto& article : book.articles) {
        Book single = book;
        single.articles = {article};
        const std::string markdown = render_markdown(single, setup.writer_options(), true);
        ReadMarkdown read = read_markdown(markdown, setup.reader_options(), article.id + ".md");
        if (read.status != Status::ok || !read.diagnostics.all.empty())
            return ::testing::AssertionFailure() << article.id << ": the reader reported:\n" << read.diagnostics.text();
        auto result = same_book(carried_by_markdown(single, {true, setup.standalone}), as_read(std::move(read.book)));
        if (!result) return result << "\n(" << article.id << ", split, " << setup.name() << ")";
    }
    return ::testing::AssertionSuccess();
}

TEST(MarkdownReaderRoundTrip, SampleCorpusWholeBook) {
    const Book book = sample_book_with_metadata();
    ASSERT_EQ(book.articles.size(), 5u);
    for (const auto& setup : setups) EXPECT_TRUE(whole_book_round_trips(book, setup));
}

TEST(MarkdownReaderRoundTrip, SampleCorpusSplitKeepsTheArticleIds) {
    const Book book = sample_book_with_metadata();
    for (const auto& setup : setups) EXPECT_TRUE(split_round_trips(book, setup));
}

// Every article of tests/data/hostile (the hostile-punctuation article the readers share).
std::vector<std::filesystem::path> hostile_files() {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(fascicle::test::test_data_dir() / "hostile"))
        if (entry.path().extension() == ".txt") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

TEST(MarkdownReaderRoundTrip, HostileArticlesOfTheTestData) {
    const auto files = hostile_files();
    ASSERT_FALSE(files.empty());
    for (const auto& file : files) {
        Book book = article_text_book(file);
        book.metadata.title = "# Hostile * book \\";
        book.metadata.set("description", "\"quotes\" \\ and\nnewlines: & < >");
        // One article, and the same twice (ids from titles, made unique).
        Book twice = book;
        twice.articles.push_back(book.articles[0]);
        twice.articles[1].id = "copy";
        for (const auto& setup : setups) {
            // Wrapping may break a line at a run of blanks, which Markdown reads back as one space.
            if (setup.columns && fascicle::test::read_file(file).find("  ") != std::string::npos) continue;
            EXPECT_TRUE(whole_book_round_trips(book, setup, book.articles[0].id)) << file;
            EXPECT_TRUE(whole_book_round_trips(twice, setup)) << file;
            EXPECT_TRUE(split_round_trips(book, setup)) << file;
        }
    }
}

TEST(MarkdownReaderRoundTrip, WriterTestsHostilePunctuationArticle) {
    Book book;
    book.metadata.title = "# Book * title \\";
    book.articles.push_back(hostile_punctuation_article());
    // Its section ids ("s0"...) are not the ones a title gives: they come back through anchors.
    for (const auto& setup : setups) {
        if (setup.columns) continue;  // its text has runs of spaces (see above)
        EXPECT_TRUE(whole_book_round_trips(book, setup, "hostile"));
        EXPECT_TRUE(split_round_trips(book, setup));
    }
}

// Each hostile string alone as a title, a summary, an introduction and a section title.
TEST(MarkdownReaderRoundTrip, HostileStringsAlone) {
    for (const auto& text : hostile_paragraphs()) {
        Article a;
        a.id = "a";
        a.title = fascicle::title_inlines(text);
        a.summary.push_back(Block::paragraph(text));
        a.introduction.push_back(Block::paragraph(text));
        a.sections.push_back(Section{slugify(text), fascicle::title_inlines(text), {Block::paragraph(text)}, {}});
        Book book;
        book.articles.push_back(a);
        for (const char* flavor : {"commonmark", "gfm"}) {
            const std::string markdown = render_markdown(book, {{"markdown-flavor", flavor}});
            ReadMarkdown read = read_markdown(markdown, {{"markdown-flavor", flavor}}, "a.md");
            ASSERT_EQ(read.status, Status::ok) << read.diagnostics.text();
            ASSERT_TRUE(same_book(carried_by_markdown(book, {}), as_read(read.book)))
                << flavor << ", text: \"" << text << "\"\nmarkdown:\n" << markdown;
        }
    }
}

// Seeded random inline trees (FASCICLE_MARKDOWN_FUZZ_SEED, FASCICLE_MARKDOWN_FUZZ_ROUNDS change them).
TEST(MarkdownReaderRoundTrip, RandomInlineTrees) {
    const char* seed_text = std::getenv("FASCICLE_MARKDOWN_FUZZ_SEED");
    const char* rounds_text = std::getenv("FASCICLE_MARKDOWN_FUZZ_ROUNDS");
    std::mt19937 random(seed_text ? static_cast<unsigned>(std::strtoul(seed_text, nullptr, 10)) : 20250117u);
    const int rounds = rounds_text ? std::max(1, std::atoi(rounds_text)) : 600;
    for (int round = 0; round < rounds; ++round) {
        Article a;
        a.id = "r";
        a.title = fascicle::title_inlines(random_text(random, 20));
        Block p;
        p.inlines = random_inlines(random, 3);
        a.introduction.push_back(p);
        Book book;
        book.articles.push_back(a);

        Book expected = book;
        expected.articles[0].introduction[0].inlines = markdown_equivalent(p.inlines);
        if (expected.articles[0].introduction[0].inlines.empty()) expected.articles[0].introduction.clear();
        // An untitled article with no text is nothing to write, nor to read.
        if (expected.articles[0].title.empty() && expected.articles[0].introduction.empty()) expected.articles.clear();
        const char* flavor = round % 2 ? "gfm" : "commonmark";
        const std::string markdown = render_markdown(book, {{"markdown-flavor", flavor}});
        ReadMarkdown read = read_markdown(markdown, {{"markdown-flavor", flavor}}, "r.md");
        ASSERT_EQ(read.status, Status::ok) << read.diagnostics.text();
        ASSERT_TRUE(same_book(carried_by_markdown(expected, {}), as_read(read.book)))
            << "round " << round << " (" << flavor << ")\nmarkdown:\n" << markdown;
    }
}

}  // namespace
}  // namespace fascicle::markdown::test
