// The plain-text writer: golden files on the sample corpus (through the fascicle CLI), its layout
// (titles underlined to their display width, summary indented, contents list), that it adds
// no markup and loses no text, that no line is wider than --columns, and its option errors.
#include "golden.hpp"
#include "plain_writer.hpp"
#include <sample_corpus_book.hpp>

#include <text_layout/display_width.hpp>
#include <text_layout/line_wrapper.hpp>

#include <feature_book.hpp>
#include <test_support.hpp>

#include <gtest/gtest.h>

#include <sstream>
#include <utility>

namespace fascicle::plain::test {
namespace {

namespace fs = std::filesystem;
using fascicle::test::read_file;
using fascicle::test::run_fascicle;
using fascicle::test::sample_corpus_dir;
using fascicle::test::TempDir;
using text_layout::display_width;

std::string render(const Book& book, const Options& options = {}, bool split = false) {
    PlainTextWriter writer;
    fascicle::test::StringOutput output;
    fascicle::test::RecordingDiagnostics diagnostics;
    EXPECT_EQ(fascicle::test::write_book(writer, book, output, diagnostics, options, split), Status::ok)
        << diagnostics.text();
    EXPECT_TRUE(diagnostics.all.empty()) << diagnostics.text();
    return output.str();
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

bool is_rule(const std::string& line) {
    return !line.empty() && (line.find_first_not_of('=') == std::string::npos ||
                             line.find_first_not_of('-') == std::string::npos);
}

std::string without_whitespace(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != ' ' && c != '\n' && c != '\t') out += c;
    return out;
}

// Every title and paragraph of the book in reading order, whitespace removed.
std::string text_of(const Book& book) {
    std::string out = book.metadata.title;
    for (const auto& a : book.metadata.authors()) out += a;
    for (const auto& a : book.articles) {
        out += a.title_text();
        for (const auto& b : a.summary) out += plain_text(b);
        for (const auto& b : a.introduction) out += plain_text(b);
        for (const auto& s : a.sections) {
            out += s.title_text();
            for (const auto& b : s.blocks) out += plain_text(b);
        }
        if (!a.conclusion.empty()) out += "Conclusion";
        for (const auto& b : a.conclusion) out += plain_text(b);
    }
    return without_whitespace(out);
}

Book sample_with_authors() {
    Book book = fascicle::test::sample_corpus_book();
    book.metadata.set_authors({"A. Writer", "B. Other"});
    return book;
}

// Articles rendered on several threads (fascicle -j) give the same bytes.
TEST(PlainGolden, SampleCorpusRenderedInParallel) {
    TempDir dir;
    auto r = run_fascicle({sample_corpus_dir().string(), "-o", (dir / "corpus.txt").string(), "-j", "3"});
    ASSERT_EQ(r.status, 0) << r.err;
    expect_golden("corpus.txt", read_file(dir / "corpus.txt"));
}

TEST(PlainGolden, SampleCorpusThroughTheCli) {
    TempDir dir;
    auto r = run_fascicle({sample_corpus_dir().string(), "-o", (dir / "corpus.txt").string()});
    ASSERT_EQ(r.status, 0) << r.err;
    expect_golden("corpus.txt", read_file(dir / "corpus.txt"));
}

TEST(PlainGolden, SampleCorpusWithContentsAt40Columns) {
    TempDir dir;
    auto r = run_fascicle(
        {sample_corpus_dir().string(), "-o", (dir / "corpus.txt").string(), "--toc", "--columns", "40"});
    ASSERT_EQ(r.status, 0) << r.err;
    expect_golden("corpus-toc-40.txt", read_file(dir / "corpus.txt"));
}

TEST(PlainGolden, SampleCorpusSplitOneFilePerArticle) {
    TempDir dir;
    auto r = run_fascicle({sample_corpus_dir().string(), "-t", "plain", "--split", (dir / "out").string()});
    ASSERT_EQ(r.status, 0) << r.err;
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(dir / "out")) {
        EXPECT_EQ(entry.path().extension(), ".txt");
        expect_golden("split/" + entry.path().filename().string(), read_file(entry.path()));
        ++files;
    }
    EXPECT_EQ(files, 5u);
}

// Nothing added but underlines and whitespace, nothing lost: no markup characters.
TEST(PlainTextWriter, AllTheTextAndNothingElse) {
    const Book book = sample_with_authors();
    for (const auto& columns : {"72", "20"}) {
        std::string kept;
        for (const auto& line : lines_of(render(book, {{"columns", columns}})))
            if (!is_rule(line)) kept += line;
        EXPECT_EQ(without_whitespace(kept), text_of(book)) << columns;
    }
}

TEST(PlainTextWriter, NoLineIsWiderThanTheColumnsUnlessUnbreakable) {
    Book book = fascicle::test::sample_corpus_book();
    Article cjk;
    cjk.id = "cjk";
    cjk.title = fascicle::title_inlines("中文标题：显示宽度 😀 Überschrift");
    cjk.introduction.push_back(Block::paragraph(
        "中文文本没有空格，换行可以在任何两个汉字之间发生。日本語のテキストは、ひらがな・カタカナ・漢字が混在します。"
        "Emoji 👨‍👩‍👧‍👦 🇫🇷 👍🏽 and café crème, Supercalifragilisticexpialidocious."));
    book.articles.push_back(cjk);
    for (std::size_t columns : {12, 30, 72}) {
        for (const auto& line : lines_of(render(book, {{"columns", std::to_string(columns)}, {"toc", "true"}}))) {
            if (display_width(line) <= columns) continue;
            // An overlong line is an unbreakable word, maybe after its indentation.
            const std::string_view word = std::string_view(line).substr(line.find_first_not_of(' '));
            EXPECT_TRUE(text_layout::line_break_opportunities(word).empty()) << columns << ": " << line;
        }
    }
}

TEST(PlainTextWriter, TitlesAreUnderlinedToTheirDisplayWidth) {
    Book book;
    book.metadata.title = "中文书名";
    book.metadata.set_authors({"作者"});
    Article a;
    a.id = "a";
    a.title = fascicle::title_inlines("Café 😀");
    Section s;
    s.id = "s";
    s.title = fascicle::title_inlines("日本語");
    s.blocks.push_back(Block::paragraph("Text."));
    a.sections.push_back(s);
    a.conclusion.push_back(Block::paragraph("End."));
    book.articles.push_back(a);
    EXPECT_EQ(render(book), "========\n中文书名\n========\n作者\n\n\n"
                            "Café 😀\n=======\n\n"
                            "日本語\n------\n\nText.\n\n"
                            "Conclusion\n----------\n\nEnd.\n");
}

TEST(PlainTextWriter, SummaryIsIndentedAndListsQuotesCodeAreLaidOut) {
    Article a;
    a.id = "a";
    a.title = fascicle::title_inlines("T");
    a.summary = {Block::paragraph("A summary long enough to wrap at twenty columns.")};
    Block list;
    list.kind = Block::Kind::list;
    list.ordered = true;
    list.start = 9;
    list.items = {{Block::paragraph("nine, which wraps under its text")}, {Block::paragraph("ten")}};
    Block quote;
    quote.kind = Block::Kind::block_quote;
    quote.children = {Block::paragraph("quoted")};
    Block code;
    code.kind = Block::Kind::code_block;
    code.text = "int x;\n\n  y();\n";
    Block bullets;
    bullets.kind = Block::Kind::list;
    bullets.items = {{Block::paragraph("one")}, {Block::paragraph("two"), Block::paragraph("more")}};
    Block styled;
    styled.inlines = {Inline::plain("see "),
                      Inline::link_to("https://example.org", {Inline::plain("the site")}),
                      Inline::plain(" and "), Inline::wrap(Inline::Kind::emphasis, {Inline::plain("this")}),
                      Inline::wrap(Inline::Kind::line_break, {}), Inline::plain("next line")};
    a.introduction = {list, quote, code, bullets, styled};
    Book book;
    book.articles.push_back(a);
    EXPECT_EQ(render(book, {{"columns", "20"}}),
              "T\n=\n\n"
              "    A summary long\n    enough to wrap\n    at twenty\n    columns.\n\n"
              "9. nine, which wraps\n   under its text\n10. ten\n\n"
              "    quoted\n\n"
              "    int x;\n\n      y();\n\n"
              "- one\n\n- two\n\n  more\n\n"
              "see the site\n(https://\nexample.org) and\nthis\nnext line\n");
}

TEST(PlainTextWriter, ContentsListWithToc) {
    const Book book = sample_with_authors();
    const auto lines = lines_of(render(book, {{"toc", "true"}}));
    ASSERT_GT(lines.size(), 10u);
    EXPECT_EQ(lines[1], book.metadata.title);
    EXPECT_EQ(lines[3], "A. Writer");
    EXPECT_EQ(lines[4], "B. Other");
    EXPECT_EQ(lines[6], "Contents");
    EXPECT_EQ(lines[7], "--------");
    EXPECT_EQ(lines[9], book.articles[0].title_text());
    EXPECT_EQ(lines[10], "    " + book.articles[0].sections[0].title_text());
    // The contents: each article's title at the left margin (wrapped lines indented two),
    // its sections and conclusion indented four, then the first article.
    std::size_t articles = 0, sections = 0, k = 9;
    for (; k < lines.size() && !lines[k].empty(); ++k) {
        if (!lines[k].starts_with(" ")) ++articles;
        else if (lines[k].starts_with("    ") && lines[k][4] != ' ') ++sections;
        else EXPECT_TRUE(lines[k].starts_with("  ")) << lines[k];
    }
    std::size_t expected_sections = 0;
    for (const auto& a : book.articles) expected_sections += a.sections.size() + (a.conclusion.empty() ? 0 : 1);
    EXPECT_EQ(articles, book.articles.size());
    EXPECT_EQ(sections, expected_sections);
    ASSERT_LT(k + 3, lines.size());
    EXPECT_EQ(lines[k + 1], "");
    EXPECT_EQ(lines[k + 2], book.articles[0].title_text());
    // Without --toc there is no contents list; the body is the same.
    const std::string with = render(book, {{"toc", "true"}});
    const std::string without = render(book);
    EXPECT_EQ(without.find("Contents\n--------"), std::string::npos);
    EXPECT_EQ(with.substr(with.find("\n\n\n" + book.articles[0].title_text() + "\n=")),
              without.substr(without.find("\n\n\n" + book.articles[0].title_text() + "\n=")));
}

TEST(PlainTextWriter, SplitLeavesOutTheBookTitleAndContents) {
    Book book = sample_with_authors();
    book.articles.resize(1);
    const std::string text = render(book, {{"toc", "true"}}, true);
    EXPECT_TRUE(text.starts_with(book.articles[0].title_text() + "\n=")) << text.substr(0, 200);
    EXPECT_EQ(text.find(book.metadata.title), std::string::npos);
    EXPECT_EQ(text.find("Contents"), std::string::npos);
}

TEST(PlainTextWriter, ConclusionAndContentsTitlesFromMetadata) {
    Book book = fascicle::test::sample_corpus_book();
    book.articles.resize(1);
    book.metadata.set("conclusion-title", "Fazit");
    book.metadata.set("toc-title", "Inhalt");
    const auto lines = lines_of(render(book, {{"toc", "true"}}));
    EXPECT_EQ(std::count(lines.begin(), lines.end(), "Fazit"), 1);
    EXPECT_EQ(std::count(lines.begin(), lines.end(), "    Fazit"), 1);
    EXPECT_EQ(std::count(lines.begin(), lines.end(), "Inhalt"), 1);
}

TEST(PlainTextWriter, BadOptionValuesAreReported) {
    const Options bad[] = {{{"columns", "0"}}, {{"columns", "wide"}}, {{"columns", "-1"}}, {{"toc", "maybe"}}};
    for (const auto& options : bad) {
        PlainTextWriter writer;
        fascicle::test::StringOutput output;
        fascicle::test::RecordingDiagnostics diagnostics;
        WriteContext ctx{options, diagnostics, output, false};
        EXPECT_EQ(writer.begin_book({}, ctx), Status::failed);
        ASSERT_EQ(diagnostics.error_count(), 1u) << diagnostics.text();
        EXPECT_NE(diagnostics.all[0].message.find("--" + options.begin()->first), std::string::npos);
        EXPECT_EQ(output.str(), "");
    }
}

TEST(PlainTextWriter, EmptyBookWritesNothingAndOutputIsDeterministic) {
    EXPECT_EQ(render(Book{}), "");
    EXPECT_EQ(render(Book{}, {{"toc", "true"}}), "Contents\n--------\n\n");
    const Book book = fascicle::test::sample_corpus_book();
    EXPECT_EQ(render(book, {{"toc", "true"}}), render(book, {{"toc", "true"}}));
}

// The host may render articles apart (on several threads) and hand them over in order.
TEST(PlainTextWriter, RenderedApartIsWrittenTheSame) {
    const Book book = sample_with_authors();
    for (const Options& options : {Options{}, Options{{"toc", "true"}, {"columns", "40"}}}) {
        PlainTextWriter writer;
        fascicle::test::StringOutput output;
        fascicle::test::RecordingDiagnostics diagnostics;
        WriteContext ctx{options, diagnostics, output, false};
        ASSERT_EQ(writer.begin_book(book.metadata, ctx), Status::ok);
        std::vector<std::string> rendered;
        for (const auto& a : book.articles) {
            auto r = std::as_const(writer).render_article(a, diagnostics);
            ASSERT_TRUE(r.has_value());
            rendered.push_back(std::move(*r));
        }
        for (std::size_t k = 0; k < book.articles.size(); ++k)
            ASSERT_EQ(writer.write_rendered(book.articles[k], std::move(rendered[k])), Status::ok);
        ASSERT_EQ(writer.end_book(), Status::ok);
        EXPECT_EQ(output.str(), render(book, options)) << options.size();
    }
}

TEST(PlainCli, TxtOutputIsPlainTextAndStandardOutputWorks) {
    TempDir dir;
    auto file = run_fascicle({sample_corpus_dir().string(), "-o", (dir / "book.txt").string()});
    ASSERT_EQ(file.status, 0) << file.err;
    auto out = run_fascicle({sample_corpus_dir().string(), "-t", "plain", "-o", "-"});
    ASSERT_EQ(out.status, 0) << out.err;
    EXPECT_EQ(out.out, read_file(dir / "book.txt"));
    EXPECT_TRUE(out.out.starts_with("================================\nKratom and the Mind: Five Essays\n"));
}

}  // namespace
}  // namespace fascicle::plain::test

