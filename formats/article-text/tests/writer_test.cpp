// The canonical writer: its exact output, what it does with what the format cannot hold, and the
// one-article-per-file rule.
#include "read_text.hpp"

#include "article_text_writer.hpp"

#include <feature_book.hpp>
#include <golden_file.hpp>

#include <gtest/gtest.h>

namespace fascicle::article_text {
namespace {

using fascicle::test::RecordingDiagnostics;
using fascicle::test::StringOutput;

struct WriteResult {
    Status status = Status::failed;
    std::string text;
    RecordingDiagnostics diagnostics;
};

WriteResult write(const Book& book, bool split = false) {
    WriteResult result;
    ArticleTextWriter writer;
    StringOutput output;
    result.status = fascicle::test::write_book(writer, book, output, result.diagnostics, {}, split);
    result.text = output.str();
    return result;
}

Book book_of(Article article) {
    Book book;
    book.metadata.title = "A book";
    book.metadata.set_authors({"Someone"});
    book.articles.push_back(std::move(article));
    return book;
}

Article simple_article(const std::string& id = "simple") {
    Article a;
    a.id = id;
    a.title = fascicle::title_inlines("Part one");
    a.summary = {Block::paragraph("The summary.")};
    a.introduction = {Block::paragraph("Intro 1."), Block::paragraph("Intro 2.")};
    a.sections = {{"part-one", fascicle::title_inlines("Part one"), {Block::paragraph("P1.")}, {}},
                  {"part-two", fascicle::title_inlines("Part two"), {Block::paragraph("P2a."), Block::paragraph("P2b.")}, {}}};
    a.conclusion = {Block::paragraph("In conclusion, simple.")};
    return a;
}

constexpr std::string_view simple_text =
    "The summary.\nIntro 1.\nIntro 2.\n- Part one\n- Part two\nPart one\nP1.\nPart two\nP2a.\nP2b.\n"
    "In conclusion, simple.\n";

TEST(Writer, CanonicalForm) {
    auto r = write(book_of(simple_article()));
    ASSERT_EQ(r.status, Status::ok) << r.diagnostics.text();
    EXPECT_TRUE(r.diagnostics.all.empty()) << r.diagnostics.text();
    EXPECT_EQ(r.text, simple_text);
    EXPECT_FALSE(r.text.starts_with("\xEF\xBB\xBF"));
    EXPECT_EQ(r.text.find('\r'), std::string::npos);
    EXPECT_EQ(r.text.find("\n\n"), std::string::npos);
}

TEST(Writer, OutputReadsBackToTheSameArticle) {
    auto r = write(book_of(simple_article()));
    auto back = test::read_text(r.text, "simple.txt");
    ASSERT_EQ(back.status, Status::ok) << back.diagnostics.text();
    EXPECT_TRUE(back.diagnostics.all.empty()) << back.diagnostics.text();
    ASSERT_EQ(back.articles.size(), 1u);
    Article expected = simple_article();
    expected.source = "simple.txt";
    EXPECT_EQ(back.articles[0], expected) << dump(back.articles[0]);
}

TEST(Writer, Deterministic) {
    EXPECT_EQ(write(book_of(simple_article())).text, write(book_of(simple_article())).text);
}

TEST(Writer, MarkupAndOtherBlocksBecomePlainParagraphs) {
    Article a = simple_article();
    Block marked;
    marked.inlines = {Inline::plain("Some "),
                      Inline::wrap(Inline::Kind::emphasis, {Inline::plain("emphasised")}),
                      Inline::plain(" and "),
                      Inline::link_to("https://example.org", {Inline::plain("linked")}),
                      Inline::plain(" text,"),
                      Inline::wrap(Inline::Kind::line_break, {}),
                      Inline::code_span("code()"),
                      Inline::plain(" over\ntwo lines.")};
    Block list;
    list.kind = Block::Kind::list;
    list.items = {{Block::paragraph("First item.")}, {Block::paragraph("  Second item. ")}, {Block::paragraph(" ")}};
    Block quote;
    quote.kind = Block::Kind::block_quote;
    quote.children = {Block::paragraph("Quoted one."), Block::paragraph("Quoted two.")};
    Block code;
    code.kind = Block::Kind::code_block;
    code.text = "int x;\n\n  return x;\n";
    a.sections[0].blocks = {marked, list, quote, code};

    auto r = write(book_of(a));
    ASSERT_EQ(r.status, Status::ok) << r.diagnostics.text();
    EXPECT_NE(r.text.find("Part one\n"
                          "Some emphasised and linked text, code() over two lines.\n"
                          "First item.\nSecond item.\n"
                          "Quoted one.\nQuoted two.\n"
                          "int x;\nreturn x;\n"
                          "Part two\n"),
              std::string::npos)
        << r.text;
    EXPECT_EQ(r.text.find("\n\n"), std::string::npos);
}

TEST(Writer, ControlCharactersBecomeSpacesTabStays) {
    Article a = simple_article();
    a.sections[0].blocks = {Block::paragraph("a\rb\x01" "c\td\xC2\x85" "e\x7F" "f")};
    auto r = write(book_of(a));
    ASSERT_EQ(r.status, Status::ok);
    EXPECT_NE(r.text.find("\na b c\td e f\n"), std::string::npos) << r.text;
    EXPECT_EQ(test::read_text(r.text).status, Status::ok);
}

TEST(Writer, SecondArticleWithoutSplitIsAnError) {
    Book book = book_of(simple_article("one"));
    book.articles.push_back(simple_article("two"));
    auto r = write(book);
    EXPECT_EQ(r.status, Status::failed);
    ASSERT_EQ(r.diagnostics.error_count(), 1u);
    EXPECT_NE(r.diagnostics.all[0].message.find("article-text holds one article per file; use --split DIR"),
              std::string::npos);
}

// With --split the host gives every article a fresh writer; a writer told `split` accepts each.
TEST(Writer, SplitWritesEachArticleWithoutBookMatter) {
    Book book = book_of(simple_article("one"));
    auto r = write(book, true);
    ASSERT_EQ(r.status, Status::ok) << r.diagnostics.text();
    EXPECT_EQ(r.text, simple_text);
    EXPECT_EQ(r.text.find("A book"), std::string::npos);
}

TEST(Writer, NoArticleIsAnError) {
    auto r = write(Book{});
    EXPECT_EQ(r.status, Status::failed);
    ASSERT_EQ(r.diagnostics.error_count(), 1u);
    EXPECT_NE(r.diagnostics.all[0].message.find("no article to write"), std::string::npos);
}

TEST(Writer, AnArticleWithoutSectionsBecomesOneSectionWithAWarning) {
    Article a = simple_article();
    a.sections.clear();
    a.introduction = {Block::paragraph("Body one."), Block::paragraph("Body two.")};
    auto r = write(book_of(a));
    ASSERT_EQ(r.status, Status::ok) << r.diagnostics.text();
    EXPECT_NE(r.diagnostics.text().find("has no sections, and article-text needs one"), std::string::npos)
        << r.diagnostics.text();
    const std::string title = a.title_text();
    EXPECT_NE(r.text.find("- " + title + "\n" + title + "\nBody one.\nBody two.\n"), std::string::npos) << r.text;

    a.title.clear();  // untitled (a Markdown document without a heading): named by its id
    r = write(book_of(a));
    ASSERT_EQ(r.status, Status::ok) << r.diagnostics.text();
    EXPECT_NE(r.text.find("- " + a.id + "\n" + a.id + "\nBody one."), std::string::npos) << r.text;
}

TEST(Writer, SubsectionsAreFlattenedWithAWarning) {
    Article a = simple_article();
    a.sections[0].subsections = {{"deeper", fascicle::title_inlines("Deeper"), {Block::paragraph("D.")}, {}}};
    auto r = write(book_of(a));
    ASSERT_EQ(r.status, Status::ok);
    EXPECT_EQ(r.text,
              "The summary.\nIntro 1.\nIntro 2.\n- Part one\n- Deeper\n- Part two\nPart one\nP1.\nDeeper\nD.\n"
              "Part two\nP2a.\nP2b.\nIn conclusion, simple.\n");
    ASSERT_EQ(r.diagnostics.warning_count(), 1u);
    EXPECT_NE(r.diagnostics.all[0].message.find("1 subsections are written as sections"), std::string::npos);
}

// Each shape that would read back differently is written anyway, with a warning that says how.
TEST(Writer, WarnsAboutWhatReadsBackDifferently) {
    struct Case {
        const char* name;
        void (*change)(Article&);
        const char* warning;
    };
    const Case cases[] = {
        {"no summary", [](Article& a) { a.summary.clear(); }, "will read back as the summary"},
        {"two summary paragraphs", [](Article& a) { a.summary.push_back(Block::paragraph("More.")); },
         "the others will read back as introduction"},
        {"dash paragraph", [](Article& a) { a.introduction[0] = Block::paragraph("- listed"); },
         "will read back as a table of contents entry"},
        {"paragraph equal to a title", [](Article& a) { a.sections[1].blocks[0] = Block::paragraph("Part  one"); },
         "equals a section title"},
        {"no conclusion", [](Article& a) { a.conclusion.clear(); }, "will read back as the conclusion"},
        {"empty last section", [](Article& a) { a.sections[1].blocks.clear(); },
         "the conclusion will read back as its paragraph"},
        {"untitled section", [](Article& a) { a.sections[1].title = fascicle::title_inlines(" "); }, "has no title"},
    };
    for (const auto& c : cases) {
        Article a = simple_article();
        c.change(a);
        auto r = write(book_of(a));
        EXPECT_EQ(r.status, Status::ok) << c.name;
        ASSERT_EQ(r.diagnostics.warning_count(), 1u) << c.name << "\n" << r.diagnostics.text();
        EXPECT_NE(r.diagnostics.all[0].message.find(c.warning), std::string::npos) << c.name << ": "
                                                                                   << r.diagnostics.text();
        EXPECT_NE(r.diagnostics.all[0].message.find("article \"simple\""), std::string::npos);
    }
}

// The title lives in the book's metadata, not in the file: a note says so when it differs.
TEST(Writer, TitleOtherThanFirstSectionGivesANote) {
    Article a = simple_article();
    a.title = fascicle::title_inlines("A title from book.ini");
    auto r = write(book_of(a));
    ASSERT_EQ(r.status, Status::ok);
    EXPECT_EQ(r.text, simple_text);
    ASSERT_EQ(r.diagnostics.all.size(), 1u);
    EXPECT_EQ(r.diagnostics.all[0].severity, Severity::note);
    EXPECT_NE(r.diagnostics.all[0].message.find("[article simple] title"), std::string::npos);
}

TEST(Writer, InvalidUtf8IsAnError) {
    Article a = simple_article();
    a.sections[0].blocks = {Block::paragraph("bad \xFF byte")};
    auto r = write(book_of(a));
    EXPECT_EQ(r.status, Status::failed);
    EXPECT_EQ(r.diagnostics.error_count(), 1u);
    EXPECT_TRUE(r.text.empty());
}

}  // namespace
}  // namespace fascicle::article_text

