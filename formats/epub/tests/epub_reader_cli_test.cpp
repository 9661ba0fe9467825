// The reader through the fascicle CLI: the sample corpus to EPUB and back to article-text files
// gives the original files byte for byte, from a file and from standard input; EPUB to EPUB
// gives the same bytes; a bad EPUB fails with its message.
#include "reader_expectations.hpp"

#include <test_support.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

namespace fascicle::epub::test {
namespace {

using fascicle::test::read_file;
using fascicle::test::run_fascicle;
using fascicle::test::TempDir;

std::vector<std::string> file_names(const std::filesystem::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// The split folder holds exactly the corpus files, each as the writer's canonical form of the
// original: the same bytes plus the final newline the samples lack (FORMAT.md).
void expect_corpus_files(const std::filesystem::path& dir) {
    std::vector<std::string> expected_names;
    for (const auto& f : fascicle::test::sample_corpus_files()) {
        expected_names.push_back(f.filename().string());
        const std::string original = read_file(f);
        ASSERT_NE(original.back(), '\n');
        EXPECT_EQ(read_file(dir / f.filename()), original + "\n") << f.filename();
    }
    EXPECT_EQ(file_names(dir), expected_names);
}

class ReaderCli : public ::testing::Test {
protected:
    void SetUp() override {
        epub_ = dir_ / "corpus.epub";
        const auto r = run_fascicle({"-q", fascicle::test::sample_corpus_dir().string(), "-o", epub_.string()});
        ASSERT_EQ(r.status, 0) << r.err;
    }
    TempDir dir_;
    std::filesystem::path epub_;
};

TEST_F(ReaderCli, CorpusBackToArticleTextByteForByte) {
    const auto out = dir_ / "split";
    const auto r = run_fascicle({"-q", epub_.string(), "-t", "article-text", "--split", out.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.err, "");
    expect_corpus_files(out);
}

TEST_F(ReaderCli, CorpusFromStandardInput) {
    const auto out = dir_ / "split";
    const auto r =
        run_fascicle({"-q", "-", "-f", "epub", "-t", "article-text", "--split", out.string()}, "", epub_.string());
    ASSERT_EQ(r.status, 0) << r.err;
    expect_corpus_files(out);
}

TEST_F(ReaderCli, CorpusFromAPipeNamedAsAFile) {
    // /dev/stdin on a pipe has no size: the reader reads the stream the pipeline opened.
    const auto out = dir_ / "split";
    const auto r =
        fascicle::test::run_shell("cat " + fascicle::test::shell_quote(epub_.string()) + " | env -u FASCICLE_PLUGIN_PATH " +
                               fascicle::test::shell_quote(FASCICLE_EXE) + " -q /dev/stdin -f epub -t article-text --split " +
                               fascicle::test::shell_quote(out.string()));
    ASSERT_EQ(r.status, 0) << r.err;
    expect_corpus_files(out);
}

TEST_F(ReaderCli, EpubToEpubGivesTheSameBytes) {
    // Metadata from the package, titles from the chapters, the conclusion headings: all that the
    // writer needs comes back, so writing again gives the same archive.
    const auto again = dir_ / "again.epub";
    const auto r = run_fascicle({"-q", epub_.string(), "-o", again.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(read_file(again) == read_file(epub_));
}

TEST_F(ReaderCli, HostileArticleBack) {
    const auto hostile = hostile_file();
    const auto epub = dir_ / "hostile.epub";
    const auto back = dir_ / "hostile.txt";
    auto r = run_fascicle({"-q", hostile.string(), "-o", epub.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    r = run_fascicle({"-q", epub.string(), "-t", "article-text", "-o", back.string()});
    ASSERT_EQ(r.status, 0) << r.err;
    // The file in canonical form (a final newline), each line as HTML shows it: only the line of
    // tabs and space runs differs.
    std::istringstream lines(read_file(hostile));
    std::string line, expected;
    while (std::getline(lines, line)) expected += as_html_shows(line) + "\n";
    EXPECT_EQ(read_file(back), expected);
}

TEST_F(ReaderCli, SkippedDocumentsAreNotesShownWithVerbose) {
    const auto r = run_fascicle({"-v", epub_.string(), "-t", "article-text", "--split", (dir_ / "split").string()});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.err.find("corpus.epub(EPUB/text/title-page.xhtml): note: left out: the title page"), std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("corpus.epub(EPUB/nav.xhtml): note: left out: the navigation document"), std::string::npos)
        << r.err;
}

TEST_F(ReaderCli, NotAZipFailsWithItsMessageAndWritesNothing) {
    const auto bad = dir_ / "bad.epub";
    fascicle::test::write_file(bad, "This is plain text, not an archive.\n");
    const auto out = dir_ / "out.txt";
    const auto r = run_fascicle({bad.string(), "-t", "article-text", "-o", out.string()});
    EXPECT_NE(r.status, 0);
    EXPECT_NE(r.err.find(bad.string() + ": error: not an EPUB: not a zip archive (Not a zip archive)"),
              std::string::npos)
        << r.err;
    EXPECT_FALSE(std::filesystem::exists(out));
}

TEST_F(ReaderCli, TruncatedArchiveFails) {
    const std::string bytes = read_file(epub_);
    const auto cut = dir_ / "cut.epub";
    fascicle::test::write_file(cut, bytes.substr(0, bytes.size() / 2));
    const auto r = run_fascicle({cut.string(), "-t", "article-text", "--split", (dir_ / "split").string()});
    EXPECT_NE(r.status, 0);
    EXPECT_NE(r.err.find("not an EPUB: the zip archive is truncated or damaged"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace fascicle::epub::test
