// End to end through the fascicle CLI: the sample corpus as DocBook (validated with jing).
#include "commands.hpp"

#include <test_support.hpp>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <string>
#include <vector>

namespace fascicle::docbook {
namespace {

using fascicle::test::TempDir;
using test::CommandResult;
using test::run_command;

const std::string fascicle_cli = FASCICLE_CLI;  // empty when the CLI target does not exist

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

    const auto files = fascicle::test::sample_corpus_files();
    const auto chapters = doc.select_nodes("/book/chapter");
    ASSERT_EQ(chapters.size(), files.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
        const auto chapter = chapters[i].node();
        EXPECT_STRNE(chapter.child("info").child_value("title"), "");
        EXPECT_TRUE(chapter.child("info").child("abstract")) << files[i];
        // Every entry of the table of contents is a section; the conclusion follows them.
        std::vector<std::string> titles;
        for (auto s : chapter.children("section")) titles.push_back(s.child_value("title"));
        auto expected = fascicle::test::corpus_article_toc(files[i]);
        expected.push_back("Conclusion");
        EXPECT_EQ(titles, expected) << files[i];
    }
}

TEST_F(FascicleCli, OneArticleBookIsValidDocBook) {
    const auto out = dir_ / "one.xml";
    const auto doc = convert_to_docbook({fascicle::test::sample_corpus_files().front().string()}, out);
    expect_valid({out});
    EXPECT_EQ(doc.select_nodes("/book/chapter").size(), 1u);
}

TEST_F(FascicleCli, ArticleDivisionBookIsValidDocBook) {
    const auto out = dir_ / "articles.xml";
    const auto doc =
        convert_to_docbook({fascicle::test::sample_corpus_dir().string(), "--docbook-division", "article"}, out);
    expect_valid({out});
    EXPECT_EQ(doc.select_nodes("/book/article").size(), fascicle::test::sample_corpus_files().size());
    EXPECT_EQ(doc.select_nodes("/book/chapter").size(), 0u);
}

TEST_F(FascicleCli, SplitArticlesAreValidStandaloneDocuments) {
    const auto split = dir_ / "split";
    const auto run = fascicle({fascicle::test::sample_corpus_dir().string(), "-t", "docbook", "--split", split.string()});
    ASSERT_EQ(run.exit_code, 0) << run.output;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(split)) files.push_back(e.path());
    EXPECT_EQ(files.size(), fascicle::test::sample_corpus_files().size());
    expect_valid(files);
}

TEST_F(FascicleCli, ListsTheDocBookFormatAndItsOptions) {
    const auto formats = fascicle({"--list-formats"});
    ASSERT_EQ(formats.exit_code, 0) << formats.output;
    EXPECT_NE(formats.output.find(".xml .dbk"), std::string::npos) << formats.output;
    const auto help = fascicle({"--help"});
    for (const char* option : {"--docbook-division", "--extract-media", "--max-input-size", "--fail-on-loss"})
        EXPECT_NE(help.output.find(option), std::string::npos) << option;
}

}  // namespace
}  // namespace fascicle::docbook
