// The Markdown writer as a whole: golden files on the sample corpus (through the fascicle CLI) and
// on the hostile-punctuation article, --split, --standalone, wrapping options and their errors.
#include "golden.hpp"
#include "hostile_text.hpp"
#include "markdown_writer.hpp"
#include "render_markdown.hpp"
#include <sample_corpus_book.hpp>

#include <text_layout/display_width.hpp>
#include <text_layout/line_wrapper.hpp>

#include <feature_book.hpp>
#include <test_support.hpp>

#include <gtest/gtest.h>

#include <sstream>
#include <utility>

namespace fascicle::markdown::test {
namespace {

namespace fs = std::filesystem;
using fascicle::test::read_file;
using fascicle::test::run_fascicle;
using fascicle::test::sample_corpus_dir;
using fascicle::test::TempDir;

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// Articles rendered on several threads (fascicle -j) give the same bytes.
TEST(MarkdownGolden, SampleCorpusRenderedInParallel) {
    TempDir dir;
    auto r = run_fascicle({sample_corpus_dir().string(), "-o", (dir / "corpus.md").string(), "-j", "3"});
    ASSERT_EQ(r.status, 0) << r.err;
    expect_golden("corpus.md", read_file(dir / "corpus.md"));
}

TEST(MarkdownGolden, SampleCorpusThroughTheCli) {
    TempDir dir;
    auto r = run_fascicle({sample_corpus_dir().string(), "-o", (dir / "corpus.md").string()});
    ASSERT_EQ(r.status, 0) << r.err;
    expect_golden("corpus.md", read_file(dir / "corpus.md"));
}

TEST(MarkdownGolden, SampleCorpusGfmWrappedStandalone) {
    TempDir dir;
    auto r = run_fascicle({sample_corpus_dir().string(), "-o", (dir / "corpus.md").string(), "--markdown-flavor",
                        "gfm", "--wrap", "auto", "--standalone"});
    ASSERT_EQ(r.status, 0) << r.err;
    expect_golden("corpus-gfm-wrap-standalone.md", read_file(dir / "corpus.md"));
}

TEST(MarkdownGolden, SampleCorpusSplitOneFilePerArticle) {
    TempDir dir;
    auto r = run_fascicle({sample_corpus_dir().string(), "-t", "markdown", "--split", (dir / "out").string()});
    ASSERT_EQ(r.status, 0) << r.err;
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(dir / "out")) {
        EXPECT_EQ(entry.path().extension(), ".md");
        expect_golden("split/" + entry.path().filename().string(), read_file(entry.path()));
        ++files;
    }
    EXPECT_EQ(files, 5u);
}

TEST(MarkdownGolden, HostilePunctuationArticle) {
    Book book;
    book.articles.push_back(hostile_punctuation_article());
    expect_golden("hostile.md", render_markdown(book));
}

// The shared feature book, every kind of the model: as GFM (pipe table or HTML table, task
// list, alerts, footnotes...) and as CommonMark (HTML tables, boxes as text, no footnotes).
// The writer's warnings are part of what is reviewed: they say what each flavour loses.
TEST(MarkdownGolden, FeatureBookEveryKind) {
    fascicle::test::FeatureBook features;
    fascicle::test::make_feature_book(features);
    for (const auto& [flavor, golden] : {std::pair{"gfm", "every-kind.md"}, {"commonmark", "every-kind-commonmark.md"}}) {
        MarkdownWriter writer;
        fascicle::test::StringOutput output;
        fascicle::test::RecordingDiagnostics diagnostics;
        ASSERT_EQ(fascicle::test::write_book(writer, features.book, output, diagnostics, {{"markdown-flavor", flavor}}),
                  Status::ok);
        expect_golden(golden, output.str());
        expect_golden(std::string(golden) + ".warnings", diagnostics.text());
    }
}

TEST(MarkdownWriter, StandardOutputHoldsTheSameDocument) {
    TempDir dir;
    auto to_file = run_fascicle({sample_corpus_dir().string(), "-o", (dir / "corpus.md").string()});
    auto to_stdout = run_fascicle({sample_corpus_dir().string(), "-t", "markdown", "-o", "-"});
    ASSERT_EQ(to_stdout.status, 0) << to_stdout.err;
    EXPECT_EQ(to_stdout.out, read_file(dir / "corpus.md"));
}

TEST(MarkdownWriter, BookLayoutHeadingLevels) {
    const Book book = fascicle::test::sample_corpus_book();
    const auto lines = lines_of(render_markdown(book));
    ASSERT_FALSE(lines.empty());
    EXPECT_EQ(lines[0], "# Kratom and the Mind: Five Essays");
    std::size_t h1 = 0, h2 = 0, h3 = 0, conclusions = 0, quotes = 0;
    for (const auto& l : lines) {
        h1 += l.starts_with("# ");
        h2 += l.starts_with("## ");
        h3 += l.starts_with("### ");
        conclusions += l == "### Conclusion";
        quotes += l.starts_with("> ");
    }
    EXPECT_EQ(h1, 1u);
    EXPECT_EQ(h2, 5u);
    std::size_t sections = 0;
    for (const auto& a : book.articles) sections += a.sections.size() + (a.conclusion.empty() ? 0 : 1);
    EXPECT_EQ(h3, sections);
    EXPECT_EQ(conclusions, 5u);
    EXPECT_EQ(quotes, 5u);  // each summary, one line each without wrapping
}

TEST(MarkdownWriter, SplitMakesTheArticleTheTopHeading) {
    Book book = fascicle::test::sample_corpus_book();
    book.articles.resize(1);
    const auto lines = lines_of(render_markdown(book, {}, true));
    ASSERT_FALSE(lines.empty());
    EXPECT_EQ(lines[0], "# " + book.articles[0].title_text());
    for (const auto& l : lines) EXPECT_NE(l, "# Kratom and the Mind: Five Essays");
    EXPECT_NE(std::find(lines.begin(), lines.end(), "## Conclusion"), lines.end());
    EXPECT_NE(std::find(lines.begin(), lines.end(), "## " + book.articles[0].sections[0].title_text()), lines.end());
}

TEST(MarkdownWriter, ConclusionTitleComesFromMetadata) {
    Book book = fascicle::test::sample_corpus_book();
    book.articles.resize(2);
    book.metadata.set("conclusion-title", "Fazit");
    book.articles[1].metadata.set("conclusion-title", "En résumé");
    const auto lines = lines_of(render_markdown(book));
    EXPECT_EQ(std::count(lines.begin(), lines.end(), "### Fazit"), 1);
    EXPECT_EQ(std::count(lines.begin(), lines.end(), "### En résumé"), 1);
    EXPECT_EQ(std::count(lines.begin(), lines.end(), "### Conclusion"), 0);
}

TEST(MarkdownWriter, StandaloneMetadataBlock) {
    Book book;
    book.metadata.title = "Title: \"quoted\" \\ back # x";
    book.metadata.set_authors({"A. Writer", "B. O\u2019Neil"});
    book.metadata.language = "de";
    book.metadata.set("odd key", "line\nbreak\tand\x01" "control");
    Article a;
    a.id = "a";
    a.title = fascicle::title_inlines("Article");
    a.introduction.push_back(Block::paragraph("Text."));
    book.articles.push_back(a);

    const std::string md = render_markdown(book, {{"standalone", "true"}});
    EXPECT_TRUE(md.starts_with("---\n"
                               "title: \"Title: \\\"quoted\\\" \\\\ back # x\"\n"
                               "lang: \"de\"\n"
                               "author:\n"
                               "  - \"A. Writer\"\n"
                               "  - \"B. O\u2019Neil\"\n"
                               "\"odd key\": \"line\\nbreak\\tand\\x01control\"\n"
                               "---\n\n# Title: \"quoted\" \\\\ back # x\n"))
        << md;
    // Empty fields leave no keys; no metadata at all leaves no block.
    EXPECT_EQ(md.find("date:"), std::string::npos);
    Book bare;
    bare.articles.push_back(a);
    EXPECT_TRUE(render_markdown(bare, {{"standalone", "true"}}).starts_with("## <a id=\"a\"></a>Article\n"));
    // With --split each document has the article's title and the book's other metadata.
    const std::string split = render_markdown(book, {{"standalone", "true"}}, true);
    EXPECT_TRUE(split.starts_with("---\ntitle: \"Article\"\nlang: \"de\"\n")) << split;
    EXPECT_NE(split.find("\n---\n\n# Article\n"), std::string::npos) << split;
}

// pandoc reads the metadata block (it takes values as Markdown, so this title holds none).
TEST(MarkdownWriter, PandocReadsTheMetadataBlock) {
    if (fascicle::test::run_shell("command -v pandoc").status != 0) FAIL() << "pandoc is not installed (scripts/install-deps.sh installs it)";
    TempDir dir;
    Book book = fascicle::test::sample_corpus_book();
    book.articles.resize(1);
    book.metadata.title = "Kratom: \"Five\" Essays — #1";
    book.metadata.set_authors({"A. Writer", "B. O\u2019Neil"});
    book.metadata.language = "en";
    fascicle::test::write_file(dir / "book.md", render_markdown(book, {{"standalone", "true"}}));
    fascicle::test::write_file(dir / "meta.txt", "$title$\n$for(author)$$author$\n$endfor$$lang$\n");
    auto r = fascicle::test::run_shell("pandoc -f markdown-smart -t plain --template " +
                                    fascicle::test::shell_quote((dir / "meta.txt").string()) + " " +
                                    fascicle::test::shell_quote((dir / "book.md").string()));
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out, "Kratom: \"Five\" Essays — #1\nA. Writer\nB. O\u2019Neil\nen\n");
}

