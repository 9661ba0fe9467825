// The flavours per direction, as pandoc spells them: the formats gfm and commonmark beside
// markdown, so that one run reads GFM and writes CommonMark; .md files still read as markdown.
#include <test_support.hpp>

#include <gtest/gtest.h>

#include <fstream>

namespace fascicle::markdown::test {
namespace {

namespace fs = std::filesystem;
using fascicle::test::read_file;
using fascicle::test::run_fascicle;
using fascicle::test::TempDir;

const char* gfm_document = "# Doc\n\n~~gone~~ and a note[^n].\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n- [x] done\n\n[^n]: The note.\n";

TEST(MarkdownFlavorCli, GfmInCommonMarkOut) {
    TempDir dir;
    std::ofstream(dir / "in.md") << gfm_document;
    auto r = run_fascicle({"-f", "gfm", (dir / "in.md").string(), "-t", "commonmark", "-o", (dir / "out.md").string()});
    ASSERT_EQ(r.status, 0) << r.err;
    const std::string out = read_file(dir / "out.md");
    // CommonMark has no strikethrough or pipe tables: HTML, which it passes through.
    EXPECT_NE(out.find("<del>gone</del>"), std::string::npos) << out;
    EXPECT_NE(out.find("<th scope=\"col\">a</th>"), std::string::npos) << out;
    EXPECT_EQ(out.find("~~"), std::string::npos) << out;
    // Notes and task boxes CommonMark cannot hold: warnings from the writer, naming the input.
    EXPECT_NE(r.err.find("1 notes cannot be held by Markdown"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("1 task list cannot be held by CommonMark"), std::string::npos) << r.err;
}

TEST(MarkdownFlavorCli, GfmInGfmOutKeepsTheExtensions) {
    TempDir dir;
    std::ofstream(dir / "in.md") << gfm_document;
    auto r = run_fascicle({"-f", "gfm", (dir / "in.md").string(), "-t", "gfm", "-o", "-"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_NE(r.out.find("~~gone~~"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("|-----|----:|"), std::string::npos) << r.out;  // a pipe table, with its alignment
    EXPECT_NE(r.out.find("- [x] done"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("a note[^in-1]."), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("[^in-1]: The note."), std::string::npos) << r.out;
}

TEST(MarkdownFlavorCli, MdFilesStillReadAsMarkdownWhichIsCommonMarkByDefault) {
    TempDir dir;
    std::ofstream(dir / "in.md") << gfm_document;
    auto r = run_fascicle({(dir / "in.md").string(), "-t", "gfm", "-o", "-"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out.find("~~gone~~"), std::string::npos) << r.out;  // CommonMark read "~~" as text
    EXPECT_NE(r.out.find("\\~\\~gone\\~\\~"), std::string::npos) << r.out;
    auto gfm = run_fascicle({(dir / "in.md").string(), "--markdown-flavor", "gfm", "-t", "commonmark", "-o", "-"});
    ASSERT_EQ(gfm.status, 0) << gfm.err;
    EXPECT_NE(gfm.out.find("<del>gone</del>"), std::string::npos) << gfm.out;
}

TEST(MarkdownFlavorCli, FormatsListedWithTheirHelp) {
    auto r = run_fascicle({"--list-formats"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("gfm           .md .markdown     GitHub Flavored Markdown"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("commonmark    (with -t only)"), std::string::npos) << r.out;
    auto help = run_fascicle({"--help"});
    EXPECT_NE(help.out.find("--markdown-math"), std::string::npos) << help.out;
    EXPECT_NE(help.out.find("--fail-on-loss"), std::string::npos) << help.out;
}

TEST(MarkdownFlavorCli, LossesAreErrorsWithFailOnLoss) {
    TempDir dir;
    std::ofstream(dir / "in.md") << "# Doc\n\n![x](../x.png)\n";
    auto warn = run_fascicle({"-f", "gfm", (dir / "in.md").string(), "-t", "gfm", "-o", "-"});
    EXPECT_EQ(warn.status, 0) << warn.err;
    EXPECT_NE(warn.err.find((dir / "in.md").string() + ":3: warning: 1 out-of-folder image not read (the path leaves "
                                                       "the input's folder): kept as images of their paths, with no file\n"),
              std::string::npos)
        << warn.err;
    auto fail = run_fascicle({"-f", "gfm", (dir / "in.md").string(), "-t", "gfm", "-o", "-", "--fail-on-loss"});
    EXPECT_NE(fail.status, 0);
    EXPECT_NE(fail.err.find(":3: error: 1 out-of-folder image not read (the path leaves the input's folder): kept as "
                            "images of their paths, with no file (--fail-on-loss)"),
              std::string::npos)
        << fail.err;
}

}  // namespace
}  // namespace fascicle::markdown::test
