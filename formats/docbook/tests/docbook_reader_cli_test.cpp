// The DocBook reader through the fascicle CLI: DocBook back to the corpus format byte for byte,
// pandoc's DocBook to valid DocBook, and refused inputs.
#include "commands.hpp"
#include "read_docbook.hpp"

#include <test_support.hpp>

#include <gtest/gtest.h>

#include <algorithm>

namespace fascicle::docbook {
namespace {

using fascicle::test::read_file;
using fascicle::test::run_fascicle;
using fascicle::test::TempDir;

const std::string pandoc = FASCICLE_PANDOC;  // empty when pandoc was not found

std::vector<std::filesystem::path> files_in(const std::filesystem::path& dir, const std::string& extension) {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().extension() == extension) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

void expect_success(const fascicle::test::CommandResult& run) {
    EXPECT_EQ(run.status, 0) << run.err;
    EXPECT_EQ(run.err, "") << "nothing to report";
}

// Each article file, written back by article-text from DocBook, is the original in the format's
// canonical form: the sample files lack only the final newline the writer adds.
void expect_same_articles(const std::vector<std::filesystem::path>& originals, const std::filesystem::path& dir) {
    ASSERT_EQ(files_in(dir, ".txt").size(), originals.size());
    for (const auto& original : originals) {
        auto expected = read_file(original);
        if (!expected.ends_with('\n')) expected += '\n';
        EXPECT_EQ(read_file(dir / original.filename()), expected) << original.filename();
    }
}

TEST(DocBookReaderCli, SampleCorpusComesBackFromDocBookByteForByte) {
    TempDir dir;
    expect_success(run_fascicle({fascicle::test::sample_corpus_dir().string(), "-o", (dir / "book.xml").string()}));
    expect_success(run_fascicle({(dir / "book.xml").string(), "-t", "article-text", "--split", (dir / "back").string()}));
    expect_same_articles(files_in(fascicle::test::sample_corpus_dir(), ".txt"), dir / "back");
}

TEST(DocBookReaderCli, HostilePunctuationComesBackFromDocBookByteForByte) {
    TempDir dir;
    expect_success(run_fascicle({test::hostile_punctuation_file().string(), "-o", (dir / "hostile.xml").string()}));
    expect_success(run_fascicle({(dir / "hostile.xml").string(), "-t", "article-text", "--split", (dir / "back").string()}));
    expect_same_articles({test::hostile_punctuation_file()}, dir / "back");
}

TEST(DocBookReaderCli, SplitDocBookFolderComesBackByteForByte) {
    TempDir dir;
    const auto xml = dir / "xml";
    expect_success(run_fascicle({fascicle::test::sample_corpus_dir().string(), "-t", "docbook", "--split", xml.string()}));
    ASSERT_EQ(files_in(xml, ".xml").size(), 5u);
    expect_success(run_fascicle({xml.string(), "-t", "article-text", "--split", (dir / "back").string()}));
    expect_same_articles(files_in(fascicle::test::sample_corpus_dir(), ".txt"), dir / "back");
}

TEST(DocBookReaderCli, PandocChaptersBecomeValidDocBook) {
    if (pandoc.empty()) FAIL() << "pandoc is not installed (scripts/install-deps.sh installs it)";
    TempDir dir;
    const auto fixture = fascicle::test::test_data_dir() / "pandoc" / "fixture.md";
    const auto from_pandoc = dir / "pandoc.xml";
    const auto made = fascicle::test::run_shell(fascicle::test::shell_quote(pandoc) +
                                             " -f markdown -t docbook5 --standalone --top-level-division=chapter " +
                                             fascicle::test::shell_quote(fixture.string()) + " -o " +
                                             fascicle::test::shell_quote(from_pandoc.string()));
    ASSERT_EQ(made.status, 0) << made.err;
    EXPECT_NE(test::validate_docbook({from_pandoc}).exit_code, 0) << "pandoc's chapters in an article are not valid";

    const auto out = dir / "book.xml";
    const auto run = run_fascicle({from_pandoc.string(), "-o", out.string()});
    EXPECT_EQ(run.status, 0) << run.err;
    const auto jing = test::validate_docbook({out});
    EXPECT_EQ(jing.exit_code, 0) << jing.output;
    EXPECT_EQ(jing.output, "");
    const auto xml = read_file(out);
    EXPECT_NE(xml.find("<title>Field Notes on Paper and Ink</title>"), std::string::npos);
    EXPECT_EQ(xml.find("<chapter xml:id=\"caring-for-old-documents\">"), xml.rfind("<chapter"))
        << "the last of the fixture's three chapters is the book's last";
}

TEST(DocBookReaderCli, RefusedInputsFailWithTheirMessage) {
    TempDir dir;
    fascicle::test::write_file(dir / "bad.xml", "<book xmlns=\"http://docbook.org/ns/docbook\">\n<chapter>\n</book>\n");
    std::string bomb = "<!DOCTYPE book [\n<!ENTITY a0 \"aaaaaaaaaa\">\n";
    for (int n = 1; n <= 8; ++n) {
        bomb += "<!ENTITY a" + std::to_string(n) + " \"";
        for (int k = 0; k < 10; ++k) bomb += "&a" + std::to_string(n - 1) + ";";
        bomb += "\">\n";
    }
    fascicle::test::write_file(dir / "bomb.xml", bomb + "]>\n<book xmlns=\"http://docbook.org/ns/docbook\"><chapter>"
                                                     "<para>&a8;</para></chapter></book>\n");
    for (const char* name : {"bad.xml", "bomb.xml"}) {
        const auto run = run_fascicle({(dir / name).string(), "-o", (dir / "out.epub").string(), "-t", "docbook"});
        EXPECT_EQ(run.status, 65) << run.err;
        EXPECT_FALSE(std::filesystem::exists(dir / "out.epub"));
        const std::string expected = std::string(name) == "bad.xml"
                                         ? "bad.xml:3:3: error: not well-formed XML: Start-end tags mismatch"
                                         : "bomb.xml:12:60: error: entity references expand the document by more than 4 MiB";
        EXPECT_NE(run.err.find(expected), std::string::npos) << run.err;
    }
}

}  // namespace
}  // namespace fascicle::docbook