// Without wrapping every heading and paragraph is exactly one line.
TEST(MarkdownWriter, NoWrappingByDefault) {
    const Book book = fascicle::test::sample_corpus_book();
    std::size_t expected = 1;  // the book's title
    for (const auto& a : book.articles) {
        expected += 1 + a.summary.size() + a.introduction.size();
        for (const auto& s : a.sections) expected += 1 + s.blocks.size();
        if (!a.conclusion.empty()) expected += 1 + a.conclusion.size();
    }
    std::size_t non_blank = 0;
    for (const auto& l : lines_of(render_markdown(book))) non_blank += !l.empty();
    EXPECT_EQ(non_blank, expected);
}

TEST(MarkdownWriter, ColumnsWrapsAndNoLineIsWiderUnlessUnbreakable) {
    const Book book = fascicle::test::sample_corpus_book();
    for (std::size_t columns : {20, 40, 72}) {
        const std::string md = render_markdown(book, {{"columns", std::to_string(columns)}});
        EXPECT_EQ(md, render_markdown(book, {{"columns", std::to_string(columns)}, {"wrap", "auto"}}));
        for (const auto& line : lines_of(md)) {
            if (line.starts_with("#") || text_layout::display_width(line) <= columns) continue;
            // An overlong line is a word that cannot be broken (plus its "> " prefix).
            const std::string_view body = std::string_view(line).substr(line.starts_with("> ") ? 2 : 0);
            EXPECT_EQ(body.find(' '), std::string_view::npos) << columns << ": " << line;
        }
    }
    EXPECT_EQ(render_markdown(book, {{"wrap", "auto"}}), render_markdown(book, {{"columns", "72"}}));
    EXPECT_EQ(render_markdown(book, {{"wrap", "none"}, {"columns", "30"}}), render_markdown(book));
}