namespace fascicle::plain::test {
namespace {

// The shared feature book: every kind as text, without a warning; the table drawn as a grid whose
// rows all have the same display width; the notes numbered at the article's end; the golden file.
TEST(PlainFeatureBook, EveryKindAsTextWithATableGridAndNumberedNotes) {
    fascicle::test::FeatureBook features;
    fascicle::test::make_feature_book(features);
    const std::string text = render(features.book, {{"columns", "60"}});
    expect_golden("every-kind.txt", text);

    std::vector<std::string> grid;
    for (const auto& line : lines_of(text))
        if (line.starts_with("+") || line.starts_with("|")) grid.push_back(line);
    ASSERT_GE(grid.size(), 10u) << text;
    for (const auto& line : grid) {
        EXPECT_EQ(display_width(line), display_width(grid.front())) << line;
        EXPECT_LE(display_width(line), 60u) << line;
    }
    EXPECT_NE(text.find("+===="), std::string::npos) << "the head is ruled off";
    for (const char* shown : {"[image: A wheel and a box: the engine, drawn small]", "x^2", "[1]",
                              "[1] The engine was never finished.", "[x] done", "[ ] to do", "Tip:",
                              "    algebraic patterns", "\\sum_{k=1}^{n}", "* * *", "Mill", "    The part that computes."})
        EXPECT_NE(text.find(shown), std::string::npos) << shown << "\n" << text;
}

}  // namespace
}  // namespace fascicle::plain::test
