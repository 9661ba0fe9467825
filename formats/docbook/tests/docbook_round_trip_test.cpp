// Round trips in-process: what the DocBook writer writes, the reader reads back to the same book,
// except for what as_carried_by_docbook() lists (README.md, "What DocBook does not carry back").
#include "docbook_writer.hpp"
#include "read_docbook.hpp"
#include "test_books.hpp"

#include <feature_book.hpp>
#include <test_support.hpp>

#include <gtest/gtest.h>

namespace fascicle::docbook {
namespace {

using fascicle::test::RecordingDiagnostics;
using fascicle::test::StringOutput;
using test::as_carried_by_docbook;
using test::read_docbook;
using test::without_sources;

DocBookWriter writer_for_round_trip;

std::string write_docbook(const Book& book, const Options& options = {}) {
    DocBookWriter writer;
    StringOutput output;
    RecordingDiagnostics diagnostics;
    EXPECT_EQ(fascicle::test::write_book(writer, book, output, diagnostics, options), Status::ok) << diagnostics.text();
    return output.str();
}

// Writes `book`, reads it back, and expects the book DocBook carries, without a diagnostic.
void expect_round_trip(const Book& book, const Options& options = {}) {
    const auto xml = write_docbook(book, options);
    const auto back = read_docbook(xml, "book.xml");
    ASSERT_EQ(back.status, Status::ok) << back.diagnostics.text();
    EXPECT_EQ(back.diagnostics.all.size(), 0u) << back.diagnostics.text();
    const auto expected = as_carried_by_docbook(book);
    const auto actual = without_sources(back.book);
    EXPECT_EQ(actual, expected) << "expected:\n" << dump(expected) << "\nread back:\n" << dump(actual);
}

TEST(DocBookRoundTrip, SampleCorpus) {
    const auto book = test::sample_corpus_book();
    // The corpus is plain text: it loses only the book's default conclusion-title, and the copy
    // book.ini's [article] title leaves in the article's metadata (DocBook keeps it as the title).
    auto expected = book;
    expected.metadata.extra.erase("conclusion-title");
    for (auto& a : expected.articles) {
        a.source.clear();
        a.metadata.title.clear();
    }
    EXPECT_EQ(dump(as_carried_by_docbook(book)), dump(expected));
    expect_round_trip(book);
}

TEST(DocBookRoundTrip, SampleCorpusAsArticleDivisions) {
    expect_round_trip(test::sample_corpus_book(), {{division_option, "article"}});
}

TEST(DocBookRoundTrip, HostilePunctuationArticle) {
    const auto book = test::hostile_punctuation_book();
    ASSERT_EQ(book.articles.size(), 1u);
    // Tabs and runs of spaces inside paragraphs are the reader's business to keep.
    const auto& intro = book.articles[0].introduction;
    EXPECT_TRUE(std::any_of(intro.begin(), intro.end(), [](const Block& b) {
        return plain_text(b.inlines).find("tab:\t:tab, two  spaces") != std::string::npos;
    }));
    auto expected = book;
    for (auto& a : expected.articles) a.source.clear();
    EXPECT_EQ(dump(as_carried_by_docbook(book)), dump(expected)) << "the hostile article loses nothing in DocBook";
    expect_round_trip(book);
}

// Every block and inline kind, a section titled "Conclusion" before the real conclusion, a custom
// conclusion-title, an article in another language, an untitled article, empty lists and quotes.
TEST(DocBookRoundTrip, FeatureBook) {
    const auto book = test::feature_book();
    const auto carried = as_carried_by_docbook(book);
    // What the feature book loses, spelled out so that a change to the rules shows here.
    EXPECT_EQ(carried.articles[1].id, "2nd-article");
    EXPECT_EQ(carried.articles[2].title_text(), "003_bare");
    EXPECT_EQ(carried.articles[1].introduction.size(), 1u) << "the empty list and quote are not written";
    EXPECT_EQ(carried.metadata.get("conclusion-title"), "In Closing");
    expect_round_trip(book);
}

// The shared feature book (tests/support): every kind of the document model, its image and its
// references across articles, written as a DocBook file beside its image and read back the same.
TEST(DocBookRoundTrip, TheFeatureBookOfEveryKindComesBackExactly) {
    fascicle::test::FeatureBook features;
    fascicle::test::make_feature_book(features);
    fascicle::test::TempDir dir;
    {
        fascicle::test::FileOutput output(dir / "book.xml");
        RecordingDiagnostics diagnostics;
        ASSERT_EQ(fascicle::test::write_book(writer_for_round_trip, features.book, output, diagnostics, {}, false,
                                             &features.resources),
                  Status::ok)
            << diagnostics.text();
    }
    const auto back = test::read_docbook_file(dir / "book.xml");
    ASSERT_EQ(back.status, Status::ok) << back.diagnostics.text();
    EXPECT_EQ(back.diagnostics.all.size(), 0u) << back.diagnostics.text();
    const auto actual = without_sources(back.book);
    EXPECT_EQ(actual, features.book) << "expected:\n" << dump(features.book) << "\nread back:\n" << dump(actual);
    ASSERT_NE(back.resources->find("images/engine.png"), nullptr) << "the image is a resource again";
    EXPECT_EQ(back.resources->find("images/engine.png")->size, features.resources.find("images/engine.png")->size);
}

TEST(DocBookRoundTrip, ArticleConclusionTitlesOtherThanTheBooks) {
    Book book;
    book.metadata.title = "Conclusions";
    book.metadata.language = "de";
    book.metadata.extra["conclusion-title"] = "Fazit";
    for (const char* id : {"a", "b", "c"}) book.articles.push_back(test::corpus_like_article(id, std::string("Article ") + id));
    book.articles[2].metadata.extra["conclusion-title"] = "Schluss";
    const auto back = read_docbook(write_docbook(book));
    ASSERT_EQ(back.status, Status::ok) << back.diagnostics.text();
    EXPECT_EQ(back.book.metadata.get("conclusion-title"), "Fazit");
    EXPECT_EQ(back.book.articles[0].metadata.get("conclusion-title"), "");
    EXPECT_EQ(back.book.articles[2].metadata.get("conclusion-title"), "Schluss");
    expect_round_trip(book);
}

TEST(DocBookRoundTrip, IdsTheWriterHadToChange) {
    Book book;
    // Article ids that article_xml_id() prefixes with "a-", section ids part_xml_id() prefixes
    // with "s-", and a title whose own slug starts with "s-".
    book.articles.push_back(test::corpus_like_article("001", "Numbered"));
    book.articles.push_back(test::corpus_like_article("_under", "Underscore"));
    book.articles.push_back(test::corpus_like_article("x.y", "Dotted"));
    book.articles[0].sections[0].id = "2024-review";
    book.articles[0].sections[1].id = "s-2";
    book.articles[0].sections[1].title = fascicle::title_inlines("S 2");
    book.articles[0].sections[2].id = "conclusion";
    book.articles[0].sections[2].title = fascicle::title_inlines("Conclusion");
    const auto xml = write_docbook(book);
    EXPECT_NE(xml.find("xml:id=\"a-001\""), std::string::npos);
    EXPECT_NE(xml.find("xml:id=\"a-001.s-2024-review\""), std::string::npos);
    EXPECT_NE(xml.find("xml:id=\"a-001.conclusion-2\""), std::string::npos) << "the conclusion's id was taken";
    expect_round_trip(book);
}

TEST(DocBookRoundTrip, SplitDocumentsReadBackOneArticleEach) {
    const auto book = test::feature_book();
    const auto expected = as_carried_by_docbook(book);
    for (std::size_t i = 0; i < book.articles.size(); ++i) {
        for (const char* division : {"article", "chapter"}) {
            SCOPED_TRACE(book.articles[i].id + " as a standalone " + division);
            DocBookWriter writer;
            StringOutput output;
            RecordingDiagnostics diagnostics;
            Book one{book.metadata, {book.articles[i]}};
            ASSERT_EQ(fascicle::test::write_book(writer, one, output, diagnostics, {{division_option, division}}, true),
                      Status::ok)
                << diagnostics.text();
            const auto back = read_docbook(output.str(), book.articles[i].id + ".xml");
            ASSERT_EQ(back.status, Status::ok) << back.diagnostics.text();
            ASSERT_EQ(back.book.articles.size(), 1u);
            // A standalone document's language is the book's; its conclusion title tells the book's.
            auto expected_article = expected.articles[i];
            expected_article.metadata.language.clear();
            if (!expected_article.conclusion.empty() && expected_article.metadata.get("conclusion-title").empty()) {
                EXPECT_EQ(back.book.metadata.get("conclusion-title"), "In Closing");
            }
            EXPECT_EQ(back.book.metadata.language,
                      book.articles[i].metadata.language.empty() ? book.metadata.language : book.articles[i].metadata.language);
            EXPECT_EQ(without_sources(back.book).articles[0], expected_article)
                << dump(expected_article) << "\n" << dump(back.book.articles[0]);
        }
    }
}

}  // namespace
}  // namespace fascicle::docbook