TEST(MarkdownWriter, BadOptionValuesAreReported) {
    const Options bad[] = {{{"markdown-flavor", "github"}}, {{"wrap", "yes"}},   {{"columns", "0"}},
                           {{"columns", "-3"}},             {{"columns", "7x"}}, {{"columns", "100000"}},
                           {{"standalone", "maybe"}}};
    for (const auto& options : bad) {
        MarkdownWriter writer;
        fascicle::test::StringOutput output;
        fascicle::test::RecordingDiagnostics diagnostics;
        WriteContext ctx{options, diagnostics, output, false};
        EXPECT_EQ(writer.begin_book({}, ctx), Status::failed) << options.begin()->first;
        ASSERT_EQ(diagnostics.error_count(), 1u) << diagnostics.text();
        EXPECT_NE(diagnostics.all[0].message.find("--" + options.begin()->first), std::string::npos)
            << diagnostics.all[0].message;
        EXPECT_EQ(output.str(), "");
    }
}

TEST(MarkdownWriter, EmptyBookWritesNothingAndOutputIsDeterministic) {
    EXPECT_EQ(render_markdown(Book{}), "");
    const Book book = fascicle::test::sample_corpus_book();
    EXPECT_EQ(render_markdown(book, {{"standalone", "true"}}), render_markdown(book, {{"standalone", "true"}}));
}

// The host may render articles apart (on several threads) and hand them over in order.
TEST(MarkdownWriter, RenderedApartIsWrittenTheSame) {
    const Book book = fascicle::test::sample_corpus_book();
    for (bool split : {false, true}) {
        const Options options{{"standalone", "true"}, {"columns", "50"}};
        MarkdownWriter writer;
        fascicle::test::StringOutput output;
        fascicle::test::RecordingDiagnostics diagnostics;
        WriteContext ctx{options, diagnostics, output, split};
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
        EXPECT_EQ(output.str(), render_markdown(book, options, split)) << "split " << split;
    }
}

TEST(MarkdownCli, ListsTheFormatAndItsOptions) {
    auto formats = run_fascicle({"--list-formats"});
    ASSERT_EQ(formats.status, 0) << formats.err;
    EXPECT_NE(formats.out.find("markdown      .md .markdown"), std::string::npos) << formats.out;
    auto help = run_fascicle({"--help"});
    for (const char* option : {"--markdown-flavor", "--wrap", "--columns", "--standalone"})
        EXPECT_NE(help.out.find(option), std::string::npos) << option;
}

TEST(MarkdownCli, BadOptionFailsWithoutWritingTheOutput) {
    TempDir dir;
    auto r = run_fascicle({sample_corpus_dir().string(), "-o", (dir / "x.md").string(), "--markdown-flavor", "x"});
    EXPECT_NE(r.status, 0);
    EXPECT_NE(r.err.find("--markdown-flavor must be commonmark or gfm"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir / "x.md"));
}

}  // namespace
}  // namespace fascicle::markdown::test
