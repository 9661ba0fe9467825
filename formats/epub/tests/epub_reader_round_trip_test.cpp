// What our writer writes, our reader reads back: the sample corpus, the hostile-punctuation
// article and the feature book give back an equal IR (Book ==), with only what an EPUB cannot
// carry normalised, as reader_expectations.hpp lists.
#include "reader_expectations.hpp"
#include "test_books.hpp"

#include "epub_writer.hpp"

#include <feature_book.hpp>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <iterator>
#include <sstream>

namespace fascicle::epub::test {
namespace {

using fascicle::test::TempDir;

// Writes `book` with the EpubWriter, reads it back, and compares with what an EPUB carries of
// it; returns that expectation.
Book expect_round_trip(const Book& book) {
    TempDir dir;
    const WrittenEpub written = write_epub(book, dir.path());
    EXPECT_EQ(written.status, Status::ok) << written.diagnostics.text();

    const ReadBook read = read_epub(written.path);
    EXPECT_EQ(read.status, Status::ok) << read.diagnostics.text();
    EXPECT_EQ(read.diagnostics.error_count(), 0u) << read.diagnostics.text();
    EXPECT_EQ(read.diagnostics.warning_count(), 0u) << read.diagnostics.text();

    Book expected = as_carried_by_epub(book, written.path);
    if (expected.metadata.identifier.empty()) {
        // The writer makes one up (a UUID from the content): the reader gives that back.
        EXPECT_TRUE(read.book.metadata.identifier.starts_with("urn:uuid:")) << read.book.metadata.identifier;
        expected.metadata.identifier = read.book.metadata.identifier;
    }
    // Part by part, so that a failure shows where; then the whole.
    EXPECT_EQ(dump(read.book.metadata), dump(expected.metadata));
    EXPECT_EQ(read.book.articles.size(), expected.articles.size());
    for (std::size_t k = 0; k < expected.articles.size() && k < read.book.articles.size(); ++k) {
        EXPECT_EQ(dump(read.book.articles[k]), dump(expected.articles[k]));
        EXPECT_TRUE(read.book.articles[k] == expected.articles[k]) << expected.articles[k].id;
    }
    EXPECT_TRUE(read.book == expected);
    return expected;
}

// `book`'s articles with the source and metadata of `expected`'s: what is left to compare is
// the text and its structure.
std::vector<Article> text_of(const Book& book, const Book& expected) {
    std::vector<Article> out = book.articles;
    for (std::size_t k = 0; k < out.size() && k < expected.articles.size(); ++k) {
        out[k].source = expected.articles[k].source;
        out[k].metadata = expected.articles[k].metadata;
    }
    return out;
}

TEST(RoundTrip, SampleCorpus) {
    const Book book = sample_book();
    ASSERT_EQ(book.articles.size(), 5u);
    ASSERT_EQ(book.metadata.get("conclusion-title"), "Conclusion");  // the one book field the OPF cannot hold
    const Book expected = expect_round_trip(book);
    EXPECT_TRUE(text_of(book, expected) == expected.articles) << "the corpus's text needs no normalising";
}

TEST(RoundTrip, HostilePunctuation) {
    const Book book = hostile_book();
    ASSERT_EQ(book.articles.size(), 1u);
    ASSERT_GE(book.articles.front().sections.size(), 8u);
    const Book expected = expect_round_trip(book);
    // Of the text, only the paragraph of tabs and space runs is shown (and so read) otherwise.
    const auto original = text_of(book, expected).front().introduction;
    const auto& carried = expected.articles.front().introduction;
    ASSERT_EQ(original.size(), carried.size());
    std::size_t changed = 0;
    for (std::size_t k = 0; k < original.size(); ++k)
        if (!(original[k] == carried[k])) {
            ++changed;
            EXPECT_NE(plain_text(original[k]).find('\t'), std::string::npos) << plain_text(original[k]);
        }
    EXPECT_EQ(changed, 1u);
    Article rest = text_of(book, expected).front();
    rest.introduction = carried;
    EXPECT_TRUE(rest == expected.articles.front());
}

TEST(RoundTrip, FeatureBookEveryBlockAndInline) {
    // Nested sections, lists (one starting at 3), a block quote, a code block, every inline
    // kind, a section titled "Conclusion" beside the real conclusion, an article in another
    // language, an id that is not an NCName, control characters and invalid UTF-8.
    expect_round_trip(feature_book());
}

// What of the shared feature book an EPUB cannot give back as it was, and only that:
// - images are the book's resources by their entry in the archive, prefixed by the input
//   ("features/EPUB/media/images/engine.png"): names unique in a book made of several EPUBs;
// - MathML is XML: a character reference ("&#x2211;") comes back as the character.
class FeatureBookAsCarried {
public:
    Article article(Article a, const std::filesystem::path& epub) const {
        a.source = epub;
        for (auto& b : a.summary) block(b);
        for (auto& b : a.introduction) block(b);
        for (auto& b : a.conclusion) block(b);
        std::vector<Section*> pending;
        for (auto& s : a.sections) pending.push_back(&s);
        while (!pending.empty()) {
            Section* s = pending.back();
            pending.pop_back();
            for (auto& b : s->blocks) block(b);
            for (auto& sub : s->subsections) pending.push_back(&sub);
        }
        return a;
    }

private:
    static std::string mathml_as_read(const std::string& mathml) {
        pugi::xml_document d;
        d.load_string(mathml.c_str());
        std::ostringstream out;
        d.document_element().print(out, "", pugi::format_raw);
        return out.str();
    }

