// The reader through the fascicle CLI: the sample corpus as Markdown and back to article-text files
// gives the original articles byte for byte; Markdown read and written again gives the same bytes.
#include <test_support.hpp>

#include <fascicle/text.hpp>

#include <gtest/gtest.h>

#include <map>

namespace fascicle::markdown::test {
namespace {

namespace fs = std::filesystem;
using fascicle::test::read_file;
using fascicle::test::run_fascicle;
using fascicle::test::sample_corpus_dir;
using fascicle::test::TempDir;

// File name → bytes, for every file of a folder.
std::map<std::string, std::string> files_in(const fs::path& dir) {
    std::map<std::string, std::string> out;
    for (const auto& entry : fs::directory_iterator(dir)) out[entry.path().filename().string()] = read_file(entry.path());
    return out;
}

// The corpus written straight back as article-text files: the canonical form of each article
// (the original bytes plus a final newline), named by article id.
std::map<std::string, std::string> canonical_corpus(const TempDir& dir) {
    auto r = run_fascicle({sample_corpus_dir().string(), "-t", "article-text", "--split", (dir / "canonical").string()});
    EXPECT_EQ(r.status, 0) << r.err;
    auto files = files_in(dir / "canonical");
    EXPECT_EQ(files.size(), 5u);
    for (const auto& [name, bytes] : files)
        EXPECT_EQ(bytes, read_file(sample_corpus_dir() / name) + "\n") << name;
    return files;
}

// Split Markdown files are named by article id, and each is read with its file's id: the
// articles come back byte for byte under their own names.
TEST(MarkdownReaderCli, SplitMarkdownBackToTheCorpusByteForByte) {
    TempDir dir;
    const auto canonical = canonical_corpus(dir);
    auto md = run_fascicle({sample_corpus_dir().string(), "-t", "markdown", "--split", (dir / "md").string()});
    ASSERT_EQ(md.status, 0) << md.err;
    std::vector<std::string> args;
    for (const auto& [name, bytes] : files_in(dir / "md")) args.push_back((dir / "md" / name).string());
    ASSERT_EQ(args.size(), 5u);
    for (const char* a : {"-t", "article-text", "--split"}) args.emplace_back(a);
    args.push_back((dir / "back").string());
    auto back = run_fascicle(args);
    ASSERT_EQ(back.status, 0) << back.err;
    EXPECT_EQ(files_in(dir / "back"), canonical);
}

// A whole-book Markdown document carries the article ids in the anchors on the article
// headings: the files come back under their own names, with their own bytes.
TEST(MarkdownReaderCli, WholeBookMarkdownBackToTheCorpusByteForByte) {
    TempDir dir;
    const auto canonical = canonical_corpus(dir);
    for (const std::vector<std::string>& writer_options :
         {std::vector<std::string>{}, {"--markdown-flavor", "gfm", "--wrap", "auto", "--standalone"}}) {
        std::vector<std::string> write{sample_corpus_dir().string(), "-o", (dir / "corpus.md").string()};
        write.insert(write.end(), writer_options.begin(), writer_options.end());
        auto md = run_fascicle(write);
        ASSERT_EQ(md.status, 0) << md.err;
        fs::remove_all(dir / "back");
        auto back = run_fascicle({(dir / "corpus.md").string(), "-t", "article-text", "--split", (dir / "back").string(),
                               "--markdown-flavor", writer_options.empty() ? "commonmark" : "gfm"});
        ASSERT_EQ(back.status, 0) << back.err;
        EXPECT_EQ(files_in(dir / "back"), canonical);
    }
}

// The hostile-punctuation article(s) of tests/data/hostile: Markdown and back, byte for byte.
TEST(MarkdownReaderCli, HostileArticleBackByteForByte) {
    TempDir dir;
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(fascicle::test::test_data_dir() / "hostile")) {
        if (entry.path().extension() != ".txt") continue;
        ++files;
        auto canonical = run_fascicle({entry.path().string(), "-t", "article-text", "-o", (dir / "canonical.txt").string()});
        ASSERT_EQ(canonical.status, 0) << canonical.err;
        for (const char* flavor : {"commonmark", "gfm"}) {
            auto md = run_fascicle({entry.path().string(), "-o", (dir / "h.md").string(), "--markdown-flavor", flavor});
            ASSERT_EQ(md.status, 0) << md.err;
            auto back = run_fascicle({(dir / "h.md").string(), "-t", "article-text", "-o", (dir / "back.txt").string(),
                                   "--markdown-flavor", flavor});
            ASSERT_EQ(back.status, 0) << back.err;
            EXPECT_TRUE(read_file(dir / "back.txt") == read_file(dir / "canonical.txt")) << entry.path() << " " << flavor;
        }
    }
    EXPECT_GT(files, 0u);
}

// Our Markdown read and written again is the same document, metadata block included.
TEST(MarkdownReaderCli, MarkdownReadAndWrittenAgainIsTheSameDocument) {
    TempDir dir;
    for (const std::vector<std::string>& options :
         {std::vector<std::string>{}, {"--standalone"}, {"--markdown-flavor", "gfm", "--columns", "60", "--standalone"}}) {
        std::vector<std::string> first{sample_corpus_dir().string(), "-o", (dir / "first.md").string()};
        first.insert(first.end(), options.begin(), options.end());
        auto a = run_fascicle(first);
        ASSERT_EQ(a.status, 0) << a.err;
        std::vector<std::string> second{(dir / "first.md").string(), "-o", (dir / "second.md").string()};
        second.insert(second.end(), options.begin(), options.end());
        auto b = run_fascicle(second);
        ASSERT_EQ(b.status, 0) << b.err;
        EXPECT_TRUE(read_file(dir / "first.md") == read_file(dir / "second.md")) << "options: " << options.size();
    }
}

TEST(MarkdownReaderCli, ErrorsNameTheFileAndLineAndFailTheRun) {
    TempDir dir;
    fascicle::test::write_file(dir / "bad.md", "# Title\n\nfine\n\nbad \xE9 byte\n");
    auto r = run_fascicle({(dir / "bad.md").string(), "-o", (dir / "out.txt").string(), "-t", "article-text"});
    EXPECT_EQ(r.status, 65) << r.err;
    EXPECT_NE(r.err.find("bad.md:5:5: error: the byte 0xE9 does not begin a valid UTF-8 sequence"), std::string::npos)
        << r.err;
    EXPECT_FALSE(fs::exists(dir / "out.txt"));
}

TEST(MarkdownReaderCli, BadArticleLevelIsAUsageError) {
    TempDir dir;
    fascicle::test::write_file(dir / "a.md", "# Title\n\ntext\n\n## Section\n\ntext\n");
    auto r = run_fascicle({(dir / "a.md").string(), "-o", (dir / "out.md").string(), "--markdown-article-level", "7"});
    EXPECT_EQ(r.status, 64) << r.err;
    EXPECT_NE(r.err.find("--markdown-article-level must be a heading level from 1 to 6, not '7'"), std::string::npos)
        << r.err;
    auto help = run_fascicle({"--help"});
    EXPECT_NE(help.out.find("--markdown-article-level"), std::string::npos);
}

}  // namespace
}  // namespace fascicle::markdown::test
