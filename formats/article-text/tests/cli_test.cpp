// article-text through the fascicle executable: the corpus written back with --split, the one-article
// rule, and invalid inputs with and without --skip-invalid.
#include <test_support.hpp>

#include <gtest/gtest.h>

namespace fascicle::article_text {
namespace {

namespace fs = std::filesystem;
using fascicle::test::read_file;
using fascicle::test::run_fascicle;
using fascicle::test::sample_corpus_dir;
using fascicle::test::TempDir;
using fascicle::test::write_file;

std::size_t file_count(const fs::path& dir) {
    if (!fs::exists(dir)) return 0;
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

// Two good articles and two invalid ones, in file-name order.
void write_mixed_corpus(const fs::path& dir) {
    fs::create_directories(dir);
    fs::copy_file(sample_corpus_dir() / "000_f53ed46ec5733f67.txt", dir / "000_f53ed46ec5733f67.txt");
    write_file(dir / "001_missing_heading.txt", "Summary.\nIntro.\n- A\n- B\nA\nText.\n");
    write_file(dir / "002_bad_bytes.txt", "Sum\xFFmary.\n");
    fs::copy_file(sample_corpus_dir() / "003_2bacc78b38ca7213.txt", dir / "003_2bacc78b38ca7213.txt");
}

TEST(Cli, ListsTheFormat) {
    auto r = run_fascicle({"--list-formats"});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("article-text"), std::string::npos) << r.out;
}

TEST(Cli, SplitWritesTheCorpusBackExactly) {
    TempDir dir;
    auto r = run_fascicle({sample_corpus_dir().string(), "-t", "article-text", "--split", (dir / "out").string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.err, "");
    std::size_t compared = 0;
    for (const auto& entry : fs::directory_iterator(sample_corpus_dir())) {
        if (entry.path().extension() != ".txt") continue;  // book.ini
        const auto written = dir / "out" / entry.path().filename();
        ASSERT_TRUE(fs::exists(written)) << written;
        EXPECT_EQ(read_file(written), read_file(entry.path()) + "\n") << written;
        ++compared;
    }
    EXPECT_EQ(compared, 5u);
    EXPECT_EQ(file_count(dir / "out"), 5u);
}

TEST(Cli, OneArticleToOneFileAndToStandardOutput) {
    TempDir dir;
    const auto sample = sample_corpus_dir() / "001_5c28922ac5a6e777.txt";
    auto r = run_fascicle({sample.string(), "-t", "article-text", "-o", (dir / "copy.txt").string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(read_file(dir / "copy.txt"), read_file(sample) + "\n");

    auto piped = run_fascicle({"-f", "article-text", "-t", "article-text", "-", "-o", "-"}, "", sample.string());
    ASSERT_EQ(piped.status, 0) << piped.err;
    EXPECT_EQ(piped.out, read_file(sample) + "\n");
}

TEST(Cli, ManyArticlesToOneFileFailsAndWritesNothing) {
    TempDir dir;
    auto r = run_fascicle({sample_corpus_dir().string(), "-t", "article-text", "-o", (dir / "all.txt").string()});
    EXPECT_NE(r.status, 0);
    EXPECT_NE(r.err.find("article-text holds one article per file; use --split DIR"), std::string::npos) << r.err;
    EXPECT_EQ(file_count(dir.path()), 0u);
}

TEST(Cli, InvalidInputFailsTheRunWithFileAndLine) {
    TempDir dir;
    write_mixed_corpus(dir / "corpus");
    auto r = run_fascicle({(dir / "corpus").string(), "-t", "article-text", "--split", (dir / "out").string()});
    EXPECT_EQ(r.status, 65) << r.err;
    const auto file = (dir / "corpus" / "001_missing_heading.txt").string();
    EXPECT_NE(r.err.find(file + ":6: error: expected the heading \"B\" (table of contents entry 2, line 4) but "
                                "reached the end of the file"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(file_count(dir / "out"), 0u);
}

TEST(Cli, SkipInvalidConvertsTheRest) {
    TempDir dir;
    write_mixed_corpus(dir / "corpus");
    auto r = run_fascicle(
        {(dir / "corpus").string(), "-t", "article-text", "--split", (dir / "out").string(), "--skip-invalid"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.err.find((dir / "corpus" / "001_missing_heading.txt").string() + ":6:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find((dir / "corpus" / "002_bad_bytes.txt").string() + ":1:4:"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find(": error:"), std::string::npos) << r.err;
    EXPECT_EQ(file_count(dir / "out"), 2u);
    EXPECT_EQ(read_file(dir / "out" / "003_2bacc78b38ca7213.txt"),
              read_file(sample_corpus_dir() / "003_2bacc78b38ca7213.txt") + "\n");
}

TEST(Cli, StandardInputIsNamedInDiagnostics) {
    TempDir dir;
    write_file(dir / "in.txt", "Summary.\nIntro.\n");
    auto r = run_fascicle({"-f", "article-text", "-t", "article-text", "-", "-o", "-"}, "", (dir / "in.txt").string());
    EXPECT_EQ(r.status, 65);
    EXPECT_NE(r.err.find("<stdin>:2: error: expected a table of contents"), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
}

}  // namespace
}  // namespace fascicle::article_text
