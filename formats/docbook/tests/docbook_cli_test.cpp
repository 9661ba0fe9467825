// End to end through the fascicle CLI: the sample corpus as DocBook (validated with jing) and as PDF.
#include "commands.hpp"

#include <test_support.hpp>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

namespace fascicle::docbook {
namespace {

using fascicle::test::TempDir;
using test::CommandResult;
using test::run_command;

const std::string fascicle_cli = FASCICLE_CLI;  // empty when the CLI target does not exist

std::vector<std::filesystem::path> corpus_files() {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(fascicle::test::sample_corpus_dir()))
        if (e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

// The table of contents of a corpus article: its "- " lines, which are its section titles.
std::vector<std::string> toc_of(const std::filesystem::path& article) {
    std::ifstream in(article);
    std::vector<std::string> toc;
    for (std::string line; std::getline(in, line);)
        if (line.rfind("- ", 0) == 0) toc.push_back(line.substr(2));
    return toc;
}

class FascicleCli : public ::testing::Test {
protected:
    void SetUp() override {
        if (fascicle_cli.empty()) GTEST_SKIP() << "the fascicle CLI is not part of this build";
    }

    CommandResult fascicle(std::vector<std::string> arguments) {
        arguments.insert(arguments.begin(), fascicle_cli);
        return run_command(arguments);
    }

    // Converts into `out`, checks fascicle succeeded, and returns the parsed output.
    pugi::xml_document convert_to_docbook(std::vector<std::string> arguments, const std::filesystem::path& out) {
        arguments.insert(arguments.end(), {"-o", out.string()});
        const auto run = fascicle(arguments);
        EXPECT_EQ(run.exit_code, 0) << run.output;
        pugi::xml_document doc;
        EXPECT_TRUE(doc.load_file(out.c_str())) << out;
        return doc;
    }

    void expect_valid(const std::vector<std::filesystem::path>& files) {
        const auto jing = test::validate_docbook(files);
        EXPECT_EQ(jing.exit_code, 0) << jing.output;
        EXPECT_EQ(jing.output, "") << "jing must print nothing for a valid document";
    }

    TempDir dir_;
};

TEST_F(FascicleCli, SampleCorpusBookIsValidDocBook) {
    const auto out = dir_ / "book.xml";
    const auto doc = convert_to_docbook({fascicle::test::sample_corpus_dir().string()}, out);
    expect_valid({out});

    const auto files = corpus_files();
    const auto chapters = doc.select_nodes("/book/chapter");
    ASSERT_EQ(chapters.size(), files.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
        const auto chapter = chapters[i].node();
        EXPECT_STRNE(chapter.child("info").child_value("title"), "");
        EXPECT_TRUE(chapter.child("info").child("abstract")) << files[i];
        // Every entry of the table of contents is a section; the conclusion follows them.
        std::vector<std::string> titles;
        for (auto s : chapter.children("section")) titles.push_back(s.child_value("title"));
        auto expected = toc_of(files[i]);
        expected.push_back("Conclusion");
        EXPECT_EQ(titles, expected) << files[i];
    }
}

TEST_F(FascicleCli, OneArticleBookIsValidDocBook) {
    const auto out = dir_ / "one.xml";
    const auto doc = convert_to_docbook({corpus_files().front().string()}, out);
    expect_valid({out});
    EXPECT_EQ(doc.select_nodes("/book/chapter").size(), 1u);
}

TEST_F(FascicleCli, ArticleDivisionBookIsValidDocBook) {
    const auto out = dir_ / "articles.xml";
    const auto doc =
        convert_to_docbook({fascicle::test::sample_corpus_dir().string(), "--docbook-division", "article"}, out);
    expect_valid({out});
    EXPECT_EQ(doc.select_nodes("/book/article").size(), corpus_files().size());
    EXPECT_EQ(doc.select_nodes("/book/chapter").size(), 0u);
}

TEST_F(FascicleCli, SplitArticlesAreValidStandaloneDocuments) {
    const auto split = dir_ / "split";
    const auto run = fascicle({fascicle::test::sample_corpus_dir().string(), "-t", "docbook", "--split", split.string()});
    ASSERT_EQ(run.exit_code, 0) << run.output;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(split)) files.push_back(e.path());
    EXPECT_EQ(files.size(), corpus_files().size());
    expect_valid(files);
}

TEST_F(FascicleCli, ListsTheDocBookAndPdfFormatsAndTheirOptions) {
    const auto formats = fascicle({"--list-formats"});
    ASSERT_EQ(formats.exit_code, 0) << formats.output;
    EXPECT_NE(formats.output.find(".xml .dbk"), std::string::npos) << formats.output;
    EXPECT_NE(formats.output.find(".pdf"), std::string::npos) << formats.output;
    const auto help = fascicle({"--help"});
    for (const char* option : {"--docbook-division", "--paper", "--print-work-dir", "--margin-inner", "--margin-outer",
                               "--margin-top", "--margin-bottom", "--font-size", "--bleed", "--crop-marks"})
        EXPECT_NE(help.output.find(option), std::string::npos) << option;
}

// A bad trim size or margin stops the run before any work: an error naming what is expected, a
// non-zero exit, no PDF.
TEST_F(FascicleCli, BadPaperOrMarginIsAnErrorAndWritesNothing) {
    const auto pdf = dir_ / "book.pdf";
    for (const std::vector<std::string>& bad : {std::vector<std::string>{"--paper", "6x9"},
                                                std::vector<std::string>{"--paper", "a3"},
                                                std::vector<std::string>{"--paper", "6x9in", "--margin-inner", "2"}}) {
        std::vector<std::string> arguments{fascicle::test::sample_corpus_dir().string(), "-o", pdf.string()};
        arguments.insert(arguments.end(), bad.begin(), bad.end());
        const auto run = fascicle(arguments);
        EXPECT_NE(run.exit_code, 0) << run.output;
        EXPECT_NE(run.output.find(bad[0] == "--paper" && bad.size() == 2 ? "--paper must be a4, letter, a5, b5, royal"
                                                                         : "--margin-inner must be a length with a unit"),
                  std::string::npos)
            << run.output;
        EXPECT_NE(run.output.find("not '" + bad.back() + "'"), std::string::npos) << run.output;
        EXPECT_FALSE(std::filesystem::exists(pdf)) << bad[1];
    }
}

TEST_F(FascicleCli, PdfWithoutFopNamesTheMissingTool) {
    const auto bin = dir_ / "bin";
    std::filesystem::create_directories(bin);
    const auto xsltproc = run_command({"sh", "-c", "command -v xsltproc"}).output;
    std::filesystem::create_symlink(xsltproc.substr(0, xsltproc.find('\n')), bin / "xsltproc");
    const auto pdf = dir_ / "book.pdf";
    const auto run = run_command({"env", "PATH=" + bin.string(), fascicle_cli,
                                  fascicle::test::sample_corpus_dir().string(), "-o", pdf.string()});
    EXPECT_NE(run.exit_code, 0);
    EXPECT_NE(run.output.find("needs 'fop' (Apache FOP), which is not on PATH"), std::string::npos) << run.output;
    EXPECT_EQ(run.output.find("'xsltproc'"), std::string::npos) << run.output;
    EXPECT_FALSE(std::filesystem::exists(pdf));
}

// pdftotext's text compared with a title: line breaks, hyphenation and hyphens dropped from both.
std::string comparable(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '-') continue;
        if (text.compare(i, 2, "\xC2\xAD") == 0 || text.compare(i, 3, "\xE2\x80\x90") == 0) {  // soft hyphen, U+2010
            i += text[i] == '\xC2' ? 1 : 2;
            continue;
        }
        out += c;
    }
    return out;
}