    void inlines(std::vector<Inline>& is) const {
        for (auto& i : is) {
            if (i.kind == Inline::Kind::image) i.target = "features/EPUB/media/" + i.target;
            if (i.kind == Inline::Kind::math) i.math.mathml = mathml_as_read(i.math.mathml);
            inlines(i.children);
            for (auto& b : i.blocks) block(b);
        }
    }

    void block(Block& b) const {
        if (b.kind == Block::Kind::display_math) b.math.mathml = mathml_as_read(b.math.mathml);
        inlines(b.inlines);
        inlines(b.caption);
        inlines(b.attribution);
        for (auto& c : b.children) block(c);
        for (auto& item : b.items)
            for (auto& c : item) block(c);
        for (auto& d : b.definitions) {
            inlines(d.term);
            for (auto& def : d.definitions)
                for (auto& c : def) block(c);
        }
        for (auto& line : b.lines) inlines(line);
        for (auto* part : {&b.table.head, &b.table.body, &b.table.foot})
            for (auto& row : *part)
                for (auto& cell : row.cells)
                    for (auto& c : cell.blocks) block(c);
    }
};

TEST(RoundTrip, SharedFeatureBookEveryKindOfTheDocumentModel) {
    // tests/support's feature book (tables with spans, figures, notes, math, definition lists,
    // line blocks, task lists, admonitions, references across articles, an image) written by the
    // EPUB writer and read back: the same IR, but for what FeatureBookAsCarried lists.
    fascicle::test::FeatureBook features;
    fascicle::test::make_feature_book(features);
    TempDir dir;
    fascicle::test::FileOutput output(dir / "features.epub");
    fascicle::test::RecordingDiagnostics written;
    EpubWriter writer(stylesheet());
    ASSERT_EQ(fascicle::test::write_book(writer, features.book, output, written, {}, false, &features.resources),
              Status::ok)
        << written.text();
    const ReadBook read = read_epub(dir / "features.epub");
    ASSERT_EQ(read.status, Status::ok) << read.diagnostics.text();
    EXPECT_EQ(read.diagnostics.warning_count(), 0u) << read.diagnostics.text();
    ASSERT_EQ(read.book.articles.size(), features.book.articles.size()) << dump(read.book);
    const FeatureBookAsCarried carried;
    for (std::size_t k = 0; k < features.book.articles.size(); ++k) {
        const Article expected = carried.article(features.book.articles[k], dir / "features.epub");
        EXPECT_EQ(dump(read.book.articles[k]), dump(expected));
        EXPECT_TRUE(read.book.articles[k] == expected) << expected.id;
    }
    // The image is a resource of the book, with the bytes the writer put in the archive.
    const Resource* image = read.resources->find("features/EPUB/media/images/engine.png");
    ASSERT_NE(image, nullptr);
    EXPECT_EQ(image->media_type, "image/png");
    auto bytes = image->open();
    ASSERT_NE(bytes, nullptr);
    EXPECT_EQ(std::string(std::istreambuf_iterator<char>(*bytes), {}),
              fascicle::test::read_file(fascicle::test::test_data_dir() / "feature" / "engine.png"));
}

TEST(RoundTrip, OwnConclusionTitleBecomesArticleMetadata) {
    // The book's conclusion-title is not in the package: each conclusion's heading carries it,
    // and comes back as the article's own, so that writing again gives the same headings.
    Book book = small_book();
    book.metadata.set("conclusion-title", "Wrapping up");
    TempDir dir;
    const WrittenEpub written = write_epub(book, dir.path());
    ASSERT_EQ(written.status, Status::ok) << written.diagnostics.text();
    const ReadBook read = read_epub(written.path);
    ASSERT_EQ(read.status, Status::ok) << read.diagnostics.text();
    ASSERT_EQ(read.book.articles.size(), 1u);
    EXPECT_EQ(read.book.articles[0].metadata.get("conclusion-title"), "Wrapping up");
    EXPECT_EQ(read.book.articles[0].conclusion, book.articles[0].conclusion);
    EXPECT_TRUE(read.book.metadata.extra.empty());
}

TEST(RoundTrip, SplitEpubHasNoTitlePageAndReadsTheSame) {
    // --split writes one EPUB per article without the title page.
    const Book book = sample_book();
    TempDir dir;
    Book one;
    one.metadata = book.metadata;
    one.articles = {book.articles[3]};
    const WrittenEpub written = write_epub(one, dir.path(), "one.epub", {}, true);
    ASSERT_EQ(written.status, Status::ok) << written.diagnostics.text();
    const ReadBook read = read_epub(written.path);
    ASSERT_EQ(read.status, Status::ok) << read.diagnostics.text();
    ASSERT_EQ(read.book.articles.size(), 1u);
    EXPECT_EQ(dump(read.book.articles[0]), dump(as_carried_by_epub(one, written.path).articles[0]));
    EXPECT_TRUE(read.book.articles[0] == as_carried_by_epub(one, written.path).articles[0]);
    EXPECT_EQ(read.book.metadata.title, book.articles[3].title_text());  // a split EPUB is titled by its article
}

TEST(RoundTrip, StandardInputReadsLikeAFile) {
    const Book book = sample_book();
    TempDir dir;
    const WrittenEpub written = write_epub(book, dir.path());
    ASSERT_EQ(written.status, Status::ok) << written.diagnostics.text();
    const ReadBook from_file = read_epub(written.path);
    const ReadBook from_stream = read_epub_stream(written.bytes());
    ASSERT_EQ(from_stream.status, Status::ok) << from_stream.diagnostics.text();
    Book expected = from_file.book;
    for (auto& a : expected.articles) a.source.clear();  // standard input has no path
    EXPECT_TRUE(from_stream.book == expected) << dump(from_stream.book);
}

}  // namespace
}  // namespace fascicle::epub::test
