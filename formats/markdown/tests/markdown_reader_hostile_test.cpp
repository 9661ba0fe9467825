// Hostile Markdown: nesting far past --max-nesting, tables far too wide, images reaching out
// of the input's folder. Each is refused or reported with its file, line and a clear message,
// quickly and without exhausting the stack.
#include "read_markdown.hpp"

#include <test_support.hpp>

#include <gtest/gtest.h>

#include <fstream>

namespace fascicle::markdown::test {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t deep = 100'000;

TEST(MarkdownReaderHostile, QuotesNested100kDeepAreAnErrorNamingTheOption) {
    auto read = read_markdown("# T\n\n" + std::string(deep, '>') + " deep\n");
    EXPECT_EQ(read.status, Status::failed);
    EXPECT_TRUE(read.book.articles.empty());
    EXPECT_EQ(problems(read), "doc.md:3:101: error: block quotes and lists are nested more than 100 levels deep here: "
                              "Fascicle reads at most 100 (--max-nesting N raises the limit)\n");
}

TEST(MarkdownReaderHostile, ListsNested100kDeepAreAnErrorNamingTheOption) {
    std::string doc = "# T\n\n";
    for (std::size_t i = 0; i < deep; ++i) doc += "- ";
    doc += "deep\n";
    auto read = read_markdown(doc);
    EXPECT_EQ(read.status, Status::failed);
    EXPECT_EQ(problems(read), "doc.md:3:201: error: block quotes and lists are nested more than 100 levels deep here: "
                              "Fascicle reads at most 100 (--max-nesting N raises the limit)\n");
}

TEST(MarkdownReaderHostile, EmphasisNested100kDeepIsAnErrorNamingTheOption) {
    const std::string doc = "# T\n\n" + std::string(deep, '*') + "x" + std::string(deep, '*') + "\n";
    auto read = read_markdown(doc);
    EXPECT_EQ(read.status, Status::failed);
    const std::string p = problems(read);
    EXPECT_EQ(p.rfind("doc.md:3:", 0), 0u) << p;
    EXPECT_NE(p.find("error: emphasis, strong and links are nested more than 100 levels deep here: Fascicle reads at "
                     "most 100 (--max-nesting N raises the limit)"),
              std::string::npos)
        << p;
}

TEST(MarkdownReaderHostile, A100kColumnTableIsRefusedBeforeParsing) {
    std::string doc = "# T\n\nText.\n\n|";
    for (std::size_t i = 0; i < deep; ++i) doc += "a|";
    doc += "\n|";
    for (std::size_t i = 0; i < deep; ++i) doc += "-|";
    doc += "\n";
    auto read = read_markdown(doc, {{"markdown-flavor", "gfm"}});
    EXPECT_EQ(read.status, Status::failed);
    EXPECT_EQ(problems(read), "doc.md:5: error: this line holds more than 1001 '|': expected a table of at most 1000 "
                              "columns (wider GFM tables take the parser too long to read)\n");
}

TEST(MarkdownReaderHostile, A1000ColumnTableIsRead) {
    std::string doc = "# T\n\n|";
    for (std::size_t i = 0; i < 1000; ++i) doc += "a|";
    doc += "\n|";
    for (std::size_t i = 0; i < 1000; ++i) doc += "-|";
    doc += "\n";
    auto read = read_markdown(doc, {{"markdown-flavor", "gfm"}});
    ASSERT_EQ(read.status, Status::ok) << problems(read);
    EXPECT_EQ(read.book.articles.at(0).introduction.at(0).table.columns.size(), 1000u);
}

TEST(MarkdownReaderHostile, A200kRowPipeTableIsRead) {
    std::string doc = "# T\n\n|a|b|\n|-|-|\n";
    for (std::size_t i = 0; i < 200'000; ++i) doc += "|x|y|\n";
    auto read = read_markdown(doc, {{"markdown-flavor", "gfm"}});
    ASSERT_EQ(read.status, Status::ok) << problems(read);
    EXPECT_EQ(read.book.articles.at(0).introduction.at(0).table.body.size(), 200'000u);
}

TEST(MarkdownReaderHostile, ImagePathsOutsideTheInputFolderAreNotRead) {
    fascicle::test::TempDir dir;
    fs::create_directories(dir / "in" / "sub");
    std::ofstream(dir / "outside.png") << "PNG";
    fs::create_symlink(dir / "outside.png", dir / "in" / "link.png");
    std::ofstream(dir / "in" / "doc.md") << "# T\n\n![a](../outside.png)\n\n![b](sub/../../outside.png) ![c](link.png) "
                                            "![d](%2E%2E/outside.png)\n";
    auto read = read_markdown_file(dir / "in" / "doc.md");
    ASSERT_EQ(read.status, Status::ok);
    EXPECT_TRUE(read.resources.empty());
    EXPECT_EQ(problems(read), (dir / "in" / "doc.md").string() +
                                  ":3: warning: 4 out-of-folder images not read (the path leaves the input's folder): "
                                  "kept as images of their paths, with no file (the first is here)\n");
}

}  // namespace
}  // namespace fascicle::markdown::test
