// End to end through the fascicle CLI: the pdf format listed with its options, bad options and a
// missing tool refused before any work, and the sample corpus printed (one FOP render, ~30 s).
#include "pdf_test_support.hpp"

#include <test_support.hpp>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <string>
#include <vector>

namespace fascicle::pdf {
namespace {

using fascicle::test::TempDir;
using test::CommandResult;
using test::run_command;

class PdfCli : public ::testing::Test {
protected:
    CommandResult fascicle(std::vector<std::string> arguments) {
        arguments.insert(arguments.begin(), FASCICLE_CLI);
        return run_command(arguments);
    }

    TempDir dir_;
};

TEST_F(PdfCli, ListsThePdfFormatAndItsOptions) {
    const auto formats = fascicle({"--list-formats"});
    ASSERT_EQ(formats.exit_code, 0) << formats.output;
    EXPECT_NE(formats.output.find(".pdf"), std::string::npos) << formats.output;
    const auto plugins = fascicle({"--list-plugins"});
    EXPECT_NE(plugins.output.find("fascicle-pdf.so"), std::string::npos) << plugins.output;
    const auto help = fascicle({"--help"});
    for (const char* option : {"--docbook-division", "--paper", "--print-work-dir", "--margin-inner", "--margin-outer",
                               "--margin-top", "--margin-bottom", "--font-size", "--bleed", "--crop-marks",
                               "--write-page-map", "--allow-missing-glyphs", "--pdf-a", "--pdf-ua", "--pdf-x",
                               "--pdf-output-intent"})
        EXPECT_NE(help.output.find(option), std::string::npos) << option;
}

// A bad trim size or margin stops the run before any work: an error naming what is expected, a
// non-zero exit, no PDF.
TEST_F(PdfCli, BadPaperOrMarginIsAnErrorAndWritesNothing) {
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

TEST_F(PdfCli, PdfWithoutFopNamesTheMissingTool) {
    const auto bin = dir_ / "bin";
    std::filesystem::create_directories(bin);
    const auto xsltproc = run_command({"sh", "-c", "command -v xsltproc"}).output;
    std::filesystem::create_symlink(xsltproc.substr(0, xsltproc.find('\n')), bin / "xsltproc");
    const auto pdf = dir_ / "book.pdf";
    const auto run = run_command({"env", "PATH=" + bin.string(), FASCICLE_CLI,
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

TEST_F(PdfCli, SampleCorpusPrintsToPdf) {
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
    for (auto chapter : docbook.select_nodes("/book/chapter"))
        titles.push_back(chapter.node().child("info").child_value("title"));
    EXPECT_EQ(titles.size(), fascicle::test::sample_corpus_files().size());
    for (const auto& file : fascicle::test::sample_corpus_files())
        for (const auto& section : fascicle::test::corpus_article_toc(file)) titles.push_back(section);
    titles.push_back("Conclusion");
    for (const auto& title : titles)
        EXPECT_NE(pdf_text.find(comparable(title)), std::string::npos) << "missing from the PDF: " << title;
}

}  // namespace
}  // namespace fascicle::pdf