TEST_F(FascicleCli, SampleCorpusPrintsToPdf) {
    const auto pdf = dir_ / "corpus.pdf";
    const auto work = dir_ / "work";
    const auto run = fascicle({fascicle::test::sample_corpus_dir().string(), "-o", pdf.string(), "--print-work-dir",
                            work.string()});
    ASSERT_EQ(run.exit_code, 0) << run.output;

    // FOP's own log: no errors.
    const auto fop_log = fascicle::test::read_file(work / "fop.log");
    for (const char* bad : {"[ERROR]", "[FATAL]", "SEVERE", "ERROR:", "Exception"})
        EXPECT_EQ(fop_log.find(bad), std::string::npos) << fop_log;

    const auto info = run_command({"pdfinfo", pdf.string()});
    ASSERT_EQ(info.exit_code, 0) << info.output;
    const auto pages_at = info.output.find("Pages:");
    ASSERT_NE(pages_at, std::string::npos) << info.output;
    EXPECT_GT(std::stoi(info.output.substr(pages_at + 6)), 0);

    const auto text = run_command({"pdftotext", "-enc", "UTF-8", pdf.string(), "-"});
    ASSERT_EQ(text.exit_code, 0) << text.output;
    const auto pdf_text = comparable(text.output);

    // Every article title (from the DocBook the PDF was made from) and every section title
    // (from the corpus's own tables of contents).
    pugi::xml_document docbook;
    ASSERT_TRUE(docbook.load_file((work / "book.xml").c_str()));
    std::vector<std::string> titles;
    for (auto chapter : docbook.select_nodes("/book/chapter")) titles.push_back(chapter.node().child("info").child_value("title"));
    EXPECT_EQ(titles.size(), corpus_files().size());
    for (const auto& file : corpus_files())
        for (const auto& section : toc_of(file)) titles.push_back(section);
    titles.push_back("Conclusion");
    for (const auto& title : titles)
        EXPECT_NE(pdf_text.find(comparable(title)), std::string::npos) << "missing from the PDF: " << title;
}

}  // namespace
}  // namespace fascicle::docbook