namespace fascicle::article_text {
namespace {

// The shared feature book, every kind of the document model, each article alone (the format
// holds one): what the corpus format keeps, in a reviewed golden file, and a warning for each
// kind it cannot hold, naming the article and what became of it.
TEST(Writer, EveryKindIsWrittenOrReported) {
    fascicle::test::FeatureBook features;
    fascicle::test::make_feature_book(features);
    std::string text;
    std::string warnings;
    for (const auto& article : features.book.articles) {
        Book one;
        one.metadata = features.book.metadata;
        one.articles = {article};
        auto r = write(one);
        ASSERT_EQ(r.status, Status::ok) << r.diagnostics.text();
        text += "=== " + article.id + "\n" + r.text;
        for (const auto& d : r.diagnostics.of(Severity::warning)) warnings += d.format() + "\n";
    }
    fascicle::test::expect_golden_file(ARTICLE_TEXT_TEST_GOLDEN_DIR "/every-kind.txt", text);
    fascicle::test::expect_golden_file(ARTICLE_TEXT_TEST_GOLDEN_DIR "/every-kind.warnings.txt", warnings);
    // The kinds the format cannot hold, each reported (the golden file says how).
    for (const char* kind : {"tables", "images", "notes", "inline formulas", "definition lists", "figures"})
        EXPECT_NE(warnings.find(kind), std::string::npos) << kind << "\n" << warnings;
}

}  // namespace
}  // namespace fascicle::article_text
